import { foldText } from "../../knowledge/analysis/normalise.js";

/**
 * "over dat eerste stuk", "over dat punt": the part of the answer just given, which is where the
 * continuation starts (new-user try of the thirty-eighth session: "vertel eens meer over dat
 * eerste stuk" was searched and got a line with "eerste schot").
 */
const THAT_PART = String.raw`over\s+(?:dat|die|dit|het|de)\s+(?:eerste\s+)?(?:stuk|deel|gedeelte|punt|citaat|antwoord)`;

/**
 * "kun je daar meer over vertellen?", "vertel eens meer", "meer info?", "en verder?", "staat er nog
 * meer over?": a request for more on the answer just given, naming nothing else. Read with the
 * question before it, its own words ("vertellen", "meer") found unrelated lines (test of the
 * thirty-seventh session: a line on what monitored outcomes "vertellen", a case story's quote).
 * A request that names a topic ("vertel eens meer over de GVA") is a question of its own.
 */
const MORE_REQUESTS: RegExp[] = [
  new RegExp(String.raw`^(?:en\s+)?(?:kun|kan|kunt|wil|zou)\s+(?:je|jij|u)\s+(?:daar|hier|er|dat|dit)?\s*(?:nog\s+)?(?:iets\s+|wat\s+)?(?:meer|uitgebreider|uitgebreid)\s+(?:over\s+)?(?:(?:${THAT_PART})\s+)?(?:vertellen|zeggen|uitleggen|laten\s+zien|geven|toelichten)(?:\s+(?:daarover|hierover|erover|${THAT_PART}))?$`),
  new RegExp(String.raw`^(?:vertel|zeg|geef)\s+(?:me\s+|eens\s+|nog\s+|maar\s+)*(?:wat\s+|iets\s+)?(?:meer|uitgebreider)(?:\s+(?:daarover|hierover|erover|info|informatie|uitleg|${THAT_PART}))?$`),
  /^(?:en\s+)?(?:verder|wat\s+nog\s+meer|wat\s+meer|ga\s+(?:maar\s+)?(?:door|verder))$/,
  /^(?:is|staat)\s+er\s+(?:nog\s+)?meer(?:\s+(?:over|daarover|hierover|erover))?$/,
  /^(?:wat\s+)?(?:zeggen|staat)\s+(?:de\s+(?:plannen|documenten|plandocumenten)|ze|er)\s+(?:er\s+)?(?:nog\s+)?meer\s+(?:over|daarover|hierover)$/,
  /^(?:nog\s+)?meer(?:\s+(?:info|informatie|uitleg|details))?(?:\s+(?:graag|aub|alsjeblieft|alstublieft|svp))?$/,
  // "is dat alles? ik dacht dat er meer punten waren", "zijn dat alle stappen?" (new-user try of the
  // forty-second session: searched on its own words, it got unrelated lines of the action plan).
  /^(?:en\s+)?(?:is|was)\s+dat\s+(?:alles|het|de\s+hele\s+lijst|compleet|volledig)(?:\s+ik\s+dacht\s+(?:dat\s+)?(?:er\s+)?(?:nog\s+)?meer\s+\p{L}+(?:\s+(?:waren|zijn|was|stonden|staan))?)?$/u,
  /^(?:zijn|waren)\s+dat\s+alle\s+(?:punten|stappen|onderdelen|items|afspraken|doelen)$/,
  /^(?:zijn|staan)\s+er\s+(?:nog\s+)?meer\s+(?:punten|stappen|onderdelen|items)$/,
];

/** Whether the message asks for more on the previous answer, and for nothing else. */
export function asksForMore(text: string): boolean {
  const folded = foldText(text).replace(/[?!.,]+/g, " ").replace(/\s+/g, " ").trim();
  return MORE_REQUESTS.some((request) => request.test(folded));
}

/** Words that only stress what is asked ("wat bedoelen ze daarmee precies?"). */
const STRESS = String.raw`(?:\s+(?:precies|eigenlijk|nou|dan|concreet|toch))*`;

/**
 * "wat bedoelen ze daarmee?", "hoe bedoelen ze dat?", "wat houdt dat in?", "wat betekent dat
 * precies?": what the answer just given means, naming nothing else. The documents explain only in
 * their own words, so the answer is how their text goes on. Read with the question before it, it
 * quoted that answer's line again, and later lines on the inspectie under the aim of the action
 * plan (a new-user try of the thirty-eighth session, a test of the thirty-ninth). Not "wat
 * betekent dat voor mij?", which asks what follows for the asker.
 */
const MEANING_REQUESTS: RegExp[] = [
  new RegExp(String.raw`^(?:en\s+)?wat\s+(?:bedoelen|bedoelt|bedoel)\s+(?:ze|zij|je|jij|u|hij|het\s+plan|de\s+plannen)\s+(?:daar|hier)mee${STRESS}$`),
  new RegExp(String.raw`^(?:en\s+)?hoe\s+(?:bedoelen|bedoelt|bedoel)\s+(?:ze|zij|je|jij|u|hij)\s+(?:dat|dit)${STRESS}$`),
  new RegExp(String.raw`^(?:en\s+)?wat\s+(?:betekent|houdt)\s+(?:dat|dit)${STRESS}(?:\s+in)?${STRESS}$`),
];

/** Whether the message asks what the previous answer means, and nothing else. */
export function asksWhatItMeans(text: string): boolean {
  const folded = foldText(text).replace(/[?!.,]+/g, " ").replace(/\s+/g, " ").trim();
  return MEANING_REQUESTS.some((request) => request.test(folded));
}
