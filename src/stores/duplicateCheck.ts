import type { Logger } from "../logger.js";
import { type KeyValueStore, StoreUnavailableError } from "./keyValueStore.js";

/** Claims kept in memory at most; the oldest go first (a retry comes within the hour anyway). */
const MAX_LOCAL_CLAIMS = 50_000;

/**
 * "Have we handled this delivery before?" for Slack events, commands and interactions and for
 * Teams activities. The shared store answers across instances (SET NX). Every claim is also kept
 * in a bounded in-memory set, so one process never handles a redelivery twice, also not while
 * the store is down or after it came back empty.
 */
export class DuplicateCheck {
  private readonly local = new Map<string, number>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** True only for the first delivery of `key` within `ttlSeconds` (this process, and the store when up). */
  async first(key: string, ttlSeconds: number): Promise<boolean> {
    let shared = true;
    try {
      shared = await this.store.claim(key, ttlSeconds);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.logger.warn({ err: error.message }, "duplicate check: store unavailable; using this process's memory");
    }
    // Always recorded locally, so a retry after the store went down (or came back empty) is known.
    const local = this.claimLocally(key, ttlSeconds);
    return shared && local;
  }

  private claimLocally(key: string, ttlSeconds: number): boolean {
    const now = this.now();
    const expiresAt = this.local.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.local.delete(key);
    this.local.set(key, now + ttlSeconds * 1000);
    if (this.local.size > MAX_LOCAL_CLAIMS) {
      // Map keeps insertion order: the first key is the oldest claim.
      this.local.delete(this.local.keys().next().value!);
    }
    return true;
  }

  /** How many claims this process remembers (bounded by MAX_LOCAL_CLAIMS). */
  get localSize(): number {
    return this.local.size;
  }
}

export const MAX_LOCAL_DUPLICATE_CLAIMS = MAX_LOCAL_CLAIMS;
