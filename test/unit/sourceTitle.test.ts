import { describe, expect, it } from "vitest";
import { deriveShortTitle, SHORT_TITLE_CHARS, sourceTitle } from "../../src/bot/sourceTitle.js";

describe("sourceTitle", () => {
  it("uses the configured short title", () => {
    expect(sourceTitle({ documentTitle: "Een heel lange titel van een plandocument", shortTitle: " Plan  2020 " })).toBe("Plan 2020");
  });

  it("names a document by its subtitle when the title has one", () => {
    expect(deriveShortTitle("Nabij en passend: regiovisie jeugdhulp regio Rijnmond")).toBe("Regiovisie jeugdhulp regio Rijnmond");
  });

  it("keeps a short title and cuts a long one at a word", () => {
    expect(deriveShortTitle("Betere jeugdzorg organiseer je van onderop")).toBe("Betere jeugdzorg organiseer je van onderop");
    const long = deriveShortTitle("Vijfde voortgangsrapportage Actieprogramma Zorg voor de Jeugd en nog wat meer woorden");
    expect(long.length).toBeLessThanOrEqual(SHORT_TITLE_CHARS);
    expect(long).toMatch(/^Vijfde voortgangsrapportage .*\p{L}…$/u);
  });
});
