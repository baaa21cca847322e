import { randomUUID } from "node:crypto";
import type { Deliverer } from "../../bot/delivery.js";
import type { WebStreamHub } from "./webStream.js";
import { toWebReply } from "./webReply.js";

/**
 * The web's half of the delivery seam: a message (or a new state of one) pushed to every open
 * page of the conversation, or of the user, over Server-Sent Events. Pages that are closed miss
 * it, like a notification nobody sees; the record it shows is stored elsewhere.
 */
export function createWebDeliverer(hub: WebStreamHub): Deliverer {
  return {
    surface: "web",
    async deliver(target, reply, options = {}) {
      const conversationId = target.kind === "conversation" ? target.conversationId : `user:${target.userId}`;
      const messageId = options.replaces?.messageId ?? randomUUID();
      const channel = target.kind === "conversation" ? (`c:${target.conversationId}` as const) : (`u:${target.userId}` as const);
      await hub.publish(channel, { type: options.replaces ? "update" : "message", messageId, reply: toWebReply(reply) });
      return { surface: "web", conversationId, messageId };
    },
  };
}
