/**
 * Jobs: work that runs later, retries with back-off and survives a restart (reminders, SLA timers,
 * notifications relayed from the outbox). BullMQ on Redis, or in-process timers without Redis.
 */
export interface JobOptions {
  /** Same id while the job is stored (waiting, delayed, running, retrying or dead) = ignored. */
  jobId?: string;
  delayMs?: number;
  /**
   * How long a completed job keeps its id (default 0: the id is free again at once, so a later job
   * may reuse it). The outbox relay keeps its own ids a day so a relayed entry never runs twice.
   */
  keepCompletedSeconds?: number;
}

export interface JobHandlerOptions {
  /** Runs in total, first included (default 8). */
  attempts?: number;
  /** Base of the exponential, jittered back-off between runs (default 1000 ms). */
  backoffMs?: number;
}

export interface JobContext {
  jobId: string;
  /** 1-based. */
  attempt: number;
}

export interface DeadLetter {
  jobId: string;
  name: string;
  reason: string;
  failedAt: string;
  attempts: number;
}

export type JobHandler<D> = (data: D, ctx: JobContext) => Promise<void>;

export interface JobQueue {
  /** Register before start(); one handler per job name. */
  register<D>(name: string, handler: JobHandler<D>, options?: JobHandlerOptions): void;
  enqueue<D>(name: string, data: D, options?: JobOptions): Promise<void>;
  /** Removes a waiting or delayed job; false when there is none (or it is running right now). */
  cancel(jobId: string): Promise<boolean>;
  /** Jobs that failed for good, newest first (default 50). */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  start(): Promise<void>;
  /** Stops taking jobs and lets running jobs finish. */
  stop(): Promise<void>;
}

/** Thrown by a handler when the platform says when to try again (HTTP 429 Retry-After). */
export class RetryAfterError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = "RetryAfterError";
  }
}

/** Thrown by a handler when retrying cannot help (bad data, a channel that is gone): straight to the dead letters. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

export const DEFAULT_ATTEMPTS = 8;
export const DEFAULT_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

/**
 * The wait before run `failedRuns + 1`: what the platform asked for (plus up to 10% so a burst of
 * rate-limited jobs does not return in one instant), else exponential with jitter (50-100%).
 */
export function retryDelayMs(failedRuns: number, baseMs: number, error: unknown): number {
  if (error instanceof RetryAfterError || (error instanceof Error && error.name === "RetryAfterError")) {
    const wait = Math.max(0, (error as RetryAfterError).retryAfterMs);
    return Math.round(wait * (1 + Math.random() * 0.1));
  }
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, failedRuns - 1));
  return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Merges bursts: every change within one window of `windowMs` maps to the same job id, due at the
 * window's end, so at most one job per window runs and it sees every change of its window (a
 * change made while that job runs falls into the next window). E.g. one redraw per second per
 * checklist: `{ type: "redraw", payload, ...throttleSlot(`redraw:${id}`, 1000) }`.
 */
export function throttleSlot(key: string, windowMs: number, now = Date.now()): { jobId: string; delayMs: number } {
  const slot = Math.floor(now / windowMs);
  return { jobId: `${key}@${slot}`, delayMs: (slot + 1) * windowMs - now };
}
