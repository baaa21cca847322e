import type { KeyValueStore, StoredEnvelope } from "./keyValueStore.js";

/** In-process store for a quick local start: nothing survives a restart. */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly entries = new Map<string, { json: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get<T>(key: string, schemaVersion: number): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    const envelope = JSON.parse(entry.json) as StoredEnvelope<T>;
    return envelope.v === schemaVersion ? envelope.data : undefined;
  }

  async set<T>(key: string, value: T, schemaVersion: number, ttlSeconds: number): Promise<void> {
    // Stored as JSON so callers never share mutable objects with the store (as with Redis).
    const envelope: StoredEnvelope<T> = { v: schemaVersion, data: value };
    this.entries.set(key, { json: JSON.stringify(envelope), expiresAt: this.now() + ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) return false;
    this.entries.set(key, { json: JSON.stringify({ v: 0, data: 1 }), expiresAt: this.now() + ttlSeconds * 1000 });
    return true;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
