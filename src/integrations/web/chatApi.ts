import express, { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Bot } from "../../bot/bot.js";
import type { Incoming } from "../../bot/incoming.js";
import { INPUT_LIMITS, isQuestionTooLong, QUESTION_TOO_LONG_TEXT } from "../../bot/inputLimits.js";
import { WEB_ACTION_LIMITS, WEB_FIELD_ID, toWebReply } from "./webReply.js";

const L = WEB_ACTION_LIMITS;

const chatRequestSchema = z
  .object({
    user: z.string().trim().min(1).max(200),
    conversation: z.string().trim().min(1).max(200).optional(),
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

/** JSON API of the local web chat: the same bot core as Slack and Teams. */
export function chatApi(bot: Bot): Router {
  const router = Router();
  router.post("/api/chat", express.json({ limit: "1mb" }), (req, res, next) => {
    handle(req, res).catch(next);
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
    const address = { surface: "web" as const, userId: body.user, conversationId: body.conversation ?? "web-chat" };
    const incoming: Incoming =
      body.action !== undefined
        ? { kind: "action", address, action: body.action }
        : { kind: "message", address, text: body.text ?? "" };
    const replies = await bot.handle(incoming);
    res.json({ replies: replies.map((reply) => toWebReply(reply)) });
  }
}
