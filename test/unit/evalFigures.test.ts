import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.js";
import { worstOver } from "../../src/evaluation/evaluateSets.js";
import { answerText, keywordShare, leadText, LEAD_CHARS, wordCount } from "../../src/evaluation/metrics.js";
import { regressions } from "../../src/evaluation/qualityGate.js";
import type { Figures } from "../../src/evaluation/runEvaluation.js";

const figures = (over: Partial<Figures> = {}): Figures => ({
  questions: 10,
  "recall@1": 0.7,
  "recall@5": 0.9,
  mrr: 0.8,
  keywordHit: 0.8,
  leadKeywordHit: 0.6,
  answerWords: 60,
  abstainRecall: 0.9,
  falseAbstain: 0.05,
  p50Ms: 2,
  p95Ms: 5,
  ...over,
});

describe("answer text figures", () => {
  it("scores the lead only on the first 240 characters, whitespace collapsed", () => {
    const text = `${"woord ".repeat(60)}\n\n  eigen   bijdrage`;
    expect(leadText(text).length).toBe(LEAD_CHARS);
    expect(keywordShare(leadText(text), ["eigen bijdrage"])).toBe(0);
    expect(keywordShare(answerText(text), ["eigen bijdrage"])).toBe(1);
  });

  it("counts whitespace-separated words", () => {
    expect(wordCount("  “Een zin.” [1]\n“Nog een.” [2] ")).toBe(6);
    expect(wordCount("   ")).toBe(0);
  });
});

describe("--questions with several files", () => {
  it("keeps every value up to the next flag", () => {
    const { flags, lists } = parseArgs(["--questions", "a.jsonl", "b.jsonl", "--k", "5", "--verbose"]);
    expect(lists.get("questions")).toEqual(["a.jsonl", "b.jsonl"]);
    expect(flags.get("questions")).toBe("a.jsonl");
    expect(flags.get("k")).toBe("5");
    expect(flags.get("verbose")).toBe(true);
  });
});

describe("worst figure over the sets", () => {
  it("takes the minimum, or the maximum where lower is better", () => {
    const worst = worstOver([figures({ mrr: 0.9, answerWords: 40 }), figures({ mrr: 0.7, answerWords: 80, falseAbstain: 0 })]);
    expect(worst.mrr).toBe(0.7);
    expect(worst.answerWords).toBe(80);
    expect(worst.falseAbstain).toBe(0.05);
  });
});

describe("eval:check regressions", () => {
  const expected = { "recall@5": 0.9, mrr: 0.8, answerWords: 60, falseAbstain: 0.05, leadKeywordHit: 0.6 };

  it("passes figures within the tolerance", () => {
    const actual = figures({ "recall@5": 0.885, answerWords: 61, falseAbstain: 0.07 });
    expect(regressions("a.jsonl", expected, actual, 0.02)).toEqual([]);
  });

  it("fails a share more than the tolerance lower, false abstains higher, and longer answers", () => {
    const actual = figures({ "recall@5": 0.87, falseAbstain: 0.08, answerWords: 70 });
    expect(regressions("a.jsonl", expected, actual, 0.02).map((r) => r.figure).sort()).toEqual([
      "answerWords",
      "falseAbstain",
      "recall@5",
    ]);
  });

  it("never fails an improvement", () => {
    const actual = figures({ "recall@5": 1, mrr: 1, answerWords: 20, falseAbstain: 0, leadKeywordHit: 1 });
    expect(regressions("a.jsonl", expected, actual, 0.02)).toEqual([]);
  });
});
