import type { types as SlackTypes } from "@slack/bolt";
import type { IncomingAction } from "../../bot/incoming.js";
import {
  checklistButtonLabel,
  checklistItemMeta,
  checklistMark,
  numberedItem,
  checklistStateName,
  checklistStatusLine,
  checklistTargets,
  DETAILS_BUTTON_LABEL,
  OWNER_BUTTON_LABEL,
} from "../../bot/checklistText.js";
import {
  assertNever,
  type ChecklistItem,
  type FormField,
  type MentionedPerson,
  type Reply,
  type ReplyAction,
  type ReplyChoice,
  type ReplyPart,
  type SourceCitation,
} from "../../bot/reply.js";
import { feedbackValue, FEEDBACK_ACTION } from "../../handlers/ask/askHandler.js";
import { sourceTitle } from "../../bot/sourceTitle.js";
import { SLACK_LIMITS, blocksTextLength } from "./slackLimits.js";

/**
 * Renders the platform-neutral Reply as Slack Block Kit messages.
 *
 * Conventions the Slack surface relies on:
 * - action_id of every interactive element is `${ourActionId}|${n}` (n = position in the
 *   message, so ids are unique even when two buttons share our id, e.g. the two feedback
 *   buttons). `decodeSlackActionId` strips the suffix.
 * - Form inputs live in input blocks with block_id `wf|<formId>|<fieldId>|<n>` (formId and
 *   fieldId URI-encoded, so they never contain "|"); their elements have action_id `field|<n>`.
 *   The submit button sits in an actions block with block_id `ws|<formId>|<n>`, its value is the
 *   formId. `formFieldsFromSlackState` reads `state.values` with these ids.
 * - A form always stays within one message, because Slack only sends the state of the message
 *   whose button was clicked.
 */

export type KnownBlock = SlackTypes.KnownBlock;
type Button = SlackTypes.Button;
type StaticSelect = SlackTypes.StaticSelect;
type PlainTextOption = SlackTypes.PlainTextOption;
type InputBlock = SlackTypes.InputBlock;
type SectionBlock = SlackTypes.SectionBlock;

export interface SlackMessage {
  /** Plain-text fallback for notifications and screen readers (Dutch, ≤ 3000 chars). */
  text: string;
  blocks: KnownBlock[];
}

/** Max citations per Slack message, so a long source list stays readable. */
export const SLACK_SOURCES_PER_MESSAGE = 10;
/** Choice lists up to this size are buttons; longer ones a select menu. */
const MAX_CHOICE_BUTTONS = 5;

const FORM_INPUT_BLOCK = "wf";
const FORM_SUBMIT_BLOCK = "ws";
const FORM_INPUT_ACTION = "field";

/** Blocks that must share one message; the packer never splits a unit. */
interface Unit {
  blocks: KnownBlock[];
  /** Plain text for the notification fallback (unescaped). */
  fallback: string;
  sources: number;
  /** Titles: move along to the next message rather than end a message. */
  keepWithNext?: boolean;
  /** Prepended when this unit opens a new message in the middle of its part ("… (vervolg)"). */
  continuation?: Unit;
}

export function renderSlackMessages(reply: Reply): SlackMessage[] {
  const units = reply.parts.flatMap(renderPart);
  return pack(units).map(finalize);
}

function renderPart(part: ReplyPart): Unit[] {
  switch (part.kind) {
    case "text":
      return splitText(part.text, SLACK_LIMITS.sectionText, mrkdwnLength).map((chunk) => ({
        blocks: [section(toMrkdwn(chunk))],
        fallback: stripEmphasis(chunk),
        sources: 0,
      }));
    case "heading":
      return [headingUnit(part.text)];
    case "mention":
      return [mentionUnit(part.person, part.before, part.after)];
    case "notice":
      return noticeUnits(part.level, part.text);
    case "sources":
      return sourcesUnits(part.title, part.sources);
    case "actions":
      return chunk(part.actions, SLACK_LIMITS.actionsElements).map((actions) => ({
        blocks: [{ type: "actions", elements: actions.map(actionButton) }],
        fallback: "",
        sources: 0,
      }));
    case "choices":
      return choicesUnits(part.prompt, part.actionId, part.choices);
    case "checklist":
      return checklistUnits(part);
    case "form":
      return formUnits(part.formId, part.title, part.submitActionId, part.submitLabel, part.fields, part.description, part.cancel);
    case "feedback":
      return [feedbackUnit(part.answerId)];
    default:
      return assertNever(part);
  }
}

