import { boundedEditDistance } from "./editDistance.js";
import { TopK } from "./topK.js";

/**
 * BM25 over typed-array postings, scored exactly as MiniSearch 7 scores an OR query with
 * prefix and fuzzy expansion (same formula, same running-average field length, same order of
 * additions per query term), so rankings stay what they were with MiniSearch. What changes is
 * the cost: one Float64Array accumulator instead of a result object per matching document,
 * and a bounded heap for the top k instead of sorting every match.
 */

export interface FieldDocument {
  /** Analysed terms per field, in field order. */
  fields: ReadonlyArray<readonly string[]>;
}

export interface Bm25Params {
  k: number;
  b: number;
  d: number;
}

export interface PostingsQueryOptions {
  /** Boost per field, in field order. */
  fieldBoosts: readonly number[];
  bm25: Bm25Params;
  /** Edit-distance share for unknown terms (0 = off); MiniSearch's "fuzzy". */
  fuzzy: (term: string) => number;
  prefix: (term: string) => boolean;
}

export interface PostingsHit {
  doc: number;
  score: number;
}

/** MiniSearch's default expansion weights and limits. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;

/** The serialisable form: everything is a typed array or a flat list, cheap to write and load. */
export interface PostingsData {
  fieldCount: number;
  docCount: number;
  /** Sorted vocabulary (code-unit order), so prefixes are a contiguous range. */
  terms: string[];
  /** Per field: CSR offsets into docs/tfs, length terms.length + 1. */
  offsets: Uint32Array[];
  docs: Uint32Array[];
  tfs: Uint16Array[];
  /** Per field: number of distinct terms of each document (MiniSearch's field length). */
  fieldLengths: Uint32Array[];
  /** Per field: MiniSearch's running average of the field lengths. */
  averageFieldLengths: number[];
}

export class PostingsIndex {
  private readonly termIds: Map<string, number>;
  private scores: Float64Array;
  private termScores: Float64Array;
  private matchedTerms: Uint16Array;
  /** Marks the documents the current query term has reached (a stamp per term saves clearing). */
  private termSeen: Uint32Array;
  private stamp = 0;
  /** Documents in the order first matched: overall, and by the current query term. */
  private readonly order: Uint32Array;
  private readonly termOrder: Uint32Array;
  private termOrderLength = 0;
  private readonly fuzzyCache = new Map<string, Array<[number, number]>>();
  /** Per-field BM25 length normalisation k·(1 − b + b·len/avg), cached for one parameter set. */
  private norms?: { key: string; values: Float64Array[] };

  constructor(readonly data: PostingsData) {
    this.termIds = new Map(data.terms.map((t, i) => [t, i]));
    this.scores = new Float64Array(data.docCount);
    this.termScores = new Float64Array(data.docCount);
    this.matchedTerms = new Uint16Array(data.docCount);
    this.termSeen = new Uint32Array(data.docCount);
    this.order = new Uint32Array(data.docCount);
    this.termOrder = new Uint32Array(data.docCount);
  }

