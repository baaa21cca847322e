import express, { Router, type Request, type RequestHandler, type Response } from "express";
import { z } from "zod";
import type { Incoming } from "../../bot/incoming.js";
import type { WebAuthConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { Bot } from "../../router/router.js";
import { webIdentity, webUserOf } from "./webIdentity.js";
import { INPUT_LIMITS, isQuestionTooLong, QUESTION_TOO_LONG_TEXT } from "../../bot/inputLimits.js";
import { WEB_ACTION_LIMITS, WEB_FIELD_ID, toWebReply } from "./webReply.js";
import type { WebStreamHub } from "./webStream.js";
import { actorLabel } from "../../bot/actor.js";
import { redactPersonalData } from "../../privacy/personalData.js";

const L = WEB_ACTION_LIMITS;
/** Open streams per process: each is a socket; a page reconnects by itself when refused. */
const MAX_STREAMS = 2000;
const HEARTBEAT_MS = 20_000;
const CONVERSATION_ID = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);

const chatRequestSchema = z
  .object({
    /** Only read in "local" mode (webIdentity); a proxy's header wins otherwise. */
    user: z.string().trim().min(1).max(200).optional(),
    /** Display name chosen in the page ("local" mode). */
    name: z.string().max(200).optional(),
    conversation: CONVERSATION_ID.optional(),
    text: z.string().max(INPUT_LIMITS.question).optional(),
    action: z
      .object({
        id: z.string().min(1).max(L.actionId),
        value: z.string().max(L.value).optional(),
        /** Form submits: values by field id. */
        fields: z
          .record(z.string().min(1).max(L.fieldId).regex(WEB_FIELD_ID), z.string().max(L.fieldValue))
          .refine((f) => Object.keys(f).length <= L.fields, { message: `hoogstens ${L.fields} velden` })
          .optional(),
      })
      .optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.action === undefined), {
    message: "geef precies één van 'text' of 'action' mee",
  });

export interface ChatApiDeps {
  bot: Bot;
  auth: WebAuthConfig;
  /** Pushed messages for GET /api/stream; without it the stream answers 404. */
  hub?: WebStreamHub;
  logger?: Logger;
  /** Open streams, so shutdown can end them (an open stream would keep the server from closing). */
  streams?: Set<Response>;
  /** Per-user rate limit; runs after the identity middleware has set res.locals.webUser. */
  perUser?: RequestHandler;
  /** Records who opened which conversation (a typed message or the stream); see WebDirectory. */
  members?: { join(conversationId: string, userId: string, name?: string): Promise<void> };
  /**
   * How long a page may keep its copy of the conversation (WEGWIJS_STATE_TTL_HOURS, as long as
   * the server keeps conversation state); told to the page by GET /api/history.
   */
  keepHours?: number;
}

/** Without WEGWIJS_STATE_TTL_HOURS from the app: its default. */
const DEFAULT_KEEP_HOURS = 72;

/**
 * JSON API of the web chat (the same bot core as Slack and Teams): POST /api/chat for a message
 * or action, GET /api/stream for messages pushed to the conversation (Server-Sent Events).
 */
