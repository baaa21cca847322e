/**
 * Knowledge benchmark: ingest time, query latency and memory of Wegwijs against the plain
 * BM25 baseline (MiniSearch defaults) over the same chunks, on the real corpus and on a
 * synthetic corpus FACTOR times larger. Prints figures and ratios measured in the same run;
 * it never passes or fails on time.
 *
 *   npm run bench
 *   BENCH_FACTOR=100 BENCH_REPEATS=5 BENCH_BUDGET_S=20 BENCH_CORPUS=... BENCH_QUESTIONS=... npm run bench
 *
 * Latency: an untimed warm-up (all questions on the original corpus, LARGE_WARMUP on the
 * synthetic one), then up to BENCH_REPEATS timed passes over all questions; no new pass starts
 * after BENCH_BUDGET_S seconds of timed passes (the table shows the number of samples n).
 */
import { rmSync } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contentDir } from "../src/app.js";
import { defaultCorpusDir } from "../src/config.js";
import { BaselineIndex } from "../src/evaluation/baselineIndex.js";
import { readQuestions } from "../src/evaluation/questions.js";
import { AskService } from "../src/handlers/ask/askService.js";
import { type IngestProgress, type IngestSummary, KnowledgeBase } from "../src/knowledge/knowledgeBase.js";
import { createLogger } from "../src/logger.js";
import { writeSyntheticCorpus } from "./syntheticCorpus.js";
import {
  formatTable,
  latencyStats,
  type LatencyStats,
  measureLatencies,
  memoryFigures,
  type MemoryFigures,
  progress,
  ratio,
  round,
  timed,
} from "./timing.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS_DIR = path.resolve(process.env.BENCH_CORPUS ?? defaultCorpusDir(repoRoot));
const QUESTIONS_FILE = path.resolve(process.env.BENCH_QUESTIONS ?? path.join(repoRoot, "../shared/eval/questions.jsonl"));
const FACTOR = positiveInt(process.env.BENCH_FACTOR, 100);
const REPEATS = positiveInt(process.env.BENCH_REPEATS, 5);
/** Time budget per latency measurement (seconds); at least one full timed pass always runs. */
const BUDGET_S = positiveInt(process.env.BENCH_BUDGET_S, 20);
/**
 * Warm-up questions on the synthetic corpus. The code is already JIT-warm from the original
 * corpus and a cold first pass measured no slower than a warm one there (query time is
 * MiniSearch scoring, not caches), so a short warm-up keeps the bench bounded.
 */
const LARGE_WARMUP = 10;
/** Ingest of the small corpus is short and noisy: take the median of a few runs. */
const SMALL_INGEST_RUNS = 5;
const K = 5;

interface IngestFigures {
  runs: number;
  documents: number;
  chunks: number;
  /** Wegwijs ingest, wall time (median over runs). */
  wegwijsMs: number;
  /** Of which: reading, hashing and chunking the files ("lezen"). */
  readChunkMs: number;
  /** Of which: vocabulary + Dutch-analysed BM25 index ("indexeren"). */
  indexMs: number;
  /** Building the baseline MiniSearch index over the same chunks (median over runs). */
  baselineMs: number;
  ratioWegwijsToBaseline: number | null;
  /** Like for like: only the indexing step of Wegwijs against the baseline index build. */
  ratioIndexToBaseline: number | null;
  warnings: number;
}

interface QueryFigures {
  questions: number;
  /** Timed passes actually run per system (REPEATS unless the time budget ran out). */
  passes: { baseline: number; wegwijsRetrieve: number; wegwijsAnswer: number };
  wegwijsRetrieve: LatencyStats;
  wegwijsAnswer: LatencyStats;
  baseline: LatencyStats;
  ratios: {
    retrieveToBaseline: { p50: number | null; p95: number | null; p99: number | null };
    answerToBaseline: { p50: number | null; p95: number | null; p99: number | null };
  };
  answerStatus: Record<string, number>;
}

interface CorpusFigures {
  label: string;
  dir: string;
  bytes?: number;
  ingest: IngestFigures;
  queries: QueryFigures;
}

interface MemoryRow extends MemoryFigures {
  phase: string;
}

const memory: MemoryRow[] = [];
function recordMemory(phase: string): void {
  memory.push({ phase, ...memoryFigures() });
}

