import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createInfrastructure, type Infrastructure } from "../../src/infrastructure.js";
import { BullJobQueue } from "../../src/jobs/bullJobQueue.js";
import { RetryAfterError } from "../../src/jobs/jobQueue.js";
import { OutboxRelay } from "../../src/jobs/outboxRelay.js";
import { createLogger } from "../../src/logger.js";
import type { RecordKind } from "../../src/records/recordStore.js";
import { OUTBOX_STREAM, RedisRecordStores } from "../../src/records/redisRecordStore.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";

const prefixes: string[] = [];
const closers: Array<() => Promise<void>> = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(async () => {
  for (const close of closers) await close();
  for (const prefix of prefixes) await cleanPrefix(prefix);
});

async function until(predicate: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(25);
  }
}

const noteKind: RecordKind<{ notes: string[] }> = {
  kind: "outbox-notes",
  schema: z.object({ notes: z.array(z.string()) }),
  schemaVersion: 1,
  ttlSeconds: 600,
};

function infrastructure(kind: "redis" | "memory"): Infrastructure {
  const prefix = testPrefix("outbox");
  prefixes.push(prefix);
  const infra = createInfrastructure({
    redisUrl: kind === "redis" ? REDIS_URL : undefined,
    keyPrefix: prefix,
    logger: createLogger("silent"),
    outboxClaimIdleMs: 500,
  });
  closers.push(() => infra.close());
  return infra;
}

describe.each(["redis", "memory"] as const)("outbox on %s", (kind) => {
  it("delivers 20 changes' messages exactly once through 429 Retry-After and then errors", { timeout: 60_000 }, async () => {
    const infra = infrastructure(kind);
    const arrived = new Map<number, number>();
    const attemptsAt = new Map<number, number[]>();
    let phase: "rate-limited" | "down" | "up" = "rate-limited";
    infra.jobs.register<{ n: number }>(
      "notify",
      async ({ n }) => {
        attemptsAt.set(n, [...(attemptsAt.get(n) ?? []), Date.now()]);
        if (phase === "rate-limited") throw new RetryAfterError("429 Too Many Requests", 1000);
        if (phase === "down") throw new Error("500 Internal Server Error");
        arrived.set(n, (arrived.get(n) ?? 0) + 1);
      },
      { attempts: 10, backoffMs: 150 },
    );
    await infra.start();

    const notes = infra.records.open(noteKind);
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        notes.update("case-1", (current) => ({
          value: { notes: [...(current?.value.notes ?? []), `note ${n}`] },
          history: [{ type: "note.added", actor: "u1" }],
          outbox: [{ type: "notify", payload: { n } }],
        })),
      ),
    );
    expect((await notes.get("case-1"))?.version).toBe(20);

    await until(() => attemptsAt.size === 20);
    phase = "down";
    await sleep(1500);
    phase = "up";
    await until(() => arrived.size === 20);
    await sleep(1000); // a duplicate would arrive within this

    expect([...arrived.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect([...arrived.values()].every((count) => count === 1)).toBe(true);
    // The rate limit was honoured: no second attempt came before Retry-After.
    for (const times of attemptsAt.values()) expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(995);
    expect(await infra.jobs.deadLetters()).toEqual([]);
  });
});

describe.each(["redis", "memory"] as const)("outbox job ids on %s", (kind) => {
  it("keeps a message's job id taken after its job ran, so a repeat does not run again", { timeout: 30_000 }, async () => {
    const infra = infrastructure(kind);
    const runs: unknown[] = [];
    infra.jobs.register("remind", async (data) => void runs.push(data));
    await infra.start();
    const notes = infra.records.open(noteKind);
    const remind = (n: number) =>
      notes.update("case-4", (current) => ({
        value: { notes: [...(current?.value.notes ?? []), `n${n}`] },
        outbox: [{ type: "remind", payload: { n }, jobId: "remind:case-4:item-1:v1" }],
      }));
    await remind(1);
    await until(() => runs.length === 1);
    await remind(2);
    await sleep(1500);
    expect(runs).toEqual([{ n: 1 }]);
  });
});

