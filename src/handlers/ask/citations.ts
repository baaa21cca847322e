import { deriveShortTitle } from "../../bot/sourceTitle.js";
import type { SourceCitation } from "../../bot/reply.js";
import type { RetrievedPassage } from "../../knowledge/types.js";
import { chunkLines, isHeaderRow, type PassageLine, quotedLine, shorten } from "./sentences.js";
import { documentText } from "./untrustedText.js";

const QUOTE_CHARS = 240;
/** A default quote shorter than this, or ending in ":", runs on into the next line. */
const MIN_QUOTE_CHARS = 60;

/** The section trail as shown to users: the deepest two levels are enough to find it. */
export function sectionLabel(path: string[]): string {
  return path.length === 0 ? "Begin van het document" : path.slice(-2).join(" › ");
}

/** Citation n for a retrieved passage; the quote is retrieved text, never generated. */
export function citationFor(n: number, passage: RetrievedPassage, preferredQuote?: string): SourceCitation {
  const lines = preferredQuote === undefined ? chunkLines(passage.chunk) : [];
  // A table's header row says nothing by itself: its rows carry it ("Mijlpaal: …; Wanneer: …").
  const shown = lines.flatMap((_, i) => (isHeaderRow(lines, i) ? [] : [quotedLine(lines, i)]));
  const quote = preferredQuote ?? openingQuote(shown) ?? passage.chunk.text;
  return {
    n,
    documentId: passage.chunk.documentId,
    documentTitle: passage.chunk.documentTitle,
    shortTitle: passage.chunk.documentShortTitle ?? deriveShortTitle(passage.chunk.documentTitle),
    section: sectionLabel(passage.chunk.sectionPath),
    quote: shorten(documentText(quote), QUOTE_CHARS),
  };
}


/**
 * The citation of source n with the quote the answer text shows for it: an answer cut to some of
 * its quotes (a follow-up shows only what the previous answer did not) keeps sources whose quote
 * may be one no longer shown (new-user try: the answer quoted one sentence, its source another).
 */
export function withShownQuote(source: SourceCitation, text: string): SourceCitation {
  const shownAlready = text.includes(source.quote.replace(/…$/, "").trim());
  if (shownAlready) return source;
  const block = quoteBlocks(text).find((b) => b.n === source.n);
  const quote = block?.quote.replace(/^[“"]|[”"]$/g, "").trim();
  return quote ? { ...source, quote: shorten(quote, QUOTE_CHARS) } : source;
}

/** Shown between the item that answers and the rest of its numbered list (see extractiveAnswer). */
export const REST_OF_LIST = "Verder in deze lijst:";
/** A list item as an answer quotes it: "- …", "• …", "1. …", "A. …". */
export const QUOTED_ITEM = /^(?:[-•–]\s|\d{1,2}[.)]\s|[A-Z][.)]\s)/u;

/** A quote's lines as the document has them: trimmed, without empty lines and without REST_OF_LIST. */
export function quoteLines(quote: string): string[] {
  return quote.split("\n").map((line) => line.trim()).filter((line) => line !== "" && line !== REST_OF_LIST);
}

/** An answer's quotes: each runs up to and including its citation marker ("“…” [1]", a list and its "[2]"). */
export function quoteBlocks(answer: string): Array<{ quote: string; text: string; n: number }> {
  const blocks: Array<{ quote: string; text: string; n: number }> = [];
  for (const match of answer.matchAll(/([\s\S]*?)(\s*\[(\d{1,2})\])/g)) {
    const quote = match[1]!.trim();
    if (quote !== "") blocks.push({ quote, text: `${quote}${match[2]!}`, n: Number(match[3]) });
  }
  return blocks;
}

/**
 * How a passage opens, as its quote: its first line, run on into the next while it is only a
 * lead-in ("In 2027:", "Geconstateerd wordt dat:") or too short to say anything. List items come
 * as "- item": run on, they keep their dash, so the quote stays the document's text.
 */
export function openingQuote(lines: readonly string[]): string | undefined {
  let quote = "";
  for (const [i, raw] of lines.entries()) {
    const line = i === 0 ? raw.replace(/^- /, "") : raw;
    quote = quote ? `${quote} ${line}` : line;
    if (quote.length >= MIN_QUOTE_CHARS && !quote.endsWith(":")) break;
    if (quote.length >= QUOTE_CHARS) break;
  }
  return quote || undefined;
}

/**
 * One line from each section, best-ranked passage first, at most `max`: `choose` picks the line of
 * a passage (its index), or none. Two passages of one section would read as one source shown twice.
 */
export function linePerSection(
  passages: readonly RetrievedPassage[],
  max: number,
  choose: (lines: PassageLine[], passage: RetrievedPassage) => number | undefined,
): Array<{ passage: RetrievedPassage; lines: PassageLine[]; index: number }> {
  const picked: Array<{ passage: RetrievedPassage; lines: PassageLine[]; index: number }> = [];
  const sections = new Set<string>();
  for (const passage of passages) {
    if (picked.length >= max) break;
    const section = `${passage.chunk.documentId}\n${sectionLabel(passage.chunk.sectionPath)}`;
    if (sections.has(section)) continue;
    const lines = chunkLines(passage.chunk);
    const index = choose(lines, passage);
    if (index === undefined) continue;
    sections.add(section);
    picked.push({ passage, lines, index });
  }
  return picked;
}

/**
 * An answer's text without its citation markers ("[1]", "[1, 3]"): checked for a figure or a
 * date, a marker is none of its own (a "[1]" answered every "hoeveel …?").
 */
export function withoutMarkers(text: string): string {
  return text.replace(/\[\d{1,2}(?:\s*[,;]\s*\d{1,2})*\]/g, " ");
}
