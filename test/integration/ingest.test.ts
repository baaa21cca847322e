import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultContentDir as contentDir } from "../../src/config.js";
import { defaultCorpusDir } from "../../src/config.js";
import { AskService } from "../../src/handlers/ask/askService.js";
import { SNAPSHOT_VERSION, snapshotFile } from "../../src/knowledge/indexSnapshot.js";
import { type IngestSummary, KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";
import { createLogger } from "../../src/logger.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sharedCorpus = defaultCorpusDir(repoRoot);

const GRONINGEN = "nieuwe-werkwijze-plaatsing-jeugdzorgplus-groningen-drenthe.md";
const RIJNMOND = "regiovisie-jeugdhulp-rijnmond-2020.md";
const SMALL_DOC = "betere-jeugdzorg-organiseer-je-van-onderop.md";
const SPOED_QUESTION = "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?";

const temps: string[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `wegwijs-ingest-${prefix}-`));
  temps.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The shared corpus (5 .md files + corpus.json) as writable copies: the originals are read-only. */
async function copyCorpus(target: string): Promise<string[]> {
  const names = (await readdir(sharedCorpus)).filter((n) => n.endsWith(".md") || n === "corpus.json");
  for (const name of names) await writeFile(path.join(target, name), await readFile(path.join(sharedCorpus, name)));
  return names.filter((n) => n.endsWith(".md"));
}

/** ~`bytes` of varied Dutch-looking prose with a counter in every sentence; returns the last counter. */
async function writeLargeText(file: string, bytes: number): Promise<number> {
  const sentences = [
    "De gemeente Zwolle organiseert wekelijks een overleg over jeugdhulp in de wijk.",
    "Ouders en jongeren worden betrokken bij het opstellen van het gezinsplan.",
    "Het wijkteam bespreekt de voortgang met de school en de huisarts.",
    "Bij zorgen over de veiligheid wordt contact opgenomen met Veilig Thuis.",
    "De regio evalueert ieder half jaar de afspraken over wachttijden.",
    "Een vaste contactpersoon houdt het overzicht voor het hele gezin.",
  ];
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const heading = i % 400 === 0 ? `## Verslag ${i / 400 + 1}\n\n` : "";
    const line = `${heading}${sentences[i % sentences.length]} Regel ${i}.${i % 7 === 6 ? "\n\n" : " "}`;
    parts.push(line);
    size += Buffer.byteLength(line);
    i++;
  }
  await writeFile(file, parts.join(""));
  return i - 1;
}

function sortedSkipped(summary: IngestSummary) {
  return [...summary.skipped].sort((a, b) => a.file.localeCompare(b.file));
}

async function retrievalOf(kb: KnowledgeBase, question: string) {
  return (await kb.retrieve(question)).map((p) => ({ id: p.chunk.id, score: p.score, coverage: p.coverage }));
}

/** Same passages in the same order; scores may differ in the last bits (float sums in another order). */
function expectSameRetrieval(actual: Awaited<ReturnType<typeof retrievalOf>>, expected: Awaited<ReturnType<typeof retrievalOf>>) {
  expect(actual.map(({ id, coverage }) => ({ id, coverage }))).toEqual(expected.map(({ id, coverage }) => ({ id, coverage })));
  actual.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 9));
}

