import type { App, BlockAction } from "@slack/bolt";
import type { Reply } from "../../../bot/reply.js";
import { FEEDBACK_ACTION, MORE_SOURCES_ACTION } from "../../../handlers/ask/askHandler.js";
import { isRouteAction } from "../../../handlers/route/routeHandler.js";
import { incomingActionFromSlack, type SlackActionLike } from "../blockKit.js";
import { postEphemeralReplies, postReplies, respondReplies } from "../replies.js";
import { slackAddress, type SlackContext } from "../slackContext.js";
import { skipFeedbackActions } from "./feedback.js";

/** Action ids the bot routes; anything else is logged as unknown (and still handed to the bot, which says so). */
export function isKnownAction(id: string): boolean {
  return id === MORE_SOURCES_ACTION || id === FEEDBACK_ACTION || isRouteAction(id);
}
/** Replies only the presser sees; every other action reply goes to the same thread or channel. */
const PRIVATE_REPLY_ACTIONS: ReadonlySet<string> = new Set([FEEDBACK_ACTION]);

const UNKNOWN_BUTTON: Reply = {
  parts: [{ kind: "notice", level: "warning", text: "Deze knop ken ik niet (meer). Stel je vraag opnieuw." }],
};

/** The renderer numbers every action_id (`${id}|${n}`); without that suffix it is not from our replies. */
const RENDERED_ACTION_ID = /^.+\|\d+$/;

/** Button presses and choices from our Block Kit replies, mapped back to IncomingAction. */
export function register(app: App, ctx: SlackContext): void {
  // 👍 / 👎 and their reason have their own listener (feedback.ts: modal, private replies).
  app.action<BlockAction>({ type: "block_actions" }, skipFeedbackActions, async ({ ack, body, action, client, respond }) => {
    await ack();
    const element = action as unknown as SlackActionLike | undefined;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const threadTs: string | undefined = body.message?.thread_ts ?? body.container?.thread_ts;
    const ephemeral = body.container?.is_ephemeral === true;
    const user = body.user.id;

    const reply = async (replies: Reply[], visibleToAll: boolean): Promise<void> => {
      if (visibleToAll && channel && !ephemeral) await postReplies(client, { channel, threadTs }, replies, ctx.logger);
      // An ephemeral message has no ts to reply under; its response_url reaches the same user.
      else if (ephemeral && respond) await respondReplies(respond, replies, ctx.logger);
      else if (channel) await postEphemeralReplies(client, { channel, user, threadTs }, replies, ctx.logger);
      else if (respond) await respondReplies(respond, replies, ctx.logger);
      else ctx.logger.warn({ container: body.container?.type }, "slack action without a place to answer");
    };

    if (typeof element?.action_id !== "string" || !RENDERED_ACTION_ID.test(element.action_id)) {
      ctx.logger.warn({ actionId: String(element?.action_id).slice(0, 64) }, "slack action id not ours");
      await reply([UNKNOWN_BUTTON], false);
      return;
    }
    // Buttons give their value, selects the chosen option, a form's submit button also its fields.
    const incoming = incomingActionFromSlack(element, body.state);
    const id = incoming.id;
    const known = isKnownAction(id);
    if (!known) ctx.logger.warn({ actionId: id.slice(0, 64) }, "slack action id unknown");
    if (!channel) {
      ctx.logger.warn({ actionId: id, container: body.container?.type }, "slack action outside a conversation");
      return;
    }

    const replies = await ctx.deps.bot.handle({ kind: "action", address: slackAddress(user, channel, threadTs), action: incoming });
    await reply(replies, known && !PRIVATE_REPLY_ACTIONS.has(id));
  });
}
