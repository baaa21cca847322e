import type { IncomingAction } from "../../bot/incoming.js";
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
import { sourceTitle } from "../../bot/sourceTitle.js";
import { splitText } from "../slack/blockKit.js";
import {
  checklistButtonLabel,
  checklistItemMeta,
  checklistMark,
  numberedItem,
  checklistStatusLine,
  checklistTargets,
  DETAILS_BUTTON_LABEL,
  OWNER_BUTTON_LABEL,
} from "../../bot/checklistText.js";

/**
 * Renders the platform-neutral Reply as Adaptive Cards 1.5 for Microsoft Teams.
 *
 * Conventions the Teams surface relies on:
 * - Every button is an Action.Submit with `data: { wegwijs: { id, value } }`; Teams sends it back
 *   as the message activity's `value`, merged with the card's input values.
 *   `incomingActionFromTeamsValue(activity.value)` turns that into an IncomingAction.
 * - A form's submit carries `data.wegwijs = { id: submitActionId, value: formId, fieldIds }`; its
 *   inputs have the form's field ids as `id`. A long choice list's submit carries
 *   `valueFrom: CHOICE_INPUT_ID` (the Input.ChoiceSet's id) instead of `value`.
 * - Action.Submit gathers (and validates) every input in its card, so a card holds at most one
 *   input group (a form, or a long choice list) and ends right after it; all other buttons have
 *   `associatedInputs: "none"` so they never trip a form's required fields.
 * - Send each card as its own message: the size budget is per message.
 */

export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
/**
 * Teams rejects messages over ~28 KB from connectors and workflows ("Request Entity too large";
 * Microsoft Teams connector reference, known limitations). Bots get more (100 KB counted in UTF-16,
 * 80 KB advised, "Format your bot messages"), but we stay within the strictest one.
 */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
/** Card budget: the message limit minus room for the activity envelope (ids, conversation, serviceUrl). */
export const ADAPTIVE_CARD_MAX_BYTES = TEAMS_MESSAGE_LIMIT_BYTES - 4 * 1024;
/** Id of the Input.ChoiceSet of a long choice list (one input group per card, so it is unique). */
export const CHOICE_INPUT_ID = "wegwijsChoice";
/** Choice lists up to this size are buttons; longer ones a compact Input.ChoiceSet. */
const MAX_CHOICE_BUTTONS = 5;
/** Teams renders at most 6 actions per set (host config maxActions); 5 keeps mobile readable. */
const ACTIONS_PER_SET = 5;
/** Characters per TextBlock, so one element always fits a card with room to spare. */
const TEXT_BLOCK_CHARS = 3000;
/** Longest value we let a user type into a form field (same bound as the web chat). */
const INPUT_MAX_LENGTH = 4000;

export interface WegwijsSubmitData {
  id: string;
  value?: string;
  /** Id of the input whose value is the action's value (long choice lists). */
  valueFrom?: string;
  /** Form submits: the field ids to read from the submitted inputs. */
  fieldIds?: string[];
}

export interface SubmitAction {
  type: "Action.Submit" | "Action.Execute";
  title: string;
  style?: "positive" | "destructive";
  associatedInputs: "auto" | "none";
  data: { wegwijs: WegwijsSubmitData; msteams?: { type: "messageBack"; displayText: string; value: { wegwijs: WegwijsSubmitData } } };
  /** Action.Execute only. */
  verb?: string;
  /** Action.Execute only: clients without Universal Actions show this Action.Submit instead. */
  fallback?: SubmitAction;
}

/** The verb of our Action.Execute buttons; the action itself is in `data.wegwijs`. */
export const EXECUTE_VERB = "wegwijs";

