import type { Chunk } from "../../knowledge/types.js";
import { isTableRow, rowCells } from "../../knowledge/tableRows.js";
/** One readable line of a passage: a sentence, a list item or a table row. */
export interface PassageLine {
  text: string;
  kind: "sentence" | "item" | "row";
  /** Consecutive lines of one kind with no blank line between them share a block (a list, a table). */
  block: number;
  /** The text line it comes from: sentences of one paragraph share it. */
  paragraph: number;
  /** A numbered list item's number as the document writes it ("2."): shown, as the order may matter. */
  number?: string;
  /**
   * The item this one continues, as an indented sub-item in lower case ("- Voor alle vormen van
   * verblijf … mogelijk is." / "  - voor pleegzorg omdat …"): it reads only with that item.
   */
  under?: number;
}

/** A line that asks a question, also inside quotation marks ("‘Hoe zorgen we ervoor …?’"). */
export const ASKED = /\?["'’”»)]*$/;

/** An indented list item that opens in lower case: a sub-item that goes on from the item above it. */
const SUB_ITEM = /^\s+(?:[-*•–▪·o]\s+)+\p{Ll}/u;

/** A stand-alone line this short after a lead-in belongs to what it introduces (a name, an address). */
const SHORT_LINE = 80;
/** A part of a sentence shorter than this is a line only when it introduces a list or has a figure. */
const SHORT_PART = 15;
/** The number of a numbered list item ("2. Trainen ..."). */
const NUMBERED = /^\s*(?:[-*•–▪·o]\s+)*(\d+[.)])\s+(?=\p{Lu})/u;
const BULLET = /^\s*(?:(?:[-*•–▪·o]\s+(?:[—⇒]\s+)?)+(?:\d+[.)]\s+(?=\p{Lu}))?|\d+[.)]\s+(?=\p{Lu}))/u;
/**
 * Where a sentence ends: after . ! or ? before a capital, a figure or an opening quote, but not
 * after a Dutch abbreviation that runs on ("op 15 juli jl. 2020 ...", "art. 6", "o.a. De ...").
 */
