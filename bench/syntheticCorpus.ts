import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same corpus on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed derived from any strings (stable across runs and machines). */
export function seedFrom(...parts: Array<string | number>): number {
  return createHash("sha1").update(parts.join("\u0000")).digest().readUInt32LE(0);
}

export interface PerturbOptions {
  /** Chance per sentence that two adjacent words are swapped. */
  swapRate: number;
  /** Chance per sentence that one word is dropped. */
  dropRate: number;
  /** Chance per number that its digits are replaced (same number of digits). */
  numberRate: number;
}

export const DEFAULT_PERTURB: PerturbOptions = { swapRate: 0.5, dropRate: 0.3, numberRate: 0.3 };

const HEADING = /^(#{1,6})(\s+)(.+)$/;
/** A plain word token: letters only, optionally followed by light punctuation. Tags, URLs, table cells are left alone. */
const PLAIN_WORD = /^\p{L}+[,;:]?$/u;

/**
 * One perturbed copy of a Markdown document: per sentence maybe swap two adjacent words and
 * maybe drop one, change some numbers, and rename the first heading. Markdown structure
 * (headings, list markers, inline HTML) is kept so chunking behaves as on the original.
 */
export function perturbDocument(text: string, variant: string, random: () => number, options = DEFAULT_PERTURB): string {
  let headingRenamed = false;
  const lines = text.split("\n").map((line) => {
    const heading = HEADING.exec(line);
    if (heading) {
      if (headingRenamed) return line;
      headingRenamed = true;
      return `${heading[1]}${heading[2]}${heading[3]} (${variant})`;
    }
    if (line.trim() === "" || line.trimStart().startsWith("<")) return changeNumbers(line, random, options.numberRate);
    const sentences = line.split(/(?<=[.!?])(?=\s)/);
    return sentences.map((s) => changeNumbers(perturbSentence(s, random, options), random, options.numberRate)).join("");
  });
  return lines.join("\n");
}

function perturbSentence(sentence: string, random: () => number, options: PerturbOptions): string {
  // Split keeping the whitespace, so the line's spacing survives.
  const parts = sentence.split(/(\s+)/);
  const words = parts.flatMap((p, i) => (i % 2 === 0 && PLAIN_WORD.test(p) ? [i] : []));
  if (words.length < 4) return sentence;
  if (random() < options.swapRate) {
    const w = Math.floor(random() * (words.length - 1));
    const a = words[w]!;
    const b = words[w + 1]!;
    [parts[a], parts[b]] = [parts[b]!, parts[a]!];
  }
  if (random() < options.dropRate) {
    const victim = words[1 + Math.floor(random() * (words.length - 1))]!; // keep the first word (capital, list context)
    parts[victim] = "";
    if (parts[victim + 1] !== undefined) parts[victim + 1] = "";
  }
  return parts.join("");
}

function changeNumbers(text: string, random: () => number, rate: number): string {
  return text.replace(/\d+/g, (digits) => {
    if (random() >= rate) return digits;
    let out = "";
    for (let i = 0; i < digits.length; i++) {
      const min = i === 0 && digits.length > 1 ? 1 : 0;
      out += String(min + Math.floor(random() * (10 - min)));
    }
    return out;
  });
}

export interface SyntheticCorpusSummary {
  dir: string;
  files: number;
  bytes: number;
  sourceFiles: number;
}

interface CorpusJson {
  description?: string;
  documents: Array<{ file: string; title?: string; [key: string]: unknown }>;
}

/**
 * Writes `copies` perturbed copies of every .md document of sourceDir into targetDir,
 * named "<name>--v007.md", plus a corpus.json whose titles carry the variant too.
 */
export async function writeSyntheticCorpus(
  sourceDir: string,
  targetDir: string,
  copies: number,
  seed = 20240601,
  options = DEFAULT_PERTURB,
): Promise<SyntheticCorpusSummary> {
  await mkdir(targetDir, { recursive: true });
  const sources = (await readdir(sourceDir)).filter((f) => f.endsWith(".md")).sort();
  const metadata = await readFile(path.join(sourceDir, "corpus.json"), "utf8")
    .then((raw) => JSON.parse(raw) as CorpusJson)
    .catch(() => ({ documents: [] }) as CorpusJson);
  const documents: CorpusJson["documents"] = [];
  const width = String(copies).length;
  let bytes = 0;
  for (const source of sources) {
    const text = await readFile(path.join(sourceDir, source), "utf8");
    const meta = metadata.documents.find((d) => d.file === source);
    const base = source.slice(0, -".md".length);
    for (let copy = 1; copy <= copies; copy++) {
      const variant = `variant ${String(copy).padStart(width, "0")}`;
      const file = `${base}--v${String(copy).padStart(width, "0")}.md`;
      const perturbed = perturbDocument(text, variant, mulberry32(seedFrom(seed, source, copy)), options);
      await writeFile(path.join(targetDir, file), perturbed);
      bytes += Buffer.byteLength(perturbed);
      if (meta) documents.push({ ...meta, file, title: `${meta.title ?? base} (${variant})` });
    }
  }
  await writeFile(
    path.join(targetDir, "corpus.json"),
    JSON.stringify({ description: `Synthetic benchmark corpus: ${copies} perturbed copies of ${sourceDir}`, documents }, null, 1),
  );
  return { dir: targetDir, files: sources.length * copies, bytes, sourceFiles: sources.length };
}
