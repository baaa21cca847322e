import { createHash } from "node:crypto";
import { readableText } from "./readableText.js";
import { isRawTableRow, isTableRow } from "./tableRows.js";
import type { Chunk, DocumentMeta } from "./types.js";

export interface ChunkingOptions {
  /** Aim for chunks of about this many characters of original text. */
  targetChars: number;
  /** Never exceed this unless a single sentence is longer. */
  maxChars: number;
}

/** Section-sized chunks: measured best for recall (answers and their context stay together). */
export const DEFAULT_CHUNKING: ChunkingOptions = { targetChars: 2000, maxChars: 3000 };

interface Heading {
  level: number;
  title: string;
  start: number;
}

interface Unit {
  start: number;
  end: number;
}

const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const SECTION_NUMBER = /^(\d+(?:\.\d+)*)\.?\s/;

function cleanHeading(text: string): string {
  return readableText(text).replace(/\s+/g, " ").trim();
}

/**
 * Level from numbering ("5.2.5" -> 3) when present. Unnumbered headings nest below the
 * current numbered one, ordered among themselves by their '#' count: exported documents
 * use '#' levels inconsistently, numbering is what their authors meant.
 */
function findHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let offset = 0;
  let numberedDepth = 0;
  let unnumbered: number[] = []; // '#' counts of the open unnumbered headings
  for (const line of text.split("\n")) {
    const match = MARKDOWN_HEADING.exec(line);
    if (match) {
      const title = cleanHeading(match[2]!);
      const hashes = match[1]!.length;
      const numbered = SECTION_NUMBER.exec(title);
      let level: number;
      if (numbered) {
        level = numbered[1]!.split(".").length;
        numberedDepth = level;
        unnumbered = [];
      } else {
        unnumbered = unnumbered.filter((h) => h < hashes);
        level = numberedDepth + 1 + unnumbered.length;
        unnumbered.push(hashes);
      }
      if (title) headings.push({ level, title, start: offset });
    }
    offset += line.length + 1;
  }
  if (headings.length >= 3) return headings;
  return findPlainHeadings(text);
}

/**
 * Slides and plain-text exports have no Markdown headings: a short stand-alone line that
 * starts with a capital and does not end a sentence is taken as a section title.
 */
function findPlainHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  const lines = text.split("\n");
  let offset = 0;
  let previousText = "";
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    const alone = (lines[i - 1] ?? "").trim() === "" && (lines[i + 1] ?? "").trim() === "";
    // A line after a lead-in ("Neem contact op met:") is what it introduces, not a title.
    const introduced = previousText.endsWith(":");
    if (trimmed !== "") previousText = trimmed;
    if (
      alone &&
      !introduced &&
      trimmed.length >= 3 &&
      trimmed.length <= 60 &&
      /^\p{Lu}/u.test(trimmed) &&
      !/[.,;:!]$/.test(trimmed) &&
      !/^[-*•“"]/.test(trimmed)
    ) {
      headings.push({ level: 1, title: cleanHeading(trimmed), start: offset });
    }
    offset += line.length + 1;
  });
  return headings;
}

/** Sentence-or-line units with offsets; long lines are cut at sentence ends. */
function units(text: string, from: number, to: number, maxChars: number): Unit[] {
  const out: Unit[] = [];
  const lineRe = /[^\n]+/g;
  lineRe.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) && m.index < to) {
    const lineStart = m.index;
    const lineEnd = Math.min(lineStart + m[0].length, to);
    if (text.slice(lineStart, lineEnd).trim() === "") continue;
    if (lineEnd - lineStart <= 300) {
      out.push({ start: lineStart, end: lineEnd });
      continue;
    }
    const sentenceEnd = /[.!?]["”')]?\s+(?=[\p{Lu}\d“"(])/gu;
    sentenceEnd.lastIndex = lineStart;
    let s = lineStart;
    let e: RegExpExecArray | null;
    while ((e = sentenceEnd.exec(text)) && e.index < lineEnd) {
      const end = e.index + e[0].length;
      if (end - s >= 40) {
        out.push(...hardSplit(s, end, maxChars));
        s = end;
      }
    }
    if (s < lineEnd) out.push(...hardSplit(s, lineEnd, maxChars));
  }
  return out;
}

