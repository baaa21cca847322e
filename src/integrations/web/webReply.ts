import {
  assertNever,
  type ChecklistItem,
  type FormField,
  type Reply,
  type ReplyAction,
  type ReplyChoice,
  type ReplyPart,
  type SourceCitation,
} from "../../bot/reply.js";
import { sourceTitle } from "../../bot/sourceTitle.js";
import { actorLabel } from "../../bot/actor.js";

/**
 * Bounds of what the web chat sends back (POST /api/chat `action`), shared with chatApi's schema
 * so that every button, choice, toggle and form the server renders can also be submitted.
 */
export const WEB_ACTION_LIMITS = {
  actionId: 200,
  value: 2000,
  fieldId: 100,
  fieldValue: 4000,
  fields: 30,
} as const;

/** Form field ids: plain identifiers (starting with a letter or digit, so never "__proto__"). */
export const WEB_FIELD_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** A part that cannot be shown or answered is replaced by this notice (and reported). */
const UNRENDERABLE = "Dit onderdeel van het antwoord kan de webchat niet tonen.";

/**
 * The web surface's exhaustive check: normalises every part (trimmed text, no empty parts or
 * optional fields) and replaces a part whose actions could not round-trip through the chat API
 * (ids or values over WEB_ACTION_LIMITS, a choice field without options) with a Dutch notice.
 * `report` hears about each replaced part or dropped button, for logging.
 */
export function toWebReply(reply: Reply, report: (problem: string) => void = () => {}): Reply {
  const parts: ReplyPart[] = [];
  for (const part of reply.parts) {
    const result = normalisePart(part, report);
    if (typeof result === "string") {
      report(`${part.kind}: ${result}`);
      parts.push({ kind: "notice", level: "warning", text: UNRENDERABLE });
    } else if (result) {
      parts.push(result);
    }
  }
  // The slot lets the page mark an older step of the same walk as done.
  return { parts, ...(reply.slot ? { slot: reply.slot } : {}) };
}

/** The normalised part, undefined to drop an empty one, or why it cannot be shown. */
function normalisePart(part: ReplyPart, report: (problem: string) => void): ReplyPart | undefined | string {
  switch (part.kind) {
    case "text": {
      const text = cleanText(part.text);
      return text ? { kind: "text", text, ...(part.generated ? { generated: true } : {}) } : undefined;
    }
    case "mention": {
      // The web has no notifications: the person's name, as plain text.
      const text = cleanText(`${part.before}${actorLabel({ surface: "web", userId: part.person.userId, displayName: part.person.name })}${part.after}`);
      return text ? { kind: "text", text } : undefined;
    }
    case "heading": {
      const text = oneLine(part.text);
      return text ? { kind: "heading", text } : undefined;
    }
    case "notice": {
      const text = cleanText(part.text);
      return text ? { kind: "notice", level: part.level, text } : undefined;
    }
    case "sources": {
      const sources = part.sources.map(normaliseSource).filter((s) => s.documentTitle || s.quote);
      return sources.length > 0 ? { kind: "sources", title: oneLine(part.title) || "Bronnen", sources } : undefined;
    }
    case "actions": {
      const actions: ReplyAction[] = [];
      for (const action of part.actions) {
        const normalised = normaliseAction(action);
        if (typeof normalised === "string") report(`actions: ${normalised}`);
        else actions.push(normalised);
      }
      return actions.length > 0 ? { kind: "actions", actions, ...(part.once ? { once: true } : {}) } : undefined;
    }
    case "choices": {
      const problem = idProblem(part.actionId);
      if (problem) return problem;
      const choices: ReplyChoice[] = part.choices.map((c) => ({ label: oneLine(c.label) || c.value, value: c.value }));
      const tooLong = choices.find((c) => c.value.length > WEB_ACTION_LIMITS.value);
      if (tooLong) return `choice value of ${tooLong.value.length} characters`;
      if (choices.length === 0) return "no choices";
      return { kind: "choices", prompt: cleanText(part.prompt), actionId: part.actionId, choices };
    }
    case "checklist": {
      const problem =
        idProblem(part.setStateActionId) ??
        (part.ownerActionId ? idProblem(part.ownerActionId) : undefined) ??
        (part.detailsActionId ? idProblem(part.detailsActionId) : undefined);
      if (problem) return problem;
      const items: ChecklistItem[] = [];
      for (const item of part.items) {
        if (`${part.checklistId}:${item.id}:open`.length > WEB_ACTION_LIMITS.value) return `set-state value for item ${item.id} too long`;
        const optional = {
          owner: oneLine(item.owner ?? ""),
          dueAt: item.state === "open" ? (item.dueAt ?? "") : "",
          note: cleanText(item.note ?? ""),
          changedBy: oneLine(item.changedBy ?? ""),
          changedAt: item.changedAt ?? "",
        };
        items.push({
          id: item.id,
          label: oneLine(item.label) || item.id,
          state: item.state,
          ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== "")),
        });
      }
      return {
        kind: "checklist",
        checklistId: part.checklistId,
        title: oneLine(part.title) || "Checklist",
        version: part.version,
        status: part.status,
        chair: oneLine(part.chair),
        items,
        setStateActionId: part.setStateActionId,
        ...(part.ownerActionId ? { ownerActionId: part.ownerActionId } : {}),
        // Teams' card refresh (watchers) means nothing on the web: a page gets every update pushed.
        ...(part.detailsActionId ? { detailsActionId: part.detailsActionId } : {}),
      };
    }
    case "form": {
      const problem = idProblem(part.submitActionId);
      if (problem) return problem;
      if (part.formId.length > WEB_ACTION_LIMITS.value) return "form id too long";
      if (part.fields.length > WEB_ACTION_LIMITS.fields) return `${part.fields.length} fields > ${WEB_ACTION_LIMITS.fields}`;
      const fields: FormField[] = [];
      const seen = new Set<string>();
      for (const field of part.fields) {
        const normalised = normaliseField(field);
        if (typeof normalised === "string") return normalised;
        if (seen.has(normalised.id)) return `field id ${normalised.id} twice`;
        seen.add(normalised.id);
        fields.push(normalised);
      }
      const cancel = part.cancel ? normaliseAction(part.cancel) : undefined;
      if (typeof cancel === "string") report(`form cancel: ${cancel}`);
      const description = part.description ? cleanText(part.description) : "";
      return {
        kind: "form",
        formId: part.formId,
        title: oneLine(part.title) || "Formulier",
        ...(description ? { description } : {}),
        submitActionId: part.submitActionId,
        submitLabel: oneLine(part.submitLabel) || "Versturen",
        fields,
        ...(cancel && typeof cancel !== "string" ? { cancel } : {}),
      };
    }
    case "feedback": {
      // The buttons send `${answerId}:useful|not_useful` as their value.
      if (part.answerId.length === 0 || part.answerId.length + 11 > WEB_ACTION_LIMITS.value) return "feedback answer id invalid";
      return { kind: "feedback", answerId: part.answerId };
    }
    default:
      return assertNever(part);
  }
}

