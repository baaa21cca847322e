import { describe, expect, it } from "vitest";
import { countedSetAsked, onlyNamesTheSet } from "../../src/handlers/ask/countedSetAsked.js";

describe("countedSetAsked", () => {
  it("reads a set asked for by its count, in words or figures", () => {
    expect(countedSetAsked("welke vijf basisfuncties van lokale teams zijn er precies?")).toEqual({ phrase: "vijf basisfuncties", count: 5, noun: "basisfuncties" });
    expect(countedSetAsked("Wat zijn de 3 pijlers?")).toEqual({ phrase: "3 pijlers", count: 3, noun: "pijlers" });
    expect(countedSetAsked("hoeveel plekken zijn er?")).toBeUndefined();
    expect(countedSetAsked("welke functies heeft het expertiseteam?")).toBeUndefined();
  });
});

describe("onlyNamesTheSet", () => {
  const set = countedSetAsked("welke vijf basisfuncties zijn er?")!;

  it("holds when every mention is the count and the noun, with nothing listed", () => {
    expect(onlyNamesTheSet("“We werken aan de vijf basisfuncties van lokale teams.” [1]\n“We leggen de verbinding naar de 5 basisfuncties als middel.” [1]", set)).toBe(true);
  });

  it("does not hold for a list, an enumeration after the noun, a mention without the count, or none", () => {
    expect(onlyNamesTheSet("“De vijf basisfuncties zijn:”\n- signaleren\n- adviseren [1]", set)).toBe(false);
    expect(onlyNamesTheSet("“Er zijn vijf basisfuncties: signaleren, adviseren, begeleiden, behandelen en verwijzen.” [1]", set)).toBe(false);
    expect(onlyNamesTheSet("“De vijf basisfuncties signaleren, adviseren, begeleiden, behandelen en verwijzen staan centraal.” [1]", set)).toBe(false);
    expect(onlyNamesTheSet("“De vijf basisfuncties staan centraal.” [1]\n“Deze basisfuncties zijn het middel.” [1]", set)).toBe(false);
    expect(onlyNamesTheSet("“Lokale teams werken wijkgericht.” [1]", set)).toBe(false);
  });
});
