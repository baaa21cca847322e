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
export function withDocumentPointedAt(
  question: string,
  previousSources: readonly SourceCitation[] | undefined,
  /** How the document is named by its kind alone ("de presentatie"), when that names it (see AskService.documentNamedByKind). */
  namedByKind: (documentId: string) => string | undefined = () => undefined,
): string | undefined {
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
  // "stond daar niet iets over een wethouder?": "daar" is that document (new-user try of the
  // forty-second session: read with the question before, a line on aldermen from another document came).
  const there = STANDS_THERE.exec(question);
  // Not "daar … over (in)?" at the end: split from its preposition, "daar" is a thing ("staat daar iets over in?").
  if (there && !SPLIT_PREPOSITION_AT_END.test(question)) {
    // By its kind where that names it: the title's own words ("werkwijze", "plaatsing") would
    // choose the lines, not what is asked.
    const name = namedByKind(source.documentId) ?? `de ${title.replace(/^(?:de|het|een)\s+/i, "")}`;
    const at = there.index + there[0].length - "daar".length;
    return `${question.slice(0, at)}in ${name}${question.slice(at + "daar".length)}`;
  }
  return undefined;
}

/** A preposition that ends the question, with "in" after it or not: it goes with an earlier "daar". */
const SPLIT_PREPOSITION_AT_END = /\b(?:over|van|bij|in|mee|voor|aan|op)(?:\s+in)?\s*[?.!]*\s*$/iu;

/** "staat daar …", "stond er daar …": what that document says. */
const STANDS_THERE = /\b(?:sta(?:at|an)|stond(?:en)?)\s+(?:er\s+)?daar\b(?!\s*(?:in|over|bij|van)\b)/iu;