function headingUnit(text: string): Unit {
  const plain = stripEmphasis(text).replace(/\s+/g, " ").trim();
  if (plain.length === 0) return { blocks: [], fallback: "", sources: 0 };
  if (plain.length <= SLACK_LIMITS.headerText) {
    return { blocks: [{ type: "header", text: plainText(plain) }], fallback: plain, sources: 0, keepWithNext: true };
  }
  // Too long for a header block: a bold section shows all of it.
  return {
    blocks: splitText(plain, SLACK_LIMITS.sectionText - 2, escapedLength).map((c) => section(bold(escapeMrkdwn(c)))),
    fallback: plain,
    sources: 0,
    keepWithNext: true,
  };
}

/** Slack user ids (U… and, in Enterprise Grid, W…): anything else is shown as the name only. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
/** Brackets a user id in a unit's plain fallback; finalize() swaps it for `<@U…>` after escaping. */
const MENTION_OPEN = "\uE000";
const MENTION_CLOSE = "\uE001";
const FALLBACK_MENTION = /\uE000([UW][A-Z0-9]{2,})\uE001/g;
const noMarkers = (text: string) => text.replace(/[\uE000\uE001]/g, "");

/**
 * Text around Slack's `<@U…>`, in a section and in the notification text, so the person is
 * notified. An id that is not a Slack user id (a record from elsewhere) shows the name instead.
 */
function mentionUnit(person: MentionedPerson, before: string, after: string): Unit {
  const id = person.userId;
  const isUser = SLACK_USER_ID.test(id);
  const name = person.name.trim() || id;
  const tag = isUser ? `<@${id}>` : escapeMrkdwn(name);
  const head = limit(noMarkers(before), 500);
  const tail = limit(noMarkers(after), SLACK_LIMITS.sectionText - escapedLength(head) - tag.length - 20);
  return {
    blocks: [section(`${escapeMrkdwn(head)}${tag}${escapeMrkdwn(tail)}`)],
    fallback: `${head}${isUser ? `${MENTION_OPEN}${id}${MENTION_CLOSE}` : name}${tail}`,
    sources: 0,
  };
}

function noticeUnits(level: "info" | "warning", text: string): Unit[] {
  const icon = level === "warning" ? "⚠️" : "ℹ️";
  const prefix = `${icon} `;
  return splitText(text, SLACK_LIMITS.sectionText - prefix.length, mrkdwnLength).map((piece, i) => {
    const shown = `${i === 0 ? prefix : ""}${toMrkdwn(piece)}`;
    // Warnings are a full-size section; info is secondary, so the smaller context block.
    const block: KnownBlock =
      level === "warning" ? section(shown) : { type: "context", elements: [{ type: "mrkdwn", text: shown }] };
    return { blocks: [block], fallback: `${i === 0 ? prefix : ""}${stripEmphasis(piece)}`, sources: 0 };
  });
}

function sourcesUnits(title: string, sources: SourceCitation[]): Unit[] {
  const titleText = title.trim() || "Bronnen";
  const heading = (text: string): Unit => ({ blocks: [section(bold(escapeMrkdwn(text)))], fallback: text, sources: 0, keepWithNext: true });
  if (sources.length === 0) return [];
  const continuation = heading(`${titleText} (vervolg)`);
  return [
    heading(titleText),
    ...sources.flatMap((source, i) => {
      const [first, ...rest] = sourceUnits(source);
      return [{ ...first!, ...(i > 0 ? { continuation } : {}) }, ...rest];
    }),
  ];
}

/**
 * One context block per source: "*[n] Short title* — section" and the quote in italics, in
 * Slack's small secondary type so the answer above stays the main thing. A (rare) quote too long
 * for one text object continues in further context blocks.
 */
