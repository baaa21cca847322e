import type { Chunk, RetrievedPassage } from "../../knowledge/types.js";
import { passageSentences } from "./sentences.js";

const MARKER_RE = /\[(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\]/g;

/** The sentences of a generated answer that cite passage n, without their markers. */
export function claimsCiting(answer: string, n: number): string {
  const sentences = answer.match(/[^.!?\n]+(?:[.!?]+|\n|$)(?:\s*\[\d{1,2}(?:\s*[,;]\s*\d{1,2})*\])*/g) ?? [];
  return sentences
    .filter((s) => [...s.matchAll(MARKER_RE)].some((m) => m[1]!.split(/[,;]/).some((x) => Number(x.trim()) === n)))
    .map((s) => s.replace(MARKER_RE, " ").replace(/\s+/g, " ").replace(/ ([.!?])/g, "$1").trim())
    .join(" ");
}

/**
 * The sentence of the passage that best supports the claim citing it (scored with the same
 * Dutch analysis as retrieval), so the quote under a source shows why it is cited, not merely
 * how the passage begins. Undefined when no sentence shares anything with the claim.
 */
export function supportingQuote(
  claim: string,
  passage: RetrievedPassage,
  scoreFor: (claim: string) => (sentence: string, chunk?: Chunk) => number,
): string | undefined {
  if (claim.trim() === "") return undefined;
  const score = scoreFor(claim);
  let best: { sentence: string; score: number } | undefined;
  for (const sentence of passageSentences(passage.chunk.text, passage.chunk.sectionPath)) {
    const s = score(sentence, passage.chunk);
    if (s > 0 && (!best || s > best.score)) best = { sentence, score: s };
  }
  return best?.sentence;
}
