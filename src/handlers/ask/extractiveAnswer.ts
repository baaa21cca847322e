import type { RetrievedPassage } from "../../knowledge/types.js";
import { passageSentences, shorten } from "./sentences.js";

export interface ExtractiveAnswer {
  /** Dutch answer text: quoted sentences, each followed by its citation marker [n]. */
  text: string;
  /** 1-based numbers of the passages quoted, in order of first use. */
  cited: number[];
  /** Per cited passage, the sentence quoted first (for the sources list). */
  quotes: Map<number, string>;
  /** Whether a well-scoring sentence has the kind of answer the question asks for. */
  hasExpectedType: boolean;
}

export interface ExtractiveOptions {
  /** How many top passages to take sentences from. */
  passages: number;
  maxSentences: number;
  maxChars: number;
  /** Keep sentences scoring at least this share of the best sentence. */
  relativeFloor: number;
  /** How many of the best sentences may show the expected answer type. */
  typeWindow: number;
  /** Score bonus for a sentence that has the expected answer type. */
  typeBonus: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  passages: 3,
  maxSentences: 4,
  maxChars: 1000,
  relativeFloor: 0.5,
  typeWindow: 8,
  typeBonus: 0.15,
};

/**
 * Answers without a language model: the sentences of the top passages that cover most
 * of the question, quoted verbatim with their citation, in reading order per passage.
 */
export function extractiveAnswer(
  passages: RetrievedPassage[],
  score: (text: string) => number,
  hasType?: (sentence: string) => boolean,
  options = DEFAULT_EXTRACTIVE,
): ExtractiveAnswer {
  const candidates: Array<{ n: number; index: number; sentence: string; score: number }> = [];
  passages.slice(0, options.passages).forEach((passage, p) => {
    passageSentences(passage.chunk.text).forEach((sentence, index) => {
      // Earlier passages are a little more trustworthy: retrieval already weighed them.
      const value = score(sentence) + 0.05 * (options.passages - p);
      candidates.push({ n: p + 1, index, sentence, score: value });
    });
  });
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const typed = hasType ? ranked.slice(0, options.typeWindow).filter((c) => hasType(c.sentence)) : [];
  // The sentence that has what the question asks for (a date, a number) goes first.
  for (const c of typed) c.score += options.typeBonus;
  const best = Math.max(0, ...candidates.map((c) => c.score));
  const chosen: typeof candidates = [];
  let chars = 0;
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= options.maxSentences || c.score < best * options.relativeFloor) break;
    const length = Math.min(c.sentence.length, 400);
    if (chosen.length > 0 && chars + length > options.maxChars) continue;
    chosen.push(c);
    chars += length;
  }
  chosen.sort((a, b) => a.n - b.n || a.index - b.index);
  const quotes = new Map<number, string>();
  const lines = chosen.map((c) => {
    if (!quotes.has(c.n)) quotes.set(c.n, c.sentence);
    return `“${shorten(c.sentence, 400)}” [${c.n}]`;
  });
  return { text: lines.join("\n"), cited: [...quotes.keys()], quotes, hasExpectedType: !hasType || typed.length > 0 };
}