function sourceUnits(source: SourceCitation): Unit[] {
  const label = `[${source.n}] ${sourceTitle(source)}`;
  const where = source.section.trim();
  const line = `${bold(escapeMrkdwn(label))}${where ? ` — ${escapeMrkdwn(where)}` : ""}`;
  const fallback = `${label}${where ? ` — ${where}` : ""}`;
  const quote = source.quote.replace(/\s+/g, " ").trim();
  const context = (text: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text }] });
  if (!quote) return [{ blocks: [context(line)], fallback, sources: 1 }];
  const whole = `${line}\n${italic(escapeMrkdwn(`“${quote}”`))}`;
  if (whole.length <= SLACK_LIMITS.textObject) return [{ blocks: [context(whole)], fallback, sources: 1 }];
  const quoteBlocks = splitText(`“${quote}”`, SLACK_LIMITS.textObject - 2, escapedLength).map((c) => context(italic(escapeMrkdwn(c))));
  return [
    { blocks: [context(line), ...quoteBlocks.slice(0, 2)], fallback, sources: 1 },
    ...quoteBlocks.slice(2).map((b): Unit => ({ blocks: [b], fallback: "", sources: 0 })),
  ];
}

/** Under every answer: where it comes from, in one line, and Slack's own 👍 / 👎 element. */
export const SLACK_ANSWER_FOOTER = "Antwoord uit de plandocumenten, met de bron erbij. Twijfel je? Lees de bron na.";

function feedbackUnit(answerId: string): Unit {
  const button = (emoji: string, label: string, rating: "useful" | "not_useful") => ({
    text: plainText(emoji),
    value: feedbackValue(answerId, rating),
    accessibility_label: label,
  });
  return {
    blocks: [
      { type: "context", elements: [{ type: "mrkdwn", text: SLACK_ANSWER_FOOTER }] },
      {
        type: "context_actions",
        elements: [
          {
            type: "feedback_buttons",
            action_id: FEEDBACK_ACTION,
            positive_button: button("👍", "Nuttig", "useful"),
            negative_button: button("👎", "Niet nuttig", "not_useful"),
          },
        ],
      },
    ],
    fallback: "",
    sources: 0,
  };
}

function choicesUnits(prompt: string, actionId: string, choices: ReplyChoice[]): Unit[] {
  const longLabels = choices.some((c) => c.label.trim().length > SLACK_LIMITS.buttonText);
  // Button and option texts max out at 75 characters: then list the labels in full above them.
  const numbered = (c: ReplyChoice, i: number): string => (longLabels ? `${i + 1}. ${c.label.trim()}` : c.label.trim());
  const promptText = longLabels ? `${prompt.trim()}\n${choices.map(numbered).join("\n")}` : prompt.trim();
  const promptUnits = splitText(promptText, SLACK_LIMITS.sectionText, mrkdwnLength).map(
    (c): Unit => ({ blocks: [section(toMrkdwn(c))], fallback: stripEmphasis(c), sources: 0 }),
  );
  const lastPrompt = promptUnits.at(-1);
  if (lastPrompt) lastPrompt.keepWithNext = true;
  const continuation: Unit = {
    blocks: [section(toMrkdwn(`${limit(prompt.trim() || "Keuze", 200)} (vervolg)`))],
    fallback: "",
    sources: 0,
  };
  const controls = (elements: (Button | StaticSelect)[][]): Unit[] =>
    elements.map((group, i) => ({ blocks: [{ type: "actions", elements: group }], fallback: "", sources: 0, ...(i > 0 ? { continuation } : {}) }));

  const useSelect =
    choices.length > MAX_CHOICE_BUTTONS && choices.every((c) => c.value.length > 0 && c.value.length <= SLACK_LIMITS.optionValue);
  if (!useSelect) {
    const buttons = choices.map((c, i) => actionButton({ id: actionId, label: numbered(c, i), value: c.value }));
    return [...promptUnits, ...controls(chunk(buttons, SLACK_LIMITS.actionsElements))];
  }
  const groups = chunk(choices.map((c, i) => ({ c, i })), SLACK_LIMITS.selectOptions);
  const selects = groups.map(
    (group, g): StaticSelect => ({
      type: "static_select",
      action_id: actionId,
      placeholder: plainText(groups.length > 1 ? `Kies een optie (${g + 1}/${groups.length})` : "Kies een optie"),
      options: group.map(({ c, i }): PlainTextOption => ({ text: plainText(limit(numbered(c, i), SLACK_LIMITS.optionText)), value: c.value })),
    }),
  );
  // The common case, one select under a short prompt: the select sits beside the prompt.
  if (selects.length === 1 && promptUnits.length === 1) {
    const block = promptUnits[0]!.blocks[0] as SectionBlock;
    return [{ blocks: [{ ...block, accessory: selects[0]! }], fallback: promptUnits[0]!.fallback, sources: 0 }];
  }
  return [...promptUnits, ...controls(chunk(selects, SLACK_LIMITS.actionsElements))];
}

