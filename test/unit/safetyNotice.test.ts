import { describe, expect, it } from "vitest";
import { SAFETY_TEXT, speaksOfDangerToLife, withSafetyNotice } from "../../src/bot/safetyNotice.js";

describe("safety notice (a message about a danger to someone's life)", () => {
  it.each([
    "Ik heb een patient van 15 die echt in crisis is, dreigt met suicide en loopt steeds weg. Wie moet ik bellen?",
    "jongere is suïcidaal, wat nu?",
    "ze heeft zelfmoordgedachten en wil niet naar huis",
    "hij zegt dat hij zichzelf iets aan gaat doen",
    "er is levensgevaar voor het meisje",
  ])("leads the reply for: %s", (text) => {
    expect(speaksOfDangerToLife(text)).toBe(true);
    const [reply] = withSafetyNotice(text, [{ parts: [{ kind: "text", text: "antwoord" }] }]);
    expect(reply!.parts[0]).toEqual({ kind: "notice", level: "warning", text: SAFETY_TEXT });
    expect(reply!.parts[1]).toEqual({ kind: "text", text: "antwoord" });
  });

  it.each([
    "wat zegt het actieplan over suïcidepreventie?",
    "hoe willen ze het aantal suïcides terugdringen?",
    "hoe vraag ik een machtiging aan?",
  ])("leaves the reply alone for a question about the plans: %s", (text) => {
    expect(speaksOfDangerToLife(text)).toBe(false);
    const replies = [{ parts: [{ kind: "text" as const, text: "antwoord" }] }];
    expect(withSafetyNotice(text, replies)).toBe(replies);
  });

  it("says where acute help is and that Wegwijs is no crisis service", () => {
    expect(SAFETY_TEXT).toContain("112");
    expect(SAFETY_TEXT).toContain("0800-0113");
    expect(SAFETY_TEXT).toContain("geen crisisdienst");
  });
});
