import { collectDefaultMetrics, Registry } from "prom-client";
import type { Config } from "../config.js";
import type { AskService } from "../handlers/ask/askService.js";
import type { Logger } from "../logger.js";
import { createAnswerMetrics } from "./answerMetrics.js";
import { PooledAskService } from "./pooledAskService.js";

export interface AnswerService {
  answer: AskService["answer"];
  /** A quick word check on short texts, in the main process (see AskService.holdsAWordOf). */
  holdsAWordOf: AskService["holdsAWordOf"];
  /** The same, by weight (see AskService.weightHeldBy). */
  weightHeldBy: AskService["weightHeldBy"];
  /** Whether a quote names someone on what a question names, in the main process (see AskService.namesSomeoneOn). */
  namesSomeoneOn: AskService["namesSomeoneOn"];
  /** What a cited passage says after the lines an answer showed, in the main process (see AskService.continuation). */
  continuation: AskService["continuation"];
  /** Whether a text names a place the documents know, in the main process (see AskService.namesAPlace). */
  namesAPlace: AskService["namesAPlace"];
  /** The question before as asked of the document a follow-up names, in the main process (see AskService.documentAskedAlone). */
  documentAskedAlone: AskService["documentAskedAlone"];
  /** The document a follow-up names that the question before did not, in the main process (see AskService.documentNamedAnew). */
  documentNamedAnew: AskService["documentNamedAnew"];
  /** The document a message names, in the main process (see AskService.documentNamed). */
  documentNamed: AskService["documentNamed"];
  /** A document named by its kind alone, in the main process (see AskService.documentNamedByKind). */
  documentNamedByKind: AskService["documentNamedByKind"];
  /** Whether a message asks what an abbreviation stands for, in the main process (see AskService.asksAnAbbreviation). */
  asksAnAbbreviation: AskService["asksAnAbbreviation"];
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
  if (config.answerWorkers !== 0) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    let pool: PooledAskService | undefined;
    const metrics = createAnswerMetrics(registry, () => pool?.stats ?? { queued: 0, running: 0, threads: 0 });
    pool = new PooledAskService({
      workerData: { contentDir, dataDir: config.dataDir, corpusDir: config.corpusDir, logLevel: config.logLevel, openai: config.openai },
      logger,
      metrics,
      threads: config.answerWorkers,
    });
    const started = pool;
    try {
      await started.ready();
      logger.info({ workers: started.stats.threads }, "answer workers ready");
      return {
        answer: (q, options) => started.answer(q, options),
        holdsAWordOf: (message, text) => inProcess.holdsAWordOf(message, text),
        weightHeldBy: (message, text) => inProcess.weightHeldBy(message, text),
        namesSomeoneOn: (question, quote, asking) => inProcess.namesSomeoneOn(question, quote, asking),
        continuation: (source, shown) => inProcess.continuation(source, shown),
        namesAPlace: (text) => inProcess.namesAPlace(text),
        documentAskedAlone: (followUp, previous) => inProcess.documentAskedAlone(followUp, previous),
        documentNamedAnew: (followUp, previous) => inProcess.documentNamedAnew(followUp, previous),
        documentNamed: (message) => inProcess.documentNamed(message),
        documentNamedByKind: (documentId) => inProcess.documentNamedByKind(documentId),
        asksAnAbbreviation: (text) => inProcess.asksAnAbbreviation(text),
        registry,
        close: () => started.close(),
      };
    } catch (error) {
      await started.close();
      logger.warn({ err: (error as Error).message }, "answer workers could not start; answering in the main process");
    }
  }
  return inProcessService(inProcess);
}

/** Answers in the main thread, counted in the same metrics. */
function inProcessService(inProcess: AskService): AnswerService {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = createAnswerMetrics(registry, () => ({ queued: 0, running: 0, threads: 0 }));
  return {
    answer: async (question, options) => {
      const started = performance.now();
      const result = await inProcess.answer(question, options);
      metrics.outcome(result.status, (performance.now() - started) / 1000);
      return result;
    },
    holdsAWordOf: (message, text) => inProcess.holdsAWordOf(message, text),
    weightHeldBy: (message, text) => inProcess.weightHeldBy(message, text),
    namesSomeoneOn: (question, quote, asking) => inProcess.namesSomeoneOn(question, quote, asking),
    continuation: (source, shown) => inProcess.continuation(source, shown),
    namesAPlace: (text) => inProcess.namesAPlace(text),
    documentAskedAlone: (followUp, previous) => inProcess.documentAskedAlone(followUp, previous),
    documentNamedAnew: (followUp, previous) => inProcess.documentNamedAnew(followUp, previous),
    documentNamed: (message) => inProcess.documentNamed(message),
    documentNamedByKind: (documentId) => inProcess.documentNamedByKind(documentId),
    asksAnAbbreviation: (text) => inProcess.asksAnAbbreviation(text),
    registry,
    close: async () => undefined,
  };
}
