import { describe, expect, it } from "vitest";
import { termMentions } from "../../src/handlers/ask/termMentions.js";
import type { RetrievedPassage } from "../../src/knowledge/types.js";

function passage(id: string, text: string, sectionPath: string[]): RetrievedPassage {
  return { chunk: { id, documentId: "plan.md", documentTitle: "Plan", sectionPath, start: 0, end: text.length, text }, score: 1, coverage: 0.5 };
}

const mentionsServicepunt = (line: string) => /servicepunt/i.test(line);

describe("termMentions (a term the documents use but do not define)", () => {
  it("quotes one line that mentions the term per section, best passage first, a list item under its lead-in", () => {
    const found = termMentions(
      [
        passage("a", "In 2027:\n- Is elke casus op tijd ingebracht bij het Servicepunt en het Expertteam\n- Zijn er geen spoedplaatsingen meer", ["Doelen"]),
        passage("b", "Een tweede regel over het Servicepunt in dezelfde sectie, die niet nog eens komt.", ["Doelen"]),
        passage("c", "Servicepunt bellen\nDe inzet van HSJ-kennis wordt gekoppeld aan het Servicepunt voor een spoedberaad.", ["Organiseren"]),
        passage("d", "Hier staat niets over het onderwerp van de vraag.", ["Overig"]),
      ],
      mentionsServicepunt,
    )!;
    expect(found.text).toBe(
      "“In 2027:”\n- Is elke casus op tijd ingebracht bij het Servicepunt en het Expertteam [1]\n“De inzet van HSJ-kennis wordt gekoppeld aan het Servicepunt voor een spoedberaad.” [2]",
    );
    expect(found.sources.map((s) => [s.n, s.section])).toEqual([
      [1, "Doelen"],
      [2, "Organiseren"],
    ]);
    // The passages it does not quote stay behind "Meer bronnen", numbered on.
    expect(found.rest.map((s) => s.n)).toEqual([3, 4]);
  });

  it("quotes a mentioning sentence with the next one when that says, pointing back, what the term means", () => {
    const found = termMentions(
      [
        passage("a", "In dit plan komt het Servicepunt vaak terug. Dit wordt hier als volgt omschreven: het loket voor consulten. Daarna volgt iets anders.", ["Begrippen"]),
        passage("b", "De inzet van HSJ-kennis wordt gekoppeld aan het Servicepunt voor een spoedberaad.", ["Organiseren"]),
      ],
      mentionsServicepunt,
    )!;
    expect(found.text.split("\n")[0]).toBe("“In dit plan komt het Servicepunt vaak terug. Dit wordt hier als volgt omschreven: het loket voor consulten.” [1]");
  });

  it("quotes a line that announces a list with the list's items", () => {
    const found = termMentions(
      [
        passage("a", "Bij het Servicepunt zijn er vier stappen:\n- Aanmelden bij de coördinator\n- Consult binnen een week\n  - eventueel met het Expertteam\n- Advies op schrift", ["Werkwijze"]),
        passage("b", "De inzet van HSJ-kennis wordt gekoppeld aan het Servicepunt voor een spoedberaad.", ["Organiseren"]),
      ],
      mentionsServicepunt,
    )!;
    expect(found.text.split("\n").slice(0, 4)).toEqual(["“Bij het Servicepunt zijn er vier stappen:”", "- Aanmelden bij de coördinator", "- Consult binnen een week", "- Advies op schrift [1]"]);
    // Each passage at the index its number is one more than: the cited ones first.
    expect(found.numbered.map((p) => p.chunk.id)).toEqual(["a", "b"]);
  });

  it("leaves the answer as it was when fewer than two sections mention the term in a line of some length", () => {
    expect(termMentions([passage("a", "Duidelijkheid Servicepunt", ["Wolk"]), passage("b", "Het Servicepunt regelt de inzet van kennis bij een spoedberaad.", ["Organiseren"])], mentionsServicepunt)).toBeUndefined();
  });

  it("does not count a question the document asks as a mention of the term", () => {
    const found = termMentions(
      [
        passage("a", "Wat als de inzet van het Servicepunt niet toereikend is?\nHet Servicepunt wordt gekoppeld aan de inzet van een spoedberaad.", ["Wolk"]),
        passage("b", "Wat doen we als het Servicepunt geen plek vindt voor de jongere?", ["Vragen"]),
      ],
      mentionsServicepunt,
      1,
    )!;
    expect(found.text).toBe("“Het Servicepunt wordt gekoppeld aan de inzet van een spoedberaad.” [1]");
  });
});
