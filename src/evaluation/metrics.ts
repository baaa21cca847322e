/** Scoring exactly as shared/eval/README.md defines it. */

export interface Span {
  documentId: string;
  start: number;
  end: number;
}

/** Character spans of each evidence string in its document (every occurrence). */
export function evidenceSpans(documentText: string, evidence: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (let at = documentText.indexOf(evidence); at >= 0; at = documentText.indexOf(evidence, at + 1)) {
    spans.push({ start: at, end: at + evidence.length });
  }
  return spans;
}

/** A chunk covers an evidence span when it overlaps at least half of its characters. */
export function covers(chunk: Span, documentId: string, evidence: { start: number; end: number }): boolean {
  if (chunk.documentId !== documentId) return false;
  const overlap = Math.min(chunk.end, evidence.end) - Math.max(chunk.start, evidence.start);
  return overlap >= (evidence.end - evidence.start) / 2;
}

export function recallAtK(ranked: Span[], documentId: string, evidence: Array<Array<{ start: number; end: number }>>, k: number): number {
  if (evidence.length === 0) return 0;
  const top = ranked.slice(0, k);
  const hit = evidence.filter((occurrences) => occurrences.some((e) => top.some((c) => covers(c, documentId, e))));
  return hit.length / evidence.length;
}

export function reciprocalRank(ranked: Span[], documentId: string, evidence: Array<Array<{ start: number; end: number }>>): number {
  const index = ranked
    .slice(0, 10)
    .findIndex((c) => evidence.some((occurrences) => occurrences.some((e) => covers(c, documentId, e))));
  return index < 0 ? 0 : 1 / (index + 1);
}

/** Characters of the answer text that count as its lead (shared/eval/README.md). */
export const LEAD_CHARS = 240;

/** The answer text as scored: whitespace collapsed. */
export function answerText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The start of the answer text that a reader sees first. */
export function leadText(text: string): string {
  return answerText(text).slice(0, LEAD_CHARS);
}

/** Whitespace-separated words. */
export function wordCount(text: string): number {
  const flat = answerText(text);
  return flat === "" ? 0 : flat.split(" ").length;
}

export function keywordShare(answer: string, keywords: string[]): number {
  if (keywords.length === 0) return 1;
  const flat = (s: string) => s.toLowerCase().replace(/\s+/g, " ");
  const text = flat(answer);
  return keywords.filter((k) => text.includes(flat(k))).length / keywords.length;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