const SENTENCE_END =
  /(?<=[.!?])(?<!(?:^|[\s(])(?:[Jj]l|[Nn]r|[Aa]rt|[Cc]a|[Oo]\.a|[Bb]ijv|[Rr]esp|[Zz]gn|[Mm]\.b\.t|[Tt]\.a\.v|[Ii]\.p\.v|[Dd]\.w\.z|[Ii]ncl|[Mm]r|[Dd]r|[Pp]rof|[Dd]rs|[Dd]hr|[Mm]evr|[Bb]lz)\.)\s+(?=[\p{Lu}\d“"(])/u;

/** A text's sentences, as lines are split into them. */
export function sentencesOf(text: string): string[] {
  return text.split(SENTENCE_END);
}

/**
 * The lines of a passage as they can be quoted: prose split into sentences, list items and
 * table rows kept whole and grouped in blocks, so a list can be quoted with its lead-in and a
 * table row with its header. Headings are not lines.
 */
export function passageLines(text: string, headings: readonly string[] = []): PassageLine[] {
  const isHeading = new Set(headings.map((h) => h.trim()));
  const lines: PassageLine[] = [];
  let block = 0;
  let previousKind: PassageLine["kind"] | undefined;
  let paragraph = -1;
  // The block of short lines a lead-in introduces ("Neem contact op met:" / a name / an address).
  let introduced: number | undefined;
  // Whether a heading came since the last line kept: a list does not go on across it.
  let headingSince = false;
  for (const raw of namesWithTheirRole(joinBrokenSentences(text.split("\n")))) {
    paragraph++;
    const trimmed = raw.trim();
    // A list whose item ends in ";" goes on after a blank line (a page break in the PDF): it stays
    // one list, so it is quoted whole with its lead-in (the OTS item of the casusregie list was
    // lost after a break; new-user try. Measured: keywordHit q +.006, d +.012, f +.013, g +.007,
    // nothing else moved on nine sets).
    const last = lines.at(-1);
    if (trimmed === "" && previousKind === "item" && last?.kind === "item" && /;$/.test(last.text)) continue;
    if (trimmed === "" || trimmed.startsWith("#") || isHeading.has(trimmed)) {
      if (trimmed !== "") introduced = undefined;
      if (trimmed !== "") headingSince = true;
      block++;
      previousKind = undefined;
      continue;
    }
    // Not split in sentences first: the rest of a source note after an abbreviation ("² VNG, Lbr.
    // 20/045, maandag 29 juni 2020.") was quoted as a sentence of its own (new-user try).
    if (isSourceNote(trimmed)) continue;
    const kind: PassageLine["kind"] = isTableRow(trimmed) ? "row" : BULLET.test(trimmed) ? "item" : "sentence";
    if (kind === "sentence" && introduced !== undefined && trimmed.length <= SHORT_LINE && !/[.!?]$/.test(trimmed)) {
      lines.push({ text: trimmed, kind: "item", block: introduced, paragraph });
      continue;
    }
    introduced = undefined;
    // A numbered item that goes on from the last line's number ("3." / a stray "-", a blank line /
    // "- 4.") goes on in its list: a slide's list of nine points came apart in three (new-user try
    // of the forty-second session: "wat moet er georganiseerd worden …? graag als lijstje" got 1-3).
    const itemNumber = kind === "item" ? NUMBERED.exec(trimmed)?.[1] : undefined;
    const previousItem = lines.at(-1);
    if (itemNumber !== undefined && !headingSince && previousItem?.kind === "item" && previousItem.number !== undefined && numberAfter(previousItem.number) === itemNumber.replace(/\D/g, "")) block = previousItem.block;
    else if (kind !== previousKind || kind === "sentence") block++;
    previousKind = kind;
    headingSince = false;
    if (kind === "row") {
      if (/\p{L}{2}/u.test(trimmed)) lines.push({ text: trimmed, kind, block, paragraph });
      continue;
    }
    // A table row whose first cells are empty reads as "| text": the pipes are layout, not text.
    // Arrows are layout: one that opens a line marks it as a point ("⇒ VOBC, VGN …"), a trailing
    // one is a web page's "read more" link ("… over het belang van verbinding. ➡").
    const body = trimmed.replace(/^(?:\|\s*)+/, "").replace(BULLET, "").replace(/^[⇒➡→]\s+/u, "").replace(/\s*[➡→]+$/u, "").trim();
    // A line of lower-case words with no punctuation, figure or address is not a sentence: a
    // logo or caption on a slide ("elker Jeugdhulp & onderwijs"), never worth quoting.
    if (kind === "sentence" && /^\p{Ll}[\p{L}\s&'-]*$/u.test(body)) continue;
    const parts = kind === "item" ? [body] : sentencesOf(body);
    const number = kind === "item" ? NUMBERED.exec(trimmed)?.[1] : undefined;
    // A question too short to be a line ("Een utopie?") stays with the sentence that answers it:
    // "Niet vanaf medio juni 2019 …" alone reads as the opposite of what the document says (new-user
    // try). Measured: keywordHit e +.012, f +.008, lead e +.013, g +.007, nothing worse on nine sets.
    let askedBefore = "";
    for (const part of parts) {
      let s = part.trim();
      if (kind === "sentence" && s.length < SHORT_PART && s.endsWith("?") && /\p{L}{2}/u.test(s)) {
        askedBefore = `${askedBefore}${s} `;
        continue;
      }
      s = `${askedBefore}${s}`;
      askedBefore = "";
      // Short lines count when they introduce a list ("In 2027:"), carry a figure ("25 maart 2019")
      // or are a numbered item ("4. Monitoring": one of "De vijf thema's").
      if ((s.length >= SHORT_PART || s.endsWith(":") || number !== undefined || (s.length >= 6 && /\d/.test(s))) && /\p{L}{2}/u.test(s) && !isHeading.has(s)) {
        const line: PassageLine = number ? { text: s, kind, block, paragraph, number } : { text: s, kind, block, paragraph };
        const parent = kind === "item" && SUB_ITEM.test(raw) ? parentItem(lines, block) : undefined;
        lines.push(parent === undefined ? line : { ...line, under: parent });
      }
    }
    // Short stand-alone lines after a lead-in get a block of their own, read with the lead-in.
    if (kind === "sentence" && trimmed.endsWith(":")) introduced = ++block;
  }
  return lines;
}

/** The number after a list item's number ("3." → "4"), or undefined for a letter. */
function numberAfter(number: string): string | undefined {
  const digits = /\d+/.exec(number)?.[0];
  return digits === undefined ? undefined : String(Number(digits) + 1);
}

/** The last item of the block that is not itself a sub-item: the one a sub-item goes on from. */
function parentItem(lines: PassageLine[], block: number): number | undefined {
  for (let i = lines.length - 1; i >= 0 && lines[i]!.block === block && lines[i]!.kind === "item"; i--) {
    if (lines[i]!.under === undefined) return i;
  }
  return undefined;
}

/** The sub-items right under an item (see PassageLine.under). */
export function subItemsOf(lines: readonly PassageLine[], index: number): number[] {
  const out: number[] = [];
  for (let i = index + 1; lines[i]?.under === index; i++) out.push(i);
  return out;
}

/**
 * Text converted from PDF sometimes breaks a sentence with a blank line ("... als door het" /
 * "ontwikkelen van ..."): a prose line or list item that ends without punctuation is joined to
 * the next prose line when that one starts in lower case (a page break inside a list item:
 * "Organisaties die … achterblijven," / "worden door de IGJ aangesproken.").
 */
function joinBrokenSentences(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    let end = i;
    // Footnotes printed at the foot of the page the sentence breaks over: kept, after the sentence.
    let footnotes: string[] = [];
    while ((isProse(line) || isItem(line)) && !/[.!?:;)"”’]\s*$/.test(line)) {
      let gap = 1;
      const skipped: string[] = [];
      let pageBreak = false;
      // Blank lines, footnotes and a page rule ("---") may stand between the two halves.
      for (let between = raw[end + gap]; between !== undefined; between = raw[end + ++gap]) {
        if (isFootnote(between)) skipped.push(between);
        else if (isRule(between)) pageBreak = true;
        else if (between.trim() !== "") break;
      }
      if (gap > 2 && skipped.length === 0 && !pageBreak) break;
      const next = raw[end + gap];
      if (next === undefined || !isProse(next) || !/^\s*\p{Ll}/u.test(next)) break;
      line = `${line.trimEnd()} ${next.trim()}`;
      footnotes = [...footnotes, ...skipped];
      end += gap;
    }
    // Only a join that ends as a sentence does is a broken sentence; short lines that never reach
    // a full stop are a slide's title, logos and captions, each a line of its own.
    if (end > i && !/[.!?:;)"”’]\s*$/.test(line)) {
      line = raw[i]!;
      footnotes = [];
    } else i = end;
    out.push(line);
    for (const footnote of footnotes) out.push("", footnote);
  }
  return out;
}

/** A footnote's own line: it starts with its number in superscript ("² Ascend, ..."). */
export function isFootnote(line: string): boolean {
  return /^\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/.test(line);
}

/**
 * A footnote that cites a source rather than explaining: it has a year in it or is no sentence
 * ("² Ascend, The Aspen Institute", "⁵ VNG: Werken aan Veiligheid …, december 2019"). It says where
 * something comes from, not what; a footnote that explains ("⁴ Indien we spreken van …") stays.
 */
export function isSourceNote(text: string): boolean {
  const note = /^\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s+(.*)$/u.exec(text);
  return note !== null && (/\b(19|20)\d{2}\b/.test(note[1]!) || !/[.!?]["”’)]?$/.test(note[1]!.trim()));
}

/** A list item's text line (not a table row). */
function isItem(line: string): boolean {
  return BULLET.test(line) && !isTableRow(line);
}

/** A text line that is prose: not blank, not a heading, a table row or a list item. */
function isProse(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== "" && !trimmed.startsWith("#") && !isTableRow(line) && !BULLET.test(line) && !isFootnote(line) && !isRule(line);
}

/** A person's name on a line of its own: two to four capitalised words, particles between, perhaps an abbreviation in brackets. */
const NAME = String.raw`\p{Lu}\p{Ll}+(?:\s+(?:van|de|der|den|ten|ter|in 't|op de))*(?:\s+\p{Lu}[\p{Ll}'-]+){1,3}(?:\s+\(\p{Lu}[\p{L}\s]*\))?`;
const NAME_LINE = new RegExp(`^${NAME}$`, "u");
const SIGNED = new RegExp(`^${NAME}, `, "u");

/** A line without the name that `namesWithTheirRole` put before it: what it says of the person. */
export function withoutSignature(text: string): string {
  return text.replace(SIGNED, "");
}

/**
 * A name on a line of its own above a short line saying who they are (a signature: "Wouter
 * Struijk" / "Voorzitter van de stuurgroep …") is one line, "name, role": the role alone does not
 * say who, and the name alone is too short to quote.
 */
function namesWithTheirRole(raw: string[]): string[] {
  const out: string[] = [];
  // Not a contact block under a lead-in ("neem contact op met:" / a name / a phone number).
  let afterLeadIn = false;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!.trim();
    let next = i + 1;
    while (next < raw.length && raw[next]!.trim() === "" && next - i <= 2) next++;
    const role = raw[next]?.trim() ?? "";
    if (NAME_LINE.test(line) && !afterLeadIn && isProse(role) && role.length <= SHORT_LINE && !/\d/.test(role) && !SENTENCE_END.test(role.replace(/[.!?]$/, ""))) {
      out.push(`${line}, ${role}`);
      afterLeadIn = false;
      i = next;
      continue;
    }
    out.push(raw[i]!);
    if (line !== "") afterLeadIn = line.endsWith(":");
  }
  return out;
}

/** A horizontal rule ("---"): where the document's pages break, not text. */
function isRule(line: string): boolean {
  return /^\s*([-*_])(\s*\1){2,}\s*$/.test(line);
}

/** A passage's lines as they are read: a passage that starts inside a table gets its header row back. */
export function chunkLines(chunk: Pick<Chunk, "text" | "sectionPath" | "tableHeader">): PassageLine[] {
  return passageLines(chunk.tableHeader ? `${chunk.tableHeader}\n${chunk.text}` : chunk.text, chunk.sectionPath);
}

/**
 * A line as a quote shows it: a table row as "header: value" pairs under its table's first row,
 * not as cells; a list item with its dash or number, as the document has it.
 */
export function quotedLine(lines: readonly PassageLine[], index: number): string {
  const line = lines[index]!;
  if (line.kind === "item") return `${line.number ?? "-"} ${line.text}`;
  if (line.kind !== "row") return line.text;
  const header = lines.find((other) => other.block === line.block)!;
  return rowAsPairs(line.text, header.text);
}

/**
 * Whether a line is the header row of its table: the table's first row, with rows under it or at
 * the passage's end (the table goes on in the next passage). It says nothing by itself.
 */
export function isHeaderRow(lines: readonly PassageLine[], index: number): boolean {
  const line = lines[index]!;
  const next = lines[index + 1];
  return line.kind === "row" && lines[index - 1]?.block !== line.block && (next === undefined || next.block === line.block);
}

/** A sentence or list line of a passage, as shown in an answer; headings are not sentences. */
export function passageSentences(text: string, headings: readonly string[] = []): string[] {
  return passageLines(text, headings).map((line) => line.text);
}

/** Words that open a condition: what follows holds only then. */
const CONDITION_OPENING = /^(?:indien|als|wanneer|mits|zolang|tenzij|bij|in (?:het |die |de |dat )?gevall?(?:en)?)\b/i;

/** Room (characters) worth showing the start of a sentence that does not fit whole. */
const PARTIAL_MIN = 60;
/** A partial sentence shows at least this much of what follows its colon, or is left out. */
const AFTER_COLON_MIN = 30;

/** Longest opening sentence (in words) read as an item's label ("Capaciteit.", "Leren en ontwikkelen."). */
const LABEL_WORDS = 4;

function isLabel(sentence: string): boolean {
  return sentence.split(/\s+/).length <= LABEL_WORDS && /^\P{Ll}/u.test(sentence.trim());
}

/**
 * A long text cut to at most max characters by whole sentences: the sentences that score best
 * (on the question), in their own order, with "…" where sentences are left out. A text whose
 * sentences all score nothing is shortened from its start. With `answers` (the kind of answer a
 * how-many or when question asks for), the scoring sentence that holds it leads the excerpt.
 */
export function excerpt(text: string, score: (sentence: string) => number, max: number, answers?: (sentence: string) => boolean): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const sentences = flat.split(SENTENCE_END);
  const scores = sentences.map((sentence) => score(sentence));
  const order = sentences.map((_, i) => i).filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]! || a - b);
  if (order.length === 0) return shorten(flat, max);
  const chosen = new Set<number>();
  let used = 0;
  const fits = (i: number) => used + sentences[i]!.length + 2 <= max;
  // A text that opens with a condition ("indien er sprake is van vrijwillige hulpverlening …")
  // says under which condition the rest holds: the rest is not shown without it.
  // So does a label that opens it ("Achtervang en klankbord. Zij fungeren als …"): it names what
  // the rest is about (new-user try: the expertiseteam's first function was shown without it).
  if ((CONDITION_OPENING.test(sentences[0]!) || isLabel(sentences[0]!)) && fits(0)) {
    chosen.add(0);
    used += sentences[0]!.length + 2;
  }
  const partial = new Map<number, string>();
  // The best sentence too long to show whole is shown by its parts that answer, after its opening
  // ("Het toezicht richt zich … op de volgende aspecten: … suïcidepreventie; …"), rather than
  // left out for shorter sentences that answer less.
  // The sentence with the figure or date asked for is the answer: it leads, and sentences before it
  // come only when they hold one too (measured: lead q2 +.007, c +.010, e +.012, g +.016, no other
  // figure moved on fourteen sets; "… om 10.000 professionals in 45 grote gemeenten te trainen"
  // stood after two sentences about a growing movement of professionals).
  const holds = answers === undefined ? undefined : sentences.map((sentence) => answers(sentence));
  const typed = holds === undefined ? -1 : order.findIndex((i) => holds[i]);
  if (typed > 0) order.unshift(...order.splice(typed, 1));
  const best = order[0]!;
  const beforeTheFigure = (i: number) => typed >= 0 && i < best && !holds![i];
  if (!chosen.has(best) && !fits(best)) {
    let cut = clausesThatAnswer(sentences[best]!, score, max - used - 2);
    // Without a colon or semicolon to cut at, at its commas, when the clauses that answer say more
    // than the sentence's start ("Complexiteit door …: … waarin naast lokale teams ook huisartsen …
    // een belangrijke rol spelen."; new-user try: cut to its start, the quote never named them).
    if (cut === undefined) {
      const byComma = clausesThatAnswer(sentences[best]!, score, max - used - 2, /(?<=[;:,])\s+/);
      if (byComma !== undefined && score(byComma) > score(shorten(sentences[best]!, max - used - 2))) cut = byComma;
    }
    if (cut !== undefined) {
      partial.set(best, cut);
      chosen.add(best);
      used += cut.length + 2;
    }
  }
  for (const i of order) {
    if (chosen.has(i) || beforeTheFigure(i)) continue;
    if (!fits(i)) continue;
    chosen.add(i);
    used += sentences[i]!.length + 2;
  }
  if (chosen.size === 0) return `${order[0]! > 0 ? "… " : ""}${shorten(sentences[order[0]!]!, max - 2)}`;
  // Room left is filled with the neighbours of what was chosen, the sentence after first.
  const distance = (i: number) => Math.min(...[...chosen].map((c) => (i > c ? 2 * (i - c) - 1 : 2 * (c - i))));
  const rest = sentences.map((_, i) => i).filter((i) => !chosen.has(i)).sort((a, b) => distance(a) - distance(b) || a - b);
  for (const i of rest) {
    // Before the answer only what shares a word with the question: reading up to it pushed it
    // past the first lines (measured: lead q2 +.015, i +.013, nothing else moved on eleven sets).
    if (i < best && (scores[i] === 0 || beforeTheFigure(i))) continue;
    if (fits(i)) {
      chosen.add(i);
      used += sentences[i]!.length + 2;
    } else if (partial.size === 0 && max - used >= PARTIAL_MIN) {
      // The nearest sentence that does not fit is shown as far as it goes, unless that stops just
      // after the colon that opens what it says ("… op de volgende aspecten: over…").
      const cut = shorten(sentences[i]!, max - used - 2);
      const colon = cut.lastIndexOf(":");
      if (colon >= 0 && cut.length - colon < AFTER_COLON_MIN) continue;
      partial.set(i, cut);
      chosen.add(i);
      used = max;
    }
  }
  let out = "";
  let last = -1;
  for (let i = 0; i < sentences.length; i++) {
    if (!chosen.has(i)) continue;
    if (i > last + 1) out += out === "" ? "… " : out.endsWith("…") ? " " : " … ";
    else if (out !== "") out += " ";
    out += partial.get(i) ?? sentences[i];
    last = i;
  }
  return last < sentences.length - 1 && !partial.has(last) ? `${out} …` : out;
}

/**
 * A sentence cut to its opening (up to its first colon or semicolon) and the clauses after it that
 * score, in order, with "…" for what is left out; undefined when no clause after the opening
 * scores or the result does not fit in max characters.
 */
function clausesThatAnswer(sentence: string, score: (text: string) => number, max: number, boundary = /(?<=[;:])\s+/): string | undefined {
  const parts = sentence.split(boundary);
  if (parts.length < 3) return undefined;
  const kept = parts.map((part, i) => i === 0 || score(part) > 0);
  if (!kept.slice(1).some(Boolean)) return undefined;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    if (kept[i]) out += kept[i - 1] ? ` ${parts[i]}` : ` … ${parts[i]}`;
  }
  if (!kept.at(-1)) out += " …";
  return out.length <= max ? out : undefined;
}

/** Shortens to at most max characters on a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${cut.slice(0, lastSpace > max * 0.6 ? lastSpace : cut.length)}…`;
}

/**
 * A table row read as "header: value" pairs ("Niveau: Landelijk; Regionaal leren: X"); cells
 * without a header or without a value are shown as they are or left out.
 */
export function rowAsPairs(row: string, header: string | undefined): string {
  const cells = rowCells(row);
  if (!header || header === row) return cells.filter((c) => c !== "").join("; ");
  const names = rowCells(header);
  return cells
    .map((cell, i) => (cell === "" ? "" : names[i] && names[i] !== cell ? `${names[i]}: ${cell}` : cell))
    .filter((pair) => pair !== "")
    .join("; ");
}
