import type { SourceCitation } from "../../bot/reply.js";
import { foldText, wordTokens } from "../../knowledge/analysis/normalise.js";

/** "die werkwijze", "deze regiovisie": a demonstrative and the word after it. */
const POINTED = /\b(?:die|dat|deze|dit)\s+(\p{L}+)/giu;

/** Words for a document that point at any one ("dat stuk", "dit plan"). */
const ANY_DOCUMENT = new Set(["stuk", "document", "plan", "rapport"]);
/** Words for a kind of document that point at one whose title ends in them ("die werkwijze", "die visie" for a regiovisie). */
const KIND_OF_DOCUMENT = new Set(["werkwijze", "visie", "actieplan", "rapportage", "programma", "presentatie", "artikel", "aanpak"]);

/**
 * A question that points at the document the previous answer came from by a word for documents
 * ("dat stuk") or the kind of document its title names ("wat moet er nog georganiseerd worden voor
 * die werkwijze?" after an answer from the nieuwe werkwijze), with that document named in its
 * place, so it is asked of that document. Undefined when the previous answer quoted more than one
 * document, or the question points at no document ("die jongeren"). New-user try of the
 * forty-first session: the action plan's line on "nieuwe werkwijzen" answered.
 */
export function withDocumentPointedAt(question: string, previousSources: readonly SourceCitation[] | undefined): string | undefined {
  const source = previousSources?.[0];
  if (!source || previousSources!.some((other) => other.documentId !== source.documentId)) return undefined;
  const title = source.shortTitle ?? source.documentTitle;
  const titleWords = wordTokens(foldText(`${title} ${source.documentTitle}`));
  for (const match of question.matchAll(POINTED)) {
    const word = foldText(match[1]!);
    if (!ANY_DOCUMENT.has(word) && !(KIND_OF_DOCUMENT.has(word) && titleWords.some((titleWord) => titleWord.endsWith(word)))) continue;
    const name = title.replace(/^(?:de|het|een)\s+/i, "");
    return `${question.slice(0, match.index)}de ${name}${question.slice(match.index! + match[0].length)}`;
  }
  return undefined;
}