describe("ingest of a corpus with bad and very large files", () => {
  let corpus: string;
  let dataDir: string;
  let lastCounter: number;
  let first: KnowledgeBase;
  let firstSummary: IngestSummary;
  const warnings: string[] = [];

  beforeAll(async () => {
    corpus = await tempDir("mixed");
    dataDir = await tempDir("mixed-data");
    await copyCorpus(corpus);
    await writeFile(path.join(corpus, "leeg.md"), "");
    await writeFile(path.join(corpus, "kapot.pdf"), "%PDF-1.4\n garbage");
    const binary = randomBytes(8192);
    binary[0] = 0x89; // a PNG-like start, and NULs so no text decoder could accept it
    binary[100] = 0;
    binary[2000] = 0;
    await writeFile(path.join(corpus, "plaatje.txt"), binary);
    lastCounter = await writeLargeText(path.join(corpus, "groot.txt"), 20 * 1024 * 1024);
    expect((await stat(path.join(corpus, "groot.txt"))).size).toBeGreaterThanOrEqual(20 * 1024 * 1024);

    first = new KnowledgeBase({ contentDir, dataDir, warn: (m) => warnings.push(m) });
    firstSummary = await first.ingest(corpus);
    console.info(`20 MB-corpus: eerste ingest ${firstSummary.seconds.toFixed(1)} s, ${firstSummary.chunks} passages`);
  }, 300_000);

  it("skips exactly the three bad files with their reasons and still answers", async () => {
    expect(sortedSkipped(firstSummary)).toEqual([
      { file: "kapot.pdf", reason: expect.stringMatching(/^PDF kan niet gelezen worden/) },
      { file: "leeg.md", reason: "leeg bestand" },
      { file: "plaatje.txt", reason: "binair bestand, geen tekst" },
    ]);
    expect(warnings.filter((w) => w.startsWith("Overgeslagen:"))).toHaveLength(3);
    expect(firstSummary).toMatchObject({ documents: 6, processed: 6, reused: 0, fromSnapshot: false });
    expect(first.chunkCount).toBe(firstSummary.chunks);

    // The 20 MB file is indexed to its very end, not truncated.
    const large = first.chunksOf("groot.txt");
    expect(large.length).toBeGreaterThan(1000);
    expect(large.at(-1)!.text).toContain(`Regel ${lastCounter}.`);

    const answer = await new AskService(first, createLogger("silent")).answer(SPOED_QUESTION);
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("70%");
    expect(answer.sources.map((s) => s.documentId)).toContain(GRONINGEN);
  });

  it("loads the stored index as is when nothing changed, bad files included", async () => {
    const second = new KnowledgeBase({ contentDir, dataDir });
    const summary = await second.ingest(corpus);
    console.info(`20 MB-corpus: tweede ingest (uit snapshot) ${summary.seconds.toFixed(1)} s`);

    expect(summary).toMatchObject({ documents: 6, reused: 6, processed: 0, fromSnapshot: true, chunks: firstSummary.chunks });
    // Unchanged bad files are remembered and still reported.
    expect(sortedSkipped(summary)).toEqual(sortedSkipped(firstSummary));
    for (const question of [SPOED_QUESTION, "Wie bespreekt de voortgang met de school?"]) {
      const expected = await retrievalOf(first, question);
      expect(expected.length).toBeGreaterThan(0);
      expectSameRetrieval(await retrievalOf(second, question), expected);
    }
  }, 300_000);
});

describe("re-ingest after changes", () => {
  it("re-processes only the changed file and drops a deleted file's chunks", async () => {
    const corpus = await tempDir("changes");
    const dataDir = await tempDir("changes-data");
    expect(await copyCorpus(corpus)).toHaveLength(5);
    const initial = await new KnowledgeBase({ contentDir, dataDir }).ingest(corpus);
    expect(initial).toMatchObject({ documents: 5, processed: 5, reused: 0 });

    const question = "Wat is het Prutselgraafoverleg?";
    await appendFile(
      path.join(corpus, SMALL_DOC),
      "\n\n## Nieuw in de regio\n\nHet Prutselgraafoverleg is een maandelijks gesprek tussen wijkteams en jeugdzorgaanbieders over wachtlijsten.\n",
    );
    const changed = new KnowledgeBase({ contentDir, dataDir });
    const afterChange = await changed.ingest(corpus);
    expect(afterChange).toMatchObject({ documents: 5, processed: 1, reused: 4, fromSnapshot: false });
    const hits = await changed.retrieve(question);
    expect(hits[0]?.chunk.documentId).toBe(SMALL_DOC);
    expect(hits[0]?.chunk.text).toContain("Prutselgraafoverleg");

    const rijnmondQuestion = "Wat is de regiovisie jeugdhulp van Rijnmond?";
    expect((await changed.retrieve(rijnmondQuestion)).map((p) => p.chunk.documentId)).toContain(RIJNMOND);
    await unlink(path.join(corpus, RIJNMOND));
    const deleted = new KnowledgeBase({ contentDir, dataDir });
    const afterDelete = await deleted.ingest(corpus);
    expect(afterDelete).toMatchObject({ documents: 4, processed: 0, reused: 4, fromSnapshot: false });
    expect(afterDelete.chunks).toBeLessThan(afterChange.chunks);
    expect(deleted.chunksOf(RIJNMOND)).toEqual([]);
    expect(deleted.allChunks().filter((c) => c.documentId === RIJNMOND)).toEqual([]);
    expect((await deleted.retrieve(rijnmondQuestion)).map((p) => p.chunk.documentId)).not.toContain(RIJNMOND);

    // The snapshot written after the deletion no longer holds the document either.
    const reloaded = new KnowledgeBase({ contentDir, dataDir });
    const again = await reloaded.ingest(corpus);
    expect(again).toMatchObject({ documents: 4, reused: 4, fromSnapshot: true, chunks: afterDelete.chunks });
    expect(reloaded.allChunks().some((c) => c.documentId === RIJNMOND)).toBe(false);
  }, 120_000);
});

