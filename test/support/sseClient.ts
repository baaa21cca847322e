/** One pushed message as the web page receives it from GET /api/stream. */
export interface PushedEvent {
  type: string;
  messageId: string;
  reply: any;
}

/**
 * A real HTTP client for the web chat's Server-Sent Events: collects every pushed message of one
 * conversation for one user, until closed.
 */
export async function openStream(baseUrl: string, conversation: string, user: string): Promise<{ events: PushedEvent[]; close(): void }> {
  const client = await openSse(`${baseUrl}/api/stream?${new URLSearchParams({ conversation, user })}`);
  const events: PushedEvent[] = [];
  // A live view over the raw events, shaped as pushed messages.
  const sync = (): PushedEvent[] => {
    for (const e of client.events.slice(events.length)) events.push({ type: e.type, ...(e.data as { messageId: string; reply: unknown }) });
    return events;
  };
  return {
    get events() {
      return sync();
    },
    close: () => client.close(),
  };
}

/** Reads a Server-Sent Events stream (GET /api/stream) and keeps every event, for tests. */
export interface SseEvent {
  type: string;
  data: any;
}

export interface SseClient {
  events: SseEvent[];
  waitFor<T>(find: (events: SseEvent[]) => T | undefined, timeoutMs?: number): Promise<T>;
  close(): void;
}

export async function openSse(url: string): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal, headers: { accept: "text/event-stream" } });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const events: SseEvent[] = [];
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        pending += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = pending.indexOf("\n\n")) >= 0) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const type = block.match(/^event: (.*)$/m)?.[1];
          const data = block.match(/^data: (.*)$/m)?.[1];
          if (type && data) events.push({ type, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    async waitFor(find, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = find(events);
        if (found !== undefined) return found;
        if (Date.now() > until) throw new Error(`no matching stream event within ${timeoutMs} ms; saw ${events.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => controller.abort(),
  };
}
