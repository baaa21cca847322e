import { Activity, type ConversationReference } from "@microsoft/agents-activity";
import type { CloudAdapter, TurnContext } from "@microsoft/agents-hosting";
import { DeliveryError, type Deliverer, type MessageRef } from "../../bot/delivery.js";
import type { Reply } from "../../bot/reply.js";
import type { TeamsConversationReferences } from "./conversationReferences.js";
import { errorInfo } from "./teamsContext.js";
import { teamsMessages } from "./teamsReplies.js";
import { channelConversationId, threadConversationId } from "./teamsThreads.js";

type ContinueIdentity = Parameters<CloudAdapter["continueConversation"]>[0];

/** Statuses worth retrying (throttled, precondition raced, gateway trouble), per Teams' guidance. */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/**
 * Teams' half of the delivery seam: proactive sends through stored conversation references,
 * updateActivity to replace a message. A user target uses the reference of that user's
 * personal chat (stored when they wrote to Wegwijs there). A conversation target with a
 * `threadId` (the activity id of a message in a channel, e.g. a consult card) is a reply in that
 * message's thread: it is sent to "<channel>;messageid=<threadId>", as Teams routes thread replies
 * (a proactive send, so no replyToId: Teams threads by the conversation id, not by replyToId).
 */
export function createTeamsDeliverer(options: {
  adapter: CloudAdapter;
  identity: ContinueIdentity;
  references: TeamsConversationReferences;
  track: <T>(work: Promise<T>) => Promise<T>;
}): Deliverer {
  const { adapter, identity, references } = options;

  async function inConversation<T>(reference: ConversationReference, work: (context: TurnContext) => Promise<T>): Promise<T> {
    // The adapter hands errors in the logic to the turn error handler; the caller needs them.
    let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await adapter.continueConversation(identity, reference, async (context) => {
      context.onSendActivities(async (_ctx, activities, next) => {
        // A new message in the conversation, not a reply to the synthetic continuation activity.
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      try {
        result = { ok: true, value: await work(context) };
      } catch (error) {
        result = { ok: false, error };
      }
    });
    if (!result) throw new DeliveryError("teams conversation could not be continued");
    if (!result.ok) throw toDeliveryError(result.error);
    return result.value;
  }

  return {
    surface: "teams",
    async deliver(target, reply: Reply, deliverOptions = {}) {
      const personal = target.kind === "user" ? await references.personalChatOf(target.userId) : undefined;
      const place = target.kind === "conversation" ? target : personal ? { conversationId: personal } : target.orElse;
      if (!place) throw new DeliveryError("no personal chat with this Teams user yet", { permanent: true });
      const conversationId = place.conversationId;
      const stored = (await references.get(conversationId)) ?? (await references.get(channelConversationId(conversationId)));
      if (!stored) throw new DeliveryError("no conversation reference (app not installed there)", { permanent: true });
      // Only channels have threads; in a chat the message simply follows the others.
      const threadId = stored.conversation.conversationType === "channel" ? place.threadId : undefined;
      const reference: ConversationReference = threadId
        ? { ...stored, conversation: { ...stored.conversation, id: threadConversationId(conversationId, threadId) } }
        : stored;
      // A message posted without an id back (the Agents Playground answers a card with 202 and no
      // id) cannot be replaced: the new state is posted as a new message instead of failing the
      // update again and again (new-user try: 32 failed redraws, the card stood still).
      const replaces = deliverOptions.replaces?.messageId ? deliverOptions.replaces : undefined;
      const activities = teamsMessages(reply, { notify: !replaces });
      if (activities.length === 0) throw new DeliveryError("reply rendered to no Teams card", { permanent: true });
      return options.track(
        inConversation(reference, async (context) => {
          let first: MessageRef | undefined;
          for (const [i, activity] of activities.entries()) {
            if (i === 0 && replaces) {
              const update = Activity.fromObject({ ...activity, id: replaces.messageId, conversation: reference.conversation });
              await context.updateActivity(update);
              first = replaces;
              continue;
            }
            const sent = await context.sendActivity(activity);
            first ??= {
              surface: "teams",
              conversationId,
              messageId: String(sent?.id ?? ""),
              ...(place.threadId ? { threadId: place.threadId } : {}),
            };
          }
          return first!;
        }),
      );
    },
  };
}

function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const info = errorInfo(error);
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  const retryAfter = Number(headers?.["retry-after"] ?? NaN);
  return new DeliveryError(`teams delivery failed: ${info.err}`, {
    ...(info.status !== undefined ? { status: info.status } : {}),
    ...(Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}),
    // Forbidden / not found: the app was removed from that conversation.
    permanent: info.status !== undefined && !RETRYABLE.has(info.status) && info.status < 500,
  });
}
