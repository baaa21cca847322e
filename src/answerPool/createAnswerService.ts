import { collectDefaultMetrics, Registry } from "prom-client";
import type { Config } from "../config.js";
import type { AskService } from "../handlers/ask/askService.js";
import type { Logger } from "../logger.js";
import { createAnswerMetrics } from "./answerMetrics.js";
import { PooledAskService } from "./pooledAskService.js";

export interface AnswerService {
  answer: AskService["answer"];
  registry: Registry;
  close(): Promise<void>;
}

/**
 * The answer service the app uses: a pool of answer workers (config.answerWorkers, default the
 * cores), or the in-process AskService when that is 0 or the workers cannot load the index.
 */
export async function createAnswerService(
  config: Config,
  contentDir: string,
  inProcess: AskService,
  logger: Logger,
): Promise<AnswerService> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const inProcessService = (): AnswerService => {
    createAnswerMetrics(registry, () => ({ queued: 0, running: 0, threads: 0 }));
    return { answer: (q) => inProcess.answer(q), registry, close: async () => undefined };
  };
  if (config.answerWorkers === 0) return inProcessService();
  let pool: PooledAskService | undefined;
  const metrics = createAnswerMetrics(registry, () => pool?.stats ?? { queued: 0, running: 0, threads: 0 });
  pool = new PooledAskService({
    workerData: { contentDir, dataDir: config.dataDir, corpusDir: config.corpusDir, logLevel: config.logLevel, openai: config.openai },
    logger,
    metrics,
    threads: config.answerWorkers,
  });
  try {
    await pool.ready();
  } catch (error) {
    await pool.close();
    logger.warn({ err: (error as Error).message }, "answer workers could not start; answering in the main process");
    const registryOnly = new Registry();
    collectDefaultMetrics({ register: registryOnly });
    createAnswerMetrics(registryOnly, () => ({ queued: 0, running: 0, threads: 0 }));
    return { answer: (q) => inProcess.answer(q), registry: registryOnly, close: async () => undefined };
  }
  const running = pool;
  logger.info({ workers: running.stats.threads }, "answer workers ready");
  return { answer: (q) => running.answer(q), registry, close: () => running.close() };
}
