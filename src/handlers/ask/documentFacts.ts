import type { SourceCitation } from "../../bot/reply.js";
import { deriveShortTitle } from "../../bot/sourceTitle.js";
import { foldText } from "../../knowledge/analysis/normalise.js";
import type { DocumentMeta } from "../../knowledge/types.js";

/**
 * Questions about a plan document itself rather than what it says: who made it, or when it
 * appeared ("welke organisaties hebben de nieuwe werkwijze gemaakt?", "van wanneer is de
 * regiovisie?"). The text often does not say (a slide deck shows its makers as logos); the admin's
 * corpus.json does. Answered from there, cited as the document's details, only when the question
 * names one document and its details have the fact.
 */

export type DocumentFact = "maker" | "date";

/**
 * Asking who made a document: a making verb with a "who", its makers by name, or who is behind it
 * ("wie zitten er achter die nieuwe werkwijze?"; new-user try: answered with the region it is for),
 * also with a filler ("wie zitten er eigenlijk achter …?"; a later try got a notice and a quote).
 * Not "van wie is het plan?": whose initiative it is, which the text may say otherwise than the details.
 */
const MAKER =
  /\b(?:(?:wie|welke (?:organisaties?|partij(?:en)?|instanties?|instellingen?))\b[^?]*\b(?:gemaakt|geschreven|opgesteld|uitgegeven|gepubliceerd|ontwikkeld|maakte|maakten|schreef|schreven|stelde|stelden)|wie (?:zijn|is) de (?:auteurs?|makers?|opstellers?|uitgever)|wie (?:zit|zitten|zat|zaten|staat|staan) (?:er )?(?:(?:eigenlijk|nou|nu|precies|dan|eig) )?achter)\b/;
/** Asking when a document appeared. */
const DATE =
  /\b(?:van wanneer (?:is|zijn|dateert)|wanneer (?:is|zijn|werd|werden)\b[^?]*\b(?:verschenen|gepubliceerd|uitgekomen|uitgebracht|vastgesteld|geschreven|gemaakt|opgesteld)|wanneer (?:verscheen|kwam)\b[^?]*\buit|uit welk jaar (?:is|komt|zijn)|wat is de datum van)\b/;

export function documentFactAsked(question: string): DocumentFact | undefined {
  const folded = foldText(question);
  if (MAKER.test(folded)) return "maker";
  if (DATE.test(folded)) return "date";
  return undefined;
}

/** "2020-11-30" -> "30 november 2020", "2020-11" -> "november 2020"; other forms as written. */
export function readableDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return date.trim();
  const [, year, month, day] = match;
  if (!month || Number(month) < 1 || Number(month) > 12) return year!;
  const format = new Intl.DateTimeFormat("nl-NL", { ...(day ? { day: "numeric" } : {}), month: "long", year: "numeric", timeZone: "UTC" });
  return format.format(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
}

export interface DocumentFactAnswer {
  text: string;
  source: SourceCitation;
}

/** How an answer from a document's details opens. */
const FROM_DETAILS = "Volgens de gegevens bij de plandocumenten";

/** Whether an answer's text gives a fact from a document's details (see documentFactAnswer). */
export function givesDocumentFact(text: string): boolean {
  return text.includes(FROM_DETAILS);
}

/** The answer from the document's details, or undefined when they lack the fact asked for. */
export function documentFactAnswer(fact: DocumentFact, meta: DocumentMeta): DocumentFactAnswer | undefined {
  const value = fact === "maker" ? meta.publisher : meta.date;
  if (!value) return undefined;
  const what = [meta.kind, meta.region && meta.region !== "landelijk" ? `regio ${meta.region}` : meta.region].filter(Boolean).join(", ");
  const title = `“${meta.title}”${what ? ` (${what})` : ""}`;
  const text =
    fact === "maker"
      ? `${FROM_DETAILS} komt ${title} van: ${value}. [1]`
      : `${FROM_DETAILS} is ${title} van ${readableDate(value)}. [1]`;
  const details = [meta.publisher ? `Uitgever: ${meta.publisher}` : "", meta.date ? `datum: ${readableDate(meta.date)}` : "", meta.kind ? `soort: ${meta.kind}` : ""].filter(Boolean);
  return {
    text,
    source: {
      n: 1,
      documentId: meta.id,
      documentTitle: meta.title,
      shortTitle: meta.shortTitle ?? deriveShortTitle(meta.title),
      section: "Documentgegevens",
      quote: details.join("; "),
    },
  };
}
