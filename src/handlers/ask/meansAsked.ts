import { questionParts } from "./questionParts.js";

/**
 * "hoe stel ik een gedeelde verklarende analyse op?", "hoe kan ik als huisarts beter
 * doorverwijzen?", "hoe maak je een veiligheidsplan?": how the asker (or anyone, "je") does
 * something. Not "hoe willen ze …", "hoe zit het …" or "hoe lang …": those ask about the plans.
 * Only the message's first question counts, as for "wie" (see actorAsked.ts).
 */
const ASKS_HOW_ONE_DOES = /(?:^|[\s,:;(])hoe\s+(?!(?:lang|vaak|oud|laat|veel|groot|hoog|snel)\b)(?:\p{L}+\s+)?(?:ik|je|jij|u|we|wij)\b/iu;

/**
 * Words by which a quote says how something is done: the means ("via de POH GGZ Jeugd", "door
 * … te …", "bijvoorbeeld") or the steps ("Huidige route aanvraag machtiging", "eerst",
 * "vervolgens"). A goal ("In 2027: is … opgesteld") or a problem has none of them.
 */
const SAYS_HOW =
  /\b(?:via|door\s+middel\s+van|met\s+behulp\s+van|bijvoorbeeld|door\s+(?:\S+\s+){0,5}?te\s+\p{L}+|route|stappen\p{L}*|stap\s*\d|procedure\p{L}*|fasen|fases|volgorde|eerst|daarna|vervolgens|tot\s+slot)\b/iu;

/** The steps alone: a route, steps, a procedure or an order ("eerst", "vervolgens"). */
const SAYS_STEPS = /\b(?:route|stappen\p{L}*|stap\s*\d|procedure\p{L}*|fasen|fases|volgorde|eerst|vervolgens|tot\s+slot)\b/iu;

/** Whether the message asks, in its first question, how one does something oneself. */
export function asksHowOneDoes(question: string): boolean {
  return ASKS_HOW_ONE_DOES.test(questionParts(question)?.first ?? question);
}

/** Whether quoted text says how something is done: by what means, or in what steps. */
export function saysHow(text: string): boolean {
  return SAYS_HOW.test(text);
}

/** Whether text gives steps: a route, a procedure, an order (a means such as "bijvoorbeeld" is not enough). */
export function saysSteps(text: string): boolean {
  return SAYS_STEPS.test(text);
}
