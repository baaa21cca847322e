import type { SourceCitation } from "../../bot/reply.js";
import type { Chunk, RetrievedPassage } from "../../knowledge/types.js";
import { citationFor, linePerSection } from "./citations.js";
import { ASKED, isHeaderRow, type PassageLine, shorten } from "./sentences.js";
import { documentText } from "./untrustedText.js";

/** At most this many lines that mention the term, each from a section of its own. */
const MAX_MENTIONS = 3;
/** Fewer than this many: the answer as it was (one passage's lines) says as much. */
const MIN_MENTIONS = 2;
/** A line of fewer words is a fragment: a word-cloud cell ("Duidelijkheid regievoerder"), a caption. */
const MIN_WORDS = 6;
/** A long sentence is shown up to here, cut at a word. */
const MENTION_CHARS = 280;

export interface TermMentions {
  text: string;
  sources: SourceCitation[];
  /** The passages not cited, for "Meer bronnen". */
  rest: SourceCitation[];
}

/**
 * "wat is het Servicepunt?" where no passage says what it is: the sentences and list items that
 * mention it, from different sections, best-ranked passage first, so the reply shows what the
 * plans say it does (new-user try: one list that names it once, the same list for three terms, or a
 * word-cloud cell, "HSJ vooraf aan aannmeldservice"). A question the document asks ("Wat als
 * ondersteuning vd HSJ niet toereikend is?" in a slide's brainstorm) says nothing about the term:
 * no mention (new-user try of the thirty-eighth session: it led "wat is HSJ?"). Undefined when
 * fewer than MIN_MENTIONS such lines are found.
 */
export function termMentions(passages: readonly RetrievedPassage[], mentions: (line: string, chunk: Chunk) => boolean, minMentions = MIN_MENTIONS): TermMentions | undefined {
  const picked = linePerSection(passages, MAX_MENTIONS, (lines, passage) => {
    const at = lines.findIndex((line, i) => !isHeaderRow(lines, i) && line.kind !== "row" && wordCount(line.text) >= MIN_WORDS && !ASKED.test(line.text) && mentions(line.text, passage.chunk));
    return at < 0 ? undefined : at;
  }).map(({ passage, lines, index }) => ({ passage, line: lines[index]!.text, leadIn: leadInOf(lines, index) }));
  if (picked.length < minMentions) return undefined;
  const sources = picked.map(({ passage, line, leadIn }, i) => citationFor(i + 1, passage, leadIn ? `${leadIn} - ${line}` : line));
  // A list item keeps its lead-in, so a goal ("In 2027: …") does not read as how things are now.
  const text = picked
    .map(({ line, leadIn }, i) => {
      const shown = shorten(documentText(line), MENTION_CHARS);
      return leadIn ? `“${documentText(leadIn)}”\n- ${shown} [${i + 1}]` : `“${shown}” [${i + 1}]`;
    })
    .join("\n");
  const cited = new Set(picked.map(({ passage }) => passage.chunk.id));
  const rest = passages.filter((passage) => !cited.has(passage.chunk.id)).map((passage, i) => citationFor(picked.length + i + 1, passage));
  return { text, sources, rest };
}

/** The line that introduces the list an item stands in ("In 2027:", "Geconstateerd wordt dat:"), if any. */
function leadInOf(lines: readonly PassageLine[], index: number): string | undefined {
  const line = lines[index]!;
  if (line.kind !== "item") return undefined;
  const first = lines.findIndex((other) => other.block === line.block);
  const before = lines[first - 1];
  return before && before.kind !== "item" && /:\s*$/.test(before.text) ? before.text : undefined;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
