import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCorpusDir } from "../../src/config.js";
import { parse } from "yaml";
import { sourceTitle } from "../../src/bot/sourceTitle.js";
import { AnswerLog } from "../../src/handlers/ask/answerLog.js";
import { slackLimitViolations } from "../../src/integrations/slack/slackLimits.js";
import { startFakeSlackApi, type FakeSlackApi, type PostedMessage, type SlackApiCall } from "../support/fakeSlackApi.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

// Questions the default corpus answers (see httpApp.test.ts).
const ANSWERED = "wat moet er bij een spoedberaad aanschuiven?";
const WITH_MORE = "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?";
const OTHER = "wat is het doel van de regiovisie jeugdhulp Rijnmond?";
const QUESTIONS = [ANSWERED, WITH_MORE, OTHER];

const corpusDir = defaultCorpusDir(fileURLToPath(new URL("../..", import.meta.url)));
// Sources show the short title: corpus.json's shortTitle, else one derived from the title.
const corpusTitles = (JSON.parse(readFileSync(path.join(corpusDir, "corpus.json"), "utf8")) as { documents: Array<{ title: string; shortTitle?: string }> }).documents.map(
  (d) => sourceTitle({ documentTitle: d.title, shortTitle: d.shortTitle }),
);
const region = parse(readFileSync(new URL("../../content/regions/groningen-drenthe.yaml", import.meta.url), "utf8")) as {
  exampleQuestions: Array<{ title: string; question: string }>;
};

const SECRET = `signing-${randomUUID()}`;
// Every Slack id in this file carries RUN, so Redis keys can be found and removed afterwards.
const RUN = randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();
// Key names hold hashed ids; every key of this file sits under one prefix, removed afterwards.
const PREFIX = testPrefix("slack-surface");
let counter = 0;
const id = (prefix: string) => `${prefix}${RUN}X${++counter}`;
const ts = () => `${nowSeconds()}.${String(++counter).padStart(6, "0")}`;

/** All text in a list of blocks (sections, fields, context, buttons), for content checks. */
function blockText(blocks: any[] | undefined): string {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.text === "string") out.push(record.text);
    for (const child of Object.values(record)) if (typeof child === "object") visit(child);
  };
  visit(blocks ?? []);
  return out.join("\n");
}

/** Slack's feedback_buttons element under an answer, with its block. */
function feedbackButtons(blocks: any[] | undefined): { action_id: string; block_id?: string; positive_button: any; negative_button: any } | undefined {
  for (const b of blocks ?? []) {
    if (b.type !== "context_actions") continue;
    const element = b.elements.find((e: any) => e.type === "feedback_buttons");
    if (element) return { ...element, block_id: b.block_id };
  }
  return undefined;
}

function buttons(blocks: any[] | undefined): Array<{ action_id: string; value?: string; block_id?: string }> {
  const feedback = feedbackButtons(blocks);
  return (blocks ?? []).flatMap((b: any) => [
    ...(b.type === "context_actions" && feedback ? [feedback.positive_button, feedback.negative_button].map((fb: any) => ({ action_id: feedback.action_id, value: fb.value })) : []),
    ...(b.type === "actions" ? b.elements.filter((e: any) => e.type === "button").map((e: any) => ({ ...e, block_id: b.block_id })) : []),
    ...(b.accessory?.type === "button" ? [{ ...b.accessory, block_id: b.block_id }] : []),
  ]);
}

function logLines(app: RunningWegwijs): Array<Record<string, any>> {
  return app.logs.map((l) => JSON.parse(l) as Record<string, any>);
}

