import { createHash } from "node:crypto";

/**
 * The smallest durable store: JSON values under namespaced keys with a time to live.
 * Every value carries a schema version so a future format change can migrate or drop it.
 */
export interface KeyValueStore {
  get<T>(key: string, schemaVersion: number): Promise<T | undefined>;
  set<T>(key: string, value: T, schemaVersion: number, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Atomically marks a key as seen; true only for the first caller within the TTL.
   * The basis of idempotency: a retried Slack event or Teams activity claims nothing twice.
   */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** True when the backing service answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The backing service (Redis) cannot be reached. Callers that can go on without the store catch
 * this one (answer without remembering, fall back to in-memory duplicate checks); anything
 * else is a bug and is not caught.
 */
export class StoreUnavailableError extends Error {
  constructor(message = "store unavailable", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

export interface StoredEnvelope<T> {
  v: number;
  data: T;
}

/** Length of a hashed id part: 22 base64url characters are 132 bits, far beyond any collision. */
const HASHED_ID_CHARS = 22;

/**
 * An id as it appears in a key name: a truncated SHA-256 in base64url. User and conversation ids
 * (and whatever a web client sends as one) never show up in Redis key names, where `KEYS`,
 * `MONITOR`, slow logs and backups would expose them; equal ids still give equal keys.
 */
export function hashedIdPart(id: string): string {
  return createHash("sha256").update(`wegwijs-id:${id}`).digest("base64url").slice(0, HASHED_ID_CHARS);
}

/**
 * Keys look like wegwijs:{kind}:{hash}:{hash}...; every id part is hashed (so ":" in ids cannot
 * collide either). The kind stays readable for operators.
 */
export function storeKey(kind: string, ...idParts: string[]): string {
  return `wegwijs:${kind}:${idParts.map(hashedIdPart).join(":")}`;
}

/**
 * Runs a store call the caller can do without (remembering sources, recording an answer):
 * false when the store is unavailable, so the answer still goes out. Other errors propagate.
 */
export async function bestEffort(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (error instanceof StoreUnavailableError) return false;
    throw error;
  }
}
