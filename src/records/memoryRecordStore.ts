import {
  assertKindName,
  type HistoryEntry,
  indexKeys,
  type OutboxMessage,
  type RecordKind,
  type RecordStore,
  type RecordStores,
  type StoredRecord,
  type UpdateFn,
  type UpdateResult,
} from "./recordStore.js";
import { decodeDocument, encodeDocument } from "./storedDocument.js";
import { updateWithRetry, type VersionedRead } from "./updateLoop.js";

/** Where the memory backend hands outbox messages right after a write (the in-process job queue). */
export type OutboxSink = (messages: OutboxMessage[]) => Promise<void>;

interface MemoryEntry {
  version: number;
  json: string;
  expiresAt: number;
  history: Array<HistoryEntry>;
}

/** In-process records for a quick local start: same semantics as Redis, nothing survives a restart. */
export class MemoryRecordStores implements RecordStores {
  private readonly kinds = new Map<string, Map<string, MemoryEntry>>();

  constructor(
    private readonly options: { outbox?: OutboxSink; now?: () => number } = {},
  ) {}

  open<T>(kind: RecordKind<T>): RecordStore<T> {
    assertKindName(kind.kind);
    let entries = this.kinds.get(kind.kind);
    if (!entries) this.kinds.set(kind.kind, (entries = new Map()));
    return new MemoryRecordStore(kind, entries, this.options.outbox, this.options.now ?? Date.now);
  }
}

class MemoryRecordStore<T> implements RecordStore<T> {
  constructor(
    private readonly kind: RecordKind<T>,
    private readonly entries: Map<string, MemoryEntry>,
    private readonly outbox: OutboxSink | undefined,
    private readonly now: () => number,
  ) {}

  private live(id: string): MemoryEntry | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  private read(id: string): VersionedRead<T> {
    const entry = this.live(id);
    if (!entry) return { record: undefined, storedVersion: 0 };
    return { record: decodeDocument(this.kind, id, entry.version, entry.json), storedVersion: entry.version };
  }

  async get(id: string): Promise<StoredRecord<T> | undefined> {
    return this.read(id).record;
  }

  update(id: string, fn: UpdateFn<T>): Promise<UpdateResult<T>> {
    return updateWithRetry(this.kind, id, fn, {
      read: async () => this.read(id),
      commit: async (expectedVersion, next, change) => {
        if (change.outbox?.length && !this.outbox) throw new Error("outbox messages need an outbox sink (the job queue)");
        // Check and write in one synchronous step: nothing else runs in between.
        const entry = this.live(id);
        if ((entry?.version ?? 0) !== expectedVersion) return false;
        const history = entry?.history ?? [];
        for (const h of change.history ?? []) history.push({ at: next.updatedAt, ...h });
        const max = this.kind.maxHistory ?? 1000;
        if (history.length > max) history.splice(0, history.length - max);
        this.entries.set(id, {
          version: next.version,
          json: encodeDocument(this.kind, next),
          expiresAt: this.now() + (change.ttlSeconds ?? this.kind.ttlSeconds) * 1000,
          history,
        });
        if (change.outbox?.length) await this.outbox!(change.outbox);
        return true;
      },
    });
  }

  async delete(id: string): Promise<void> {
    this.entries.delete(id);
  }

  async history(id: string, limit = 100): Promise<HistoryEntry[]> {
    const entry = this.live(id);
    return entry ? structuredClone(entry.history.slice(-limit)) : [];
  }

  async findBy(index: string, key: string, limit = 100): Promise<StoredRecord<T>[]> {
    const found: StoredRecord<T>[] = [];
    for (const id of [...this.entries.keys()]) {
      const record = this.read(id).record;
      if (record && indexKeys(this.kind, record.value).some((k) => k.index === index && k.key === key)) found.push(record);
    }
    // Most recently written first, as in Redis.
    found.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return found.slice(0, limit);
  }
}
