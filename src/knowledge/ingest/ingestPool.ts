import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { piscinaEntry } from "../../answerPool/workerEntry.js";
import type { ChunkingOptions } from "../chunker.js";
import type { CorpusMetadata } from "../corpusMetadata.js";
import type { LoadTaskResult } from "./ingestTasks.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKER_FILE = path.join(here, `ingestWorker${path.extname(fileURLToPath(import.meta.url))}`);

/**
 * Texts per batch at most. Measured on the 100x corpus (27,584 passages, 2 threads): peak RSS of
 * the ingest 727-829 MB with 4 batches of ~6,900, 659-751 MB with batches of 1,000, same time.
 */
export const MAX_BATCH = 1000;

/** Worker threads for a large ingest: reading and chunking files, counting words, analysing text. */
export class IngestPool {
  private readonly pool: Piscina;
  readonly threads: number;
  private vocabularyVersion = 0;
  private closing?: Promise<void>;

  constructor(
    private readonly contentDir: string,
    threads = os.availableParallelism(),
    private readonly maxBatch = MAX_BATCH,
  ) {
    this.threads = Math.max(1, threads);
    this.pool = new Piscina({ ...piscinaEntry(WORKER_FILE, {}), minThreads: this.threads, maxThreads: this.threads, idleTimeout: 1000 });
  }

  load(corpusDir: string, relative: string, metadata: CorpusMetadata, chunking: ChunkingOptions): Promise<LoadTaskResult> {
    return this.pool.run({ kind: "load", corpusDir, relative, metadata: metadata.get(relative), chunking });
  }

  /** Word counts over the texts, computed in batches across the workers and merged. */
  async surfaceCounts(texts: string[]): Promise<Map<string, number>> {
    const parts = (await Promise.all(
      this.batches(texts).map((batch) => this.pool.run({ kind: "surface", contentDir: this.contentDir, texts: batch })),
    )) as Array<Array<[string, number]>>;
    const counts = new Map<string, number>();
    for (const part of parts) for (const [word, n] of part) counts.set(word, (counts.get(word) ?? 0) + n);
    return counts;
  }

  /** indexTerms of every text under the given vocabulary, in order. */
  async analyse(texts: string[], vocabulary: ReadonlyMap<string, number>, onBatch?: (done: number, total: number) => void): Promise<string[][]> {
    const vocabularyKey = `${process.pid}:${++this.vocabularyVersion}`;
    const entries = [...vocabulary];
    const batches = this.batches(texts);
    let done = 0;
    const parts = await Promise.all(
      batches.map(async (batch) => {
        const terms = (await this.pool.run({ kind: "analyse", contentDir: this.contentDir, vocabularyKey, vocabulary: entries, texts: batch })) as string[][];
        onBatch?.(++done, batches.length);
        return terms;
      }),
    );
    return parts.flat();
  }

  /** Stops the workers; safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.pool.close();
    return this.closing;
  }

  /**
   * A few batches per thread, to balance, and at most maxBatch texts each: a worker's heap grows
   * with its batch and its result, and those heaps are the peak of a large ingest.
   */
  private batches<T>(items: T[]): T[][] {
    const count = Math.max(Math.min(items.length, this.threads * 2), Math.ceil(items.length / this.maxBatch)) || 1;
    const size = Math.ceil(items.length / count);
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
  }
}