/**
 * One section per item (mark, label, who has it, who changed it when, note) and, while the
 * checklist is open, an actions block with one button per target state plus "Ik pak dit op".
 * Buttons carry the target state, never a toggle: a double press or two people at once are
 * harmless. Rather than `checkboxes`: a checkbox group reports the whole selected set (to be
 * diffed against a message others changed meanwhile) and cannot show who did what.
 */
function checklistUnits(part: Extract<ReplyPart, { kind: "checklist" }>): Unit[] {
  const titleText = part.title.trim() || "Checklist";
  const status = checklistStatusLine(part);
  const head: Unit = {
    blocks: [section(bold(escapeMrkdwn(titleText))), { type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(limit(status, SLACK_LIMITS.sectionText)) }] }],
    fallback: `${titleText} (${status})`,
    sources: 0,
    keepWithNext: part.items.length > 0,
  };
  const continuation: Unit = { blocks: [section(bold(escapeMrkdwn(`${titleText} (vervolg)`)))], fallback: "", sources: 0 };
  return [head, ...part.items.map((item, i): Unit => ({ ...checklistItemUnit(part, item, i), ...(i > 0 ? { continuation } : {}) }))];
}

function checklistItemUnit(part: Extract<ReplyPart, { kind: "checklist" }>, item: ChecklistItem, index: number): Unit {
  const mark = checklistMark(item.state);
  const meta = checklistItemMeta(item);
  const extra = [meta ? italic(escapeMrkdwn(meta)) : "", item.note ? `Notitie: ${escapeMrkdwn(item.note)}` : ""].filter(Boolean).join("\n");
  const tail = extra ? `\n${extra}` : "";
  const label = item.state === "nvt" ? `~${numberedItem(index, item.label)}~` : numberedItem(index, item.label);
  const pieces = splitText(`${mark} ${label}`, SLACK_LIMITS.sectionText - tail.length, mrkdwnLength);
  const texts = pieces.map((p, j) => `${toMrkdwn(p)}${j === pieces.length - 1 ? tail : ""}`);
  const blocks: KnownBlock[] = texts.map(section);
  if (part.status === "open") {
    const buttons: Button[] = checklistTargets(item.state).map((state) => ({
      type: "button",
      action_id: part.setStateActionId,
      text: plainText(checklistButtonLabel(state)),
      value: `${part.checklistId}:${item.id}:${state}`,
      ...(state === "done" ? { style: "primary" as const } : {}),
    }));
    if (part.ownerActionId && !item.owner && item.state === "open") {
      buttons.push({ type: "button", action_id: part.ownerActionId, text: plainText(OWNER_BUTTON_LABEL), value: `${part.checklistId}:${item.id}` });
    }
    // Owner, reminder time and note: a modal (views.open with the press's trigger_id).
    if (part.detailsActionId) {
      buttons.push({ type: "button", action_id: part.detailsActionId, text: plainText(DETAILS_BUTTON_LABEL), value: `${part.checklistId}:${item.id}` });
    }
    blocks.push({ type: "actions", elements: buttons });
  }
  return {
    blocks,
    fallback: `${mark} ${numberedItem(index, item.label)} (${checklistStateName(item.state)})${meta ? ` — ${meta}` : ""}`,
    sources: 0,
  };
}

