import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consultKind } from "../../src/handlers/consult/consultModel.js";
import { RedisRecordStores } from "../../src/records/redisRecordStore.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { spawnWegwijs, type WegwijsProcess } from "../support/wegwijsProcess.js";

const RUN = runId().toUpperCase();
const SP = `CSP${RUN}`;
const PREFIX = testPrefix("consult-kill");

/**
 * Acceptance of issue 10: "A Wegwijs process killed between storing a request and notifying
 * delivers the notification after restart", with real OS processes. The first process (the real
 * entry point, Redis under this file's key prefix, Slack pointed at the fake Web API in this test
 * process) stores a request; the fake holds its coordinator card (chat.postMessage) unanswered,
 * and the process is SIGKILLed while it waits. A fresh process on the same prefix delivers the
 * card, exactly once, and the request is stored once.
 */
describe("a Wegwijs process killed between storing a consult request and posting its card", () => {
  const SECRET = `signing-${randomUUID()}`;
  let fake: FakeSlackApi;
  let dataDir: string;
  let redis: Redis;
  const running: WegwijsProcess[] = [];

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    dataDir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-consult-kill-"));
    redis = new Redis(REDIS_URL, { keyPrefix: PREFIX });
  });
  afterAll(async () => {
    for (const process of running) await process.kill();
    redis?.disconnect();
    await fake?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await cleanPrefix(PREFIX);
  });

  const env = () => ({
    PORT: "0",
    HOST: "127.0.0.1",
    REDIS_URL,
    WEGWIJS_REDIS_PREFIX: PREFIX,
    // Shared, so the second process loads the index snapshot of the first instead of indexing again.
    WEGWIJS_DATA_DIR: dataDir,
    // Answers in the main process: no worker threads to start, nothing asked here needs them.
    WEGWIJS_ANSWER_WORKERS: "0",
    LOG_LEVEL: "info",
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    WEGWIJS_SLACK_CHANNEL_SERVICEPUNT: SP,
  });

  const cards = (id: string) => fake.messages().filter((m) => m.via === "chat.postMessage" && m.channel === SP && !m.threadTs && m.text.includes(id));

  it("delivers the coordinator card exactly once after a restart, and the request is stored once", { timeout: 180_000 }, async () => {
    const first = await spawnWegwijs(env());
    running.push(first);
    // The card's chat.postMessage arrives at "Slack" and gets no answer: the process is between
    // storing the request and knowing its card was posted.
    const held = fake.holdNext((call) => call.method === "chat.postMessage" && call.body.channel === SP);

    const asker = `asker-kill-${RUN}`;
    const caseRef = `KILL-${RUN}`;
    const response = await fetch(`${first.baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        user: asker,
        conversation: `kill-${RUN}`,
        action: { id: "consult.submit", value: "consult", fields: { target: "servicepunt", urgency: "spoed", caseRef, question: "Welke plek past?", tried: "Twee aanbieders gebeld" } },
      }),
    });
    expect(response.status).toBe(200);
    const id = JSON.stringify(await response.json()).match(/CR-\d{4}-\d{6}/)?.[0];
    expect(id).toBeDefined();

    const card = await held;
    expect(String(card.body.text)).toContain(id!);
    await first.kill();
    expect(first.child.signalCode).toBe("SIGKILL");

    // Stored, not notified.
    const requests = new RedisRecordStores(redis).open(consultKind(60));
    expect((await requests.get(id!))?.value).toMatchObject({ id, caseRef, status: "nieuw" });
    expect(cards(id!)).toHaveLength(0);

    // A fresh process on the same Redis prefix takes over the card job the dead one held. BullMQ
    // hands a job on once its owner's 30 s lock has expired and two of its 30 s stalled checks
    // have seen it: about a minute after the start (measured: 60 s), with the default settings.
    const second = await spawnWegwijs(env());
    running.push(second);
    await fake.waitFor(() => (cards(id!).length > 0 ? true : undefined), 150_000);
    // Nothing more comes: one card, and no second request.
    expect(await fake.quietFor(3000, (call) => "method" in call && call.method === "chat.postMessage" && call.body.channel === SP)).toBe(0);
    expect(cards(id!)).toHaveLength(1);
    expect(cards(id!)[0]!.text).toContain(caseRef);

    const mine = await requests.findBy("byRequester", `web:${asker}`);
    expect(mine.map((r) => r.value.id)).toEqual([id]);
    expect((await requests.findBy("byTarget", "servicepunt:open")).filter((r) => r.value.caseRef === caseRef)).toHaveLength(1);
    expect((await requests.history(id!)).map((h) => h.type)).toEqual(["filed"]);
    // The requester sees it once in their list, from the new process.
    const list = await fetch(`${second.baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: asker, conversation: `kill-${RUN}`, text: "mijn consulten" }),
    });
    const listed = ((await list.json()) as { replies: Array<{ parts: Array<{ kind: string; text?: string }> }> }).replies.flatMap((r) => r.parts);
    expect(listed.filter((p) => p.kind === "text" && p.text?.includes(id!))).toHaveLength(1);

    const errors = second.logs.filter((l) => Number(l.level) >= 50);
    expect(errors).toEqual([]);
    await second.stop();
  });
});
