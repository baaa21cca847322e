import { describe, expect, it } from "vitest";
import { partHolding } from "../../src/handlers/ask/saidBefore.js";

/** A weight that counts which of the words a text holds, as a share. */
const weightOf = (words: string[]) => (text: string) => words.filter((word) => text.toLowerCase().includes(word)).length / words.length;

const list = "“Daar spreken we het volgende over af:”\n- bij vrijwillige hulp is het wijkteam de casusregisseur;\n- bij acute vermoedens komt de melding bij Veilig Thuis;\n- bij een ondertoezichtstelling komt de casusregie bij de GI te liggen. [1]";

describe("partHolding", () => {
  it("keeps a list's lead-in with only the items that hold most of what is asked", () => {
    // "en als er een ots komt?": the OTS item holds both words, the Veilig Thuis item only "komt".
    expect(partHolding(list, weightOf(["ondertoezichtstelling", "komt"]))).toBe("“Daar spreken we het volgende over af:”\n- bij een ondertoezichtstelling komt de casusregie bij de GI te liggen. [1]");
  });

  it("keeps each quotation that holds it, with its marker, and leaves the others out", () => {
    const answer = "“Het expertiseteam bundelt kennis.” [1]\n“Pleegzorg is de beste optie.” [2]";
    expect(partHolding(answer, weightOf(["pleegzorg"]))).toBe("“Pleegzorg is de beste optie.” [2]");
  });

  it("reads an item under its lead-in: 'In 2027:' gives each of its items a date", () => {
    const answer = "“In 2027:”\n- Is voor alle jongeren een analyse opgesteld [1]\n“Trainen verwijzers in het opstellen van de analyse.” [2]";
    const hasYear = (text: string) => (/\b20\d\d\b/.test(text) ? 1 : 0);
    expect(partHolding(answer, hasYear)).toBe("“In 2027:”\n- Is voor alle jongeren een analyse opgesteld [1]");
  });

  it("gives nothing when nothing holds any of it, or when everything holds as much (that is the answer itself)", () => {
    expect(partHolding(list, weightOf(["pgb"]))).toBeUndefined();
    // One common word of four is not what is asked ("geldt dat ook voor pubers van 15?").
    expect(partHolding(list, weightOf(["vrijwillige", "pubers", "vijftien", "zestien"]))).toBeUndefined();
    expect(partHolding(list, weightOf(["bij"]))).toBeUndefined();
  });
});