describe("Slack surface: real Bolt app against a fake Slack Web API", () => {
  let fake: FakeSlackApi;
  let app: RunningWegwijs;
  let other: RunningWegwijs;
  let slack: SlackRequests;
  let slackOther: SlackRequests;
  let env: Record<string, string>;
  const answerIds = new Set<string>();

  const envelope = (event: Record<string, unknown>, eventId = id("Ev")) => ({
    token: "legacy-verification-token",
    team_id: fake.team.id,
    api_app_id: "A0WEGWIJS",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: nowSeconds(),
    authorizations: [{ enterprise_id: null, team_id: fake.team.id, user_id: fake.team.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });

  const mention = (user: string, channel: string, text: string, threadTs?: string) => {
    const messageTs = ts();
    return {
      type: "app_mention",
      user,
      text: `<@${fake.team.botUserId}> ${text}`,
      ts: messageTs,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      channel,
      event_ts: messageTs,
      team: fake.team.id,
      client_msg_id: randomUUID(),
    };
  };

  const dm = (user: string, channel: string, text: string, extra: Record<string, unknown> = {}) => {
    const messageTs = ts();
    return { type: "message", channel, channel_type: "im", user, text, ts: messageTs, event_ts: messageTs, team: fake.team.id, client_msg_id: randomUUID(), ...extra };
  };

  const postsTo = (channel: string, threadTs?: string) => (c: SlackApiCall) =>
    c.method === "chat.postMessage" && c.body.channel === channel && (threadTs === undefined || c.body.thread_ts === threadTs);

  /** Waits until `count` messages went to the channel, then checks for 1.5 s that no more follow. */
  async function settledPosts(match: (c: SlackApiCall) => boolean, count: number): Promise<SlackApiCall[]> {
    await fake.waitFor(() => (fake.calls.filter(match).length >= count ? true : undefined));
    await fake.quietFor(1500, (c) => "method" in c && match(c));
    const calls = fake.calls.filter(match);
    expect(calls, "exactly this many messages, none later").toHaveLength(count);
    return calls;
  }

  const blockActions = (user: string, message: PostedMessage & { ts?: string }, button: { action_id: string; value?: string; block_id?: string }, extra: Record<string, unknown> = {}) => ({
    type: "block_actions",
    user: { id: user, username: "tester", name: "tester", team_id: fake.team.id },
    api_app_id: "A0WEGWIJS",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: false, ...(message.threadTs ? { thread_ts: message.threadTs } : {}) },
    trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    team: { id: fake.team.id, domain: "wegwijs-test" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: "directmessage" },
    message: {
      type: "message",
      user: fake.team.botUserId,
      bot_id: fake.team.botId,
      ts: message.ts,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
    },
    state: { values: {} },
    response_url: fake.responseUrl(),
    actions: [{ action_id: button.action_id, block_id: button.block_id ?? "b1", text: { type: "plain_text", text: "knop" }, value: button.value, type: "button", action_ts: ts() }],
    ...extra,
  });

  /** The posted message (with its ts from the fake's answer) for a chat.postMessage call. */
  const posted = (call: SlackApiCall, index: number): PostedMessage & { ts: string } => ({
    via: "chat.postMessage",
    channel: call.body.channel,
    threadTs: call.body.thread_ts,
    text: call.body.text,
    blocks: call.body.blocks,
    ts: `${nowSeconds()}.${String(900000 + index)}`,
  });

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    env = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, REDIS_URL, WEGWIJS_REDIS_PREFIX: PREFIX };
    app = await startWegwijs(env);
    // A second instance on the same Redis, as behind a load balancer.
    other = await startWegwijs(env);
    slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
    slackOther = new SlackRequests(`${other.baseUrl}/slack/events`, SECRET);
  });

  afterAll(async () => {
    try {
      // Every Block Kit payload Slack received in this file stays within Slack's limits.
      const messages = fake.messages();
      expect(messages.length).toBeGreaterThan(10);
      for (const message of messages) {
        expect(message.blocks, `${message.via} without blocks: ${message.text.slice(0, 80)}`).toBeDefined();
        expect(slackLimitViolations({ text: message.text, blocks: message.blocks! }), message.via).toEqual([]);
        for (const b of buttons(message.blocks)) {
          const answerId = /^([0-9a-f-]{36}):/.exec(b.value ?? "")?.[1];
          if (answerId) answerIds.add(answerId);
        }
      }
      for (const call of [...fake.callsTo("views.publish"), ...fake.callsTo("views.open")]) {
        expect(slackLimitViolations({ text: call.body.view.title?.text ?? "Wegwijs", blocks: call.body.view.blocks }), call.method).toEqual([]);
      }
      // No log line of either instance contains a question that was asked.
      for (const line of [...(app?.logs ?? []), ...(other?.logs ?? [])]) {
        for (const question of QUESTIONS) expect(line.toLowerCase()).not.toContain(question.slice(0, 30).toLowerCase());
      }
    } finally {
      await app?.close();
      await other?.close();
      await fake?.close();
      await cleanPrefix(PREFIX);
    }
  });

  it("answers url_verification with the challenge", async () => {
    const challenge = randomUUID();
    const response = await slack.event({ token: "legacy", challenge, type: "url_verification" });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ challenge });
  });

  it("answers an app_mention with exactly one message in its thread, with the sources, and drops every redelivery", async () => {
    const user = id("U");
    const channel = id("C");
    const event = mention(user, channel, ANSWERED);
    const delivery = envelope(event);

    const started = Date.now();
    const first = await slack.event(delivery);
    expect(first.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);

    const [call] = await settledPosts(postsTo(channel), 1);
    // A top-level mention is answered in a thread under it.
    expect(call!.body.thread_ts).toBe(event.ts);
    expect(call!.token).toBe("xoxb-test");
    const text = blockText(call!.body.blocks);
    expect(text).toContain("Bronnen");
    expect(text).toMatch(/\[1\]/);
    expect(corpusTitles.some((title) => text.includes(title))).toBe(true);
    expect(call!.body.text.length).toBeGreaterThan(0);

    // Slack's retry of the same event, then the same event_id delivered to the other instance.
    const retry = await slack.event(delivery, { retryNum: 1 });
    expect(retry.status).toBe(200);
    const again = await slackOther.event(delivery);
    expect(again.status).toBe(200);
    expect(await fake.quietFor(1500, (c) => "method" in c && postsTo(channel)(c))).toBe(0);
    expect(fake.calls.filter(postsTo(channel))).toHaveLength(1);
    expect(logLines(app).some((l) => l.msg === "slack duplicate delivery dropped" && l.retryNum === 1 && l.eventId === delivery.event_id)).toBe(true);
    expect(logLines(other).some((l) => l.msg === "slack duplicate delivery dropped" && l.eventId === delivery.event_id)).toBe(true);
  });

  it("answers one of two simultaneous deliveries of an event to two instances", async () => {
    const channel = id("C");
    const delivery = envelope(mention(id("U"), channel, OTHER));
    const [a, b] = await Promise.all([slack.event(delivery), slackOther.event(delivery)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await settledPosts(postsTo(channel), 1);
  });

  it("keeps a mention inside a thread in that thread", async () => {
    const channel = id("C");
    const parent = ts();
    await slack.event(envelope(mention(id("U"), channel, OTHER, parent)));
    const [call] = await settledPosts(postsTo(channel), 1);
    expect(call!.body.thread_ts).toBe(parent);
  });

  it("rejects a bad signature and a timestamp older than five minutes with 401", async () => {
    const channel = id("C");
    const delivery = envelope(mention(id("U"), channel, ANSWERED));
    const forged = await slack.event(delivery, { signature: `v0=${"0".repeat(64)}` });
    expect(forged.status).toBe(401);
    expect(forged.json).toEqual({ ok: false, error: "Handtekening van Slack klopt niet" });

    const old = await slack.event(delivery, { timestamp: nowSeconds() - 6 * 60 });
    expect(old.status).toBe(401);
    expect(old.json.error).toMatch(/te oud/);

    const unsigned = await fetch(`${app.baseUrl}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(delivery) });
    expect(unsigned.status).toBe(401);

    expect(await fake.quietFor(500, (c) => "method" in c && postsTo(channel)(c))).toBe(0);
    const reasons = logLines(app).filter((l) => l.msg === "slack request rejected").map((l) => l.reason);
    expect(reasons).toEqual(expect.arrayContaining(["bad_signature", "stale_timestamp", "missing_signature"]));
  });

  it("takes 👍 then 👎 from Slack's feedback_buttons as one vote, and asks the reason in a modal", async () => {
    const user = id("U");
    const channel = id("C");
    const event = mention(user, channel, ANSWERED);
    await slack.event(envelope(event));
    const [call] = await settledPosts(postsTo(channel), 1);
    const message = posted(call!, 1);
    // Sources in context blocks, a footer, and the feedback_buttons element.
    const blocks = message.blocks as any[];
    expect(blocks.filter((b) => b.type === "context" && /^\*\[\d+\]/.test(b.elements[0].text)).length).toBeGreaterThan(0);
    expect(blocks.some((b) => b.type === "context" && /^Antwoord uit de plandocumenten/.test(b.elements[0].text))).toBe(true);
    const element = feedbackButtons(blocks)!;
    expect(element.positive_button.value).toMatch(/^[0-9a-f-]{36}:useful$/);
    const answerId = element.positive_button.value.split(":")[0];
    answerIds.add(answerId);

    /** A press on one side of the element, as Slack sends it (action type feedback_buttons). */
    const press = (side: "positive_button" | "negative_button") => {
      const payload = blockActions(user, message, { action_id: element.action_id, value: element[side].value, block_id: element.block_id });
      payload.actions = [{ type: "feedback_buttons", action_id: element.action_id, block_id: element.block_id ?? "fb", value: element[side].value, text: element[side].text, action_ts: ts() }] as any;
      return payload;
    };

    const up = await slack.interaction(press("positive_button"));
    expect(up.status).toBe(200);
    const thanks = await fake.waitFor(() => fake.callsTo("chat.postEphemeral").find((c) => c.body.channel === channel && c.body.user === user));
    expect(thanks.body.text).toMatch(/Dank je/);
    expect(thanks.body.thread_ts).toBe(event.ts);
    expect(await new AnswerLog(app.app.store).feedback(answerId, user)).toMatchObject({ rating: "useful", surface: "slack" });

    const downPayload = press("negative_button");
    await slack.interaction(downPayload);
    const open = await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === downPayload.trigger_id));
    expect(open.body.view).toMatchObject({ type: "modal", callback_id: "wegwijs_feedback_modal" });
    const log = new AnswerLog(app.app.store);
    // The vote is stored after the ack and the modal; the second press replaced the first.
    for (let i = 0; i < 100 && (await log.feedback(answerId, user))?.rating !== "not_useful"; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await log.feedback(answerId, user)).toMatchObject({ rating: "not_useful" });
    // With the modal open, nothing else is posted for the 👎.
    expect(fake.callsTo("chat.postEphemeral").filter((c) => c.body.user === user)).toHaveLength(1);

    const input = open.body.view.blocks.find((b: any) => b.type === "input");
    const submitted = await slack.interaction({
      type: "view_submission",
      team: { id: fake.team.id, domain: "wegwijs-test" },
      user: { id: user, username: "tester", name: "tester", team_id: fake.team.id },
      api_app_id: "A0WEGWIJS",
      token: "legacy",
      trigger_id: `${nowSeconds()}.3.${randomUUID()}`,
      view: {
        ...open.body.view,
        id: "V0FEEDBACK",
        team_id: fake.team.id,
        state: { values: { [input.block_id]: { [input.element.action_id]: { type: "plain_text_input", value: "Ging over iets anders, mail jan@example.nl" } } } },
        hash: randomUUID(),
        root_view_id: "V0FEEDBACK",
        app_id: "A0WEGWIJS",
        bot_id: fake.team.botId,
      },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });
    expect(submitted.status).toBe(200);
    const saved = await fake.waitFor(() => fake.callsTo("chat.postEphemeral").find((c) => c.body.user === user && /toelichting is opgeslagen/.test(c.body.text)));
    expect(saved.body.channel).toBe(channel);
    const votes = await log.votes(answerId);
    expect(Object.keys(votes)).toEqual([user]);
    expect(votes[user]).toMatchObject({ rating: "not_useful", surface: "slack", reason: expect.stringContaining("Ging over iets anders") });
    expect(votes[user]!.reason).not.toContain("jan@example.nl");
    // Feedback is private: nothing new in the thread.
    expect(fake.calls.filter(postsTo(channel))).toHaveLength(1);
  });

  it("answers a DM, shows 'Meer bronnen' in the same conversation, and ignores bot posts and edits", async () => {
    const user = id("U");
    const channel = id("D");
    await slack.event(envelope(dm(user, channel, WITH_MORE)));
    const calls = await settledPosts(postsTo(channel), 1);
    expect(calls[0]!.body.thread_ts).toBeUndefined();
    expect(blockText(calls[0]!.body.blocks)).toContain("Bronnen");
    const message = posted(calls[0]!, 2);
    const more = buttons(message.blocks).find((b) => b.action_id.startsWith("ask.moreSources|"));
    expect(more).toBeDefined();

    await slack.interaction(blockActions(user, message, more!));
    const after = await settledPosts(postsTo(channel), 2);
    expect(blockText(after[1]!.body.blocks)).toContain("Meer bronnen");

    await slack.event(envelope(dm(user, channel, ANSWERED, { bot_id: "B0OTHER" })));
    await slack.event(envelope(dm(user, channel, ANSWERED, { subtype: "message_changed" })));
    await slack.event(envelope(dm(fake.team.botUserId, channel, ANSWERED)));
    expect(await fake.quietFor(1000, (c) => "method" in c && postsTo(channel)(c))).toBe(0);
  });

  it("acks /wegwijs vraag at once and answers through the response_url; /wegwijs alone gives help", async () => {
    const user = id("U");
    const channel = id("C");
    const command = (text: string) => ({
      token: "legacy",
      team_id: fake.team.id,
      team_domain: "wegwijs-test",
      channel_id: channel,
      channel_name: "jeugdhulp",
      user_id: user,
      user_name: "tester",
      command: "/wegwijs",
      text,
      api_app_id: "A0WEGWIJS",
      is_enterprise_install: "false",
      response_url: fake.responseUrl(),
      trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    });

    const ask = command(`vraag ${ANSWERED}`);
    const started = Date.now();
    const ack = await slack.command(ask);
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const answer = await fake.waitFor(() => fake.responses.find((r) => ask.response_url.endsWith(r.id)));
    expect(answer.body.response_type).toBe("ephemeral");
    expect(blockText(answer.body.blocks)).toContain("Bronnen");

    const help = command("");
    await slack.command(help);
    const helpAnswer = await fake.waitFor(() => fake.responses.find((r) => help.response_url.endsWith(r.id)));
    expect(blockText(helpAnswer.body.blocks)).toMatch(/Hoi! Ik ben Wegwijs/);
    expect(blockText(helpAnswer.body.blocks)).toContain("/wegwijs vraag");

    const unknown = command("planning maken");
    await slack.command(unknown);
    const unknownAnswer = await fake.waitFor(() => fake.responses.find((r) => unknown.response_url.endsWith(r.id)));
    expect(blockText(unknownAnswer.body.blocks)).toMatch(/Hoi! Ik ben Wegwijs/);

    const route = command("route");
    await slack.command(route);
    const routeAnswer = await fake.waitFor(() => fake.responses.find((r) => route.response_url.endsWith(r.id)));
    expect(routeAnswer.body.response_type).toBe("ephemeral");
    // The route walk starts: the user picks one of the region's routes with a button.
    expect(JSON.stringify(routeAnswer.body.blocks)).toContain("route.");

    // (spoedberaad starts a shared checklist in the channel: spoedberaadSlack.test.ts.)
    // "consult" opens its form as a modal right after the ack (trigger_id lives three seconds).
    const consult = command("consult");
    await slack.command(consult);
    const opened = await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === consult.trigger_id));
    expect(JSON.stringify(opened.body.view)).toContain("Consultaanvraag");
    // Nothing was posted in the channel itself.
    expect(fake.calls.filter(postsTo(channel))).toHaveLength(0);
  });

  it("publishes the App Home tab on app_home_opened", async () => {
    const user = id("U");
    await slack.event(envelope({ type: "app_home_opened", user, channel: id("D"), tab: "home", event_ts: ts() }));
    const call = await fake.waitFor(() => fake.callsTo("views.publish").find((c) => c.body.user_id === user));
    expect(call.body.view.type).toBe("home");
    const text = blockText(call.body.view.blocks);
    expect(text).toContain("Jouw consultaanvragen");
    expect(text).toContain("nog geen consultaanvragen");
    expect(text).toMatch(/Noem geen namen, BSN/);
    expect(text).toContain("/wegwijs vraag");

    // The Messages tab fires the same event: no view for it.
    const messagesUser = id("U");
    await slack.event(envelope({ type: "app_home_opened", user: messagesUser, channel: id("D"), tab: "messages", event_ts: ts() }));
    expect(await fake.quietFor(500, (c) => "method" in c && c.method === "views.publish" && c.body.user_id === messagesUser)).toBe(0);
  });

  it("opens a modal from the global shortcut and answers its submission in a DM", async () => {
    const user = id("U");
    const triggerId = `${nowSeconds()}.1.${randomUUID()}`;
    const opened = await slack.interaction({
      type: "shortcut",
      token: "legacy",
      action_ts: ts(),
      team: { id: fake.team.id, domain: "wegwijs-test" },
      user: { id: user, username: "tester", team_id: fake.team.id },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: "wegwijs_vraag",
      trigger_id: triggerId,
    });
    expect(opened.status).toBe(200);
    const open = await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === triggerId));
    expect(open.body.view).toMatchObject({ type: "modal", callback_id: "wegwijs_vraag_modal" });
    const input = open.body.view.blocks.find((b: any) => b.type === "input");

    const submission = (value: string) => ({
      type: "view_submission",
      team: { id: fake.team.id, domain: "wegwijs-test" },
      user: { id: user, username: "tester", name: "tester", team_id: fake.team.id },
      api_app_id: "A0WEGWIJS",
      token: "legacy",
      trigger_id: `${nowSeconds()}.2.${randomUUID()}`,
      view: {
        ...open.body.view,
        id: "V0MODAL",
        team_id: fake.team.id,
        state: { values: { [input.block_id]: { [input.element.action_id]: { type: "plain_text_input", value } } } },
        hash: randomUUID(),
        private_metadata: "",
        root_view_id: "V0MODAL",
        app_id: "A0WEGWIJS",
        bot_id: fake.team.botId,
      },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });

    const empty = await slack.interaction(submission("   "));
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ response_action: "errors", errors: { [input.block_id]: "Vul je vraag in." } });

    const submitted = await slack.interaction(submission(ANSWERED));
    expect(submitted.status).toBe(200);
    const dmOpen = await fake.waitFor(() => fake.callsTo("conversations.open").find((c) => c.body.users === user));
    const dmChannel = `D${user.replace(/^U/, "")}`;
    expect(dmOpen).toBeDefined();
    const [answer] = await settledPosts(postsTo(dmChannel), 1);
    expect(blockText(answer!.body.blocks)).toContain("Bronnen");
  });

  it("greets in a new assistant thread with suggested prompts and answers there after setting a status", async () => {
    const user = id("U");
    const channel = id("D");
    const threadTs = ts();
    await slack.event(
      envelope({
        type: "assistant_thread_started",
        assistant_thread: { user_id: user, context: { channel_id: id("C"), team_id: fake.team.id, enterprise_id: null }, channel_id: channel, thread_ts: threadTs },
        event_ts: ts(),
      }),
    );
    const prompts = await fake.waitFor(() => fake.callsTo("assistant.threads.setSuggestedPrompts").find((c) => c.body.channel_id === channel));
    expect(prompts.body.thread_ts).toBe(threadTs);
    // Four prompts that fit the configured region: its example questions.
    expect(prompts.body.prompts).toEqual(region.exampleQuestions.map((e) => ({ title: e.title, message: e.question })));
    expect(prompts.body.prompts).toHaveLength(4);
    const [greeting] = await settledPosts(postsTo(channel, threadTs), 1);
    expect(blockText(greeting!.body.blocks)).toMatch(/Ik ben Wegwijs/);

    await slack.event(envelope(dm(user, channel, ANSWERED, { thread_ts: threadTs })));
    const replies = await settledPosts(postsTo(channel, threadTs), 2);
    expect(blockText(replies[1]!.body.blocks)).toContain("Bronnen");
    const status = fake.callsTo("assistant.threads.setStatus").find((c) => c.body.channel_id === channel);
    expect(status?.body).toMatchObject({ thread_ts: threadTs, status: "bezig..." });
    expect(fake.calls.indexOf(status!)).toBeLessThan(fake.calls.indexOf(replies[1]!));
    // The first question names the thread; a second question does not rename it.
    const titles = () => fake.callsTo("assistant.threads.setTitle").filter((c) => c.body.channel_id === channel);
    expect(titles().map((c) => c.body)).toEqual([expect.objectContaining({ thread_ts: threadTs, title: ANSWERED })]);
    await slack.event(envelope(dm(user, channel, OTHER, { thread_ts: threadTs })));
    await settledPosts(postsTo(channel, threadTs), 3);
    expect(titles()).toHaveLength(1);
  });

  it("answers malformed JSON, unknown payloads and event types, oversized bodies and unknown buttons clearly, and keeps serving", async () => {
    const rejected = (reason: string) => logLines(app).filter((l) => l.level === 40 && l.msg === "slack request rejected" && l.reason === reason);

    const malformed = await slack.raw('{"type": "event_callback", "event": ', "application/json");
    expect(malformed.status).toBe(400);
    expect(malformed.json).toEqual({ ok: false, error: "Ongeldige JSON of formulierdata in het verzoek" });
    expect(rejected("malformed_body")).toHaveLength(1);

    const badForm = await slack.raw("payload=%7Bnot-json", "application/x-www-form-urlencoded");
    expect(badForm.status).toBe(400);
    expect(rejected("malformed_body")).toHaveLength(2);

    const started = Date.now();
    const unknownType = await slack.event({ type: "something_new", token: "legacy" });
    expect(unknownType.status).toBe(400);
    expect(unknownType.json).toEqual({ ok: false, error: "Onbekend soort Slack-verzoek" });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(rejected("unknown_type")[0]).toMatchObject({ type: "something_new" });

    // An event type nobody subscribed to is acknowledged (else Slack retries) and logged.
    const reaction = await slack.event(envelope({ type: "reaction_added", user: id("U"), reaction: "thumbsup", item: { type: "message", channel: id("C"), ts: ts() }, event_ts: ts() }));
    expect(reaction.status).toBe(200);
    await fake.waitFor(() => (logLines(app).some((l) => l.level === 40 && l.msg === "slack event type not handled" && l.eventType === "reaction_added") ? true : undefined));

    const huge = envelope(mention(id("U"), id("C"), `${ANSWERED} ${"x".repeat(1_100_000)}`));
    const tooLarge = await slack.event(huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json).toEqual({ ok: false, error: "Verzoek is te groot (max 1 MB)" });
    expect(rejected("too_large")).toHaveLength(1);

    // A button from an older version (no numbered action_id) and one whose id the bot does not know.
    const user = id("U");
    const channel = id("C");
    const message: PostedMessage & { ts: string } = { via: "chat.postMessage", channel, text: "oud", blocks: [], ts: ts() };
    const legacy = await slack.interaction(blockActions(user, message, { action_id: "legacy_button", value: "1" }));
    expect(legacy.status).toBe(200);
    const notice = await fake.waitFor(() => fake.callsTo("chat.postEphemeral").find((c) => c.body.channel === channel && c.body.user === user));
    expect(notice.body.text).toMatch(/Deze knop ken ik niet/);
    const unknownButton = await slack.interaction(blockActions(user, message, { action_id: "nofeature.doesNotExist|0", value: "1" }));
    expect(unknownButton.status).toBe(200);
    await fake.waitFor(() => (fake.callsTo("chat.postEphemeral").filter((c) => c.body.channel === channel).length === 2 ? true : undefined));
    expect(fake.callsTo("chat.postEphemeral").filter((c) => c.body.channel === channel).every((c) => /Deze knop ken ik niet/.test(c.body.text))).toBe(true);
    const warned = logLines(app).filter((l) => l.level === 40 && /^slack action id (not ours|unknown)$/.test(l.msg));
    expect(warned.map((l) => l.actionId)).toEqual(expect.arrayContaining(["legacy_button", "nofeature.doesNotExist"]));

    // Still serving: a normal mention is answered.
    const after = id("C");
    await slack.event(envelope(mention(id("U"), after, ANSWERED)));
    await settledPosts(postsTo(after), 1);
    expect(logLines(app).filter((l) => l.level >= 50)).toEqual([]);
  });

  it("answers a shortcut nobody listens for with a JSON 404 after Slack's 3 seconds, and logs it", async () => {
    const response = await slackOther.interaction({
      type: "shortcut",
      token: "legacy",
      action_ts: ts(),
      team: { id: fake.team.id, domain: "wegwijs-test" },
      user: { id: id("U"), username: "tester", team_id: fake.team.id },
      callback_id: "iets_anders",
      trigger_id: `${nowSeconds()}.3.${randomUUID()}`,
    });
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ ok: false, error: "Geen verwerking voor dit Slack-verzoek" });
    expect(logLines(other).some((l) => l.level === 40 && l.msg === "slack request not acknowledged: no listener for it")).toBe(true);
  });

  it("logs a Slack API refusal as one error line and keeps serving", async () => {
    const refused = id("C");
    fake.refuseChannel(refused, "not_in_channel");
    // "help": no answer is recorded, so nothing is left in Redis for a message that never arrived.
    expect((await slackOther.event(envelope(mention(id("U"), refused, "help")))).status).toBe(200);
    const failure = await fake.waitFor(() => logLines(other).find((l) => l.msg === "slack listener failed"));
    expect(failure).toMatchObject({ level: 50, surface: "slack" });
    expect(failure.err).toMatch(/not_in_channel/);

    const fine = id("C");
    await slackOther.event(envelope(mention(id("U"), fine, ANSWERED)));
    await settledPosts(postsTo(fine), 1);
  });

  it("finishes an answer that was already acknowledged when the app stops", async () => {
    const stopping = await startWegwijs(env);
    const channel = id("C");
    const acked = await new SlackRequests(`${stopping.baseUrl}/slack/events`, SECRET).event(envelope(mention(id("U"), channel, WITH_MORE)));
    expect(acked.status).toBe(200);
    await stopping.close();
    const calls = fake.calls.filter(postsTo(channel));
    expect(calls).toHaveLength(1);
    expect(blockText(calls[0]!.body.blocks)).toContain("Bronnen");
    expect(logLines(stopping).filter((l) => l.level >= 50)).toEqual([]);
  });
});
