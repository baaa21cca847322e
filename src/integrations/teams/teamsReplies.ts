import { Activity, ActivityTypes } from "@microsoft/agents-activity";
import type { Reply, ReplyPart } from "../../bot/reply.js";
import { adaptiveCardAttachment, cardSizeBytes, mentionEntity, renderAdaptiveCards, TEAMS_MESSAGE_LIMIT_BYTES } from "./adaptiveCard.js";
import { citationMarkers, citedMessage } from "./teamsCitations.js";
import { markFeedbackAnswer } from "./teamsFeedback.js";

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
        : part.kind === "mention"
          ? `${part.before}${part.person.name}${part.after}`
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

function isInfoNotice(part: ReplyPart | undefined): boolean {
  return part?.kind === "notice" && part.level === "info";
}

/** Notice text inside markdown emphasis: its own * _ ` [ ] would break out of it. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_`[\]]/g, (c) => `\\${c}`);
}

/** A markdown list item as a paragraph of the answer text: "- …", "* …", "3. …". */
const LIST_ITEM = /^(?:[-*+]\s|\d{1,3}[.)]\s)/;

/**
 * A list of one item written as a line of its own ("• …", "3\. …"): Teams shows no citation pill
 * for a marker inside a one-item list (it is a "tight" list, without paragraphs), only "[1]"
 * (new-user try in the Agents Playground; lists of two or more items, a blank line between them,
 * show their pills).
 */
export function withoutSingleItemLists(text: string): string {
  const blocks = text.split("\n\n");
  // Markdown starts a new list where the marker changes ("3." then "- …"): only the same kind of item continues a list.
  const kind = (block: string | undefined) => {
    const marker = block === undefined ? undefined : LIST_ITEM.exec(block)?.[0].trim();
    return marker === undefined ? undefined : /^\d/.test(marker) ? `ordered${marker.at(-1)}` : `bullet${marker}`;
  };
  return blocks
    .map((block, i) => {
      const own = kind(block);
      if (own === undefined || kind(blocks[i - 1]) === own || kind(blocks[i + 1]) === own) return block;
      return block.replace(/^[-*+]\s+/, "• ").replace(/^(\d{1,3})([.)])\s/, "$1\\$2 ");
    })
    .join("\n\n");
}

/**
 * One message activity per card: Teams' size limit is per message. An answer (a reply with a
 * feedback part) is Teams-native instead: its text goes out as a message with `[n]` markers and
 * Citation entities, the AI label when a model wrote it, and Teams' own feedback loop. An info
 * notice right before it opens that text; a warning before it (personal data taken out) and what
 * comes after it (buttons, sources not cited) stay cards.
 */
export function teamsMessages(reply: Reply, options: TeamsMessageOptions = {}): Activity[] {
  const mentioned = mentionMessage(reply);
  if (mentioned) return [mentioned];
  const feedback = reply.parts.find((p) => p.kind === "feedback");
  const first = reply.parts.findIndex((p) => p.kind === "text");
  if (!feedback || first === -1) return cardMessages(reply, options);
  let end = first;
  while (reply.parts[end]?.kind === "text") end++;
  // An info notice right before the answer ("Ik lees dit als vervolg op …", "Wat „X” precies is …")
  // opens the answer message as a line of its own, instead of a card of its own above it
  // (new-user try in Teams: one answer came as two or three messages).
  let start = first;
  while (start > 0 && isInfoNotice(reply.parts[start - 1])) start--;
  const lead = reply.parts.slice(start, first).flatMap((p) => (p.kind === "notice" ? [`_${escapeMarkdown(p.text)}_`] : []));
  const texts = reply.parts.slice(first, end).flatMap((p) => (p.kind === "text" ? [p] : []));
  const sources = reply.parts.flatMap((p) => (p.kind === "sources" ? p.sources : []));
  const { text, entity } = citedMessage(
    [...lead, withoutSingleItemLists(texts.map((t) => t.text.trim()).join("\n\n").replace(/(?<!\n)\n(?!\n)/g, "\n\n"))].join("\n\n"),
    sources,
    texts.some((t) => t.generated === true),
  );
  const cited = new Set(citationMarkers(text));
  // A sources part whose every source is a citation of the text is shown by Teams already.
  const rest = reply.parts.slice(end).filter((p): boolean => {
    if (p.kind === "feedback") return false;
    return !(p.kind === "sources" && p.sources.length > 0 && p.sources.every((s) => cited.has(s.n)));
  });
  const answer = Activity.fromObject({
    type: ActivityTypes.Message,
    text,
    textFormat: "markdown",
    ...(entity ? { entities: [entity] } : {}),
    channelData: { feedbackLoopEnabled: true },
  });
  markFeedbackAnswer(answer, feedback.answerId);
  const before = cardMessages({ parts: reply.parts.slice(0, start) }, options);
  return [...before, answer, ...cardMessages({ parts: rest as ReplyPart[] }, { notify: false })];
}

/**
 * A reply of plain text that @-mentions people (a reminder) is one message activity, as a person
 * would write it: `<at>name</at>` in the text and a mention entity per person, so Teams notifies
 * them. Replies with anything else stay cards (which carry their mentions in msteams.entities).
 */
function mentionMessage(reply: Reply): Activity | undefined {
  if (!reply.parts.some((p) => p.kind === "mention") || !reply.parts.every((p) => p.kind === "mention" || p.kind === "text")) return undefined;
  const entities: ReturnType<typeof mentionEntity>[] = [];
  const plain = (text: string) => text.replace(/</g, "‹").replace(/>/g, "›");
  const lines = reply.parts.map((part) => {
    if (part.kind === "text") return plain(part.text);
    if (part.kind !== "mention") return "";
    const entity = mentionEntity(part.person);
    entities.push(entity);
    return `${plain(part.before)}${entity.text}${plain(part.after)}`;
  });
  return Activity.fromObject({
    type: ActivityTypes.Message,
    text: lines.join("\n\n"),
    textFormat: "markdown",
    summary: fallbackText(reply),
    entities,
  });
}

function cardMessages(reply: Reply, options: TeamsMessageOptions): Activity[] {
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
