import { describe, expect, it } from "vitest";
import { caseNumberIn, withoutCaseNumbers } from "../../src/bot/caseNumber.js";

describe("caseNumberIn", () => {
  it("finds a case number written as letters, a dash and digits, also with a few letters before the digits", () => {
    expect(caseNumberIn("kun je een spoedberaad starten voor CASUS-0412?")).toBe("CASUS-0412");
    expect(caseNumberIn("kun je een spoedberaad checklist starten voor CASUS-R17?")).toBe("CASUS-R17");
    expect(caseNumberIn("consult voor zaak ab-12, graag")).toBe("ab-12");
    // With more parts, and any number right after a word that says one follows (new-user try of the thirty-ninth session).
    expect(caseNumberIn("Ons casusnummer is DR-2024-17.")).toBe("DR-2024-17");
    expect(caseNumberIn("spoedberaad voor casus 2024-17")).toBe("2024-17");
    expect(caseNumberIn("zaak: SCH0412.")).toBe("SCH0412");
  });

  it("takes no bare run of digits after such a word: it may be a BSN", () => {
    expect(caseNumberIn("casusnummer 123456789")).toBeUndefined();
    expect(caseNumberIn("die casus is lastig, wat nu?")).toBeUndefined();
  });

  it("finds none in words with a dash, numbers alone or a longer run of letters after the dash", () => {
    for (const text of ["wat is JZ-plus?", "jongeren van 12-18 jaar", "de 18-jarige", "CASUS-ROTTERDAM12"]) expect(caseNumberIn(text), text).toBeUndefined();
  });
});

describe("withoutCaseNumbers", () => {
  it("takes the case numbers out of a question, not the words around them", () => {
    expect(withoutCaseNumbers("Ik heb een meisje van 14 (casus RZ-0412) dat steeds wegloopt. Wie heeft de casusregie?")).toBe("Ik heb een meisje van 14 (casus ) dat steeds wegloopt. Wie heeft de casusregie?");
    expect(withoutCaseNumbers("spoedberaad voor CASUS-0412 en GR-17 graag")).toBe("spoedberaad voor  en  graag");
    expect(withoutCaseNumbers("wat is JZ-plus in 2027?")).toBe("wat is JZ-plus in 2027?");
  });
});
