import path from "node:path";
import type { AskService } from "../handlers/ask/askService.js";
import type { KnowledgeBase } from "../knowledge/knowledgeBase.js";
import { loadDocumentFile } from "../knowledge/loaders/loadFile.js";
import { BaselineIndex } from "./baselineIndex.js";
import {
  answerText,
  evidenceSpans,
  keywordShare,
  leadText,
  mean,
  percentile,
  recallAtK,
  reciprocalRank,
  wordCount,
} from "./metrics.js";
import type { EvalQuestion } from "./questions.js";

export interface QuestionResult {
  id: string;
  kind: string;
  difficulty?: string;
  answerable: boolean;
  abstained: boolean;
  recall1: number;
  recall5: number;
  rr: number;
  keywordHit: number;
  leadKeywordHit: number;
  words: number;
  ms: number;
  /** The answer text as scored (for --verbose). */
  text: string;
}

export interface Figures {
  questions: number;
  "recall@1": number;
  "recall@5": number;
  mrr: number;
  keywordHit: number;
  leadKeywordHit: number;
  /** Median words of the answer text, over answerable questions that were answered. */
  answerWords: number;
  abstainRecall: number;
  falseAbstain: number;
  p50Ms: number;
  p95Ms: number;
}

export interface EvaluationReport extends Figures {
  baseline: Figures;
  perQuestion: QuestionResult[];
}

type Evidence = Array<Array<{ start: number; end: number }>>;

/** Runs every question through the real answer pipeline and the baseline index. */
export async function runEvaluation(
  questions: EvalQuestion[],
  knowledge: KnowledgeBase,
  ask: AskService,
  corpusDir: string,
  k: number,
  baseline = new BaselineIndex(knowledge.allChunks()),
): Promise<EvaluationReport> {
  const documentText = new Map<string, string>();
  for (const doc of new Set(questions.flatMap((q) => (q.doc ? [q.doc] : [])))) {
    const loaded = await loadDocumentFile(corpusDir, doc);
    documentText.set(doc, loaded.ok ? loaded.text : "");
  }
  const evidenceOf = (q: EvalQuestion): Evidence =>
    q.doc ? q.evidence.map((e) => evidenceSpans(documentText.get(q.doc!) ?? "", e)) : [];

  const ours: QuestionResult[] = [];
  const theirs: QuestionResult[] = [];
  for (const q of questions) {
    const evidence = evidenceOf(q);
    const answerable = q.doc !== null;

    // Ranking is scored on the top 10 (for MRR); latency is the answer pipeline alone.
    const passages = await knowledge.retrieve(q.question, Math.max(10, k));
    const started = performance.now();
    const answer = await ask.answer(q.question);
    const ms = performance.now() - started;
    const ranked = passages.map((p) => p.chunk);
    ours.push(score(q, answerable, ranked, evidence, k, answer.status !== "answered", answer.text, ms));

    const baseStarted = performance.now();
    const baseRanked = baseline.search(q.question, Math.max(10, k));
    const baseMs = performance.now() - baseStarted;
    // A plain index never declines; its "answer" is the text of its best hit.
    theirs.push(score(q, answerable, baseRanked, evidence, k, baseRanked.length === 0, baseRanked[0]?.text ?? "", baseMs));
  }
  return { ...summarise(ours), baseline: summarise(theirs), perQuestion: ours };
}

function score(
  q: EvalQuestion,
  answerable: boolean,
  ranked: Array<{ documentId: string; start: number; end: number }>,
  evidence: Evidence,
  k: number,
  abstained: boolean,
  rawText: string,
  ms: number,
): QuestionResult {
  const doc = q.doc ?? "";
  const text = answerText(rawText);
  const answered = answerable && !abstained;
  return {
    id: q.id,
    kind: q.kind,
    difficulty: q.difficulty,
    answerable,
    abstained,
    recall1: answerable ? recallAtK(ranked, doc, evidence, 1) : 0,
    recall5: answerable ? recallAtK(ranked, doc, evidence, k) : 0,
    rr: answerable ? reciprocalRank(ranked, doc, evidence) : 0,
    keywordHit: answered ? keywordShare(text, q.answer_keywords) : 0,
    leadKeywordHit: answered ? keywordShare(leadText(text), q.answer_keywords) : 0,
    words: wordCount(text),
    ms,
    text,
  };
}

function summarise(results: QuestionResult[]): Figures {
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    questions: results.length,
    "recall@1": round(mean(answerable.map((r) => r.recall1))),
    "recall@5": round(mean(answerable.map((r) => r.recall5))),
    mrr: round(mean(answerable.map((r) => r.rr))),
    keywordHit: round(mean(answerable.map((r) => r.keywordHit))),
    leadKeywordHit: round(mean(answerable.map((r) => r.leadKeywordHit))),
    answerWords: percentile(answerable.filter((r) => !r.abstained).map((r) => r.words), 50),
    abstainRecall: round(unanswerable.length ? unanswerable.filter((r) => r.abstained).length / unanswerable.length : 0),
    falseAbstain: round(answerable.length ? answerable.filter((r) => r.abstained).length / answerable.length : 0),
    p50Ms: round(percentile(results.map((r) => r.ms), 50)),
    p95Ms: round(percentile(results.map((r) => r.ms), 95)),
  };
}

export function relativeTo(cwd: string, file: string): string {
  return path.relative(cwd, file) || file;
}
