import { ASKS_FOR_FIGURES, wordPattern as word } from "../../bot/intentPatterns.js";
import type { ConsultTarget } from "./consultModel.js";

const SERVICEPUNT = word("servicepunt\\p{L}*");
const EXPERTTEAM = word("expert(?:ise)?team\\p{L}*");
/** Putting a case to them: bring in, submit, register, consult, call in. */
const PUT_TO = word(
  "(?:in)?breng\\p{L}*|in te brengen|leg|legt|leggen|voorleg\\p{L}*|voor te leggen|aanmeld\\p{L}*|aan te melden|meld\\p{L}*|indien\\p{L}*|in te dienen|aanvra\\p{L}*|aan te vragen|consult\\p{L}*|raadpleg\\p{L}*|inschakel\\p{L}*|in te schakelen|schakel|schakelt|schakelen|bespre\\p{L}*|stel\\p{L}*|stuur\\p{L}*|doorverwijz\\p{L}*|verwijz\\p{L}*",
);
/**
 * Reaching them: "hoe bereik ik het expertteam?", "hoe kom ik bij het servicepunt terecht?", "kan ik
 * het servicepunt bellen?", and whether there is one ("is er een expertteam?"; new-user try: the
 * answer quoted national plans for regional expert teams, with no way to the region's own).
 */
const REACH = word("bereik\\p{L}*|contact\\p{L}*|bel|belt|bellen|terecht|kom\\s+ik|komen\\s+we");
const EXISTS = /^\s*(?:en\s+)?(?:is|zijn|bestaat|bestaan|hebben\s+(?:we|jullie))\s+(?:er\s+)?(?:hier\s+|bij\s+ons\s+|in\s+(?:de|onze)\s+regio\s+)?(?:ook\s+)?(?:een|het)\s+(?:regionaal\s+|regionale\s+)?(?:servicepunt|expert(?:ise)?team)/iu;

/** "hoe vraag ik een consult aan?", "consultvraag indienen": the act named without a team. */
const CONSULT = word("consult(?:aanvraag|vraag)?");
const REQUEST = word("vra\\p{L}*|vraag|aanvra\\p{L}*|indien\\p{L}*|in te dienen|doe|doen|stuur\\p{L}*|stel\\p{L}*|(?:in)?breng\\p{L}*|kan|kun|wil");

/**
 * A message that asks to put a case to the Servicepunt or the Expertteam ("ik wil een casus
 * inbrengen bij het expertteam, kan dat via jou?", "hoe vraag ik een consult aan bij het
 * servicepunt?"): Wegwijs files such requests itself, so the answer offers the consult form
 * (new-user try: the question got a quoted plan list and no word about `consult`), or how to reach
 * one of them, or whether there is one. A question about what the Servicepunt is or does, or about
 * figures, names no such act and gets no offer.
 *
 * Returns the team when the message names one of the two only.
 */
export function asksToConsult(text: string): { target?: ConsultTarget } | undefined {
  if (ASKS_FOR_FIGURES.test(text)) return undefined;
  const servicepunt = SERVICEPUNT.test(text);
  const expertteam = EXPERTTEAM.test(text);
  const toTeam = (servicepunt || expertteam) && (PUT_TO.test(text) || REACH.test(text) || EXISTS.test(text));
  if (!toTeam && !(CONSULT.test(text) && REQUEST.test(text))) return undefined;
  if (servicepunt === expertteam) return {};
  return { target: servicepunt ? "servicepunt" : "expertteam" };
}

/** The requests themselves: "consulten", "consultaanvragen", "aanvragen", "mijn consults". */
const REQUESTS = word("consult(?:en|s|aanvragen)|aanvragen");
/** Asking to see them: open ones, a list, an overview. */
const SHOW = word("open|openstaande?|lopende?|lijst|overzicht|laat|toon|zien|welke");
/** Other requests a professional speaks of: for an authorisation, a subsidy, a place. */
const OTHER_REQUESTS = word("\\p{L}*(?:machtiging|subsidie|plek|plaats|jeugdhulp|budget)\\p{L}*");

/**
 * A message that asks to see consult requests in plain words ("welke aanvragen staan nog open?",
 * "laat mijn openstaande consulten zien", "consulten lijst"): the list, not a quote from the plans
 * (new-user try: only the exact words "consulten" and "mijn consulten" worked).
 */
export function asksForConsultList(text: string): boolean {
  return text.trim().split(/\s+/).length <= 10 && REQUESTS.test(text) && SHOW.test(text) && !OTHER_REQUESTS.test(text);
}

/** A request number in a message ("annuleer CR-2026-000002", "hoe staat CR-2026-000001 ervoor?"). */
export function requestIdIn(text: string): string | undefined {
  return /(?<![\p{L}\p{N}])CR-\d{4}-\d{6,}(?![\p{L}\p{N}])/iu.exec(text)?.[0]?.toUpperCase();
}

/** Haste in a message ("met spoed", "dringend", "vandaag nog"): the offered form is filled in as "spoed". */
const HASTE = word("spoed|spoedig|dringend|urgent|vandaag nog|acuut");

export function asksForHaste(text: string): boolean {
  return HASTE.test(text);
}
