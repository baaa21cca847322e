import {
  type Change,
  type RecordKind,
  RecordConflictError,
  type StoredRecord,
  type UpdateFn,
  type UpdateResult,
} from "./recordStore.js";

/** What a backend read returns: the valid record (if any) and the version actually stored. */
export interface VersionedRead<T> {
  record: StoredRecord<T> | undefined;
  /** 0 when nothing is stored; may be > 0 with record undefined (dropped foreign data). */
  storedVersion: number;
}

export interface UpdateBackend<T> {
  read(): Promise<VersionedRead<T>>;
  /** Writes `next` only if the stored version still equals `expectedVersion`; false on conflict. */
  commit(expectedVersion: number, next: StoredRecord<T>, change: Change<T>, previous: StoredRecord<T> | undefined): Promise<boolean>;
}

const MAX_ATTEMPTS = 200;

/**
 * Optimistic concurrency shared by every backend: read, run fn, compare-and-set, and on a lost race
 * wait a short jittered moment and start over with the fresh value.
 */
export async function updateWithRetry<T>(
  kind: RecordKind<T>,
  id: string,
  fn: UpdateFn<T>,
  backend: UpdateBackend<T>,
): Promise<UpdateResult<T>> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { record: current, storedVersion } = await backend.read();
    const change = await fn(current);
    if (change === undefined) return { record: current, changed: false };
    // Validate before writing: a bug in fn throws here instead of storing bad data.
    const value = kind.schema.parse(change.value);
    const now = new Date().toISOString();
    const next: StoredRecord<T> = {
      id,
      version: storedVersion + 1,
      value,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    };
    if (await backend.commit(storedVersion, next, { ...change, value }, current)) return { record: next, changed: true };
    await sleep(backoffMs(attempt));
  }
  throw new RecordConflictError(kind.kind, MAX_ATTEMPTS);
}

/** Full jitter over a window that doubles up to 50 ms: racers spread out instead of colliding again. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(50, 2 * 2 ** Math.min(attempt, 5));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