export interface RenderOptions {
  /**
   * Buttons as Action.Execute (Universal Actions): the press comes back as an invoke whose
   * response is the refreshed card, so a step is redrawn in place. Used for replies with a slot.
   */
  execute?: boolean;
  /**
   * With `execute`: a form's submit is an Action.Execute too (a form card shown in place of the
   * pressed card, whose answer swaps the refreshed card back in).
   */
  executeInputs?: boolean;
}

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap: true;
  weight?: "Bolder";
  size?: "Small" | "Medium" | "Large";
  style?: "heading";
  color?: "Attention";
  isSubtle?: boolean;
  spacing?: "None" | "Small" | "Medium";
}

export interface Container {
  type: "Container";
  items: CardElement[];
  style?: "emphasis" | "warning";
  spacing?: "Medium";
  separator?: boolean;
}

export interface Column {
  type: "Column";
  width: "auto" | "stretch";
  verticalContentAlignment?: "Center";
  items: CardElement[];
}

export interface ColumnSet {
  type: "ColumnSet";
  columns: Column[];
  spacing?: "Small";
}

export interface ActionSet {
  type: "ActionSet";
  actions: SubmitAction[];
}

export interface InputText {
  type: "Input.Text";
  id: string;
  label: string;
  isRequired: boolean;
  errorMessage?: string;
  placeholder?: string;
  value?: string;
  isMultiline?: boolean;
  maxLength: number;
}

export interface InputChoiceSet {
  type: "Input.ChoiceSet";
  id: string;
  label: string;
  style: "compact";
  choices: { title: string; value: string }[];
  isRequired: boolean;
  errorMessage?: string;
  placeholder?: string;
  value?: string;
  wrap: true;
}

export type CardElement = TextBlock | Container | ColumnSet | ActionSet | InputText | InputChoiceSet;

/** A Teams mention: `text` (`<at>name</at>`) appears in the message or card text. */
export interface MentionEntity {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: "1.5";
  lang: "nl";
  body: CardElement[];
  actions?: SubmitAction[];
  /** Teams' card extensions: the mentions in the card's text. */
  msteams?: { entities: MentionEntity[] };
  /**
   * Universal Actions' automatic refresh: when one of `userIds` (Teams `29:…` ids, at most 60)
   * looks at the card, Teams invokes `action` and shows the card it answers with.
   */
  refresh?: { action: SubmitAction; userIds: string[] };
}

/** Teams refreshes a card automatically for at most this many users. */
export const REFRESH_MAX_USERS = 60;

export interface AdaptiveCardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

/** Wraps a card as a Bot Framework attachment (assignable to @microsoft/agents-activity's Attachment). */
export function adaptiveCardAttachment(card: AdaptiveCard): AdaptiveCardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** Serialized size in UTF-8 bytes, as sent over the wire. */
export function cardSizeBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

/** A run of body elements that stays together in one card. */
interface Segment {
  elements: CardElement[];
  /** Consecutive segments with the same group (by identity) share one Container: a notice, the sources, a checklist. */
  group?: Group;
  /** An input group: the card's actions submit it, and the card ends after it. */
  inputs?: { actions: SubmitAction[] };
  /** Titles: move along to the next card rather than end one. */
  keepWithNext?: boolean;
  /** Prepended when this segment opens a new card in the middle of its part ("… (vervolg)"). */
  continuation?: Segment;
  /** Mentions in this segment's text: the card lists them in msteams.entities. */
  mentions?: MentionEntity[];
}

interface Group {
  style?: Container["style"];
}

export function renderAdaptiveCards(reply: Reply, options: RenderOptions = {}): AdaptiveCard[] {
  const cards = pack(reply.parts.flatMap(renderPart));
  const executed = options.execute ? cards.map((card) => withExecuteActions(card, options.executeInputs === true)) : cards;
  return options.execute ? withRefresh(executed, reply) : executed;
}

/**
 * A shared checklist's card redraws itself for its watchers (the chair and who changed items) when
 * they look at it, in channels and group chats too: Teams calls the refresh action, which answers
 * with the stored state. Only with Universal Actions (execute), on the card that holds the list.
 */
