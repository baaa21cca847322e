import { failFast } from "../integrations/redis/failFast.js";
import type { Redis } from "ioredis";
import { storeKey } from "../stores/keyValueStore.js";
import {
  assertKindName,
  type Change,
  type HistoryEntry,
  indexKeys,
  type RecordKind,
  type RecordStore,
  type RecordStores,
  type StoredRecord,
  type UpdateFn,
  type UpdateResult,
} from "./recordStore.js";
import { decodeDocument, encodeDocument } from "./storedDocument.js";
import { updateWithRetry, type VersionedRead } from "./updateLoop.js";

/** The one stream that every record change's outbox messages go to; the relay reads it. */
export const OUTBOX_STREAM = storeKey("outbox", "stream");

/**
 * Compare-and-set plus everything a change causes, all or nothing: value, version and TTL; history
 * entries (capped stream); secondary index sorted sets (score = expiry, so stale ids can be trimmed);
 * outbox stream entries. Returns 1, or 0 when the stored version is not the expected one.
 */
const COMMIT_SCRIPT = `
local recordKey, historyKey, outboxKey = KEYS[1], KEYS[2], KEYS[3]
local expected = tonumber(ARGV[1])
local ttl = tonumber(ARGV[3])
local maxHistory = tonumber(ARGV[4])
local nHistory, nOutbox = tonumber(ARGV[5]), tonumber(ARGV[6])
local nAdd, nRemove = tonumber(ARGV[7]), tonumber(ARGV[8])
local id, score = ARGV[9], ARGV[10]

local t = redis.call('TYPE', recordKey)['ok']
local current = 0
if t == 'hash' then
  current = tonumber(redis.call('HGET', recordKey, 'version') or '0') or 0
elseif t ~= 'none' then
  redis.call('DEL', recordKey)
end
if current ~= expected then return 0 end

redis.call('HSET', recordKey, 'version', expected + 1, 'doc', ARGV[2])
redis.call('EXPIRE', recordKey, ttl)

local a = 11
for i = 1, nHistory do
  redis.call('XADD', historyKey, 'MAXLEN', '~', maxHistory, '*', 'e', ARGV[a])
  a = a + 1
end
if redis.call('EXISTS', historyKey) == 1 then redis.call('EXPIRE', historyKey, ttl) end

for i = 1, nOutbox do
  local fields = { 'type', ARGV[a], 'payload', ARGV[a + 1] }
  if ARGV[a + 2] ~= '' then table.insert(fields, 'jobId'); table.insert(fields, ARGV[a + 2]) end
  if ARGV[a + 3] ~= '' then table.insert(fields, 'delayMs'); table.insert(fields, ARGV[a + 3]) end
  redis.call('XADD', outboxKey, '*', unpack(fields))
  a = a + 4
end

for i = 1, nAdd do
  local indexKey = KEYS[3 + i]
  redis.call('ZADD', indexKey, score, id)
  -- Only ever extended: other records in the index may live longer than this one.
  if redis.call('TTL', indexKey) < ttl then redis.call('EXPIRE', indexKey, ttl) end
end
for i = 1, nRemove do
  redis.call('ZREM', KEYS[3 + nAdd + i], id)
end
return 1
`;

/** Removes index entries whose record is gone or moved on, unless it changed since it was read. */
const TRIM_SCRIPT = `
local n = tonumber(ARGV[1])
for i = 1, n do
  local seen = tonumber(ARGV[1 + n + i])
  local now = tonumber(redis.call('HGET', KEYS[1 + i], 'version') or '0') or 0
  if redis.call('TYPE', KEYS[1 + i])['ok'] ~= 'hash' then now = 0 end
  if now == seen then redis.call('ZREM', KEYS[1], ARGV[1 + i]) end
end
return 1
`;

type CommitCommand = (numKeys: number, ...args: Array<string | number>) => Promise<number>;

/** Records on Redis: one hash per record (version + JSON document), history and indexes beside it. */
export class RedisRecordStores implements RecordStores {
  constructor(private readonly redis: Redis) {
    if (!("wegwijsRecordCommit" in redis)) {
      redis.defineCommand("wegwijsRecordCommit", { lua: COMMIT_SCRIPT });
      redis.defineCommand("wegwijsIndexTrim", { lua: TRIM_SCRIPT });
    }
  }

  open<T>(kind: RecordKind<T>): RecordStore<T> {
    assertKindName(kind.kind);
    return new RedisRecordStore(kind, this.redis);
  }
}

class RedisRecordStore<T> implements RecordStore<T> {
  private readonly commitCommand: CommitCommand;
  private readonly trimCommand: CommitCommand;

  private readonly run: ReturnType<typeof failFast>;

  constructor(
    private readonly kind: RecordKind<T>,
    private readonly redis: Redis,
  ) {
    this.run = failFast(redis);
    const command = (redis as unknown as { wegwijsRecordCommit: CommitCommand }).wegwijsRecordCommit;
    this.commitCommand = command.bind(redis);
    const trim = (redis as unknown as { wegwijsIndexTrim: CommitCommand }).wegwijsIndexTrim;
    this.trimCommand = trim.bind(redis);
  }

