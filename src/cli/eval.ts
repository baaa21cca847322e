import path from "node:path";
import { loadConfig } from "../config.js";
import { runEvaluation, type EvaluationReport } from "../evaluation/runEvaluation.js";
import { readQuestions } from "../evaluation/questions.js";
import { AskService, DEFAULT_ASK_OPTIONS } from "../handlers/ask/askService.js";
import { KnowledgeBase } from "../knowledge/knowledgeBase.js";
import { createLogger } from "../logger.js";
import { parseArgs } from "./args.js";

const USAGE = "Gebruik: npm run eval -- --questions <bestand.jsonl> [--corpus <map>] [--k 5] [--verbose]";

async function main(): Promise<void> {
  const { flags } = parseArgs(process.argv.slice(2));
  const questionsFile = flags.get("questions");
  if (typeof questionsFile !== "string") {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const corpusFlag = flags.get("corpus");
  const corpus = typeof corpusFlag === "string" ? path.resolve(corpusFlag) : config.corpusDir;
  const k = Number(flags.get("k") ?? 5);
  // Evaluation measures the embedded default: extractive answers, no model.
  const logger = createLogger("silent");
  const knowledge = new KnowledgeBase({ contentDir: path.resolve("content"), warn: (m) => console.error(m) });
  const summary = await knowledge.ingest(corpus);
  const questions = await readQuestions(path.resolve(questionsFile));
  const ask = new AskService(knowledge, logger, undefined, { ...DEFAULT_ASK_OPTIONS, topK: k });
  const report = await runEvaluation(questions, knowledge, ask, corpus, k);

  console.log(`Corpus: ${corpus} (${summary.documents} documenten, ${summary.chunks} passages)`);
  console.log(`Vragen: ${questions.length}, k = ${k}\n`);
  if (flags.has("verbose")) printPerQuestion(report);
  printTable(report, k);
  console.log(JSON.stringify({ ...withoutDetails(report), baseline: report.baseline }));
}

function printPerQuestion(report: EvaluationReport): void {
  for (const r of report.perQuestion) {
    const flag = r.answerable ? (r.abstained ? "ONTHOUDEN!" : "") : r.abstained ? "onthouden" : "BEANTWOORD!";
    console.log(
      `${r.id.padEnd(6)} ${r.kind.padEnd(10)} r@1 ${r.recall1.toFixed(2)} r@k ${r.recall5.toFixed(2)} rr ${r.rr.toFixed(2)} kw ${r.keywordHit.toFixed(2)} ${flag}`,
    );
  }
  console.log();
}

function printTable(report: EvaluationReport, k: number): void {
  const rows: Array<[string, keyof EvaluationReport["baseline"]]> = [
    ["recall@1", "recall@1"],
    [`recall@${k}`, "recall@5"],
    ["MRR", "mrr"],
    ["keywordHit", "keywordHit"],
    ["abstainRecall", "abstainRecall"],
    ["falseAbstain", "falseAbstain"],
    ["p50 (ms)", "p50Ms"],
    ["p95 (ms)", "p95Ms"],
  ];
  console.log(`${"meting".padEnd(16)}${"Wegwijs".padStart(10)}${"baseline".padStart(12)}`);
  for (const [label, key] of rows) {
    console.log(`${label.padEnd(16)}${String(report[key]).padStart(10)}${String(report.baseline[key]).padStart(12)}`);
  }
  console.log();
}

function withoutDetails(report: EvaluationReport): Omit<EvaluationReport, "perQuestion" | "baseline"> {
  const { perQuestion: _details, baseline: _baseline, ...figures } = report;
  return figures;
}

main().catch((error: unknown) => {
  console.error(`Evaluatie mislukt: ${(error as Error).message}`);
  process.exit(1);
});
