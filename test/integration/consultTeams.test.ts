import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTeamsConnector, type FakeTeamsConnector } from "../support/fakeTeamsConnector.js";
import { REDIS_URL } from "../support/redis.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const RUN = randomUUID().slice(0, 6);
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
    const channel = conversation === CHANNEL || conversation === ET_CHANNEL;
    const res = await fetch(`${app.baseUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message", id: randomUUID(), channelId: "msteams", serviceUrl: connector.serviceUrl, timestamp: new Date().toISOString(),
        from: people[who], recipient: { id: "28:wegwijs-bot", name: "Wegwijs" },
        conversation: { id: conversation, conversationType: channel ? "channel" : "personal", tenantId: "tenant-1" },
        channelData: { tenant: { id: "tenant-1" }, ...(channel ? { channel: { id: CHANNEL }, team: { id: `team-${RUN}` } } : {}) },
        ...fields,
      }),
    });
    expect(res.status).toBe(200);
  };
  const waitFor = async (conversation: string, match: RegExp | string, timeoutMs = 15_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = connector.messagesTo(conversation).find((c) => (typeof match === "string" ? contentOf(c).includes(match) : match.test(contentOf(c))));
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
    expect(submit.wegwijs.fieldIds).toEqual(["target", "urgency", "caseRef", "question", "tried", "summary"]);
    await send("asker", PERSONAL, { value: { ...submit, target: "servicepunt", urgency: "spoed", caseRef: `T-${RUN}`, question: "Welke plek?", tried: "Gebeld", summary: "" } });
    const receipt = await waitFor(PERSONAL, /CR-\d{4}-\d{6} is ingediend/);
    const id = contentOf(receipt).match(/CR-\d{4}-\d{6}/)![0];

    const card = await waitFor(CHANNEL, id);
    const actions = submits(card.activity.attachments[0].content);
    const byId = (a: string) => actions.find((d) => d.wegwijs.id === a);
    expect([...new Set(actions.map((d) => d.wegwijs.id))]).toEqual(["consult.claim", "consult.ask", "consult.note", "consult.close"]);

    // Not in the linked channel's roster: refused; a coordinator of the Expertteam neither.
    await send("other", CHANNEL, { value: byId("consult.claim") });
    await waitFor(CHANNEL, "alleen een coördinator");
    await send("et", ET_CHANNEL, { value: byId("consult.claim") });
    await waitFor(ET_CHANNEL, "alleen een coördinator");
    await send("et", ET_CHANNEL, { value: { ...byId("consult.close") } });
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
    await waitFor(CHANNEL, "Antwoord van de aanvrager: Ja, sinds maandag.");
    expect(connector.messagesTo(CHANNEL).some((c) => contentOf(c).includes("Nee hoor"))).toBe(false);

    await send("coord", CHANNEL, { value: byId("consult.close") });
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
});
