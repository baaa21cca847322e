/**
 * Child process of `npm run bench`: compares candidate engines on one corpus, away from the
 * Wegwijs process so their memory does not count against Wegwijs' peak RSS (each is reported
 * on its own). Loads the chunks from the snapshot the parent's ingest wrote, then for each
 * engine: build time, memory, search latency for the top CANDIDATES over the questions' analysed
 * terms, and agreement with the reference (MiniSearch with prefix/fuzzy expansion, what Wegwijs
 * used before). Also times the plain-MiniSearch baseline. Prints one JSON line.
 *
 *   tsx bench/engineCompare.ts <corpusDir> <dataDir> <questions.jsonl> <engines,comma,separated>
 */
import { contentDir } from "../src/app.js";
import { BaselineIndex } from "../src/evaluation/baselineIndex.js";
import { readQuestions } from "../src/evaluation/questions.js";
import { KnowledgeBase } from "../src/knowledge/knowledgeBase.js";
import { DEFAULT_LEXICAL_OPTIONS, LexicalIndex, type LexicalHit } from "../src/knowledge/lexicalIndex.js";
import type { EngineKind } from "../src/knowledge/search/candidateEngine.js";
import { latencyStats, type LatencyStats, measureLatencies, memoryFigures, round, timed } from "./timing.js";

import { CANDIDATES } from "./benchShared.js";
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 20) * 1000;

export interface EngineFigures {
  engine: EngineKind | "baseline";
  buildMs: number;
  /** Heap still in use after building (MB, after GC; the chunks themselves excluded). */
  heapMb: number;
  search: LatencyStats;
  /** Questions whose top CANDIDATES equal the reference's, in the same order. */
  sameTopAsReference: number | null;
  /** Mean share of the reference's top CANDIDATES that this engine also returns. */
  overlapWithReference: number | null;
  maxRssMb: number;
}

export interface CompareResult {
  chunks: number;
  questions: number;
  engines: EngineFigures[];
  maxRssMb: number;
}

async function main(): Promise<void> {
  const [corpusDir, dataDir, questionsFile, enginesArg] = process.argv.slice(2);
  const engines = enginesArg!.split(",").filter(Boolean) as EngineKind[];
  const kb = new KnowledgeBase({ contentDir, dataDir });
  if (!(await kb.openSnapshot(corpusDir!))) throw new Error("no snapshot");
  const chunks = kb.allChunks();
  const questions = (await readQuestions(questionsFile!)).map((q) => q.question);
  const groups = questions.map((q) => kb.queryGroups(q));
  const options = { warmup: Math.min(10, questions.length), repeats: REPEATS, budgetMs: BUDGET_MS };
  const heapBase = memoryFigures().heapUsedMb;
  const figures: EngineFigures[] = [];

  // Reference first (its answers are the yardstick), then the others; each index is dropped before the next.
  const order = [...engines].sort((a, b) => (a === "minisearch" ? -1 : b === "minisearch" ? 1 : 0));
  let reference: LexicalHit[][] | undefined;
  for (const engine of order) {
    const index = new LexicalIndex(kb.analyser, DEFAULT_LEXICAL_OPTIONS, engine);
    const built = await timed(() => index.build(chunks));
    const heapMb = round(memoryFigures().heapUsedMb - heapBase, 1);
    const results = groups.map((g) => index.search(g, CANDIDATES));
    if (engine === "minisearch") reference = results;
    const run = await measureLatencies(groups, (g) => index.search(g, CANDIDATES), options);
    const agreement = reference ? compare(reference, results) : { same: null, overlap: null };
    figures.push({
      engine,
      buildMs: round(built.ms),
      heapMb,
      search: latencyStats(run.samples),
      sameTopAsReference: agreement.same,
      overlapWithReference: agreement.overlap,
      maxRssMb: memoryFigures().maxRssMb,
    });
  }

  const baselineBuilt = await timed(() => new BaselineIndex(chunks));
  const baselineHeap = round(memoryFigures().heapUsedMb - heapBase, 1);
  const baselineRun = await measureLatencies(questions, (q) => baselineBuilt.value.search(q, 5), options);
  figures.push({
    engine: "baseline",
    buildMs: round(baselineBuilt.ms),
    heapMb: baselineHeap,
    search: latencyStats(baselineRun.samples),
    sameTopAsReference: null,
    overlapWithReference: null,
    maxRssMb: memoryFigures().maxRssMb,
  });
  const result: CompareResult = { chunks: chunks.length, questions: questions.length, engines: figures, maxRssMb: memoryFigures().maxRssMb };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function compare(reference: LexicalHit[][], results: LexicalHit[][]) {
  let same = 0;
  let overlap = 0;
  reference.forEach((ref, i) => {
    const got = results[i]!;
    if (ref.length === got.length && ref.every((h, j) => h.chunkId === got[j]!.chunkId)) same++;
    const ids = new Set(got.map((h) => h.chunkId));
    overlap += ref.length === 0 ? 1 : ref.filter((h) => ids.has(h.chunkId)).length / ref.length;
  });
  return { same, overlap: round(overlap / Math.max(1, reference.length), 3) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
