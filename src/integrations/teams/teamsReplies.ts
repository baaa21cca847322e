import { Activity, ActivityTypes } from "@microsoft/agents-activity";
import type { Reply } from "../../bot/reply.js";
import { adaptiveCardAttachment, cardSizeBytes, renderAdaptiveCards, TEAMS_MESSAGE_LIMIT_BYTES } from "./adaptiveCard.js";

/** Longest plain fallback: one line in a toast or the chat list. */
const FALLBACK_CHARS = 150;
const DEFAULT_FALLBACK = "Bericht van Wegwijs";

export interface TeamsMessageOptions {
  /**
   * Proactive sends (notifications, late answers): the first card also gets the fallback as
   * visible `text`, which Teams shows in the toast. In a reply the user is already looking.
   */
  notify?: boolean;
}

/** First readable line of a reply, plain: for `summary` and notifications. */
export function fallbackText(reply: Reply): string {
  for (const part of reply.parts) {
    const candidate =
      part.kind === "text" || part.kind === "heading" || part.kind === "notice"
        ? part.text
        : part.kind === "sources" || part.kind === "checklist" || part.kind === "form"
          ? part.title
          : part.kind === "choices"
            ? part.prompt
            : "";
    const plain = candidate.replace(/[*_]/g, "").replace(/\s+/g, " ").trim();
    if (plain) return plain.length > FALLBACK_CHARS ? `${plain.slice(0, FALLBACK_CHARS - 1).trimEnd()}…` : plain;
  }
  return DEFAULT_FALLBACK;
}

/** One message activity per card: Teams' size limit is per message. */
export function teamsMessages(reply: Reply, options: TeamsMessageOptions = {}): Activity[] {
  const summary = fallbackText(reply);
  // A reply with a slot is redrawn in place: its buttons are Universal Actions.
  return renderAdaptiveCards(reply, { execute: reply.slot !== undefined }).map((card, i) =>
    Activity.fromObject({
      type: ActivityTypes.Message,
      // Shown where the card cannot be (notification previews, older clients).
      summary,
      ...(options.notify && i === 0 ? { text: summary } : {}),
      attachments: [adaptiveCardAttachment(card)],
    }),
  );
}

/** Cards over Teams' message limit are refused by Teams; the renderer should never make one. */
export function oversizedCards(activities: Activity[]): number {
  return activities.filter((a) => a.attachments?.some((att) => cardSizeBytes(att.content as never) > TEAMS_MESSAGE_LIMIT_BYTES)).length;
}

export function plainMessage(text: string): Activity {
  return Activity.fromObject({ type: ActivityTypes.Message, text, textFormat: "plain" });
}
