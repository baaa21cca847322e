import { Redis } from "ioredis";
import { RedisKeyValueStore } from "./integrations/redis/redisKeyValueStore.js";
import type { Logger } from "./logger.js";
import { MemoryRecordStores } from "./records/memoryRecordStore.js";
import type { RecordStores } from "./records/recordStore.js";
import { RedisRecordStores } from "./records/redisRecordStore.js";
import type { KeyValueStore } from "./stores/keyValueStore.js";
import { MemoryKeyValueStore } from "./stores/memoryKeyValueStore.js";

/** Storage shared by every feature: simple values, records. Redis when configured, else memory. */
export interface Infrastructure {
  store: KeyValueStore;
  records: RecordStores;
  close(): Promise<void>;
}

export interface InfrastructureOptions {
  redisUrl?: string;
  /** Prefix for every Redis key (tests and shared servers); default none. */
  keyPrefix?: string;
  logger: Logger;
}

export function createInfrastructure(options: InfrastructureOptions): Infrastructure {
  if (!options.redisUrl) {
    options.logger.warn("REDIS_URL is niet gezet: gesprekken worden alleen in het geheugen bewaard en zijn na een herstart weg.");
    const store = new MemoryKeyValueStore();
    return { store, records: new MemoryRecordStores(), close: () => store.close() };
  }
  const redis = new Redis(options.redisUrl, {
    keyPrefix: options.keyPrefix ?? "",
    lazyConnect: false,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
  });
  // Connection errors surface through ping() and failed commands; do not crash on them.
  redis.on("error", () => undefined);
  const store = new RedisKeyValueStore(redis);
  return { store, records: new RedisRecordStores(redis), close: () => store.close() };
}
