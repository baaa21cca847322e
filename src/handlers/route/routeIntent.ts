/**
 * Small, conservative checks on message text. The route is only offered (as a button under
 * the normal answer) for questions that are clearly about placing a young person in closed
 * youth care; questions about figures or facts are left alone.
 */

import { ASKS_FOR_FIGURES, asksOnlyWhatToDo, asksWhatToDo, namesACase, tellsACase, wordPattern as word } from "../../bot/intentPatterns.js";

// Placing, and referring or registering a young person for it ("kan ik als huisarts zelf een jongere
// aanmelden voor jz+?"; new-user try: no route button).
const PLACEMENT = word(
  "plaats(?:en|ing|ingen)?|geplaatst|uithuisplaats(?:en|ing|ingen)?|uhp|(?:spoed)?machtiging(?:en)?|voorlopige machtiging|aanmeld(?:en|ing)|aangemeld|(?:door)?verwij(?:s|st|zen|zing)|(?:door)?verwezen",
);
const CLOSED_CARE = word("jz\\+|jzplus|jeugdzorg ?plus|jeugdzorgplus|gesloten(?: jeugdhulp| jeugdzorg| plaatsing)?");
// Asking what to do: how, must, can, want, consider, apply (also "wie vraagt de machtiging aan?";
// new-user try: no route button), who, arrange, steps.
const PROCEDURE = word(
  "hoe|moet|moeten|kan|kunnen|mag|wil|willen|overweeg\\p{L}*|aanvragen|aanvraag|vraagt?(?:\\s+\\S+){1,4}\\s+aan|wie|regelen|stappen|route|wat nu|wat doe ik|nodig",
);
// A machtiging is the court order for closed youth care itself: asking how to get one is the procedure.
const AUTHORISATION = word("(?:spoed)?machtiging(?:en)?|voorlopige machtiging");
// "plaatsing met spoed", "spoedplaatsing": the urgent placement procedure.
const URGENT = word("spoed|spoedeisend");
const URGENT_PLACEMENT = word("spoedplaats(?:en|ing|ingen)|spoeduithuisplaatsing(?:en)?");
// Any word for urgency in placing: "spoed", "spoedmachtiging", "spoedplaatsing", "met spoed".
const URGENT_ANY = word("spoed\\p{L}*|spoedeisend");
// The placement route or procedure named as such, or by the names of its routes ("hoe ziet de reguliere
// route er dan uit in drenthe?"; new-user try of the forty-third session: no route button).
const PLACEMENT_ROUTE = word("plaatsingsroute|plaatsingsprocedure|plaatsingsproces|reguliere route|spoedroute|route (?:naar|voor) (?:een )?(?:plaatsing|machtiging)");

/**
 * Urgency denied: "gewoon regulier, geen spoed", "niet met spoed", "zonder spoedmachtiging" (new-user
 * try of the forty-seventh session: the urgent route was offered first for just that message).
 */
const NO_URGENCY = new RegExp(word("(?:geen|niet(?:\\s+met)?|zonder)\\s+(?:een\\s+)?spoed\\p{L}*|niet\\s+spoedeisend").source, "giu");

/**
 * A placement question about the urgent case ("hoe werkt het als het een spoedmachtiging wordt?"):
 * the urgent route is the one to offer (new-user try: only the general route was offered).
 */
export function isUrgentPlacementQuestion(text: string): boolean {
  return URGENT_ANY.test(text.replace(NO_URGENCY, " ")) && isPlacementQuestion(text);
}

