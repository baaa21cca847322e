/**
 * Knowledge benchmark: ingest, snapshot load, query latency and memory of Wegwijs on the real
 * corpus and on synthetic corpora FACTOR and LARGE_FACTOR times larger, beside the plain BM25
 * baseline (MiniSearch defaults) and the candidate engines compared for issue 13. Prints figures
 * and ratios measured in the same run; it never passes or fails on time.
 *
 *   npm run bench
 *   BENCH_FACTOR=100 BENCH_LARGE_FACTOR=1000 BENCH_REPEATS=5 BENCH_BUDGET_S=20 npm run bench
 *   BENCH_LARGE_FACTOR=0 npm run bench      # without the 1000x corpus
 *
 * Each corpus runs in child processes, one at a time: Wegwijs (bench/corpusRun.ts) and the
 * engine comparison with the baseline (bench/engineCompare.ts). So each peak RSS in the report is
 * that process' own: Wegwijs' figure is not inflated by the baseline's index, nor the other way round.
 *
 * Latency: an untimed warm-up (all questions on the original corpus, LARGE_WARMUP on the
 * synthetic ones), then up to BENCH_REPEATS timed passes over all questions; no new pass starts
 * after BENCH_BUDGET_S seconds of timed passes (the table shows the number of samples n).
 */
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { defaultCorpusDir } from "../src/config.js";
import type { CorpusRunResult } from "./corpusRun.js";
import { CANDIDATES } from "./benchShared.js";
import type { CompareResult } from "./engineCompare.js";
import { writeSyntheticCorpus } from "./syntheticCorpus.js";
import { formatTable, memoryFigures, progress, ratio, round, timed } from "./timing.js";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const CORPUS_DIR = path.resolve(process.env.BENCH_CORPUS ?? defaultCorpusDir(repoRoot));
const QUESTIONS_FILE = path.resolve(process.env.BENCH_QUESTIONS ?? path.join(repoRoot, "../shared/eval/questions.jsonl"));
const FACTOR = nonNegativeInt(process.env.BENCH_FACTOR, 100);
const LARGE_FACTOR = nonNegativeInt(process.env.BENCH_LARGE_FACTOR, 1000);
const REPEATS = nonNegativeInt(process.env.BENCH_REPEATS, 5);
const BUDGET_S = nonNegativeInt(process.env.BENCH_BUDGET_S, 20);
const LARGE_WARMUP = 10;
const SMALL_INGEST_RUNS = 5;
/** Engines compared per corpus; MiniSearch with expansion is the reference (what Wegwijs used before). */
const ENGINES = "minisearch,minisearch-exact,postings";
/** At 1000x, MiniSearch with expansion needs several GB per search burst: only the chosen engine there. */
const LARGE_ENGINES = process.env.BENCH_LARGE_ENGINES ?? "postings";

interface CorpusFigures {
  label: string;
  factor: number;
  bytes: number;
  wegwijs: CorpusRunResult;
  compare: CompareResult;
}