export function chatApi(depsOrBot: ChatApiDeps | Bot): Router {
  const deps: ChatApiDeps = "handle" in depsOrBot ? { bot: depsOrBot, auth: { mode: "local" } } : depsOrBot;
  const router = Router();
  const identity = webIdentity(deps.auth);
  const perUser: RequestHandler = deps.perUser ?? ((_req, _res, next) => next());
  // Each POST starts in its own event-loop turn (oneRequestPerTurn), so a burst of messages
  // leaves room for /healthz between them.
  router.post("/api/chat", express.json({ limit: "1mb" }), identity, perUser, (req, res, next) => {
    handle(req, res).catch(next);
  });
  router.get("/api/stream", identity, perUser, (req, res) => stream(req, res));
  router.get("/api/history", identity, perUser, (req, res, next) => {
    history(req, res).catch(next);
  });
  return router;

  async function handle(req: Request, res: Response): Promise<void> {
    const text: unknown = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof text === "string" && isQuestionTooLong(text)) {
      res.status(413).json({ error: QUESTION_TOO_LONG_TEXT });
      return;
    }
    const parsed = chatRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({
        error: "Ongeldig verzoek",
        details: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`),
      });
      return;
    }
    const body = parsed.data;
    const user = webUserOf(res);
    const address = {
      surface: "web" as const,
      userId: user.id,
      conversationId: body.conversation ?? "web-chat",
      ...(user.name ? { userName: user.name } : {}),
    };
    // Typing in a conversation opens it; a button press alone does not (see WebDirectory).
    if (body.text !== undefined) await deps.members?.join(address.conversationId, user.id, user.name).catch(() => undefined);
    const incoming: Incoming =
      body.action !== undefined
        ? { kind: "action", address, action: body.action }
        : { kind: "message", address, text: body.text ?? "" };
    const replies = await deps.bot.handle(incoming);
    // The message as Wegwijs keeps it (personal data taken out): the page shows and keeps this
    // version, so what a browser stores never holds more than the server would.
    const kept = body.text !== undefined ? { text: redactPersonalData(body.text).text } : {};
    res.json({ replies: replies.map((reply) => toWebReply(reply)), ...kept });
  }

  /**
   * What a page that (re)opens a conversation cannot have kept itself: the conversation's shared
   * messages as they stand now (a spoedberaad card in its current state, and its summary once
   * closed), how long the page may keep its own copy, and the name colleagues see for this user.
   * Like the stream, it is for whoever has the conversation id; it holds nothing private.
   */
  async function history(req: Request, res: Response): Promise<void> {
    const conversation = CONVERSATION_ID.safeParse(req.query.conversation ?? "web-chat");
    if (!conversation.success) {
      res.status(400).json({ error: "Ongeldig verzoek", details: ["conversation: letters, cijfers en . _ : -, hoogstens 200 tekens"] });
      return;
    }
    const user = webUserOf(res);
    const address = { surface: "web" as const, userId: user.id, conversationId: conversation.data, ...(user.name ? { userName: user.name } : {}) };
    const replies = (await deps.bot.restore?.(address)) ?? [];
    deps.logger?.debug({ surface: "web", replies: replies.length }, "history");
    res.set("Cache-Control", "no-store").json({
      replies: replies.map((reply) => toWebReply(reply)),
      keepHours: deps.keepHours ?? DEFAULT_KEEP_HOURS,
      shownAs: actorLabel({ surface: "web", userId: user.id, ...(user.name ? { displayName: user.name } : {}) }),
    });
  }

  function stream(req: Request, res: Response): void {
    const hub = deps.hub;
    const conversation = CONVERSATION_ID.safeParse(req.query.conversation ?? "web-chat");
    if (!hub) {
      res.status(404).json({ error: "Niet gevonden" });
      return;
    }
    if (!conversation.success) {
      res.status(400).json({ error: "Ongeldig verzoek", details: ["conversation: letters, cijfers en . _ : -, hoogstens 200 tekens"] });
      return;
    }
    if (hub.listeners >= MAX_STREAMS) {
      res.status(503).set("Retry-After", "30").json({ error: "Even druk; de pagina probeert het zo opnieuw." });
      return;
    }
    const user = webUserOf(res);
    void deps.members?.join(conversation.data, user.id, user.name).catch(() => undefined);
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // Proxies (nginx) must not buffer the stream.
      "X-Accel-Buffering": "no",
    });
    res.write("retry: 3000\n\n");
    const send = (event: { type: string; messageId: string; reply: unknown }) => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify({ messageId: event.messageId, reply: event.reply })}\n\n`);
    };
    const unsubscribe = [hub.subscribe(`c:${conversation.data}`, send), hub.subscribe(`u:${user.id}`, send)];
    deps.streams?.add(res);
    const heartbeat = setInterval(() => res.write(": ping\n\n"), HEARTBEAT_MS);
    heartbeat.unref();
    req.on("close", () => {
      clearInterval(heartbeat);
      for (const stop of unsubscribe) stop();
      deps.streams?.delete(res);
    });
  }
}
