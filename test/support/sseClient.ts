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
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/stream?${new URLSearchParams({ conversation, user })}`, { signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const events: PushedEvent[] = [];
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const chunk = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(chunk)?.[1];
          const data = /^data: (.*)$/m.exec(chunk)?.[1];
          if (type && data) events.push({ type, ...(JSON.parse(data) as { messageId: string; reply: unknown }) });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { events, close: () => controller.abort() };
}