function withRefresh(cards: AdaptiveCard[], reply: Reply): AdaptiveCard[] {
  const part = reply.parts.find((p): p is Extract<ReplyPart, { kind: "checklist" }> => p.kind === "checklist");
  const userIds = [...new Set(part?.watchers ?? [])].filter((id) => id.trim() !== "").slice(0, REFRESH_MAX_USERS);
  if (!part?.refreshActionId || userIds.length === 0 || cards.length === 0) return cards;
  const action: SubmitAction = {
    type: "Action.Execute",
    title: "Vernieuwen",
    verb: EXECUTE_VERB,
    associatedInputs: "none",
    data: { wegwijs: { id: part.refreshActionId, value: part.checklistId } },
  };
  const [first, ...rest] = cards;
  return [{ ...first!, refresh: { action, userIds } }, ...rest];
}

/**
 * Plain buttons become Action.Execute with an Action.Submit fallback (for clients without
 * Universal Actions). A card that the fallbacks would push over the size budget (a long checklist
 * full of notes) goes without them: every current Teams client runs Action.Execute.
 */
function withExecuteActions(card: AdaptiveCard, inputs: boolean): AdaptiveCard {
  const withFallbacks = executeActions(card, inputs, true);
  return cardSizeBytes(withFallbacks) <= ADAPTIVE_CARD_MAX_BYTES ? withFallbacks : executeActions(card, inputs, false);
}

function executeActions(card: AdaptiveCard, inputs: boolean, fallbacks: boolean): AdaptiveCard {
  const convert = (action: SubmitAction): SubmitAction => {
    if (action.type !== "Action.Submit") return action;
    const data = action.data.wegwijs;
    // Buttons that gather inputs (forms, long choice lists) stay Action.Submit unless asked.
    if (action.associatedInputs !== "none" && !inputs) return action;
    // The fallback is the same button as a plain Action.Submit: Teams sends its data as the
    // message's value, which the messages listener reads like any other press.
    return { ...action, type: "Action.Execute", verb: EXECUTE_VERB, ...(fallbacks ? { fallback: { ...action, data: { wegwijs: data } } } : {}) };
  };
  const visit = (element: unknown): unknown => {
    if (Array.isArray(element)) return element.map(visit);
    if (!isRecord(element)) return element;
    if (element.type === "ActionSet" && Array.isArray(element.actions)) return { ...element, actions: (element.actions as SubmitAction[]).map(convert) };
    if (element.type === "Container" && Array.isArray(element.items)) return { ...element, items: element.items.map(visit) };
    return element;
  };
  return { ...card, body: visit(card.body) as AdaptiveCard["body"], ...(card.actions ? { actions: card.actions.map(convert) } : {}) };
}

function renderPart(part: ReplyPart): Segment[] {
  switch (part.kind) {
    case "text":
      return paragraphs(part.text).map((text) => ({ elements: [textBlock(text)] }));
    case "mention": {
      const mention = mentionEntity(part.person);
      return [{ elements: [textBlock(`${escapeCardText(part.before)}${mention.text}${escapeCardText(part.after)}`)], mentions: [mention] }];
    }
    case "heading": {
      const text = stripEmphasis(part.text).replace(/\s+/g, " ").trim();
      if (!text) return [];
      return splitText(text, TEXT_BLOCK_CHARS).map((t) => ({
        elements: [{ type: "TextBlock", text: t, wrap: true, weight: "Bolder", size: "Large", style: "heading" }],
        keepWithNext: true,
      }));
    }
    case "notice": {
      const icon = part.level === "warning" ? "⚠️" : "ℹ️";
      const group: Group = { style: part.level === "warning" ? "warning" : "emphasis" };
      return paragraphs(part.text).map((text, i) => ({ elements: [textBlock(i === 0 ? `${icon} ${text}` : text)], group }));
    }
    case "sources":
      return sourcesSegments(part.title, part.sources);
    case "actions":
      return chunk(part.actions, ACTIONS_PER_SET).map((actions) => ({ elements: [{ type: "ActionSet", actions: actions.map(submitAction) }] }));
    case "choices":
      return choicesSegments(part.prompt, part.actionId, part.choices);
    case "checklist":
      return checklistSegments(part);
    case "form":
      return formSegments(part);
    case "feedback":
      // Teams' own 👍 / 👎 (the feedback loop) sits on the answer message, not in a card: teamsReplies.ts.
      return [];
    default:
      return assertNever(part);
  }
}

