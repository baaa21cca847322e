import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTeamsConnector, type FakeTeamsConnector } from "../support/fakeTeamsConnector.js";
import { REDIS_URL } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const RUN = runId();
const CHANNEL = `19:sp-${RUN}@thread.tacv2`;
const PERSONAL = `a:personal-${RUN}`;
const ET_CHANNEL = `19:et-${RUN}@thread.tacv2`;
const OTHER_CHAT = `a:other-${RUN}`;
const people = {
  admin: { id: `29:admin-${RUN}`, aadObjectId: `aad-admin-${RUN}`, name: "Ada" },
  coord: { id: `29:coord-${RUN}`, aadObjectId: `aad-coord-${RUN}`, name: "Cor" },
  asker: { id: `29:asker-${RUN}`, aadObjectId: `aad-asker-${RUN}`, name: "Vera" },
  other: { id: `29:other-${RUN}`, aadObjectId: `aad-other-${RUN}`, name: "Otto" },
  et: { id: `29:et-${RUN}`, aadObjectId: `aad-et-${RUN}`, name: "Els" },
  coord2: { id: `29:coord2-${RUN}`, aadObjectId: `aad-coord2-${RUN}`, name: "Cas" },
  newcomer: { id: `29:newcomer-${RUN}`, aadObjectId: `aad-newcomer-${RUN}`, name: "Noor" },
};

