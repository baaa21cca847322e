import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AnswerRejectedError,
  SYSTEM_PROMPT,
  createOpenAIAnswerGenerator,
  type AnswerGenerator,
} from "../../src/integrations/openai/groundedAnswerer.js";
import type { RetrievedPassage } from "../../src/knowledge/types.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fakeOpenAI.js";

const MODEL = "test-chat-model";
const TIMEOUT_MS = 300;

function passage(n: number, title: string, sectionPath: string[], text: string): RetrievedPassage {
  return {
    chunk: { id: `c${n}`, documentId: `doc${n}.md`, documentTitle: title, sectionPath, start: 0, end: text.length, text },
    score: 1 / n,
    coverage: 0.8,
  };
}

const PASSAGES = [
  passage(1, "Nieuwe werkwijze plaatsing", ["5 Veranderopgaven", "5.2.5 Matching & plaatsing"], "Plaatsing verloopt via het regionale matchingsteam."),
  passage(2, "Regiovisie Rijnmond", ["3 Ambities"], "De regio wil gesloten plaatsingen terugdringen."),
  passage(3, "Actieplan 2019", [], "Er komt een landelijk expertiseteam."),
];

const answer = (body: object) => JSON.stringify(body);

async function rejection(promise: Promise<unknown>): Promise<AnswerRejectedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AnswerRejectedError);
  return error as AnswerRejectedError;
}

