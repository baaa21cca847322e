import { Redis } from "ioredis";
import type { KeyValueStore, StoredEnvelope } from "../../stores/keyValueStore.js";

/** KeyValueStore on Redis: one string key per value, expiry by Redis itself. */
export class RedisKeyValueStore implements KeyValueStore {
  constructor(private readonly redis: Redis) {}

  static connect(url: string, keyPrefix = ""): RedisKeyValueStore {
    const redis = new Redis(url, {
      keyPrefix,
      lazyConnect: false,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
    });
    // Connection errors surface through ping() and failed commands; do not crash on them.
    redis.on("error", () => undefined);
    return new RedisKeyValueStore(redis);
  }

  async get<T>(key: string, schemaVersion: number): Promise<T | undefined> {
    const raw = await this.redis.get(key);
    if (raw === null) return undefined;
    try {
      const envelope = JSON.parse(raw) as StoredEnvelope<T>;
      return envelope.v === schemaVersion ? envelope.data : undefined;
    } catch {
      return undefined;
    }
  }

  async set<T>(key: string, value: T, schemaVersion: number, ttlSeconds: number): Promise<void> {
    const envelope: StoredEnvelope<T> = { v: schemaVersion, data: value };
    await this.redis.set(key, JSON.stringify(envelope), "EX", Math.max(1, Math.round(ttlSeconds)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(key);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    // SET NX EX is one atomic command: two concurrent deliveries cannot both win.
    const result = await this.redis.set(key, "1", "EX", Math.max(1, Math.round(ttlSeconds)), "NX");
    return result === "OK";
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