/**
 * Title, one input block per field and the submit button, in one unit. Only a form that cannot
 * fit one message (more than ~47 fields or ~10,000 characters) is split into parts, each with its
 * own submit button that sends only its own fields.
 */
function formUnits(
  formId: string,
  title: string,
  submitActionId: string,
  submitLabel: string,
  fields: FormField[],
  description?: string,
  cancel?: ReplyAction,
): Unit[] {
  const titleText = title.trim() || "Formulier";
  const intro = description?.trim() ? splitText(description.trim(), SLACK_LIMITS.sectionText, mrkdwnLength).map((c) => section(toMrkdwn(c))) : undefined;
  const label = limit(submitLabel.trim() || "Versturen", SLACK_LIMITS.buttonText);
  const fieldBlocks = fields.map((field) => formFieldBlocks(formId, field));
  const parts: KnownBlock[][][] = [];
  let current: KnownBlock[][] = [];
  let blocks = 0;
  let chars = 0;
  // The title, submit and cancel blocks of each part, and the description of the first.
  const reserve = 3 + (intro?.length ?? 0);
  const maxChars =
    SLACK_LIMITS.messageBlockText - blocksTextLength([section(bold(escapeMrkdwn(titleText))), ...(intro ?? [])]) - label.length - (cancel?.label.length ?? 0) - 50;
  for (const fb of fieldBlocks) {
    const size = blocksTextLength(fb);
    if (current.length > 0 && (blocks + fb.length + reserve > SLACK_LIMITS.blocksPerMessage || chars + size > maxChars)) {
      parts.push(current);
      current = [];
      blocks = 0;
      chars = 0;
    }
    current.push(fb);
    blocks += fb.length;
    chars += size;
  }
  parts.push(current);
  return parts.map((part, i) => {
    const suffix = parts.length > 1 ? ` (deel ${i + 1}/${parts.length})` : "";
    const submit: Button = {
      type: "button",
      action_id: submitActionId,
      text: plainText(limit(`${label}${suffix}`, SLACK_LIMITS.buttonText)),
      style: "primary",
      value: formId,
    };
    return {
      blocks: [
        section(bold(escapeMrkdwn(`${titleText}${suffix}`))),
        ...(i === 0 && intro ? intro : []),
        ...part.flat(),
        { type: "actions", block_id: `${FORM_SUBMIT_BLOCK}|${encodeURIComponent(formId)}`, elements: [submit] },
        // Outside the submit block: a press sends no fields.
        ...(cancel ? [{ type: "actions" as const, elements: [actionButton(cancel)] }] : []),
      ],
      fallback: `${titleText}${suffix}`,
      sources: 0,
    };
  });
}