function normaliseSource(source: SourceCitation): SourceCitation {
  return {
    n: source.n,
    documentId: source.documentId,
    documentTitle: oneLine(source.documentTitle),
    // Always filled for the page: the configured short title or one derived from the full title.
    shortTitle: sourceTitle(source),
    section: oneLine(source.section),
    quote: oneLine(source.quote),
  };
}

function normaliseAction(action: ReplyAction): ReplyAction | string {
  const problem = idProblem(action.id);
  if (problem) return problem;
  if (action.value !== undefined && action.value.length > WEB_ACTION_LIMITS.value) {
    return `value of ${action.id} has ${action.value.length} characters`;
  }
  const label = oneLine(action.label);
  if (!label) return `button ${action.id} without label`;
  return {
    id: action.id,
    label,
    ...(action.value !== undefined ? { value: action.value } : {}),
    ...(action.style ? { style: action.style } : {}),
  };
}

function normaliseField(field: FormField): FormField | string {
  if (field.id.length > WEB_ACTION_LIMITS.fieldId || !WEB_FIELD_ID.test(field.id)) return `field id "${field.id.slice(0, 40)}" invalid or too long`;
  if (field.value !== undefined && field.value.length > WEB_ACTION_LIMITS.fieldValue) return `pre-filled value of ${field.id} too long`;
  const listed = field.kind === "choice" || (field.kind === "person" && (field.options?.length ?? 0) > 0);
  const options = listed ? (field.options ?? []).map((o) => ({ label: oneLine(o.label) || o.value, value: o.value })) : undefined;
  if (field.kind === "choice" && (!options || options.length === 0)) return `choice field ${field.id} without options`;
  const maxLength = field.maxLength !== undefined ? Math.min(field.maxLength, WEB_ACTION_LIMITS.fieldValue) : undefined;
  const placeholder = field.placeholder ? oneLine(field.placeholder) : "";
  return {
    id: field.id,
    label: oneLine(field.label) || field.id,
    kind: field.kind,
    required: field.required,
    ...(placeholder ? { placeholder } : {}),
    ...(field.value ? { value: field.kind === "multiline" ? field.value.replace(/\r\n?/g, "\n") : field.value.trim() } : {}),
    ...(options ? { options } : {}),
    ...(maxLength !== undefined ? { maxLength } : {}),
    ...(field.error ? { error: oneLine(field.error) } : {}),
  };
}

function idProblem(id: string): string | undefined {
  if (id.length === 0) return "empty action id";
  if (id.length > WEB_ACTION_LIMITS.actionId) return `action id of ${id.length} characters`;
  return undefined;
}

/** Trimmed, with Windows line ends and runs of blank lines tidied. */
function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