export function isPlacementQuestion(text: string): boolean {
  if (ASKS_FOR_FIGURES.test(text)) return false;
  return (
    // "hoe loopt de plaatsingsroute voor jz+?": the route itself (new-user try: no route button).
    ((PLACEMENT_ROUTE.test(text) || (ROUTE_WORD.test(text) && CLOSED_CARE.test(text))) && PROCEDURE.test(text)) ||
    // "… wat moet ik doen als ik denk dat ie misschien gesloten moet?": what to do about closed care.
    (CLOSED_CARE.test(text) && asksWhatToDo(text)) ||
    // "CASUS-2207 loopt steeds weg … wat nu?": what to do in a case; the route walks what the plans
    // say to do (new-user try: only a refusal and the consult button).
    (namesACase(text) && asksWhatToDo(text)) ||
    // "wat moet ik doen?" and no more: in Wegwijs that is asked about a young person (new-user try:
    // "wat zeggen de plannen wat ik als eerste moet doen?" was told the documents are not about it).
    asksOnlyWhatToDo(text) ||
    // A case told without a question asks the same (see tellsACase).
    tellsACase(text) ||
    (PLACEMENT.test(text) && CLOSED_CARE.test(text) && PROCEDURE.test(text)) ||
    (AUTHORISATION.test(text) && PROCEDURE.test(text)) ||
    (PLACEMENT.test(text) && URGENT.test(text)) ||
    URGENT_PLACEMENT.test(text) ||
    // Only the topic, in a word or two ("spoed", "machtiging", "jz+ plaatsing"; new-user try: "spoed"
    // got one quote on awareness of urgent placements and no way into the route).
    (text.trim().split(/\s+/).length <= TOPIC_WORDS && (AUTHORISATION.test(text) || URGENT.test(text) || (PLACEMENT.test(text) && CLOSED_CARE.test(text))))
  );
}

/**
 * "route", "plaatsingsroute", "spoedroute", or "/wegwijs route" as a Slack surface may pass it on;
 * also after a yes ("ok spoedroute", "ja, de route": new-user try of the forty-third session, the
 * offered route did not start and a word cloud came instead).
 */
export function isRouteCommand(text: string): boolean {
  return /^(?:(?:ok(?:é|e|ay)?|ja|jawel|top|prima|goed|yes|doe maar)[,.!]?\s+)?(?:\/?wegwijs\s+)?(?:de\s+)?(?:plaatsings|spoed)?route[.!]?$/i.test(text.trim());
}

/**
 * A request for the route that names the urgent one ("spoedroute", "start de spoedroute",
 * "spoedroute graag"; not a request for the routes that mentions "spoed" elsewhere): that route
 * starts at once (team try: "spoedroute" got a word cloud, "start de spoedroute" the list of routes).
 */
export function asksForUrgentRoute(text: string): boolean {
  return (isRouteCommand(text) || asksForRoute(text)) && /\bspoed\s?route\b/i.test(text);
}

// Asking, in plain words, to be taken through the route ("kun je me stap voor stap door de
// plaatsingsroute leiden?", "wil je de route met me doorlopen?"): a route word and a walking
// verb, or going on with it ("ok verder met de route", "terug naar de route"; new-user try: a
// question mid-route left it, and only the bare word "route" resumed). A question about the
// route's contents ("welke stappen horen bij de route?") has none.
// "spoedroute graag" asks for it too (new-user try: it got a quote on acute unsafety).
const ROUTE_WORD = word("(?:plaatsings|spoed)?route|stappenplan");
const WALK = word("graag|aub|alsjeblieft|alstublieft|doorlo\\p{L}*|leid\\p{L}*|loods\\p{L}*|help\\p{L}*|start\\p{L}*|begin\\p{L}*|opstarten|meenemen|neem|begeleid\\p{L}*|lopen|stap voor stap|verder|verdergaan|hervat\\p{L}*|terug|(?:laten )?zien|toon\\p{L}*|geef");
const ASKS_FOR_FACT = word("welke|hoeveel|wanneer|waarom|wie|wat");
/** A message of at most this many words that names the placement is that topic by itself. */
const TOPIC_WORDS = 2;

/** Longer messages tell a case or ask more: they are questions, answered with the route offered. */
const ROUTE_REQUEST_WORDS = 20;

/** A request, in plain words, to walk through the placement route now. */
export function asksForRoute(text: string): boolean {
  if (text.trim().split(/\s+/).length > ROUTE_REQUEST_WORDS) return false;
  return ROUTE_WORD.test(text) && WALK.test(text) && !ASKS_FOR_FACT.test(text);
}
