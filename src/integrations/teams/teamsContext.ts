import type { Activity } from "@microsoft/agents-activity";
import type { TurnContext } from "@microsoft/agents-hosting";
import type { ConversationAddress, Incoming } from "../../bot/incoming.js";
import type { Reply } from "../../bot/reply.js";
import type { Logger } from "../../logger.js";
import type { SurfaceDeps } from "../surface.js";
import type { TeamsConversationReferences } from "./conversationReferences.js";
import { channelConversationId, threadRootOf } from "./teamsThreads.js";

/** What every Teams listener module gets from the surface. */
export interface TeamsContext {
  deps: SurfaceDeps;
  logger: Logger;
  references: TeamsConversationReferences;
  /** Sends replies as cards in the current turn. */
  send(context: TurnContext, replies: Reply[], notify?: boolean): Promise<void>;
  /**
   * Runs the bot within Teams' reply window; past it, says "Even geduld" and delivers the answer
   * proactively when it is ready.
   */
  answer(context: TurnContext, incoming: Incoming): Promise<void>;
}

export const UNKNOWN_BUTTON: Reply = {
  parts: [{ kind: "notice", level: "warning", text: "Deze knop ken ik niet (meer). Stel je vraag opnieuw." }],
};

export function addressOf(activity: Activity): ConversationAddress {
  const conversationId = activity.conversation?.id;
  const from = activity.from;
  if (!conversationId || !from?.id) throw new Error("activity without conversation or sender");
  // A channel thread's conversation id ends in ";messageid=<root>"; card presses carry the same id.
  const threadId = activity.conversation?.conversationType === "channel" ? threadRootOf(conversationId) : undefined;
  const name = typeof from.name === "string" ? from.name.trim().slice(0, 80) : "";
  const userId = from.aadObjectId ?? from.id;
  return {
    surface: "teams",
    userId,
    // Mentions and card refresh address people by the 29: id Teams gives as from.id.
    ...(from.id !== userId ? { platformId: from.id } : {}),
    conversationId,
    ...(threadId ? { threadId, channelConversationId: channelConversationId(conversationId) } : {}),
    ...(name ? { userName: name } : {}),
  };
}

/** Loggable facts about an error: its kind and HTTP status, never a payload. */
export function errorInfo(error: unknown): { err: string; status?: number } {
  const e = error as
    | { name?: string; message?: string; response?: { status?: unknown }; status?: unknown; statusCode?: unknown; details?: { status?: unknown } }
    | undefined;
  const raw = e?.details?.status ?? e?.response?.status ?? e?.statusCode ?? e?.status;
  const status = typeof raw === "number" ? raw : undefined;
  return { err: `${e?.name ?? "Error"}: ${String(e?.message ?? error).slice(0, 200)}`, ...(status !== undefined ? { status } : {}) };
}
