import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplyPart } from "../../src/bot/reply.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fakeOpenAI.js";
import { WHY_VARIANTS } from "../support/personalDataArbitraries.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { enumeratePaths, findAction, seenFromParts, shippedRegions, shippedRoutes, walkPath, type RouteDriver } from "../support/routePaths.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const QUESTION = "wat moet er bij een spoedberaad aanschuiven?";
const prefix = testPrefix("pd-leaks");

/** How a value may show up after normalisation: as written, and as its bare digits/letters. */
function traces(value: string): string[] {
  const plain = value.normalize("NFKC").replace(/[\s\u200b]/g, "");
  const compact = plain.replace(/[^\p{L}\p{N}@]/gu, "");
  return [value, plain, ...(compact.length >= 8 ? [compact] : [])];
}

describe("no variant of personal data reaches the model, the logs or Redis (keys or values)", () => {
  let fake: FakeOpenAI;
  let app: RunningWegwijs;
  const shown: string[] = [];

  async function chat(body: object): Promise<ReplyPart[]> {
    const response = await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    const json = (await response.json()) as { replies: Array<{ parts: ReplyPart[] }> };
    const parts = json.replies.flatMap((r) => r.parts);
    shown.push(JSON.stringify(parts));
    return parts;
  }

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    // A model that repeats the question it was given: whatever reached it would be shown too.
    fake.respondUsing((body) => {
      const question = String(body.messages.at(-1).content).replace(/<\/?vraag>/g, "").trim();
      return JSON.stringify({ answerable: true, answer: `${question} [1]`, citations: [1] });
    });
    app = await startWegwijs({
      REDIS_URL,
      WEGWIJS_REDIS_PREFIX: prefix,
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MODEL: "fake-model",
      LOG_LEVEL: "trace",
    });
  });

  afterAll(async () => {
    await app?.close();
    await fake?.close();
    await cleanPrefix(prefix);
  });

  it("asked in questions, used as web user and conversation ids, typed as route notes and form fields", async () => {
    const route = shippedRoutes().find((r) => enumeratePaths(r, shippedRegions()[0]!.id).some((p) => p.steps.some((s) => s.kind === "freeText")))!;
    const region = shippedRegions().find((r) => r.routes.includes(route.id))!;

    for (const [i, [text]] of WHY_VARIANTS.entries()) {
      // As a question, by a user and in a conversation whose ids are the personal data themselves.
      // Web ids are plain identifiers: other characters are refused (400), the rest of the variant stays in.
      const raw = await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: text, conversation: text, text: QUESTION }) });
      if (raw.status !== 200) expect(raw.status, text).toBe(400);
      const shaped = text.replace(/[^A-Za-z0-9._:-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "") || `id-${i}`;
      // An id that still looks like personal data is refused too (400), so nothing of it is kept.
      const probe = await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: shaped, conversation: shaped, text: QUESTION }) });
      if (probe.status !== 200) expect(probe.status, shaped).toBe(400);
      const id = probe.status === 200 ? shaped : `id-${i}`;
      const parts = await chat({ user: id, conversation: id, text: `${QUESTION} ${text}` });
      expect(parts.some((p) => p.kind === "notice" && /Let op: je bericht leek/.test(p.text)), text).toBe(true);
      // Feedback on that answer (stored per answer and user).
      const feedback = parts.find((p) => p.kind === "feedback");
      if (feedback?.kind === "feedback") await chat({ user: id, conversation: id, action: { id: "ask.feedback", value: `${feedback.answerId}:not_useful` } });
      // As a form field.
      await chat({ user: `form-${i}`, action: { id: "consult.submit", value: "consult", fields: { summary: text } } });

      // As the typed answer of a route step (a note kept for the TTL and shown in the summary).
      const user = `route-${i}`;
      const driver: RouteDriver = {
        say: async (said) => seenFromParts(await chat({ user, text: said })),
        press: async (action) => seenFromParts(await chat({ user, action: { id: action.id, value: action.value } })),
      };
      const [path] = enumeratePaths(route, region.id, () => text).filter((p) => p.steps.some((s) => s.kind === "freeText"));
      const outcome = await walkPath(driver, route, region, path!);
      findAction(outcome, "route.restart");
    }

    // What the fake model received, every log line, every Redis key and value of this app.
    const model = JSON.stringify(fake.requests);
    expect(fake.requests.filter((r) => r.path === "/v1/chat/completions").length).toBeGreaterThan(0);
    const logs = app.logs.join("\n");
    const redis = new Redis(REDIS_URL);
    const stored: string[] = [];
    try {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
        cursor = next;
        for (const key of keys) {
          stored.push(key);
          if ((await redis.type(key)) === "string") stored.push((await redis.get(key)) ?? "");
        }
      } while (cursor !== "0");
    } finally {
      redis.disconnect();
    }
    expect(stored.some((s) => s.includes(":route-session:"))).toBe(true);
    const redisText = stored.join("\n");
    const shownText = shown.join("\n");

    for (const [text, value] of WHY_VARIANTS) {
      for (const trace of traces(value)) {
        expect(model, `model received ${JSON.stringify(trace)}`).not.toContain(trace);
        expect(logs, `logs contain ${JSON.stringify(trace)}`).not.toContain(trace);
        expect(redisText, `Redis holds ${JSON.stringify(trace)}`).not.toContain(trace);
        expect(shownText, `shown back ${JSON.stringify(trace)}`).not.toContain(trace);
      }
      expect(redisText).not.toContain(text);
    }
  });
});
