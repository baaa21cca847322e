import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUESTION_TOO_LONG_TEXT } from "../../src/bot/inputLimits.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { startFakeTeamsConnector, type FakeTeamsConnector } from "../support/fakeTeamsConnector.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const SECRET = `signing-${randomUUID()}`;
const BOT = { id: "28:wegwijs-bot", name: "Wegwijs" };
/** The hostile tester's question: 900,000 characters of plausible words. */
const HUGE = "wat moet er bij een spoedberaad aanschuiven ".repeat(20_455).slice(0, 900_000);

describe("input caps on every surface", () => {
  let fake: FakeSlackApi;
  let connector: FakeTeamsConnector;
  let app: RunningWegwijs;
  let slack: SlackRequests;
  let counter = 0;
  const ts = () => `${nowSeconds()}.${String(++counter).padStart(6, "0")}`;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    connector = await startFakeTeamsConnector();
    app = await startWegwijs({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, TEAMS_ENABLED: "true" });
    slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
  });

  afterAll(async () => {
    await app?.close();
    await fake?.close();
    await connector?.close();
  });

  it("answers a 900,000-character Slack question with the cap message, searching nothing, while /healthz keeps answering", async () => {
    const channel = `C${randomUUID().slice(0, 8)}`;
    const messageTs = ts();
    const event = {
      type: "event_callback",
      team_id: fake.team.id,
      api_app_id: "A0WEGWIJS",
      event_id: `Ev${randomUUID().slice(0, 12)}`,
      event_time: nowSeconds(),
      event: { type: "app_mention", user: "UHUGE", text: `<@${fake.team.botUserId}> ${HUGE}`, ts: messageTs, channel, event_ts: messageTs },
    };
    const knowledge = app.app.knowledge;
    const retrieve = knowledge.retrieve.bind(knowledge);
    let searched = 0;
    knowledge.retrieve = (...args) => {
      searched++;
      return retrieve(...args);
    };
    let done = false;
    const statuses: number[] = [];
    // Probes /healthz back to back while the huge event is received, parsed and answered.
    // (Its latency is a benchmark figure, `npm run bench:caps`, not a timed assertion here.)
    const probing = (async () => {
      while (!done) {
        const response = await fetch(`${app.baseUrl}/healthz`);
        await response.text();
        statuses.push(response.status);
      }
    })();
    try {
      const response = await slack.event(event);
      expect(response.status).toBe(200);
      const posted = await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.body.channel === channel));
      await fake.quietFor(500, (c) => "method" in c && c.body.channel === channel);
      done = true;
      await probing;
      expect(JSON.stringify(posted.body)).toContain(QUESTION_TOO_LONG_TEXT);
      expect(posted.body.thread_ts).toBe(messageTs);
      // One answer, and it is the cap message: nothing was searched.
      expect(fake.callsTo("chat.postMessage").filter((c) => c.body.channel === channel)).toHaveLength(1);
      expect(searched).toBe(0);
      expect(statuses.length).toBeGreaterThan(3);
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      done = true;
      knowledge.retrieve = retrieve;
    }
  });

  it("answers an over-long /wegwijs vraag and DM with the cap message", async () => {
    const responseUrl = fake.responseUrl();
    const command = await slack.command({
      command: "/wegwijs",
      text: `vraag ${"x".repeat(4001)}`,
      user_id: "UCAP",
      channel_id: "CCAP",
      team_id: fake.team.id,
      response_url: responseUrl,
      trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    });
    expect(command.status).toBe(200);
    const reply = await fake.waitFor(() => fake.responses.find((r) => responseUrl.endsWith(r.id)));
    expect(JSON.stringify(reply.body)).toContain(QUESTION_TOO_LONG_TEXT);

    const dmTs = ts();
    await slack.event({
      type: "event_callback",
      team_id: fake.team.id,
      event_id: `Ev${randomUUID().slice(0, 12)}`,
      event: { type: "message", channel: "DCAP", channel_type: "im", user: "UCAP", text: "y".repeat(4001), ts: dmTs, event_ts: dmTs },
    });
    const dm = await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.body.channel === "DCAP"));
    expect(JSON.stringify(dm.body)).toContain(QUESTION_TOO_LONG_TEXT);
  });

  it("answers an over-long Teams message with the cap message", async () => {
    const conversation = `conv-cap-${randomUUID()}`;
    const response = await fetch(`${app.baseUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: randomUUID(),
        channelId: "msteams",
        serviceUrl: connector.serviceUrl,
        from: { id: "29:cap-user", aadObjectId: "cap-user" },
        recipient: BOT,
        conversation: { id: conversation, conversationType: "personal", tenantId: "tenant-1" },
        text: "z".repeat(4001),
      }),
    });
    expect(response.status).toBe(200);
    const [message] = await connector.waitForMessages(conversation, 1);
    expect(JSON.stringify(message!.activity)).toContain(QUESTION_TOO_LONG_TEXT);
  });

  it("answers an over-long web question with 413 and the cap message, and keeps one of 4,000 characters", async () => {
    const post = (text: string) =>
      fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "cap", text }) });
    const long = await post("w".repeat(4001));
    expect(long.status).toBe(413);
    expect(await long.json()).toEqual({ error: QUESTION_TOO_LONG_TEXT });
    const fits = await post(`wat moet er bij een spoedberaad aanschuiven? ${"a".repeat(3950)}`);
    expect(fits.status).toBe(200);
  });

  it("refuses over-long form fields in the core, whatever the surface", async () => {
    const response = await fetch(`${app.baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "cap", action: { id: "consult.submit", value: "consult", fields: { summary: "s".repeat(2001) } } }),
    });
    const body = (await response.json()) as { replies: Array<{ parts: Array<{ text?: string }> }> };
    expect(JSON.stringify(body.replies)).toContain("te lang");
  });
});