/**
 * Teams' mention of one person: `<at>name</at>` in the text plus this entity. The id is the one
 * Teams gives as `from.id` (29:…) when known, else the Entra object id, which Teams also accepts.
 */
export function mentionEntity(person: MentionedPerson): MentionEntity {
  const name = person.name.replace(/[<>]/g, "").trim() || "collega";
  return { type: "mention", text: `<at>${name}</at>`, mentioned: { id: person.platformId ?? person.userId, name } };
}

/** Plain text inside card markdown: no stray tags (a mention's `<at>` is the only one we write). */
function escapeCardText(text: string): string {
  return text.replace(/</g, "‹").replace(/>/g, "›");
}

function sourcesSegments(title: string, sources: SourceCitation[]): Segment[] {
  if (sources.length === 0) return [];
  const titleText = title.trim() || "Bronnen";
  const group: Group = {};
  const heading = (text: string): Segment => ({
    elements: [{ type: "TextBlock", text, wrap: true, weight: "Bolder", size: "Medium", style: "heading" }],
    group,
    keepWithNext: true,
  });
  const continuation = heading(`${titleText} (vervolg)`);
  return [
    heading(titleText),
    ...sources.map((source, i): Segment => {
      const where = source.section.trim();
      const label = `**[${source.n}] ${sourceTitle(source).replace(/\*/g, "")}**${where ? ` — ${where}` : ""}`;
      const quote = source.quote.replace(/\s+/g, " ").trim();
      const quoteBlocks = quote
        ? splitText(`“${quote}”`, TEXT_BLOCK_CHARS).map(
            (q): TextBlock => ({ type: "TextBlock", text: q.includes("_") ? q : `_${q}_`, wrap: true, isSubtle: true, spacing: "None" }),
          )
        : [];
      return { elements: [{ ...textBlock(label), spacing: "Small" }, ...quoteBlocks], group, ...(i > 0 ? { continuation } : {}) };
    }),
  ];
}

function choicesSegments(prompt: string, actionId: string, choices: ReplyChoice[]): Segment[] {
  const promptText = prompt.trim();
  if (choices.length <= MAX_CHOICE_BUTTONS) {
    const buttons: Segment = {
      elements: [{ type: "ActionSet", actions: choices.map((c) => submitAction({ id: actionId, label: c.label, value: c.value })) }],
    };
    const promptSegments = paragraphs(promptText).map((t): Segment => ({ elements: [textBlock(t)], keepWithNext: true }));
    return choices.length > 0 ? [...promptSegments, buttons] : promptSegments;
  }
  // A long list: one compact dropdown plus a submit; split over cards only if it cannot fit one.
  return fitInputGroups(choices, (group, index, total) => {
    const suffix = total > 1 ? ` (deel ${index + 1}/${total})` : "";
    const input: InputChoiceSet = {
      type: "Input.ChoiceSet",
      id: CHOICE_INPUT_ID,
      label: `${promptText || "Maak een keuze"}${suffix}`,
      style: "compact",
      choices: group.map((c) => ({ title: c.label.trim() || c.value, value: c.value })),
      isRequired: true,
      errorMessage: "Kies een optie.",
      placeholder: "Kies een optie",
      wrap: true,
    };
    return {
      elements: [input],
      inputs: {
        actions: [
          { type: "Action.Submit", title: "Kiezen", style: "positive", associatedInputs: "auto", data: { wegwijs: { id: actionId, valueFrom: CHOICE_INPUT_ID } } },
        ],
      },
    };
  });
}

