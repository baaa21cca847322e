import MiniSearch, { type SearchResult } from "minisearch";
import { type Bm25Params, type PostingsData, PostingsIndex } from "./postingsIndex.js";
import { decodePostings, encodePostings, type EncodedPostings } from "./postingsCodec.js";

/** The fields every engine indexes, in this order. */
export const FIELDS = ["text", "section", "title", "context"] as const;

/** One chunk, already analysed: terms per field in FIELDS order. */
export interface AnalysedChunk {
  id: string;
  fields: [text: string[], section: string[], title: string[], context: string[]];
}

export interface CandidateQuery {
  /** Analysed query terms and their weights, in the order the analyser produced them. */
  weights: ReadonlyMap<string, number>;
  limit: number;
  fieldBoosts: readonly number[];
  bm25: Bm25Params;
  fuzzy: (term: string) => number;
  prefix: (term: string) => boolean;
}

export interface Candidate {
  chunkId: string;
  /** Plain BM25 sum over the query terms (with expansions), not multiplied by matched terms. */
  score: number;
}

/**
 * Finds BM25 candidates for analysed query terms. Engines differ in speed and memory, not in
 * analysis: they index the same analysed fields. See `npm run bench` for the comparison.
 */
export interface CandidateEngine {
  readonly kind: EngineKind;
  search(query: CandidateQuery): Candidate[];
  toSnapshot(): EngineSnapshot;
}

/**
 * - postings: typed-array postings, exact MiniSearch scoring (the default);
 * - minisearch: MiniSearch 7 with prefix and fuzzy expansion (what Wegwijs used before);
 * - minisearch-exact: MiniSearch without prefix/fuzzy expansion (faster, ranks differently).
 */
export type EngineKind = "postings" | "minisearch" | "minisearch-exact";

export type EngineSnapshot =
  | { kind: "postings"; ids: string[]; postings: EncodedPostings }
  | { kind: "minisearch" | "minisearch-exact"; miniSearch: unknown };

export function buildEngine(kind: EngineKind, chunks: readonly AnalysedChunk[]): CandidateEngine {
  if (kind === "postings") return new PostingsEngine(chunks.map((c) => c.id), PostingsIndex.build(chunks, FIELDS.length));
  const miniSearch = new MiniSearch<Record<string, string>>(miniSearchOptions());
  miniSearch.addAll(
    chunks.map((c) => ({ id: c.id, text: c.fields[0].join(" "), section: c.fields[1].join(" "), title: c.fields[2].join(" "), context: c.fields[3].join(" ") })),
  );
  return new MiniSearchEngine(kind, miniSearch);
}

export function loadEngine(snapshot: EngineSnapshot): CandidateEngine {
  if (snapshot.kind === "postings") return new PostingsEngine(snapshot.ids, new PostingsIndex(decodePostings(snapshot.postings)));
  return new MiniSearchEngine(snapshot.kind, MiniSearch.loadJS(snapshot.miniSearch as never, miniSearchOptions()));
}

class PostingsEngine implements CandidateEngine {
  readonly kind = "postings";
  constructor(
    private readonly ids: string[],
    private readonly index: PostingsIndex,
  ) {}

  search(query: CandidateQuery): Candidate[] {
    return this.index.search(query.weights, query.limit, query).map((h) => ({ chunkId: this.ids[h.doc]!, score: h.score }));
  }

  toSnapshot(): EngineSnapshot {
    return { kind: "postings", ids: this.ids, postings: encodePostings(this.index.data) };
  }

  get data(): PostingsData {
    return this.index.data;
  }
}

class MiniSearchEngine implements CandidateEngine {
  constructor(
    readonly kind: "minisearch" | "minisearch-exact",
    private readonly miniSearch: MiniSearch<Record<string, string>>,
  ) {}

  search(query: CandidateQuery): Candidate[] {
    const terms = [...query.weights.keys()];
    const expand = this.kind === "minisearch";
    const results: SearchResult[] = this.miniSearch.search(terms.join(" "), {
      tokenize: () => terms,
      processTerm: (t: string) => t,
      boost: Object.fromEntries(FIELDS.map((f, i) => [f, query.fieldBoosts[i] ?? 1])),
      boostTerm: (term: string) => query.weights.get(term) ?? 1,
      fuzzy: (term: string) => (expand && query.fuzzy(term) > 0 ? query.fuzzy(term) : false),
      prefix: (term: string) => expand && query.prefix(term),
      combineWith: "OR",
      bm25: query.bm25,
    });
    // MiniSearch multiplies by the number of matched query terms, which rewards chunks that
    // match many common words; undo it to get the plain BM25 sum (coverage reranks later).
    return results
      .map((r) => ({ chunkId: String(r.id), score: r.score / Math.max(1, r.queryTerms.length) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, query.limit);
  }

  toSnapshot(): EngineSnapshot {
    return { kind: this.kind, miniSearch: this.miniSearch.toJSON() };
  }
}

function miniSearchOptions() {
  return {
    fields: [...FIELDS],
    idField: "id",
    // Fields arrive already analysed (terms joined by spaces).
    tokenize: (analysed: string) => (analysed === "" ? [] : analysed.split(" ")),
    processTerm: (term: string) => term,
  };
}