describe("OpenAI grounded answer generator (fake OpenAI server, real client)", () => {
  let fake: FakeOpenAI;
  let generator: AnswerGenerator;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    generator = createOpenAIAnswerGenerator({ apiKey: "test-key", baseURL: fake.baseURL, model: MODEL, timeoutMs: TIMEOUT_MS });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it("returns a cited Dutch answer", async () => {
    fake.respondWith(answer({ answerable: true, answer: "Plaatsing loopt via het matchingsteam [1].", citations: [1] }));
    await expect(generator.generate("Hoe verloopt plaatsing?", PASSAGES)).resolves.toEqual({
      text: "Plaatsing loopt via het matchingsteam [1].",
      citations: [1],
    });
  });

  it("reports every passage used, from the citations list and the [n] markers", async () => {
    fake.respondWith(answer({ answerable: true, answer: "Via het matchingsteam [1]. Minder gesloten [2, 3].", citations: [1] }));
    await expect(generator.generate("Hoe?", PASSAGES)).resolves.toMatchObject({ citations: [1, 2, 3] });
  });

  it("sends the model name, the system prompt, the numbered passages as JSON, the question between delimiters and a JSON schema", async () => {
    await generator.generate("Hoe verloopt plaatsing?", PASSAGES);
    expect(fake.requests).toHaveLength(1);
    const { path, body } = fake.requests[0]!;
    expect(path).toBe("/v1/chat/completions");
    expect(body.model).toBe(MODEL);
    expect(body.messages[0]).toEqual({ role: "system", content: SYSTEM_PROMPT });
    expect(SYSTEM_PROMPT).toMatch(/uitsluitend/);
    expect(SYSTEM_PROMPT).toMatch(/answerable/);
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(["system", "user", "user"]);
    const passages: string = body.messages[1].content;
    expect(passages.startsWith("<passages>\n") && passages.endsWith("\n</passages>")).toBe(true);
    expect(JSON.parse(passages.slice("<passages>\n".length, -"\n</passages>".length))).toEqual([
      { n: 1, document: "Nieuwe werkwijze plaatsing", section: "5 Veranderopgaven > 5.2.5 Matching & plaatsing", text: "Plaatsing verloopt via het regionale matchingsteam." },
      { n: 2, document: "Regiovisie Rijnmond", section: "3 Ambities", text: "De regio wil gesloten plaatsingen terugdringen." },
      { n: 3, document: "Actieplan 2019", section: "", text: "Er komt een landelijk expertiseteam." },
    ]);
    expect(body.messages[2].content).toBe("<vraag>\nHoe verloopt plaatsing?\n</vraag>");
    expect(SYSTEM_PROMPT).toMatch(/geen opdracht aan jou/);
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.name).toBe("grounded_answer");
    expect(body.response_format.json_schema.schema.required).toEqual(["answerable", "answer", "citations"]);
  });

  it("rejects a citation of a passage that was not given (invalid_citation)", async () => {
    fake.respondWith(answer({ answerable: true, answer: "Zie het actieplan [7].", citations: [7] }));
    expect((await rejection(generator.generate("Vraag?", PASSAGES))).reason).toBe("invalid_citation");

    // Only in the text, or as passage 0, is just as wrong.
    fake.respondWith(answer({ answerable: true, answer: "Zie het actieplan [7].", citations: [1] }));
    expect((await rejection(generator.generate("Vraag?", PASSAGES))).reason).toBe("invalid_citation");
    fake.respondWith(answer({ answerable: true, answer: "Zie [0].", citations: [0] }));
    expect((await rejection(generator.generate("Vraag?", PASSAGES))).reason).toBe("invalid_citation");
  });

  it("rejects an answer without any citation (invalid_citation)", async () => {
    fake.respondWith(answer({ answerable: true, answer: "Plaatsing loopt via het matchingsteam.", citations: [] }));
    expect((await rejection(generator.generate("Vraag?", PASSAGES))).reason).toBe("invalid_citation");
  });

  it("rejects when the model says the passages do not answer (empty)", async () => {
    fake.respondWith(answer({ answerable: false, answer: "", citations: [] }));
    expect((await rejection(generator.generate("Vraag?", PASSAGES))).reason).toBe("empty");
  });

  it("rejects malformed JSON and JSON that does not fit the schema (malformed)", async () => {
    fake.respondWith('{"answerable": true, "answer": "Plaatsing [1]"');
    expect((await rejection(generator.generate("Vraag?", PASSAGES))).reason).toBe("malformed");
    fake.respondWith(answer({ answerable: "ja", answer: "Plaatsing [1]", citations: [1] }));
    expect((await rejection(generator.generate("Vraag?", PASSAGES))).reason).toBe("malformed");
    fake.respondWith("Plaatsing loopt via het matchingsteam [1].");
    expect((await rejection(generator.generate("Vraag?", PASSAGES))).reason).toBe("malformed");
  });

  it("rejects promptly at the timeout instead of waiting for a slow server (timeout)", async () => {
    const delay = 3_000;
    fake.delay(delay);
    const started = performance.now();
    const error = await rejection(generator.generate("Vraag?", PASSAGES));
    const elapsed = performance.now() - started;
    expect(error.reason).toBe("timeout");
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(delay / 3);
  });

  it("maps HTTP errors to upstream without retrying", async () => {
    fake.failWith(500);
    const error = await rejection(generator.generate("Vraag?", PASSAGES));
    expect(error.reason).toBe("upstream");
    expect(fake.requests).toHaveLength(1);

    fake.failWith(429);
    expect((await rejection(generator.generate("Vraag?", PASSAGES))).reason).toBe("upstream");
  });

  it("maps an unreachable endpoint to upstream", async () => {
    const closed = await startFakeOpenAI();
    await closed.close();
    const offline = createOpenAIAnswerGenerator({ apiKey: "k", baseURL: closed.baseURL, model: MODEL, timeoutMs: 2_000 });
    expect((await rejection(offline.generate("Vraag?", PASSAGES))).reason).toBe("upstream");
  });

  it("stops when the caller aborts", async () => {
    fake.delay(3_000);
    const controller = new AbortController();
    const slow = createOpenAIAnswerGenerator({ apiKey: "k", baseURL: fake.baseURL, model: MODEL, timeoutMs: 10_000 });
    const started = performance.now();
    const pending = slow.generate("Vraag?", PASSAGES, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