async function main(): Promise<void> {
  const started = performance.now();
  progress(`corpus ${CORPUS_DIR}, vragen ${QUESTIONS_FILE}, factor ${FACTOR}, herhalingen ${REPEATS}`);
  const questions = (await readQuestions(QUESTIONS_FILE)).map((q) => q.question);
  recordMemory("start");

  progress("origineel corpus indexeren...");
  const original = await benchCorpus("origineel", CORPUS_DIR, questions, SMALL_INGEST_RUNS, questions.length);
  original.bytes = await documentBytes(CORPUS_DIR);

  progress(`synthetisch corpus maken (${FACTOR}×)...`);
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-bench-"));
  // Ctrl-C must not leave ~30 MB of synthetic documents behind.
  const onInterrupt = () => {
    rmSync(tempDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once("SIGINT", onInterrupt);
  let synthetic: CorpusFigures;
  let generationMs: number;
  try {
    const generated = await timed(() => writeSyntheticCorpus(CORPUS_DIR, tempDir, FACTOR));
    generationMs = generated.ms;
    progress(
      `synthetisch corpus: ${generated.value.files} bestanden, ${round(generated.value.bytes / 1024 / 1024, 1)} MB in ${Math.round(generated.ms)} ms`,
    );
    synthetic = await benchCorpus(`synthetisch ${FACTOR}×`, tempDir, questions, 1, LARGE_WARMUP);
    synthetic.bytes = generated.value.bytes;
  } finally {
    progress("tijdelijke map opruimen...");
    await rm(tempDir, { recursive: true, force: true });
    process.off("SIGINT", onInterrupt);
  }

  const totalSeconds = round((performance.now() - started) / 1000, 1);
  printReport([original, synthetic], generationMs, totalSeconds);
  console.log(
    JSON.stringify({
      bench: "knowledge",
      node: process.version,
      cpus: os.cpus().length,
      factor: FACTOR,
      repeats: REPEATS,
      budgetSeconds: BUDGET_S,
      k: K,
      questions: questions.length,
      corpora: { original, synthetic },
      syntheticGenerationMs: round(generationMs),
      memory,
      totalSeconds,
    }),
  );
}

async function benchCorpus(
  label: string,
  dir: string,
  questions: string[],
  ingestRuns: number,
  warmup: number,
): Promise<CorpusFigures> {
  let knowledge: KnowledgeBase | undefined;
  let summary: IngestSummary | undefined;
  const wegwijsMs: number[] = [];
  const readChunkMs: number[] = [];
  const indexMs: number[] = [];
  let warnings = 0;
  for (let run = 0; run < ingestRuns; run++) {
    progress(`${label}: Wegwijs ingest ${run + 1}/${ingestRuns}...`);
    knowledge = undefined; // let the previous run's index go before building the next
    const phases = phaseClock();
    warnings = 0;
    const kb = new KnowledgeBase({ contentDir, warn: () => warnings++, onProgress: phases.onProgress });
    const result = await timed(() => kb.ingest(dir));
    knowledge = kb;
    summary = result.value;
    wegwijsMs.push(result.ms);
    readChunkMs.push(phases.readMs());
    indexMs.push(phases.indexMs());
  }
  recordMemory(`${label}: na Wegwijs ingest`);

  const chunks = knowledge!.allChunks();
  const baselineMs: number[] = [];
  let baseline: BaselineIndex | undefined;
  for (let run = 0; run < ingestRuns; run++) {
    progress(`${label}: baseline-index bouwen ${run + 1}/${ingestRuns}...`);
    baseline = undefined;
    const built = await timed(() => new BaselineIndex(chunks));
    baseline = built.value;
    baselineMs.push(built.ms);
  }
  recordMemory(`${label}: na baseline-index`);

  const ingest: IngestFigures = {
    runs: ingestRuns,
    documents: summary!.documents,
    chunks: summary!.chunks,
    wegwijsMs: round(median(wegwijsMs)),
    readChunkMs: round(median(readChunkMs)),
    indexMs: round(median(indexMs)),
    baselineMs: round(median(baselineMs)),
    ratioWegwijsToBaseline: ratio(median(wegwijsMs), median(baselineMs)),
    ratioIndexToBaseline: ratio(median(indexMs), median(baselineMs)),
    warnings,
  };
  progress(
    `${label}: ${ingest.documents} documenten, ${ingest.chunks} passages; ingest ${Math.round(ingest.wegwijsMs)} ms, baseline ${Math.round(ingest.baselineMs)} ms`,
  );

  const kb = knowledge!;
  const base = baseline!;
  const ask = new AskService(kb, createLogger("silent"));
  const options = { warmup, repeats: REPEATS, budgetMs: BUDGET_S * 1000 };
  // Baseline last: its searches on a large corpus raise peak RSS most (common words match
  // almost every chunk), and peak RSS only goes up, so measuring it first would hide Wegwijs' peak.
  const plan = `${questions.length} vragen × max ${REPEATS}, budget ${BUDGET_S} s`;

  progress(`${label}: Wegwijs retrieve meten (${plan})...`);
  const retrieveRun = await measureLatencies(questions, (q) => kb.retrieve(q, K), options);
  recordMemory(`${label}: na Wegwijs retrieve`);

  progress(`${label}: Wegwijs antwoordpijplijn meten (${plan})...`);
  // Statuses of the last pass: a sanity check that the pipeline really answers on this corpus.
  const statusOf = new Map<number, string>();
  const answerRun = await measureLatencies(
    questions.map((_, i) => i),
    async (i) => statusOf.set(i, (await ask.answer(questions[i]!)).status),
    options,
  );
  recordMemory(`${label}: na Wegwijs answer`);
  const answerStatus: Record<string, number> = {};
  for (const status of statusOf.values()) answerStatus[status] = (answerStatus[status] ?? 0) + 1;

  progress(`${label}: baseline-zoeken meten (${plan})...`);
  const baselineRun = await measureLatencies(questions, (q) => base.search(q, K), options);
  recordMemory(`${label}: na baseline-zoeken`);

  const baselineStats = latencyStats(baselineRun.samples);
  const retrieveStats = latencyStats(retrieveRun.samples);
  const answerStats = latencyStats(answerRun.samples);
  const ratiosOf = (s: LatencyStats) => ({
    p50: ratio(s.p50Ms, baselineStats.p50Ms),
    p95: ratio(s.p95Ms, baselineStats.p95Ms),
    p99: ratio(s.p99Ms, baselineStats.p99Ms),
  });
  return {
    label,
    dir,
    ingest,
    queries: {
      questions: questions.length,
      passes: { baseline: baselineRun.passes, wegwijsRetrieve: retrieveRun.passes, wegwijsAnswer: answerRun.passes },
      wegwijsRetrieve: retrieveStats,
      wegwijsAnswer: answerStats,
      baseline: baselineStats,
      ratios: { retrieveToBaseline: ratiosOf(retrieveStats), answerToBaseline: ratiosOf(answerStats) },
      answerStatus,
    },
  };
}

/** Splits ingest wall time into its phases using the progress callback. */
function phaseClock() {
  const start = performance.now();
  let readDone: number | undefined;
  let indexStart: number | undefined;
  let indexDone: number | undefined;
  return {
    onProgress(p: IngestProgress) {
      const now = performance.now();
      if (p.phase === "lezen" && p.done === p.total) readDone = now;
      if (p.phase === "indexeren" && p.done === 0) indexStart = now;
      if (p.phase === "indexeren" && p.done === p.total) indexDone = now;
    },
    readMs: () => (readDone ?? start) - start,
    indexMs: () => (indexDone !== undefined && indexStart !== undefined ? indexDone - indexStart : 0),
  };
}

function printReport(corpora: CorpusFigures[], generationMs: number, totalSeconds: number): void {
  const out: string[] = [];
  out.push(`Wegwijs kennisbank-benchmark — Node ${process.version}, ${os.cpus().length} cores, k = ${K}`);
  out.push(
    `Vragen: ${corpora[0]?.queries.questions} × max ${REPEATS} herhalingen, budget ${BUDGET_S} s per meting; opwarmen: alle vragen (origineel), ${LARGE_WARMUP} (synthetisch)`,
  );
  out.push(`Synthetisch corpus: ${FACTOR} verstoorde kopieën per document, gemaakt in ${Math.round(generationMs)} ms`);
  out.push("Verhoudingen (ratio) zijn Wegwijs / baseline, gemeten in deze run. Geen oordeel op tijd.\n");

  out.push("1. Ingest (zonder snapshot)");
  out.push(
    formatTable(
      ["corpus", "docs", "passages", "MB", "Wegwijs ms", "waarvan lezen+chunken", "waarvan indexeren", "baseline ms", "ratio totaal", "ratio index"],
      corpora.map((c) => [
        c.label + (c.ingest.runs > 1 ? ` (mediaan ${c.ingest.runs}×)` : ""),
        c.ingest.documents,
        c.ingest.chunks,
        c.bytes !== undefined ? round(c.bytes / 1024 / 1024, 1) : null,
        c.ingest.wegwijsMs,
        c.ingest.readChunkMs,
        c.ingest.indexMs,
        c.ingest.baselineMs,
        c.ingest.ratioWegwijsToBaseline,
        c.ingest.ratioIndexToBaseline,
      ]),
    ),
  );
  out.push("");

  out.push("2/3. Zoeklatentie per vraag (ms)");
  const rows: Array<Array<string | number | null>> = [];
  for (const c of corpora) {
    const q = c.queries;
    rows.push([`${c.label}: baseline search`, q.baseline.samples, q.baseline.meanMs, q.baseline.p50Ms, q.baseline.p95Ms, q.baseline.p99Ms, q.baseline.maxMs, "", "", ""]);
    const r = q.ratios.retrieveToBaseline;
    const a = q.ratios.answerToBaseline;
    const s = q.wegwijsRetrieve;
    const t = q.wegwijsAnswer;
    rows.push([`${c.label}: Wegwijs retrieve`, s.samples, s.meanMs, s.p50Ms, s.p95Ms, s.p99Ms, s.maxMs, r.p50, r.p95, r.p99]);
    rows.push([`${c.label}: Wegwijs answer`, t.samples, t.meanMs, t.p50Ms, t.p95Ms, t.p99Ms, t.maxMs, a.p50, a.p95, a.p99]);
  }
  out.push(formatTable(["meting", "n", "gem.", "p50", "p95", "p99", "max", "ratio p50", "ratio p95", "ratio p99"], rows));
  out.push(
    `Antwoordstatus (laatste ronde): ${corpora.map((c) => `${c.label}: ${Object.entries(c.queries.answerStatus).map(([k, v]) => `${k} ${v}`).join(", ")}`).join("; ")}`,
  );
  out.push("");

  const [small, large] = corpora;
  if (small && large) {
    out.push(`Schaal: ${large.label} / ${small.label}`);
    out.push(
      formatTable(
        ["meting", "factor"],
        [
          ["passages", ratio(large.ingest.chunks, small.ingest.chunks)],
          ["Wegwijs ingest", ratio(large.ingest.wegwijsMs, small.ingest.wegwijsMs)],
          ["baseline-index bouwen", ratio(large.ingest.baselineMs, small.ingest.baselineMs)],
          ["Wegwijs retrieve p50", ratio(large.queries.wegwijsRetrieve.p50Ms, small.queries.wegwijsRetrieve.p50Ms)],
          ["Wegwijs answer p50", ratio(large.queries.wegwijsAnswer.p50Ms, small.queries.wegwijsAnswer.p50Ms)],
          ["baseline search p50", ratio(large.queries.baseline.p50Ms, small.queries.baseline.p50Ms)],
        ],
      ),
    );
    out.push("");
  }

  out.push("4. Geheugen na elke fase (MB; piek-RSS is cumulatief, overige na GC)");
  out.push(
    formatTable(
      ["fase", "piek RSS", "RSS", "heap used", "heap total", "external"],
      memory.map((m) => [m.phase, m.maxRssMb, m.rssMb, m.heapUsedMb, m.heapTotalMb, m.externalMb]),
    ),
  );
  out.push("");
  out.push(`Totale duur: ${totalSeconds} s`);
  console.log(out.join("\n"));
}

/** Total size of the document files (not corpus.json) directly in dir. */
async function documentBytes(dir: string): Promise<number> {
  const files = (await readdir(dir)).filter((f) => f !== "corpus.json" && !f.startsWith("."));
  const sizes = await Promise.all(files.map((f) => stat(path.join(dir, f)).then((s) => (s.isFile() ? s.size : 0))));
  return sizes.reduce((a, b) => a + b, 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
