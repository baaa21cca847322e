import type { Config } from "../config.js";
import type { AnswerOptions, AnswerResult } from "../handlers/ask/askService.js";

/** What an answer worker needs to build its own knowledge base and answer pipeline. */
export interface AnswerWorkerData {
  contentDir: string;
  dataDir: string;
  corpusDir: string;
  logLevel: string;
  openai?: Config["openai"];
}

/** A worker's reply: the answer, and the JSON log lines written while composing it. */
export interface WorkerAnswer {
  result: AnswerResult;
  logs: string[];
  /** Time the worker spent on this answer. */
  ms: number;
}

/** What a worker is asked: a question, or one with options (see AnswerOptions). */
export type AnswerTask = string | ({ question: string } & AnswerOptions);
