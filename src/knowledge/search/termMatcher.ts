/**
 * What each word of a question gets from a set of terms (a passage's, a sentence's): the value of
 * its best term found in the set, or a share of it for a term found only as the start of a longer
 * one ("princip" in "principes"). Built once per question; a set is then read term by term, with
 * one lookup each, instead of testing every question term against it and scanning the whole set
 * for each prefix (that scan was most of the rerank's time).
 */
export interface MatchedGroup {
  terms: ReadonlyArray<{ term: string; value: number }>;
  /**
   * Phrases whose words count together: per phrase, per word, its terms. A set that holds some of
   * a phrase's words gets the phrase's value times the share of its words' values it holds.
   */
  phrases?: ReadonlyArray<ReadonlyArray<ReadonlyArray<{ term: string; value: number }>>>;
}

/** One phrase: its group, what all of it is worth, what its words are worth together, and their slots. */
interface PhraseEntry {
  group: number;
  value: number;
  total: number;
  parts: number[];
}

/** The shortest term that counts as the start of a longer one. */
export const MIN_PREFIX = 5;

/**
 * Terms by slot (a question word, or one word of a phrase), each with its value for that slot:
 * looked up as they are and, for a prefix credit, as the start of a longer term.
 */
class SlotIndex {
  private readonly exact = new Map<string, Array<{ slot: number; value: number }>>();
  /** Prefix terms by their first MIN_PREFIX characters: a set term looks up its own start. */
  private readonly prefixes = new Map<string, Array<{ prefix: string; slot: number; value: number }>>();

  constructor(private readonly prefixCredit: number) {}

  add(term: string, slot: number, value: number): void {
    let entries = this.exact.get(term);
    if (!entries) this.exact.set(term, (entries = []));
    entries.push({ slot, value });
    if (this.prefixCredit <= 0 || term.length < MIN_PREFIX) return;
    const start = term.slice(0, MIN_PREFIX);
    let starting = this.prefixes.get(start);
    if (!starting) this.prefixes.set(start, (starting = []));
    starting.push({ prefix: term, slot, value: value * this.prefixCredit });
  }

  /** Per slot, the best value its terms get from a set: written into `best`, which is cleared first. */
  read(read: ReadableTerms, best: Float64Array): void {
    best.fill(0);
    const checkPrefixes = this.prefixes.size > 0;
    for (let i = 0; i < read.terms.length; i++) {
      const term = read.terms[i]!;
      const entries = this.exact.get(term);
      if (entries) for (const { slot, value } of entries) if (value > best[slot]!) best[slot] = value;
      const start = read.starts[i];
      if (!checkPrefixes || start === undefined) continue;
      const starting = this.prefixes.get(start);
      if (!starting) continue;
      for (const { prefix, slot, value } of starting) {
        if (value > best[slot]! && term.length > prefix.length && term.startsWith(prefix)) best[slot] = value;
      }
    }
  }
}

export class TermMatcher {
  readonly size: number;
  private readonly groups: SlotIndex;
  private readonly scratch: Float64Array;
  /** The words of the groups' phrases, each its own slot. */
  private readonly words: SlotIndex;
  private readonly phrases: PhraseEntry[] = [];
  private readonly wordScratch: Float64Array;

  /**
   * @param prefixCredit share of a term's value when only a longer term starts with it (0: none)
   */
  constructor(groups: readonly MatchedGroup[], prefixCredit: number) {
    this.size = groups.length;
    this.scratch = new Float64Array(groups.length);
    this.groups = new SlotIndex(prefixCredit);
    this.words = new SlotIndex(prefixCredit);
    let slots = 0;
    groups.forEach(({ terms, phrases }, group) => {
      for (const { term, value } of terms) this.groups.add(term, group, value);
      for (const words of phrases ?? []) {
        const entry: PhraseEntry = { group, value: 0, total: 0, parts: [] };
        for (const terms of words) {
          const slot = slots++;
          entry.parts.push(slot);
          const full = Math.max(0, ...terms.map((t) => t.value));
          entry.value = Math.max(entry.value, full);
          entry.total += full;
          for (const { term, value } of terms) this.words.add(term, slot, value);
        }
        if (entry.total > 0) this.phrases.push(entry);
      }
    });
    this.wordScratch = new Float64Array(slots);
  }

  /**
   * Per group, the best value its terms get from `terms`. The array is the matcher's own and is
   * overwritten by the next call: read it before matching another set (the rerank matches tens of
   * thousands of sets per question, and a new array each time made much of its garbage).
   */
  values(terms: ReadonlySet<string>): Float64Array {
    const best = this.scratch;
    const read = readable(terms);
    this.groups.read(read, best);
    if (this.phrases.length > 0) this.matchPhrases(read, best);
    return best;
  }

  /** Raises each group with phrases to what the share of its best phrase in the set is worth. */
  private matchPhrases(read: ReadableTerms, best: Float64Array): void {
    const found = this.wordScratch;
    this.words.read(read, found);
    for (const { group, value, total, parts } of this.phrases) {
      let held = 0;
      for (const part of parts) held += found[part]!;
      const worth = (value * held) / total;
      if (worth > best[group]!) best[group] = worth;
    }
  }
}

interface ReadableTerms {
  terms: string[];
  /** Each term's first characters, for the terms long enough to extend a prefix term. */
  starts: Array<string | undefined>;
}

/**
 * A set's terms with their starts, worked out once per set: passages' and sentences' term sets are
 * kept between questions, and cutting each term's start on every question made most of the garbage.
 */
const readableSets = new WeakMap<ReadonlySet<string>, ReadableTerms>();

function readable(terms: ReadonlySet<string>): ReadableTerms {
  let read = readableSets.get(terms);
  if (!read || read.terms.length !== terms.size) {
    const list = [...terms];
    read = { terms: list, starts: list.map((term) => (term.length > MIN_PREFIX ? term.slice(0, MIN_PREFIX) : undefined)) };
    readableSets.set(terms, read);
  }
  return read;
}
