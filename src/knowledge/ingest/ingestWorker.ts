/**
 * Piscina worker for ingest: reads and chunks documents, or analyses chunk texts, so a large
 * corpus uses every core. Pure functions of their input; no state survives between tasks
 * except the analyser, which is rebuilt when the vocabulary changes.
 */
import path from "node:path";
import { DutchAnalyser, loadStopwords } from "../analysis/dutchAnalyser.js";
import { SynonymTable } from "../analysis/synonymTable.js";
import { chunkDocument } from "../chunker.js";
import { documentMeta } from "../corpusMetadata.js";
import { loadDocumentFile } from "../loaders/loadFile.js";
import type { AnalyseTask, IngestTask, LoadTask, LoadTaskResult, SurfaceTask } from "./ingestTasks.js";

let analyser: { key: string; value: DutchAnalyser } | undefined;

async function load(task: LoadTask): Promise<LoadTaskResult> {
  const loaded = await loadDocumentFile(task.corpusDir, task.relative);
  if (!loaded.ok) return { ok: false, reason: loaded.reason };
  const meta = documentMeta(task.relative, loaded.text, new Map(task.metadata ? [[task.relative, task.metadata]] : []));
  return { ok: true, meta, contentHash: loaded.contentHash, chunks: chunkDocument(meta, loaded.text, task.chunking) };
}

function newAnalyser(contentDir: string): DutchAnalyser {
  const synonyms = SynonymTable.fromFile(path.join(contentDir, "synonyms.yaml"));
  return new DutchAnalyser(synonyms, loadStopwords(path.join(contentDir, "dutch-analysis.yaml")));
}

function surface(task: SurfaceTask): Array<[string, number]> {
  const counts = new Map<string, number>();
  const a = newAnalyser(task.contentDir);
  for (const text of task.texts) for (const word of a.surfaceWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts];
}

function analyse(task: AnalyseTask): string[][] {
  if (analyser?.key !== task.vocabularyKey) {
    const value = newAnalyser(task.contentDir);
    value.useVocabulary(new Map(task.vocabulary));
    analyser = { key: task.vocabularyKey, value };
  }
  const a = analyser.value;
  return task.texts.map((text) => a.indexTerms(text));
}

export default async function run(task: IngestTask): Promise<LoadTaskResult | string[][] | Array<[string, number]>> {
  if (task.kind === "load") return load(task);
  return task.kind === "surface" ? surface(task) : analyse(task);
}
