import { Redis } from "ioredis";
import { type KeyValueStore, StoreUnavailableError, type StoredEnvelope } from "../../stores/keyValueStore.js";

/**
 * KeyValueStore on Redis: one string key per value, expiry by Redis itself.
 *
 * When Redis is not connected (it went away, or could not be reached at all), commands fail at once with StoreUnavailableError
 * instead of waiting in ioredis' offline queue: a chat answer should not wait seconds for a store
 * it can do without. ioredis keeps reconnecting in the background, so recovery needs no restart.
 */
export class RedisKeyValueStore implements KeyValueStore {
  /** Set once Redis answered, or once a connection attempt failed: from then on, fail fast. */
  private knownState = false;
  private ready = false;

  constructor(private readonly redis: Redis) {
    redis.on("ready", () => {
      this.knownState = true;
      this.ready = true;
    });
    redis.on("close", () => {
      this.knownState = true;
      this.ready = false;
    });
    if (redis.status === "ready") this.knownState = this.ready = true;
  }

  static connect(url: string, keyPrefix = ""): RedisKeyValueStore {
    const redis = new Redis(url, {
      keyPrefix,
      lazyConnect: false,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      // Keep trying every second at most, forever: Redis coming back is picked up without a restart.
      retryStrategy: (times) => Math.min(times * 100, 1000),
    });
    // Connection errors surface through ping() and failed commands; do not crash on them.
    redis.on("error", () => undefined);
    return new RedisKeyValueStore(redis);
  }

  /** Runs a command, or fails fast once a connection that worked has dropped. */
  private async run<T>(command: () => Promise<T>): Promise<T> {
    // Before the first connection attempt has an outcome, ioredis' offline queue holds the command.
    if (this.knownState && !this.ready) throw new StoreUnavailableError("redis not connected");
    try {
      return await command();
    } catch (error) {
      throw new StoreUnavailableError(`redis command failed: ${(error as Error).message}`, { cause: error });
    }
  }

  async get<T>(key: string, schemaVersion: number): Promise<T | undefined> {
    const raw = await this.run(() => this.redis.get(key));
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
    await this.run(() => this.redis.set(key, JSON.stringify(envelope), "EX", Math.max(1, Math.round(ttlSeconds))));
  }

  async delete(key: string): Promise<void> {
    await this.run(() => this.redis.del(key));
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    // SET NX EX is one atomic command: two concurrent deliveries cannot both win.
    const result = await this.run(() => this.redis.set(key, "1", "EX", Math.max(1, Math.round(ttlSeconds)), "NX"));
    return result === "OK";
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.run(() => this.redis.ping())) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
