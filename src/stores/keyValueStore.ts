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

export interface StoredEnvelope<T> {
  v: number;
  data: T;
}

/** Keys look like wegwijs:{kind}:{id}; the id parts are escaped so ":" in ids cannot collide. */
export function storeKey(kind: string, ...idParts: string[]): string {
  return `wegwijs:${kind}:${idParts.map((p) => encodeURIComponent(p)).join(":")}`;
}
