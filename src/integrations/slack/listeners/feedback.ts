import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, types } from "@slack/bolt";
import {
  FEEDBACK_ACTION,
  FEEDBACK_REASON_ACTION,
  FEEDBACK_REASON_CHARS,
  FEEDBACK_REASON_FIELD,
  parseFeedbackValue,
} from "../../../handlers/ask/askHandler.js";
import { decodeSlackActionId, incomingActionFromSlack, type SlackActionLike } from "../blockKit.js";
import { postEphemeralReplies, respondReplies } from "../replies.js";
import { slackAddress, type SlackContext } from "../slackContext.js";

/**
 * 👍 / 👎 under an answer (Block Kit `feedback_buttons`, and the older plain buttons). One vote
 * per answer and user, stored by the bot core. A 👎 opens a modal asking for an optional reason
 * (views.open with the press's trigger_id); its view_submission stores the reason. Everything
 * here is private to the presser: the thread is not touched.
 */

export const FEEDBACK_MODAL = "wegwijs_feedback_modal";
const REASON_BLOCK = "reden";
const REASON_INPUT = "tekst";

const FEEDBACK_ACTION_IDS = new Set([FEEDBACK_ACTION, FEEDBACK_REASON_ACTION]);

export function isFeedbackActionId(actionId: string): boolean {
  return FEEDBACK_ACTION_IDS.has(decodeSlackActionId(actionId));
}

/** Listener middleware for the general block_actions listener: feedback is handled here instead. */
export async function skipFeedbackActions({ action, next }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> {
  const actionId = (action as unknown as Partial<SlackActionLike>).action_id;
  if (typeof actionId === "string" && isFeedbackActionId(actionId)) return;
  await next();
}

interface ModalMetadata {
  answerId: string;
  channel: string;
  threadTs?: string;
}

export function feedbackModal(meta: ModalMetadata): types.ModalView {
  return {
    type: "modal",
    callback_id: FEEDBACK_MODAL,
    private_metadata: JSON.stringify(meta),
    title: { type: "plain_text", text: "Feedback" },
    submit: { type: "plain_text", text: "Versturen" },
    close: { type: "plain_text", text: "Overslaan" },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: "Dank je voor je 👎. Wil je kort zeggen wat er niet klopte of wat je miste? Dat mag ook leeg blijven." } },
      {
        type: "input",
        block_id: REASON_BLOCK,
        optional: true,
        label: { type: "plain_text", text: "Toelichting" },
        element: {
          type: "plain_text_input",
          action_id: REASON_INPUT,
          multiline: true,
          max_length: FEEDBACK_REASON_CHARS,
          placeholder: { type: "plain_text", text: "Bijvoorbeeld: het antwoord ging over iets anders." },
        },
      },
      { type: "context", elements: [{ type: "mrkdwn", text: "Noem geen namen, BSN of adressen van jongeren." }] },
    ],
  };
}

function parseMetadata(raw: string | undefined): ModalMetadata | undefined {
  try {
    const meta = JSON.parse(raw ?? "") as Partial<ModalMetadata>;
    if (typeof meta.answerId === "string" && typeof meta.channel === "string") {
      return { answerId: meta.answerId, channel: meta.channel, ...(typeof meta.threadTs === "string" ? { threadTs: meta.threadTs } : {}) };
    }
  } catch {
    // Not ours or damaged: handled by the caller.
  }
  return undefined;
}

export function register(app: App, ctx: SlackContext): void {
  app.action<BlockAction>({ type: "block_actions", action_id: /^ask\.feedback(?:Reason)?\|\d+$/ }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const incoming = incomingActionFromSlack(action as unknown as SlackActionLike, body.state);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const threadTs: string | undefined = body.message?.thread_ts ?? body.container?.thread_ts;
    const user = body.user.id;
    if (!channel) {
      ctx.logger.warn({ container: body.container?.type }, "slack feedback outside a conversation");
      return;
    }
    const vote = incoming.id === FEEDBACK_ACTION ? parseFeedbackValue(incoming.value) : undefined;
    // The trigger_id is valid for three seconds: the modal opens before the vote is stored.
    let modalOpen = false;
    if (vote?.rating === "not_useful" && body.trigger_id) {
      modalOpen = await client.views
        .open({ trigger_id: body.trigger_id, view: feedbackModal({ answerId: vote.answerId, channel, ...(threadTs ? { threadTs } : {}) }) })
        .then(() => true)
        .catch((error: Error) => {
          ctx.logger.warn({ err: error.message }, "slack feedback modal not opened");
          return false;
        });
    }
    const replies = await ctx.deps.bot.handle({ kind: "action", address: slackAddress(user, channel, threadTs), action: incoming });
    const asked = replies.some((r) => r.parts.some((p) => p.kind === "form" && p.submitActionId === FEEDBACK_REASON_ACTION));
    // With the modal open, it says thanks and asks for the reason; otherwise the reply (thanks, the
    // reason form, or "unknown answer") is posted privately.
    if (modalOpen && asked) return;
    const shown = replies;
    if (body.container?.is_ephemeral === true && respond) await respondReplies(respond, shown, ctx.logger);
    else await postEphemeralReplies(client, { channel, user, threadTs }, shown, ctx.logger);
  });

  app.view(FEEDBACK_MODAL, async ({ view, body, ack, client }) => {
    await ack(); // closes the modal; the reason is optional
    const meta = parseMetadata(view.private_metadata);
    if (!meta) {
      ctx.logger.warn({ callbackId: FEEDBACK_MODAL }, "slack feedback modal without its answer");
      return;
    }
    const reason = view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value ?? "";
    const replies = await ctx.deps.bot.handle({
      kind: "action",
      address: slackAddress(body.user.id, meta.channel, meta.threadTs),
      action: { id: FEEDBACK_REASON_ACTION, value: meta.answerId, fields: { [FEEDBACK_REASON_FIELD]: reason } },
    });
    await postEphemeralReplies(client, { channel: meta.channel, user: body.user.id, threadTs: meta.threadTs }, replies, ctx.logger);
  });
}
