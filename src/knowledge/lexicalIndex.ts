import MiniSearch, { type SearchResult } from "minisearch";
import type { DutchAnalyser, QueryTermGroup } from "./analysis/dutchAnalyser.js";
import { headingLabelTerms } from "./analysis/sectionLabels.js";
import type { Chunk } from "./types.js";

interface IndexedFields {
  id: string;
  text: string;
  section: string;
  title: string;
  /** Text of the neighbouring chunks in the same section: a passage often continues a story. */
  context: string;
}

export interface LexicalHit {
  chunkId: string;
  score: number;
}

export interface LexicalIndexSnapshot {
  miniSearch: unknown;
  documentFrequency: Record<string, number>;
  chunkCount: number;
}

export interface LexicalSearchOptions {
  /** Boost of the heading trail relative to the body text. */
  sectionBoost: number;
  titleBoost: number;
  contextBoost: number;
  /** Edit-distance share for typo tolerance on longer words (MiniSearch "fuzzy"). */
  fuzzy: number;
  prefix: boolean;
  /** BM25 parameters; d = 0 is classic BM25 (MiniSearch defaults to BM25+ with d = 0.5). */
  bm25: { k: number; b: number; d: number };
}

export const DEFAULT_LEXICAL_OPTIONS: LexicalSearchOptions = {
  sectionBoost: 0.5,
  titleBoost: 0.5,
  contextBoost: 0.3,
  fuzzy: 0.2,
  prefix: true,
  bm25: { k: 1.2, b: 0.7, d: 0 },
};

/** BM25 (MiniSearch's BM25+) over chunks, analysed by the Dutch analyser. */
export class LexicalIndex {
  private miniSearch: MiniSearch<IndexedFields>;
  private documentFrequency = new Map<string, number>();
  private chunkCount = 0;
  private readonly nearestCache = new Map<string, string>();

  constructor(
    private readonly analyser: DutchAnalyser,
    private readonly options: LexicalSearchOptions = DEFAULT_LEXICAL_OPTIONS,
  ) {
    this.miniSearch = new MiniSearch<IndexedFields>(this.miniSearchOptions());
  }

  private miniSearchOptions() {
    return {
      fields: ["text", "section", "title", "context"],
      idField: "id",
      // Fields arrive already analysed (terms joined by spaces): each chunk is analysed once,
      // not once per field it appears in (a chunk's text is also its neighbours' context).
      tokenize: (analysed: string) => (analysed === "" ? [] : analysed.split(" ")),
      processTerm: (term: string) => term,
    };
  }

  build(chunks: readonly Chunk[]): void {
    this.miniSearch = new MiniSearch<IndexedFields>(this.miniSearchOptions());
    this.documentFrequency = new Map();
    this.nearestCache.clear();
    this.chunkCount = chunks.length;
    const headingTerms = new Map<string, string[]>();
    const analyseHeading = (text: string) => {
      let terms = headingTerms.get(text);
      if (!terms) headingTerms.set(text, (terms = this.analyser.indexTerms(text)));
      return terms;
    };
    const textTerms = chunks.map((chunk) => this.analyser.indexTerms(chunk.text));
    const docs: IndexedFields[] = chunks.map((chunk, i) => {
      const section = [...analyseHeading(chunk.sectionPath.join("\n")), ...headingLabelTerms(chunk.sectionPath)];
      const title = analyseHeading(chunk.documentTitle);
      const context = [i - 1, i + 1].flatMap((j) => {
        const n = chunks[j];
        return n && n.documentId === chunk.documentId && sameSection(n, chunk) ? textTerms[j]! : [];
      });
      for (const term of new Set([...textTerms[i]!, ...section, ...title])) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
      return {
        id: chunk.id,
        text: textTerms[i]!.join(" "),
        section: section.join(" "),
        title: title.join(" "),
        context: context.join(" "),
      };
    });
    this.miniSearch.addAll(docs);
  }

  /** The set of index terms of a chunk (text, section and title together). */
  chunkTerms(chunk: Chunk): Set<string> {
    return new Set([
      ...this.analyser.indexTerms(`${chunk.text}\n${chunk.sectionPath.join("\n")}\n${chunk.documentTitle}`),
      ...headingLabelTerms(chunk.sectionPath),
    ]);
  }

  get size(): number {
    return this.chunkCount;
  }

  /** Inverse document frequency (BM25 form); unknown terms get the highest value. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.chunkCount - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /**
   * The closest indexed term within a small edit distance, for typos in questions
   * ("basisprinciepe"). Only for longer words; undefined when nothing is close.
   */
  nearestTerm(term: string): string | undefined {
    if (term.length < 6 || this.has(term)) return undefined;
    const cached = this.nearestCache.get(term);
    if (cached !== undefined) return cached || undefined;
    const maxDistance = term.length >= 9 ? 2 : 1;
    let best: { term: string; distance: number; df: number } | undefined;
    for (const [candidate, df] of this.documentFrequency) {
      if (Math.abs(candidate.length - term.length) > maxDistance) continue;
      const distance = boundedEditDistance(term, candidate, maxDistance);
      if (distance > maxDistance) continue;
      if (!best || distance < best.distance || (distance === best.distance && df > best.df)) {
        best = { term: candidate, distance, df };
      }
    }
    if (this.nearestCache.size > 10_000) this.nearestCache.clear();
    this.nearestCache.set(term, best?.term ?? "");
    return best?.term;
  }

  search(groups: QueryTermGroup[], limit: number): LexicalHit[] {
    const weights = new Map<string, number>();
    for (const g of groups) for (const [t, w] of g.terms) weights.set(t, Math.max(weights.get(t) ?? 0, w));
    if (weights.size === 0 || this.chunkCount === 0) return [];
    const terms = [...weights.keys()];
    const { fuzzy, prefix } = this.options;
    const results: SearchResult[] = this.miniSearch.search(terms.join(" "), {
      tokenize: () => terms,
      processTerm: (t: string) => t,
      boost: {
        text: 1,
        section: this.options.sectionBoost,
        title: this.options.titleBoost,
        context: this.options.contextBoost,
      },
      boostTerm: (term: string) => weights.get(term) ?? 1,
      // Typos and word forms only for longer words the corpus does not know as such.
      fuzzy: (term: string) => (fuzzy > 0 && term.length >= 6 && !this.has(term) ? fuzzy : false),
      prefix: (term: string) => prefix && term.length >= 5,
      combineWith: "OR",
      bm25: this.options.bm25,
    });
    // MiniSearch multiplies by the number of matched query terms, which rewards chunks that
    // match many common words; undo it to get the plain BM25 sum (coverage reranks later).
    return results
      .map((r) => ({ chunkId: String(r.id), score: r.score / Math.max(1, r.queryTerms.length) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  toSnapshot(): LexicalIndexSnapshot {
    return {
      miniSearch: this.miniSearch.toJSON(),
      documentFrequency: Object.fromEntries(this.documentFrequency),
      chunkCount: this.chunkCount,
    };
  }

  loadSnapshot(snapshot: LexicalIndexSnapshot): void {
    this.miniSearch = MiniSearch.loadJS(snapshot.miniSearch as never, this.miniSearchOptions());
    this.documentFrequency = new Map(Object.entries(snapshot.documentFrequency));
    this.chunkCount = snapshot.chunkCount;
    this.nearestCache.clear();
  }
}

function sameSection(a: Chunk, b: Chunk): boolean {
  return a.sectionPath.length === b.sectionPath.length && a.sectionPath.every((p, i) => p === b.sectionPath[i]);
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed max. */
function boundedEditDistance(a: string, b: string, max: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
