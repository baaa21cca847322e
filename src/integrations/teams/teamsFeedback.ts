import { Activity, ActivityTypes } from "@microsoft/agents-activity";
import type { AgentApplication, TurnContext, TurnState } from "@microsoft/agents-hosting";
import type { Bot } from "../../router/router.js";
import type { ConversationAddress } from "../../bot/incoming.js";
import { FEEDBACK_ACTION, FEEDBACK_REASON_ACTION, FEEDBACK_REASON_FIELD, feedbackValue } from "../../handlers/ask/askHandler.js";
import type { Logger } from "../../logger.js";
import { type KeyValueStore, storeKey } from "../../stores/keyValueStore.js";

/**
 * Teams' own feedback loop: an answer message sent with `channelData.feedbackLoopEnabled` gets
 * Teams' 👍 / 👎 and feedback form. A press arrives as an invoke `message/submitAction` with
 * `value.actionName === "feedback"`, `value.actionValue.reaction` "like" | "dislike",
 * `value.actionValue.feedback` (a JSON string `{"feedbackText": "..."}`) and `replyToId` = the id
 * of the rated message. That id is mapped back to our answer id, and the vote and reason go
 * through the bot core into the same feedback store as Slack's and the web chat's.
 */

export const FEEDBACK_INVOKE = "message/submitAction";
const SCHEMA_VERSION = 1;
/** As long as answers are kept for feedback (AnswerLog). */
const RETENTION_SECONDS = 90 * 24 * 3600;

/** Answer ids of the activities we are about to send (the object, before Teams gives it an id). */
const answerIds = new WeakMap<Activity, string>();

export function markFeedbackAnswer(activity: Activity, answerId: string): void {
  answerIds.set(activity, answerId);
}

/** Which answer each sent Teams message is, so a later feedback invoke finds it. */
export class TeamsFeedbackMessages {
  constructor(private readonly store: KeyValueStore) {}

  private key(conversationId: string, activityId: string): string {
    return storeKey("teams-answer", conversationId, activityId);
  }

  /** After sendActivities: remembers the ids Teams gave the answer messages. */
  async rememberSent(conversationId: string | undefined, activities: Activity[], responses: Array<{ id?: string } | undefined>): Promise<void> {
    if (!conversationId) return;
    for (const [i, activity] of activities.entries()) {
      const answerId = answerIds.get(activity);
      const id = responses[i]?.id;
      if (answerId && id) await this.store.set(this.key(conversationId, id), answerId, SCHEMA_VERSION, RETENTION_SECONDS);
    }
  }

  async answerFor(conversationId: string, activityId: string): Promise<string | undefined> {
    return this.store.get<string>(this.key(conversationId, activityId), SCHEMA_VERSION);
  }
}

export interface TeamsFeedback {
  rating: "useful" | "not_useful";
  reason: string;
}

/** The reaction and typed feedback of a `message/submitAction` feedback invoke, or undefined. */
export function parseFeedbackInvoke(value: unknown): TeamsFeedback | undefined {
  const v = value as { actionName?: unknown; actionValue?: { reaction?: unknown; feedback?: unknown } } | undefined;
  if (v?.actionName !== "feedback") return undefined;
  const reaction = v.actionValue?.reaction;
  if (reaction !== "like" && reaction !== "dislike") return undefined;
  return { rating: reaction === "like" ? "useful" : "not_useful", reason: feedbackText(v.actionValue?.feedback) };
}

function feedbackText(feedback: unknown): string {
  if (typeof feedback === "string") {
    try {
      return feedbackText(JSON.parse(feedback) as unknown);
    } catch {
      return feedback;
    }
  }
  const text = (feedback as { feedbackText?: unknown } | null)?.feedbackText;
  return typeof text === "string" ? text : "";
}

/** Registers the feedback invoke before the surface's other routes. */
export function registerTeamsFeedback(
  agent: AgentApplication<TurnState>,
  deps: { bot: Bot; messages: TeamsFeedbackMessages; logger: Logger; addressOf: (activity: Activity) => ConversationAddress },
): void {
  agent.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === FEEDBACK_INVOKE,
    async (context: TurnContext) => {
      const activity = context.activity;
      const feedback = parseFeedbackInvoke(activity.value);
      const answerId =
        feedback && activity.conversation?.id && activity.replyToId
          ? await deps.messages.answerFor(activity.conversation.id, activity.replyToId)
          : undefined;
      await context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: {} } }));
      if (!feedback || !answerId) {
        deps.logger.warn({ known: Boolean(feedback) }, "teams feedback for an unknown message");
        return;
      }
      const address = deps.addressOf(activity);
      // Teams shows its own thanks; the bot's replies (a reason form for the web) are not sent.
      await deps.bot.handle({ kind: "action", address, action: { id: FEEDBACK_ACTION, value: feedbackValue(answerId, feedback.rating) } });
      if (feedback.reason.trim()) {
        await deps.bot.handle({
          kind: "action",
          address,
          action: { id: FEEDBACK_REASON_ACTION, value: answerId, fields: { [FEEDBACK_REASON_FIELD]: feedback.reason } },
        });
      }
    },
    true,
  );
}