function hardSplit(start: number, end: number, maxChars: number): Unit[] {
  const out: Unit[] = [];
  for (let s = start; s < end; s += maxChars) out.push({ start: s, end: Math.min(end, s + maxChars) });
  return out;
}

/**
 * The header row of the table a chunk starts in: when the line at `start` and the line right
 * above it are rows of one table, the table's first row (within the section). Else undefined.
 */
function tableHeaderAbove(text: string, start: number, sectionStart: number): string | undefined {
  const lineEnd = text.indexOf("\n", start);
  if (!isRawTableRow(text.slice(start, lineEnd < 0 ? text.length : lineEnd))) return undefined;
  let header: string | undefined;
  let end = start - 1; // the newline ending the line above
  while (end > sectionStart) {
    const lineStart = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(Math.max(lineStart, sectionStart), end);
    if (!isRawTableRow(line)) break;
    header = line;
    end = lineStart - 1;
  }
  return header;
}

function chunkId(documentId: string, start: number, end: number, text: string): string {
  return createHash("sha1").update(`${documentId}:${start}:${end}:${text}`).digest("hex").slice(0, 16);
}

/**
 * Splits a document along its headings into chunks of roughly targetChars, never across
 * a section boundary, with a one-unit overlap so a passage cut in two stays findable.
 */
export function chunkDocument(meta: DocumentMeta, text: string, options = DEFAULT_CHUNKING): Chunk[] {
  const headings = findHeadings(text);
  const sections: Array<{ path: string[]; start: number; end: number }> = [];
  const stack: Heading[] = [];
  const firstStart = headings[0]?.start ?? text.length;
  if (firstStart > 0) sections.push({ path: [], start: 0, end: firstStart });
  headings.forEach((h, i) => {
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    stack.push(h);
    sections.push({ path: stack.map((s) => s.title), start: h.start, end: headings[i + 1]?.start ?? text.length });
  });

  const chunks: Chunk[] = [];
  for (const section of sections) {
    const parts = units(text, section.start, section.end, options.maxChars);
    let i = 0;
    while (i < parts.length) {
      const first = parts[i]!;
      let j = i;
      while (
        j + 1 < parts.length &&
        parts[j]!.end - first.start < options.targetChars &&
        parts[j + 1]!.end - first.start <= options.maxChars
      ) {
        j++;
      }
      // A lead-in ("De kernvraag is:") opens the next chunk with what it introduces, rather than
      // closing this one without it.
      if (j > i && /:\s*(\*\*|__)?\s*$/.test(text.slice(parts[j]!.start, parts[j]!.end).trim())) j--;
      const start = first.start;
      const end = parts[j]!.end;
      // A chunk that starts inside a table keeps the table's header row beside it, so its rows
      // are shown as "header: value" pairs. Not in its text: the index reads what is there.
      const header = tableHeaderAbove(text, start, section.start);
      const readable = readableText(text.slice(start, end), header ? { header, cutRow: start > 0 && text[start - 1] !== "\n" } : undefined);
      // A heading alone says nothing; its title lives on in the path of the chunks below it.
      if (readable.replace(/^#+.*$/gm, "").trim().length >= 20) {
        chunks.push({
          id: chunkId(meta.id, start, end, readable),
          documentId: meta.id,
          documentTitle: meta.title,
          ...(meta.shortTitle ? { documentShortTitle: meta.shortTitle } : {}),
          sectionPath: section.path,
          // Not when its first rows were written out as lists under their column names.
          ...(header && isTableRow(readable.split("\n")[0] ?? "") ? { tableHeader: readableText(header) } : {}),
          start,
          end,
          text: readable,
        });
      }
      // Overlap one short unit with the next chunk.
      const next = j + 1;
      i = next < parts.length && j > i && parts[j]!.end - parts[j]!.start < 250 ? j : next;
    }
  }
  return chunks;
}