/** A Redis connection and a started job queue under a fresh prefix, with a "notify" job that calls `onNotify`. */
async function relayRig(name: string, onNotify: (data: unknown) => void): Promise<{ redis: Redis; jobs: BullJobQueue }> {
  const prefix = testPrefix(name);
  prefixes.push(prefix);
  const redis = new Redis(REDIS_URL, { keyPrefix: prefix });
  closers.push(async () => void redis.disconnect());
  const jobs = new BullJobQueue({ redisUrl: REDIS_URL, prefix: `${prefix}bull` });
  closers.push(() => jobs.stop());
  jobs.register("notify", async (data) => void onNotify(data));
  await jobs.start();
  return { redis, jobs };
}

describe("outbox relay (Redis)", () => {
  it("enqueues an entry once even when the relay dies after enqueueing but before acknowledging", { timeout: 30_000 }, async () => {
    const runs: unknown[] = [];
    const { redis, jobs } = await relayRig("outbox-relay", (data) => runs.push(data));

    // A relay whose process "dies" right after each enqueue: nothing gets acknowledged.
    let crashes = 0;
    const crashingJobs = {
      ...jobs,
      enqueue: async (name: string, data: unknown, options?: Parameters<typeof jobs.enqueue>[2]) => {
        await jobs.enqueue(name, data, options);
        crashes++;
        throw new Error("process died before XACK");
      },
    } as unknown as BullJobQueue;
    const doomed = new OutboxRelay(redis, crashingJobs, { claimIdleMs: 300, blockMs: 200 });

    const notes = new RedisRecordStores(redis).open(noteKind);
    await notes.update("case-2", () => ({ value: { notes: ["x"] }, outbox: [{ type: "notify", payload: { once: true } }] }));
    await doomed.start();
    await until(() => crashes >= 2); // it read the entry, and re-claimed it at least once
    await doomed.stop();
    await until(() => runs.length === 1);

    // A healthy relay takes the still-pending entry over; BullMQ ignores the known job id.
    const healthy = new OutboxRelay(redis, jobs, { claimIdleMs: 300, blockMs: 200 });
    await healthy.start();
    await until(async () => (await redis.xlen(OUTBOX_STREAM)) === 0);
    await sleep(500);
    await healthy.stop();
    expect(runs).toEqual([{ once: true }]);
  });

  it("relays an entry again within seconds when its enqueue failed, not only after claimIdleMs", { timeout: 30_000 }, async () => {
    const ranAt: number[] = [];
    const { redis, jobs } = await relayRig("outbox-retry", () => ranAt.push(Date.now()));

    // The first enqueue fails as when Redis does not answer in time (a loaded machine); later ones work.
    let failures = 1;
    const flakyJobs = {
      ...jobs,
      enqueue: async (name: string, data: unknown, options?: Parameters<typeof jobs.enqueue>[2]) => {
        if (failures-- > 0) throw new Error("jobs: Redis did not answer in time");
        await jobs.enqueue(name, data, options);
      },
    } as unknown as BullJobQueue;
    // Taking over from dead processes (claimIdleMs) is far off, so it cannot be what delivers.
    const relay = new OutboxRelay(redis, flakyJobs, { claimIdleMs: 120_000, blockMs: 200 });
    closers.push(() => relay.stop());

    const notes = new RedisRecordStores(redis).open(noteKind);
    const writtenAt = Date.now();
    await notes.update("case-4", () => ({ value: { notes: ["x"] }, outbox: [{ type: "notify", payload: {} }] }));
    await relay.start();
    await until(() => ranAt.length === 1, 10_000);
    expect(failures).toBeLessThan(0);
    expect(ranAt[0]! - writtenAt).toBeLessThan(5000);
    await until(async () => (await redis.xlen(OUTBOX_STREAM)) === 0, 5000);
    await sleep(500);
    expect(ranAt).toHaveLength(1);
  });

  it("counts an outbox delay from the write, and starts the job no earlier", { timeout: 30_000 }, async () => {
    const infra = infrastructure("redis");
    const ranAt: number[] = [];
    infra.jobs.register("later", async () => void ranAt.push(Date.now()));
    const notes = infra.records.open(noteKind);
    const writtenAt = Date.now();
    await notes.update("case-3", () => ({ value: { notes: [] }, outbox: [{ type: "later", payload: {}, jobId: "later:case-3:v1", delayMs: 1200 }] }));
    await sleep(600); // the relay starts late; the delay still counts from the write
    await infra.start();
    await until(() => ranAt.length === 1);
    expect(ranAt[0]! - writtenAt).toBeGreaterThanOrEqual(1190);
    expect(ranAt[0]! - writtenAt).toBeLessThan(3000);
  });
});
