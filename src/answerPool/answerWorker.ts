/**
 * Piscina worker: answers questions with its own KnowledgeBase, loaded from the index snapshot
 * the main process wrote. Retrieval and answer composition run here, off the receivers' loop.
 */
import { Writable } from "node:stream";
import { workerData } from "node:worker_threads";
import { AskService, DEFAULT_ASK_OPTIONS, type AnswerResult } from "../handlers/ask/askService.js";
import { createOpenAIEmbedder } from "../integrations/openai/embedder.js";
import { answerGeneratorFor } from "../integrations/openai/groundedAnswerer.js";
import { KnowledgeBase } from "../knowledge/knowledgeBase.js";
import { createLogger } from "../logger.js";
import { lowerThreadPriority } from "./threadPriority.js";
import type { AnswerTask, AnswerWorkerData, WorkerAnswer } from "./workerData.js";

/** Log lines of the current task; they travel back with the answer and are logged by the main thread. */
const lines: string[] = [];
const collect = new Writable({
  write(chunk: Buffer | string, _encoding, callback) {
    lines.push(chunk.toString());
    callback();
  },
});

async function start(data: AnswerWorkerData): Promise<(task: AnswerTask) => Promise<WorkerAnswer>> {
  lowerThreadPriority();
  const logger = createLogger(data.logLevel, collect);
  const openai = data.openai;
  const embedder =
    openai?.embeddingModel !== undefined
      ? createOpenAIEmbedder({ apiKey: openai.apiKey, baseURL: openai.baseURL, model: openai.embeddingModel, timeoutMs: openai.timeoutMs })
      : undefined;
  const knowledge = new KnowledgeBase({ contentDir: data.contentDir, dataDir: data.dataDir, embedder, warn: (m) => logger.warn(m) });
  if (!(await knowledge.openSnapshot(data.corpusDir))) {
    throw new Error("no index snapshot for this corpus in the data dir; ingest first");
  }
  const generator = answerGeneratorFor(openai);
  const ask = new AskService(knowledge, logger, generator, {
    ...DEFAULT_ASK_OPTIONS,
    generatorTimeoutMs: openai?.timeoutMs ?? DEFAULT_ASK_OPTIONS.generatorTimeoutMs,
  });
  return async (task) => {
    lines.length = 0;
    const started = performance.now();
    try {
      const result: AnswerResult = typeof task === "string" ? await ask.answer(task) : await ask.answer(task.question, task);
      return { result, logs: [...lines], ms: performance.now() - started };
    } finally {
      lines.length = 0;
    }
  };
}

export default start(workerData as AnswerWorkerData);
