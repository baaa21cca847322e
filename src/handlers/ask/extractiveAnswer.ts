import type { Chunk, RetrievedPassage } from "../../knowledge/types.js";
import { documentText } from "./untrustedText.js";
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
  /**
   * 1-based passage whose section the question names ("wat zegt principe G?"): the answer is
   * that section, read from the top, not its best-scoring sentences.
   */
  namedSection?: number;
  /** Weight of a sentence's score when read together with its section heading. */
  headingContext: number;
  /** Score bonus for a sentence that has the expected answer type. */
  typeBonus: number;
  /** A typed sentence must cover at least this share of what the best sentence covers. */
  typeFloor: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  passages: 5,
  maxSentences: 5,
  maxChars: 1200,
  relativeFloor: 0.4,
  typeWindow: 12,
  headingContext: 0.8,
  typeBonus: 0.15,
  typeFloor: 0.3,
};

/**
 * Answers without a language model: the sentences of the top passages that cover most
 * of the question, quoted verbatim with their citation, in reading order per passage.
 */
export function extractiveAnswer(
  passages: RetrievedPassage[],
  score: (sentence: string, chunk?: Chunk) => number,
  hasType?: (sentence: string) => boolean,
  options = DEFAULT_EXTRACTIVE,
): ExtractiveAnswer {
  const candidates: Array<{ n: number; index: number; sentence: string; own: number; score: number }> = [];
  const sentencesOf = new Map<number, string[]>();
  passages.slice(0, options.passages).forEach((passage, p) => {
    const sentences = passageSentences(passage.chunk.text, passage.chunk.sectionPath);
    sentencesOf.set(p + 1, sentences);
    sentences.forEach((sentence, index) => {
      // A sentence in a passage that covers the question well is more likely the answer.
      // Earlier passages are a little more trustworthy too: retrieval already weighed them.
      const own = score(sentence, passage.chunk);
      // A sentence that shares nothing with the question is never an answer, wherever it stands.
      if (own <= 0) return;
      // Read under its heading, a sentence may answer more ("Doelstelling" + what the goal is).
      const underHeading = options.headingContext * score(`${passage.chunk.sectionPath.at(-1) ?? ""}\n${sentence}`, passage.chunk);
      const value = Math.max(own, underHeading) + 0.3 * passage.coverage + 0.05 * (options.passages - p);
      candidates.push({ n: p + 1, index, sentence, own, score: value });
    });
  });
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  // Only a sentence that is itself about the question counts as having the answer type:
  // a figure in an unrelated sentence answers nothing.
  const bestOwn = Math.max(0, ...candidates.map((c) => c.own));
  const typed: typeof candidates = [];
  if (hasType) {
    for (const c of ranked.slice(0, options.typeWindow)) {
      if (c.own < bestOwn * options.typeFloor) continue;
      if (hasType(c.sentence)) {
        typed.push(c);
        continue;
      }
      // A heading-like line and the date or figure right under it ("Regiovisie ..." / "30 november 2020").
      const next = sentencesOf.get(c.n)?.[c.index + 1];
      if (next && next.length <= 200 && hasType(next) && !candidates.some((o) => o.n === c.n && o.index === c.index + 1)) {
        const companion = { n: c.n, index: c.index + 1, sentence: next, own: c.own, score: c.score };
        candidates.push(companion);
        typed.push(companion);
      }
    }
  }
  // The sentence that has what the question asks for (a date, a number) goes first.
  for (const c of typed) c.score += options.typeBonus;
  const best = Math.max(0, ...candidates.map((c) => c.score));
  const chosen: typeof candidates = [];
  let chars = 0;
  const named = options.namedSection;
  const order =
    named !== undefined
      ? (sentencesOf.get(named) ?? []).map((sentence, index) => ({ n: named, index, sentence, own: best, score: best }))
      : [...candidates].sort((a, b) => b.score - a.score);
  for (const c of order) {
    if (chosen.length >= options.maxSentences || c.score < best * options.relativeFloor) break;
    const length = Math.min(c.sentence.length, 400);
    if (chosen.length > 0 && chars + length > options.maxChars) continue;
    chosen.push(c);
    chars += length;
  }
  // The best sentence often sets up what the next one says ("... uit verschillende stelsels."
  // -> "We denken aan een vouchersysteem ..."): quote its successor too. So does any quoted
  // sentence whose successor refers back to it ("Daarmee ...", "Hiervoor ...") or answers it (a
  // quoted question). Added sentences may pull in their own successor, a few at most.
  const top = [...chosen].sort((a, b) => b.score - a.score)[0];
  let added = 0;
  for (let i = 0; i < chosen.length && added < 3; i++) {
    const c = chosen[i]!;
    const next = sentencesOf.get(c.n)?.[c.index + 1];
    if (!next || c.sentence.trimEnd().endsWith(":") || chosen.some((o) => o.n === c.n && o.index === c.index + 1)) continue;
    const continues = REFERS_BACK.test(next) || c.sentence.trimEnd().endsWith("?");
    if (c === top || continues) {
      chosen.push({ n: c.n, index: c.index + 1, sentence: next, own: 0, score: 0 });
      if (c !== top) added++;
    }
  }
  chosen.sort((a, b) => a.n - b.n || a.index - b.index);
  const quotes = new Map<number, string>();
  const lines = chosen.map((c) => {
    if (!quotes.has(c.n)) quotes.set(c.n, c.sentence);
    const list = c.sentence.trimEnd().endsWith(":") ? listAfter(sentencesOf.get(c.n) ?? [], c.index, chosen) : [];
    // Document text is untrusted too: plain, and without marker-like "[9]" of its own.
    const quoted = `“${shorten(documentText(c.sentence), 400)}” [${c.n}]`;
    return list.length > 0 ? [quoted, ...list.map((item) => `  - ${shorten(documentText(item), 200)}`)].join("\n") : quoted;
  });
  return { text: lines.join("\n"), cited: [...quotes.keys()], quotes, hasExpectedType: !hasType || typed.length > 0 };
}

/** Sentence openings that point back at the sentence before. */
const REFERS_BACK = /^(hier|daar)(voor|bij|mee|door|om|naast|in|op|uit|van|na)\b|^(dit|deze|dat|zij|ze|hij|zo)\s/i;

/**
 * A sentence ending in ":" introduces a list ("... vier stappen:"); the answer is the list,
 * so the items that follow are quoted with it (unless chosen on their own already).
 */
function listAfter(sentences: string[], index: number, chosen: Array<{ index: number; sentence: string }>): string[] {
  const items: string[] = [];
  for (let i = index + 1; i < sentences.length && items.length < 6; i++) {
    const item = sentences[i]!;
    if (item.length > 220 || item.trimEnd().endsWith(":")) break;
    if (chosen.some((c) => c.sentence === item)) continue;
    items.push(item);
  }
  return items;
}
