import MiniSearch from "minisearch";
import type { Chunk } from "../knowledge/types.js";

/**
 * The comparison point: plain BM25 over the same chunks with MiniSearch's defaults
 * (lower-case, split on punctuation), no Dutch analysis, synonyms or compounds.
 */
export class BaselineIndex {
  private readonly miniSearch = new MiniSearch<{ id: string; text: string }>({ fields: ["text"] });
  private readonly chunks = new Map<string, Chunk>();

  constructor(chunks: Chunk[]) {
    for (const c of chunks) this.chunks.set(c.id, c);
    this.miniSearch.addAll(chunks.map((c) => ({ id: c.id, text: c.text })));
  }

  search(question: string, k: number): Chunk[] {
    return this.miniSearch
      .search(question)
      .slice(0, k)
      .flatMap((r) => this.chunks.get(String(r.id)) ?? []);
  }
}
