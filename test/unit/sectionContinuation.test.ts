import { describe, expect, it } from "vitest";
import { sectionContinuation } from "../../src/handlers/ask/sectionContinuation.js";
import type { Chunk } from "../../src/knowledge/types.js";

const text =
  "### 3.3 Pleegzorg\n\nHet streven is om de nieuwe woonomgeving dichtbij de oude te realiseren. Daarmee blijft de band met school en buurt.\n\nOok dit vraagt om een persoonlijke afweging.\n\nAls er geen pleeggezinnen in de buurt zijn, vormen gezinshuizen een alternatief.";
const chunk: Chunk = { id: "c1", documentId: "visie.md", documentTitle: "Visie", sectionPath: ["3 Verblijf", "3.3 Pleegzorg"], start: 0, end: text.length, text };
const other: Chunk = { ...chunk, id: "c0", documentId: "plan.md", text: "Het streven is om de nieuwe woonomgeving dichtbij de oude te realiseren. Iets anders." };
const source = { n: 1, documentId: "visie.md", documentTitle: "Visie", section: "3 Verblijf › 3.3 Pleegzorg", quote: "Het streven is om de nieuwe woonomgeving dichtbij de oude te realiseren. Daarmee blijft…" };

describe("sectionContinuation", () => {
  it("quotes what the cited passage says right after the lines the answer showed", () => {
    const shown = "“Het streven is om de nieuwe woonomgeving dichtbij de oude te realiseren. Daarmee blijft de band met school en buurt.” [1]";
    const next = sectionContinuation([other, chunk], source, shown);
    expect(next?.text).toBe("“Ook dit vraagt om een persoonlijke afweging. Als er geen pleeggezinnen in de buurt zijn, vormen gezinshuizen een alternatief.” [1]");
    expect(next?.chunk.id).toBe("c1");
    expect(next?.first).toBe("Ook dit vraagt om een persoonlijke afweging.");
  });

  it("gives nothing when the answer showed the passage to its end, or none of it", () => {
    expect(sectionContinuation([chunk], source, "“Als er geen pleeggezinnen in de buurt zijn, vormen gezinshuizen een alternatief.” [1]")).toBeUndefined();
    expect(sectionContinuation([chunk], source, "“Iets heel anders.” [1]")).toBeUndefined();
    expect(sectionContinuation([other], source, "“Het streven is om de nieuwe woonomgeving dichtbij de oude te realiseren.” [1]")).toBeUndefined();
  });
});
