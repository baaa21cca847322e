/**
 * Child process of `npm run bench`: Wegwijs on one corpus, in a process of its own so each
 * corpus' peak RSS is its own. Ingest (with the snapshot written, as in production), snapshot
 * load, then retrieve and full-answer latency per question. Prints one JSON line.
 *
 *   tsx bench/corpusRun.ts <label> <corpusDir> <dataDir> <questions.jsonl> <ingestRuns> <warmup>
 */
import { rm } from "node:fs/promises";
import { contentDir } from "../src/app.js";
import { readQuestions } from "../src/evaluation/questions.js";
import { AskService } from "../src/handlers/ask/askService.js";
import { type IngestProgress, type IngestSummary, KnowledgeBase } from "../src/knowledge/knowledgeBase.js";
import { createLogger } from "../src/logger.js";
import { BaselineIndex } from "../src/evaluation/baselineIndex.js";
import { collectGarbage, latencyStats, type LatencyStats, measureLatencies, measurePaired, memoryFigures, type MemoryFigures, round, timed } from "./timing.js";

const K = 5;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 20) * 1000;
/**
 * Up to this many passages, the baseline is also timed in this process, in turn with Wegwijs'
 * retrieve (after the memory figures, so its index does not count in them). Larger corpora keep
 * only the separate-process figures: their baseline index alone is hundreds of MB.
 */
const PAIRED_MAX_CHUNKS = 5000;

export interface CorpusRunResult {
  label: string;
  documents: number;
  chunks: number;
  ingest: { runs: number; wegwijsMs: number; readChunkMs: number; indexMs: number; warnings: number };
  /** Restart path: a new KnowledgeBase loading the snapshot (openSnapshot), and a full ingest() that finds nothing changed. */
  snapshot: { openMs: number; unchangedIngestMs: number; bytes: number };
  retrieve: LatencyStats;
  answer: LatencyStats;
  answerStatus: Record<string, number>;
  memory: Array<MemoryFigures & { phase: string }>;
  /** Retrieve and the baseline's search timed in turn in this process (small corpora only). */
  paired?: { retrieve: LatencyStats; baseline: LatencyStats };
}

async function main(): Promise<void> {
  const [label, corpusDir, dataDir, questionsFile, runsArg, warmupArg] = process.argv.slice(2);
  const runs = Number(runsArg);
  const questions = (await readQuestions(questionsFile!)).map((q) => q.question);
  const memory: CorpusRunResult["memory"] = [{ phase: "start", ...memoryFigures() }];
  const wegwijsMs: number[] = [];
  const readChunkMs: number[] = [];
  const indexMs: number[] = [];
  let warnings = 0;
  let summary: IngestSummary | undefined;
  let kb: KnowledgeBase | undefined;
  for (let run = 0; run < runs; run++) {
    await rm(dataDir!, { recursive: true, force: true }); // every run builds from scratch
    kb = undefined;
    warnings = 0;
    const phases = phaseClock();
    const fresh = new KnowledgeBase({ contentDir, dataDir, warn: () => warnings++, onProgress: phases.onProgress });
    const result = await timed(() => fresh.ingest(corpusDir!));
    summary = result.value;
    kb = fresh;
    wegwijsMs.push(result.ms);
    readChunkMs.push(phases.readMs());
    indexMs.push(phases.indexMs());
  }
  memory.push({ phase: "na ingest", ...memoryFigures() });

  const { statSync, readdirSync } = await import("node:fs");
  const bytes = readdirSync(dataDir!).reduce((sum, f) => sum + statSync(`${dataDir}/${f}`).size, 0);
  // One knowledge base alive at a time, as in production: restart path first, then the snapshot
  // is opened the way an answer worker opens it, and that knowledge base answers the questions.
  // Collect what the previous phase dropped before the next one allocates; without it, the peak RSS would add up phases that never overlap.
  kb = undefined;
  collectGarbage();
  const reingest = await timed(() => new KnowledgeBase({ contentDir, dataDir }).ingest(corpusDir!));
  collectGarbage();
  const opened = await timed(async () => {
    const fresh = new KnowledgeBase({ contentDir, dataDir });
    return (await fresh.openSnapshot(corpusDir!)) ? fresh : undefined;
  });
  if (!opened.value || !reingest.value.fromSnapshot) throw new Error("snapshot did not load");
  kb = opened.value;
  memory.push({ phase: "na snapshot laden", ...memoryFigures() });

  const options = { warmup: Number(warmupArg), repeats: REPEATS, budgetMs: BUDGET_MS };
  const retrieveRun = await measureLatencies(questions, (q) => kb!.retrieve(q, K), options);
  memory.push({ phase: "na retrieve", ...memoryFigures() });
  const ask = new AskService(kb!, createLogger("silent"));
  const statusOf = new Map<number, string>();
  const answerRun = await measureLatencies(
    questions.map((_, i) => i),
    async (i) => statusOf.set(i, (await ask.answer(questions[i]!)).status),
    options,
  );
  memory.push({ phase: "na answer", ...memoryFigures() });
  const answerStatus: Record<string, number> = {};
  for (const status of statusOf.values()) answerStatus[status] = (answerStatus[status] ?? 0) + 1;

  let paired: CorpusRunResult["paired"];
  if (summary!.chunks <= PAIRED_MAX_CHUNKS) {
    const baseline = new BaselineIndex(kb!.allChunks());
    const run = await measurePaired(questions, (q) => kb!.retrieve(q, K), (q) => baseline.search(q, K), options);
    paired = { retrieve: latencyStats(run.first), baseline: latencyStats(run.second) };
  }

  const result: CorpusRunResult = {
    label: label!,
    documents: summary!.documents,
    chunks: summary!.chunks,
    ingest: { runs, wegwijsMs: round(median(wegwijsMs)), readChunkMs: round(median(readChunkMs)), indexMs: round(median(indexMs)), warnings },
    snapshot: { openMs: round(opened.ms), unchangedIngestMs: round(reingest.ms), bytes },
    retrieve: latencyStats(retrieveRun.samples),
    answer: latencyStats(answerRun.samples),
    answerStatus,
    memory,
    ...(paired ? { paired } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
