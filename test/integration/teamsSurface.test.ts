import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/router/router.js";
import { Directory } from "../../src/bot/directory.js";
import { AnswerLog } from "../../src/handlers/ask/answerLog.js";
import { createHttpApp } from "../../src/integrations/http/createHttpApp.js";
import { conversationReferenceKey, REFERENCE_SCHEMA_VERSION } from "../../src/integrations/teams/conversationReferences.js";
import { createTeamsSurface, PATIENCE_TEXT, type TeamsSurface } from "../../src/integrations/teams/teamsSurface.js";
import { createLogger } from "../../src/logger.js";
import { startFakeTeamsConnector, type ConnectorCall, type FakeTeamsConnector } from "../support/fakeTeamsConnector.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/** A proactive send through the delivery seam: true when Teams took it. */
function proactive(teams: { deliverer: import("../../src/bot/delivery.js").Deliverer }, conversationId: string, reply: import("../../src/bot/reply.js").Reply): Promise<boolean> {
  return teams.deliverer.deliver({ kind: "conversation", surface: "teams", conversationId }, reply).then(
    () => true,
    () => false,
  );
}

// Questions the default corpus answers (see httpApp.test.ts).
const ANSWERED = "wat moet er bij een spoedberaad aanschuiven?";
const WITH_MORE = "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?";
const QUESTIONS = [ANSWERED, WITH_MORE];
const CARD = "application/vnd.microsoft.card.adaptive";
const BOT = { id: "28:wegwijs-bot", name: "Wegwijs" };

