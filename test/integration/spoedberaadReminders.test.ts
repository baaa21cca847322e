import { afterAll, describe, expect, it } from "vitest";
import type { ReplyPart } from "../../src/bot/reply.js";
import { REDIS_URL } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { openStream, type PushedEvent } from "../support/sseClient.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

type ChecklistPart = Extract<ReplyPart, { kind: "checklist" }>;

/**
 * Reminders for picked-up items, against real Redis and BullMQ: they survive a restart, fire once
 * with two Wegwijs instances, and not at all once the item is done. The team's interval is set
 * small here (3 s; 12 s across the restart) through WEGWIJS_CHECKLIST_REMINDER_MINUTES.
 */
describe("spoedberaad reminders (real Redis, BullMQ)", () => {
  const RUN = runId();
  const INTERVAL_MS = 3000;
  const env = { REDIS_URL };
  const running: RunningWegwijs[] = [];
  // The restart test's reminder is further out: one pushed while no page listens (the new instance
  // still starting on a busy CI machine, its stream not yet open) would reach no one.
  const RESTART_INTERVAL_MS = 12_000;
  const start = async (interval = INTERVAL_MS) => {
    const app = await startWegwijs({ ...env, WEGWIJS_CHECKLIST_REMINDER_MINUTES: String(interval / 60_000) });
    running.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of running) await app.close();
  });

  async function post(app: RunningWegwijs, user: string, conversation: string, body: object) {
    const response = await fetch(`${app.baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user, conversation, name: "Sanne", ...body }),
    });
    return ((await response.json()) as { replies: Array<{ parts: ReplyPart[] }> }).replies;
  }
  async function pickUp(app: RunningWegwijs, conversation: string, user: string, item = "analyse"): Promise<{ part: ChecklistPart; dueAt: number }> {
    const part = (await post(app, user, conversation, { text: "spoedberaad CASUS-9" })).flatMap((r) => r.parts).find((p): p is ChecklistPart => p.kind === "checklist")!;
    const owned = (await post(app, user, conversation, { action: { id: "spoedberaad.owner", value: `${part.checklistId}:${item}` } }))
      .flatMap((r) => r.parts)
      .find((p): p is ChecklistPart => p.kind === "checklist")!;
    return { part, dueAt: Date.parse(owned.items.find((i) => i.id === item)!.dueAt!) };
  }
  const reminders = (events: PushedEvent[]) => events.filter((e) => JSON.stringify(e.reply).includes("Herinnering voor Sanne"));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("a reminder set before a restart arrives once after it, within a few seconds of its time", { timeout: 60_000 }, async () => {
    const conversation = `rem-${RUN}-restart`;
    const before = await start(RESTART_INTERVAL_MS);
    const { dueAt } = await pickUp(before, conversation, `u-${RUN}-1`);
    await before.close();
    const after = await start(RESTART_INTERVAL_MS);
    const stream = await openStream(after.baseUrl, conversation, `u-${RUN}-1`);
    // Its time may pass while the new instance starts (a busy CI machine): then it is due at once.
    const due = Math.max(dueAt, Date.now());
    while (Date.now() < due + 8000 && reminders(stream.events).length === 0) await sleep(100);
    const arrived = Date.now();
    expect(reminders(stream.events)).toHaveLength(1);
    expect(arrived - due).toBeLessThan(5000);
    expect(JSON.stringify(reminders(stream.events)[0]!.reply)).toContain("Er is een gedeelde verklarende analyse");
    await sleep(2500);
    expect(reminders(stream.events)).toHaveLength(1);
    stream.close();
  });

  it("with two Wegwijs instances it arrives once; after the item is done it does not arrive", { timeout: 40_000 }, async () => {
    const one = await start();
    const two = await start();
    const conversation = `rem-${RUN}-two`;
    const stream = await openStream(two.baseUrl, conversation, `u-${RUN}-2`);
    const { dueAt } = await pickUp(one, conversation, `u-${RUN}-2`);

    const doneConversation = `rem-${RUN}-done`;
    const doneStream = await openStream(one.baseUrl, doneConversation, `u-${RUN}-3`);
    const picked = await pickUp(two, doneConversation, `u-${RUN}-3`, "regie");
    await post(one, `u-${RUN}-3`, doneConversation, { action: { id: "spoedberaad.set", value: `${picked.part.checklistId}:regie:done` } });

    // Until the first has arrived (or clearly will not), then long enough for a second to show.
    const lastDue = Math.max(dueAt, picked.dueAt);
    while (Date.now() < lastDue + 8000 && reminders(stream.events).length === 0) await sleep(200);
    const settled = Math.max(Date.now(), lastDue) + 2500;
    while (Date.now() < settled) await sleep(200);
    expect(reminders(stream.events)).toHaveLength(1);
    expect(reminders(doneStream.events)).toHaveLength(0);
    stream.close();
    doneStream.close();
  });
});
