/**
 * Recall at scale (issue 13): recall@k and MRR of every question set on the 5-document corpus and
 * on a synthetic corpus of FACTOR perturbed copies of it, scored per copy.
 *
 *   npx tsx bench/tools/recallAtScale.ts --questions <questions.jsonl>... [--factor 100] [--k 5]
 *
 * How the copies are scored: a synthetic document "<name>--v007.md" is a perturbed copy of
 * "<name>.md" (bench/syntheticCorpus.ts: per sentence maybe two adjacent words swapped, one word
 * dropped, digits changed). A retrieved passage of copy v007 covers an evidence string only where
 * that evidence lies in copy v007 itself, with the eval's rule (same document, overlapping at
 * least half of it). Where the perturbation changed the string, its place in the copy is the run
 * of as many words that shares the most words with it (at least all but one in five, and at
 * least all but one). So any copy of the right document may answer, each only for its own text;
 * evidence that a copy lost entirely counts as not covered by that copy.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { contentDir } from "../../src/app.js";
import { defaultCorpusDir } from "../../src/config.js";
import { covers, evidenceSpans, recallAtK, reciprocalRank } from "../../src/evaluation/metrics.js";
import { readQuestions } from "../../src/evaluation/questions.js";
import { KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";
import { loadDocumentFile } from "../../src/knowledge/loaders/loadFile.js";
import { parseArgs } from "../../src/cli/args.js";
import { writeSyntheticCorpus } from "../syntheticCorpus.js";
import { formatTable, progress, round } from "../timing.js";

const { flags, lists } = parseArgs(process.argv.slice(2));
const positional = lists.get("questions") ?? [];
const FACTOR = Number(flags.get("factor") ?? 100);
const K = Number(flags.get("k") ?? 5);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = defaultCorpusDir(repoRoot);

interface SetFigures {
  set: string;
  answerable: number;
  recall: number;
  mrr: number;
}

async function main(): Promise<void> {
  if (positional.length === 0) throw new Error("geef een of meer vragenbestanden");
  const small = new KnowledgeBase({ contentDir });
  await small.ingest(CORPUS);
  const dir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-recall-scale-"));
  try {
    progress(`synthetisch corpus ${FACTOR}× maken...`);
    await writeSyntheticCorpus(CORPUS, dir, FACTOR);
    const large = new KnowledgeBase({ contentDir });
    progress("indexeren...");
    const summary = await large.ingest(dir);
    progress(`${summary.documents} documenten, ${summary.chunks} passages`);
    const copyFiles = (await readdir(dir)).filter((f) => f.includes("--v"));
    const texts = new Map<string, string>();
    const textOf = async (folder: string, file: string) => {
      const key = `${folder}/${file}`;
      if (!texts.has(key)) {
        const loaded = await loadDocumentFile(folder, file);
        texts.set(key, loaded.ok ? loaded.text : "");
      }
      return texts.get(key)!;
    };
    const rows: Array<[SetFigures, SetFigures]> = [];
    for (const file of positional) {
      const questions = (await readQuestions(path.resolve(file))).filter((q) => q.doc !== null);
      const one: SetFigures = { set: path.basename(file), answerable: questions.length, recall: 0, mrr: 0 };
      const many: SetFigures = { ...one };
      for (const q of questions) {
        const doc = q.doc!;
        const original = await textOf(CORPUS, doc);
        const evidence = q.evidence.map((e) => evidenceSpans(original, e));
        const ranked = (await small.retrieve(q.question, Math.max(10, K))).map((p) => p.chunk);
        one.recall += recallAtK(ranked, doc, evidence, K);
        one.mrr += reciprocalRank(ranked, doc, evidence);

        // Per copy: where each evidence string lies in each copy of the document.
        const base = doc.replace(/\.md$/, "");
        const copies = copyFiles.filter((f) => f.startsWith(`${base}--v`));
        const spansPerCopy = new Map<string, Array<Array<{ start: number; end: number }>>>();
        const top = (await large.retrieve(q.question, Math.max(10, K))).map((p) => p.chunk);
        // Only the copies that were retrieved need locating.
        for (const copy of new Set(top.map((c) => c.documentId).filter((d) => copies.includes(d)))) {
          const text = await textOf(dir, copy);
          spansPerCopy.set(copy, q.evidence.map((e) => locateEvidence(text, e)));
        }
        const coveredBy = (chunk: { documentId: string; start: number; end: number }, i: number) =>
          (spansPerCopy.get(chunk.documentId)?.[i] ?? []).some((span) => covers(chunk, chunk.documentId, span));
        const counted = q.evidence.map((_, i) => i);
        many.recall += counted.filter((i) => top.slice(0, K).some((c) => coveredBy(c, i))).length / counted.length;
        const firstHit = top.slice(0, 10).findIndex((c) => counted.some((i) => coveredBy(c, i)));
        many.mrr += firstHit < 0 ? 0 : 1 / (firstHit + 1);
      }
      for (const f of [one, many]) {
        f.recall = round(f.recall / f.answerable, 3);
        f.mrr = round(f.mrr / f.answerable, 3);
      }
      rows.push([one, many]);
    }
    console.log(`\nrecall@${K} en MRR: 5 documenten tegen ${FACTOR} kopieën per document (per kopie gescoord)`);
    console.log(
      formatTable(
        ["set", "vragen", `recall@${K} 1×`, `recall@${K} ${FACTOR}×`, "MRR 1×", `MRR ${FACTOR}×`],
        rows.map(([a, b]) => [a.set, a.answerable, a.recall, b.recall, a.mrr, b.mrr]),
      ),
    );
    console.log("Lager bij 100× doordat de top 5 bijna-dubbele kopieën van één passage bevat; de rangorde is die van de engine van vóór issue 13 (bench/tools/engineParity.ts).");
    console.log(JSON.stringify({ bench: "recallAtScale", factor: FACTOR, k: K, sets: rows.map(([a, b]) => ({ set: a.set, one: a, many: b })) }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Where an evidence string lies in a perturbed copy: exactly, or the best-matching run of words. */
function locateEvidence(text: string, evidence: string): Array<{ start: number; end: number }> {
  const exact = evidenceSpans(text, evidence);
  if (exact.length > 0) return exact;
  const wanted = evidence.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  const n = wanted.length;
  if (n === 0) return [];
  const tokens = [...text.matchAll(/[\p{L}\d]+/gu)].map((m) => ({ word: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length }));
  const need = new Map<string, number>();
  for (const w of wanted) need.set(w, (need.get(w) ?? 0) + 1);
  const have = new Map<string, number>();
  let shared = 0;
  const add = (w: string, d: number) => {
    const before = Math.min(have.get(w) ?? 0, need.get(w) ?? 0);
    have.set(w, (have.get(w) ?? 0) + d);
    shared += Math.min(have.get(w)!, need.get(w) ?? 0) - before;
  };
  let best = { shared: -1, at: 0 };
  for (let i = 0; i < tokens.length; i++) {
    add(tokens[i]!.word, 1);
    if (i >= n) add(tokens[i - n]!.word, -1);
    if (i >= n - 1 && shared > best.shared) best = { shared, at: i - n + 1 };
  }
  const allowedMissing = Math.max(1, Math.floor(n / 5));
  if (best.shared < n - allowedMissing || best.shared <= 0) return [];
  const last = tokens[Math.min(tokens.length - 1, best.at + n - 1)]!;
  return [{ start: tokens[best.at]!.start, end: last.end }];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
