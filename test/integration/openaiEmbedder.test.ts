import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMBEDDING_BATCH_SIZE, createOpenAIEmbedder } from "../../src/integrations/openai/embedder.js";
import { FAKE_EMBEDDING_DIM, startFakeOpenAI, type FakeOpenAI } from "../support/fakeOpenAI.js";

const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    dot += x * b[i]!;
    na += x * x;
    nb += b[i]! * b[i]!;
  });
  return dot / Math.sqrt(na * nb);
};

describe("OpenAI embedder (fake OpenAI server, real client)", () => {
  let fake: FakeOpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  const embedder = () => createOpenAIEmbedder({ apiKey: "k", baseURL: fake.baseURL, model: "test-embed", timeoutMs: 5_000 });

  it("identifies model and endpoint", () => {
    expect(embedder().id).toBe(`openai:${fake.baseURL}:test-embed`);
    expect(createOpenAIEmbedder({ apiKey: "k", model: "m", timeoutMs: 1 }).id).toBe("openai:default:m");
  });

  it("returns one vector per text, of equal length, similar for similar texts", async () => {
    const vectors = await embedder().embed([
      "plaatsing in een gesloten jeugdzorgplus instelling",
      "plaatsing in een gesloten instelling voor jeugdzorgplus",
      "budget voor huisvesting van ouderen",
    ]);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) expect(v).toHaveLength(FAKE_EMBEDDING_DIM);
    expect(cosine(vectors[0]!, vectors[1]!)).toBeGreaterThan(cosine(vectors[0]!, vectors[2]!));
    expect(fake.requests[0]!.body).toMatchObject({ model: "test-embed", encoding_format: "float" });
  });

  it(`splits more than ${EMBEDDING_BATCH_SIZE} texts into batches and keeps the order`, async () => {
    const texts = Array.from({ length: 130 }, (_, i) => `tekst nummer ${i} over onderwerp ${i % 7}`);
    const vectors = await embedder().embed(texts);
    expect(fake.requests.map((r) => r.path)).toEqual(["/v1/embeddings", "/v1/embeddings", "/v1/embeddings"]);
    expect(fake.requests.map((r) => r.body.input.length)).toEqual([64, 64, 2]);
    expect(fake.requests.flatMap((r) => r.body.input)).toEqual(texts);
    expect(vectors).toHaveLength(130);
    // Vector 100 belongs to text 100: embedding it alone gives the same vector.
    const [single] = await embedder().embed([texts[100]!]);
    expect(vectors[100]).toEqual(single);
  });

  it("sends nothing for an empty list", async () => {
    await expect(embedder().embed([])).resolves.toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });
});
