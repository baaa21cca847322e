import { describe, expect, it } from "vitest";
import { boundedEditDistance } from "../../src/knowledge/search/editDistance.js";

describe("boundedEditDistance", () => {
  it("counts a missing, extra or wrong letter as one slip, and two swapped letters as one too", () => {
    expect(boundedEditDistance("spoedmachtigng", "spoedmachtiging", 2)).toBe(1);
    expect(boundedEditDistance("veiligheit", "veiligheid", 2)).toBe(1);
    expect(boundedEditDistance("shcool", "school", 2)).toBe(1);
    expect(boundedEditDistance("jeugzdorg", "jeugdzorg", 2)).toBe(1);
    expect(boundedEditDistance("school", "school", 2)).toBe(0);
  });

  it("gives up past the bound, swaps included", () => {
    expect(boundedEditDistance("shcool", "schoolbord", 2)).toBeGreaterThan(2);
    expect(boundedEditDistance("abcdef", "badcfe", 2)).toBeGreaterThan(2);
    expect(boundedEditDistance("abcdef", "badcfe", 3)).toBe(3);
  });
});
