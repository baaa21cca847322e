import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { DocumentMeta } from "./types.js";

const corpusFileSchema = z.object({
  documents: z.array(
    z.object({
      file: z.string(),
      title: z.string().optional(),
      shortTitle: z.string().nullable().optional(),
      date: z.string().nullable().optional(),
      region: z.string().nullable().optional(),
      kind: z.string().nullable().optional(),
      publisher: z.string().nullable().optional(),
    }),
  ),
});

export type CorpusMetadata = Map<string, Partial<Omit<DocumentMeta, "id">>>;

/** Reads the optional corpus.json; a missing file is normal, a broken one is reported. */
export async function readCorpusMetadata(
  dir: string,
  warn: (message: string) => void,
): Promise<CorpusMetadata> {
  const file = path.join(dir, "corpus.json");
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    return new Map();
  }
  try {
    const parsed = corpusFileSchema.parse(JSON.parse(raw));
    return new Map(
      parsed.documents.map((d) => [
        d.file,
        { title: d.title, shortTitle: d.shortTitle ?? null, date: d.date ?? null, region: d.region ?? null, kind: d.kind?.trim() || null, publisher: d.publisher?.trim() || null },
      ]),
    );
  } catch (error) {
    warn(`corpus.json wordt genegeerd: het bestand is ongeldig (${(error as Error).message.split("\n")[0]})`);
    return new Map();
  }
}

/** Title from metadata, else the first Markdown heading, else the file name made readable. */
export function documentMeta(id: string, text: string, metadata: CorpusMetadata): DocumentMeta {
  const known = metadata.get(id);
  const heading = /^#{1,3}\s+(.+)$/m.exec(text.slice(0, 5000))?.[1]?.replace(/[*_<>/b]+/g, " ").trim();
  const fromName = path
    .basename(id, path.extname(id))
    .replace(/[-_]+/g, " ")
    .replace(/^\w/, (c) => c.toUpperCase());
  return {
    id,
    title: known?.title ?? heading ?? fromName,
    shortTitle: known?.shortTitle?.trim() || null,
    date: known?.date ?? null,
    region: known?.region ?? null,
    kind: known?.kind ?? null,
    publisher: known?.publisher ?? null,
  };
}
