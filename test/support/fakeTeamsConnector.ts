import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One activity the bot sent to the Bot Framework connector. */
export interface ConnectorCall {
  conversationId: string;
  /** Set for POST .../activities/{activityId} (a reply); undefined for a new message. */
  replyToActivityId?: string;
  /** Set for PUT .../activities/{activityId}: an update of that message in place (updateActivity). */
  updatesActivityId?: string;
  authorization?: string;
  activity: any;
  at: number;
  /** The id this fake gave the sent activity (what Teams returns, and later sends back as replyToId). */
  id: string;
  /**
   * For a conversation id "<channel>;messageid=<root>" (Teams' address of a channel thread): the
   * channel and the root activity id. A message sent there is a reply in that thread.
   */
  thread?: { channel: string; rootId: string };
}

export interface FakeTeamsConnector {
  /** Use as an activity's serviceUrl. */
  serviceUrl: string;
  calls: ConnectorCall[];
  /**
   * New messages (not typing, not updates of earlier ones) sent to exactly this conversation id:
   * for a channel id, its top-level messages and replies in turns addressed to the bare channel
   * id, not messages sent into a thread ("<channel>;messageid=<root>").
   */
  messagesTo(conversationId: string): ConnectorCall[];
  /** New messages sent into the thread under the message `rootId` of a channel. */
  threadRepliesTo(channelId: string, rootId: string): ConnectorCall[];
  /** Resolves once `count` messages to the conversation arrived; rejects with what came instead. */
  waitForMessages(conversationId: string, count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /**
   * Roster per conversation: conversation id → Entra object ids. GET .../members/{userId} finds a
   * member by that id or their 29: id; GET .../pagedmembers lists them all like Teams does.
   */
  readonly members: Map<string, string[]>;
  /** Display names in the roster (Entra object id → name); without one, the id is the name. */
  readonly names: Map<string, string>;
  /** Answer every send to this conversation with an HTTP error (e.g. 403 after uninstall). */
  failConversation(conversationId: string, status: number): void;
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
  const members = new Map<string, string[]>();
  const names = new Map<string, string>();
  let counter = 0;
  const idBase = Date.now() * 10;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    // A roster entry as Teams gives it: the 29: id, the Entra object id and the display name.
    const account = (aad: string) => ({ id: aad.startsWith("29:") ? aad : `29:${aad}`, aadObjectId: aad, name: names.get(aad) ?? aad, userRole: "user" });
    // getConversationMember: 200 with the member, 404 like Teams for someone not in the roster.
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)\/?(?:\?.*)?$/.exec(req.url ?? "");
    if (req.method === "GET" && member) {
      const userId = decodeURIComponent(member[2]!);
      const found = members.get(decodeURIComponent(member[1]!))?.find((aad) => aad === userId || account(aad).id === userId);
      res
        .writeHead(found ? 200 : 404, { "content-type": "application/json" })
        .end(JSON.stringify(found ? account(found) : { error: { code: "MemberNotFoundInConversation" } }));
      return;
    }
    // getPagedMembers (TeamsInfo): the roster in pages of pageSize, with a continuation token.
    const paged = /^\/v3\/conversations\/([^/?]+)\/pagedmembers\/?(?:\?(.*))?$/.exec(req.url ?? "");
    if (req.method === "GET" && paged) {
      const roster = members.get(decodeURIComponent(paged[1]!));
      if (!roster) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "ConversationNotFound" } }));
        return;
      }
      const query = new URLSearchParams(paged[2] ?? "");
      const size = Math.max(1, Number(query.get("pageSize") ?? 100));
      const start = Number(query.get("continuationToken") ?? 0);
      const page = roster.slice(start, start + size).map(account);
      const next = start + size < roster.length ? { continuationToken: String(start + size) } : {};
      calls.push({ id: `fake-get-${++counter}`, conversationId: decodeURIComponent(paged[1]!), authorization: req.headers.authorization, activity: { type: "pagedmembers" }, at: Date.now() });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ members: page, ...next }));
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/.exec(req.url ?? "");
    const isUpdate = req.method === "PUT" && match?.[2] !== undefined;
    if ((req.method !== "POST" && !isUpdate) || !match) {
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
    // Teams gives channel messages numeric ids (milliseconds); thread addresses use them.
    const id = String(idBase + ++counter);
    const thread = /^(.+);messageid=([^;]+)$/.exec(conversationId);
    calls.push({
      id,
      conversationId,
      ...(thread ? { thread: { channel: thread[1]!, rootId: thread[2]! } } : {}),
      replyToActivityId: match[2] && !isUpdate ? decodeURIComponent(match[2]) : undefined,
      ...(isUpdate ? { updatesActivityId: decodeURIComponent(match[2]!) } : {}),
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
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: isUpdate ? decodeURIComponent(match[2]!) : id }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const messagesTo = (conversationId: string): ConnectorCall[] =>
    calls.filter((c) => c.conversationId === conversationId && c.activity?.type === "message" && c.updatesActivityId === undefined);

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    members,
    names,
    messagesTo,
    threadRepliesTo: (channelId, rootId) => messagesTo(`${channelId};messageid=${rootId}`),
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
    updatesTo: (conversationId) =>
      calls.filter((c) => c.conversationId === conversationId && c.updatesActivityId !== undefined).map((c) => ({ ...c, replyToActivityId: c.updatesActivityId })),
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
