import { describe, expect, it } from "vitest";
import { SAFETY_TEXT, speaksOfAcuteDanger, speaksOfDangerToLife, URGENT_SAFETY_TEXT, withSafetyNotice } from "../../src/bot/safetyNotice.js";

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

  it("points to 112 and Veilig Thuis for a young person in acute danger that is not said to be about life", () => {
    const text = "ze is vannacht weer weg geweest, politie vond haar bij een veel oudere man. het loopt echt uit de hand.";
    expect(speaksOfDangerToLife(text)).toBe(false);
    expect(speaksOfAcuteDanger(text)).toBe(true);
    const [reply] = withSafetyNotice(text, [{ parts: [{ kind: "text", text: "antwoord" }] }]);
    expect(reply!.parts[0]).toEqual({ kind: "notice", level: "warning", text: URGENT_SAFETY_TEXT });
    expect(URGENT_SAFETY_TEXT).toContain("0800-2000");
    // An urgent word alone, or about the plans, is no case in danger.
    expect(speaksOfAcuteDanger("wat zegt het actieplan over crisisopvang?")).toBe(false);
    expect(speaksOfAcuteDanger("hoe vaak gaat het mis bij plaatsingen?")).toBe(false);
  });

  it("says where acute help is and that Wegwijs is no crisis service", () => {
    expect(SAFETY_TEXT).toContain("112");
    expect(SAFETY_TEXT).toContain("0800-0113");
    expect(SAFETY_TEXT).toContain("geen crisisdienst");
  });
});
