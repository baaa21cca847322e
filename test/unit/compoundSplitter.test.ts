import { describe, expect, it } from "vitest";
import { CompoundSplitter } from "../../src/knowledge/analysis/compoundSplitter.js";

const stopwords = new Set(["voor", "door"]);
const splitterOver = (words: Array<[string, number]>) => new CompoundSplitter(new Map(words), (word) => stopwords.has(word));

describe("CompoundSplitter", () => {
  it("splits a compound into words the corpus uses on their own, with a linking s", () => {
    const splitter = splitterOver([
      ["jeugdhulp", 5],
      ["aanbieders", 3],
      ["verblijf", 4],
      ["duur", 2],
    ]);
    expect(splitter.split("jeugdhulpaanbieders")).toEqual(["jeugdhulp", "aanbieders"]);
    expect(splitter.split("verblijfsduur")).toEqual(["verblijf", "duur"]);
  });

  it("reads the head of a typed compound as the stem of a verb the corpus uses ('ontwikkeltijd', 'woonvorm')", () => {
    const splitter = splitterOver([
      ["ontwikkelen", 3],
      ["tijd", 6],
      ["wonen", 2],
      ["vorm", 4],
      ["komen", 5],
      ["voren", 2],
    ]);
    expect(splitter.split("ontwikkeltijd")).toEqual(["ontwikkelen", "tijd"]);
    // A long vowel is written single before the ending: "woon" -> "wonen".
    expect(splitter.split("woonvorm")).toEqual(["wonen", "vorm"]);
    // Not a stop word read as a verb ("voor" -> "voren").
    expect(splitter.split("voorkomen")).toEqual([]);
  });

  it("does not read verb stems into a word the corpus itself uses: its own term already matches", () => {
    const splitter = splitterOver([
      ["ontwikkelen", 3],
      ["tijd", 6],
      ["ontwikkeltijd", 2],
    ]);
    expect(splitter.split("ontwikkeltijd")).toEqual([]);
  });
});
