import { ASKS_FOR_FIGURES, ESCALATES, namesACase, onlyUrgency, urgentAboutSomeone, wordPattern as word } from "../../bot/intentPatterns.js";

const SPOEDBERAAD = word("spoedberaad|spoedoverleg|crisisoverleg");
/** Holding one: organise, convene, start, plan. */
const HOLD = word("organiseer\\p{L}*|organiseren|beleg\\p{L}*|(?:op)?start\\p{L}*|op te starten|plan|plannen|houden|hou|bijeenroep\\p{L}*|bijeen te roepen|opzet\\p{L}*|op te zetten|aanvra\\p{L}*|regel\\p{L}*|doe|doen|klaarzet\\p{L}*|klaar te zetten|klaarmak\\p{L}*|klaar te maken");
/** Its checklist asked for by name ("kun je een checklist voor het spoedberaad klaarzetten?"; new-user try of the thirty-seventh session). */
const CHECKLIST = word("checklist\\p{L}*|afvinklijst\\p{L}*");
/**
 * Preparing one: what must be arranged or discussed ("wat moet er voor een spoedberaad geregeld
 * zijn?", "welke punten moeten besproken worden in een spoedberaad?"), which its checklist lists.
 */
const PREPARE = word("geregeld|bereid|bereiden|voorbereid\\p{L}*|voor te bereiden|voorbereiding|bespreken|besproken|meenemen|mee te nemen|klaar hebben|klaarliggen");
/** One coming up soon for a case ("morgen hebben we een spoedberaad voor een meisje van 16"). */
const SOON = word("morgen|vandaag|vanmiddag|vanavond|straks|zo meteen|deze week|overmorgen|nu");
/** Conferring urgently: "we moeten nu met spoed overleggen". */
const CONFER_URGENTLY = word("(?:met\\s+)?spoed(?:ig)?\\s+(?:\\p{L}+\\s+){0,2}(?:overleg\\p{L}*|beraad\\p{L}*|bij elkaar)|(?:overleg\\p{L}*|beraad\\p{L}*)\\s+(?:\\p{L}+\\s+){0,2}met spoed");
/**
 * A message about a case that is escalating now ("… ivm een casus waar het nu escaleert", "acute
 * crisis bij een jongere, wat nu?", "en wat als het escaleert vannacht?"), or that asks to confer
 * urgently or hold a spoedberaad ("we moeten nu met spoed overleggen", "kun je een spoedberaad
 * opstarten?"): the answer offers the team's spoedberaad checklist (new-user try of the
 * twentieth session: an escalating case got a general quote and no pointer to it). A question
 * about what a spoedberaad is or about figures gets no offer.
 */
export function asksForSpoedberaad(text: string): boolean {
  if (ASKS_FOR_FIGURES.test(text)) return false;
  return (
    onlyUrgency(text) ||
    (SPOEDBERAAD.test(text) && (HOLD.test(text) || CHECKLIST.test(text) || PREPARE.test(text) || (SOON.test(text) && namesACase(text)))) ||
    CONFER_URGENTLY.test(text) ||
    ESCALATES.test(text) ||
    urgentAboutSomeone(text)
  );
}
