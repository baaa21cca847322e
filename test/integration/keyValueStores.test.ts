import { afterAll, describe, expect, it } from "vitest";
import { RedisKeyValueStore } from "../../src/integrations/redis/redisKeyValueStore.js";
import { type KeyValueStore, storeKey } from "../../src/stores/keyValueStore.js";
import { MemoryKeyValueStore } from "../../src/stores/memoryKeyValueStore.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";

const prefix = testPrefix("kv");
const redisStore = RedisKeyValueStore.connect(REDIS_URL, prefix);
let clock = 1_000_000;
const memoryStore = new MemoryKeyValueStore(() => clock);

afterAll(async () => {
  await redisStore.close();
  await cleanPrefix(prefix);
});

describe.each<[string, KeyValueStore]>([
  ["redis", redisStore],
  ["memory", memoryStore],
])("%s key-value store", (_name, store) => {
  it("round-trips JSON values under a schema version", async () => {
    const key = storeKey("conversation", "web", "user:1", "chat");
    await store.set(key, { moreSources: [{ n: 2 }] }, 1, 60);
    expect(await store.get(key, 1)).toEqual({ moreSources: [{ n: 2 }] });
  });

  it("ignores values written with another schema version", async () => {
    const key = storeKey("conversation", "web", "old");
    await store.set(key, { a: 1 }, 1, 60);
    expect(await store.get(key, 2)).toBeUndefined();
  });

  it("deletes", async () => {
    const key = storeKey("conversation", "web", "gone");
    await store.set(key, 1, 1, 60);
    await store.delete(key);
    expect(await store.get(key, 1)).toBeUndefined();
  });

  it("claims a key once within its TTL, also under concurrent claims", async () => {
    const key = storeKey("idempotency", "slack", "Ev123");
    const results = await Promise.all(Array.from({ length: 10 }, () => store.claim(key, 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.claim(key, 60)).toBe(false);
    expect(await store.claim(storeKey("idempotency", "slack", "Ev124"), 60)).toBe(true);
  });

  it("answers ping", async () => {
    expect(await store.ping()).toBe(true);
  });
});

describe("expiry", () => {
  it("memory store forgets after the TTL", async () => {
    await memoryStore.set("k", "v", 1, 10);
    clock += 9_000;
    expect(await memoryStore.get("k", 1)).toBe("v");
    clock += 2_000;
    expect(await memoryStore.get("k", 1)).toBeUndefined();
  });

  it("redis store sets a TTL on the key", async () => {
    const key = storeKey("ttl", "x");
    await redisStore.set(key, "v", 1, 120);
    const { Redis } = await import("ioredis");
    const raw = new Redis(REDIS_URL);
    const ttl = await raw.ttl(`${prefix}${key}`);
    raw.disconnect();
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
  });
});

describe("storeKey", () => {
  it("namespaces and hashes id parts so ids with ':' cannot collide", () => {
    expect(storeKey("conversation", "a:b", "c")).toMatch(/^wegwijs:conversation:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{22}$/);
    expect(storeKey("conversation", "a", "b:c")).not.toBe(storeKey("conversation", "a:b", "c"));
    expect(storeKey("conversation", "web", "u1")).toBe(storeKey("conversation", "web", "u1"));
  });

  it("never shows an id in the key name, however it is written", () => {
    const ids = ["jan@example.nl", "123456782", "Jan de Vries (15)", "U123ABC", "a".repeat(500)];
    for (const id of ids) {
      const key = storeKey("route", "web", id, "conv");
      expect(key).not.toContain(id);
      expect(key.length).toBeLessThan(100);
    }
  });
});
