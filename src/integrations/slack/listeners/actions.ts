import type { App, BlockAction, RespondFn, webApi, types } from "@slack/bolt";
import type { Reply } from "../../../bot/reply.js";
import type { Logger } from "../../../logger.js";
import { incomingActionFromSlack, type SlackActionLike } from "../blockKit.js";
import { postEphemeralReplies, respondReplies, toSlackMessages } from "../replies.js";
import { showInConversation, slackAddress, type SlackContext } from "../slackContext.js";
import { skipFeedbackActions } from "./feedback.js";
import { ACTION_FORM_MODAL, formModal } from "./forms.js";

const UNKNOWN_BUTTON: Reply = {
  parts: [{ kind: "notice", level: "warning", text: "Deze knop ken ik niet (meer). Stel je vraag opnieuw." }],
};

/** The renderer numbers every action_id (`${id}|${n}`); without that suffix it is not from our replies. */
const RENDERED_ACTION_ID = /^.+\|\d+$/;

/**
 * Button presses and choices from our Block Kit replies, mapped back to IncomingAction. Which
 * actions exist and who sees their replies comes from the handler registry; a reply with a slot
 * (a route step) updates the message whose button was pressed.
 */
export function register(app: App, ctx: SlackContext): void {
  // 👍 / 👎 and their reason have their own listener (feedback.ts: modal, private replies).
  app.action<BlockAction>({ type: "block_actions" }, skipFeedbackActions, async ({ ack, body, action, client, respond }) => {
    await ack();
    const element = action as unknown as SlackActionLike | undefined;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const threadTs: string | undefined = body.message?.thread_ts ?? body.container?.thread_ts;
    const ephemeral = body.container?.is_ephemeral === true;
    const user = body.user.id;

    if (typeof element?.action_id !== "string" || !RENDERED_ACTION_ID.test(element.action_id)) {
      ctx.logger.warn({ actionId: String(element?.action_id).slice(0, 64) }, "slack action id not ours");
      await privately([UNKNOWN_BUTTON]);
      return;
    }
    // Buttons give their value, selects the chosen option, a form's submit button also its fields.
    const incoming = incomingActionFromSlack(element, body.state);
    const registry = ctx.deps.bot.registry;
    if (!registry.isKnownAction(incoming.id)) ctx.logger.warn({ actionId: incoming.id.slice(0, 64) }, "slack action id unknown");
    if (!channel) {
      ctx.logger.warn({ actionId: incoming.id, container: body.container?.type }, "slack action outside a conversation");
      return;
    }
    // A button that opens a form (a checklist item's "Details", the consult hand-over): the modal
    // first, before anything slow, while the trigger_id (three seconds) is valid. If it cannot
    // open, the press is handled as usual and its reply (the same form) shows in the conversation.
    const form = body.trigger_id ? await registry.actionForm(incoming, slackAddress(user, channel, threadTs)).catch(() => undefined) : undefined;
    if (form) {
      const view = formModal(form, channel, { callbackId: ACTION_FORM_MODAL, ...(threadTs ? { threadTs } : {}) });
      if (await openModal(client, body.trigger_id, view, ctx.logger)) return;
    }

    const replies = await ctx.deps.bot.handle({ kind: "action", address: slackAddress(user, channel, threadTs), action: incoming });
    const defaultAudience = registry.visibilityOfAction(incoming.id);
    const isDirect = channel.startsWith("D");
    for (const reply of replies) {
      const audience = reply.audience ?? defaultAudience;
      if (ephemeral) {
        // An ephemeral message has no ts to update or reply under; its response_url reaches the same user.
        await respondTo(respond, reply, reply.slot !== undefined, ctx.logger);
      } else if (audience === "private" && !isDirect) {
        await postEphemeralReplies(client, { channel, user, threadTs }, [reply], ctx.logger);
      } else {
        // Audience settled above; a slot reply updates its own message (chat.update).
        await showInConversation(ctx, client, { channel, threadTs, user, isDirect: true }, [{ ...reply, audience }]);
      }
    }

    async function privately(replies: Reply[]): Promise<void> {
      if (ephemeral && respond) await respondReplies(respond, replies, ctx.logger);
      else if (channel) await postEphemeralReplies(client, { channel, user, threadTs }, replies, ctx.logger);
      else if (respond) await respondReplies(respond, replies, ctx.logger);
    }
  });
}

/**
 * Opens a modal; false when Slack refused (an expired trigger_id, say), so the caller shows the
 * form in the conversation instead.
 */
async function openModal(client: webApi.WebClient, triggerId: string | undefined, view: types.ModalView, logger: Logger): Promise<boolean> {
  if (!triggerId) return false;
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return true;
  } catch (error) {
    const e = error as { code?: string; data?: { error?: string } };
    logger.warn({ code: e.code, error: e.data?.error }, "slack modal not opened; form shown in the conversation");
    return false;
  }
}

/** Through the response_url: replacing the ephemeral message the button was on, or below it. */
async function respondTo(respond: RespondFn, reply: Reply, replace: boolean, logger: Logger): Promise<void> {
  if (!replace) return respondReplies(respond, [reply], logger);
  const [first, ...rest] = toSlackMessages([reply], logger);
  if (!first) return;
  await respond({ response_type: "ephemeral", replace_original: true, text: first.text, ...(first.blocks ? { blocks: first.blocks } : {}) });
  for (const message of rest) {
    await respond({ response_type: "ephemeral", replace_original: false, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
  }
}