/**
 * One block per item: mark and label, who has it and who changed it when, the note, and (while
 * open) an ActionSet with one button per target state plus "Ik pak dit op". The ActionSet sits
 * directly in the segment, not in a ColumnSet, so replies with a slot turn its buttons into
 * Action.Execute and the invoke response redraws the card. Each button sends exactly one change,
 * { id: setStateActionId, value: "<checklistId>:<itemId>:<state>" }: never a toggle, never the
 * whole card, so people pressing at once cannot overwrite each other.
 */
function checklistSegments(part: Extract<ReplyPart, { kind: "checklist" }>): Segment[] {
  const titleText = part.title.trim() || "Checklist";
  const group: Group = {};
  const head: Segment = {
    elements: [
      { type: "TextBlock", text: titleText, wrap: true, weight: "Bolder", size: "Medium", style: "heading" },
      { type: "TextBlock", text: checklistStatusLine(part), wrap: true, isSubtle: true, spacing: "None" },
    ],
    group,
    keepWithNext: part.items.length > 0,
  };
  const continuation: Segment = {
    elements: [{ type: "TextBlock", text: `${titleText} (vervolg)`, wrap: true, weight: "Bolder", size: "Medium", style: "heading" }],
    group,
  };
  return [
    head,
    ...part.items.map((item, i): Segment => {
      const meta = checklistItemMeta(item);
      const elements: CardElement[] = [
        ...splitText(`${checklistMark(item.state)} ${numberedItem(i, item.label)}`, TEXT_BLOCK_CHARS).map((t, j) => ({ ...textBlock(toMarkdown(t)), ...(j === 0 ? { separator: true, spacing: "Small" } : {}) }) as TextBlock),
        ...(meta ? [{ type: "TextBlock", text: meta, wrap: true, isSubtle: true, size: "Small", spacing: "None" } as TextBlock] : []),
        ...(item.note ? [{ type: "TextBlock", text: `Notitie: ${item.note}`, wrap: true, size: "Small", spacing: "None" } as TextBlock] : []),
      ];
      if (part.status === "open") {
        const actions = checklistTargets(item.state).map((state) =>
          submitAction({ id: part.setStateActionId, label: checklistButtonLabel(state), value: `${part.checklistId}:${item.id}:${state}`, ...(state === "done" ? { style: "primary" as const } : {}) }),
        );
        if (part.ownerActionId && !item.owner && item.state === "open") {
          actions.push(submitAction({ id: part.ownerActionId, label: OWNER_BUTTON_LABEL, value: `${part.checklistId}:${item.id}` }));
        }
        // Owner, reminder and note: answered with a form card that only the presser sees in place
        // of this one (per-item inputs in every card would not fit Teams' message size).
        if (part.detailsActionId) actions.push(submitAction({ id: part.detailsActionId, label: DETAILS_BUTTON_LABEL, value: `${part.checklistId}:${item.id}` }));
        elements.push({ type: "ActionSet", actions } as CardElement);
      }
      return { elements, group, ...(i > 0 ? { continuation } : {}) };
    }),
  ];
}