async function main(): Promise<void> {
  const started = performance.now();
  progress(`corpus ${CORPUS_DIR}, vragen ${QUESTIONS_FILE}, factoren ${FACTOR} en ${LARGE_FACTOR}, herhalingen ${REPEATS}`);
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-bench-"));
  const onInterrupt = () => {
    rmSync(tempDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once("SIGINT", onInterrupt);
  const corpora: CorpusFigures[] = [];
  try {
    corpora.push(await benchCorpus("origineel", 1, CORPUS_DIR, await documentBytes(CORPUS_DIR), tempDir, SMALL_INGEST_RUNS, 1000, ENGINES));
    for (const factor of [FACTOR, LARGE_FACTOR].filter((f) => f > 0)) {
      const dir = path.join(tempDir, `corpus-${factor}`);
      progress(`synthetisch corpus maken (${factor}×)...`);
      const generated = await timed(() => writeSyntheticCorpus(CORPUS_DIR, dir, factor));
      progress(`${generated.value.files} bestanden, ${round(generated.value.bytes / 1024 / 1024, 1)} MB in ${Math.round(generated.ms)} ms`);
      const engines = factor === LARGE_FACTOR && factor !== FACTOR ? LARGE_ENGINES : ENGINES;
      corpora.push(await benchCorpus(`synthetisch ${factor}×`, factor, dir, generated.value.bytes, tempDir, 1, LARGE_WARMUP, engines));
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    progress("tijdelijke map opruimen...");
    await rm(tempDir, { recursive: true, force: true });
    process.off("SIGINT", onInterrupt);
  }
  const totalSeconds = round((performance.now() - started) / 1000, 1);
  printReport(corpora, totalSeconds);
  console.log(JSON.stringify({ bench: "knowledge", node: process.version, cpus: os.cpus().length, repeats: REPEATS, budgetSeconds: BUDGET_S, corpora, orchestratorMaxRssMb: memoryFigures().maxRssMb, totalSeconds }));
}

async function benchCorpus(
  label: string,
  factor: number,
  dir: string,
  bytes: number,
  tempDir: string,
  ingestRuns: number,
  warmup: number,
  engines: string,
): Promise<CorpusFigures> {
  const dataDir = path.join(tempDir, `data-${factor}`);
  progress(`${label}: Wegwijs (ingest ${ingestRuns}×, snapshot, retrieve, answer) in een eigen proces...`);
  const wegwijs = await child<CorpusRunResult>("corpusRun.ts", [label, dir, dataDir, QUESTIONS_FILE, String(ingestRuns), String(warmup)]);
  progress(`${label}: ${wegwijs.chunks} passages; ingest ${Math.round(wegwijs.ingest.wegwijsMs)} ms, retrieve p95 ${wegwijs.retrieve.p95Ms} ms`);
  progress(`${label}: engines (${engines}) en baseline in een eigen proces...`);
  const compare = await child<CompareResult>("engineCompare.ts", [dir, dataDir, QUESTIONS_FILE, engines]);
  await rm(dataDir, { recursive: true, force: true });
  return { label, factor, bytes, wegwijs, compare };
}

async function child<T>(script: string, args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [...process.execArgv, path.join(here, script), ...args], {
    maxBuffer: 64 * 1024 * 1024,
    env: process.env,
  }).catch((error: { stderr?: string }) => {
    throw new Error(`${script} failed: ${error.stderr ?? String(error)}`);
  });
  return JSON.parse(stdout.trim().split("\n").pop()!) as T;
}

/** Columns of the per-question latency tables: Wegwijs beside the baseline of the same run. */
const LATENCY_COLUMNS = ["meting", "n", "gem.", "p50", "p95", "p99", "max", "ratio p50", "ratio p95", "ratio p99"];

function printReport(corpora: CorpusFigures[], totalSeconds: number): void {
  const out: string[] = [];
  out.push(`Wegwijs kennisbank-benchmark — Node ${process.version}, ${os.cpus().length} cores, k = 5, kandidaten = ${CANDIDATES}`);
  out.push(`Vragen: ${corpora[0]?.wegwijs.retrieve.samples ?? 0} metingen per rij max (${REPEATS} herhalingen, budget ${BUDGET_S} s); elk corpus in eigen processen`);
  out.push("Verhoudingen zijn Wegwijs / baseline (gewone MiniSearch zonder Nederlandse analyse), gemeten in deze run. Geen oordeel op tijd.\n");

  out.push("1. Ingest (zonder snapshot) en snapshot laden");
  out.push(
    formatTable(
      ["corpus", "docs", "passages", "MB", "ingest ms", "lezen+chunken", "indexeren", "baseline-index ms", "snapshot MB", "snapshot openen ms", "herstart-ingest ms"],
      corpora.map((c) => {
        const w = c.wegwijs;
        return [
          c.label + (w.ingest.runs > 1 ? ` (mediaan ${w.ingest.runs}×)` : ""),
          w.documents,
          w.chunks,
          round(c.bytes / 1024 / 1024, 1),
          w.ingest.wegwijsMs,
          w.ingest.readChunkMs,
          w.ingest.indexMs,
          c.compare.engines.find((e) => e.engine === "baseline")?.buildMs ?? null,
          round(w.snapshot.bytes / 1024 / 1024, 1),
          w.snapshot.openMs,
          w.snapshot.unchangedIngestMs,
        ];
      }),
    ),
  );
  out.push("");

  out.push("2. Wegwijs per vraag (ms), beside the baseline in the same run");
  const rows: Array<Array<string | number | null>> = [];
  for (const c of corpora) {
    const base = c.compare.engines.find((e) => e.engine === "baseline")!.search;
    rows.push([`${c.label}: baseline search`, base.samples, base.meanMs, base.p50Ms, base.p95Ms, base.p99Ms, base.maxMs, "", "", ""]);
    for (const [name, s] of [["retrieve", c.wegwijs.retrieve], ["answer", c.wegwijs.answer]] as const) {
      rows.push([`${c.label}: Wegwijs ${name}`, s.samples, s.meanMs, s.p50Ms, s.p95Ms, s.p99Ms, s.maxMs, ratio(s.p50Ms, base.p50Ms), ratio(s.p95Ms, base.p95Ms), ratio(s.p99Ms, base.p99Ms)]);
    }
  }
  out.push(formatTable(LATENCY_COLUMNS, rows));
  const paired = corpora.flatMap((c) => (c.wegwijs.paired ? [{ label: c.label, ...c.wegwijs.paired }] : []));
  if (paired.length > 0) {
    out.push("Om en om in één proces (per vraag beide, wie eerst gaat wisselt per ronde; ruis treft ze gelijk):");
    const pairedRows = paired.flatMap(({ label, retrieve, baseline }) => [
      [`${label}: baseline search`, baseline.samples, baseline.meanMs, baseline.p50Ms, baseline.p95Ms, baseline.p99Ms, baseline.maxMs, "", "", ""],
      [`${label}: Wegwijs retrieve`, retrieve.samples, retrieve.meanMs, retrieve.p50Ms, retrieve.p95Ms, retrieve.p99Ms, retrieve.maxMs, ratio(retrieve.p50Ms, baseline.p50Ms), ratio(retrieve.p95Ms, baseline.p95Ms), ratio(retrieve.p99Ms, baseline.p99Ms)],
    ]);
    out.push(formatTable(LATENCY_COLUMNS, pairedRows));
  }
  out.push(`Antwoordstatus (laatste ronde): ${corpora.map((c) => `${c.label}: ${Object.entries(c.wegwijs.answerStatus).map(([k, v]) => `${k} ${v}`).join(", ")}`).join("; ")}`);
  out.push("");

  out.push(`3. Kandidaat-engines: top ${CANDIDATES} over dezelfde geanalyseerde vraagtermen (ms); referentie = MiniSearch met prefix/fuzzy (vóór issue 13)`);
  out.push(
    formatTable(
      ["corpus / engine", "bouwen ms", "heap MB", "p50", "p95", "p99", "max", "zelfde top als ref.", "overlap met ref.", "piek-RSS proces"],
      corpora.flatMap((c) =>
        c.compare.engines.map((e) => [
          `${c.label}: ${e.engine}`,
          e.buildMs,
          e.heapMb,
          e.search.p50Ms,
          e.search.p95Ms,
          e.search.p99Ms,
          e.search.maxMs,
          e.sameTopAsReference === null ? "" : `${e.sameTopAsReference}/${c.compare.questions}`,
          e.overlapWithReference ?? "",
          e.maxRssMb,
        ]),
      ),
    ),
  );
  out.push("(piek-RSS is cumulatief binnen het vergelijkingsproces: elke rij erft de pieken van de rijen erboven)\n");

  out.push("4. Geheugen van het Wegwijs-proces per corpus (MB; piek-RSS cumulatief, overige na GC)");
  out.push(
    formatTable(
      ["corpus / fase", "piek RSS", "RSS", "heap used", "external"],
      corpora.flatMap((c) => c.wegwijs.memory.map((m) => [`${c.label}: ${m.phase}`, m.maxRssMb, m.rssMb, m.heapUsedMb, m.externalMb])),
    ),
  );
  out.push("");
  out.push(`Totale duur: ${totalSeconds} s`);
  console.log(out.join("\n"));
}

async function documentBytes(dir: string): Promise<number> {
  const files = (await readdir(dir)).filter((f) => f !== "corpus.json" && !f.startsWith("."));
  const sizes = await Promise.all(files.map((f) => stat(path.join(dir, f)).then((s) => (s.isFile() ? s.size : 0))));
  return sizes.reduce((a, b) => a + b, 0);
}

function nonNegativeInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && raw !== "" && Number.isInteger(n) && n >= 0 ? n : fallback;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