describe("a changed corpus.json", () => {
  it("re-processes only the document whose entry changed, and its sources show the configured short title", async () => {
    const corpus = await tempDir("metadata");
    const dataDir = await tempDir("metadata-data");
    await copyCorpus(corpus);
    expect(await new KnowledgeBase({ contentDir, dataDir }).ingest(corpus)).toMatchObject({ documents: 5, processed: 5 });

    const file = path.join(corpus, "corpus.json");
    const config = JSON.parse(await readFile(file, "utf8")) as { documents: Array<Record<string, unknown>> };
    const entry = config.documents.find((d) => d.file === GRONINGEN)!;
    entry.shortTitle = "Werkwijze JZ+ Noord";
    entry.title = "Nieuwe werkwijze plaatsing";
    await writeFile(file, JSON.stringify(config));

    const knowledge = new KnowledgeBase({ contentDir, dataDir });
    expect(await knowledge.ingest(corpus)).toMatchObject({ documents: 5, processed: 1, reused: 4, fromSnapshot: false });
    expect(knowledge.chunksOf(GRONINGEN).every((c) => c.documentTitle === "Nieuwe werkwijze plaatsing")).toBe(true);
    const answer = await new AskService(knowledge, createLogger("silent")).answer("hoe leren verwijzers een verklarende analyse opstellen?");
    const source = [...answer.sources, ...answer.moreSources].find((c) => c.documentId === GRONINGEN);
    expect(source?.shortTitle).toBe("Werkwijze JZ+ Noord");

    // Unchanged again: everything comes from the snapshot.
    expect(await new KnowledgeBase({ contentDir, dataDir }).ingest(corpus)).toMatchObject({ reused: 5, fromSnapshot: true });
  }, 120_000);
});

describe("changed analysis settings", () => {
  it("rebuilds the stored index when the synonyms or stop words change, so the documents' side uses them too", async () => {
    const corpus = await tempDir("analysis");
    const dataDir = await tempDir("analysis-data");
    const content = await tempDir("analysis-content");
    await writeFile(path.join(corpus, SMALL_DOC), await readFile(path.join(sharedCorpus, SMALL_DOC)));
    for (const name of ["synonyms.yaml", "dutch-analysis.yaml"]) await writeFile(path.join(content, name), await readFile(path.join(contentDir, name)));

    expect(await new KnowledgeBase({ contentDir: content, dataDir }).ingest(corpus)).toMatchObject({ processed: 1, fromSnapshot: false });
    expect(await new KnowledgeBase({ contentDir: content, dataDir }).ingest(corpus)).toMatchObject({ reused: 1, fromSnapshot: true });

    const synonyms = path.join(content, "synonyms.yaml");
    await writeFile(synonyms, (await readFile(synonyms, "utf8")).replace("abbreviations:\n", "abbreviations:\n  dvl: [draagvlak]\n"));
    const edited = new KnowledgeBase({ contentDir: content, dataDir });
    expect(await edited.ingest(corpus)).toMatchObject({ reused: 1, fromSnapshot: false });
    const found = await edited.retrieve("dvl", 3);
    expect(found.some((p) => p.chunk.text.includes("draagvlak"))).toBe(true);
    // The rebuilt index is stored with the new settings.
    expect(await new KnowledgeBase({ contentDir: content, dataDir }).ingest(corpus)).toMatchObject({ fromSnapshot: true });
  }, 120_000);
});

