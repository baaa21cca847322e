import type { SourceCitation } from "../../bot/reply.js";
import { foldText } from "../../knowledge/analysis/normalise.js";
import type { Chunk } from "../../knowledge/types.js";
import { sectionLabel } from "./citations.js";
import { chunkLines, isHeaderRow, type PassageLine, quotedLine, shorten } from "./sentences.js";
import { documentText } from "./untrustedText.js";

/** How much of what follows is shown: about a short paragraph. */
const CONTINUATION_WORDS = 60;
/** How much of a quote's opening is enough to find its passage, and a line in a shown answer. */
const MATCH_CHARS = 50;

const flat = (text: string) => foldText(text.replace(/[“”"]/g, " ")).replace(/\s+/g, " ").trim();

/**
 * What the passage of a cited source says right after the lines an answer showed from it ("Het
 * streven is … dichtbij de oude …" / "Ook dit vraagt altijd om een persoonlijke afweging …" / "Als
 * er geen pleegzorggezinnen in de nabijheid zijn, …"): the next lines not yet shown, about a short
 * paragraph, as a quote with its citation marker [1], and the passage it comes from. Undefined when
 * the passage is not found, shows nothing of it, or ends there.
 */
export function sectionContinuation(chunks: Iterable<Chunk>, source: SourceCitation, shown: string): { text: string; chunk: Chunk; first: string } | undefined {
  const head = flat(source.quote.replace(/^[-•\s]+/, "").replace(/…$/, "")).slice(0, MATCH_CHARS);
  if (head === "") return undefined;
  let chunk: Chunk | undefined;
  for (const candidate of chunks) {
    if (candidate.documentId === source.documentId && sectionLabel(candidate.sectionPath) === source.section && flat(candidate.text).includes(head)) {
      chunk = candidate;
      break;
    }
  }
  if (!chunk) return undefined;
  const lines = chunkLines(chunk);
  const inAnswer = flat(shown);
  const isShown = (line: PassageLine) => inAnswer.includes(flat(line.text).slice(0, MATCH_CHARS));
  let last = -1;
  lines.forEach((line, i) => {
    if (isShown(line)) last = i;
  });
  if (last < 0) return undefined;
  const next: number[] = [];
  let words = 0;
  for (let i = last + 1; i < lines.length && words < CONTINUATION_WORDS; i++) {
    if (isShown(lines[i]!) || isHeaderRow(lines, i)) continue;
    next.push(i);
    words += lines[i]!.text.split(/\s+/).length;
  }
  if (next.length === 0) return undefined;
  const out: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length > 0) out.push(`“${shorten(documentText(prose.join(" ")), CONTINUATION_WORDS * 10)}”`);
    prose = [];
  };
  for (const i of next) {
    if (lines[i]!.kind === "sentence") prose.push(lines[i]!.text);
    else {
      flush();
      out.push(documentText(quotedLine(lines, i)));
    }
  }
  flush();
  return { text: `${out.join("\n")} [1]`, chunk, first: lines[next[0]!]!.text };
}