function formSegments(part: Extract<ReplyPart, { kind: "form" }>): Segment[] {
  const { formId, title, submitActionId, submitLabel, fields, description, cancel } = part;
  const titleText = title.trim() || "Formulier";
  const label = submitLabel.trim() || "Versturen";
  return fitInputGroups(fields, (group, index, total) => {
    const suffix = total > 1 ? ` (deel ${index + 1}/${total})` : "";
    return {
      elements: [
        { type: "TextBlock", text: `${titleText}${suffix}`, wrap: true, weight: "Bolder", size: "Medium", style: "heading" },
        ...(index === 0 && description?.trim() ? paragraphs(description.trim()).map(textBlock) : []),
        ...group.flatMap((field) => [
          formInput(field),
          // The refusal of the last submit, right under its field.
          ...(field.error ? [{ type: "TextBlock" as const, text: field.error, wrap: true as const, color: "Attention" as const, size: "Small" as const }] : []),
        ]),
      ],
      inputs: {
        actions: [
          {
            type: "Action.Submit",
            title: `${label}${suffix}`,
            style: "positive",
            associatedInputs: "auto",
            data: { wegwijs: { id: submitActionId, value: formId, fieldIds: group.map((f) => f.id) } },
          },
          ...(cancel ? [submitAction(cancel)] : []),
        ],
      },
    };
  });
}

function formInput(field: FormField): InputText | InputChoiceSet {
  const label = field.label.trim() || field.id;
  const placeholder = field.placeholder?.trim() || undefined;
  switch (field.kind) {
    case "person":
      // Teams has no people picker in cards for bots: the people known to be in the conversation.
      if ((field.options?.length ?? 0) > 0) return formInput({ ...field, kind: "choice", placeholder: placeholder ?? "Kies iemand" });
      return formInput({ ...field, kind: "text" });
    case "text":
    case "multiline":
      return {
        type: "Input.Text",
        id: field.id,
        label,
        isRequired: field.required,
        ...(field.required ? { errorMessage: `Vul ${label} in.` } : {}),
        ...(placeholder ? { placeholder } : {}),
        ...(field.value ? { value: field.value } : {}),
        ...(field.kind === "multiline" ? { isMultiline: true } : {}),
        maxLength: Math.min(field.maxLength ?? INPUT_MAX_LENGTH, INPUT_MAX_LENGTH),
      };
    case "choice": {
      const choices = (field.options ?? []).map((o) => ({ title: o.label.trim() || o.value, value: o.value }));
      const value = choices.some((c) => c.value === field.value) ? field.value : undefined;
      return {
        type: "Input.ChoiceSet",
        id: field.id,
        label,
        style: "compact",
        choices,
        isRequired: field.required,
        ...(field.required ? { errorMessage: `Kies een optie bij ${label}.` } : {}),
        placeholder: placeholder ?? "Kies een optie",
        ...(value !== undefined ? { value } : {}),
        wrap: true,
      };
    }
    default:
      return assertNever(field.kind);
  }
}

/**
 * Splits items of an input group (form fields, choices) into as few groups as needed for each
 * card to stay within ADAPTIVE_CARD_MAX_BYTES; normally that is one group.
 */
function fitInputGroups<T>(items: T[], build: (group: T[], index: number, total: number) => Segment): Segment[] {
  const fits = (group: T[]): boolean => cardSizeBytes(buildCard([build(group, 98, 99)])) <= ADAPTIVE_CARD_MAX_BYTES;
  if (fits(items)) return [build(items, 0, 1)];
  const groups: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length > 0 && !fits([...current, item])) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((g, i) => build(g, i, groups.length));
}

function submitAction(action: ReplyAction): SubmitAction {
  return {
    type: "Action.Submit",
    title: action.label.trim() || action.id,
    ...(action.style === "primary" ? { style: "positive" as const } : action.style === "danger" ? { style: "destructive" as const } : {}),
    // Never gather (or validate) inputs: a form elsewhere in the card must not block this button.
    associatedInputs: "none",
    data: { wegwijs: { id: action.id, ...(action.value !== undefined ? { value: action.value } : {}) } },
  };
}

