import { verifySlackRequest } from "@slack/bolt";
import type { Request, RequestHandler, Response } from "express";
import { parse as parseQuery } from "node:querystring";
import type { Logger } from "../../logger.js";

/** One URL for events, slash commands and interactivity (set as every request_url in the manifest). */
export const SLACK_EVENTS_PATH = "/slack/events";
/** Slack's own payloads stay far below this; anything larger is not from Slack. */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;
/** Slack's replay window for signed requests, in seconds (both directions). */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  signingSecret: string;
  logger: Logger;
  maxBytes?: number;
  now?: () => number;
}

const MESSAGES = {
  too_large: "Verzoek is te groot (max 1 MB)",
  unreadable: "Verzoek kon niet gelezen worden",
  missing_signature: "Handtekening van Slack ontbreekt",
  stale_timestamp: "Verzoek is te oud of de klok loopt niet gelijk (max 5 minuten)",
  bad_signature: "Handtekening van Slack klopt niet",
  malformed_body: "Ongeldige JSON of formulierdata in het verzoek",
  unknown_type: "Onbekend soort Slack-verzoek",
  no_actor: "Verzoek zonder gebruiker of werkruimte",
} as const;

type Rejection = keyof typeof MESSAGES;

/**
 * Runs in front of Bolt's receiver on the same route. Bolt itself verifies, parses and answers
 * url_verification, but answers failures with an empty body and waits three seconds on
 * payloads it cannot classify; this guard gives each failure a JSON error, one warn line
 * (never body text) and an immediate answer. Bolt's own verifySlackRequest does the HMAC
 * check; the buffered body is handed on as req.rawBody, so Bolt reads no stream twice and
 * still verifies again itself.
 */
export function slackRequestGuard(options: RequestGuardOptions): RequestHandler {
  const maxBytes = options.maxBytes ?? MAX_SLACK_BODY_BYTES;
  const now = options.now ?? Date.now;

  const reject = (req: Request, res: Response, status: number, reason: Rejection, extra: Record<string, unknown> = {}): void => {
    options.logger.warn({ status, reason, retryNum: req.headers["x-slack-retry-num"], ...extra }, "slack request rejected");
    if (res.headersSent) return;
    if (status === 413) res.setHeader("Connection", "close");
    res.status(status).json({ ok: false, error: MESSAGES[reason] });
  };

  return async (req, res, next) => {
    // Rejected before a byte is read when the size is declared (Slack always declares it).
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(req, res, 413, "too_large", { bytes: declared });
      return;
    }
    let raw: Buffer | "too_large";
    try {
      raw = await readBody(req, maxBytes);
    } catch {
      reject(req, res, 400, "unreadable");
      return;
    }
    if (raw === "too_large") {
      reject(req, res, 413, "too_large");
      return;
    }

    // Bolt's parse compares the content type literally; it gets the bare media type below.
    const mediaType = (header(req, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const text = raw.toString("utf8");
    // Slack's certificate probe for slash command URLs is unsigned and carries nothing to act on.
    if (mediaType === "application/x-www-form-urlencoded" && parseQuery(text).ssl_check !== undefined) {
      res.status(200).end();
      return;
    }

    const signature = header(req, "x-slack-signature");
    const timestamp = Number(header(req, "x-slack-request-timestamp"));
    if (!signature || !Number.isFinite(timestamp)) {
      reject(req, res, 401, "missing_signature");
      return;
    }
    if (Math.abs(now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
      reject(req, res, 401, "stale_timestamp");
      return;
    }
    try {
      verifySlackRequest({
        signingSecret: options.signingSecret,
        body: text,
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
        nowMilliseconds: now(),
      });
    } catch {
      reject(req, res, 401, "bad_signature");
      return;
    }

    let body: unknown;
    try {
      body = parseSlackBody(text, mediaType);
    } catch {
      reject(req, res, 400, "malformed_body");
      return;
    }
    const kind = payloadKind(body);
    if (kind === undefined) {
      const type = isRecord(body) && typeof body.type === "string" ? body.type.slice(0, 64) : undefined;
      reject(req, res, 400, "unknown_type", { type });
      return;
    }

    if (!hasActor(kind, body)) {
      reject(req, res, 400, "no_actor", { kind });
      return;
    }

    if (kind === "app_rate_limited") {
      // Slack dropped events for a minute because we were too slow or too many; nothing to dispatch.
      options.logger.warn({ minuteRateLimited: (body as { minute_rate_limited?: unknown }).minute_rate_limited }, "slack events rate limited");
      res.status(200).json({ ok: true });
      return;
    }

    req.headers["content-type"] = mediaType;
    (req as Request & { rawBody?: Buffer }).rawBody = raw;
    next();
  };
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads at most maxBytes; past that it stops keeping chunks (the rest drains unread). */
function readBody(req: Request, maxBytes: number): Promise<Buffer | "too_large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        resolve("too_large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

/** Slack's two body formats: JSON (Events API) or a form, with interactivity JSON in `payload`. */
export function parseSlackBody(text: string, mediaType: string): unknown {
  if (mediaType === "application/x-www-form-urlencoded") {
    const form = parseQuery(text);
    return typeof form.payload === "string" ? JSON.parse(form.payload) : form;
  }
  return JSON.parse(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Commands and interactions act for a user in a workspace; without both, nothing can be
 * answered or attributed (Enterprise Grid org-wide installs carry an enterprise instead of a team).
 */
export function hasActor(kind: string, body: unknown): boolean {
  if (!isRecord(body)) return false;
  const hasId = (v: unknown) => isRecord(v) && typeof v.id === "string" && v.id !== "";
  if (kind === "command") return typeof body.user_id === "string" && body.user_id !== "" && typeof body.team_id === "string" && body.team_id !== "";
  if (kind === "block_actions" || kind === "shortcut" || kind === "view" || kind === "options") {
    return hasId(body.user) && (hasId(body.team) || (body.is_enterprise_install === true && hasId(body.enterprise)));
  }
  return true;
}

/** The payload families Bolt can dispatch, plus Slack's rate-limit notice; nothing else comes from Slack. */
export function payloadKind(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (body.type === "url_verification" && typeof body.challenge === "string") return "url_verification";
  if (body.type === "event_callback" && isRecord(body.event) && typeof body.event.type === "string") return "event";
  if (typeof body.command === "string") return "command";
  if (body.type === "block_actions" && Array.isArray(body.actions)) return "block_actions";
  if (body.type === "shortcut" || body.type === "message_action") return "shortcut";
  if ((body.type === "view_submission" || body.type === "view_closed") && isRecord(body.view)) return "view";
  if (body.type === "block_suggestion") return "options";
  if (body.type === "app_rate_limited") return "app_rate_limited";
  return undefined;
}
