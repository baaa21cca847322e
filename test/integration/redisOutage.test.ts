import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_REMEMBERED_TEXT, ROUTE_UNAVAILABLE_TEXT } from "../../src/bot/storeNotices.js";
import { startFakeSlackApi, type FakeSlackApi, type SlackApiCall } from "../support/fakeSlackApi.js";
import { startPrivateRedis, type PrivateRedis } from "../support/privateRedis.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const SECRET = `signing-${randomUUID()}`;
const QUESTION = "wat moet er bij een spoedberaad aanschuiven?";

/** Every text in a posted message (blocks included). */
const textOf = (call: SlackApiCall): string => JSON.stringify(call.body);

describe("Redis killed during a Slack run (a private redis-server, never the shared one)", () => {
  let redis: PrivateRedis;
  let fake: FakeSlackApi;
  let app: RunningWegwijs;
  let slack: SlackRequests;
  let counter = 0;

  const ts = () => `${nowSeconds()}.${String(++counter).padStart(6, "0")}`;
  const mentionDelivery = (channel: string, text: string, eventId = `Ev${randomUUID().slice(0, 12)}`) => {
    const messageTs = ts();
    return {
      type: "event_callback",
      team_id: fake.team.id,
      api_app_id: "A0WEGWIJS",
      event_id: eventId,
      event_time: nowSeconds(),
      event: { type: "app_mention", user: "UOUTAGE", text: `<@${fake.team.botUserId}> ${text}`, ts: messageTs, channel, event_ts: messageTs },
    };
  };
  const postsTo = (channel: string) => fake.callsTo("chat.postMessage").filter((c) => c.body.channel === channel);
  const readyStatus = async () => (await fetch(`${app.baseUrl}/readyz`)).status;
  async function until(probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await probe()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }
  /** Waits for the channel's first post, then 1.5 s more to see that no second one follows. */
  async function settled(channel: string): Promise<SlackApiCall[]> {
    await fake.waitFor(() => (postsTo(channel).length > 0 ? true : undefined), 15_000);
    await fake.quietFor(1500, (c) => "method" in c && c.body.channel === channel);
    return postsTo(channel);
  }

  beforeAll(async () => {
    redis = await startPrivateRedis();
    fake = await startFakeSlackApi();
    app = await startWegwijs({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, REDIS_URL: redis.url });
    slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
  });

  afterAll(async () => {
    await app?.close();
    await fake?.close();
    await redis?.stop();
  });

  it("answers each event once, keeps answering with a notice, says 503 on /readyz, and is ready again after Redis returns", { timeout: 90_000 }, async () => {
    expect(await readyStatus()).toBe(200);
    const before = mentionDelivery("CBEFORE", QUESTION);
    expect((await slack.event(before)).status).toBe(200);
    expect(await settled("CBEFORE")).toHaveLength(1);

    await redis.kill();
    expect(await until(async () => (await readyStatus()) === 503)).toBe(true);
    expect(await until(async () => (await fetch(`${app.baseUrl}/healthz`)).status === 200)).toBe(true);

    // One event_id delivered three times (Slack's retries) while Redis is down: one answer.
    const during = mentionDelivery("CDURING", QUESTION);
    for (let retry = 0; retry < 3; retry++) {
      expect((await slack.event(during, retry === 0 ? {} : { retryNum: retry })).status).toBe(200);
    }
    const answered = await settled("CDURING");
    expect(answered).toHaveLength(1);
    // Still an answer from the documents, with its sources, and a notice that nothing is remembered.
    expect(textOf(answered[0]!)).toContain("Bronnen");
    expect(textOf(answered[0]!)).toContain(NOT_REMEMBERED_TEXT.slice(0, 40));
    // A retry of the event answered before the outage is still known to this process.
    expect((await slack.event(before, { retryNum: 1 })).status).toBe(200);
    expect(await fake.quietFor(1000, (c) => "method" in c && c.body.channel === "CBEFORE")).toBe(0);

    // Other questions are still answered; the route says it cannot go on now.
    await slack.event(mentionDelivery("CSECOND", "wat is het doel van de regiovisie jeugdhulp Rijnmond?"));
    expect(await settled("CSECOND")).toHaveLength(1);
    await slack.event(mentionDelivery("CROUTE", "route"));
    const [route] = await settled("CROUTE");
    expect(textOf(route!)).toContain(ROUTE_UNAVAILABLE_TEXT.slice(0, 40));

    await redis.restart();
    expect(await until(async () => (await readyStatus()) === 200)).toBe(true);

    // After recovery (no restart of Wegwijs): the retried event is still not answered twice,
    // and a new question is remembered again ("Meer bronnen"/feedback buttons, no notice).
    expect((await slack.event(during, { retryNum: 3 })).status).toBe(200);
    expect(await fake.quietFor(1000, (c) => "method" in c && c.body.channel === "CDURING")).toBe(0);
    await slack.event(mentionDelivery("CAFTER", QUESTION));
    const [after] = await settled("CAFTER");
    expect(textOf(after!)).toContain("ask.feedback");
    expect(textOf(after!)).not.toContain(NOT_REMEMBERED_TEXT.slice(0, 40));
    expect(postsTo("CDURING")).toHaveLength(1);
  });
});
