import { describe, expect, it } from "vitest";
import { dutchWords, isDutchWordForm, isListedName } from "../../src/knowledge/analysis/dutchLexicon.js";

describe("dutchWords", () => {
  it("counts letters after folding, so a word the list writes with the ij ligature is held", () => {
    // OpenTaal writes "cĳfer": five characters, six letters.
    expect(dutchWords().has("cijfer")).toBe(true);
    expect(dutchWords().has("kind")).toBe(false);
  });

  it("holds no names, and reads a plural as a form of its word", () => {
    expect(dutchWords().has("schiedam")).toBe(false);
    expect(isDutchWordForm("cijfers")).toBe(true);
    expect(isDutchWordForm("schiedam")).toBe(false);
    expect(isDutchWordForm("vlaardingen")).toBe(false);
  });
});

describe("isListedName", () => {
  it("knows a name the list writes with a capital, also when it lists the same letters in lower case", () => {
    expect(isListedName("haaglanden")).toBe(true);
    expect(isListedName("zeeland")).toBe(true);
    expect(isListedName("twente")).toBe(true);
    expect(isListedName("cijfers")).toBe(false);
    expect(isListedName("wijkteams")).toBe(false);
  });
});
