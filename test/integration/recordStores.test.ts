import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MemoryRecordStores } from "../../src/records/memoryRecordStore.js";
import type { OutboxMessage, RecordKind, RecordStores } from "../../src/records/recordStore.js";
import { OUTBOX_STREAM, RedisRecordStores } from "../../src/records/redisRecordStore.js";
import { storeKey } from "../../src/stores/keyValueStore.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";

const itemsSchema = z.object({ status: z.enum(["open", "closed"]), owners: z.array(z.string()), items: z.array(z.string()) });
type Items = z.infer<typeof itemsSchema>;

const kind: RecordKind<Items> = {
  kind: "contract-items",
  schema: itemsSchema,
  schemaVersion: 1,
  ttlSeconds: 600,
  indexes: { byStatus: (v) => v.status, byOwner: (v) => v.owners },
};

const empty: Items = { status: "open", owners: [], items: [] };
const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));

const prefix = testPrefix("records");
const redis = new Redis(REDIS_URL, { keyPrefix: prefix });
const memoryOutbox: OutboxMessage[] = [];
const memory = new MemoryRecordStores({ outbox: async (messages) => void memoryOutbox.push(...messages) });

async function redisOutbox(): Promise<OutboxMessage[]> {
  const entries = await redis.xrange(OUTBOX_STREAM, "-", "+");
  return entries.map(([, f]) => {
    const field = (name: string) => (f.includes(name) ? f[f.indexOf(name) + 1] : undefined);
    const delay = field("delayMs");
    return { type: field("type")!, payload: JSON.parse(field("payload")!), jobId: field("jobId"), delayMs: delay === undefined ? undefined : Number(delay) };
  });
}

afterAll(async () => {
  redis.disconnect();
  await cleanPrefix(prefix);
});

