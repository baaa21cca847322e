import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { deliverMessage } from "../../src/delivery/deliveryJobs.js";
import type { RecordKind } from "../../src/records/recordStore.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { REDIS_URL } from "../support/redis.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const noticeKind: RecordKind<{ sent: number[] }> = {
  kind: "outbox-slack-test",
  schema: z.object({ sent: z.array(z.number()) }),
  schemaVersion: 1,
  ttlSeconds: 600,
};

/**
 * The outbox through the real Slack deliverer: 20 record changes each cause a channel message
 * while the fake Slack Web API first answers 429 with Retry-After: 1 and then 500 for a while.
 * After it recovers, every message arrives exactly once and nothing is dead-lettered.
 */
describe("outbox deliveries to Slack survive rate limits and outages", () => {
  const SECRET = `signing-${randomUUID()}`;
  const channel = `C${randomUUID().slice(0, 8).toUpperCase()}`;
  let fake: FakeSlackApi;
  let app: RunningWegwijs;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = await startWegwijs({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, REDIS_URL });
  });
  afterAll(async () => {
    fake?.setFault(undefined);
    await app?.close();
    await fake?.close();
  });

  it("delivers 20 messages exactly once after 429 Retry-After and then 500s", { timeout: 90_000 }, async () => {
    let phase: "rate-limited" | "down" | "up" = "rate-limited";
    const refusedAt: number[] = [];
    const attemptsAt: number[] = [];
    fake.setFault((method) => {
      if (method === "chat.postMessage") attemptsAt.push(Date.now());
      if (method !== "chat.postMessage" || phase === "up") return undefined;
      refusedAt.push(Date.now());
      return phase === "rate-limited"
        ? { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } }
        : { status: 500, body: { ok: false, error: "internal_error" } };
    });

    const records = app.app.records.open(noticeKind);
    const started = Date.now();
    for (let n = 1; n <= 20; n++) {
      await records.update(`case-${channel}`, (current) => ({
        value: { sent: [...(current?.value.sent ?? []), n] },
        history: [{ type: "notified", data: { n } }],
        outbox: [deliverMessage({ kind: "conversation", surface: "slack", conversationId: channel }, { parts: [{ kind: "text", text: `Melding ${n}` }] })],
      }));
    }
    // The state is stored at once, whatever Slack does.
    expect((await records.get(`case-${channel}`))?.value.sent).toHaveLength(20);

    await fake.waitFor(() => (refusedAt.length >= 20 ? true : undefined), 15_000);
    phase = "down";
    await sleep(1500);
    phase = "up";

    const delivered = () => fake.messages().filter((m) => m.via === "chat.postMessage" && m.channel === channel);
    await fake.waitFor(() => (delivered().length >= 20 ? true : undefined), 60_000);
    await sleep(1500);
    const texts = delivered().map((m) => m.text);
    expect(texts.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Melding ${i + 1}`).sort());
    // Every job was refused once first (429); no retry came before Slack's Retry-After of 1 s.
    expect(attemptsAt[20]! - attemptsAt[0]!).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(await app.app.jobs.deadLetters()).toEqual([]);
  });
});