describe("nothing to index", () => {
  it.each([
    ["a missing folder", async () => path.join(await tempDir("missing"), "bestaat-niet")],
    ["an empty folder", async () => tempDir("empty")],
  ])("%s: ingest does not throw and questions get a Dutch 'no documents' reply", async (_name, folder) => {
    const warnings: string[] = [];
    const kb = new KnowledgeBase({ contentDir, dataDir: await tempDir("nothing-data"), warn: (m) => warnings.push(m) });
    const summary = await kb.ingest(await folder());
    expect(summary).toMatchObject({ documents: 0, chunks: 0, processed: 0, reused: 0, skipped: [] });

    const answer = await new AskService(kb, createLogger("silent")).answer(SPOED_QUESTION);
    expect(answer.status).toBe("no_documents");
    expect(answer.text).toMatch(/nog geen plandocumenten geïndexeerd/);
    expect(answer.sources).toEqual([]);
  });

  it("warns in Dutch that a missing folder does not exist", async () => {
    const warnings: string[] = [];
    const kb = new KnowledgeBase({ contentDir, warn: (m) => warnings.push(m) });
    await kb.ingest(path.join(await tempDir("missing2"), "weg"));
    expect(warnings.join("\n")).toMatch(/bestaat niet/);
  });
});

describe("a damaged snapshot", () => {
  it.each([
    ["garbage bytes", () => "dit is geen JSON {{{"],
    ["half a snapshot", (valid: string) => valid.slice(0, Math.floor(valid.length / 2))],
    // Valid JSON with the right header: must not be mistaken for a usable index.
    ["a right header with a broken body", (_valid: string, corpus: string) =>
      JSON.stringify({ version: SNAPSHOT_VERSION, corpusDir: path.resolve(corpus), documents: 42 })],
  ])("is ignored and rebuilt when it holds %s", async (_name, damage) => {
    const corpus = await tempDir("damaged");
    const dataDir = await tempDir("damaged-data");
    await writeFile(path.join(corpus, GRONINGEN), await readFile(path.join(sharedCorpus, GRONINGEN)));
    await writeFile(path.join(corpus, SMALL_DOC), await readFile(path.join(sharedCorpus, SMALL_DOC)));
    const healthy = new KnowledgeBase({ contentDir, dataDir });
    const original = await healthy.ingest(corpus);
    const file = snapshotFile(dataDir, corpus);
    const valid = await readFile(file, "utf8");

    await writeFile(file, damage(valid, corpus));
    const rebuilt = new KnowledgeBase({ contentDir, dataDir });
    const summary = await rebuilt.ingest(corpus);
    expect(summary).toMatchObject({ documents: 2, processed: 2, reused: 0, fromSnapshot: false, chunks: original.chunks });
    expectSameRetrieval(await retrievalOf(rebuilt, SPOED_QUESTION), await retrievalOf(healthy, SPOED_QUESTION));

    // The rewritten snapshot is whole again and used as is next time.
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ version: SNAPSHOT_VERSION });
    const next = await new KnowledgeBase({ contentDir, dataDir }).ingest(corpus);
    expect(next).toMatchObject({ fromSnapshot: true, reused: 2, processed: 0 });
  });
});

