import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { LexicalIndexSnapshot } from "./lexicalIndex.js";
import type { Chunk, DocumentMeta } from "./types.js";

/** Bump when chunking or analysis changes, so old snapshots are rebuilt rather than misread. */
export const SNAPSHOT_VERSION = 3;

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
}

const headerSchema = z.object({ version: z.number(), corpusDir: z.string() }).loose();

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
