import type { ChunkingOptions } from "../chunker.js";
import type { CorpusMetadata } from "../corpusMetadata.js";
import type { Chunk, DocumentMeta } from "../types.js";

export interface LoadTask {
  kind: "load";
  corpusDir: string;
  relative: string;
  metadata?: ReturnType<CorpusMetadata["get"]>;
  chunking: ChunkingOptions;
}

export type LoadTaskResult = { ok: true; meta: DocumentMeta; contentHash: string; chunks: Chunk[] } | { ok: false; reason: string };

export interface AnalyseTask {
  kind: "analyse";
  contentDir: string;
  /** Identifies the vocabulary, so a worker builds its analyser once per ingest. */
  vocabularyKey: string;
  vocabulary: Array<[string, number]>;
  texts: string[];
}

/** Counts of folded surface words, for the corpus vocabulary that compound splitting uses. */
export interface SurfaceTask {
  kind: "surface";
  contentDir: string;
  texts: string[];
}

export type IngestTask = LoadTask | AnalyseTask | SurfaceTask;
