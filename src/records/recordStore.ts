import type { z } from "zod";

/**
 * A kind of shared record (a route session, a checklist, a consult request): its schema, the
 * schema version written with every value, how long it lives and how it can be found.
 */
export interface RecordKind<T> {
  /** Lowercase letters, digits and "-", e.g. "route-session"; part of every key. */
  kind: string;
  schema: z.ZodType<T>;
  /** Bump when the stored shape changes: values written under another version are dropped on read. */
  schemaVersion: number;
  /** Every write sets the record's (and its history's) time to live to this. */
  ttlSeconds: number;
  /** Secondary indexes: name -> key(s) for a value, e.g. byStatus: v => v.status. */
  indexes?: Record<string, (value: T) => string | string[] | undefined>;
  /** Newest history entries kept per record (approximately; default 1000). */
  maxHistory?: number;
}

export interface StoredRecord<T> {
  id: string;
  /** Starts at 1 and grows by exactly one with every effective change. */
  version: number;
  value: T;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryEntry {
  at: string;
  type: string;
  actor?: string;
  data?: Record<string, unknown>;
}

/** A message caused by a change; written atomically with it and relayed into a job. */
export interface OutboxMessage {
  /** The job name that handles it. */
  type: string;
  payload: unknown;
  /**
   * Job id; default the outbox entry's own unique id. It stays taken for a day after the job ran
   * (exactly-once relay), so put a record version or a time slot in it (see throttleSlot).
   */
  jobId?: string;
  delayMs?: number;
}

/** What an update function returns; undefined = no change (no version bump, no history, no outbox). */
export interface Change<T> {
  value: T;
  history?: Omit<HistoryEntry, "at">[];
  outbox?: OutboxMessage[];
  /** Time to live from this write on (e.g. "closed + 30 days"); default the kind's ttlSeconds. */
  ttlSeconds?: number;
}

export type UpdateFn<T> = (
  current: StoredRecord<T> | undefined,
) => Change<T> | undefined | Promise<Change<T> | undefined>;

export interface UpdateResult<T> {
  record: StoredRecord<T> | undefined;
  changed: boolean;
}

export interface RecordStore<T> {
  get(id: string): Promise<StoredRecord<T> | undefined>;
  /** Atomic compare-and-set, retried on conflict (fn may run more than once: keep it pure). */
  update(id: string, fn: UpdateFn<T>): Promise<UpdateResult<T>>;
  /** Removes the record, its history and its index entries. */
  delete(id: string): Promise<void>;
  /** The newest `limit` entries (default 100), oldest first. */
  history(id: string, limit?: number): Promise<HistoryEntry[]>;
  /** Records whose index `index` holds `key`, most recently written first (default limit 100). */
  findBy(index: string, key: string, limit?: number): Promise<StoredRecord<T>[]>;
}

/** Opens a RecordStore per kind on one backend (memory or Redis). */
export interface RecordStores {
  open<T>(kind: RecordKind<T>): RecordStore<T>;
}

/** Thrown when an update keeps losing the race (very heavy contention on one record). */
export class RecordConflictError extends Error {
  constructor(kind: string, attempts: number) {
    super(`record of kind ${kind} changed concurrently ${attempts} times; giving up`);
    this.name = "RecordConflictError";
  }
}

/** One id from several parts (surface, user, conversation, ...); ":" inside a part cannot collide. */
export function recordId(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p)).join(":");
}

const KIND_PATTERN = /^[a-z][a-z0-9-]*$/;

export function assertKindName(kind: string): void {
  if (!KIND_PATTERN.test(kind)) throw new Error(`record kind "${kind}" must match ${KIND_PATTERN}`);
}

/** Index keys of a value, deduplicated; a failing or empty indexer yields none. */
export function indexKeys<T>(kind: RecordKind<T>, value: T | undefined): Array<{ index: string; key: string }> {
  if (value === undefined || !kind.indexes) return [];
  const out: Array<{ index: string; key: string }> = [];
  for (const [index, fn] of Object.entries(kind.indexes)) {
    const raw = fn(value);
    const keys = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    for (const key of new Set(keys)) out.push({ index, key });
  }
  return out;
}
