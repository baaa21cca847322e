import { askedFor, containsAnswerType } from "../../knowledge/analysis/answerType.js";
import { questionParts } from "./questionParts.js";

/**
 * "wanneer kies ik voor een spoedmachtiging ipv een reguliere?", "wanneer schakel ik het
 * expertteam in?": under which condition, or at what moment, something is done. A question for a
 * date ("wanneer start …?") is checked by its answer type instead. Only the message's first question.
 */
const ASKS_WHEN = /^\s*wanneer\b/iu;

/**
 * Words by which a quote says when: a condition ("als", "indien", "bij dreigende …", "in die
 * gevallen"), a moment ("voordat", "na spoedberaad", "tijdig", "op tijd", "direct") or a span
 * ("binnen zes weken"). A list of problems or goals that shares the question's words has none.
 */
const SAYS_WHEN =
  /\b(?:als|wanneer|indien|zodra|mits|pas|tenzij|in\s+(?:die\s+)?gevallen?|in\s+geval|bij\s+(?:dreigende?|complexe?|acute?|ernstige?|twijfel|crisis|een\s+crisis)|voordat|voorafgaand\w*|vooraf|tijdig|op\s+tijd|eerder|vroegtijdig|direct|meteen|onmiddellijk|binnen|uiterlijk|na|nadat)\b/iu;

/** Whether the message asks, in its first question, when or under which condition something is done. */
export function asksWhenCondition(question: string): boolean {
  const first = questionParts(question)?.first ?? question;
  return ASKS_WHEN.test(first) && askedFor(first)?.type !== "date";
}

/** Whether quoted text says when: a condition, a moment, a span of time or a date. */
export function saysWhen(text: string): boolean {
  return SAYS_WHEN.test(text) || containsAnswerType(text, "date") || containsAnswerType(text, "duration");
}
