import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_URL } from "../support/redis.js";
import { startFakeTeamsConnector, type ConnectorCall, type FakeTeamsConnector } from "../support/fakeTeamsConnector.js";
import { runId } from "../support/runId.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/**
 * The spoedberaad checklist in a Teams group chat: the real app (TEAMS_ENABLED, anonymous) and the
 * fake Bot Framework connector with a roster. Start by message, set an item with Action.Execute
 * (the invoke response is the refreshed card), refuse someone outside the chat, close.
 */
describe("spoedberaad in Teams (fake connector, Redis)", () => {
  const RUN = runId();
  const CONVERSATION = `19:${RUN}@thread.v2`;
  const CHAIR = `aad-chair-${RUN}`;
  const COLLEAGUE = `aad-col-${RUN}`;
  const OUTSIDER = `aad-out-${RUN}`;
  const REMIND_CONVERSATION = `19:${RUN}-remind@thread.v2`;
  const DETAILS_CONVERSATION = `19:${RUN}-details@thread.v2`;
  let fake: FakeTeamsConnector;
  let app: RunningWegwijs;

  beforeAll(async () => {
    fake = await startFakeTeamsConnector();
    fake.members.set(CONVERSATION, [CHAIR, COLLEAGUE]);
    fake.members.set(REMIND_CONVERSATION, [CHAIR, COLLEAGUE]);
    fake.members.set(DETAILS_CONVERSATION, [CHAIR, COLLEAGUE]);
    fake.names.set(CHAIR, "Kees");
    fake.names.set(COLLEAGUE, "Sanne");
    // Reminders 3 s after an item is picked up.
    app = await startWegwijs({ REDIS_URL, TEAMS_ENABLED: "true", WEGWIJS_CHECKLIST_REMINDER_MINUTES: "0.05" });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  const activity = (user: string, name: string, fields: Record<string, unknown>, conversation = CONVERSATION) => ({
    type: "message",
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: fake.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${user}`, aadObjectId: user, name },
    recipient: { id: "28:wegwijs-bot", name: "Wegwijs" },
    conversation: { id: conversation, conversationType: "groupChat", isGroup: true, tenantId: "tenant-1" },
    channelData: { tenant: { id: "tenant-1" } },
    ...fields,
  });
  const send = async (body: object) => {
    const response = await fetch(`${app.baseUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const card = (call: ConnectorCall) => call.activity.attachments?.[0]?.content;
  const actionsOf = (content: unknown): any[] => {
    const out: any[] = [];
    const visit = (node: any) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== "object") return;
      if ((node.type === "Action.Execute" || node.type === "Action.Submit") && node.data?.wegwijs) out.push(node);
      Object.values(node).forEach(visit);
    };
    visit(content);
    return out.filter((a, i) => out.indexOf(a) === i && !out.some((b) => b.fallback === a));
  };
  const execute = (user: string, name: string, action: any, conversation = CONVERSATION) =>
    send(
      activity(user, name, { type: "invoke", name: "adaptiveCard/action", replyToId: "card", value: { action: { type: "Action.Execute", verb: action.verb, data: action.data } } }, conversation),
    );
  const until = async <T>(probe: () => T | undefined, ms = 10_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it("start, Action.Execute set with the refreshed card in the invoke response, outsider refused, close", { timeout: 40_000 }, async () => {
    expect((await send(activity(CHAIR, "Kees", { text: "spoedberaad CASUS-44" }))).status).toBe(200);
    // One card, sent proactively through the outbox so later states update it in place.
    const posted = await until(() => fake.messagesTo(CONVERSATION).find((c) => JSON.stringify(card(c) ?? "").includes("Spoedberaad CASUS-44")));
    const buttons = actionsOf(card(posted));
    const tick = buttons.find((a) => a.data.wegwijs.id === "spoedberaad.set" && a.data.wegwijs.value.endsWith(":aanwezig:done"));
    expect(tick.type).toBe("Action.Execute");

    const invoke = await execute(COLLEAGUE, "Sanne", tick);
    expect(invoke.status).toBe(200);
    expect(invoke.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    const refreshed = JSON.stringify(invoke.body.value);
    expect(refreshed).toContain("1 van 9 klaar");
    expect(refreshed).toContain("gewijzigd door Sanne");
    // Everyone else's copy: the merged redraw updates the same message (updateActivity).
    const updated = await until(() => fake.calls.find((c) => c.updatesActivityId !== undefined));
    expect(updated.updatesActivityId).toBe(posted.id); // the id the connector gave the posted card
    expect(JSON.stringify(card(updated))).toContain("gewijzigd door Sanne");

    // "Waarom deze punten?": the sources in a message of their own, not in the invoke's one-line
    // message (new-user try: a cut-off toast).
    const whyCount = fake.messagesTo(CONVERSATION).length;
    const why = await execute(COLLEAGUE, "Sanne", buttons.find((a) => a.data.wegwijs.id === "spoedberaad.sources"));
    expect(String(why.body.value ?? "")).not.toContain("[1]");
    const sourcesMessage = await until(() => fake.messagesTo(CONVERSATION).slice(whyCount).find((c) => JSON.stringify(c.activity).includes("Bronnen bij")));
    expect(JSON.stringify(sourcesMessage.activity)).toContain("[9]");

    // Someone not in the chat's roster: refused in the invoke's message, nothing stored.
    const outsider = await execute(OUTSIDER, "Piet", buttons.find((a) => a.data.wegwijs.value?.endsWith(":hsj:done")));
    expect(outsider.body).toMatchObject({ type: "application/vnd.microsoft.activity.message" });
    expect(String(outsider.body.value)).toContain("Alleen mensen in dit gesprek");
    const notChair = await execute(COLLEAGUE, "Sanne", buttons.find((a) => a.data.wegwijs.id === "spoedberaad.close"));
    expect(String(notChair.body.value)).toContain("Alleen de voorzitter");

    // The chair closes: the question is asked in the chat, the chair's "Ja, afronden" closes it.
    const countBefore = fake.messagesTo(CONVERSATION).length;
    await execute(CHAIR, "Kees", buttons.find((a) => a.data.wegwijs.id === "spoedberaad.close"));
    const question = await until(() => fake.messagesTo(CONVERSATION).slice(countBefore).find((c) => JSON.stringify(card(c) ?? "").includes("Toch afronden?")));
    const yes = actionsOf(card(question)).find((a) => a.data.wegwijs.id === "spoedberaad.closeConfirmed");
    // "Nog niet" is offered too; pressed, it says so and nothing is closed.
    const notYet = actionsOf(card(question)).find((a) => a.data.wegwijs.id === "spoedberaad.keepOpen");
    expect(notYet).toMatchObject({ title: "Nog niet" });
    await send(activity(CHAIR, "Kees", { value: notYet.data }));
    await until(() => fake.messagesTo(CONVERSATION).slice(countBefore).find((c) => JSON.stringify(card(c) ?? "").includes("blijft open")));
    expect(fake.calls.some((c) => c.updatesActivityId !== undefined && JSON.stringify(card(c)).includes("Afgerond ·"))).toBe(false);
    await send(activity(CHAIR, "Kees", { value: yes.data }));
    await until(() => fake.calls.find((c) => c.updatesActivityId !== undefined && JSON.stringify(card(c)).includes("Afgerond ·")));
    await until(() => fake.messagesTo(CONVERSATION).find((c) => JSON.stringify(card(c) ?? "").includes("Samenvatting Spoedberaad CASUS-44")));
  });

  it("the owner's reminder is a message that @-mentions them: <at>name</at> plus a mention entity with their Teams id", { timeout: 40_000 }, async () => {
    expect((await send(activity(CHAIR, "Kees", { text: "spoedberaad CASUS-45" }, REMIND_CONVERSATION))).status).toBe(200);
    const posted = await until(() => fake.messagesTo(REMIND_CONVERSATION).find((c) => JSON.stringify(card(c) ?? "").includes("Spoedberaad CASUS-45")));
    const pickUp = actionsOf(card(posted)).find((a) => a.data.wegwijs.id === "spoedberaad.owner" && a.data.wegwijs.value.endsWith(":analyse"));
    const invoke = await execute(COLLEAGUE, "Sanne", pickUp, REMIND_CONVERSATION);
    expect(JSON.stringify(invoke.body.value)).toContain("Sanne pakt het op");

    const reminder = await until(() => fake.messagesTo(REMIND_CONVERSATION).find((c) => String(c.activity.text ?? "").includes("Herinnering voor")), 15_000);
    expect(reminder.activity.text).toContain("⏰ Herinnering voor <at>Sanne</at>: \"Er is een gedeelde verklarende analyse");
    expect(reminder.activity.entities).toEqual([{ type: "mention", text: "<at>Sanne</at>", mentioned: { id: `29:${COLLEAGUE}`, name: "Sanne" } }]);
  });

  it("Details answers with a form card for the presser (roster as owners, reminder time, note); a refused note comes back on it in Dutch; saving redraws the card with owner, time and note, and the owner's reminder mentions them", { timeout: 40_000 }, async () => {
    expect((await send(activity(CHAIR, "Kees", { text: "spoedberaad CASUS-46" }, DETAILS_CONVERSATION))).status).toBe(200);
    const posted = await until(() => fake.messagesTo(DETAILS_CONVERSATION).find((c) => JSON.stringify(card(c) ?? "").includes("Spoedberaad CASUS-46")));
    const details = actionsOf(card(posted)).find((a) => a.data.wegwijs.id === "spoedberaad.details" && a.data.wegwijs.value.endsWith(":analyse"));
    expect(details).toMatchObject({ type: "Action.Execute", title: "Details" });

    // The form card, in place of the checklist for Sanne only (the invoke response).
    const opened = await execute(COLLEAGUE, "Sanne", details, DETAILS_CONVERSATION);
    expect(opened.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    const form = opened.body.value;
    const inputs: Record<string, any> = {};
    const visit = (node: any) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== "object") return;
      if (typeof node.type === "string" && node.type.startsWith("Input.")) inputs[node.id] = node;
      Object.values(node).forEach(visit);
    };
    visit(form.body);
    expect(inputs.owner).toMatchObject({ type: "Input.ChoiceSet" });
    // Everyone in the chat's roster, by name (read from the connector's pagedmembers).
    expect(inputs.owner.choices).toEqual(expect.arrayContaining([{ title: "Kees", value: CHAIR }, { title: "Sanne", value: COLLEAGUE }]));
    expect(inputs.dueMinutes.choices.map((c: any) => c.value)).toEqual(["15", "30", "60", "120", "240", "1440"]);
    expect(inputs.note).toMatchObject({ type: "Input.Text", maxLength: 280 });
    expect(fake.calls.some((c) => c.activity?.type === "pagedmembers" && c.conversationId === DETAILS_CONVERSATION)).toBe(true);
    const save = form.actions.find((a: any) => a.title === "Opslaan");
    expect(save).toMatchObject({ type: "Action.Execute", associatedInputs: "auto" });
    expect(form.actions.find((a: any) => a.title === "Annuleren")).toMatchObject({ type: "Action.Execute", data: { wegwijs: { id: "spoedberaad.show" } } });
    // Teams merges the inputs' values into the action's data.
    const submit = (values: Record<string, string>) => execute(COLLEAGUE, "Sanne", { ...save, data: { ...save.data, ...values } }, DETAILS_CONVERSATION);

    const updatesBefore = fake.updatesTo(DETAILS_CONVERSATION).length;
    const refused = await submit({ owner: CHAIR, dueMinutes: "", note: "Moeder bellen op 06-12345678" });
    expect(refused.body).toMatchObject({ type: "application/vnd.microsoft.card.adaptive" });
    const refusedText = JSON.stringify(refused.body.value);
    expect(refusedText).toContain("Niet opgeslagen: de notitie leek een telefoonnummer te bevatten");
    // An organisation's number is refused too, and the refusal says so (team try).
    expect(refusedText).toContain("Ook geen telefoonnummer van een organisatie");
    expect(refusedText).not.toContain("12345678");
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.updatesTo(DETAILS_CONVERSATION)).toHaveLength(updatesBefore);

    // Kees as owner (chosen by Sanne), the team's reminder time, a note: the refreshed card shows them.
    const saved = await submit({ owner: CHAIR, dueMinutes: "", note: "Concept staat klaar" });
    expect(saved.body).toMatchObject({ type: "application/vnd.microsoft.card.adaptive" });
    const savedText = JSON.stringify(saved.body.value);
    // Named by Sanne, not taken up by Kees himself: "Eigenaar", not "Kees pakt het op".
    expect(savedText).toMatch(/Eigenaar: Kees \(herinnering (?:morgen )?\d\d:\d\d\)/);
    expect(savedText).not.toContain("Kees pakt het op");
    expect(savedText).toContain("Notitie: Concept staat klaar");
    expect(savedText).toContain("gewijzigd door Sanne");
    // Its refresh lists the chair and Sanne by their Teams ids.
    expect(saved.body.value.refresh.userIds).toEqual([`29:${CHAIR}`, `29:${COLLEAGUE}`]);
    // Everyone else's copy is updated in place too.
    await until(() => fake.updatesTo(DETAILS_CONVERSATION).find((c) => JSON.stringify(card(c)).includes("Notitie: Concept staat klaar")));
    // Teams' automatic refresh (what a watcher's client invokes when the card comes into view): the stored state.
    const refresh = saved.body.value.refresh.action;
    const refreshed = await send(
      activity(CHAIR, "Kees", { type: "invoke", name: "adaptiveCard/action", replyToId: "card", value: { action: { ...refresh, trigger: "automatic" }, trigger: "automatic" } }, DETAILS_CONVERSATION),
    );
    expect(refreshed.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(JSON.stringify(refreshed.body.value)).toContain("Notitie: Concept staat klaar");

    // The reminder (3 s here) @-mentions Kees by the 29: id from the roster; the note in the same write did not cancel it.
    const reminder = await until(() => fake.messagesTo(DETAILS_CONVERSATION).find((c) => String(c.activity.text ?? "").includes("Herinnering voor")), 15_000);
    expect(reminder.activity.text).toContain("⏰ Herinnering voor <at>Kees</at>");
    expect(reminder.activity.entities).toEqual([{ type: "mention", text: "<at>Kees</at>", mentioned: { id: `29:${CHAIR}`, name: "Kees" } }]);
  });
});
