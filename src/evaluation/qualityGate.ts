import { z } from "zod";
import type { Figures } from "./runEvaluation.js";

/** Figures the gate holds; latency is left to the benchmarks (it depends on the machine). */
export const GATED: Array<keyof Figures> = [
  "recall@1",
  "recall@5",
  "mrr",
  "keywordHit",
  "leadKeywordHit",
  "answerWords",
  "abstainRecall",
  "falseAbstain",
];

const figureValues = z.object(Object.fromEntries(GATED.map((key) => [key, z.number()])) as Record<string, z.ZodNumber>);

export const expectedFileSchema = z.object({
  /** How much worse a figure may get: absolute for shares, relative for answerWords. */
  tolerance: z.number().min(0).default(0.02),
  k: z.number().int().positive().default(5),
  /** Question file (relative to the repo root) -> the figures it must keep. */
  sets: z.record(z.string(), figureValues),
});

export type ExpectedFile = z.infer<typeof expectedFileSchema>;

export interface Regression {
  file: string;
  figure: keyof Figures;
  expected: number;
  actual: number;
}

/**
 * Figures more than `tolerance` worse than expected. Shares (0..1) compare absolutely;
 * answerWords, a word count where fewer is better, compares relatively.
 */
export function regressions(file: string, expected: Record<string, number>, actual: Figures, tolerance: number): Regression[] {
  const found: Regression[] = [];
  for (const figure of GATED) {
    const want = expected[figure];
    if (want === undefined) continue;
    const got = actual[figure];
    const worse =
      figure === "answerWords"
        ? got > want * (1 + tolerance)
        : figure === "falseAbstain"
          ? got > want + tolerance + 1e-9
          : got < want - tolerance - 1e-9;
    if (worse) found.push({ file, figure, expected: want, actual: got });
  }
  return found;
}
