import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { LexicalIndexSnapshot } from "./lexicalIndex.js";
import type { Chunk, DocumentMeta } from "./types.js";

/** Bump when chunking or analysis changes, so old snapshots are rebuilt rather than misread. */
export const SNAPSHOT_VERSION = 7;

export interface SnapshotDocument {
  meta: DocumentMeta;
  contentHash: string;
  chunks: Chunk[];
}

export interface IndexSnapshot {
  version: number;
  corpusDir: string;
  createdAt: string;
  documents: Record<string, SnapshotDocument>;
  vocabulary: Record<string, number>;
  lexical: LexicalIndexSnapshot;
  /** Embedder id -> chunk content hash -> vector. */
  embeddings: Record<string, Record<string, number[]>>;
  /** Files that could not be indexed, so an unchanged bad file is not retried on every ingest. */
  skipped?: Record<string, SkippedFile>;
}

export interface SkippedFile {
  contentHash: string;
  reason: string;
}

const headerSchema = z.object({ version: z.number(), corpusDir: z.string() }).loose();

/**
 * Top-level shape only, so ingest never trips over a damaged body. The large maps are checked
 * for being objects, not entry by entry: that would add about a second per 50 MB snapshot.
 */
const map = z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v));
const bodySchema = z
  .object({
    documents: z.record(z.string(), z.object({ contentHash: z.string(), meta: z.object({}).loose(), chunks: z.array(z.unknown()) }).loose()),
    vocabulary: map,
    lexical: z.object({ engine: map, documentFrequency: map, chunkCount: z.number() }).loose(),
    embeddings: z.record(z.string(), map),
    skipped: z.record(z.string(), z.object({ contentHash: z.string(), reason: z.string() })).optional(),
  })
  .loose();

/** One snapshot file per corpus folder, so two corpora never overwrite each other. */
export function snapshotFile(dataDir: string, corpusDir: string): string {
  const key = createHash("sha1").update(path.resolve(corpusDir)).digest("hex").slice(0, 12);
  return path.join(dataDir, `index-${key}.json`);
}

export async function readSnapshot(file: string, corpusDir: string): Promise<IndexSnapshot | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    const header = headerSchema.parse(parsed);
    if (header.version !== SNAPSHOT_VERSION || header.corpusDir !== path.resolve(corpusDir)) return undefined;
    bodySchema.parse(parsed);
    return parsed as IndexSnapshot;
  } catch {
    return undefined; // A damaged snapshot is rebuilt, never trusted.
  }
}

/** Writes atomically (temp file + rename) so a crash never leaves half a snapshot. */
export async function writeSnapshot(file: string, snapshot: IndexSnapshot): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, file);
}
