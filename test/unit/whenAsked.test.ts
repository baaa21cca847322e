import { describe, expect, it } from "vitest";
import { asksWhenCondition, saysWhen } from "../../src/handlers/ask/whenAsked.js";

describe("asksWhenCondition", () => {
  it.each([
    ["wanneer kies ik voor een spoedmachtiging ipv een reguliere?", true],
    ["Wanneer schakel ik het expertteam in?", true],
    ["wanneer is een spoedberaad nodig? en wie zit erbij?", true],
    // A date is checked by the answer type; "wanneer" later in the message is no question for a condition.
    ["wanneer start het servicepunt?", false],
    ["wie beslist wanneer een jongere geplaatst wordt?", false],
    ["hoe vraag ik een machtiging aan?", false],
  ])("%j: %s", (question, expected) => {
    expect(asksWhenCondition(question)).toBe(expected);
  });
});

describe("saysWhen: a condition, moment, span or date in quoted text", () => {
  it.each([
    ["Gedeelde verklarende analyse (bij complexe problematiek en dreigende ver- en uithuisplaatsing)", true],
    ["Op tijd inbrengen bij Servicepunt en/of Expertteam", true],
    ["Versnelde toegang (na spoedberaad) tot specialistisch aanbod", true],
    ["Half 2027 zijn de plekken afgebouwd.", true],
    ["De rechter beslist binnen zes weken.", true],
    // Findings or goals that name the same things, but not when.
    ["een groot deel van de jongeren (circa 70%) met een spoedmachtiging wordt geplaatst (i.p.v. een reguliere machtiging);", false],
    ["Weten we spoedplaatsingen te voorkomen", false],
  ])("%j: %s", (text, expected) => {
    expect(saysWhen(text)).toBe(expected);
  });
});
