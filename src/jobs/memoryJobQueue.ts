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

type JobState = "delayed" | "waiting" | "active" | "completed" | "failed";

interface MemoryJob {
  id: string;
  name: string;
  data: unknown;
  state: JobState;
  failedRuns: number;
  keepCompletedSeconds: number;
  timer?: NodeJS.Timeout;
}

/**
 * In-process jobs on timers, for a start without Redis: the same semantics as BullMQ (ids, delays,
 * back-off, dead letters), but nothing survives a restart.
 */
export class MemoryJobQueue implements JobQueue {
  private readonly handlers = new Map<string, { handler: JobHandler<unknown>; options: JobHandlerOptions }>();
  private readonly jobs = new Map<string, MemoryJob>();
  private readonly dead: DeadLetter[] = [];
  private readonly running = new Set<Promise<void>>();
  private started = false;
  private stopped = false;
  private sequence = 0;

  register<D>(name: string, handler: JobHandler<D>, options: JobHandlerOptions = {}): void {
    if (this.handlers.has(name)) throw new Error(`job handler "${name}" is already registered`);
    this.handlers.set(name, { handler: handler as JobHandler<unknown>, options });
  }

  async enqueue<D>(name: string, data: D, options: JobOptions = {}): Promise<void> {
    if (this.stopped) throw new Error("the job queue has stopped");
    const id = options.jobId ?? `memory-${++this.sequence}`;
    if (this.jobs.has(id)) return;
    // A structured copy, as if it went through Redis: the caller cannot change it afterwards.
    const job: MemoryJob = { id, name, data: structuredClone(data), state: "waiting", failedRuns: 0, keepCompletedSeconds: options.keepCompletedSeconds ?? 0 };
    this.jobs.set(id, job);
    this.schedule(job, options.delayMs ?? 0);
  }

  async cancel(jobId: string): Promise<boolean> {
    const job = this.jobs.get(jobId);
    if (!job || (job.state !== "delayed" && job.state !== "waiting")) return false;
    clearTimeout(job.timer);
    this.jobs.delete(jobId);
    return true;
  }

  async deadLetters(limit = 50): Promise<DeadLetter[]> {
    return this.dead.slice(-limit).reverse();
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) if (job.state === "waiting") this.run(job);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs.values()) clearTimeout(job.timer);
    await Promise.allSettled([...this.running]);
  }

  private schedule(job: MemoryJob, delayMs: number): void {
    if (delayMs > 0) {
      job.state = "delayed";
      job.timer = setTimeout(() => {
        job.state = "waiting";
        if (this.started && !this.stopped) this.run(job);
      }, delayMs);
      job.timer.unref();
    } else {
      job.state = "waiting";
      if (this.started && !this.stopped) queueMicrotask(() => this.run(job));
    }
  }

  private run(job: MemoryJob): void {
    if (job.state !== "waiting" || this.stopped) return;
    job.state = "active";
    const running = this.execute(job).finally(() => this.running.delete(running));
    this.running.add(running);
  }

  private async execute(job: MemoryJob): Promise<void> {
    const registration = this.handlers.get(job.name);
    const attempts = registration?.options.attempts ?? DEFAULT_ATTEMPTS;
    try {
      if (!registration) throw new PermanentJobError(`no handler registered for job "${job.name}"`);
      await registration.handler(structuredClone(job.data), { jobId: job.id, attempt: job.failedRuns + 1 });
      this.complete(job);
    } catch (error) {
      job.failedRuns++;
      if (error instanceof PermanentJobError || job.failedRuns >= attempts) {
        job.state = "failed";
        this.dead.push({ jobId: job.id, name: job.name, reason: errorMessage(error), failedAt: new Date().toISOString(), attempts: job.failedRuns });
        if (this.dead.length > 10_000) this.dead.shift();
        return;
      }
      if (this.stopped) return;
      this.schedule(job, retryDelayMs(job.failedRuns, registration?.options.backoffMs ?? DEFAULT_BACKOFF_MS, error));
    }
  }

  private complete(job: MemoryJob): void {
    if (job.keepCompletedSeconds <= 0) {
      this.jobs.delete(job.id);
      return;
    }
    job.state = "completed";
    const forget = setTimeout(() => this.jobs.get(job.id) === job && this.jobs.delete(job.id), job.keepCompletedSeconds * 1000);
    forget.unref();
  }
}
