import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultContentDir as contentDir } from "../../src/config.js";
import { createOpenAIEmbedder } from "../../src/integrations/openai/embedder.js";
import { KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fakeOpenAI.js";

const shared = path.resolve("../shared/corpus");
const groningen = "nieuwe-werkwijze-plaatsing-jeugdzorgplus-groningen-drenthe.md";
let fake: FakeOpenAI;
let corpus: string;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  corpus = await mkdtemp(path.join(os.tmpdir(), "wegwijs-hybrid-corpus-"));
  dataDir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-hybrid-data-"));
  for (const file of [groningen, "betere-jeugdzorg-organiseer-je-van-onderop.md", "corpus.json"]) {
    await cp(path.join(shared, file), path.join(corpus, file));
  }
});

afterAll(async () => {
  await fake.close();
  await rm(corpus, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

const embeddingRequests = () => fake.requests.filter((r) => r.path === "/v1/embeddings");
const embedder = () => createOpenAIEmbedder({ apiKey: "test", baseURL: fake.baseURL, model: "fake-embed", timeoutMs: 2000 });

describe("hybrid retrieval with an OpenAI-compatible embeddings endpoint", () => {
  it("embeds every chunk once at ingest and the question at query time", async () => {
    fake.reset();
    const knowledge = new KnowledgeBase({ contentDir, dataDir, embedder: embedder() });
    await knowledge.ingest(corpus);
    const embedded = embeddingRequests().flatMap((r) => r.body.input as string[]);
    expect(embedded).toHaveLength(knowledge.chunkCount);

    fake.reset();
    const passages = await knowledge.retrieve("hoeveel procent komt met een spoedmachtiging binnen?", 3);
    expect(embeddingRequests()).toHaveLength(1);
    expect(passages.map((p) => p.chunk.documentId)).toContain(groningen);
  });

  it("reuses cached vectors after a restart: nothing is embedded again", async () => {
    fake.reset();
    const restarted = new KnowledgeBase({ contentDir, dataDir, embedder: embedder() });
    const summary = await restarted.ingest(corpus);
    expect(summary.fromSnapshot).toBe(true);
    expect(embeddingRequests()).toHaveLength(0);
  });

  it("falls back to word search when the embeddings endpoint is down", async () => {
    const warnings: string[] = [];
    const down = createOpenAIEmbedder({ apiKey: "test", baseURL: "http://127.0.0.1:1/v1", model: "fake-embed", timeoutMs: 500 });
    const knowledge = new KnowledgeBase({ contentDir, embedder: down, warn: (m) => warnings.push(m) });
    await knowledge.ingest(corpus);
    const passages = await knowledge.retrieve("hoeveel procent komt met een spoedmachtiging binnen?", 3);
    expect(passages[0]?.chunk.documentId).toBe(groningen);
    expect(warnings.some((w) => w.includes("Embeddings"))).toBe(true);
  });
});