function formFieldBlocks(formId: string, field: FormField): KnownBlock[] {
  const blockId = `${FORM_INPUT_BLOCK}|${encodeURIComponent(formId)}|${encodeURIComponent(field.id)}`;
  const label = plainText(limit(field.label.trim() || field.id, SLACK_LIMITS.inputLabel));
  const placeholder = field.placeholder?.trim() ? plainText(limit(field.placeholder.trim(), SLACK_LIMITS.placeholder)) : undefined;
  const before: KnownBlock[] = [];
  let element: InputBlock["element"];
  switch (field.kind) {
    case "text":
    case "multiline": {
      const value = field.value ?? "";
      // Slack inputs hold at most 3000 characters; a longer pre-filled value is shown above instead of cut.
      const prefill = value.length > 0 && value.length <= SLACK_LIMITS.plainTextInputLength;
      if (value.length > SLACK_LIMITS.plainTextInputLength) {
        before.push(...splitText(`Voorstel voor ${field.label.trim()}:\n${value}`, SLACK_LIMITS.sectionText, mrkdwnLength).map((c) => section(toMrkdwn(c))));
      }
      element = {
        type: "plain_text_input",
        action_id: FORM_INPUT_ACTION,
        multiline: field.kind === "multiline",
        max_length: Math.min(field.maxLength ?? SLACK_LIMITS.plainTextInputLength, SLACK_LIMITS.plainTextInputLength),
        ...(placeholder ? { placeholder } : {}),
        ...(prefill ? { initial_value: value } : {}),
      };
      break;
    }
    case "choice": {
      const options = (field.options ?? []).map((o): PlainTextOption => ({ text: plainText(limit(o.label.trim() || o.value, SLACK_LIMITS.optionText)), value: o.value }));
      const initial = options.find((o) => o.value === field.value);
      element = {
        type: "static_select",
        action_id: FORM_INPUT_ACTION,
        placeholder: placeholder ?? plainText("Kies een optie"),
        options,
        ...(initial ? { initial_option: initial } : {}),
      };
      break;
    }
    case "person":
      // Slack's own people picker; the value is a user id.
      element = {
        type: "users_select",
        action_id: FORM_INPUT_ACTION,
        placeholder: placeholder ?? plainText("Kies iemand"),
        ...(field.value && SLACK_USER_ID.test(field.value) ? { initial_user: field.value } : {}),
      };
      break;
    default:
      return assertNever(field.kind);
  }
  // Slack does not enforce `optional: false` on a button click in a message: the bot validates.
  const input: InputBlock = {
    type: "input", block_id: blockId, label, optional: !field.required, element,
    // A message has no field errors of its own: the refusal reads as the field's hint.
    ...(field.error ? { hint: plainText(limit(`⚠ ${field.error}`, 2000)) } : {}),
  };
  return [...before, input];
}

function actionButton(action: ReplyAction): Button {
  return {
    type: "button",
    action_id: action.id,
    text: plainText(limit(action.label.trim() || action.id, SLACK_LIMITS.buttonText)),
    ...(action.value !== undefined && action.value !== "" ? { value: action.value } : {}),
    ...(action.style ? { style: action.style } : {}),
  };
}

/** Greedy packing into messages within Slack's block, text and our source limits. */
function pack(units: Unit[]): Unit[][] {
  const messages: Unit[][] = [];
  let current: Unit[] = [];
  let blocks = 0;
  let chars = 0;
  let sources = 0;
  const size = (u: Unit) => ({ blocks: u.blocks.length, chars: blocksTextLength(u.blocks), sources: u.sources });
  const fits = (...us: Unit[]): boolean => {
    const s = us.map(size).reduce((a, b) => ({ blocks: a.blocks + b.blocks, chars: a.chars + b.chars, sources: a.sources + b.sources }));
    return (
      blocks + s.blocks <= SLACK_LIMITS.blocksPerMessage &&
      chars + s.chars <= SLACK_LIMITS.messageBlockText &&
      sources + s.sources <= SLACK_SOURCES_PER_MESSAGE
    );
  };
  const add = (u: Unit): void => {
    current.push(u);
    const s = size(u);
    blocks += s.blocks;
    chars += s.chars;
    sources += s.sources;
  };
  const flush = (): void => {
    if (current.length > 0) messages.push(current);
    current = [];
    blocks = chars = sources = 0;
  };
  const live = units.filter((u) => u.blocks.length > 0);
  live.forEach((unit, i) => {
    const next = live[i + 1];
    const needed = unit.keepWithNext && next && !next.keepWithNext ? [unit, next] : [unit];
    if (current.length > 0 && !fits(...needed)) flush();
    if (current.length === 0 && unit.continuation && fits(unit.continuation, unit)) add(unit.continuation);
    add(unit);
  });
  flush();
  return messages;
}

