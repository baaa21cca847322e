/**
 * What each word of a question gets from a set of terms (a passage's, a sentence's): the value of
 * its best term found in the set, or a share of it for a term found only as the start of a longer
 * one ("princip" in "principes"). Built once per question; a set is then read term by term, with
 * one lookup each, instead of testing every question term against it and scanning the whole set
 * for each prefix (that scan was most of the rerank's time).
 */
export interface MatchedGroup {
  terms: ReadonlyArray<{ term: string; value: number }>;
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
    return best;
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
