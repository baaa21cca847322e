import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One activity the bot sent to the Bot Framework connector. */
export interface ConnectorCall {
  conversationId: string;
  /** Set for POST .../activities/{activityId} (a reply); undefined for a new message. */
  replyToActivityId?: string;
  authorization?: string;
  activity: any;
  at: number;
}

export interface FakeTeamsConnector {
  /** Use as an activity's serviceUrl. */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Messages (not typing) sent to one conversation. */
  messagesTo(conversationId: string): ConnectorCall[];
  /** Resolves once `count` messages to the conversation arrived; rejects with what came instead. */
  waitForMessages(conversationId: string, count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Answer every send to this conversation with an HTTP error (e.g. 403 after uninstall). */
  failConversation(conversationId: string, status: number): void;
  /** Roster per conversation (conversation id → user ids, aadObjectId or 29: id) for GET .../members/{id}. */
  readonly members: Map<string, string[]>;
  /** updateActivity calls (PUT .../activities/{id}) to one conversation. */
  updatesTo(conversationId: string): ConnectorCall[];
  close(): Promise<void>;
}

/**
 * The part of the Bot Framework connector API (Teams' side of a bot conversation) the SDK
 * calls to send: POST /v3/conversations/{id}/activities and .../activities/{replyToId}.
 */
export async function startFakeTeamsConnector(): Promise<FakeTeamsConnector> {
  const calls: ConnectorCall[] = [];
  const failures = new Map<string, number>();
  const waiters = new Set<() => void>();
  let counter = 0;

  const members = new Map<string, string[]>();
  const updates: ConnectorCall[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)\/?(?:\?.*)?$/.exec(req.url ?? "");
    if (req.method === "GET" && member) {
      const conversationId = decodeURIComponent(member[1]!);
      const userId = decodeURIComponent(member[2]!);
      if (members.get(conversationId)?.includes(userId)) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `29:${userId}`, aadObjectId: userId }));
      } else {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "MemberNotFoundInConversation" } }));
      }
      return;
    }
    const update = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)\/?(?:\?.*)?$/.exec(req.url ?? "");
    if (req.method === "PUT" && update) {
      updates.push({ conversationId: decodeURIComponent(update[1]!), replyToActivityId: decodeURIComponent(update[2]!), activity: JSON.parse(body || "{}"), at: Date.now() });
      for (const wake of waiters) wake();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: decodeURIComponent(update[2]!) }));
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NotFound" } }));
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    let activity: any;
    try {
      activity = JSON.parse(body);
    } catch {
      res.writeHead(400).end();
      return;
    }
    calls.push({
      conversationId,
      replyToActivityId: match[2] ? decodeURIComponent(match[2]) : undefined,
      authorization: req.headers.authorization,
      activity,
      at: Date.now(),
    });
    for (const wake of waiters) wake();
    const failure = failures.get(conversationId);
    if (failure) {
      res.writeHead(failure, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "BotNotInConversationRoster" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `fake-${++counter}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const messagesTo = (conversationId: string): ConnectorCall[] =>
    calls.filter((c) => c.conversationId === conversationId && c.activity?.type === "message");

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    messagesTo,
    waitForMessages: (conversationId, count, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const found = messagesTo(conversationId);
          if (found.length < count) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`expected ${count} messages to ${conversationId}, got ${messagesTo(conversationId).length}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    members,
    updatesTo: (conversationId) => updates.filter((c) => c.conversationId === conversationId),
    failConversation: (conversationId, status) => {
      failures.set(conversationId, status);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
