import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSlackActionId } from "../../src/integrations/slack/blockKit.js";
import { OUTBOX_STREAM } from "../../src/records/redisRecordStore.js";
import { startFakeSlackApi, type FakeSlackApi, type PostedMessage } from "../support/fakeSlackApi.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { spawnWegwijs, type WegwijsProcess } from "../support/wegwijsProcess.js";

/**
 * Spoedberaad reminders with real, separate Wegwijs OS processes (`src/main.ts`, as `npm start`
 * runs it) on one Redis key prefix, driven through Slack: signed requests to the processes, a fake
 * Slack Web API in this test process that sees every chat.postMessage of all of them. The team's
 * reminder interval is a few seconds here (WEGWIJS_CHECKLIST_REMINDER_MINUTES takes decimals).
 */
describe("spoedberaad reminders across Wegwijs OS processes (Slack, Redis, BullMQ)", () => {
  const SECRET = `signing-${randomUUID()}`;
  const RUN = randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase();
  const CHAIR = `U${RUN}1`;
  const COLLEAGUE = `U${RUN}2`;
  // Long enough for a fresh process to start before it is due, even on a busy two-core machine.
  const INTERVAL_MS = 8000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let fake: FakeSlackApi;
  let dataDir: string;
  const prefixes: string[] = [];
  const processes: WegwijsProcess[] = [];

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    fake.users.set(CHAIR, "Kees");
    fake.users.set(COLLEAGUE, "Sanne");
    // One index snapshot for every process: the first one builds it, the others load it.
    dataDir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-spoed-procs-"));
  });
  afterAll(async () => {
    for (const p of processes) await p.kill();
    await fake?.close();
    for (const prefix of prefixes) await cleanPrefix(prefix);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Every process of one test shares this prefix (records, outbox, job queue); tests never share one. */
  function newPrefix(): string {
    const prefix = testPrefix("spoed-procs");
    prefixes.push(prefix);
    return prefix;
  }
  async function spawn(prefix: string): Promise<WegwijsProcess> {
    const started = await spawnWegwijs({
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      REDIS_URL,
      WEGWIJS_REDIS_PREFIX: prefix,
      WEGWIJS_DATA_DIR: dataDir,
      WEGWIJS_ANSWER_WORKERS: "0",
      WEGWIJS_WEB_AUTH: "off",
      WEGWIJS_CHECKLIST_REMINDER_MINUTES: String(INTERVAL_MS / 60_000),
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    processes.push(started);
    return started;
  }
  /** For a timeout's error: each process's warnings and errors, and whether it still runs. */
  const processReport = () =>
    processes
      .map((p, i) => {
        const state = p.child.exitCode ?? p.child.signalCode ?? "running";
        const warnings = p.logs.filter((l) => Number(l.level) >= 40).map((l) => `${String(l.msg)}${l.err ? `: ${String(l.err)}` : ""}`);
        return `process ${i} (${state}): ${warnings.join(" | ") || "no warnings"}`;
      })
      .join("\n");
  const slackOf = (p: WegwijsProcess) => new SlackRequests(`${p.baseUrl}/slack/events`, SECRET);

  const shown = (m: PostedMessage) => JSON.stringify(m.blocks ?? m.text);
  const inChannel = (channel: string, via: PostedMessage["via"]) => fake.messages().filter((m) => m.via === via && m.channel === channel);
  const reminders = (channel: string) => inChannel(channel, "chat.postMessage").filter((m) => m.text.includes("Herinnering voor"));
  const remindersSent = (p: WegwijsProcess) => p.logs.filter((l) => l.msg === "spoedberaad herinnering verstuurd").length;

  async function startChecklist(p: WegwijsProcess, channel: string): Promise<PostedMessage> {
    fake.members.set(channel, [CHAIR, COLLEAGUE, fake.team.botUserId]);
    const ack = await slackOf(p).command({
      token: "legacy", team_id: fake.team.id, channel_id: channel, user_id: CHAIR, command: "/wegwijs", text: `spoedberaad CASUS-${RUN}`,
      response_url: fake.responseUrl(), trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    });
    expect(ack.status).toBe(200);
    // A fresh process's first request on a loaded CI machine: a deadline, not a speed check.
    return fake.waitFor(() => inChannel(channel, "chat.postMessage")[0], 30_000, processReport);
  }
  function press(p: WegwijsProcess, channel: string, user: string, card: PostedMessage, id: string, value: string) {
    const element = (card.blocks ?? [])
      .flatMap((b: any) => (b.type === "actions" ? b.elements : []))
      .find((e: any) => decodeSlackActionId(e.action_id) === id && e.value === value);
    if (!element) throw new Error(`no button ${id} ${value}`);
    return slackOf(p).interaction({
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), team_id: fake.team.id },
      team: { id: fake.team.id, domain: "test" },
      api_app_id: "A0WEGWIJS",
      container: { type: "message", message_ts: card.ts, channel_id: channel, is_ephemeral: false },
      channel: { id: channel, name: "spoed" },
      message: { type: "message", ts: card.ts, text: card.text, blocks: card.blocks },
      trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
      response_url: fake.responseUrl(),
      actions: [{ action_id: element.action_id, block_id: "b", type: "button", value: element.value, text: element.text, action_ts: `${nowSeconds()}.1` }],
    });
  }
  const checklistIdOf = (card: PostedMessage): string =>
    String(
      (card.blocks ?? []).flatMap((b: any) => (b.type === "actions" ? b.elements : [])).find((e: any) => decodeSlackActionId(e.action_id) === "spoedberaad.owner")
        ?.value,
    ).split(":")[0]!;

  it("with two processes the reminder arrives once, mentioning the owner; after the item is done it does not arrive", { timeout: 90_000 }, async () => {
    const prefix = newPrefix();
    const one = await spawn(prefix);
    const two = await spawn(prefix);
    const channel = `C${RUN}TWO`;
    const card = await startChecklist(one, channel);
    const checklistId = checklistIdOf(card);

    // Sanne picks up "analyse" through process two, "regie" through process one, and marks "regie"
    // done through process two before its reminder is due.
    const pressedAt = Date.now();
    expect((await press(two, channel, COLLEAGUE, card, "spoedberaad.owner", `${checklistId}:analyse`)).status).toBe(200);
    expect((await press(one, channel, COLLEAGUE, card, "spoedberaad.owner", `${checklistId}:regie`)).status).toBe(200);
    await fake.waitFor(() => inChannel(channel, "chat.update").find((m) => (shown(m).match(/Sanne pakt het op/g) ?? []).length === 2), 15_000, processReport);
    expect((await press(two, channel, COLLEAGUE, card, "spoedberaad.set", `${checklistId}:regie:done`)).status).toBe(200);
    await fake.waitFor(() => inChannel(channel, "chat.update").find((m) => shown(m).includes("✅ 6. Duidelijk is wie de regie heeft")), 15_000, processReport);
    expect(Date.now()).toBeLessThan(pressedAt + INTERVAL_MS);

    const first = await fake.waitFor(() => reminders(channel)[0], INTERVAL_MS + 10_000, processReport);
    expect(Date.now()).toBeGreaterThanOrEqual(pressedAt + INTERVAL_MS);
    // Long enough for a second copy from the other process, or the reminder of the done item.
    await sleep(4000);
    expect(reminders(channel)).toHaveLength(1);
    expect(first.threadTs).toBe(card.ts);
    expect(shown(first)).toContain("Er is een gedeelde verklarende analyse");
    expect(shown(first)).not.toContain("wie de regie heeft");
    // Slack's mention syntax for the owner's user id, in the blocks and in the notification text.
    expect(shown(first)).toContain(`<@${COLLEAGUE}>`);
    expect(first.text).toContain(`<@${COLLEAGUE}>`);
    // Exactly one of the two processes sent it.
    expect(remindersSent(one) + remindersSent(two)).toBe(1);
  });

  it("a reminder scheduled before the process is SIGKILLed arrives once from a freshly spawned one, within a few seconds of its time", { timeout: 90_000 }, async () => {
    const prefix = newPrefix();
    const before = await spawn(prefix);
    const channel = `C${RUN}RST`;
    const card = await startChecklist(before, channel);
    const checklistId = checklistIdOf(card);

    const pressedAt = Date.now();
    expect((await press(before, channel, COLLEAGUE, card, "spoedberaad.owner", `${checklistId}:analyse`)).status).toBe(200);
    await fake.waitFor(() => inChannel(channel, "chat.update").find((m) => shown(m).includes("Sanne pakt het op")), 15_000, processReport);
    const changedBy = Date.now();
    // The outbox is drained: the reminder is a delayed job in the queue, not a message still to relay.
    const redis = new Redis(REDIS_URL, { keyPrefix: prefix });
    try {
      const deadline = Date.now() + 10_000;
      while ((await redis.xlen(OUTBOX_STREAM)) > 0 && Date.now() < deadline) await sleep(50);
      expect(await redis.xlen(OUTBOX_STREAM)).toBe(0);
    } finally {
      redis.disconnect();
    }
    await before.kill();
    expect(Date.now()).toBeLessThan(pressedAt + INTERVAL_MS);
    expect(reminders(channel)).toHaveLength(0);

    const after = await spawn(prefix);
    const reminder = await fake.waitFor(() => reminders(channel)[0], INTERVAL_MS + 15_000, processReport);
    const arrivedAt = Date.now();
    // Due at the press's time plus the interval: not before it, and within a few seconds after.
    expect(arrivedAt).toBeGreaterThanOrEqual(pressedAt + INTERVAL_MS);
    expect(arrivedAt - (changedBy + INTERVAL_MS)).toBeLessThan(5000);
    await sleep(3000);
    expect(reminders(channel)).toHaveLength(1);
    expect(reminder.threadTs).toBe(card.ts);
    expect(shown(reminder)).toContain(`<@${COLLEAGUE}>`);
    expect(remindersSent(before)).toBe(0);
    expect(remindersSent(after)).toBe(1);
  });
});
