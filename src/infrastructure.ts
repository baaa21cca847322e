import { Redis } from "ioredis";
import { RedisKeyValueStore } from "./integrations/redis/redisKeyValueStore.js";
import { BullJobQueue } from "./jobs/bullJobQueue.js";
import type { JobQueue } from "./jobs/jobQueue.js";
import { MemoryJobQueue } from "./jobs/memoryJobQueue.js";
import { OutboxRelay, RELAYED_ID_KEEP_SECONDS } from "./jobs/outboxRelay.js";
import type { Logger } from "./logger.js";
import { MemoryRecordStores } from "./records/memoryRecordStore.js";
import type { RecordStores } from "./records/recordStore.js";
import { RedisRecordStores } from "./records/redisRecordStore.js";
import type { KeyValueStore } from "./stores/keyValueStore.js";
import { MemoryKeyValueStore } from "./stores/memoryKeyValueStore.js";

/**
 * What every feature builds on: simple values (idempotency claims, answers), records, jobs and the
 * outbox relay. Redis + BullMQ when REDIS_URL is set, else in-process (nothing survives a restart).
 */
export interface Infrastructure {
  store: KeyValueStore;
  records: RecordStores;
  jobs: JobQueue;
  /** Starts the job workers and the outbox relay; call after every job handler is registered. */
  start(): Promise<void>;
  /** Stops the relay, then the workers (running jobs finish); safe to call twice. */
  stop(): Promise<void>;
  /** stop(), then closes the connections. */
  close(): Promise<void>;
}

export interface InfrastructureOptions {
  redisUrl?: string;
  /** Prefix for every Redis key and the job queue (tests, shared servers); default none. */
  keyPrefix?: string;
  logger: Logger;
  /** Outbox entries read by a dead process are taken over after this long; default 30 s. */
  outboxClaimIdleMs?: number;
  /** Jobs running at once per process; default 8. */
  jobConcurrency?: number;
}

export function createInfrastructure(options: InfrastructureOptions): Infrastructure {
  return options.redisUrl ? onRedis(options.redisUrl, options) : inMemory(options.logger);
}

function inMemory(logger: Logger): Infrastructure {
  logger.warn("REDIS_URL is niet gezet: gesprekken, taken en herinneringen worden alleen in het geheugen bewaard en zijn na een herstart weg.");
  const store = new MemoryKeyValueStore();
  const jobs = new MemoryJobQueue();
  // The memory outbox is the queue itself: messages are enqueued right after the write.
  const records = new MemoryRecordStores({
    outbox: async (messages) => {
      for (const m of messages) {
        await jobs.enqueue(m.type, m.payload, { jobId: m.jobId, delayMs: m.delayMs, keepCompletedSeconds: RELAYED_ID_KEEP_SECONDS });
      }
    },
  });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= jobs.stop());
  return {
    store,
    records,
    jobs,
    start: () => jobs.start(),
    stop,
    close: async () => {
      await stop();
      await store.close();
    },
  };
}

function onRedis(redisUrl: string, options: InfrastructureOptions): Infrastructure {
  const keyPrefix = options.keyPrefix ?? "";
  const redis = new Redis(redisUrl, { keyPrefix, lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  // Connection errors surface through ping() and failed commands; do not crash on them.
  redis.on("error", () => undefined);
  const store = new RedisKeyValueStore(redis);
  const records = new RedisRecordStores(redis);
  const jobs = new BullJobQueue({ redisUrl, prefix: `${keyPrefix}wegwijs-bull`, concurrency: options.jobConcurrency, logger: options.logger });
  const relay = new OutboxRelay(redis, jobs, { claimIdleMs: options.outboxClaimIdleMs, logger: options.logger });
  let started = false;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // The relay first: it feeds the queue.
      if (started) await relay.stop();
      await jobs.stop();
    })());
  return {
    store,
    records,
    jobs,
    start: async () => {
      if (started || stopping) return;
      started = true;
      await jobs.start();
      await relay.start();
    },
    stop,
    close: async () => {
      await stop();
      await store.close();
    },
  };
}