// Every id in this file carries RUN, so Redis keys can be found and removed afterwards.
const RUN = runId();
// Key names hold hashed ids; every key of this file sits under one prefix, removed afterwards.
const PREFIX = testPrefix("teams-surface");
let counter = 0;
const conversationId = () => `conv-${RUN}-${++counter}`;
const userId = () => `user-${RUN}-${++counter}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the condition holds (log lines are written just after the work they describe). */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/** All TextBlock texts of the cards in an activity. */
function cardText(activity: any): string {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const n = node as Record<string, any>;
    if (n.type === "TextBlock" && typeof n.text === "string") out.push(n.text);
    for (const [key, child] of Object.entries(n)) if (key !== "data" && typeof child === "object") visit(child);
  };
  visit((activity.attachments ?? []).map((a: any) => a.content));
  return out.join("\n");
}

function submitButtons(activity: any): Array<{ title: string; data: any }> {
  const out: Array<{ title: string; data: any }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const n = node as Record<string, any>;
    if (n.type === "Action.Submit") out.push({ title: n.title, data: n.data });
    for (const [key, child] of Object.entries(n)) if (key !== "data" && typeof child === "object") visit(child);
  };
  visit((activity.attachments ?? []).map((a: any) => a.content));
  return out;
}

/** An answer as Teams shows it natively: [n] markers whose Citation entities match, and Teams' feedback loop. */
function expectCitedAnswer(activity: any): void {
  expect(activity.text).toMatch(/\[1\]/);
  const entity = (activity.entities ?? []).find((e: any) => e.type === "https://schema.org/Message");
  const markers = [...new Set([...String(activity.text).matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort();
  expect(entity.citation.map((c: any) => c.position).sort()).toEqual(markers);
  for (const claim of entity.citation) expect(claim.appearance.name.length).toBeGreaterThan(0);
  // Extractive answers quote the documents: no AI label.
  expect(entity.additionalType).toBeUndefined();
  expect(activity.channelData).toMatchObject({ feedbackLoopEnabled: true });
}

function logLines(logs: string[]): Array<Record<string, any>> {
  return logs.map((l) => JSON.parse(l) as Record<string, any>);
}

interface Sent {
  status: number;
  body: any;
  ms: number;
}

async function postRaw(baseUrl: string, body: string, headers: Record<string, string> = {}): Promise<Sent> {
  const started = Date.now();
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  let parsed: any;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed, ms: Date.now() - started };
}

describe("Teams surface: real app, Bot Framework activities over HTTP, fake connector", () => {
  let fake: FakeTeamsConnector;
  let app: RunningWegwijs;
  let teams: TeamsSurface;
  const conversations = new Set<string>();
  const users = new Set<string>();
  const answerIds = new Set<string>();

  /** A Teams activity as Bot Framework delivers it; serviceUrl points at the fake connector. */
  function activity(conversation: string, user: string, fields: Record<string, unknown>): Record<string, unknown> {
    conversations.add(conversation);
    users.add(user);
    return {
      type: "message",
      id: randomUUID(),
      channelId: "msteams",
      serviceUrl: fake.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: "nl-NL",
      from: { id: `29:${user}`, aadObjectId: user, name: "Test Gebruiker" },
      recipient: BOT,
      conversation: { id: conversation, conversationType: "personal", tenantId: "tenant-1" },
      channelData: { tenant: { id: "tenant-1" } },
      ...fields,
    };
  }

  const send = (body: Record<string, unknown>, baseUrl = app.baseUrl) => postRaw(baseUrl, JSON.stringify(body));

  const collectAnswerIds = (calls: ConnectorCall[]): void => {
    for (const call of calls) {
      for (const b of submitButtons(call.activity)) {
        const id = /^([0-9a-f-]{36})(?::|$)/.exec(b.data?.wegwijs?.value ?? "")?.[1];
        if (id) answerIds.add(id);
      }
    }
  };

  beforeAll(async () => {
    fake = await startFakeTeamsConnector();
    app = await startWegwijs({ TEAMS_ENABLED: "true", REDIS_URL, WEGWIJS_REDIS_PREFIX: PREFIX });
    teams = app.app.surfaces.find((s) => s.name === "teams") as TeamsSurface;
  });

  afterAll(async () => {
    try {
      collectAnswerIds(fake?.calls ?? []);
      // Anonymous mode sends no token to the connector.
      for (const call of fake?.calls ?? []) expect(call.authorization).toBeUndefined();
      // Every card stays within Teams' message size.
      for (const call of fake?.calls ?? []) expect(JSON.stringify(call.activity).length).toBeLessThan(28 * 1024);
      // No log line contains a question that was asked.
      for (const line of app?.logs ?? []) {
        for (const question of QUESTIONS) expect(line.toLowerCase()).not.toContain(question.slice(0, 30).toLowerCase());
      }
    } finally {
      await app?.close();
      await fake?.close();
      await cleanPrefix(PREFIX);
    }
  });

  it("welcomes on install, stores the conversation reference, and sends proactively to it later", async () => {
    const conversation = conversationId();
    const user = userId();
    const install = activity(conversation, user, {
      type: "conversationUpdate",
      membersAdded: [{ id: `29:${user}`, aadObjectId: user }, { id: BOT.id }],
    });
    delete install.text;
    const response = await send(install);
    expect(response.status).toBe(200);

    const [welcome] = await fake.waitForMessages(conversation, 1);
    expect(welcome!.activity.attachments[0].contentType).toBe(CARD);
    expect(cardText(welcome!.activity)).toContain("Hoi! Ik ben Wegwijs");
    expect(cardText(welcome!.activity)).toContain("Noem geen namen, BSN of adressen");

    // The stored reference: ids and service URL, no display names.
    const stored = await app.app.store.get<any>(conversationReferenceKey(conversation), REFERENCE_SCHEMA_VERSION);
    expect(stored.reference.conversation.id).toBe(conversation);
    expect(stored.reference.serviceUrl).toBe(fake.serviceUrl);
    expect(JSON.stringify(stored)).not.toContain("Test Gebruiker");

    // A coordinator notification, later, outside any turn.
    const delivered = await proactive(teams, conversation, { parts: [{ kind: "notice", level: "info", text: "Het spoedberaad is verplaatst naar 14:00." }] });
    expect(delivered).toBe(true);
    const messages = await fake.waitForMessages(conversation, 2);
    const notification = messages[1]!;
    // A new message in the conversation, not a reply to anything.
    expect(notification.replyToActivityId).toBeUndefined();
    expect(notification.activity.replyToId).toBeUndefined();
    expect(cardText(notification.activity)).toContain("Het spoedberaad is verplaatst naar 14:00.");
    // Plain fallback for the toast.
    expect(notification.activity.text).toContain("Het spoedberaad is verplaatst");
    expect(notification.activity.summary).toContain("Het spoedberaad is verplaatst");
    expect(notification.activity.recipient?.id).toBe(`29:${user}`);

    // Unknown conversations are not guessed at.
    expect(await proactive(teams, `conv-${RUN}-never-seen`, { parts: [{ kind: "text", text: "hallo" }] })).toBe(false);
  });

  it("posts a new message instead of an update when the message to replace came back without an id", async () => {
    const conversation = conversationId();
    const user = userId();
    const install = activity(conversation, user, { type: "conversationUpdate", membersAdded: [{ id: `29:${user}`, aadObjectId: user }, { id: BOT.id }] });
    delete install.text;
    await send(install);
    await fake.waitForMessages(conversation, 1);
    // The Agents Playground answers a card with 202 and no id (new-user try: every redraw failed).
    const target = { kind: "conversation" as const, surface: "teams" as const, conversationId: conversation };
    const ref = await teams.deliverer.deliver(target, { parts: [{ kind: "text", text: "stand 2 van 9" }] }, { replaces: { surface: "teams", conversationId: conversation, messageId: "" } });
    expect(ref.messageId).not.toBe("");
    const messages = await fake.waitForMessages(conversation, 2);
    expect(messages[1]!.activity.text).toContain("stand 2 van 9");
    expect(fake.updatesTo(conversation)).toHaveLength(0);
  });

  it("stores the reference at first contact too, and forgets it when Teams says the app is gone", async () => {
    const conversation = conversationId();
    const user = userId();
    expect(await proactive(teams, conversation, { parts: [{ kind: "text", text: "nog niet" }] })).toBe(false);
    await send(activity(conversation, user, { text: "help" }));
    await fake.waitForMessages(conversation, 1);
    expect(await app.app.store.get(conversationReferenceKey(conversation), REFERENCE_SCHEMA_VERSION)).toBeDefined();

    fake.failConversation(conversation, 403);
    expect(await proactive(teams, conversation, { parts: [{ kind: "text", text: "herinnering" }] })).toBe(false);
    expect(await app.app.store.get(conversationReferenceKey(conversation), REFERENCE_SCHEMA_VERSION)).toBeUndefined();
    expect(logLines(app.logs).some((l) => l.msg === "teams proactive message not delivered" && l.status === 403)).toBe(true);
  });

  it("answers a question with an Adaptive Card with sources, and a redelivered activity id never gets a second reply", async () => {
    const conversation = conversationId();
    const user = userId();
    const question = activity(conversation, user, { text: ANSWERED, textFormat: "plain" });

    // Teams redelivers when unsure; two at once and one later.
    const [a, b] = await Promise.all([send(question), send(question)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [reply] = await fake.waitForMessages(conversation, 1);
    await sleep(500);
    const count = fake.messagesTo(conversation).length;
    const again = await send(question);
    expect(again.status).toBe(200);
    await sleep(800);
    expect(fake.messagesTo(conversation)).toHaveLength(count);

    // The answer is a reply to the question: Teams-native text with [n] Citation entities and
    // Teams' own feedback loop (no card buttons for 👍 / 👎).
    expect(reply!.replyToActivityId).toBe(question.id);
    expectCitedAnswer(reply!.activity);
    for (const call of fake.messagesTo(conversation)) {
      expect(submitButtons(call.activity).map((b) => b.title)).not.toContain("👍 Nuttig");
    }
    expect(logLines(app.logs).some((l) => l.msg === "teams activity redelivered; ignored")).toBe(true);
  });

  it("answers an @mention in a channel thread with the mention stripped", async () => {
    const thread = `19:channel-${RUN}@thread.tacv2;messageid=1700000000001`;
    const conversation = `conv-${RUN}-channel-${thread}`;
    const user = userId();
    const mentionText = `<at>${BOT.name}</at>`;
    const message = activity(conversation, user, {
      text: `${mentionText} ${ANSWERED}`,
      textFormat: "plain",
      conversation: { id: conversation, conversationType: "channel", isGroup: true, tenantId: "tenant-1" },
      entities: [{ type: "mention", mentioned: BOT, text: mentionText }],
    });
    await send(message);
    const [reply] = await fake.waitForMessages(conversation, 1);
    expect(reply!.replyToActivityId).toBe(message.id);
    expectCitedAnswer(reply!.activity);
    await sleep(500);
    const count = fake.messagesTo(conversation).length;

    // A bare mention is a request for help, not an empty question.
    await send(activity(conversation, user, { ...message, id: randomUUID(), text: mentionText }));
    const help = (await fake.waitForMessages(conversation, count + 1))[count];
    expect(cardText(help!.activity)).toContain("Zo gebruik je Wegwijs in Teams");
  });

  it("stores Teams' own feedback (message/submitAction) in the same store: one vote per answer, reason filtered", async () => {
    const conversation = conversationId();
    const user = userId();
    await send(activity(conversation, user, { text: `vraag ${WITH_MORE}` }));
    const [answer] = await fake.waitForMessages(conversation, 1);
    expectCitedAnswer(answer!.activity);
    await sleep(300);

    /** The invoke Teams sends when the user rates the message with the id Teams gave it. */
    const rate = (reaction: "like" | "dislike", feedbackText = "") =>
      send(
        activity(conversation, user, {
          type: "invoke",
          name: "message/submitAction",
          replyToId: answer!.id,
          value: { actionName: "feedback", actionValue: { reaction, feedback: JSON.stringify({ feedbackText }) } },
        }),
      );
    // The answer's id, as its "Meer bronnen" card button carries it.
    const more = fake.messagesTo(conversation).flatMap((c) => submitButtons(c.activity)).find((b) => b.title === "Meer bronnen");
    const answerId = more?.data.wegwijs.value as string;
    expect(answerId).toMatch(/^[0-9a-f-]{36}$/);
    answerIds.add(answerId);
    const log = new AnswerLog(app.app.store);
    const poll = async (done: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await done()); i++) await sleep(20);
    };

    const like = await rate("like");
    expect(like.status).toBe(200);
    await poll(async () => (await log.feedback(answerId, user)) !== undefined);
    expect(await log.feedback(answerId, user)).toMatchObject({ rating: "useful", surface: "teams" });

    const dislike = await rate("dislike", "Niet wat ik zocht, bel 0612345678");
    expect(dislike.status).toBe(200);
    await poll(async () => Boolean((await log.feedback(answerId, user))?.reason));
    const votes = await log.votes(answerId);
    expect(Object.keys(votes)).toEqual([user]);
    expect(votes[user]).toMatchObject({ rating: "not_useful", surface: "teams", reason: expect.stringContaining("Niet wat ik zocht") });
    expect(votes[user]!.reason).not.toContain("0612345678");
    expect(fake.messagesTo(conversation).some((c) => /Dank je/.test(JSON.stringify(c.activity)))).toBe(false);

    // Feedback on a message that is not an answer is acknowledged and ignored.
    const stray = await send(
      activity(conversation, user, { type: "invoke", name: "message/submitAction", replyToId: "unknown", value: { actionName: "feedback", actionValue: { reaction: "like" } } }),
    );
    expect(stray.status).toBe(200);

    // "Meer bronnen" (a card button) still works and belongs to this answer.
    const before = fake.messagesTo(conversation).length;
    await send(activity(conversation, user, { replyToId: "card-1", value: more!.data }));
    const moreReply = (await fake.waitForMessages(conversation, before + 1))[before];
    expect(cardText(moreReply!.activity)).toContain("Meer bronnen");
  });

  it("answers unknown buttons, card data that is not ours, commands and non-text messages with a Dutch notice", async () => {
    const conversation = conversationId();
    const user = userId();
    await send(activity(conversation, user, { value: { wegwijs: { id: "ask.bestaatNiet", value: "x" } } }));
    await send(activity(conversation, user, { value: { someOtherBot: true } }));
    const [unknownId, notOurs] = await fake.waitForMessages(conversation, 2);
    expect(cardText(unknownId!.activity)).toContain("Deze knop ken ik niet (meer)");
    expect(cardText(notOurs!.activity)).toContain("Deze knop ken ik niet (meer)");

    // A command word from the registry: "consult" opens the consult form.
    await send(activity(conversation, user, { text: "consult" }));
    const [, , form] = await fake.waitForMessages(conversation, 3);
    expect(cardText(form!.activity)).toContain("Consultaanvraag");

    const picture = activity(conversation, user, { attachments: [{ contentType: "image/png", contentUrl: "https://example.org/x.png" }] });
    delete picture.text;
    await send(picture);
    const [, , , textOnly] = await fake.waitForMessages(conversation, 4);
    expect(cardText(textOnly!.activity)).toContain("Ik kan alleen tekst lezen");
  });

  it("passes 'route' and its buttons to the bot core, like every other surface", async () => {
    const conversation = conversationId();
    const user = userId();
    await send(activity(conversation, user, { text: "route" }));
    const [picker] = await fake.waitForMessages(conversation, 1);
    expect(cardText(picker!.activity)).toContain("Plaatsingsroute");
    const choose = submitButtons(picker!.activity).find((b) => String(b.data?.wegwijs?.id).startsWith("route."));
    expect(choose).toBeDefined();

    await send(activity(conversation, user, { replyToId: "card-2", value: choose!.data }));
    const [, step] = await fake.waitForMessages(conversation, 2);
    expect(step!.activity.attachments[0].contentType).toBe(CARD);
    expect(cardText(step!.activity)).not.toContain("Deze knop ken ik niet");
  });

  it("rejects malformed and oversized payloads with a clear JSON error and a warning, and keeps running", async () => {
    const before = app.logs.length;
    const broken = await postRaw(app.baseUrl, '{"type": "message", "text": ');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatch(/Ongeldige JSON/);

    const noConversation = await send({ type: "message", id: randomUUID(), channelId: "msteams", serviceUrl: fake.serviceUrl, from: { id: "29:x" }, recipient: BOT, text: "hoi" });
    expect(noConversation.status).toBe(400);
    expect(noConversation.body.error).toBe("Ongeldige Teams-activity");
    expect(noConversation.body.problems).toContain("conversation");

    const badUrl = await send(activity(conversationId(), userId(), { serviceUrl: "file:///etc/passwd", text: "hoi" }));
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.problems).toContain("serviceUrl");

    const notObject = await postRaw(app.baseUrl, "[1,2,3]");
    expect(notObject.status).toBe(400);

    const notJson = await postRaw(app.baseUrl, "type=message", { "content-type": "application/x-www-form-urlencoded" });
    expect(notJson.status).toBe(400);

    const huge = activity(conversationId(), userId(), { text: "x".repeat(1024 * 1024 + 10) });
    const tooLarge = await send(huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatch(/te groot/);

    const warnings = logLines(app.logs.slice(before)).filter((l) => l.msg === "teams activity rejected");
    expect(warnings.length).toBeGreaterThanOrEqual(6);
    expect(warnings.every((l) => l.level === 40 && l.surface === "teams")).toBe(true);

    // Still answering.
    const health = await fetch(`${app.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const conversation = conversationId();
    await send(activity(conversation, userId(), { text: "help" }));
    await fake.waitForMessages(conversation, 1);
  });
});