/** Greedy packing into cards within the size budget; an input group ends its card. */
function pack(segments: Segment[]): AdaptiveCard[] {
  const cards: Segment[][] = [];
  let current: Segment[] = [];
  const fits = (...more: Segment[]): boolean => cardSizeBytes(buildCard([...current, ...more])) <= ADAPTIVE_CARD_MAX_BYTES;
  const flush = (): void => {
    if (current.length > 0) cards.push(current);
    current = [];
  };
  const live = segments.filter((s) => s.elements.length > 0);
  live.forEach((segment, i) => {
    const next = live[i + 1];
    const needed = segment.keepWithNext && next && !next.keepWithNext ? [segment, next] : [segment];
    if (current.length > 0 && !fits(...needed)) flush();
    if (current.length === 0 && segment.continuation && fits(segment.continuation, segment)) current.push(segment.continuation);
    current.push(segment);
    if (segment.inputs) flush();
  });
  flush();
  return cards.map(buildCard);
}

function buildCard(segments: Segment[]): AdaptiveCard {
  const body: CardElement[] = [];
  let openGroup: { group: Group; container: Container } | undefined;
  const actions: SubmitAction[] = [];
  const mentions: MentionEntity[] = [];
  for (const segment of segments) {
    if (segment.inputs) actions.push(...segment.inputs.actions);
    if (segment.mentions) mentions.push(...segment.mentions);
    if (!segment.group) {
      openGroup = undefined;
      body.push(...segment.elements);
      continue;
    }
    if (openGroup?.group !== segment.group) {
      const container: Container = {
        type: "Container",
        items: [],
        ...(segment.group.style ? { style: segment.group.style } : {}),
        spacing: "Medium",
      };
      body.push(container);
      openGroup = { group: segment.group, container };
    }
    openGroup.container.items.push(...structuredClone(segment.elements));
  }
  return {
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: "1.5",
    lang: "nl",
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(mentions.length > 0 ? { msteams: { entities: mentions } } : {}),
  };
}

/**
 * The IncomingAction behind an Action.Submit: `value` is the message activity's value (our data
 * merged with the card's input values by Teams). Undefined when it is not one of our actions.
 */
export function incomingActionFromTeamsValue(value: unknown): IncomingAction | undefined {
  // An Action.Submit fallback with messageBack sends msteams.value; some clients send the data.
  if (isRecord(value) && isRecord(value.msteams) && isRecord(value.msteams.value) && !isRecord(value.wegwijs)) value = value.msteams.value;
  if (!isRecord(value) || !isRecord(value.wegwijs)) return undefined;
  const data = value.wegwijs;
  if (typeof data.id !== "string" || data.id.length === 0) return undefined;
  const action: IncomingAction = { id: data.id };
  if (typeof data.valueFrom === "string") {
    const chosen = value[data.valueFrom];
    if (typeof chosen === "string" && chosen !== "") action.value = chosen;
  } else if (typeof data.value === "string") {
    action.value = data.value;
  }
  if (Array.isArray(data.fieldIds)) {
    const fields: Record<string, string> = {};
    for (const id of data.fieldIds) {
      if (typeof id !== "string" || id === "wegwijs") continue;
      const submitted = value[id];
      // Teams leaves out (or sends "") inputs the user left empty; both become "".
      fields[id] = typeof submitted === "string" ? submitted : typeof submitted === "number" || typeof submitted === "boolean" ? String(submitted) : "";
    }
    action.fields = fields;
  }
  return action;
}

// ---------------------------------------------------------------------------------------------

function textBlock(text: string): TextBlock {
  return { type: "TextBlock", text, wrap: true };
}

/**
 * Paragraphs of at most TEXT_BLOCK_CHARS, in Adaptive Card markdown: our `*emphasis*` becomes
 * `_emphasis_`, and single line breaks become "\n\n" because Teams drops a lone "\n".
 */
function paragraphs(text: string): string[] {
  return splitText(text.replace(/\r\n?/g, "\n"), TEXT_BLOCK_CHARS)
    .map((chunk) => toMarkdown(chunk).replace(/\n+/g, "\n\n"));
}

function toMarkdown(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, (whole, inner: string) => (inner.trim() ? `_${inner.trim()}_` : whole));
}

function stripEmphasis(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, "$1");
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
