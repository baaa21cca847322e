import { describe, expect, it } from "vitest";
import { dutchWords, isDutchWordForm } from "../../src/knowledge/analysis/dutchLexicon.js";

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
