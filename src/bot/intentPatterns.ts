import { findNames } from "../privacy/detectors/names.js";
import { normaliseForMatching } from "../privacy/normalise.js";
/**
 * Building blocks for the small, conservative checks that decide which feature a message may
 * want offered under its answer (the route, a consult, a spoedberaad).
 */

/** A word pattern with letters-only boundaries: \b does not work around "JZ+" and treats "ë" as a boundary. */
export function wordPattern(pattern: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, "iu");
}

/**
 * A young person, their family or a case the writer works on ("mijn patiënt", "CASUS-2207", "ouders
 * ten einde raad"): with what-to-do words it offers the route, with acute words the checklist.
 */
export const NAMES_A_CASE = wordPattern(
  "jongeren?|jeugdigen?|kind(?:eren)?|meisje|jongen|ouders?|gezin|pati[eë]nt\\p{L}*|cli[eë]nt\\p{L}*|client|leerling\\p{L}*|zoon|dochter|puber\\p{L}*|tiener\\p{L}*|pupil\\p{L}*|casus",
);

/** The case is getting out of hand: said of the case, these need no word for the young person. */
export const ESCALATES = wordPattern("escaleer\\p{L}*|escaleren|escalatie|geëscaleerd|ontspor\\p{L}*|ontspoord");
/**
 * "ze", "hij", "haar" with an urgent word: the young person the message is about ("ze is vannacht
 * weer weg geweest, politie vond haar … het loopt echt uit de hand"; second new-user try of the
 * forty-sixth session: no spoedberaad offer and no pointer to acute help).
 */
const SHE_OR_HE = wordPattern("ze|zij|hij|haar|hem");

/** The situation is urgent now. */
export const URGENT_NOW = wordPattern("acuut|acute|crisis|crisissituatie|noodsituatie|levensgevaar\\p{L}*|onveilig\\p{L}*|weggelopen|vermist\\p{L}*|ten einde raad|gaat (?:het )?mis|uit de hand");

/**
 * Whether a message speaks of a young person or case: a word for one (NAMES_A_CASE), or a person's
 * name the privacy filter finds ("jesse bosman (15) loopt weer weg, wat moet ik doen?"; new-user
 * try: with the name taken out, the message lost the route and consult offer a case gets).
 */
export function namesACase(text: string): boolean {
  // Only the name detector, not the whole filter: this runs for every message, in several offer checks.
  return NAMES_A_CASE.test(text) || findNames(normaliseForMatching(text).text).length > 0;
}

/**
 * An urgent word about a young person or case ("het loopt echt uit de hand" with "ze", "CASUS-9 is
 * weggelopen"): the spoedberaad checklist is offered and a pointer to acute help leads the reply.
 */
export function urgentAboutSomeone(text: string): boolean {
  return URGENT_NOW.test(text) && (namesACase(text) || SHE_OR_HE.test(text));
}

/** "How many / what percentage / how often" questions want a figure, not a walk-through or a form. */
export const ASKS_FOR_FIGURES = /%|(?<![\p{L}])(?:hoeveel|procent|percentage|aantal|cijfers?|hoe vaak)(?![\p{L}])/iu;

