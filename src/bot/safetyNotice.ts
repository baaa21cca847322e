import { urgentAboutSomeone } from "./intentPatterns.js";
import type { Reply } from "./reply.js";

/**
 * A message that speaks of a danger to someone's life: being suicidal, threatening it, "levensgevaar"
 * (third new-user try of the forty-sixth session: a huisarts with a suicidal 15-year-old got the
 * route and checklist buttons and nothing on where acute help is). Not the plans' own topic words
 * ("suïcidepreventie", "terugdringen suïcides"), which a question about the plans may use.
 */
const DANGER_TO_LIFE =
  /\b(?:su[iï]cidaal|su[iï]cidale|su[iï]cidegedachten|zelfmoordgedachten|zelfmoordpoging|su[iï]cidepoging|(?:dreigt|dreigde|dreigen)\s+(?:met\s+)?(?:su[iï]cide|zelfmoord|zichzelf)|zichzelf\s+iets\s+(?:aan(?:\s+(?:gaat|zal|wil|te|gaan))?\s*doen|aandoen)|wil\s+niet\s+meer\s+leven|levensgevaar\w*)\b/i;
/** Plan words about suicide as a policy topic: a question about those is not an emergency. */
const PLAN_TOPIC = /\b(?:su[iï]cidepreventie|su[iï]cides\b|preventieplan|terugdringen)/i;

/**
 * What Wegwijs says above its reply to such a message: where acute help is, and that Wegwijs is no
 * crisis service. Not from the plan documents: the same for every region.
 */
export const SAFETY_TEXT =
  "Is er nu gevaar voor iemands leven? Bel 112. Bij gedachten aan zelfdoding: 113 Zelfmoordpreventie, 113 of gratis 0800-0113 (dag en nacht). Wegwijs is geen crisisdienst.";

/**
 * What Wegwijs says above its reply to a message about a young person in acute danger that is not
 * (said to be) about life ("ze is vannacht weer weg geweest, politie vond haar bij een veel oudere
 * man. het loopt echt uit de hand"; verification try of the forty-sixth session: no pointer to
 * acute help at all).
 */
export const URGENT_SAFETY_TEXT =
  "Is er nu acuut gevaar? Bel 112. Zorgen over de veiligheid van een kind of jongere: Veilig Thuis, gratis 0800-2000 (dag en nacht). Wegwijs is geen crisisdienst.";

export function speaksOfDangerToLife(text: string): boolean {
  return DANGER_TO_LIFE.test(text) && !PLAN_TOPIC.test(text);
}

/** A young person in acute danger now: an urgent word ("loopt uit de hand", "weggelopen", "onveilig") about a case. */
export function speaksOfAcuteDanger(text: string): boolean {
  return urgentAboutSomeone(text);
}

/** The replies with a safety notice leading the first one, when the message speaks of danger to life or acute danger. */
export function withSafetyNotice(text: string, replies: Reply[]): Reply[] {
  const notice = speaksOfDangerToLife(text) ? SAFETY_TEXT : speaksOfAcuteDanger(text) ? URGENT_SAFETY_TEXT : undefined;
  if (notice === undefined || replies.length === 0) return replies;
  const [first, ...rest] = replies;
  return [{ ...first!, parts: [{ kind: "notice", level: "warning", text: notice }, ...first!.parts] }, ...rest];
}
