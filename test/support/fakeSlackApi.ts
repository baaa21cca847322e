import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";

/** One Web API call as Slack would receive it: method name, token and parsed arguments. */
export interface SlackApiCall {
  method: string;
  token?: string;
  /** Form fields or JSON body; JSON-valued form fields (blocks, view, prompts, ...) are parsed. */
  body: Record<string, any>;
}

/** One POST to a slash command's or action's response_url. */
export interface ResponseUrlCall {
  id: string;
  body: Record<string, any>;
}

/** A message as posted through any channel: chat.postMessage, chat.postEphemeral or response_url. */
export interface PostedMessage {
  via: "chat.postMessage" | "chat.postEphemeral" | "chat.update" | "response_url";
  channel?: string;
  /** The message's ts: given out by chat.postMessage, named by chat.update. */
  ts?: string;
  /** response_url only: whether it replaced the message the button was on. */
  replaceOriginal?: boolean;
  user?: string;
  threadTs?: string;
  text: string;
  blocks?: any[];
}

export interface FakeSlackApi {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** What SLACK_API_URL points at: `${baseUrl}/api/` (Web API methods are appended). */
  apiUrl: string;
  readonly team: { id: string; botUserId: string; botId: string };
  calls: SlackApiCall[];
  responses: ResponseUrlCall[];
  /** A fresh response_url on this server. */
  responseUrl(): string;
  callsTo(method: string): SlackApiCall[];
  /** Every message in arrival order, whichever way it was sent. */
  messages(): PostedMessage[];
  /** Resolves with the first value `probe` returns (not undefined) or rejects after timeoutMs. */
  /** `explain` adds what the test knows (e.g. the processes' warnings) to the timeout error. */
  waitFor<T>(probe: () => T | undefined, timeoutMs?: number, explain?: () => string): Promise<T>;
  /** From now on chat.* calls to this channel fail with Slack's `{ ok: false, error }`. */
  refuseChannel(channel: string, error: string): void;
  /** Display names for users.info (user id → name); unknown users get `user_not_found`. */
  readonly users: Map<string, string>;
  /** Channel members for conversations.members (channel id → user ids). */
  readonly members: Map<string, string[]>;
  /**
   * Until cleared (`undefined`), every Web API call is first shown to `fault`; an answer it
   * returns is sent instead of Slack's (e.g. HTTP 429 with Retry-After, or a 500).
   */
  setFault(fault: ((method: string) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined) | undefined): void;
  /** Until cleared, each Web API call waits this long (ms, or undefined) before it is answered. */
  setLatency(latency: ((method: string) => number | undefined) | undefined): void;
  /**
   * The next Web API call that `match` accepts is received (it is in `calls`) but never answered
   * nor carried out: as if Slack were still working on it when the caller died. Resolves with that
   * call, so a test can kill the caller while it waits. Calls after it are answered as usual.
   */
  holdNext(match: (call: SlackApiCall) => boolean): Promise<SlackApiCall>;
  /** Waits `ms` and returns how many calls matched meanwhile (for "nothing more arrives"). */
  quietFor(ms: number, match: (call: SlackApiCall | ResponseUrlCall) => boolean): Promise<number>;
  close(): Promise<void>;
}

