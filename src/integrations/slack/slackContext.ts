import type { Deliverer } from "../../bot/delivery.js";
import type { ConversationAddress } from "../../bot/incoming.js";
import type { Reply } from "../../bot/reply.js";
import { type MessageSlots, showReply } from "../../delivery/messageSlots.js";
import type { Logger } from "../../logger.js";
import type { SurfaceDeps } from "../surface.js";
import { postEphemeralReplies } from "./replies.js";
import type { webApi } from "@slack/bolt";

/** What every listener module gets: the bot core, delivery and a logger bound to the Slack surface. */
export interface SlackContext {
  deps: SurfaceDeps;
  logger: Logger;
  /** Posts and updates messages (chat.postMessage / chat.update) with the bot token. */
  deliverer: Deliverer;
  slots: MessageSlots;
}

export function slackAddress(userId: string, conversationId: string, threadId?: string): ConversationAddress {
  return { surface: "slack", userId, conversationId, ...(threadId ? { threadId } : {}) };
}

export interface ConversationPlace {
  channel: string;
  threadTs?: string;
  /** The person who acted: private replies go to them only. */
  user: string;
  /** A DM: everything in it is private already, so no ephemeral messages are needed. */
  isDirect: boolean;
}

/**
 * Shows replies in order where the event came from: private ones as ephemeral messages (in a
 * DM as normal ones), slot replies by updating their slot's message, the rest as new messages in
 * the thread.
 */
export async function showInConversation(
  ctx: SlackContext,
  client: webApi.WebClient,
  place: ConversationPlace,
  replies: Reply[],
): Promise<void> {
  for (const reply of replies) {
    if (reply.audience === "private" && !place.isDirect) {
      await postEphemeralReplies(client, { channel: place.channel, threadTs: place.threadTs, user: place.user }, [reply], ctx.logger);
      continue;
    }
    const target = { kind: "conversation" as const, surface: "slack" as const, conversationId: place.channel, ...(place.threadTs ? { threadId: place.threadTs } : {}) };
    await showReply(ctx.deliverer, ctx.slots, target, reply);
  }
}
