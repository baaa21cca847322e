import type { RespondFn, webApi } from "@slack/bolt";
import type { Reply } from "../../bot/reply.js";
import type { Logger } from "../../logger.js";
import { renderSlackMessages } from "./blockKit.js";
import { slackLimitViolations } from "./slackLimits.js";

type WebClient = webApi.WebClient;

export interface SlackMessage {
  text: string;
  blocks?: ReturnType<typeof renderSlackMessages>[number]["blocks"];
}

/**
 * Renders replies in order. A message that breaks Slack's limits would be refused as a whole
 * (invalid_blocks), so it goes out as its plain-text fallback and the violation is logged.
 */
export function toSlackMessages(replies: Reply[], logger: Logger): SlackMessage[] {
  return replies.flatMap((reply) =>
    renderSlackMessages(reply).map((message) => {
      const violations = slackLimitViolations(message);
      if (violations.length === 0) return message;
      logger.warn({ violations: violations.slice(0, 5), count: violations.length }, "slack message over Block Kit limits; sent as text");
      return { text: message.text.slice(0, 3000) };
    }),
  );
}

export interface ThreadTarget {
  channel: string;
  /** Reply in this thread; undefined posts at the top level (DMs). */
  threadTs?: string;
}

/** Posts every message in order, so an answer's text never lands below its buttons. */
export async function postReplies(client: WebClient, target: ThreadTarget, replies: Reply[], logger: Logger): Promise<void> {
  for (const message of toSlackMessages(replies, logger)) {
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

/** Only the acting user sees these (feedback thanks, notices). */
export async function postEphemeralReplies(
  client: WebClient,
  target: ThreadTarget & { user: string },
  replies: Reply[],
  logger: Logger,
): Promise<void> {
  for (const message of toSlackMessages(replies, logger)) {
    await client.chat.postEphemeral({
      channel: target.channel,
      user: target.user,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    });
  }
}

/**
 * Through the response_url: works in channels the bot is not a member of, and the answer is
 * ephemeral (only the asker sees it), which suits questions that may touch on a case.
 */
export async function respondReplies(respond: RespondFn, replies: Reply[], logger: Logger): Promise<void> {
  for (const message of toSlackMessages(replies, logger)) {
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    });
  }
}