  static build(documents: readonly FieldDocument[], fieldCount: number): PostingsIndex {
    const docCount = documents.length;
    const vocabulary = new Set<string>();
    for (const d of documents) for (const field of d.fields) for (const t of field) vocabulary.add(t);
    const terms = [...vocabulary].sort(compareCodeUnits);
    const termIds = new Map(terms.map((t, i) => [t, i]));
    const offsets: Uint32Array[] = [];
    const docs: Uint32Array[] = [];
    const tfs: Uint16Array[] = [];
    const fieldLengths: Uint32Array[] = [];
    const averageFieldLengths: number[] = [];
    const tf = new Map<number, number>(); // reused per document: no Map per document stays alive
    for (let f = 0; f < fieldCount; f++) {
      // One pass collects (term, doc, tf) triples in growable typed arrays, in document order;
      // a counting sort by term then lays them out per term, still in document order.
      const counts = new Uint32Array(terms.length + 1);
      const lengths = new Uint32Array(docCount);
      let average = 0;
      let termOf = new Uint32Array(1024);
      let docOf = new Uint32Array(1024);
      let tfOf = new Uint16Array(1024);
      let n = 0;
      documents.forEach((d, doc) => {
        tf.clear();
        for (const t of d.fields[f] ?? []) {
          const id = termIds.get(t)!;
          tf.set(id, (tf.get(id) ?? 0) + 1);
        }
        lengths[doc] = tf.size;
        average = (average * doc + tf.size) / (doc + 1); // MiniSearch's running average, bit for bit
        if (n + tf.size > termOf.length) {
          const size = Math.max(termOf.length * 2, n + tf.size);
          termOf = grow(termOf, size);
          docOf = grow(docOf, size);
          tfOf = grow(tfOf, size);
        }
        for (const [id, count] of tf) {
          counts[id + 1]!++;
          termOf[n] = id;
          docOf[n] = doc;
          tfOf[n] = Math.min(count, 0xffff);
          n++;
        }
      });
      for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
      const fieldDocs = new Uint32Array(n);
      const fieldTfs = new Uint16Array(n);
      const cursor = counts.slice(0, terms.length);
      for (let i = 0; i < n; i++) {
        const at = cursor[termOf[i]!]!++;
        fieldDocs[at] = docOf[i]!;
        fieldTfs[at] = tfOf[i]!;
      }
      offsets.push(counts);
      docs.push(fieldDocs);
      tfs.push(fieldTfs);
      fieldLengths.push(lengths);
      averageFieldLengths.push(average);
    }
    return new PostingsIndex({ fieldCount, docCount, terms, offsets, docs, tfs, fieldLengths, averageFieldLengths });
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /**
   * Exact top `limit` documents for the weighted query terms (OR), by score and then by the
   * order in which MiniSearch would have met them.
   */
  search(weights: ReadonlyMap<string, number>, limit: number, options: PostingsQueryOptions): PostingsHit[] {
    const { docCount } = this.data;
    if (docCount === 0 || weights.size === 0 || limit <= 0) return [];
    const norms = this.normsFor(options.bm25);
    const scores = this.scores;
    const matched = this.matchedTerms; // query terms matched per document 
    const termScores = this.termScores;
    const order = this.order;
    const termOrder = this.termOrder;
    let matchedDocs = 0;
    for (const [term, termBoost] of weights) {
      this.termOrderLength = 0;
      if (++this.stamp === 0xffffffff) {
        this.termSeen.fill(0);
        this.stamp = 1;
      }
      for (const [id, weight] of this.expansions(term, options)) {
        this.scoreTerm(id, weight * termBoost, options, norms);
      }
      // OR-combine the way MiniSearch does: a document's total is the sum of its per-term scores.
      for (let i = 0; i < this.termOrderLength; i++) {
        const doc = termOrder[i]!;
        if (matched[doc] === 0) {
          order[matchedDocs++] = doc;
          scores[doc] = termScores[doc]!;
        } else scores[doc] = scores[doc]! + termScores[doc]!;
        matched[doc]!++;
        termScores[doc] = 0;
      }
    }
    const top = new TopK(limit);
    for (let i = 0; i < matchedDocs; i++) {
      const doc = order[i]!;
      // MiniSearch multiplies by the matched query terms and Wegwijs divided that out again.
      const n = matched[doc]!;
      const score = (scores[doc]! * n) / n;
      if (top.admits(score, i)) top.offer(doc, score, i);
      scores[doc] = 0;
      matched[doc] = 0;
    }
    return top.sorted().map(({ id, score }) => ({ doc: id, score }));
  }

  /** The terms a query term stands for, with MiniSearch's weights: itself, its prefix extensions, near misses. */
  private expansions(term: string, options: PostingsQueryOptions): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const exact = this.termIds.get(term);
    if (exact !== undefined) out.push([exact, 1]);
    const prefixed = new Set<number>();
    if (options.prefix(term)) {
      for (let id = this.lowerBound(term); id < this.data.terms.length; id++) {
        const candidate = this.data.terms[id]!;
        if (!candidate.startsWith(term)) break;
        const distance = candidate.length - term.length;
        if (distance === 0) continue;
        prefixed.add(id);
        out.push([id, (PREFIX_WEIGHT * candidate.length) / (candidate.length + 0.3 * distance)]);
      }
    }
    const fuzzy = options.fuzzy(term);
    if (fuzzy > 0) {
      const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance > 0) {
        for (const [id, distance] of this.nearTerms(term, maxDistance)) {
          if (prefixed.has(id)) continue;
          const length = this.data.terms[id]!.length;
          out.push([id, (FUZZY_WEIGHT * length) / (length + distance)]);
        }
      }
    }
    return out;
  }

  private scoreTerm(
    id: number,
    weight: number,
    options: PostingsQueryOptions,
    norms: Float64Array[],
  ): void {
    const termScores = this.termScores;
    const termOrder = this.termOrder;
    let length = this.termOrderLength;
    const { k, d } = options.bm25;
    const { docCount } = this.data;
    const seen = this.termSeen;
    const stamp = this.stamp;
    for (let f = 0; f < this.data.fieldCount; f++) {
      const fieldBoost = options.fieldBoosts[f] ?? 1;
      const offsets = this.data.offsets[f]!;
      const start = offsets[id]!;
      const end = offsets[id + 1]!;
      if (start === end) continue;
      const matching = end - start;
      const idf = Math.log(1 + (docCount - matching + 0.5) / (matching + 0.5));
      const factor = weight * fieldBoost * 1; // x 1: MiniSearch's document boost, kept for identical rounding
      const docs = this.data.docs[f]!;
      const tfs = this.data.tfs[f]!;
      const norm = norms[f]!;
      for (let p = start; p < end; p++) {
        const doc = docs[p]!;
        const tf = tfs[p]!;
        const score = factor * (idf * (d + (tf * (k + 1)) / (tf + norm[doc]!)));
        if (seen[doc] !== stamp) {
          seen[doc] = stamp;
          termOrder[length++] = doc;
          termScores[doc] = score;
        } else termScores[doc] = termScores[doc]! + score;
      }
    }
    this.termOrderLength = length;
  }

  private normsFor({ k, b }: Bm25Params): Float64Array[] {
    const key = `${k}:${b}`;
    if (this.norms?.key === key) return this.norms.values;
    const values = this.data.fieldLengths.map((lengths, f) => {
      const average = this.data.averageFieldLengths[f]!;
      const out = new Float64Array(lengths.length);
      for (let doc = 0; doc < lengths.length; doc++) out[doc] = k * (1 - b + (b * lengths[doc]!) / average);
      return out;
    });
    this.norms = { key, values };
    return values;
  }

  /** Indexed terms within maxDistance edits (Levenshtein), cached: questions repeat their typos. */
  private nearTerms(term: string, maxDistance: number): Array<[number, number]> {
    const key = `${maxDistance}\u0000${term}`;
    let near = this.fuzzyCache.get(key);
    if (!near) {
      near = [];
      const { terms } = this.data;
      for (let id = 0; id < terms.length; id++) {
        const candidate = terms[id]!;
        if (Math.abs(candidate.length - term.length) > maxDistance) continue;
        const distance = boundedEditDistance(term, candidate, maxDistance);
        if (distance > 0 && distance <= maxDistance) near.push([id, distance]);
      }
      if (this.fuzzyCache.size > 10_000) this.fuzzyCache.clear();
      this.fuzzyCache.set(key, near);
    }
    return near;
  }

  private lowerBound(term: string): number {
    const { terms } = this.data;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareCodeUnits(terms[mid]!, term) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function grow<T extends Uint32Array | Uint16Array>(array: T, size: number): T {
  const out = new (array.constructor as new (n: number) => T)(size);
  out.set(array);
  return out;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
