import type { Reply } from "./reply.js";

/**
 * How much text Wegwijs takes in, on every surface. A question is a question, not a case file:
 * longer input is refused before any search, model call or store, so a 900,000-character
 * message costs one length check and the process stays responsive.
 */
export const INPUT_LIMITS = {
  /** Characters per question (the web chat's textarea has the same maxlength). */
  question: 4000,
  /** Characters kept of a typed answer in a route step (a note). */
  note: 500,
  /** Characters per form field value. */
  field: 2000,
  /** Form fields per submit. */
  fields: 20,
  /** Characters of a button value (an id or a choice). */
  actionValue: 2000,
} as const;

export const QUESTION_TOO_LONG_TEXT =
  "Je bericht is te lang: ik lees vragen tot 4.000 tekens. Stel een korte vraag, zonder verslagen of dossiertekst erin, dan zoek ik het voor je op.";

export const FIELD_TOO_LONG_TEXT = "Een van de velden is te lang of er zijn te veel velden. Maak het korter en probeer het opnieuw.";

/** True when a message is longer than a question may be (checked before anything else). */
export function isQuestionTooLong(text: string | undefined): boolean {
  return text !== undefined && text.length > INPUT_LIMITS.question;
}

/** True when form fields or an action value exceed the caps. */
export function areFieldsTooLong(fields: Record<string, string> | undefined, value?: string): boolean {
  if (value !== undefined && value.length > INPUT_LIMITS.actionValue) return true;
  if (!fields) return false;
  const values = Object.values(fields);
  return values.length > INPUT_LIMITS.fields || values.some((v) => typeof v !== "string" || v.length > INPUT_LIMITS.field);
}

export function questionTooLongReply(): Reply {
  return { parts: [{ kind: "notice", level: "warning", text: QUESTION_TOO_LONG_TEXT }] };
}

export function fieldsTooLongReply(): Reply {
  return { parts: [{ kind: "notice", level: "warning", text: FIELD_TOO_LONG_TEXT }] };
}