/** A message that opens by asking Wegwijs to do something: "kun je …", "wil je …", "ik wil …", "start …". */
const REQUEST_OPENING = /^\s*(?:(?:hoi|hallo|hey|hee|goedemorgen|goedemiddag|goedenavond)\b[\s,!.]*)?(?:kun(?:t)?\s+(?:je|jij|u)|kan\s+(?:je|jij)|wil(?:t)?\s+(?:je|jij|u)|zou\s+(?:je|jij|u)|ik\s+wil|wij\s+willen|we\s+willen|graag|start|open|begin|maak|regel|loop)(?![\p{L}\p{N}])/iu;
/** Words that make a message a request: "spoedberaad graag", "… aub". */
export const REQUEST_WORDS = String.raw`graag|aub|a\.u\.b\.?|alsjeblieft|alstublieft|svp`;
/** … or ends with one of them. */
const REQUEST_CLOSING = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${REQUEST_WORDS})\s*[.!?]*\s*$`, "iu");
/** Question words: "kun je uitleggen hoe …" asks to be told something, not for something to be done. */
export const QUESTION_WORDS = wordPattern("hoe|wat|welke?|wanneer|waarom|wie|waar|hoeveel");

/**
 * Only urgency, in a word ("spoed", "acuut!"): a call for what Wegwijs can do (the route, the
 * checklist), which then leads the reply (new-user try: "spoed" got one quote on awareness of
 * urgent placements, the buttons under it).
 */
const ONLY_URGENCY = /^\s*(?:spoed|acuut|crisis|noodgeval|nood)\s*[!.?]*\s*$/iu;

export function onlyUrgency(text: string): boolean {
  return ONLY_URGENCY.test(text);
}

/**
 * Asking for one of Wegwijs's own tools by name, in any form of request ("heb je een checklist voor
 * t spoedberaad?", "Zou ik de checklist voor een spoedberaad kunnen krijgen?", "is er een
 * consultformulier?"; new-user try of the thirty-ninth session: both got "De plandocumenten geven
 * hier geen antwoord op" first, the checklist button under it).
 */
const TOOL_ASKED = /\b(?:heb(?:t)?\s+(?:je|jij|u)|is\s+er|zijn\s+er|mag\s+ik|zou\s+ik|kan\s+ik|kun\s+ik|ik\s+zoek)\b[^?]*\b(?:checklist|checklijst|consult(?:aanvraag|formulier)?|plaatsingsroute|spoedroute)\b/iu;

/**
 * What Wegwijs itself does, by name: the checklist, a consult, the route, the teams a consult goes
 * to. A request that names none ("kun je de doelen van het actieplan noemen?") asks for what the
 * documents say, and gets the whole answer.
 */
const NAMES_A_TOOL = /\b(?:checklist|checklijst|spoedberaad|consult\p{L}*|(?:plaatsings|spoed)?route|servicepunt|expertteam)\b/iu;

export function namesATool(text: string): boolean {
  return NAMES_A_TOOL.test(text);
}

/**
 * Whether a message asks Wegwijs to do something rather than asks what the documents say ("kun je
 * een checklist spoedberaad starten?", "ik wil een consult aanvragen bij het expertteam"): an offer
 * that does it then leads the reply (new-user try: both got quotes first and the button last).
 */
export function asksToAct(text: string): boolean {
  if (TOOL_ASKED.test(text) && !QUESTION_WORDS.test(text)) return true;
  // Any clause may open the request: "het gaat mis vannacht, kun je een spoedberaad starten?"
  // (new-user try: the situation first, and the refusal led, the button under it).
  const clauses = text.split(/[,.;:!?]\s+/);
  // A question word in another clause does not make the request a question ("ik wil snappen hoe
  // de plaatsingsroute loopt. Kun je die met me doorlopen?"; second new-user try of the thirty-ninth
  // session: the request got a list first, the route's button under it).
  return onlyUrgency(text) || clauses.some((clause) => REQUEST_OPENING.test(clause) && !QUESTION_WORDS.test(clause)) || (REQUEST_CLOSING.test(text) && !QUESTION_WORDS.test(text));
}

/**
 * "wat moet ik doen?", "wat kunnen we nu eigenlijk doen", "wat nu?", "hoe pak ik dit aan?", "hoe kan
 * ik verder?", and in a clause "… wat ik als eerste moet doen" (new-user try): asks what to do in
 * the writer's own situation. The plans answer that by procedure, which the route and the checklist walk.
 */
const WHAT_TO_DO = wordPattern(
  "wat\\s+(?:moet|moeten|kan|kunnen|zou|zouden)\\s+(?:ik|we|wij|je|jij|u)(?:\\s+\\p{L}+){0,3}?\\s+(?:doen|ondernemen)|wat\\s+(?:ik|we|wij|je|jij|u)(?:\\s+\\p{L}+){0,3}?\\s+(?:moet|moeten|kan|kunnen|zou|zouden)\\s+(?:doen|ondernemen)|wat\\s+doe\\s+ik|hoe\\s+pak\\s+(?:ik|we)\\s+(?:dit|dat|het)\\s+aan|wat\\s+nu|wat\\s+te\\s+doen|hoe\\s+(?:moet|kan|moeten|kunnen)\\s+(?:ik|we|wij|je|u)\\s+(?:nu\\s+|dan\\s+)?verder",
);

/**
 * "hoe krijg ik een jongere geplaatst?", "hoe vraag ik een consult aan?", "hoe regel je een
 * spoedberaad?", "kan ik deze casus voorleggen aan het servicepunt?": how to do something oneself,
 * which a route, a form or a checklist walks.
 */
const HOW_TO_DO = wordPattern(
  "hoe\\s+(?:krijg|vraag|regel|zorg|doe|start|organiseer|meld|dien|kom|plaats|schakel|betrek)\\s+(?:ik|je|jij|we|wij|u)|welke\\s+stappen\\s+(?:moet|moeten|kan|kunnen)\\s+(?:ik|je|jij|we|wij|u)|wat\\s+(?:moet|moeten)\\s+(?:ik|je|jij|we|wij|u)\\s+doen\\s+om|(?:kan|kun|kunnen|mag|mogen)\\s+(?:ik|je|jij|we|wij|u)(?:\\s+\\S+){0,5}?\\s+(?:voorleggen|inbrengen|aanvragen|indienen|aanmelden|starten|opstarten|organiseren|beleggen)",
);

export function asksHowToDo(text: string): boolean {
  return HOW_TO_DO.test(text);
}

export function asksWhatToDo(text: string): boolean {
  return WHAT_TO_DO.test(text);
}

/** The text without its "wat moet ik doen" phrase, when it asks that; undefined otherwise. */
export function besidesWhatToDo(text: string): string | undefined {
  return WHAT_TO_DO.test(text) ? text.replace(new RegExp(WHAT_TO_DO.source, "giu"), " ") : undefined;
}

/**
 * Words that leave a what-to-do question about nothing in particular: who asks, where to look and
 * in what order ("wat zeggen de plannen wat ik als eerste moet doen?", "wat moet ik nu eigenlijk doen?").
 */
const ABOUT_NOTHING_ELSE = new Set(
  "wat wie ik we wij je jij u de het een dit dat die deze hier daar dan nu nou eerst eerste als precies eigenlijk concreet zo'n zoiets geval situatie volgens zeggen zegt staat staan plannen plan plandocumenten documenten stukken wegwijs".split(" "),
);

/** "wat moet ik doen?" with nothing else it is about (see ABOUT_NOTHING_ELSE). */
export function asksOnlyWhatToDo(text: string): boolean {
  const rest = besidesWhatToDo(text);
  return rest !== undefined && (rest.toLowerCase().match(/[\p{L}']+/gu) ?? []).every((word) => ABOUT_NOTHING_ELSE.has(word));
}

/** A case told, six words or more, without a question: "casus: meisje 15, OTS, loopt steeds weg, …". */
const CASE_WORDS = 6;

/**
 * A message that only tells a case, with no question in it: it asks, in effect, what to do (second
 * new-user try: "casus: meisje 15, OTS, loopt steeds weg, …" got a refusal with only the consult button).
 */
export function tellsACase(text: string): boolean {
  // Not a request ("kun je een spoedberaad starten voor CASUS-0412"): that asks for what it names.
  return namesACase(text) && !text.includes("?") && !QUESTION_WORDS.test(text) && text.trim().split(/\s+/).length >= CASE_WORDS && !asksToAct(text);
}