describe("the ingest CLI", () => {
  interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
  }

  function runCli(args: string[], dataDir: string): Promise<Run> {
    const env: NodeJS.ProcessEnv = { ...process.env, WEGWIJS_DATA_DIR: dataDir };
    // No real embeddings endpoint or other corpus from the developer's shell.
    for (const key of Object.keys(env)) if (key.startsWith("OPENAI_") || key === "WEGWIJS_CORPUS_DIR") delete env[key];
    return new Promise((resolve, reject) => {
      const child = spawn("npx", ["tsx", "src/cli/ingest.ts", ...args], { cwd: repoRoot, env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  it("indexes a folder, reports skipped files and exits 0; --json gives one JSON line", async () => {
    const corpus = await tempDir("cli");
    const dataDir = await tempDir("cli-data");
    await writeFile(path.join(corpus, GRONINGEN), await readFile(path.join(sharedCorpus, GRONINGEN)));
    await writeFile(path.join(corpus, "leeg.md"), "");

    // Flag first: "--json" is a switch, not the folder's name.
    const json = await runCli(["--json", corpus], dataDir);
    expect(json.code, json.stderr).toBe(0);
    const lines = json.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      corpusDir: corpus,
      documents: 1,
      processed: 1,
      reused: 0,
      fromSnapshot: false,
      skipped: [{ file: "leeg.md", reason: "leeg bestand" }],
    });
    expect(JSON.parse(lines[0]!).chunks).toBeGreaterThan(0);
    // The snapshot went to the configured data dir.
    expect((await stat(snapshotFile(dataDir, corpus))).size).toBeGreaterThan(0);

    const human = await runCli([corpus], dataDir);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain("Geïndexeerd: 1 document,");
    expect(human.stdout).toContain("Ongewijzigd hergebruikt: 1 bestand; opnieuw verwerkt: 0 bestanden.");
    expect(human.stdout).toContain("Opgeslagen index zonder wijziging gebruikt: ja.");
    expect(human.stdout).toContain("  - leeg.md: leeg bestand");
    // stderr is a pipe here: plain progress lines, no redrawn bar.
    expect(human.stderr).toMatch(/^lezen: 0\/2 leeg\.md$/m);
    expect(human.stderr).not.toContain("\u001b[");
  }, 60_000);

  it("exits 1 with a Dutch message for a missing folder or when nothing could be indexed", async () => {
    const dataDir = await tempDir("cli-fail-data");
    const missing = path.join(await tempDir("cli-missing"), "bestaat-niet");
    const run = await runCli([missing, "--json"], dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`De map ${missing} bestaat niet`);
    expect(run.stdout).toBe("");

    const onlyBad = await tempDir("cli-bad");
    await mkdir(path.join(onlyBad, "sub"));
    await writeFile(path.join(onlyBad, "sub", "leeg.md"), "   \n");
    const nothing = await runCli([onlyBad, "--json"], dataDir);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/Er kon niets geïndexeerd worden/);
    expect(JSON.parse(nothing.stdout.trim())).toMatchObject({ documents: 0, skipped: [{ file: "sub/leeg.md", reason: "leeg bestand" }] });
  }, 60_000);
});

describe("ingest with worker threads", () => {
  it("builds the same index as an ingest without workers, with the texts spread over many batches", async () => {
    const { writeSyntheticCorpus } = await import("../../bench/syntheticCorpus.js");
    const corpus = await tempDir("pooled-corpus");
    await writeSyntheticCorpus(sharedCorpus, corpus, 3);
    const sequential = new KnowledgeBase({ contentDir, ingestWorkers: 1 });
    const pooled = new KnowledgeBase({ contentDir, ingestWorkers: 2, parallelMinFiles: 1, ingestBatchSize: 100 });
    const [a, b] = [await sequential.ingest(corpus), await pooled.ingest(corpus)];
    expect(b.chunks).toBe(a.chunks);
    expect(a.chunks).toBeGreaterThan(500); // several batches of 100 per worker
    const questions = (await readFile(path.join(repoRoot, "../shared/eval/questions.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { question: string }).question);
    for (const question of questions) {
      const ranked = async (kb: KnowledgeBase) => (await kb.retrieve(question, 10)).map((p) => `${p.chunk.id}:${p.score}`);
      expect(await ranked(pooled)).toEqual(await ranked(sequential));
    }
  }, 120_000);
});
