import { deriveShortTitle } from "../../bot/sourceTitle.js";
import type { SourceCitation } from "../../bot/reply.js";
import type { RetrievedPassage } from "../../knowledge/types.js";
import { passageSentences, shorten } from "./sentences.js";
import { documentText } from "./untrustedText.js";

const QUOTE_CHARS = 240;

/** The section trail as shown to users: the deepest two levels are enough to find it. */
export function sectionLabel(path: string[]): string {
  return path.length === 0 ? "Begin van het document" : path.slice(-2).join(" › ");
}

/** Citation n for a retrieved passage; the quote is retrieved text, never generated. */
export function citationFor(n: number, passage: RetrievedPassage, preferredQuote?: string): SourceCitation {
  const quote = preferredQuote ?? passageSentences(passage.chunk.text, passage.chunk.sectionPath)[0] ?? passage.chunk.text;
  return {
    n,
    documentId: passage.chunk.documentId,
    documentTitle: passage.chunk.documentTitle,
    shortTitle: deriveShortTitle(passage.chunk.documentTitle),
    section: sectionLabel(passage.chunk.sectionPath),
    quote: shorten(documentText(quote), QUOTE_CHARS),
  };
}

