import path from "node:path";
import { describe, expect, it } from "vitest";
import { agesWithinRanges } from "../../src/knowledge/analysis/ageRanges.js";
import { DutchAnalyser, loadStopwords } from "../../src/knowledge/analysis/dutchAnalyser.js";
import { foldText, wordTokens } from "../../src/knowledge/analysis/normalise.js";
import { SynonymTable } from "../../src/knowledge/analysis/synonymTable.js";

const within = (text: string) => agesWithinRanges(wordTokens(foldText(text)));

describe("agesWithinRanges", () => {
  it("gives the ages inside a closed age range, however it is written", () => {
    expect(within("pleegzorg in de leeftijdscategorie 14 jaar tot 23 jaar")).toEqual(["15", "16", "17", "18", "19", "20", "21", "22"]);
    expect(within("jongeren van 12-15 jaar")).toEqual(["13", "14"]);
    expect(within("tussen de 12 en 15 jaar")).toEqual(["13", "14"]);
    expect(within("voor 12 t/m 15-jarigen")).toEqual(["13", "14"]);
  });

  it("reads no range into open bounds, names, counts or years", () => {
    expect(within("jongeren vanaf 16 jaar")).toEqual([]);
    expect(within("het landelijke netwerk 16-27")).toEqual([]);
    expect(within("12 en 18 jaar oud")).toEqual([]);
    expect(within("in 2019 tot 2021 jaar")).toEqual([]);
    expect(within("van 40 tot 60 jaar")).toEqual([]);
  });
});

describe("DutchAnalyser.sentenceTerms", () => {
  const analyser = new DutchAnalyser(SynonymTable.fromFile(path.resolve("content/synonyms.yaml")), loadStopwords(path.resolve("content/dutch-analysis.yaml")), new Map([["pleegzorg", 4]]));

  it("lets a sentence with an age range hold an age inside it, which the index does not", () => {
    const sentence = "Speciale aandacht is nodig voor pleegzorg in de leeftijdscategorie 14 jaar tot 23 jaar.";
    expect(analyser.sentenceTerms(sentence)).toContain("15");
    expect(analyser.indexTerms(sentence)).not.toContain("15");
    expect(analyser.sentenceTerms("Pleegzorg voor jongeren vanaf 14 jaar.")).not.toContain("15");
  });
});
