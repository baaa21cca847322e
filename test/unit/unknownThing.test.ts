import { describe, expect, it } from "vitest";
import { isWordOrCompound, namedThings, unknownThingNamed, unknownThingNotice } from "../../src/handlers/ask/unknownThing.js";

const words = new Set(["ouder", "bijdrage", "instemming", "verklaring", "betalen", "woonplaats", "beginsel"]);
const isWord = (word: string) => words.has(word);

describe("unknownThing", () => {
  it("reads the nouns after an article as what the question names, with the next word when the first may be an adjective", () => {
    expect([...namedThings("Moeten ouders een ouderbijdrage betalen?")]).toEqual(["ouderbijdrage", "betalen"]);
    expect([...namedThings("geldt het woonplaatsbeginsel?")]).toEqual(["woonplaatsbeginsel"]);
    // Not after a pronoun ("als je meldt"), nor a short abbreviation ("het mt").
    expect([...namedThings("wat doe je als je meldt bij het mt?")]).toEqual([]);
  });

  it("counts a compound of two listed words, with a linking s or e, as a word; a typo or a name not", () => {
    expect(isWordOrCompound("ouderbijdrage", isWord)).toBe(true);
    expect(isWordOrCompound("instemmingsverklaring", isWord)).toBe(true);
    expect(isWordOrCompound("uitgedaagt", isWord)).toBe(false);
    expect(isWordOrCompound("lirik", isWord)).toBe(false);
  });

  it("finds the first named thing that no document uses and that is not skipped", () => {
    const question = "Moeten ouders een ouderbijdrage betalen?";
    const scorerWords = ["ouders", "ouderbijdrage", "betalen"];
    const unknown = (g: number) => scorerWords[g] === "ouderbijdrage";
    expect(unknownThingNamed(question, scorerWords, unknown, () => false)).toBe("ouderbijdrage");
    expect(unknownThingNamed(question, scorerWords, unknown, (word) => word === "ouderbijdrage")).toBeUndefined();
    expect(unknownThingNamed(question, scorerWords, () => false, () => false)).toBeUndefined();
    expect(unknownThingNotice("ouderbijdrage")).toBe("„ouderbijdrage” komt in de plandocumenten niet voor. Dit zeggen ze er het dichtst bij:");
  });
});