describe.each<[string, RecordStores, () => Promise<OutboxMessage[]>]>([
  ["memory", memory, async () => memoryOutbox],
  ["redis", new RedisRecordStores(redis), redisOutbox],
])("%s record store (shared contract)", (_name, stores, outbox) => {
  const store = stores.open(kind);

  it("creates a record at version 1 and bumps the version with every change", async () => {
    const first = await store.update("a", (current) => ({ value: { ...(current?.value ?? empty), items: ["x"] } }));
    expect(first.changed).toBe(true);
    expect(first.record).toMatchObject({ id: "a", version: 1, value: { items: ["x"] } });
    const second = await store.update("a", (current) => ({ value: { ...current!.value, items: [...current!.value.items, "y"] } }));
    expect(second.record?.version).toBe(2);
    expect(second.record?.createdAt).toBe(first.record?.createdAt);
    expect(await store.get("a")).toEqual(second.record);
  });

  it("changes nothing when the update function returns undefined", async () => {
    await store.update("b", () => ({ value: empty, history: [{ type: "created" }] }));
    const result = await store.update("b", () => undefined);
    expect(result.changed).toBe(false);
    expect(result.record?.version).toBe(1);
    expect(await store.history("b")).toHaveLength(1);
  });

  it("loses none of 50 concurrent updates, and the version grows by exactly 50", async () => {
    const id = "concurrent";
    const before = (await outbox()).length;
    let runs = 0;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.update(id, async (current) => {
          runs++;
          await tick(); // let the racers interleave between read and write
          const value = current?.value ?? empty;
          return {
            value: { ...value, items: [...value.items, `item-${i}`] },
            history: [{ type: "added", actor: `user-${i}`, data: { item: i } }],
            outbox: [{ type: "redraw", payload: { item: i } }],
          };
        }),
      ),
    );
    expect(runs).toBeGreaterThan(50); // the racers really collided and retried
    const record = await store.get(id);
    expect(record?.version).toBe(50);
    expect(new Set(record?.value.items)).toEqual(new Set(Array.from({ length: 50 }, (_, i) => `item-${i}`)));
    // History and outbox are written with the winning write only: one each per effective change.
    const history = await store.history(id, 1000);
    expect(history.map((h) => h.data?.item).sort()).toEqual(Array.from({ length: 50 }, (_, i) => i).sort());
    const sent = (await outbox()).slice(before);
    expect(sent.map((m) => (m.payload as { item: number }).item).sort()).toEqual(Array.from({ length: 50 }, (_, i) => i).sort());
  });

  it("keeps history append-only, oldest first, with a time, and returns the newest `limit`", async () => {
    for (const type of ["one", "two", "three"]) {
      await store.update("h", (current) => ({ value: current?.value ?? empty, history: [{ type, actor: "u1" }] }));
    }
    const all = await store.history("h");
    expect(all.map((h) => h.type)).toEqual(["one", "two", "three"]);
    expect(all.every((h) => !Number.isNaN(Date.parse(h.at)) && h.actor === "u1")).toBe(true);
    expect((await store.history("h", 2)).map((h) => h.type)).toEqual(["two", "three"]);
    expect(await store.history("never-written")).toEqual([]);
  });

  it("finds records by secondary index and follows changes of the indexed value", async () => {
    await store.update("i1", () => ({ value: { status: "open", owners: ["ann", "bo"], items: [] } }));
    await store.update("i2", () => ({ value: { status: "open", owners: ["bo"], items: [] } }));
    expect((await store.findBy("byStatus", "open")).map((r) => r.id).sort()).toEqual(expect.arrayContaining(["i1", "i2"]));
    expect((await store.findBy("byOwner", "bo")).map((r) => r.id).sort()).toEqual(["i1", "i2"]);

    await store.update("i1", (c) => ({ value: { ...c!.value, status: "closed", owners: ["ann"] } }));
    expect((await store.findBy("byStatus", "open")).map((r) => r.id)).not.toContain("i1");
    expect((await store.findBy("byStatus", "closed")).map((r) => r.id)).toEqual(["i1"]);
    expect((await store.findBy("byOwner", "bo")).map((r) => r.id)).toEqual(["i2"]);
    expect((await store.findBy("byOwner", "ann")).map((r) => r.id)).toEqual(["i1"]);
    expect(await store.findBy("byOwner", "nobody")).toEqual([]);
  });

  it("refuses a value that fails the schema and stores nothing", async () => {
    await expect(store.update("bad", () => ({ value: { status: "maybe" } as unknown as Items }))).rejects.toThrow();
    expect(await store.get("bad")).toBeUndefined();
    expect(await store.history("bad")).toEqual([]);
  });

  it("drops data written under another schema version, and the next write continues the version", async () => {
    await store.update("old", () => ({ value: empty }));
    const v2 = stores.open({ ...kind, schemaVersion: 2 });
    expect(await v2.get("old")).toBeUndefined();
    const result = await v2.update("old", (current) => {
      expect(current).toBeUndefined();
      return { value: { ...empty, items: ["fresh"] } };
    });
    expect(result.record?.version).toBe(2);
    expect((await v2.get("old"))?.value.items).toEqual(["fresh"]);
  });

  it("deletes a record with its history and index entries", async () => {
    await store.update("gone", () => ({ value: { ...empty, owners: ["del"] }, history: [{ type: "created" }] }));
    await store.delete("gone");
    expect(await store.get("gone")).toBeUndefined();
    expect(await store.history("gone")).toEqual([]);
    expect(await store.findBy("byOwner", "del")).toEqual([]);
    const again = await store.update("gone", () => ({ value: empty }));
    expect(again.record?.version).toBe(1);
  });

  it("writes outbox messages with the change, with job id and delay", async () => {
    const before = (await outbox()).length;
    await store.update("o", () => ({ value: empty, outbox: [{ type: "remind", payload: { a: 1 }, jobId: "remind-o-1", delayMs: 5000 }, { type: "redraw", payload: null }] }));
    expect((await outbox()).slice(before)).toEqual([
      { type: "remind", payload: { a: 1 }, jobId: "remind-o-1", delayMs: 5000 },
      { type: "redraw", payload: null, jobId: undefined, delayMs: undefined },
    ]);
  });

  it("keeps kinds apart: the same id in another kind is another record", async () => {
    await store.update("shared-id", () => ({ value: { ...empty, items: ["mine"] } }));
    const other = stores.open({ ...kind, kind: "contract-other" });
    expect(await other.get("shared-id")).toBeUndefined();
  });
});