/** Form fields that the WebClient sends JSON-encoded (objects and arrays). */
const JSON_FIELDS = new Set(["blocks", "attachments", "view", "prompts", "metadata", "loading_messages"]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseArguments(raw: string, contentType: string): Record<string, any> {
  if (contentType.startsWith("application/json")) return raw ? (JSON.parse(raw) as Record<string, any>) : {};
  const form = parseQuery(raw) as Record<string, any>;
  for (const key of Object.keys(form)) {
    if (JSON_FIELDS.has(key) && typeof form[key] === "string") {
      try {
        form[key] = JSON.parse(form[key]);
      } catch {
        // Left as a string; Slack would answer invalid_arguments, the test sees the raw value.
      }
    }
  }
  return form;
}

function send(res: ServerResponse, body: unknown, status = 200): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

/**
 * A local stand-in for slack.com/api speaking the real wire format: POST /api/<method> with a
 * Bearer token (or `token` field) and a form-encoded or JSON body, answered with `{ ok, ... }`
 * like Slack, including Slack's error shape for a missing token or argument. Every call is kept.
 */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const team = { id: "T0WEGWIJS", botUserId: "U0WEGWIJS", botId: "B0WEGWIJS" };
  const calls: SlackApiCall[] = [];
  const responses: ResponseUrlCall[] = [];
  const posted: PostedMessage[] = [];
  const refused = new Map<string, string>();
  const users = new Map<string, string>();
  const members = new Map<string, string[]>();
  let fault: Parameters<FakeSlackApi["setFault"]>[0];
  let latency: Parameters<FakeSlackApi["setLatency"]>[0];
  const holds: Array<{ match: (call: SlackApiCall) => boolean; resolve: (call: SlackApiCall) => void }> = [];
  const clock = Math.floor(Date.now() / 1000);
  let seq = 0;
  const nextTs = () => `${clock}.${String(++seq).padStart(6, "0")}`;

  const answer = (method: string, args: Record<string, any>): Record<string, any> => {
    const missing = (...names: string[]) => names.find((n) => args[n] === undefined || args[n] === "");
    const refusal = method.startsWith("chat.") ? refused.get(String(args.channel)) : undefined;
    if (refusal) return { ok: false, error: refusal };
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://wegwijs-test.slack.com/",
          team: "Wegwijs Test",
          user: "wegwijs",
          team_id: team.id,
          user_id: team.botUserId,
          bot_id: team.botId,
          is_enterprise_install: false,
        };
      case "chat.postMessage": {
        if (missing("channel")) return { ok: false, error: "channel_not_found" };
        if (missing("text") && !Array.isArray(args.blocks)) return { ok: false, error: "no_text" };
        const ts = nextTs();
        posted.push({ via: method, channel: args.channel, ts, threadTs: args.thread_ts, text: args.text ?? "", blocks: args.blocks });
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: {
            type: "message",
            user: team.botUserId,
            bot_id: team.botId,
            app_id: "A0WEGWIJS",
            text: args.text ?? "",
            ts,
            ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
            ...(args.blocks ? { blocks: args.blocks } : {}),
            team: team.id,
          },
        };
      }
      case "chat.update":
        if (missing("channel")) return { ok: false, error: "channel_not_found" };
        if (missing("ts")) return { ok: false, error: "message_not_found" };
        if (missing("text") && !Array.isArray(args.blocks)) return { ok: false, error: "no_text" };
        posted.push({ via: method, channel: args.channel, ts: args.ts, text: args.text ?? "", blocks: args.blocks });
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text ?? "" };
      case "users.info": {
        const name = users.get(String(args.user));
        if (name === undefined) return { ok: false, error: "user_not_found" };
        return { ok: true, user: { id: args.user, team_id: team.id, name: name.toLowerCase(), real_name: name, profile: { display_name: name, real_name: name } } };
      }
      case "conversations.members": {
        const list = members.get(String(args.channel));
        if (list === undefined) return { ok: false, error: "channel_not_found" };
        return { ok: true, members: list, response_metadata: { next_cursor: "" } };
      }
      case "chat.postEphemeral":
        if (missing("channel", "user")) return { ok: false, error: missing("channel") ? "channel_not_found" : "user_not_in_channel" };
        posted.push({ via: method, channel: args.channel, user: args.user, threadTs: args.thread_ts, text: args.text ?? "", blocks: args.blocks });
        return { ok: true, message_ts: nextTs() };
      case "views.publish":
        if (missing("user_id") || typeof args.view !== "object") return { ok: false, error: "invalid_arguments" };
        return { ok: true, view: { id: `V${++seq}`, team_id: team.id, type: args.view.type, blocks: args.view.blocks, hash: randomUUID() } };
      case "views.open":
        if (missing("trigger_id")) return { ok: false, error: "invalid_trigger_id" };
        if (typeof args.view !== "object") return { ok: false, error: "invalid_arguments" };
        return { ok: true, view: { id: `V${++seq}`, team_id: team.id, type: args.view.type, callback_id: args.view.callback_id, blocks: args.view.blocks } };
      case "conversations.open":
        if (missing("users") && missing("channel")) return { ok: false, error: "users_list_not_supplied" };
        // Slack's DM ids start with D; stable per user like the real one.
        return { ok: true, channel: { id: `D${String(args.users ?? args.channel).replace(/^U/, "")}` } };
      case "assistant.threads.setStatus":
      case "assistant.threads.setSuggestedPrompts":
      case "assistant.threads.setTitle":
        if (missing("channel_id", "thread_ts")) return { ok: false, error: "invalid_arguments" };
        return { ok: true };
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const raw = await readBody(req);
      const contentType = String(req.headers["content-type"] ?? "");
      if (req.method === "POST" && url.pathname.startsWith("/response/")) {
        const body = JSON.parse(raw) as Record<string, any>;
        responses.push({ id: url.pathname.slice("/response/".length), body });
        posted.push({ via: "response_url", text: body.text ?? "", blocks: body.blocks, replaceOriginal: body.replace_original === true });
        send(res, { ok: true });
        return;
      }
      const method = url.pathname.startsWith("/api/") ? url.pathname.slice("/api/".length) : "";
      if (req.method !== "POST" || method === "") {
        send(res, { ok: false, error: "unknown_method" }, 404);
        return;
      }
      let args: Record<string, any>;
      try {
        args = parseArguments(raw, contentType);
      } catch {
        send(res, { ok: false, error: "invalid_json" });
        return;
      }
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
      const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
      const call: SlackApiCall = { method, token, body: args };
      calls.push(call);
      const wait = latency?.(method);
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      const hold = holds.findIndex((h) => h.match(call));
      if (hold >= 0) {
        // Left unanswered; the connection ends when the caller dies or the fake closes.
        holds.splice(hold, 1)[0]!.resolve(call);
        return;
      }
      const injected = fault?.(method);
      if (injected) {
        const json = JSON.stringify(injected.body ?? { ok: false, error: "fatal_error" });
        res.writeHead(injected.status, { "content-type": "application/json; charset=utf-8", ...injected.headers });
        res.end(json);
        return;
      }
      if (!token) {
        send(res, { ok: false, error: "not_authed" });
        return;
      }
      send(res, answer(method, args));
    })().catch(() => {
      if (!res.headersSent) send(res, { ok: false, error: "fatal_error" }, 500);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  // A deadline, not a speed check: the probe returns as soon as it matches. Deliveries go through
  // the job queue and may retry with backoff (1 s, 2 s, 4 s); under a full parallel test run 5 s
  // was too short once (a consult receipt), so the same 15 s as the fake Teams connector.
  const waitFor = async <T>(probe: () => T | undefined, timeoutMs = 15_000, explain?: () => string): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > until) {
        const seen = calls.map((c) => c.method).join(", ") || "none";
        throw new Error(`fake Slack API: nothing matched within ${timeoutMs} ms (calls: ${seen})${explain ? `\n${explain()}` : ""}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  return {
    baseUrl,
    apiUrl: `${baseUrl}/api/`,
    team,
    calls,
    responses,
    responseUrl: () => `${baseUrl}/response/${randomUUID()}`,
    callsTo: (method) => calls.filter((c) => c.method === method),
    messages: () => [...posted],
    users,
    members,
    setFault: (next) => {
      fault = next;
    },
    setLatency: (next) => {
      latency = next;
    },
    refuseChannel: (channel, error) => {
      refused.set(channel, error);
    },
    waitFor,
    holdNext: (match) => new Promise((resolve) => holds.push({ match, resolve })),
    async quietFor(ms, match) {
      const before = new Set<unknown>([...calls, ...responses]);
      await new Promise((r) => setTimeout(r, ms));
      return [...calls, ...responses].filter((c) => !before.has(c) && match(c)).length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
