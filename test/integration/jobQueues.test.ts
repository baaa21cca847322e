import { afterAll, describe, expect, it } from "vitest";
import { BullJobQueue, decodeJobId, encodeJobId } from "../../src/jobs/bullJobQueue.js";
import { type JobContext, type JobQueue, PermanentJobError, RetryAfterError, retryDelayMs, throttleSlot } from "../../src/jobs/jobQueue.js";
import { MemoryJobQueue } from "../../src/jobs/memoryJobQueue.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";

const prefix = testPrefix("jobs");
const queues: JobQueue[] = [];

afterAll(async () => {
  for (const q of queues) await q.stop();
  await cleanPrefix(prefix);
});

let seq = 0;
const uniqueName = (base: string) => `${base}-${++seq}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `predicate` holds, polling; fails the test after `ms`. */
async function until(predicate: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(20);
  }
}

function makeQueue(kind: "memory" | "bullmq"): JobQueue {
  const queue = kind === "memory" ? new MemoryJobQueue() : new BullJobQueue({ redisUrl: REDIS_URL, prefix: `${prefix}bull`, queueName: `contract` });
  queues.push(queue);
  return queue;
}

describe.each(["memory", "bullmq"] as const)("%s job queue (shared contract)", (kind) => {
  const queue = makeQueue(kind);
  const started = queue.start();

  it("runs an enqueued job with its data, id and attempt number", async () => {
    await started;
    const name = uniqueName("run");
    const runs: Array<{ data: unknown; ctx: JobContext }> = [];
    queue.register(name, async (data, ctx) => void runs.push({ data, ctx }));
    await queue.enqueue(name, { hello: "wereld" }, { jobId: `${name}:with:colons` });
    await until(() => runs.length === 1);
    expect(runs[0]).toEqual({ data: { hello: "wereld" }, ctx: { jobId: `${name}:with:colons`, attempt: 1 } });
  });

  it("runs a delayed job after its delay, not before", async () => {
    const name = uniqueName("delayed");
    const ranAt: number[] = [];
    queue.register(name, async () => void ranAt.push(Date.now()));
    const enqueuedAt = Date.now();
    await queue.enqueue(name, {}, { delayMs: 600 });
    await until(() => ranAt.length === 1);
    expect(ranAt[0]! - enqueuedAt).toBeGreaterThanOrEqual(590);
  });

  it("ignores a job id that is still stored, and frees it once the job completed", async () => {
    const name = uniqueName("dedupe");
    const runs: unknown[] = [];
    queue.register(name, async (data) => void runs.push(data));
    await queue.enqueue(name, { n: 1 }, { jobId: `${name}-x`, delayMs: 300 });
    await queue.enqueue(name, { n: 2 }, { jobId: `${name}-x`, delayMs: 300 });
    await until(() => runs.length === 1);
    await sleep(400);
    expect(runs).toEqual([{ n: 1 }]);
    await queue.enqueue(name, { n: 3 }, { jobId: `${name}-x` });
    await until(() => runs.length === 2);
    expect(runs[1]).toEqual({ n: 3 });
  });

  it("keeps a completed id taken for keepCompletedSeconds", async () => {
    const name = uniqueName("keep");
    const runs: unknown[] = [];
    queue.register(name, async (data) => void runs.push(data));
    await queue.enqueue(name, { n: 1 }, { jobId: `${name}-k`, keepCompletedSeconds: 60 });
    await until(() => runs.length === 1);
    await queue.enqueue(name, { n: 2 }, { jobId: `${name}-k`, keepCompletedSeconds: 60 });
    await sleep(300);
    expect(runs).toEqual([{ n: 1 }]);
  });

  it("retries a job that fails twice, waiting the back-off, and it runs three times", async () => {
    const name = uniqueName("flaky");
    const runs: Array<{ at: number; attempt: number }> = [];
    const base = 200;
    queue.register(
      name,
      async (_data, ctx) => {
        runs.push({ at: Date.now(), attempt: ctx.attempt });
        if (runs.length <= 2) throw new Error("tijdelijk mis");
      },
      { attempts: 5, backoffMs: base },
    );
    await queue.enqueue(name, {});
    await until(() => runs.length === 3);
    await sleep(base * 3); // a fourth run would come within this
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    // Exponential with jitter: at least half of base, then half of 2 x base.
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(base * 0.5 - 5);
    expect(runs[2]!.at - runs[1]!.at).toBeGreaterThanOrEqual(base - 5);
    expect((await queue.deadLetters(100)).some((d) => d.name === name)).toBe(false);
  });

  it("waits what a RetryAfterError asks, even when the back-off is shorter", async () => {
    const name = uniqueName("ratelimited");
    const runs: number[] = [];
    queue.register(
      name,
      async () => {
        runs.push(Date.now());
        if (runs.length === 1) throw new RetryAfterError("429", 700);
      },
      { backoffMs: 10 },
    );
    await queue.enqueue(name, {});
    await until(() => runs.length === 2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(695);
  });

  it("puts a job that keeps failing in the dead letters, with its reason", async () => {
    const name = uniqueName("broken");
    let runs = 0;
    queue.register(
      name,
      async () => {
        runs++;
        throw new Error(`kanaal weg (${runs})`);
      },
      { attempts: 3, backoffMs: 20 },
    );
    await queue.enqueue(name, {}, { jobId: `${name}-dl` });
    await until(async () => (await queue.deadLetters(100)).some((d) => d.name === name));
    const letter = (await queue.deadLetters(100)).find((d) => d.name === name)!;
    expect(letter).toMatchObject({ jobId: `${name}-dl`, name, reason: "kanaal weg (3)", attempts: 3 });
    expect(Number.isNaN(Date.parse(letter.failedAt))).toBe(false);
    expect(runs).toBe(3);
  });

  it("sends a PermanentJobError straight to the dead letters", async () => {
    const name = uniqueName("permanent");
    let runs = 0;
    queue.register(name, async () => {
      runs++;
      throw new PermanentJobError("ongeldige gegevens");
    });
    await queue.enqueue(name, {});
    await until(async () => (await queue.deadLetters(100)).some((d) => d.name === name));
    expect((await queue.deadLetters(100)).find((d) => d.name === name)).toMatchObject({ reason: "ongeldige gegevens", attempts: 1 });
    expect(runs).toBe(1);
  });

  it("cancels a delayed job by id", async () => {
    const name = uniqueName("cancel");
    let runs = 0;
    queue.register(name, async () => void runs++);
    await queue.enqueue(name, {}, { jobId: `${name}-c`, delayMs: 300 });
    expect(await queue.cancel(`${name}-c`)).toBe(true);
    expect(await queue.cancel(`${name}-c`)).toBe(false);
    expect(await queue.cancel("never-enqueued")).toBe(false);
    await sleep(500);
    expect(runs).toBe(0);
    // The id is free again.
    await queue.enqueue(name, {}, { jobId: `${name}-c` });
    await until(() => runs === 1);
  });
});

describe.each(["memory", "bullmq"] as const)("%s job queue shutdown", (kind) => {
  it("lets a running job finish before stop() resolves", async () => {
    const queue = kind === "memory" ? new MemoryJobQueue() : new BullJobQueue({ redisUrl: REDIS_URL, prefix: `${prefix}bull`, queueName: "shutdown" });
    let finished = false;
    let began = false;
    queue.register("slow", async () => {
      began = true;
      await sleep(500);
      finished = true;
    });
    await queue.start();
    await queue.enqueue("slow", {});
    await until(() => began);
    await queue.stop();
    expect(finished).toBe(true);
  });
});

describe("job ids and back-off", () => {
  it("escapes ids for BullMQ injectively (no ':' and never an integer)", () => {
    for (const id of ["a:b", "a%3Ab", "123", "remind:cl-1:item-2:v7", ""]) {
      const encoded = encodeJobId(id);
      expect(encoded).not.toContain(":");
      expect(`${parseInt(encoded, 10)}`).not.toBe(encoded);
      expect(decodeJobId(encoded)).toBe(id);
    }
    expect(encodeJobId("a:b")).not.toBe(encodeJobId("a%3Ab"));
  });

  it("backs off exponentially with jitter, and a Retry-After wins", () => {
    for (let i = 0; i < 50; i++) {
      const third = retryDelayMs(3, 100, new Error("x"));
      expect(third).toBeGreaterThanOrEqual(200);
      expect(third).toBeLessThanOrEqual(400);
      const asked = retryDelayMs(3, 100, new RetryAfterError("429", 1000));
      expect(asked).toBeGreaterThanOrEqual(1000);
      expect(asked).toBeLessThanOrEqual(1100);
    }
  });
});

describe("bullmq job queue without a reachable Redis", () => {
  it("rejects enqueue instead of hanging, and still starts and stops", { timeout: 15_000 }, async () => {
    const queue = new BullJobQueue({ redisUrl: "redis://127.0.0.1:1", prefix: `${prefix}bull`, commandTimeoutMs: 500 });
    await queue.start();
    await expect(queue.enqueue("anything", {})).rejects.toThrow(/did not answer/);
    await expect(queue.deadLetters()).rejects.toThrow(/did not answer/);
    const started = Date.now();
    await queue.stop();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe("throttleSlot", () => {
  it("gives every moment of one window the same id, due at the window's end", () => {
    expect(throttleSlot("redraw:c1", 1000, 5_000)).toEqual({ jobId: "redraw:c1@5", delayMs: 1000 });
    expect(throttleSlot("redraw:c1", 1000, 5_999)).toEqual({ jobId: "redraw:c1@5", delayMs: 1 });
    expect(throttleSlot("redraw:c1", 1000, 6_000).jobId).toBe("redraw:c1@6");
  });

  it.each(["memory", "bullmq"] as const)("merges a burst of 30 changes into one run per window (%s)", async (kind) => {
    const queue = kind === "memory" ? new MemoryJobQueue() : new BullJobQueue({ redisUrl: REDIS_URL, prefix: `${prefix}bull`, queueName: "throttle" });
    queues.push(queue);
    const runs: number[] = [];
    queue.register("redraw", async () => void runs.push(Date.now()));
    await queue.start();
    const slots = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const slot = throttleSlot("redraw:c1", 500);
      slots.add(slot.jobId);
      await queue.enqueue("redraw", { change: i }, slot);
      await sleep(10);
    }
    await sleep(1200);
    // One run per window the burst touched, not one per change.
    expect(runs).toHaveLength(slots.size);
    expect(slots.size).toBeLessThan(30);
  });
});
