import path from "node:path";
import { AskService, DEFAULT_ASK_OPTIONS } from "../handlers/ask/askService.js";
import { KnowledgeBase } from "../knowledge/knowledgeBase.js";
import { createLogger } from "../logger.js";
import { BaselineIndex } from "./baselineIndex.js";
import { readQuestions } from "./questions.js";
import { type EvaluationReport, type Figures, runEvaluation } from "./runEvaluation.js";

export interface SetReport {
  /** The questions file as given. */
  file: string;
  report: EvaluationReport;
}

export interface SetsEvaluation {
  corpus: string;
  documents: number;
  chunks: number;
  sets: SetReport[];
}

/**
 * Scores several question files against one ingest of the corpus: the embedded default
 * (extractive answers, no model) and plain BM25 over the same passages.
 */
export async function evaluateSets(files: string[], corpus: string, k: number): Promise<SetsEvaluation> {
  const knowledge = new KnowledgeBase({ contentDir: path.resolve("content"), warn: (m) => console.error(m) });
  const summary = await knowledge.ingest(corpus);
  const ask = new AskService(knowledge, createLogger("silent"), undefined, { ...DEFAULT_ASK_OPTIONS, topK: k });
  const baseline = new BaselineIndex(knowledge.allChunks());
  const sets: SetReport[] = [];
  for (const file of files) {
    const questions = await readQuestions(path.resolve(file));
    sets.push({ file, report: await runEvaluation(questions, knowledge, ask, corpus, k, baseline) });
  }
  return { corpus, documents: summary.documents, chunks: summary.chunks, sets };
}

/** Figures where lower is better; every other figure is better when higher. */
export const LOWER_IS_BETTER = new Set<keyof Figures>(["falseAbstain", "answerWords", "p50Ms", "p95Ms"]);

/** Per figure, the worst value over the sets (the minimum, or the maximum where lower is better). */
export function worstOver(sets: Figures[]): Figures {
  const first = sets[0]!;
  const worst = { ...first };
  for (const key of Object.keys(first) as Array<keyof Figures>) {
    const values = sets.map((s) => s[key]);
    worst[key] = LOWER_IS_BETTER.has(key) ? Math.max(...values) : Math.min(...values);
  }
  return worst;
}

export function figuresOf(report: EvaluationReport): Figures {
  const { perQuestion: _details, baseline: _baseline, ...figures } = report;
  return figures;
}