describe("redis record layout", () => {
  it("sets the kind's TTL on the record and its history, under the store key", async () => {
    const store = new RedisRecordStores(redis).open({ ...kind, ttlSeconds: 120 });
    await store.update("ttl", () => ({ value: empty, history: [{ type: "created" }] }));
    const raw = new Redis(REDIS_URL);
    try {
      const ttl = await raw.ttl(`${prefix}${storeKey(kind.kind, "ttl")}`);
      expect(ttl).toBeGreaterThan(100);
      expect(ttl).toBeLessThanOrEqual(120);
      expect(await raw.ttl(`${prefix}${storeKey(`${kind.kind}-history`, "ttl")}`)).toBeGreaterThan(100);
    } finally {
      raw.disconnect();
    }
  });

  it("lets one write set its own TTL, and never shortens an index's TTL", async () => {
    const store = new RedisRecordStores(redis).open({ ...kind, kind: "contract-retention", ttlSeconds: 600 });
    await store.update("long", () => ({ value: { ...empty, status: "closed" } }));
    await store.update("short", () => ({ value: { ...empty, status: "closed" }, ttlSeconds: 60 }));
    const raw = new Redis(REDIS_URL);
    try {
      const ttl = await raw.ttl(`${prefix}${storeKey("contract-retention", "short")}`);
      expect(ttl).toBeGreaterThan(50);
      expect(ttl).toBeLessThanOrEqual(60);
      expect(await raw.ttl(`${prefix}${storeKey("contract-retention-index", "byStatus", "closed")}`)).toBeGreaterThan(590);
    } finally {
      raw.disconnect();
    }
    expect((await store.findBy("byStatus", "closed")).map((r) => r.id).sort()).toEqual(["long", "short"]);
  });

  it("replaces a key of another type (an older release's format) instead of failing", async () => {
    await redis.set(storeKey("contract-legacy", "x"), JSON.stringify({ v: 1, data: {} }));
    const store = new RedisRecordStores(redis).open({ ...kind, kind: "contract-legacy" });
    expect(await store.get("x")).toBeUndefined();
    const result = await store.update("x", () => ({ value: empty }));
    expect(result.record?.version).toBe(1);
    expect((await store.get("x"))?.value).toEqual(empty);
  });
});

describe("memory record expiry", () => {
  it("lets one write set its own TTL (e.g. closed + a retention period)", async () => {
    let clock = 1_000_000;
    const store = new MemoryRecordStores({ now: () => clock }).open({ ...kind, ttlSeconds: 10 });
    await store.update("closed", () => ({ value: { ...empty, status: "closed" }, ttlSeconds: 100 }));
    clock += 50_000;
    expect((await store.get("closed"))?.value.status).toBe("closed");
    expect((await store.findBy("byStatus", "closed")).map((r) => r.id)).toEqual(["closed"]);
    clock += 51_000;
    expect(await store.get("closed")).toBeUndefined();
  });

  it("forgets a record after the kind's TTL", async () => {
    let clock = 1_000_000;
    const store = new MemoryRecordStores({ now: () => clock }).open({ ...kind, ttlSeconds: 10 });
    await store.update("t", () => ({ value: empty }));
    clock += 9_000;
    expect(await store.get("t")).toBeDefined();
    clock += 2_000;
    expect(await store.get("t")).toBeUndefined();
  });
});
