/**
 * Diagnosis for answer quality (issue 11): per answerable question, where each answer keyword
 * is found — in the answer's lead, the answer, the top passage, the top 5 — to see whether a
 * miss is a retrieval, passage-choice or sentence-choice loss. Prints counts per set.
 *
 *   npx tsx bench/tools/keywordLoss.ts <questions.jsonl> [...] [--list]
 */
import path from "node:path";
import { loadConfig } from "../../src/config.js";
import { AskService, DEFAULT_ASK_OPTIONS } from "../../src/handlers/ask/askService.js";
import { KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";
import { createLogger } from "../../src/logger.js";
import { answerText, leadText } from "../../src/evaluation/metrics.js";
import { readQuestions } from "../../src/evaluation/questions.js";

const flat = (s: string) => s.toLowerCase().replace(/\s+/g, " ");

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const list = args.includes("--list");
  const files = args.filter((a) => !a.startsWith("--"));
  const knowledge = new KnowledgeBase({ contentDir: path.resolve("content"), warn: () => {} });
  await knowledge.ingest(loadConfig().corpusDir);
  const ask = new AskService(knowledge, createLogger("silent"), undefined, { ...DEFAULT_ASK_OPTIONS, topK: 5 });
  for (const file of files) {
    const counts = { keywords: 0, lead: 0, answer: 0, top1: 0, top5: 0, nowhere: 0 };
    for (const q of await readQuestions(path.resolve(file))) {
      if (!q.doc) continue;
      const answer = await ask.answer(q.question);
      if (answer.status !== "answered") continue;
      const text = flat(answerText(answer.text));
      const lead = flat(leadText(answer.text));
      const passages = await knowledge.retrieve(q.question, 5);
      const p1 = flat(passages[0]?.chunk.text ?? "");
      const p5 = flat(passages.map((p) => p.chunk.text).join("\n"));
      for (const k of q.answer_keywords.map(flat)) {
        counts.keywords++;
        const where = lead.includes(k) ? "lead" : text.includes(k) ? "answer" : p1.includes(k) ? "top1" : p5.includes(k) ? "top5" : "nowhere";
        counts[where]++;
        if (list && where !== "lead") console.log(`${q.id} ${where.padEnd(7)} ${k} | ${q.question}`);
      }
    }
    console.log(path.basename(file), JSON.stringify(counts));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
