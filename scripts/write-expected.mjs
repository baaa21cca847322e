// Writes eval/expected.json from the last line of `npm run eval` (read on stdin):
//   npm run -s eval -- --questions <files...> | node scripts/write-expected.mjs
// Use it on purpose, in a commit of its own, when the figures got better.
import { readFileSync, writeFileSync } from "node:fs";
const GATED = ["recall@1", "recall@5", "mrr", "keywordHit", "leadKeywordHit", "answerWords", "abstainRecall", "falseAbstain"];
const last = readFileSync(0, "utf8").trim().split("\n").at(-1);
const { sets } = JSON.parse(last);
const out = { tolerance: 0.02, k: 5, sets: {} };
for (const set of sets) out.sets[set.file] = Object.fromEntries(GATED.map((g) => [g, set[g]]));
writeFileSync("eval/expected.json", `${JSON.stringify(out, null, 2)}\n`);
console.log(`eval/expected.json: ${sets.length} sets`);
