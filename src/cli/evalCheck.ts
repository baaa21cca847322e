import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../config.js";
import { evaluateSets, figuresOf } from "../evaluation/evaluateSets.js";
import { expectedFileSchema, GATED, regressions } from "../evaluation/qualityGate.js";
import { parseArgs } from "./args.js";

/**
 * Quality gate: scores every question set named in eval/expected.json and fails when any
 * figure is more than the tolerance worse than recorded there. Raise the file on purpose,
 * in a commit of its own, when a change makes things better.
 */
async function main(): Promise<number> {
  const { flags } = parseArgs(process.argv.slice(2));
  const expectedPath = path.resolve(typeof flags.get("expected") === "string" ? (flags.get("expected") as string) : "eval/expected.json");
  let expected;
  try {
    expected = expectedFileSchema.parse(JSON.parse(await readFile(expectedPath, "utf8")));
  } catch (error) {
    console.error(`${expectedPath} is niet te lezen: ${(error as Error).message.split("\n")[0]}`);
    return 2;
  }
  const corpusFlag = flags.get("corpus");
  const corpus = typeof corpusFlag === "string" ? path.resolve(corpusFlag) : loadConfig().corpusDir;
  const files = Object.keys(expected.sets);
  const result = await evaluateSets(files, corpus, expected.k);

  const found = result.sets.flatMap(({ file, report }) => regressions(file, expected.sets[file]!, figuresOf(report), expected.tolerance));
  for (const { file, report } of result.sets) {
    console.log(`${path.basename(file).padEnd(30)} ${GATED.map((g) => `${g} ${report[g]}`).join("  ")}`);
  }
  if (found.length === 0) {
    console.log(`\neval:check ok: ${files.length} sets, geen cijfer meer dan ${expected.tolerance} slechter dan ${path.relative(process.cwd(), expectedPath)}`);
    return 0;
  }
  console.error("\neval:check MISLUKT:");
  for (const r of found) console.error(`  ${r.file}: ${r.figure} ${r.actual} (verwacht ${r.expected})`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`eval:check mislukt: ${(error as Error).message}`);
    process.exit(1);
  },
);
