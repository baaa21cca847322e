import { describe, expect, it } from "vitest";
import { caseNumberIn } from "../../src/bot/caseNumber.js";

describe("caseNumberIn", () => {
  it("finds a case number written as letters, a dash and digits, also with a few letters before the digits", () => {
    expect(caseNumberIn("kun je een spoedberaad starten voor CASUS-0412?")).toBe("CASUS-0412");
    expect(caseNumberIn("kun je een spoedberaad checklist starten voor CASUS-R17?")).toBe("CASUS-R17");
    expect(caseNumberIn("consult voor zaak ab-12, graag")).toBe("ab-12");
  });

  it("finds none in words with a dash, numbers alone or a longer run of letters after the dash", () => {
    for (const text of ["wat is JZ-plus?", "jongeren van 12-18 jaar", "de 18-jarige", "CASUS-ROTTERDAM12"]) expect(caseNumberIn(text), text).toBeUndefined();
  });
});
