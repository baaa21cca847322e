import type { ConversationAddress } from "../../bot/incoming.js";
import type { Logger } from "../../logger.js";
import type { SurfaceDeps } from "../surface.js";

/** What every listener module gets: the bot core and a logger bound to the Slack surface. */
export interface SlackContext {
  deps: SurfaceDeps;
  logger: Logger;
}

export function slackAddress(userId: string, conversationId: string, threadId?: string): ConversationAddress {
  return { surface: "slack", userId, conversationId, ...(threadId ? { threadId } : {}) };
}