/** Numbers action_ids and form block_ids within the message and builds the fallback text. */
function finalize(units: Unit[]): SlackMessage {
  let n = 0;
  const blocks = units.flatMap((u) => u.blocks).map((block): KnownBlock => {
    const copy = structuredClone(block);
    const number = (el: { action_id?: string }): void => {
      el.action_id = `${el.action_id ?? "wegwijs"}|${n++}`;
    };
    switch (copy.type) {
      case "actions":
        copy.elements.forEach(number);
        if (copy.block_id) copy.block_id = `${copy.block_id}|${n++}`;
        break;
      case "context_actions":
        copy.elements.forEach(number);
        break;
      case "section":
        if (copy.accessory && "action_id" in copy.accessory) number(copy.accessory);
        break;
      case "input":
        number(copy.element);
        if (copy.block_id) copy.block_id = `${copy.block_id}|${n++}`;
        break;
      default:
        break;
    }
    return copy;
  });
  let plain = units.map((u) => u.fallback.trim()).filter(Boolean).join("\n");
  if (!plain) {
    const labels = blocks.flatMap((b) => (b.type === "actions" ? b.elements.flatMap((e) => (e.type === "button" ? [e.text.text] : [])) : []));
    plain = labels.length > 0 ? `Wegwijs: ${labels.join(" · ")}` : "Bericht van Wegwijs";
  }
  return { text: fallbackText(plain).replace(FALLBACK_MENTION, "<@$1>"), blocks };
}

/** Escaped fallback of at most SLACK_LIMITS.fallbackText characters, cut at a word with "…". */
function fallbackText(plain: string): string {
  const max = SLACK_LIMITS.fallbackText;
  if (escapedLength(plain) <= max) return escapeMrkdwn(plain);
  const [first = ""] = splitText(plain.replace(/\s+/g, " "), max - 1, escapedLength);
  return `${escapeMrkdwn(first)}…`;
}

// ---------------------------------------------------------------------------------------------
// Reading Slack payloads back into IncomingAction.

/** Our action id from a Slack action_id (`${id}|${n}` → id). Ids without a suffix pass unchanged. */
export function decodeSlackActionId(actionId: string): string {
  const match = /^([\s\S]*)\|\d+$/.exec(actionId);
  return match ? match[1]! : actionId;
}

/**
 * Form values from a block_actions payload's `state` (or its `state.values`), by field id.
 * Only input blocks rendered by renderSlackMessages count (block_id `wf|<formId>|<fieldId>|<n>`);
 * with `formId`, only that form's fields. Empty inputs come back as "".
 */
export function formFieldsFromSlackState(state: unknown, formId?: string): Record<string, string> {
  const values = isRecord(state) && isRecord(state.values) ? state.values : isRecord(state) ? state : {};
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const parts = blockId.split("|");
    if (parts[0] !== FORM_INPUT_BLOCK || parts.length < 3 || !isRecord(actions)) continue;
    const form = safeDecode(parts[1]!);
    const field = safeDecode(parts[2]!);
    if (form === undefined || field === undefined || (formId !== undefined && form !== formId)) continue;
    const entry = Object.values(actions).find(isRecord);
    fields[field] = entry ? stateValue(entry) : "";
  }
  return fields;
}

/** The part of a block_actions `actions[]` entry we read. */
export interface SlackActionLike {
  action_id: string;
  block_id?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
}

/**
 * One block_actions action (plus the payload's `state`) as an IncomingAction: buttons give their
 * value, selects the chosen option's value, and a form's submit button also the form's fields.
 */
export function incomingActionFromSlack(action: SlackActionLike, state?: unknown): IncomingAction {
  const id = decodeSlackActionId(action.action_id);
  const value = action.selected_option?.value ?? action.value ?? undefined;
  const blockParts = (action.block_id ?? "").split("|");
  if (blockParts[0] === FORM_SUBMIT_BLOCK && blockParts.length >= 2) {
    const formId = safeDecode(blockParts[1]!) ?? value;
    return { id, ...(formId !== undefined ? { value: formId } : {}), fields: formFieldsFromSlackState(state, formId) };
  }
  return value !== undefined ? { id, value } : { id };
}

function stateValue(entry: Record<string, unknown>): string {
  if (typeof entry.value === "string") return entry.value;
  if (typeof entry.selected_user === "string") return entry.selected_user;
  if (isRecord(entry.selected_option) && typeof entry.selected_option.value === "string") return entry.selected_option.value;
  if (Array.isArray(entry.selected_options)) {
    return entry.selected_options.flatMap((o) => (isRecord(o) && typeof o.value === "string" ? [o.value] : [])).join(",");
  }
  return "";
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Text helpers.

/** Slack's three control characters, escaped as its formatting reference requires. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Our `*emphasis*` becomes Slack's `_emphasis_` (Slack's `*` is bold); &, <, > are escaped. */
export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/\*([^*\n]+)\*/g, (whole, inner: string) => (inner.trim() ? `_${inner.trim()}_` : whole));
}