/** Every Action.Submit data object in a card, found anywhere in it. */
function submits(node: unknown, out: any[] = []): any[] {
  if (Array.isArray(node)) node.forEach((n) => submits(n, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.data && typeof o.data === "object" && (o.data as any).wegwijs) out.push(o.data);
    Object.values(o).forEach((v) => submits(v, out));
  }
  return out;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const contentOf = (call: { activity: any }) => JSON.stringify(call.activity.attachments?.[0]?.content ?? call.activity.text ?? "");

/**
 * Consult requests end to end through Teams (fake Bot Framework connector, real Redis): an admin
 * links the coordinators' channel, a requester files from the personal chat, the card appears in
 * the channel and is updated in place (updateActivity), claim, ask back, answer, close; roster
 * membership decides who may act.
 */
describe("consult requests through Teams", () => {
  let connector: FakeTeamsConnector;
  let app: RunningWegwijs;

  beforeAll(async () => {
    connector = await startFakeTeamsConnector();
    connector.members.set(CHANNEL, [people.coord.aadObjectId, people.admin.aadObjectId]);
    connector.members.set(ET_CHANNEL, [people.et.aadObjectId, people.admin.aadObjectId]);
    app = await startWegwijs({ TEAMS_ENABLED: "true", REDIS_URL, WEGWIJS_ADMINS: `teams:${people.admin.aadObjectId}` });
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  const send = async (who: keyof typeof people, conversation: string, fields: object) => {
    const channel = conversation.startsWith("19:");
    const res = await fetch(`${app.baseUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message", id: randomUUID(), channelId: "msteams", serviceUrl: connector.serviceUrl, timestamp: new Date().toISOString(),
        from: people[who], recipient: { id: "28:wegwijs-bot", name: "Wegwijs" },
        conversation: { id: conversation, conversationType: channel ? "channel" : "personal", tenantId: "tenant-1" },
        channelData: { tenant: { id: "tenant-1" }, ...(channel ? { channel: { id: conversation }, team: { id: `team-${RUN}` } } : {}) },
        ...fields,
      }),
    });
    expect(res.status).toBe(200);
  };
  /** The first message to the conversation (from its `from`-th on) that matches. */
  const waitFor = async (conversation: string, match: RegExp | string, timeoutMs = 15_000, from = 0) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = connector.messagesTo(conversation).slice(from).find((c) => (typeof match === "string" ? contentOf(c).includes(match) : match.test(contentOf(c))));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no message matching ${match} in ${conversation}; got ${connector.messagesTo(conversation).map(contentOf).join(" | ").slice(0, 1500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const waitForUpdate = async (conversation: string, text: string) => {
    const until = Date.now() + 15_000;
    for (;;) {
      const found = connector.updatesTo(conversation).find((c) => contentOf(c).includes(text));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no update with ${text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it("link, file, card, claim, ask back, answer, close; only roster members of the linked channel act", { timeout: 60_000 }, async () => {
    // Only an admin links a channel.
    await send("other", CHANNEL, { text: "koppel servicepunt" });
    await waitFor(CHANNEL, "Alleen een beheerder");
    await send("admin", CHANNEL, { text: "koppel servicepunt" });
    await waitFor(CHANNEL, "coördinatorenkanaal");
    await send("admin", ET_CHANNEL, { text: "koppel expertteam" });
    await waitFor(ET_CHANNEL, "coördinatorenkanaal");

    await send("asker", PERSONAL, { text: "consult" });
    const formCard = await waitFor(PERSONAL, "Consultaanvraag");
    const submit = submits(formCard.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.submit");
    expect(submit.wegwijs.fieldIds).toEqual(["target", "urgency", "caseRef", "question", "tried", "summary", "callback"]);
    await send("asker", PERSONAL, { value: { ...submit, target: "servicepunt", urgency: "spoed", caseRef: `T-${RUN}`, question: "Welke plek?", tried: "Gebeld", summary: "", callback: "+31 50 123 4567" } });
    const receipt = await waitFor(PERSONAL, /CR-\d{4}-\d{6} is ingediend/);
    const id = contentOf(receipt).match(/CR-\d{4}-\d{6}/)![0];

    const card = await waitFor(CHANNEL, id);
    // The requester's own number, from the card's optional field, is on the coordinators' card.
    expect(JSON.stringify(card.activity.attachments[0].content)).toMatch(/Terugbellen op:[*_]* \+31 50 123 4567/);
    const actions = submits(card.activity.attachments[0].content);
    const byId = (a: string) => actions.find((d) => d.wegwijs.id === a);
    expect([...new Set(actions.map((d) => d.wegwijs.id))]).toEqual(["consult.claim", "consult.ask", "consult.note", "consult.closeWithAdvice", "consult.confirmClose"]);

    // Not in the linked channel's roster: refused; a coordinator of the Expertteam neither.
    await send("other", CHANNEL, { value: byId("consult.claim") });
    await waitFor(CHANNEL, "alleen een coördinator");
    await send("et", ET_CHANNEL, { value: byId("consult.claim") });
    await waitFor(ET_CHANNEL, "alleen een coördinator");
    await send("et", ET_CHANNEL, { value: { ...byId("consult.confirmClose") } });
    const refusals = () => connector.messagesTo(ET_CHANNEL).filter((c) => contentOf(c).includes("alleen een coördinator")).length;
    for (let waited = 0; refusals() < 2 && waited < 10_000; waited += 50) await sleep(50);
    expect(refusals()).toBe(2);

    // Oppakken as Action.Execute (Universal Actions): the confirmation is the invoke's private message.
    const invoke = await fetch(`${app.baseUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "invoke", name: "adaptiveCard/action", id: randomUUID(), channelId: "msteams", serviceUrl: connector.serviceUrl, timestamp: new Date().toISOString(),
        from: people.coord, recipient: { id: "28:wegwijs-bot", name: "Wegwijs" },
        conversation: { id: CHANNEL, conversationType: "channel", tenantId: "tenant-1" }, channelData: { tenant: { id: "tenant-1" } },
        value: { action: { type: "Action.Execute", verb: "consult.claim", data: byId("consult.claim") } },
      }),
    });
    expect(invoke.status).toBe(200);
    expect(JSON.stringify(await invoke.json())).toContain(`Je hebt ${id} opgepakt`);
    await waitForUpdate(CHANNEL, "opgepakt door Cor");
    await waitFor(PERSONAL, `${id} is opgepakt door Cor`);

    await send("coord", CHANNEL, { value: byId("consult.ask") });
    const askForm = await waitFor(CHANNEL, "Vraag aan de aanvrager");
    const askSubmit = submits(askForm.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.ask" && d.wegwijs.fieldIds);
    await send("coord", CHANNEL, { value: { ...askSubmit, question: "Is de gemeente betrokken?" } });
    const question = await waitFor(PERSONAL, "Is de gemeente betrokken?");
    const answerSubmit = submits(question.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.answer");

    // Someone else cannot answer for the requester.
    await send("other", OTHER_CHAT, { value: { ...answerSubmit, answer: "Nee hoor" } });
    await waitFor(OTHER_CHAT, "niet jouw consultaanvraag");
    await send("asker", PERSONAL, { value: { ...answerSubmit, answer: "Ja, sinds maandag." } });
    // The answer is a reply in the card's thread (sent to "<channel>;messageid=<card id>"), not a
    // new message in the channel; so is the question that was asked.
    const thread = `${CHANNEL};messageid=${card.id}`;
    const answered = await waitFor(thread, "Antwoord van de aanvrager: Ja, sinds maandag.");
    expect(answered.thread).toEqual({ channel: CHANNEL, rootId: card.id });
    expect(answered.replyToActivityId).toBeUndefined();
    await waitFor(thread, "Vraag van Cor aan de aanvrager: Is de gemeente betrokken?");
    // The question's card in the personal chat loses its form in place once answered.
    const settled = await waitForUpdate(PERSONAL, "Beantwoord: je antwoord is doorgestuurd.");
    expect(settled.updatesActivityId).toBe(question.id);
    expect(contentOf(settled)).not.toContain("consult.answer");
    expect(connector.messagesTo(CHANNEL).some((c) => /Antwoord van de aanvrager|Vraag aan de aanvrager \(/.test(contentOf(c)))).toBe(false);
    expect(connector.calls.some((c) => contentOf(c).includes("Nee hoor"))).toBe(false);

    // An internal note goes under the card too.
    await send("coord", CHANNEL, { value: byId("consult.note") });
    const noteForm = await waitFor(CHANNEL, "Interne notitie bij");
    const noteSubmit = submits(noteForm.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.note" && d.wegwijs.fieldIds);
    await send("coord", CHANNEL, { value: { ...noteSubmit, note: "Wachtlijst nagevraagd." } });
    await waitFor(thread, "Interne notitie van Cor: Wachtlijst nagevraagd.");
    // In the channel, the line under the card shows the note: the confirmation does not repeat it
    // (team try: read twice). From their personal chat, where that line does not show, it does.
    expect(contentOf(await waitFor(CHANNEL, `Je notitie bij ${id} is opgeslagen`))).not.toContain("Wachtlijst nagevraagd.");
    const coordChat = `a:coord-personal-${RUN}`;
    await send("coord", coordChat, { value: { ...noteSubmit, note: "Gemeente teruggebeld." } });
    expect(contentOf(await waitFor(coordChat, `Je notitie bij ${id} is opgeslagen`))).toContain("„Gemeente teruggebeld.”");
    expect(connector.messagesTo(CHANNEL).some((c) => contentOf(c).includes("Interne notitie van"))).toBe(false);
    expect(connector.threadRepliesTo(CHANNEL, card.id).map(contentOf).join(" ")).not.toContain(`${id} · SPOED`);

    // "Afronden" asks first (verification try: one press closed it); "Ja, afronden" closes.
    await send("coord", CHANNEL, { value: byId("consult.confirmClose") });
    const confirm = await waitFor(CHANNEL, `${id} afronden?`);
    const yes = submits(confirm.activity.attachments?.[0]?.content ?? confirm.activity).find((d) => d.wegwijs.id === "consult.close");
    expect(yes).toBeDefined();
    await send("coord", CHANNEL, { value: yes });
    await waitForUpdate(CHANNEL, "afgerond door Cor");
    await waitFor(PERSONAL, `${id} is afgerond`);
    // One card in the channel; every later state was an update of it.
    expect(connector.messagesTo(CHANNEL).filter((c) => contentOf(c).includes(`${id} · SPOED`))).toHaveLength(1);

    // A requester lists only their own requests.
    await send("other", OTHER_CHAT, { text: "mijn consulten" });
    await waitFor(OTHER_CHAT, "nog geen consultaanvragen");
    await send("asker", PERSONAL, { text: "mijn consulten" });
    await waitFor(PERSONAL, "Jouw consultaanvragen");
  });

  it("in a channel as Teams addresses it (every activity in a thread: '<channel>;messageid=<root>'), the card is a new post and answers and notes go under it", { timeout: 60_000 }, async () => {
    // Real Teams: a new post in a channel arrives with its own id as the thread root; a press on
    // a card arrives in the card's thread, with the card as replyToId.
    const REAL = `19:real-${RUN}@thread.tacv2`;
    connector.members.set(REAL, [people.admin.aadObjectId, people.coord2.aadObjectId]);
    const inThread = (root: string) => ({ conversation: { id: `${REAL};messageid=${root}`, conversationType: "channel", tenantId: "tenant-1" } });
    const root = String(Date.now());
    await send("admin", REAL, { id: root, text: "koppel servicepunt", ...inThread(root) });
    const linked = await waitFor(`${REAL};messageid=${root}`, "coördinatorenkanaal");
    expect(linked.replyToActivityId).toBe(root);

    const seen = connector.messagesTo(PERSONAL).length;
    await send("asker", PERSONAL, { text: "consult" });
    const form = await waitFor(PERSONAL, "consult.submit", 15_000, seen);
    const submit = submits(form.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.submit");
    await send("asker", PERSONAL, { value: { ...submit, target: "servicepunt", urgency: "regulier", caseRef: `R-${RUN}`, question: "Past een gezinshuis?", tried: "Met de gemeente gebeld" } });
    const receipt = await waitFor(PERSONAL, /CR-\d{4}-\d{6} is ingediend/, 15_000, seen);
    const id = contentOf(receipt).match(/CR-\d{4}-\d{6}/)![0];

    // The card is a new post in the channel itself, not a reply under the "koppel" message.
    const card = await waitFor(REAL, `${id} · regulier`);
    expect(card.replyToActivityId).toBeUndefined();
    expect(card.thread).toBeUndefined();
    const press = (who: keyof typeof people, data: object) => send(who, REAL, { replyToId: card.id, value: data, ...inThread(card.id) });
    const byId = (a: string) => submits(card.activity.attachments[0].content).find((d) => d.wegwijs.id === a);

    await press("coord2", byId("consult.ask"));
    const askForm = await waitFor(`${REAL};messageid=${card.id}`, "Vraag aan de aanvrager van");
    const askSubmit = submits(askForm.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.ask" && d.wegwijs.fieldIds);
    await press("coord2", { ...askSubmit, question: "Welke gemeente?" });
    const question = await waitFor(PERSONAL, "Welke gemeente?");
    const answerSubmit = submits(question.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.answer");
    await send("asker", PERSONAL, { value: { ...answerSubmit, answer: "Groningen." } });
    await press("coord2", byId("consult.note"));
    const noteForm = await waitFor(`${REAL};messageid=${card.id}`, "Interne notitie bij");
    const noteSubmit = submits(noteForm.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.note" && d.wegwijs.fieldIds);
    await press("coord2", { ...noteSubmit, note: "Plek gevraagd." });

    const thread = `${REAL};messageid=${card.id}`;
    for (const line of ["Vraag van Cas aan de aanvrager: Welke gemeente?", "Antwoord van de aanvrager: Groningen.", "Interne notitie van Cas: Plek gevraagd."]) {
      const reply = await waitFor(thread, line);
      expect(reply.thread).toEqual({ channel: REAL, rootId: card.id });
    }
    // Top level in the channel: the card and nothing else (its later states are updates of it).
    await sleep(500);
    expect(connector.messagesTo(REAL).map((c) => c.id)).toEqual([card.id]);
    expect(connector.updatesTo(REAL).every((c) => c.updatesActivityId === card.id)).toBe(true);
  });
  it("a request filed in a team channel: the requester hears back in their personal chat, else in that channel, never both", { timeout: 60_000 }, async () => {
    await send("admin", CHANNEL, { text: "koppel servicepunt" });
    await waitFor(CHANNEL, "coördinatorenkanaal");
    const TEAM_CHANNEL = `19:team-${RUN}@thread.tacv2`;
    const fileFrom = async (who: "asker" | "newcomer") => {
      await send(who, TEAM_CHANNEL, { text: "consult" });
      const forms = connector.messagesTo(TEAM_CHANNEL).filter((c) => contentOf(c).includes("consult.submit"));
      const submit = submits(forms.at(-1)!.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.submit");
      const before = connector.messagesTo(TEAM_CHANNEL).length;
      await send(who, TEAM_CHANNEL, { value: { ...submit, target: "servicepunt", urgency: "regulier", caseRef: `TC-${who}-${RUN}`, question: "Welke plek?", tried: "Gebeld", summary: "" } });
      const receipt = await waitFor(TEAM_CHANNEL, /CR-\d{4}-\d{6} is ingediend/, 15_000, before);
      const id = contentOf(receipt).match(/CR-\d{4}-\d{6}/)![0];
      const card = await waitFor(CHANNEL, id);
      await send("coord", CHANNEL, { value: submits(card.activity.attachments[0].content).find((d) => d.wegwijs.id === "consult.claim") });
      return id;
    };
    // Vera has a personal chat with the app: only she hears that it was claimed.
    await send("asker", PERSONAL, { text: "hallo" });
    await waitFor(PERSONAL, "Wegwijs");
    const veras = await fileFrom("asker");
    await waitFor(PERSONAL, `${veras} is opgepakt door Cor`);
    // Noor never opened one: the channel she filed from is the only place to tell her.
    const noors = await fileFrom("newcomer");
    await waitFor(TEAM_CHANNEL, `${noors} is opgepakt door Cor`);
    await sleep(500);
    expect(connector.messagesTo(TEAM_CHANNEL).some((c) => contentOf(c).includes(`${veras} is opgepakt`))).toBe(false);
  });
});
