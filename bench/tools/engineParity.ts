/**
 * Checks that candidate engines return the same BM25 top k as MiniSearch with expansion
 * (the reference) for every question of the given sets, on a corpus folder.
 *   npx tsx bench/tools/engineParity.ts <corpus> <k> <questions.jsonl>...
 */
import { contentDir } from "../../src/app.js";
import { readQuestions } from "../../src/evaluation/questions.js";
import { KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";
import { LexicalIndex } from "../../src/knowledge/lexicalIndex.js";
import { DEFAULT_LEXICAL_OPTIONS } from "../../src/knowledge/lexicalIndex.js";

const [corpus, kRaw, ...files] = process.argv.slice(2);
const k = Number(kRaw);
const kb = new KnowledgeBase({ contentDir });
await kb.ingest(corpus!);
const chunks = kb.allChunks();
const retriever = (kb as unknown as { retriever: { queryGroups(q: string): never } }).retriever;
const reference = new LexicalIndex(kb.analyser, DEFAULT_LEXICAL_OPTIONS, "minisearch");
reference.build(chunks);
const postings = new LexicalIndex(kb.analyser, DEFAULT_LEXICAL_OPTIONS, "postings");
postings.build(chunks);
let same = 0;
let sameIds = 0;
let total = 0;
let maxRel = 0;
for (const file of files) {
  for (const { question } of await readQuestions(file)) {
    const groups = retriever.queryGroups(question);
    const a = reference.search(groups, k);
    const b = postings.search(groups, k);
    total++;
    const ids = a.length === b.length && a.every((h, i) => h.chunkId === b[i]!.chunkId);
    if (ids) sameIds++;
    if (ids && a.every((h, i) => h.score === b[i]!.score)) same++;
    a.forEach((h, i) => b[i] && h.chunkId === b[i]!.chunkId && (maxRel = Math.max(maxRel, Math.abs(h.score - b[i]!.score) / h.score)));
    if (!ids) console.log("DIFF", question.slice(0, 40), a.slice(0, 8).map((h) => h.chunkId.slice(-12) + ":" + h.score.toFixed(6)), b.slice(0, 8).map((h) => h.chunkId.slice(-12) + ":" + h.score.toFixed(6)));
  }
}
console.log(JSON.stringify({ questions: total, sameIdsAndOrder: sameIds, bitIdenticalScores: same, maxRelativeScoreDifference: maxRel, k }));