function stripEmphasis(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, "$1");
}

/** Length after escaping; additive, so splitText can use it. */
function escapedLength(text: string): number {
  let n = text.length;
  for (const ch of text) {
    if (ch === "&") n += 4;
    else if (ch === "<" || ch === ">") n += 3;
  }
  return n;
}
const mrkdwnLength = escapedLength;

/** Bold, unless the text itself contains "*" (which would end the bold early). */
function bold(escaped: string): string {
  return escaped.includes("*") ? escaped : `*${escaped}*`;
}

function italic(escaped: string): string {
  return escaped.includes("_") ? escaped : `_${escaped}_`;
}

function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function plainText(text: string): SlackTypes.PlainTextElement {
  return { type: "plain_text", text, emoji: true };
}

/** For UI labels only (button, option, placeholder): content is split, never cut. */
function limit(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Splits text into chunks whose measured length is at most `max`, preferring paragraph, then
 * line, then sentence, then word boundaries, and cutting inside a word only as a last resort.
 * Used by the Slack and Teams renderers so long answers are split, never truncated.
 *
 * `measure` must be additive (measure(a + b) === measure(a) + measure(b)), e.g. a length that
 * counts escapes. Chunks are trimmed; only whitespace between chunks is dropped. Boundaries never
 * fall inside a `*emphasis*` span unless a hard cut is needed.
 */
export function splitText(text: string, max: number, measure: (s: string) => number = (s) => s.length): string[] {
  if (max < 1) throw new Error("splitText: max must be at least 1");
  const chunks: string[] = [];
  const emphasis = [...text.matchAll(/\*[^*\n]+\*/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const insideEmphasis = (at: number): boolean => emphasis.some(([a, b]) => at > a && at < b);
  const emit = (s: string): void => {
    const trimmed = s.trim();
    if (trimmed.length > 0) chunks.push(trimmed);
  };
  const hardCut = (s: string): void => {
    let acc = "";
    let size = 0;
    for (const ch of s) {
      const w = measure(ch);
      if (size + w > max && acc.length > 0) {
        emit(acc);
        acc = "";
        size = 0;
      }
      acc += ch;
      size += w;
    }
    emit(acc);
  };
  const split = (start: number, end: number, level: number): void => {
    const slice = text.slice(start, end);
    if (measure(slice.trim()) <= max) return emit(slice);
    const pattern = BREAKS[level];
    if (!pattern) return hardCut(slice.trim());
    // Candidate chunk ends: just after each separator that is not inside an emphasis span.
    const bounds: number[] = [];
    for (const m of slice.matchAll(pattern)) {
      const at = start + m.index;
      if (!insideEmphasis(at)) bounds.push(at + m[0].length);
    }
    bounds.push(end);
    let chunkStart = start;
    let lastFit = start;
    for (const bound of bounds) {
      if (measure(text.slice(chunkStart, bound).trim()) <= max) {
        lastFit = bound;
        continue;
      }
      if (lastFit > chunkStart) {
        emit(text.slice(chunkStart, lastFit));
        chunkStart = lastFit;
      }
      if (measure(text.slice(chunkStart, bound).trim()) <= max) {
        lastFit = bound;
      } else {
        split(chunkStart, bound, level + 1);
        chunkStart = bound;
        lastFit = bound;
      }
    }
    if (lastFit > chunkStart) emit(text.slice(chunkStart, lastFit));
  };
  split(0, text.length, 0);
  return chunks;
}

/** Paragraph, line, sentence end, word. */
const BREAKS: RegExp[] = [/\n[ \t]*\n\s*/g, /\n\s*/g, /(?<=[.!?…;:])[ \t]+/g, /[ \t]+/g];
