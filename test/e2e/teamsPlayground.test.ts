import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCorpusDir } from "../../src/config.js";
import { AnswerLog } from "../../src/handlers/ask/answerLog.js";
import type { TeamsSurface } from "../../src/integrations/teams/teamsSurface.js";
import { type BotMessage, type Playground, startPlayground } from "../support/playground.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const QUESTION = "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?";
const CARD = "application/vnd.microsoft.card.adaptive";

const corpusDir = defaultCorpusDir(fileURLToPath(new URL("../..", import.meta.url)));
const corpusTitles = (JSON.parse(readFileSync(path.join(corpusDir, "corpus.json"), "utf8")) as { documents: Array<{ title: string }> }).documents.map(
  (d) => d.title,
);

const isCard = (m: BotMessage): boolean => m.attachments.some((a) => a.contentType === CARD);

/**
 * The real app (anonymous Teams mode) and the Microsoft 365 Agents Playground, the Teams client
 * emulator: messages go in through its conversation API and come back over its stream, exactly
 * as its web UI would show them.
 */
describe("Teams in the Agents Playground", () => {
  let app: RunningWegwijs;
  let playground: Playground;
  let answer: BotMessage;
  const answerIds = new Set<string>();
  // Key names hold hashed ids; every key of this file sits under one prefix, removed afterwards.
  const prefix = testPrefix("teams-playground");

  beforeAll(async () => {
    app = await startWegwijs({ TEAMS_ENABLED: "true", REDIS_URL, REDIS_KEY_PREFIX: prefix });
    playground = await startPlayground({ endpoint: `${app.baseUrl}/api/messages` });
  }, 90_000);

  afterAll(async () => {
    try {
      // No log line contains the question.
      for (const line of app?.logs ?? []) expect(line.toLowerCase()).not.toContain(QUESTION.slice(0, 30).toLowerCase());
    } finally {
      await playground?.close();
      await app?.close();
      await cleanPrefix(prefix);
    }
  });

  it("welcomes the user in Dutch when the app is installed", { timeout: 60_000 }, async () => {
    await playground.install();
    const welcome = await playground.waitForReply((m) => isCard(m) && m.cardText.includes("Hoi! Ik ben Wegwijs"), 30_000);
    expect(welcome.cardText).toContain("Noem geen namen, BSN of adressen");
    expect(welcome.cardText).toContain("Zo gebruik je Wegwijs in Teams");
  });

  it("answers a question with an Adaptive Card that cites its sources", { timeout: 60_000 }, async () => {
    const from = playground.messages.length;
    await playground.sendText(QUESTION);
    answer = await playground.waitForReply((m) => isCard(m) && m.cardText.includes("Bronnen"), 45_000, from);

    const card = answer.attachments.find((a) => a.contentType === CARD)!.content;
    expect(card.type).toBe("AdaptiveCard");
    expect(card.version).toBe("1.5");
    expect(answer.cardText).toMatch(/\[1\]/);
    expect(corpusTitles.some((title) => answer.cardText.includes(title))).toBe(true);
    expect(answer.actions.map((a) => a.title)).toEqual(expect.arrayContaining(["👍 Nuttig", "👎 Niet nuttig"]));
    for (const action of answer.actions) {
      const id = /^([0-9a-f-]{36}):/.exec(action.data?.wegwijs?.value ?? "")?.[1];
      if (id) answerIds.add(id);
    }
    // Answered within the turn: no "Even geduld" detour.
    expect(playground.messages.slice(from).some((m) => m.text?.startsWith("Even geduld"))).toBe(false);
  });

  it("'👍 Nuttig' on that card reaches the same feedback handler as Slack's button", { timeout: 60_000 }, async () => {
    const useful = answer.actions.find((a) => a.title === "👍 Nuttig");
    expect(useful?.type).toBe("Action.Submit");
    const answerId = /^([0-9a-f-]{36}):useful$/.exec(useful!.data.wegwijs.value)![1]!;

    const from = playground.messages.length;
    await playground.sendCardAction(useful!.data, answer.messageId);
    const thanks = await playground.waitForReply((m) => m.cardText.includes("Dank je! Fijn dat het hielp."), 30_000, from);
    expect(isCard(thanks)).toBe(true);

    const feedback = await new AnswerLog(app.app.store).feedback(answerId, playground.userAadObjectId);
    expect(feedback).toMatchObject({ rating: "useful", surface: "teams" });
    expect(app.logs.some((l) => l.includes('"kind":"ask.feedback"') && l.includes('"surface":"teams"'))).toBe(true);
  });

  it("'Meer bronnen' shows the other sources of the last answer", { timeout: 60_000 }, async () => {
    const more = answer.actions.find((a) => a.title === "Meer bronnen");
    expect(more).toBeDefined();
    const from = playground.messages.length;
    await playground.sendCardAction(more!.data);
    const reply = await playground.waitForReply((m) => isCard(m) && m.cardText.includes("Meer bronnen"), 30_000, from);
    expect(reply.cardText).toMatch(/\[\d+\]/);
  });

  it("delivers a coordinator notification proactively into the chat", { timeout: 60_000 }, async () => {
    const teams = app.app.surfaces.find((s) => s.name === "teams") as TeamsSurface;
    const from = playground.messages.length;
    const sent = await teams.sendProactive(playground.conversationId, {
      parts: [{ kind: "notice", level: "info", text: "Het spoedberaad van vanmiddag is verplaatst naar 14:00." }],
    });
    expect(sent).toBe(true);
    const notification = await playground.waitForReply((m) => isCard(m) && m.cardText.includes("verplaatst naar 14:00"), 30_000, from);
    expect(notification.conversationId).toBe(playground.conversationId);
  });
});