  private recordKey(id: string): string {
    return storeKey(this.kind.kind, id);
  }

  private historyKey(id: string): string {
    return storeKey(`${this.kind.kind}-history`, id);
  }

  private indexKey(index: string, key: string): string {
    return storeKey(`${this.kind.kind}-index`, index, key);
  }

  private decode(id: string, hash: Record<string, string> | null | undefined): VersionedRead<T> {
    if (!hash || hash.version === undefined) return { record: undefined, storedVersion: 0 };
    const version = Number(hash.version);
    return { record: decodeDocument(this.kind, id, version, hash.doc ?? ""), storedVersion: version };
  }

  private async read(id: string): Promise<VersionedRead<T>> {
    try {
      return this.decode(id, await this.run(() => this.redis.hgetall(this.recordKey(id))));
    } catch (error) {
      // A key of another type (another release's format) counts as absent; the next write replaces it.
      if (error instanceof Error && error.message.includes("WRONGTYPE")) return { record: undefined, storedVersion: 0 };
      throw error;
    }
  }

  async get(id: string): Promise<StoredRecord<T> | undefined> {
    return (await this.read(id)).record;
  }

  update(id: string, fn: UpdateFn<T>): Promise<UpdateResult<T>> {
    return updateWithRetry(this.kind, id, fn, {
      read: () => this.read(id),
      commit: (expected, next, change, previous) => this.commit(expected, next, change, previous),
    });
  }

  private async commit(expected: number, next: StoredRecord<T>, change: Change<T>, previous: StoredRecord<T> | undefined): Promise<boolean> {
    const newKeys = indexKeys(this.kind, next.value).map((k) => this.indexKey(k.index, k.key));
    const oldKeys = indexKeys(this.kind, previous?.value).map((k) => this.indexKey(k.index, k.key));
    const removeKeys = oldKeys.filter((k) => !newKeys.includes(k));
    const history = (change.history ?? []).map((h) => JSON.stringify({ at: next.updatedAt, ...h }));
    const outbox = (change.outbox ?? []).flatMap((m) => [
      m.type,
      JSON.stringify(m.payload ?? null),
      m.jobId ?? "",
      m.delayMs !== undefined && m.delayMs > 0 ? String(Math.round(m.delayMs)) : "",
    ]);
    const ttl = Math.max(1, Math.round(change.ttlSeconds ?? this.kind.ttlSeconds));
    const keys = [this.recordKey(next.id), this.historyKey(next.id), OUTBOX_STREAM, ...newKeys, ...removeKeys];
    const result = await this.run(() => this.commitCommand(
      keys.length,
      ...keys,
      expected,
      encodeDocument(this.kind, next),
      ttl,
      this.kind.maxHistory ?? 1000,
      history.length,
      (change.outbox ?? []).length,
      newKeys.length,
      removeKeys.length,
      next.id,
      Date.now() + ttl * 1000,
      ...history,
      ...outbox,
    ));
    return result === 1;
  }

  async delete(id: string): Promise<void> {
    const { record } = await this.read(id);
    const multi = this.redis.multi().del(this.recordKey(id), this.historyKey(id));
    for (const k of indexKeys(this.kind, record?.value)) multi.zrem(this.indexKey(k.index, k.key), id);
    await this.run(() => multi.exec());
  }

  async history(id: string, limit = 100): Promise<HistoryEntry[]> {
    const entries = await this.run(() => this.redis.xrevrange(this.historyKey(id), "+", "-", "COUNT", limit));
    const out: HistoryEntry[] = [];
    for (const [, fields] of entries.reverse()) {
      const json = fields[fields.indexOf("e") + 1];
      try {
        out.push(JSON.parse(json ?? "") as HistoryEntry);
      } catch {
        // An unreadable entry is skipped; the rest of the history still counts.
      }
    }
    return out;
  }

  async findBy(index: string, key: string, limit = 100): Promise<StoredRecord<T>[]> {
    const indexKey = this.indexKey(index, key);
    await this.run(() => this.redis.zremrangebyscore(indexKey, "-inf", Date.now()));
    const ids = await this.run(() => this.redis.zrevrange(indexKey, 0, limit - 1));
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.recordKey(id));
    const results = (await pipeline.exec()) ?? [];
    const found: StoredRecord<T>[] = [];
    const stale: Array<{ id: string; version: number }> = [];
    ids.forEach((id, i) => {
      const [error, hash] = results[i] ?? [];
      const read = error ? { record: undefined, storedVersion: 0 } : this.decode(id, hash as Record<string, string>);
      const record = read.record;
      const listed = record && indexKeys(this.kind, record.value).some((k) => k.index === index && k.key === key);
      if (listed) found.push(record);
      else stale.push({ id, version: read.storedVersion });
    });
    // Ids whose record expired, was dropped or moved on are trimmed lazily (version-checked, so a
    // concurrent change that lists the record again is not undone).
    if (stale.length) {
      await this.trimCommand(
        1 + stale.length,
        indexKey,
        ...stale.map((s) => this.recordKey(s.id)),
        stale.length,
        ...stale.map((s) => s.id),
        ...stale.map((s) => s.version),
      );
    }
    return found;
  }
}
