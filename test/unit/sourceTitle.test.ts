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

describe("the opening quote of a source", () => {
  it("runs a lead-in or a very short first line on into the next, and keeps a full sentence as it is", async () => {
    const { openingQuote } = await import("../../src/handlers/ask/citations.js");
    expect(openingQuote(["In 2027:", "Zijn de JeugdzorgPlus-plekken in de huidige vorm om- en afgebouwd.", "Meer."])).toBe(
      "In 2027: Zijn de JeugdzorgPlus-plekken in de huidige vorm om- en afgebouwd.",
    );
    expect(openingQuote(["Geconstateerd wordt dat:", "een groot deel", "van de jongeren met spoed wordt geplaatst;"])).toBe(
      "Geconstateerd wordt dat: een groot deel van de jongeren met spoed wordt geplaatst;",
    );
    const sentence = "Het Servicepunt JeugdzorgPlus denkt mee over de inzet van hoogspecialistische hulp.";
    expect(openingQuote([sentence, "Een tweede zin."])).toBe(sentence);
    expect(openingQuote([])).toBeUndefined();
  });
});
