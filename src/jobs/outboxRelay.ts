import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import { OUTBOX_STREAM } from "../records/redisRecordStore.js";
import { errorMessage, type JobQueue } from "./jobQueue.js";

export interface OutboxRelayOptions {
  /** Consumer group shared by every Wegwijs process; default "relay". */
  group?: string;
  /** An entry read by a process that stopped answering is taken over after this long; default 30 s. */
  claimIdleMs?: number;
  batchSize?: number;
  /** How long one read waits for new entries (also bounds how long stop() waits); default 1000 ms. */
  blockMs?: number;
  /** An entry whose enqueue failed (Redis slow or briefly away) is tried again after this long; default 1000 ms. */
  retryMs?: number;
  logger?: Logger;
}

/**
 * How long a relayed message's job id stays taken after the job completed, so a re-relay (a process
 * died between enqueue and acknowledge) cannot run it twice. Callers' ids therefore carry a record
 * version or a time slot (throttleSlot), never a bare name meant for reuse.
 */
export const RELAYED_ID_KEEP_SECONDS = 24 * 3600;

/**
 * Turns outbox stream entries (written atomically with record changes) into jobs. Every process
 * runs one; a consumer group hands each entry to one of them. An entry is acknowledged (and
 * deleted) only after its job is enqueued, and the job id is derived from the entry, so a process
 * dying in between makes another process enqueue it again, which BullMQ ignores as a duplicate.
 */
export class OutboxRelay {
  private readonly connection: Redis;
  private readonly group: string;
  private readonly consumer = `relay-${randomUUID()}`;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastClaim = 0;
  /** When this relay's own failed entries are read again; undefined while there are none. */
  private retryOwnAt: number | undefined;
  private wake: (() => void) | undefined;

  constructor(
    redis: Redis,
    private readonly jobs: JobQueue,
    private readonly options: OutboxRelayOptions = {},
  ) {
    // Reads block, so the relay gets its own connection (same key prefix).
    this.connection = redis.duplicate();
    this.connection.on("error", () => undefined);
    this.group = options.group ?? "relay";
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    // Without a connection nothing is in flight: do not wait for reconnects.
    if (this.connection.status !== "ready") this.connection.disconnect();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, (this.options.blockMs ?? 1000) + 2000)));
    await Promise.race([this.running, limit]);
    clearTimeout(timer);
    this.connection.disconnect();
  }

  private async loop(): Promise<void> {
    let groupReady = false;
    while (!this.stopped) {
      try {
        if (!groupReady) groupReady = await this.ensureGroup();
        if (this.retryOwnAt !== undefined && Date.now() >= this.retryOwnAt) await this.retryOwn();
        if (Date.now() - this.lastClaim >= this.claimIdleMs() / 2) await this.claimStale();
        const read = (await this.connection.xreadgroup(
          "GROUP", this.group, this.consumer,
          "COUNT", this.options.batchSize ?? 50,
          "BLOCK", this.options.blockMs ?? 1000,
          "STREAMS", OUTBOX_STREAM, ">",
        )) as Array<[string, Array<[string, string[]]>]> | null;
        for (const [, entries] of read ?? []) for (const [id, fields] of entries) await this.relay(id, fields);
      } catch (error) {
        if (this.stopped) break;
        if (errorMessage(error).includes("NOGROUP")) groupReady = false;
        this.options.logger?.warn({ err: errorMessage(error) }, "outbox: relay read failed; retrying");
        await this.pause(1000);
      }
    }
  }

  private claimIdleMs(): number {
    return this.options.claimIdleMs ?? 30_000;
  }

  private async ensureGroup(): Promise<boolean> {
    try {
      // From "0": entries written before any relay existed are relayed too. ioredis does not apply
      // its keyPrefix to XGROUP, so the prefix is added here.
      const key = `${this.connection.options.keyPrefix ?? ""}${OUTBOX_STREAM}`;
      await this.connection.xgroup("CREATE", key, this.group, "0", "MKSTREAM");
    } catch (error) {
      if (!errorMessage(error).includes("BUSYGROUP")) throw error;
    }
    return true;
  }

  /**
   * Relays again the entries this relay read but could not enqueue: its own pending entries, read
   * from the start of its pending list. Without this a transient enqueue failure would wait for
   * claimStale(), i.e. claimIdleMs (30 s), before the message went out.
   */
  private async retryOwn(): Promise<void> {
    const read = (await this.connection.xreadgroup(
      "GROUP", this.group, this.consumer,
      "COUNT", this.options.batchSize ?? 50,
      "STREAMS", OUTBOX_STREAM, "0",
    )) as Array<[string, Array<[string, string[] | null]>]> | null;
    this.retryOwnAt = undefined;
    for (const [, entries] of read ?? []) {
      for (const [id, fields] of entries) {
        // An entry deleted meanwhile (no fields) has nothing left to relay.
        if (fields) await this.relay(id, fields);
        else await this.connection.xack(OUTBOX_STREAM, this.group, id);
      }
    }
  }

  /** Takes over entries another (dead) process read but never acknowledged, and own ones retryOwn() missed. */
  private async claimStale(): Promise<void> {
    this.lastClaim = Date.now();
    let cursor = "0-0";
    do {
      const [next, entries] = (await this.connection.xautoclaim(
        OUTBOX_STREAM, this.group, this.consumer, this.claimIdleMs(), cursor, "COUNT", 100,
      )) as [string, Array<[string, string[] | null]>, string[]?];
      for (const [id, fields] of entries) {
        if (fields) await this.relay(id, fields);
      }
      cursor = next;
    } while (cursor !== "0-0" && !this.stopped);
  }

  private async relay(id: string, fields: string[]): Promise<void> {
    const field = (name: string) => {
      const i = fields.indexOf(name);
      return i >= 0 && i % 2 === 0 ? fields[i + 1] : undefined;
    };
    const type = field("type");
    let payload: unknown;
    try {
      payload = JSON.parse(field("payload") ?? "null");
    } catch {
      payload = undefined;
    }
    if (!type || payload === undefined) {
      // Cannot become a job; acknowledged but left in the stream for inspection.
      this.options.logger?.error({ entry: id }, "outbox: unreadable entry skipped");
      await this.connection.xack(OUTBOX_STREAM, this.group, id);
      return;
    }
    const jobId = field("jobId");
    // The delay counts from the write (the entry id's time), not from when the relay got to it.
    const writtenAt = Number(id.split("-")[0]);
    const delayMs = Math.max(0, writtenAt + Number(field("delayMs") ?? 0) - Date.now());
    try {
      await this.jobs.enqueue(type, payload, {
        jobId: jobId ?? `outbox-${id}`,
        delayMs,
        keepCompletedSeconds: RELAYED_ID_KEEP_SECONDS,
      });
    } catch (error) {
      // Stays pending in this relay's name; retryOwn() tries it again shortly.
      this.retryOwnAt ??= Date.now() + (this.options.retryMs ?? 1000);
      this.options.logger?.warn({ entry: id, err: errorMessage(error) }, "outbox: enqueue failed; will retry");
      return;
    }
    await this.connection.multi().xack(OUTBOX_STREAM, this.group, id).xdel(OUTBOX_STREAM, id).exec();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
