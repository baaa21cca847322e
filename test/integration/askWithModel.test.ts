import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ReplyPart } from "../../src/bot/reply.js";
import { isValidBsn } from "../../src/privacy/personalData.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fakeOpenAI.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const TIMEOUT_MS = 800;
const QUESTION = "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?";

/** A made-up BSN: eight arbitrary digits plus the check digit that makes the 11-proef pass. */
function madeUpBsn(first8: string): string {
  const sum = [...first8].reduce((s, d, i) => s + (9 - i) * Number(d), 0);
  const check = sum % 11;
  if (check > 9) throw new Error(`no valid BSN starts with ${first8}`);
  return first8 + String(check);
}

const BSN = madeUpBsn("29384756");
const BSN_DOTTED = `${BSN.slice(0, 3)}.${BSN.slice(3, 6)}.${BSN.slice(6)}`;
const PHONE = "06-12345678";
const EMAIL = "ouder.test@example.org";

async function ask(baseUrl: string, text: string): Promise<ReplyPart[]> {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    // Letters only, as the web page makes them: a random id with a digit run can look like a
    // BSN or a phone number (about 1 in 650 UUIDs), and the server rightly refuses that id.
    body: JSON.stringify({ user: `test-${randomUUID().replace(/[^a-f]/g, "")}`, text }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { replies: Array<{ parts: ReplyPart[] }> };
  expect(body.replies).toHaveLength(1);
  return body.replies[0]!.parts;
}

const answerPart = (parts: ReplyPart[]) => parts.find((p): p is Extract<ReplyPart, { kind: "text" }> => p.kind === "text");
const answerText = (parts: ReplyPart[]) => answerPart(parts)?.text;
const bronnen = (parts: ReplyPart[]) =>
  parts.find((p): p is Extract<ReplyPart, { kind: "sources" }> => p.kind === "sources" && p.title === "Bronnen")?.sources;

/** Reply parts with the per-answer feedback ids blanked: every answer gets a fresh id. */
function withoutAnswerIds(parts: ReplyPart[]): ReplyPart[] {
  const blank = (value?: string) => value?.replace(/^[0-9a-f-]{36}/, "<id>");
  return parts.map((part) => {
    if (part.kind === "feedback") return { ...part, answerId: "<id>" };
    if (part.kind === "actions") return { ...part, actions: part.actions.map((a) => ({ ...a, ...(a.value !== undefined ? { value: blank(a.value) } : {}) })) };
    return part;
  });
}

/** The user message sent to the model for the last chat completion. */
function passagesSent(fake: FakeOpenAI): number {
  const chats = fake.requests.filter((r) => r.path === "/v1/chat/completions");
  const passages: string = chats.at(-1)!.body.messages[1].content;
  return (JSON.parse(passages.replace(/^<passages>\n/, "").replace(/\n<\/passages>$/, "")) as unknown[]).length;
}

describe("asking with a model (real openai client, fake OpenAI server)", () => {
  let fake: FakeOpenAI;
  let app: RunningWegwijs;
  /** The extractive answer the app gives without a model: what every fallback must show. */
  let extractive: ReplyPart[];

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    app = await startWegwijs({
      OPENAI_API_KEY: "test",
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MODEL: "fake-model",
      OPENAI_TIMEOUT_MS: String(TIMEOUT_MS),
      LOG_LEVEL: "trace",
    });
    const withoutModel = await startWegwijs();
    try {
      extractive = await ask(withoutModel.baseUrl, QUESTION);
    } finally {
      await withoutModel.close();
    }
    // Quoted text is not marked as written by a model (Teams shows no AI label for it).
    expect(answerPart(extractive)?.text.length).toBeGreaterThan(0);
    expect(answerPart(extractive)?.generated).toBeUndefined();
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  /** Log lines written from `from` on, parsed. */
  const logsSince = (from: number) => app.logs.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>);

  it("shows a valid generated answer with the passages it cites", async () => {
    const answer = "Ongeveer 70% van de jongeren komt met een spoedmachtiging binnen [1].";
    fake.respondWith(JSON.stringify({ answerable: true, answer, citations: [1] }));

    const parts = await ask(app.baseUrl, QUESTION);

    expect(answerText(parts)).toBe(answer);
    expect(answerPart(parts)?.generated).toBe(true);
    const sources = bronnen(parts);
    expect(sources?.map((s) => s.n)).toEqual([1]);
    expect(sources![0]!.documentTitle).not.toBe("");
    expect(sources![0]!.quote).not.toBe("");
    // The model got the question and numbered passages, under the configured model name.
    const chats = fake.requests.filter((r) => r.path === "/v1/chat/completions");
    expect(chats).toHaveLength(1);
    expect(chats[0]!.body.model).toBe("fake-model");
    expect(chats[0]!.body.messages[2].content).toBe(`<vraag>\n${QUESTION}\n</vraag>`);
    // The cited passage is the one given to the model as passage 1.
    expect(chats[0]!.body.messages[1].content).toContain(`"n": 1,\n  "document": ${JSON.stringify(sources![0]!.documentTitle)}`);
  });

  it("falls back to the extractive answer when the model cites a passage that was not retrieved", async () => {
    await ask(app.baseUrl, QUESTION); // learn how many passages the model gets for this question
    const given = passagesSent(fake);
    expect(given).toBeGreaterThan(0);
    fake.respondWith(JSON.stringify({ answerable: true, answer: `Zo staat het in het plan [${given + 1}].`, citations: [given + 1] }));
    const from = app.logs.length;

    const parts = await ask(app.baseUrl, QUESTION);

    expect(withoutAnswerIds(parts)).toEqual(withoutAnswerIds(extractive));
    expect(logsSince(from)).toContainEqual(expect.objectContaining({ reason: "invalid_citation" }));
  });

  it("falls back to the extractive answer when the model is too slow, within the timeout plus a second", async () => {
    fake.delay(TIMEOUT_MS * 5);
    const from = app.logs.length;

    const started = performance.now();
    const parts = await ask(app.baseUrl, QUESTION);
    const elapsed = performance.now() - started;

    expect(fake.requests.some((r) => r.path === "/v1/chat/completions")).toBe(true);
    expect(withoutAnswerIds(parts)).toEqual(withoutAnswerIds(extractive));
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_000);
    expect(logsSince(from)).toContainEqual(expect.objectContaining({ reason: "timeout" }));
  });

  it("falls back to the extractive answer when the model output is malformed", async () => {
    fake.respondWith("Het antwoord is: zie het plan (geen JSON)");
    const from = app.logs.length;

    const parts = await ask(app.baseUrl, QUESTION);

    expect(fake.requests.some((r) => r.path === "/v1/chat/completions")).toBe(true);
    expect(withoutAnswerIds(parts)).toEqual(withoutAnswerIds(extractive));
    expect(logsSince(from)).toContainEqual(expect.objectContaining({ reason: "malformed" }));
  });

  it("keeps a BSN, phone number and e-mail address away from the model and the logs, and warns", async () => {
    expect(isValidBsn(BSN)).toBe(true);
    // Personal data in front of an answerable question: it must still be answered (searched
    // without the data), so the question really reaches the model.
    const message = `BSN ${BSN_DOTTED}, ${PHONE}, ${EMAIL}: ${QUESTION}`;
    const from = app.logs.length;

    const parts = await ask(app.baseUrl, message);

    // The (redacted) question did reach the model, so the checks below are not vacuous.
    const chats = fake.requests.filter((r) => r.path === "/v1/chat/completions");
    expect(chats).toHaveLength(1);
    const sent = JSON.stringify(chats[0]!.body);
    expect(sent).toContain("[BSN verwijderd]");
    const secrets = [BSN, BSN_DOTTED, PHONE, PHONE.replace("-", ""), "12345678", EMAIL, "example.org"];
    for (const request of fake.requests) {
      const body = JSON.stringify(request.body);
      for (const secret of secrets) expect(body).not.toContain(secret);
    }
    const lines = app.logs.slice(from);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      for (const secret of [...secrets, QUESTION]) expect(line).not.toContain(secret);
    }
    expect(logsSince(from)).toContainEqual(expect.objectContaining({ msg: "personal data redacted" }));

    const warnings = parts.filter((p) => p.kind === "notice" && p.level === "warning");
    expect(warnings).toHaveLength(1);
    const warning = (warnings[0] as { text: string }).text;
    expect(warning).toMatch(/^Let op: je bericht leek /);
    for (const kind of ["een BSN", "een telefoonnummer", "een e-mailadres"]) expect(warning).toContain(kind);
    // And the reply itself does not echo the personal data.
    for (const secret of secrets) expect(JSON.stringify(parts)).not.toContain(secret);
  });
});
