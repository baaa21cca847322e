import path from "node:path";
import { loadConfig } from "../config.js";
import { evaluateSets, figuresOf, type SetReport, worstOver } from "../evaluation/evaluateSets.js";
import type { EvaluationReport, Figures } from "../evaluation/runEvaluation.js";
import { parseArgs } from "./args.js";

const USAGE =
  "Gebruik: npm run eval -- --questions <bestand.jsonl> [<bestand.jsonl> ...] [--corpus <map>] [--k 5] [--verbose]";

const COLUMNS: Array<[string, keyof Figures]> = [
  ["recall@1", "recall@1"],
  ["recall@k", "recall@5"],
  ["MRR", "mrr"],
  ["keywordHit", "keywordHit"],
  ["leadKwHit", "leadKeywordHit"],
  ["answerWords", "answerWords"],
  ["abstainRec", "abstainRecall"],
  ["falseAbst", "falseAbstain"],
  ["p50 ms", "p50Ms"],
  ["p95 ms", "p95Ms"],
];

async function main(): Promise<void> {
  const { flags, lists } = parseArgs(process.argv.slice(2));
  const files = lists.get("questions") ?? [];
  if (files.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const corpusFlag = flags.get("corpus");
  const corpus = typeof corpusFlag === "string" ? path.resolve(corpusFlag) : loadConfig().corpusDir;
  const k = Number(flags.get("k") ?? 5);
  const result = await evaluateSets(files, corpus, k);

  console.log(`Corpus: ${corpus} (${result.documents} documenten, ${result.chunks} passages), k = ${k}\n`);
  if (flags.has("verbose")) for (const set of result.sets) printPerQuestion(set);
  printTable(result.sets);
  const first = result.sets[0]!.report;
  console.log(
    JSON.stringify({
      ...figuresOf(first),
      baseline: first.baseline,
      sets: result.sets.map((s) => ({ file: s.file, ...figuresOf(s.report), baseline: s.report.baseline })),
    }),
  );
}

function printPerQuestion({ file, report }: SetReport): void {
  console.log(`== ${file}`);
  for (const r of report.perQuestion) {
    const flag = r.answerable ? (r.abstained ? "ONTHOUDEN!" : "") : r.abstained ? "onthouden" : "BEANTWOORD!";
    console.log(
      `${r.id.padEnd(6)} ${r.kind.padEnd(10)} r@1 ${r.recall1.toFixed(2)} r@k ${r.recall5.toFixed(2)} rr ${r.rr.toFixed(2)} kw ${r.keywordHit.toFixed(2)} lead ${r.leadKeywordHit.toFixed(2)} w ${String(r.words).padStart(3)} ${flag}`,
    );
  }
  console.log();
}

function printTable(sets: SetReport[]): void {
  const width = 12;
  const header = ["set".padEnd(34), ...COLUMNS.map(([label]) => label.padStart(width))].join("");
  console.log(header);
  const row = (label: string, figures: Figures) =>
    console.log([label.padEnd(34), ...COLUMNS.map(([, key]) => String(figures[key]).padStart(width))].join(""));
  for (const { file, report } of sets) {
    row(path.basename(file), report);
    row("  baseline", report.baseline);
  }
  if (sets.length > 1) {
    row("slechtste over de sets", worstOver(sets.map((s) => figuresOf(s.report))));
    row("  baseline", worstOver(sets.map((s) => s.report.baseline)));
    const gains = sets.map((s) => s.report["recall@5"] - s.report.baseline["recall@5"]);
    console.log(`recall@k min. winst op baseline: ${Math.min(...gains).toFixed(3)}`);
  }
  console.log();
}

export type { EvaluationReport };

main().catch((error: unknown) => {
  console.error(`Evaluatie mislukt: ${(error as Error).message}`);
  process.exit(1);
});
