import { Redis } from "ioredis";
import type { Reply } from "../../bot/reply.js";

/** A message pushed to open web pages: a new one, or a new state of one already shown. */
export interface WebStreamEvent {
  type: "message" | "update";
  messageId: string;
  reply: Reply;
}

/** Who hears an event: everyone with a conversation open, or one user's pages. */
export type WebChannel = `c:${string}` | `u:${string}`;

/**
 * Fan-out of pushed messages to the pages that are open. In one process a map of listeners;
 * with Redis, every process publishes on one Redis channel and delivers to its own pages, so a
 * change made through any Wegwijs process reaches every page.
 */
export interface WebStreamHub {
  publish(channel: WebChannel, event: WebStreamEvent): Promise<void>;
  subscribe(channel: WebChannel, listener: (event: WebStreamEvent) => void): () => void;
  readonly listeners: number;
  close(): Promise<void>;
}

class LocalListeners {
  private readonly byChannel = new Map<string, Set<(event: WebStreamEvent) => void>>();
  count = 0;

  add(channel: string, listener: (event: WebStreamEvent) => void): () => void {
    let set = this.byChannel.get(channel);
    if (!set) this.byChannel.set(channel, (set = new Set()));
    set.add(listener);
    this.count++;
    return () => {
      if (set!.delete(listener)) this.count--;
      if (set!.size === 0) this.byChannel.delete(channel);
    };
  }

  emit(channel: string, event: WebStreamEvent): void {
    for (const listener of this.byChannel.get(channel) ?? []) {
      try {
        listener(event);
      } catch {
        // A page that went away mid-write must not stop the others.
      }
    }
  }
}

export function createMemoryWebStreamHub(): WebStreamHub {
  const local = new LocalListeners();
  return {
    async publish(channel, event) {
      local.emit(channel, event);
    },
    subscribe: (channel, listener) => local.add(channel, listener),
    get listeners() {
      return local.count;
    },
    async close() {},
  };
}

const REDIS_CHANNEL = "wegwijs:webstream";

export function createRedisWebStreamHub(url: string, keyPrefix = ""): WebStreamHub {
  const local = new LocalListeners();
  const publisher = new Redis(url, { maxRetriesPerRequest: 2 });
  // A subscribed connection can do nothing else, so it is a second one.
  const subscriber = new Redis(url, { maxRetriesPerRequest: null });
  publisher.on("error", () => undefined);
  subscriber.on("error", () => undefined);
  const redisChannel = `${keyPrefix}${REDIS_CHANNEL}`;
  void subscriber.subscribe(redisChannel).catch(() => undefined);
  subscriber.on("message", (_channel: string, raw: string) => {
    try {
      const { channel, event } = JSON.parse(raw) as { channel: string; event: WebStreamEvent };
      local.emit(channel, event);
    } catch {
      // Not ours; ignore.
    }
  });
  return {
    async publish(channel, event) {
      await publisher.publish(redisChannel, JSON.stringify({ channel, event }));
    },
    subscribe: (channel, listener) => local.add(channel, listener),
    get listeners() {
      return local.count;
    },
    async close() {
      // Nothing to flush: a push that did not go out is missed like any page that was closed.
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
