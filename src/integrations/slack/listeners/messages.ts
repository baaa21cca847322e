import type { App } from "@slack/bolt";
import { showInConversation, slackAddress, type SlackContext } from "../slackContext.js";
import { isQuestionTooLong, questionTooLongReply } from "../../../bot/inputLimits.js";
import { postReplies } from "../replies.js";

/** Slack writes mentions as <@U123> or <@U123|name>; none of them is part of the question. */
export function stripMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/gi, " ").replace(/\s+/g, " ").trim();
}

interface PlainMessage {
  user?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  edited?: unknown;
}

/** Direct messages to the app, and @Wegwijs in channels (answered in the thread). */
export function register(app: App, ctx: SlackContext): void {
  app.event("message", async ({ event, client }) => {
    const message = event as unknown as PlainMessage;
    // Edits, deletions, joins and bot posts all carry a subtype or bot_id; only people's new DMs count.
    if (message.channel_type !== "im" || message.subtype !== undefined || message.bot_id || message.edited) return;
    if (!message.user) return;
    // Refused before anything reads the text further: a 900,000-character message costs one check.
    if (isQuestionTooLong(message.text)) {
      await postReplies(client, { channel: message.channel, threadTs: message.thread_ts }, [questionTooLongReply()], ctx.logger);
      return;
    }
    const text = message.text?.trim() ?? "";
    if (text === "") return;
    const replies = await ctx.deps.bot.handle({
      kind: "message",
      address: slackAddress(message.user, message.channel, message.thread_ts),
      text,
    });
    await showInConversation(ctx, client, { channel: message.channel, threadTs: message.thread_ts, user: message.user, isDirect: true }, replies);
  });

  app.event("app_mention", async ({ event, client }) => {
    const mention = event as unknown as PlainMessage;
    if (!mention.user || mention.bot_id || mention.edited) return;
    // A mention at the top level starts a thread under it; one inside a thread stays there.
    const threadTs = mention.thread_ts ?? mention.ts;
    if (isQuestionTooLong(mention.text)) {
      await postReplies(client, { channel: mention.channel, threadTs }, [questionTooLongReply()], ctx.logger);
      return;
    }
    const replies = await ctx.deps.bot.handle({
      kind: "message",
      address: slackAddress(mention.user, mention.channel, threadTs),
      text: stripMentions(mention.text ?? ""),
    });
    await showInConversation(ctx, client, { channel: mention.channel, threadTs, user: mention.user, isDirect: false }, replies);
  });
}
