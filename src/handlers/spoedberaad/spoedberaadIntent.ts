import { ASKS_FOR_FIGURES, wordPattern as word } from "../intentPatterns.js";

const SPOEDBERAAD = word("spoedberaad|spoedoverleg|crisisoverleg");
/** Holding one: organise, convene, start, plan. */
const HOLD = word("organiseer\\p{L}*|organiseren|beleg\\p{L}*|start\\p{L}*|plan|plannen|houden|hou|bijeenroep\\p{L}*|bijeen te roepen|opzet\\p{L}*|op te zetten|aanvra\\p{L}*|regel\\p{L}*|doe|doen");
/** The situation is urgent now. */
const URGENT_NOW = word("escaleer\\p{L}*|escaleren|escalatie|geëscaleerd|acuut|acute|crisis|crisissituatie|noodsituatie|levensgevaar\\p{L}*|onveilig\\p{L}*");
/** About a young person or a case, not about the system. */
const A_CASE = word("casus|jongere|jongeren|kind|kinderen|meisje|jongen|gezin|cliënt|client|pupil|puber");

/**
 * A message about a case that is escalating now ("… ivm een casus waar het nu escaleert", "acute
 * crisis bij een jongere, wat nu?"), or that asks to hold a spoedberaad ("hoe organiseer ik een
 * spoedberaad?"): the answer offers the team's spoedberaad checklist (new-user try of the
 * twentieth session: an escalating case got a general quote and no pointer to it). A question
 * about what a spoedberaad is or about figures gets no offer.
 */
export function asksForSpoedberaad(text: string): boolean {
  if (ASKS_FOR_FIGURES.test(text)) return false;
  return (SPOEDBERAAD.test(text) && HOLD.test(text)) || (URGENT_NOW.test(text) && A_CASE.test(text));
}
