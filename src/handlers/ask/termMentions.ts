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
  /** The passages cited, then the rest, each at the index its number is one more than. */
  numbered: RetrievedPassage[];
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
  }).map(({ passage, lines, index }) => ({ passage, line: withDefinitionAfter(lines, index), leadIn: leadInOf(lines, index), list: listAnnounced(lines, index) }));
  if (picked.length < minMentions) return undefined;
  const sources = picked.map(({ passage, line, leadIn }, i) => citationFor(i + 1, passage, leadIn ? `${leadIn} - ${line}` : line));
  // A list item keeps its lead-in, so a goal ("In 2027: …") does not read as how things are now.
  const text = picked
    .map(({ line, leadIn, list }, i) => {
      const shown = shorten(documentText(line), MENTION_CHARS);
      // A line that announces a list is quoted with it, as any lead-in is.
      if (list.length > 0) return `“${shown}”\n${list.map((item) => `- ${shorten(documentText(item), MENTION_CHARS)}`).join("\n")} [${i + 1}]`;
      return leadIn ? `“${documentText(leadIn)}”\n- ${shown} [${i + 1}]` : `“${shown}” [${i + 1}]`;
    })
    .join("\n");
  const cited = new Set(picked.map(({ passage }) => passage.chunk.id));
  const uncited = passages.filter((passage) => !cited.has(passage.chunk.id));
  const rest = uncited.map((passage, i) => citationFor(picked.length + i + 1, passage));
  return { text, sources, rest, numbered: [...picked.map(({ passage }) => passage), ...uncited] };
}

/**
 * The next sentence of the paragraph that says, pointing back, what the term means ("… het woord
 * evidence based gebruikt. Dit wordt in dit document als volgt gedefinieerd: …"; set m: the mention
 * was shown without it).
 */
const DEFINES_WHAT_CAME_BEFORE = /^(?:dit|deze|dat|die|hiermee|daarmee|hieronder|daaronder)\b[^.;:?!]{0,60}\b(?:gedefinieerd|omschreven|betekent|betekenen|bedoeld|verstaan|verstaat|staat\s+voor|staan\s+voor)\b/i;

/** A mentioning line with the sentence after it when that one defines what it mentions. */
function withDefinitionAfter(lines: readonly PassageLine[], index: number): string {
  const line = lines[index]!;
  const next = lines[index + 1];
  return line.kind === "sentence" && next?.kind === "sentence" && next.paragraph === line.paragraph && DEFINES_WHAT_CAME_BEFORE.test(next.text) ? `${line.text} ${next.text}` : line.text;
}

/** The line that introduces the list an item stands in ("In 2027:", "Geconstateerd wordt dat:"), if any. */
function leadInOf(lines: readonly PassageLine[], index: number): string | undefined {
  const line = lines[index]!;
  if (line.kind !== "item") return undefined;
  const first = lines.findIndex((other) => other.block === line.block);
  const before = lines[first - 1];
  return before && before.kind !== "item" && /:\s*$/.test(before.text) ? before.text : undefined;
}

/** At most this many items of a list a mentioning line announces. */
const LIST_ITEMS = 12;

/**
 * The items of the list a line announces ("… onderscheidt de regio nu vier stappen:" / the steps);
 * none when it announces nothing (new-user try of the forty-third session: the line was quoted
 * without its steps).
 */
function listAnnounced(lines: readonly PassageLine[], index: number): string[] {
  const line = lines[index]!;
  const next = lines[index + 1];
  if (line.kind !== "sentence" || !/:\s*$/.test(line.text) || next?.kind !== "item") return [];
  return lines.filter((other) => other.kind === "item" && other.block === next.block && other.under === undefined).slice(0, LIST_ITEMS).map((item) => (item.number ? `${item.number} ${item.text}` : item.text));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
