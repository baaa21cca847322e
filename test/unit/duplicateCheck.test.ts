import pino from "pino";
import { describe, expect, it } from "vitest";
import { DuplicateCheck, MAX_LOCAL_DUPLICATE_CLAIMS } from "../../src/stores/duplicateCheck.js";
import { StoreUnavailableError } from "../../src/stores/keyValueStore.js";
import { MemoryKeyValueStore } from "../../src/stores/memoryKeyValueStore.js";

/** A memory store that can be switched off, as Redis going down. */
class FlakyStore extends MemoryKeyValueStore {
  down = false;
  override async claim(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.down) throw new StoreUnavailableError();
    return super.claim(key, ttlSeconds);
  }
}

const silent = pino({ level: "silent" });

describe("DuplicateCheck", () => {
  it("lets only the first delivery through, with the store up, down, and back empty", async () => {
    const store = new FlakyStore();
    const check = new DuplicateCheck(store, silent);
    expect(await check.first("a", 60)).toBe(true);
    expect(await check.first("a", 60)).toBe(false);
    store.down = true;
    expect(await check.first("a", 60)).toBe(false);
    expect(await check.first("b", 60)).toBe(true);
    expect(await check.first("b", 60)).toBe(false);
    // The store returns without the claims made while it was down.
    store.down = false;
    await store.close();
    expect(await check.first("b", 60)).toBe(false);
    expect(await check.first("c", 60)).toBe(true);
  });

  it("lets a key through again after its time to live", async () => {
    let now = 0;
    const store = new FlakyStore(() => now);
    store.down = true;
    const check = new DuplicateCheck(store, silent, () => now);
    expect(await check.first("k", 10)).toBe(true);
    now = 9_000;
    expect(await check.first("k", 10)).toBe(false);
    now = 11_000;
    expect(await check.first("k", 10)).toBe(true);
  });

  it("keeps at most a bounded number of claims in memory, dropping the oldest", async () => {
    const store = new FlakyStore();
    store.down = true;
    const check = new DuplicateCheck(store, silent);
    for (let i = 0; i <= MAX_LOCAL_DUPLICATE_CLAIMS; i++) await check.first(`k${i}`, 3600);
    expect(check.localSize).toBe(MAX_LOCAL_DUPLICATE_CLAIMS);
    expect(await check.first("k0", 3600)).toBe(true);
    expect(await check.first(`k${MAX_LOCAL_DUPLICATE_CLAIMS}`, 3600)).toBe(false);
  });

  it("does not hide errors that are not about the store being unavailable", async () => {
    const store = new MemoryKeyValueStore();
    store.claim = async () => {
      throw new TypeError("bug");
    };
    await expect(new DuplicateCheck(store, silent).first("x", 1)).rejects.toThrow("bug");
  });
});
