import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { AnswerOptions, AnswerResult } from "../handlers/ask/askService.js";
import type { Logger } from "../logger.js";
import type { AnswerMetrics } from "./answerMetrics.js";
import type { AnswerTask, AnswerWorkerData, WorkerAnswer } from "./workerData.js";
import { piscinaEntry } from "./workerEntry.js";

export const BUSY_TEXT = "Het is even druk, probeer het over een minuut opnieuw.";
export const FAILED_TEXT =
  "Sorry, het lukte niet om je vraag te beantwoorden. Probeer het zo nog eens; lukt het dan nog niet, leg je vraag voor aan het Servicepunt JeugdzorgPlus van je regio.";

export interface PooledAskOptions {
  workerData: AnswerWorkerData;
  logger: Logger;
  metrics?: AnswerMetrics;
  /** Worker threads; default: the machine's cores. */
  threads?: number;
  /** Questions that may wait for a worker; past this, the busy message. */
  maxQueue?: number;
  /**
   * Longest expected wait for a worker: when the queue ahead, at the measured time per answer,
   * would take longer than this, the question gets the busy message at once instead of late.
   */
  maxWaitMs?: number;
  /** A question still unanswered after this long gets an apology and its worker is replaced. */
  timeoutMs?: number;
  /** The worker module; tests swap in one that can crash or hang on purpose. */
  workerFile?: string;
}

const BUSY_LOG_INTERVAL_MS = 1000;

const here = path.dirname(fileURLToPath(import.meta.url));
/** The worker next to this file: .ts under tsx and vitest, .js once compiled. */
export const ANSWER_WORKER_FILE = path.join(here, `answerWorker${path.extname(fileURLToPath(import.meta.url))}`);

/**
 * Same contract as AskService.answer, but the work runs in a small pool of worker threads, so
 * the receivers' event loop only verifies, acknowledges, renders and delivers. A full queue gets
 * the busy message at once; a worker that crashes or hangs is replaced and its question gets an
 * apology. Neither ever leaves a question unanswered.
 */
export class PooledAskService {
  private readonly pool: Piscina;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly maxWaitMs: number;
  private readonly threads: number;
  private inFlight = 0;
  /** Moving average of a worker's time per answer (ms), from the workers' own clocks. */
  private serviceMs = 0;
  /** Questions turned away since the last busy warning, and the timer of the next one. */
  private turnedAway = 0;
  private turnedAwayTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PooledAskOptions) {
    const threads = Math.max(1, options.threads ?? os.availableParallelism());
    this.maxQueue = options.maxQueue ?? threads * 32;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.threads = threads;
    const workerFile = options.workerFile ?? ANSWER_WORKER_FILE;
    this.pool = new Piscina({
      ...piscinaEntry(workerFile, options.workerData),
      minThreads: threads,
      maxThreads: threads,
      maxQueue: this.maxQueue,
      // One question at a time per worker: answers are CPU-bound.
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
    });
    // A worker that dies between tasks is replaced by piscina; it must not take the process down.
    this.pool.on("error", (error: unknown) => this.options.logger.error({ err: errorName(error) }, "answer worker failed"));
  }

  /** Waits until the workers have loaded the index; throws when they cannot (e.g. no snapshot). */
  async ready(): Promise<void> {
    const { result } = (await this.pool.run("")) as WorkerAnswer;
    if (result.status !== "empty_question") throw new Error("answer worker gave an unexpected reply");
  }

  get stats(): { queued: number; running: number; threads: number } {
    const queued = this.pool.queueSize;
    return { queued, running: Math.max(0, this.inFlight - queued), threads: this.pool.threads.length };
  }

  async answer(question: string, options: AnswerOptions = {}): Promise<AnswerResult> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    if (this.pool.queueSize >= this.maxQueue || this.expectedWaitMs() > this.maxWaitMs) return this.busy();
    this.inFlight++;
    try {
      const task: AnswerTask = options.beyond?.length || options.withoutDocuments?.length || options.followUp ? { question, ...options } : question;
      const { result, logs, ms } = (await this.pool.run(task, { signal: AbortSignal.timeout(this.timeoutMs) })) as WorkerAnswer;
      this.serviceMs = this.serviceMs === 0 ? ms : 0.8 * this.serviceMs + 0.2 * ms;
      relayLogs(this.options.logger, logs);
      this.options.metrics?.outcome(result.status, seconds());
      return result;
    } catch (error) {
      if (isQueueFull(error)) return this.busy();
      const timedOut = isAbort(error);
      this.options.metrics?.outcome(timedOut ? "timeout" : "failed", seconds());
      // Never the question, only what went wrong.
      this.options.logger.error(
        { reason: timedOut ? "timeout" : "worker_error", err: errorName(error), ms: Math.round(seconds() * 1000) },
        "answer worker failed; the question got an apology",
      );
      return notice(FAILED_TEXT);
    } finally {
      this.inFlight--;
    }
  }

  async close(): Promise<void> {
    if (this.turnedAwayTimer) {
      clearTimeout(this.turnedAwayTimer);
      this.turnedAwayTimer = undefined;
      if (this.turnedAway > 0) this.flushTurnedAway();
    }
    await this.pool.close({ force: true });
  }

  /** How long a question asked now would wait for a worker, at the recent time per answer. */
  private expectedWaitMs(): number {
    const ahead = Math.max(0, this.inFlight - this.threads + 1);
    return (ahead * this.serviceMs) / this.threads;
  }

  private busy(): AnswerResult {
    this.options.metrics?.outcome("busy");
    this.logTurnedAway();
    return notice(BUSY_TEXT);
  }

  /**
   * One warning per second at most, with how many questions were turned away: under a burst a
   * line per question would cost the event loop exactly when it has the least time.
   */
  private logTurnedAway(): void {
    this.turnedAway++;
    if (this.turnedAwayTimer) return;
    this.flushTurnedAway();
    this.turnedAwayTimer = setTimeout(() => {
      this.turnedAwayTimer = undefined;
      if (this.turnedAway > 0) this.flushTurnedAway();
    }, BUSY_LOG_INTERVAL_MS);
    this.turnedAwayTimer.unref();
  }

  private flushTurnedAway(): void {
    this.options.logger.warn({ turnedAway: this.turnedAway, queued: this.pool.queueSize, maxQueue: this.maxQueue }, "answer queue full; questions turned away");
    this.turnedAway = 0;
  }

}

/**
 * Busy and failure replies travel as a notice: AskHandler shows a no_documents result's text as
 * a warning, with no sources, feedback buttons or stored answer, which is what these need.
 */
function notice(text: string): AnswerResult {
  return { status: "no_documents", text, mode: "none", sources: [], moreSources: [] };
}

const LEVELS: Record<number, "trace" | "debug" | "info" | "warn" | "error" | "fatal"> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};

/** Writes a worker's log lines through the main logger, so all logs share one stream and its settings. */
function relayLogs(logger: Logger, lines: string[]): void {
  for (const line of lines) {
    try {
      const { level, msg, time: _time, pid: _pid, hostname: _host, app: _app, ...fields } = JSON.parse(line) as Record<string, unknown>;
      const method = LEVELS[Number(level)] ?? "info";
      logger[method]({ ...fields, worker: true }, typeof msg === "string" ? msg : "");
    } catch {
      // A malformed line is dropped rather than logged raw: it could hold anything.
    }
  }
}

function isQueueFull(error: unknown): boolean {
  return error instanceof Error && /queue is at limit/i.test(error.message);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError" || /abort/i.test(error.message));
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : "unknown";
}
