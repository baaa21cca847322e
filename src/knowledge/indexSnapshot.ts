import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { LexicalIndexSnapshot } from "./lexicalIndex.js";
import type { Chunk, DocumentMeta } from "./types.js";

/** Bump when chunking or analysis changes, so old snapshots are rebuilt rather than misread. */
export const SNAPSHOT_VERSION = 26;

export interface SnapshotDocument {
  meta: DocumentMeta;
  contentHash: string;
  /** The document's corpus.json entry when it was chunked (JSON): chunks carry its title. */
  metadata?: string;
  chunks: Chunk[];
}

export interface IndexSnapshot {
  version: number;
  corpusDir: string;
  /** Hash of the analysis settings (synonyms, stop words) the lexical index was built with. */
  analysisKey?: string;
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

/**
 * Typed arrays (the search postings) go to a binary file beside the JSON, so loading them is one
 * read and a few views instead of parsing and decoding millions of numbers. The JSON names the
 * binary file's id and size; a pair that does not match is not trusted.
 */
interface BinaryRef {
  $bin: number;
}
interface BinaryIndex {
  id: string;
  size: number;
  blocks: Array<{ offset: number; length: number; type: "u32" | "u16" }>;
}
const ALIGN = 8;

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
    const body = bodySchema.parse(parsed);
    const binary = (parsed as { binary?: BinaryIndex }).binary;
    if (binary) {
      const bytes = await readFile(binaryFile(file));
      if (bytes.byteLength !== binary.size || bytes.subarray(0, binary.id.length).toString("latin1") !== binary.id) return undefined;
      resolveBinary(body.lexical, binary, bytes);
    }
    return parsed as IndexSnapshot;
  } catch {
    return undefined; // A damaged snapshot is rebuilt, never trusted.
  }
}

/** Writes atomically (temp file + rename; the binary file first), so a crash never leaves half a snapshot. */
export async function writeSnapshot(file: string, snapshot: IndexSnapshot): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const id = randomUUID(); // also the first bytes of the binary file: the JSON and its binary file belong together
  const parts: Buffer[] = [Buffer.from(id, "latin1")];
  let size = id.length;
  const blocks: BinaryIndex["blocks"] = [];
  const json = JSON.stringify(snapshot, (_key, value: unknown) => {
    if (!(value instanceof Uint32Array || value instanceof Uint16Array)) return value;
    const padding = (ALIGN - (size % ALIGN)) % ALIGN;
    if (padding > 0) parts.push(Buffer.alloc(padding));
    size += padding;
    blocks.push({ offset: size, length: value.length, type: value instanceof Uint32Array ? "u32" : "u16" });
    parts.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    size += value.byteLength;
    return { $bin: blocks.length - 1 } satisfies BinaryRef;
  });
  const binary: BinaryIndex = { id, size, blocks };
  const binTemp = `${binaryFile(file)}.${process.pid}.tmp`;
  await writeFile(binTemp, Buffer.concat(parts, size));
  await rename(binTemp, binaryFile(file));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${json.slice(0, -1)},"binary":${JSON.stringify(binary)}}`);
  await rename(temp, file);
}

function binaryFile(file: string): string {
  return file.replace(/\.json$/, "") + ".bin";
}

/** Replaces every {$bin: n} under value by a typed-array view on the binary file's bytes. */
function resolveBinary(value: unknown, binary: BinaryIndex, bytes: Buffer): unknown {
  if (Array.isArray(value)) {
    value.forEach((v, i) => (value[i] = resolveBinary(v, binary, bytes)));
    return value;
  }
  if (typeof value !== "object" || value === null) return value;
  const ref = value as Partial<BinaryRef>;
  if (typeof ref.$bin === "number") {
    const block = binary.blocks[ref.$bin];
    if (!block || block.offset % ALIGN !== 0) throw new Error("bad binary block");
    const start = bytes.byteOffset + block.offset;
    if (start % ALIGN !== 0) {
      // Unaligned backing store: copy (rare; readFile of a large file gives its own buffer).
      const copy = new Uint8Array(bytes.subarray(block.offset, block.offset + block.length * (block.type === "u32" ? 4 : 2)));
      return block.type === "u32" ? new Uint32Array(copy.buffer) : new Uint16Array(copy.buffer);
    }
    return block.type === "u32" ? new Uint32Array(bytes.buffer, start, block.length) : new Uint16Array(bytes.buffer, start, block.length);
  }
  for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = resolveBinary(v, binary, bytes);
  return value;
}