describe("Teams surface: the 15-second window", () => {
  const SLOW_MS = 1200;
  const WINDOW_MS = 200;
  let fake: FakeTeamsConnector;
  let app: RunningWegwijs;
  let surface: TeamsSurface;
  let server: Server;
  let baseUrl: string;
  const logs: string[] = [];

  beforeAll(async () => {
    fake = await startFakeTeamsConnector();
    app = await startWegwijs({});
    // The real bot, made slow: a deps wrapper only this test uses.
    const slowBot: Bot = {
      registry: app.app.bot.registry,
      handle: async (incoming) => {
        await sleep(SLOW_MS);
        return app.app.bot.handle(incoming);
      },
    };
    const logger = createLogger(
      "info",
      new Writable({
        write(chunk, _e, cb) {
          logs.push(...chunk.toString().split("\n").filter((l: string) => l.trim()));
          cb();
        },
      }),
    );
    surface = createTeamsSurface(
      { bot: slowBot, store: app.app.store, logger, documentCount: () => app.app.knowledge.documentCount, directory: new Directory(), stateTtlSeconds: 3600 },
      {},
      { patienceAfterMs: WINDOW_MS },
    );
    const http = createHttpApp({ logger, routers: [surface.router], ready: async () => ({ ready: true, checks: {} }) });
    server = await new Promise<Server>((resolve) => {
      const s = http.listen(0, "127.0.0.1", () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await surface?.stop();
    await app?.close();
    await fake?.close();
  });

  const message = (conversation: string, text: string) => ({
    type: "message",
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: fake.serviceUrl,
    from: { id: "29:slow-user", aadObjectId: `slow-${RUN}` },
    recipient: BOT,
    conversation: { id: conversation, conversationType: "personal", tenantId: "tenant-1" },
    text,
  });

  it("says 'Even geduld' within the window, ends the turn, and delivers the answer proactively", async () => {
    const conversation = `slow-${RUN}-1`;
    const question = message(conversation, ANSWERED);
    const response = await postRaw(baseUrl, JSON.stringify(question));
    expect(response.status).toBe(200);
    // The turn ended long before the bot was done.
    expect(response.ms).toBeLessThan(SLOW_MS);

    const [patience] = fake.messagesTo(conversation);
    expect(patience!.activity.text).toBe(PATIENCE_TEXT);
    expect(patience!.replyToActivityId).toBe(question.id);

    const [, late] = await fake.waitForMessages(conversation, 2, SLOW_MS + 10_000);
    expectCitedAnswer(late!.activity);
    // Delivered into the conversation afterwards, with a fallback line for the notification.
    expect(late!.replyToActivityId).toBeUndefined();
    expect(late!.activity.text?.length).toBeGreaterThan(0);
    expect(await until(() => logs.some((l) => l.includes("teams late answer delivered")))).toBe(true);
  });

  it("stop() lets an answer still in progress finish before it returns", async () => {
    const conversation = `slow-${RUN}-2`;
    const response = await postRaw(baseUrl, JSON.stringify(message(conversation, "help mij")));
    expect(response.status).toBe(200);
    expect(fake.messagesTo(conversation)).toHaveLength(1);
    await surface.stop();
    // Delivered before stop() resolved.
    expect(fake.messagesTo(conversation)).toHaveLength(2);
    // New activities are refused while stopped.
    const refused = await postRaw(baseUrl, JSON.stringify(message(conversation, "nog een")));
    expect(refused.status).toBe(503);
  });
});

describe("Teams surface: Bot Framework authentication", () => {
  let app: RunningWegwijs;

  beforeAll(async () => {
    app = await startWegwijs({
      MicrosoftAppId: "00000000-0000-0000-0000-000000000abc",
      MicrosoftAppPassword: "not-a-real-secret",
      MicrosoftAppTenantId: "00000000-0000-0000-0000-000000000def",
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("refuses activities without a valid token when an app id is configured", async () => {
    const body = JSON.stringify({
      type: "message",
      id: randomUUID(),
      channelId: "msteams",
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      from: { id: "29:x" },
      recipient: BOT,
      conversation: { id: `conv-${RUN}-auth` },
      text: "hoi",
    });
    expect((await postRaw(app.baseUrl, body)).status).toBe(401);
    expect((await postRaw(app.baseUrl, body, { authorization: "Bearer not.a.jwt" })).status).toBe(401);
    expect((await postRaw(app.baseUrl, body, { authorization: "Basic abc" })).status).toBe(401);
    // No anonymous-mode warning with credentials configured.
    expect(app.logs.some((l) => l.includes("ZONDER authenticatie"))).toBe(false);
    expect(logLines(app.logs).some((l) => l.msg === "teams request not authorised" && l.status === 401)).toBe(true);
  });
});
