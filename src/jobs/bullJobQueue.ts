import { type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  type DeadLetter,
  errorMessage,
  type JobHandler,
  type JobHandlerOptions,
  type JobOptions,
  type JobQueue,
  PermanentJobError,
  retryDelayMs,
} from "./jobQueue.js";

export interface BullJobQueueOptions {
  redisUrl: string;
  /** BullMQ key prefix (not ioredis keyPrefix, which BullMQ does not support); default "wegwijs-bull". */
  prefix?: string;
  queueName?: string;
  /** Jobs run at the same time in this process (they wait on I/O); default 8. */
  concurrency?: number;
  /** How long dead letters are kept; default 14 days. */
  deadLetterSeconds?: number;
  /** enqueue/cancel/deadLetters reject after this long without Redis; default 5000 ms. */
  commandTimeoutMs?: number;
  logger?: Logger;
}

const BACKOFF_TYPE = "wegwijs";

/**
 * BullMQ ids may not contain ":" nor be integers. "j-" + the id with "%" and ":" escaped is
 * injective, so two different caller ids never meet.
 */
export function encodeJobId(id: string): string {
  return `j-${id.replace(/%/g, "%25").replace(/:/g, "%3A")}`;
}

export function decodeJobId(id: string | undefined): string {
  if (!id) return "";
  if (!id.startsWith("j-")) return id;
  return id.slice(2).replace(/%3A/g, ":").replace(/%25/g, "%");
}

interface Registration {
  handler: JobHandler<unknown>;
  options: JobHandlerOptions;
}

/** JobQueue on BullMQ 6: one queue for all job names, one worker per process dispatching by name. */
export class BullJobQueue implements JobQueue {
  private readonly handlers = new Map<string, Registration>();
  /** For the worker, which blocks and must retry forever. */
  private readonly connection: Redis;
  /** For adding and reading jobs: fails instead of waiting forever when Redis is gone. */
  private readonly producer: Redis;
  private readonly queue: Queue;
  private worker: Worker | undefined;
  private readonly prefix: string;
  private readonly queueName: string;

  constructor(private readonly options: BullJobQueueOptions) {
    this.prefix = options.prefix ?? "wegwijs-bull";
    this.queueName = options.queueName ?? "wegwijs";
    // BullMQ's workers block on Redis and must retry forever: maxRetriesPerRequest null.
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.connection.on("error", () => undefined);
    this.producer = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    this.producer.on("error", () => undefined);
    this.queue = new Queue(this.queueName, { connection: this.producer, prefix: this.prefix });
    this.queue.on("error", (error) => this.options.logger?.warn({ err: error.message }, "jobs: queue error"));
  }

  register<D>(name: string, handler: JobHandler<D>, options: JobHandlerOptions = {}): void {
    if (this.handlers.has(name)) throw new Error(`job handler "${name}" is already registered`);
    this.handlers.set(name, { handler: handler as JobHandler<unknown>, options });
  }

  async enqueue<D>(name: string, data: D, options: JobOptions = {}): Promise<void> {
    const handlerOptions = this.handlers.get(name)?.options ?? {};
    await this.bounded(this.queue.add(name, data, {
      jobId: options.jobId === undefined ? undefined : encodeJobId(options.jobId),
      delay: options.delayMs && options.delayMs > 0 ? Math.round(options.delayMs) : undefined,
      attempts: handlerOptions.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: BACKOFF_TYPE, delay: handlerOptions.backoffMs ?? DEFAULT_BACKOFF_MS },
      // Completed ids are freed at once unless asked otherwise, so a later job may reuse them.
      removeOnComplete: options.keepCompletedSeconds ? { age: options.keepCompletedSeconds } : true,
      removeOnFail: { age: this.options.deadLetterSeconds ?? 14 * 24 * 3600, count: 10_000 },
    }));
  }

  /**
   * BullMQ waits for a connection without limit; a caller gets an error instead. The command may
   * still run when Redis returns: give a jobId where a duplicate would matter.
   */
  private async bounded<R>(operation: Promise<R>): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("jobs: Redis did not answer in time")), this.options.commandTimeoutMs ?? 5000);
    });
    operation.catch(() => undefined); // a late failure after the timeout is not unhandled
    try {
      return await Promise.race([operation, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async cancel(jobId: string): Promise<boolean> {
    const id = encodeJobId(jobId);
    return this.bounded(
      (async () => {
        const job = await this.queue.getJob(id);
        if (!job) return false;
        const state = await job.getState();
        if (state === "completed" || state === "failed") return false;
        return (await this.queue.remove(id)) === 1;
      })(),
    );
  }

  async deadLetters(limit = 50): Promise<DeadLetter[]> {
    const jobs = await this.bounded(this.queue.getFailed(0, limit - 1));
    return jobs.map((job) => ({
      jobId: decodeJobId(job.id),
      name: job.name,
      reason: job.failedReason ?? "",
      failedAt: new Date(job.finishedOn ?? job.processedOn ?? job.timestamp).toISOString(),
      attempts: job.attemptsMade,
    }));
  }

  async start(): Promise<void> {
    if (this.worker) return;
    this.worker = new Worker(this.queueName, (job) => this.run(job), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: this.options.concurrency ?? 8,
      settings: {
        backoffStrategy: (attemptsMade, _type, error, job) =>
          retryDelayMs(attemptsMade, (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? DEFAULT_BACKOFF_MS, error),
      },
    });
    // Redis trouble must never crash the process; BullMQ reconnects by itself.
    this.worker.on("error", (error) => this.options.logger?.warn({ err: error.message }, "jobs: worker error"));
    this.worker.on("failed", (job, error) => {
      if (!job) return;
      // finishedOn is only set when the job failed for good (a dead letter), not before a retry.
      this.options.logger?.warn(
        { job: job.name, attempt: job.attemptsMade, deadLetter: job.finishedOn !== undefined, err: error.message },
        "jobs: job failed",
      );
    });
  }

  private async run(job: Job): Promise<void> {
    const registration = this.handlers.get(job.name);
    if (!registration) throw new UnrecoverableError(`no handler registered for job "${job.name}"`);
    try {
      await registration.handler(job.data, { jobId: decodeJobId(job.id), attempt: job.attemptsMade + 1 });
    } catch (error) {
      // BullMQ skips the remaining attempts for an UnrecoverableError.
      if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
      throw error instanceof Error ? error : new Error(errorMessage(error));
    }
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      // Without a connection no job can be running; waiting would only hang the shutdown.
      await worker.close(this.connection.status !== "ready");
    }
    await this.bounded(this.queue.close()).catch(() => undefined);
    for (const connection of [this.connection, this.producer]) {
      if (connection.status === "ready") await connection.quit().catch(() => connection.disconnect());
      else connection.disconnect();
    }
  }
}
