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

/** One word of a phrase, as the matcher reads it. */
interface PhrasePart {
  group: number;
  phrase: number;
}

/** One phrase: its group, what all of it is worth, and what its words are worth together. */
interface PhraseEntry {
  group: number;
  value: number;
  total: number;
  parts: number[];
}

/** The shortest term that counts as the start of a longer one. */
export const MIN_PREFIX = 5;

interface PrefixEntry {
  prefix: string;
  group: number;
  value: number;
}

export class TermMatcher {
  private readonly exact = new Map<string, Array<{ group: number; value: number }>>();
  /** Prefix terms by their first MIN_PREFIX characters: a set term looks up its own start. */
  private readonly prefixes = new Map<string, PrefixEntry[]>();
  readonly size: number;
  private readonly scratch: Float64Array;
  /** Phrase words by their terms (exact and as a start), each term with its value for that word. */
  private readonly partExact = new Map<string, Array<{ part: number; value: number }>>();
  private readonly partPrefixes = new Map<string, Array<{ prefix: string; part: number; value: number }>>();
  private readonly phrases: PhraseEntry[] = [];
  private readonly partScratch: Float64Array;

  /**
   * @param prefixCredit share of a term's value when only a longer term starts with it (0: none)
   */
  constructor(groups: readonly MatchedGroup[], prefixCredit: number) {
    this.size = groups.length;
    this.scratch = new Float64Array(groups.length);
    groups.forEach(({ terms }, group) => {
      for (const { term, value } of terms) {
        let entries = this.exact.get(term);
        if (!entries) this.exact.set(term, (entries = []));
        entries.push({ group, value });
        if (prefixCredit <= 0 || term.length < MIN_PREFIX) continue;
        const start = term.slice(0, MIN_PREFIX);
        let starting = this.prefixes.get(start);
        if (!starting) this.prefixes.set(start, (starting = []));
        starting.push({ prefix: term, group, value: value * prefixCredit });
      }
    });
    const parts: PhrasePart[] = [];
    groups.forEach(({ phrases }, group) => {
      for (const words of phrases ?? []) {
        const entry: PhraseEntry = { group, value: 0, total: 0, parts: [] };
        for (const terms of words) {
          const part = parts.length;
          parts.push({ group, phrase: this.phrases.length });
          entry.parts.push(part);
          const full = Math.max(0, ...terms.map((t) => t.value));
          entry.value = Math.max(entry.value, full);
          entry.total += full;
          for (const { term, value } of terms) {
            let entries = this.partExact.get(term);
            if (!entries) this.partExact.set(term, (entries = []));
            entries.push({ part, value });
            if (prefixCredit <= 0 || term.length < MIN_PREFIX) continue;
            const start = term.slice(0, MIN_PREFIX);
            let starting = this.partPrefixes.get(start);
            if (!starting) this.partPrefixes.set(start, (starting = []));
            starting.push({ prefix: term, part, value: value * prefixCredit });
          }
        }
        if (entry.total > 0) this.phrases.push(entry);
      }
    });
    this.partScratch = new Float64Array(parts.length);
  }

  /**
   * Per group, the best value its terms get from `terms`. The array is the matcher's own and is
   * overwritten by the next call: read it before matching another set (the rerank matches tens of
   * thousands of sets per question, and a new array each time made much of its garbage).
   */
  values(terms: ReadonlySet<string>): Float64Array {
    const best = this.scratch;
    best.fill(0);
    const checkPrefixes = this.prefixes.size > 0;
    const read = readable(terms);
    for (let i = 0; i < read.terms.length; i++) {
      const term = read.terms[i]!;
      const entries = this.exact.get(term);
      if (entries) for (const { group, value } of entries) if (value > best[group]!) best[group] = value;
      const start = read.starts[i];
      if (!checkPrefixes || start === undefined) continue;
      const starting = this.prefixes.get(start);
      if (!starting) continue;
      for (const { prefix, group, value } of starting) {
        if (value > best[group]! && term.length > prefix.length && term.startsWith(prefix)) best[group] = value;
      }
    }
    if (this.phrases.length > 0) this.matchPhrases(read, best);
    return best;
  }

  /** Raises each group with phrases to what the share of its best phrase in the set is worth. */
  private matchPhrases(read: ReadableTerms, best: Float64Array): void {
    const found = this.partScratch;
    found.fill(0);
    for (let i = 0; i < read.terms.length; i++) {
      const term = read.terms[i]!;
      for (const { part, value } of this.partExact.get(term) ?? []) if (value > found[part]!) found[part] = value;
      const start = read.starts[i];
      if (start === undefined) continue;
      for (const { prefix, part, value } of this.partPrefixes.get(start) ?? []) {
        if (value > found[part]! && term.length > prefix.length && term.startsWith(prefix)) found[part] = value;
      }
    }
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
