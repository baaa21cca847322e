import { describe, expect, it } from "vitest";
import { TermMatcher } from "../../src/knowledge/search/termMatcher.js";

/** The rule the matcher replaces, written plainly: per group, its best term found, or a share of it as a prefix. */
function plainValues(groups: Array<{ terms: Array<{ term: string; value: number }> }>, terms: Set<string>, credit: number): number[] {
  return groups.map(({ terms: groupTerms }) => {
    let got = 0;
    for (const { term, value } of groupTerms) {
      if (terms.has(term)) got = Math.max(got, value);
      else if (term.length >= 5 && [...terms].some((t) => t.length > term.length && t.startsWith(term))) got = Math.max(got, value * credit);
    }
    return got;
  });
}

describe("TermMatcher", () => {
  const groups = [
    { terms: [{ term: "princip", value: 2 }, { term: "uitgangspunt", value: 1.2 }] },
    { terms: [{ term: "jeugd", value: 1 }] },
    { terms: [{ term: "zorg", value: 0.5 }, { term: "jeugd", value: 0.4 }] },
  ];

  it("gives each group its best term found, and a share for a term found only as the start of a longer one", () => {
    const matcher = new TermMatcher(groups, 0.5);
    expect([...matcher.values(new Set(["principes", "jeugd"]))]).toEqual([1, 1, 0.4]);
    expect([...matcher.values(new Set(["uitgangspunt", "principes"]))]).toEqual([1.2, 0, 0]);
    expect([...matcher.values(new Set(["princip", "jeugdzorg", "zorg"]))]).toEqual([2, 0.5, 0.5]);
  });

  it("does not count a term of the same length, a short prefix, or any prefix when the credit is 0", () => {
    expect([...new TermMatcher(groups, 0.5).values(new Set(["princie", "zorgen"]))]).toEqual([0, 0, 0]);
    expect([...new TermMatcher(groups, 0).values(new Set(["principes", "jeugdhulp"]))]).toEqual([0, 0, 0]);
  });

  it("agrees with the plain rule on random sets, also when a set is read again", () => {
    const words = ["princip", "principes", "principieel", "jeugd", "jeugdhulp", "jeugdzorg", "zorg", "zorgen", "uitgangspunt", "uitgangspunten", "plan", "planning"];
    const matcher = new TermMatcher(groups, 0.5);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 200; round++) {
      const set = new Set(words.filter(() => random() < 0.4));
      const expected = plainValues(groups, set, 0.5);
      expect([...matcher.values(set)]).toEqual(expected);
      expect([...matcher.values(set)]).toEqual(expected);
      // The array is reused: what a previous set found is gone.
      matcher.values(new Set(words));
    }
  });

  it("credits a phrase by the share of its words a set holds, and none of its words on its own", () => {
    // "pve" stands for "programma van eisen": "programma" alone is not what was asked.
    const pve = [{ terms: [{ term: "pve", value: 4 }], phrases: [[[{ term: "programma", value: 1 }], [{ term: "eis", value: 3 }]]] }];
    const matcher = new TermMatcher(pve, 0.5);
    expect([...matcher.values(new Set(["programma"]))]).toEqual([0.75]);
    expect([...matcher.values(new Set(["eis"]))]).toEqual([2.25]);
    expect([...matcher.values(new Set(["programma", "eis"]))]).toEqual([3]);
    expect([...matcher.values(new Set(["pve", "programma"]))]).toEqual([4]);
    // A word of the phrase found as the start of a longer one counts for its share of the prefix credit.
    expect([...matcher.values(new Set(["programmamanager", "eis"]))]).toEqual([2.625]);
  });
});
