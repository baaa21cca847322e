import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultContentDir } from "../../src/config.js";
import { ConsultService } from "../../src/handlers/consult/consultService.js";
import { loadServiceLevels } from "../../src/handlers/consult/serviceLevels.js";
import { createInfrastructure } from "../../src/infrastructure.js";
import { createLogger } from "../../src/logger.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { REDIS_URL } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { appKeyPrefix, startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RUN = runId().toUpperCase();
const SP = `CSP${RUN}`;
const VALID = { target: "servicepunt", urgency: "regulier", question: "Welke plek past?", tried: "Gebeld met twee aanbieders" };

/**
 * Nothing lost, against real Redis: consult requests filed while Slack is down (and, separately,
 * answering 429 and then 500) are all stored at once; after Slack recovers every coordinator card
 * arrives exactly once. A request stored by a process that died before its outbox entry became a
 * job is notified by the next process (in-process here: the relay never starts; with a real
 * SIGKILL while the card is on its way, see consultKill.test.ts).
 */
describe("consult notifications survive Slack outages and restarts", () => {
  const SECRET = `signing-${randomUUID()}`;
  let fake: FakeSlackApi;
  let app: RunningWegwijs;
  const env = () => ({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, REDIS_URL, WEGWIJS_SLACK_CHANNEL_SERVICEPUNT: SP });

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = await startWegwijs(env());
  });
  afterAll(async () => {
    fake?.setFault(undefined);
    await app?.close();
    await fake?.close();
  });

  async function fileMany(count: number, tag: string): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const res = await fetch(`${app.baseUrl}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user: `asker-${tag}-${n}`, action: { id: "consult.submit", value: "consult", fields: { ...VALID, caseRef: `${tag}-${n}` } } }),
      });
      const id = JSON.stringify(await res.json()).match(/CR-\d{4}-\d{6}/)?.[0];
      expect(id, `request ${n} stored`).toBeDefined();
      ids.push(id!);
    }
    return ids;
  }

  const cards = (ids: string[]) => fake.messages().filter((m) => m.via === "chat.postMessage" && m.channel === SP && !m.threadTs && ids.some((id) => m.text.includes(id)));

  async function expectExactlyOnce(ids: string[]): Promise<void> {
    await fake.waitFor(() => (cards(ids).length >= ids.length ? true : undefined), 90_000);
    await sleep(2000);
    const seen = cards(ids).map((m) => m.text.match(/CR-\d{4}-\d{6}/)![0]);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  }

  it("50 requests while Slack is down: all stored, every card exactly once after it recovers", { timeout: 120_000 }, async () => {
    let refused = 0;
    fake.setFault(() => {
      refused++;
      return { status: 503, body: { ok: false, error: "service_unavailable" } };
    });
    const ids = await fileMany(50, `down${RUN}`);
    await fake.waitFor(() => (refused >= 50 ? true : undefined), 20_000);
    expect(cards(ids)).toHaveLength(0);
    fake.setFault(undefined);
    await expectExactlyOnce(ids);
    expect(await app.app.jobs.deadLetters()).toEqual([]);
  });

  it("50 requests while Slack answers 429 (Retry-After) and then 500: every card exactly once", { timeout: 120_000 }, async () => {
    let phase: "limited" | "broken" | "up" = "limited";
    let limited = 0;
    fake.setFault((method) => {
      if (method !== "chat.postMessage" || phase === "up") return undefined;
      if (phase === "limited") {
        limited++;
        return { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } };
      }
      return { status: 500, body: { ok: false, error: "internal_error" } };
    });
    const ids = await fileMany(50, `limit${RUN}`);
    await fake.waitFor(() => (limited >= 50 ? true : undefined), 20_000);
    phase = "broken";
    await sleep(2500);
    phase = "up";
    await expectExactlyOnce(ids);
    expect(await app.app.jobs.deadLetters()).toEqual([]);
  });

  it("a request stored by a process that died before notifying is notified after restart", { timeout: 60_000 }, async () => {
    await app.close();
    // A process that stored a request and died: its outbox entry is written, no relay ever ran.
    const logger = createLogger("silent");
    const dead = createInfrastructure({ redisUrl: REDIS_URL, keyPrefix: appKeyPrefix, logger });
    const service = new ConsultService({
      records: dead.records, jobs: dead.jobs, region: "groningen-drenthe", levels: loadServiceLevels(defaultContentDir, "groningen-drenthe"),
      retentionSeconds: 3600, places: async () => [{ kind: "conversation", surface: "slack", conversationId: SP }], webhook: false,
    });
    const { request } = await service.file(
      { surface: "web", userId: `asker-dead-${RUN}`, roles: new Set() },
      { surface: "web", userId: `asker-dead-${RUN}`, conversationId: "web-chat" },
      { target: "servicepunt", urgency: "regulier", caseRef: `DEAD-${RUN}`, question: "Vraag", tried: "Geprobeerd" },
    );
    await dead.close();
    expect(cards([request.id])).toHaveLength(0);

    app = await startWegwijs(env());
    await expectExactlyOnce([request.id]);
  });
});
