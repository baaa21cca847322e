import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCorpusDir } from "../../src/config.js";
import { sourceTitle } from "../../src/bot/sourceTitle.js";
import type { TeamsSurface } from "../../src/integrations/teams/teamsSurface.js";
import { type BotMessage, type Playground, startPlayground } from "../support/playground.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/** A proactive send through the delivery seam: true when Teams took it. */
function proactive(teams: { deliverer: import("../../src/bot/delivery.js").Deliverer }, conversationId: string, reply: import("../../src/bot/reply.js").Reply): Promise<boolean> {
  return teams.deliverer.deliver({ kind: "conversation", surface: "teams", conversationId }, reply).then(
    () => true,
    () => false,
  );
}

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
    app = await startWegwijs({ TEAMS_ENABLED: "true", REDIS_URL, WEGWIJS_REDIS_PREFIX: prefix });
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

  it("answers a question as a Teams message with [n] citations, and its buttons in a card", { timeout: 60_000 }, async () => {
    const from = playground.messages.length;
    await playground.sendText(QUESTION);
    const text = await playground.waitForReply((m) => /\[1\]/.test(m.text ?? ""), 45_000, from);
    expect(text.text!.trim().length).toBeGreaterThan(20);
    // The buttons ("Meer bronnen") follow in a card that belongs to the same answer.
    answer = await playground.waitForReply((m) => isCard(m) && m.actions.some((a) => a.title === "Meer bronnen"), 30_000, from);
    const card = answer.attachments.find((a) => a.contentType === CARD)!.content;
    expect(card.version).toBe("1.5");
    for (const action of answer.actions) {
      const id = /^([0-9a-f-]{36})$/.exec(action.data?.wegwijs?.value ?? "")?.[1];
      if (id) answerIds.add(id);
    }
    // 👍 / 👎 are Teams' own feedback loop on the message, not card buttons.
    expect(answer.actions.map((a) => a.title)).not.toContain("👍 Nuttig");
    // Answered within the turn: no "Even geduld" detour.
    expect(playground.messages.slice(from).some((m) => m.text?.startsWith("Even geduld"))).toBe(false);
  });

  it("'Meer bronnen' shows the other sources of that answer", { timeout: 60_000 }, async () => {
    const more = answer.actions.find((a) => a.title === "Meer bronnen");
    expect(more?.data.wegwijs.value).toMatch(/^[0-9a-f-]{36}$/);
    const from = playground.messages.length;
    await playground.sendCardAction(more!.data, answer.messageId);
    const reply = await playground.waitForReply((m) => isCard(m) && m.cardText.includes("Meer bronnen"), 30_000, from);
    expect(reply.cardText).toMatch(/\[\d+\]/);
    expect(corpusTitles.some((title) => reply.cardText.includes(sourceTitle({ documentTitle: title })))).toBe(true);
  });

  it("delivers a coordinator notification proactively into the chat", { timeout: 60_000 }, async () => {
    const teams = app.app.surfaces.find((s) => s.name === "teams") as TeamsSurface;
    const from = playground.messages.length;
    const sent = await proactive(teams, playground.conversationId, {
      parts: [{ kind: "notice", level: "info", text: "Het spoedberaad van vanmiddag is verplaatst naar 14:00." }],
    });
    expect(sent).toBe(true);
    const notification = await playground.waitForReply((m) => isCard(m) && m.cardText.includes("verplaatst naar 14:00"), 30_000, from);
    expect(notification.conversationId).toBe(playground.conversationId);
  });
});
