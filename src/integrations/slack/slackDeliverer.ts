import type { webApi } from "@slack/bolt";
import { DeliveryError, type Deliverer, type DeliveryTarget, type MessageRef } from "../../bot/delivery.js";
import type { Reply } from "../../bot/reply.js";
import type { Logger } from "../../logger.js";
import { toSlackMessages } from "./replies.js";

type WebClient = webApi.WebClient;

/** Slack errors after which retrying the same call cannot help. */
const PERMANENT_ERRORS = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "message_not_found",
  "cant_update_message",
  "edit_window_closed",
  "msg_too_long",
  "invalid_blocks",
  "no_text",
  "user_not_found",
  "account_inactive",
  "invalid_auth",
  "token_revoked",
  "missing_scope",
]);

/**
 * Slack's half of the delivery seam: chat.postMessage for new messages (in a thread when the
 * target names one; a user target opens the DM first), chat.update to replace one. Errors come
 * back as DeliveryError: 429 with its Retry-After, permanent ones marked, so jobs retry well.
 */
export function createSlackDeliverer(client: WebClient, logger: Logger): Deliverer {
  async function channelOf(target: DeliveryTarget): Promise<{ channel: string; threadTs?: string }> {
    if (target.kind === "conversation") return { channel: target.conversationId, ...(target.threadId ? { threadTs: target.threadId } : {}) };
    const opened = await call(() => client.conversations.open({ users: target.userId }));
    const channel = opened.channel?.id;
    if (!channel) throw new DeliveryError("slack DM could not be opened", { permanent: true });
    return { channel };
  }

  return {
    surface: "slack",
    async deliver(target, reply: Reply, options = {}) {
      const messages = toSlackMessages([reply], logger);
      if (messages.length === 0) throw new DeliveryError("reply rendered to no Slack message", { permanent: true });
      const { channel, threadTs } = options.replaces
        ? { channel: options.replaces.conversationId, threadTs: options.replaces.threadId }
        : await channelOf(target);
      let first: MessageRef | undefined;
      for (const [i, message] of messages.entries()) {
        const content = { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) };
        if (i === 0 && options.replaces) {
          await call(() => client.chat.update({ channel, ts: options.replaces!.messageId, ...content }));
          first = options.replaces;
          continue;
        }
        const posted = await call(() =>
          client.chat.postMessage({
            channel,
            ...(threadTs ? { thread_ts: threadTs } : {}),
            ...content,
            unfurl_links: false,
            unfurl_media: false,
          }),
        );
        first ??= { surface: "slack", conversationId: channel, messageId: String(posted.ts), ...(threadTs ? { threadId: threadTs } : {}) };
      }
      return first!;
    },
  };
}

/** Runs one Web API call and turns Slack's failure into a DeliveryError. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toDeliveryError(error);
  }
}

export function toDeliveryError(error: unknown): DeliveryError {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  switch (e.code) {
    case "slack_webapi_rate_limited_error":
      return new DeliveryError("slack rate limited", { retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000, status: 429, code: "ratelimited" });
    case "slack_webapi_platform_error": {
      const code = e.data?.error ?? "unknown";
      return new DeliveryError(`slack refused: ${code}`, { permanent: PERMANENT_ERRORS.has(code), code });
    }
    case "slack_webapi_http_error":
      return new DeliveryError(`slack http ${e.statusCode ?? "?"}`, { status: e.statusCode, permanent: e.statusCode !== undefined && e.statusCode < 500 && e.statusCode !== 429 });
    default:
      return new DeliveryError(`slack request failed: ${String(e.message ?? error).slice(0, 120)}`);
  }
}
