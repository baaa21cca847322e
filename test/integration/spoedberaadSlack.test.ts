import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSlackActionId } from "../../src/integrations/slack/blockKit.js";
import { slackLimitViolations } from "../../src/integrations/slack/slackLimits.js";
import { startFakeSlackApi, type FakeSlackApi, type PostedMessage } from "../support/fakeSlackApi.js";
import { REDIS_URL } from "../support/redis.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/**
 * The spoedberaad checklist through the real Bolt app: signed slash command and block_actions,
 * the fake Slack Web API, real Redis. Start, tick, pick up, refusals, close: exactly one
 * chat.postMessage for the card, then chat.updates of it, then the summary in its thread.
 */
describe("spoedberaad in Slack (signed requests, fake Web API, Redis)", () => {
  const SECRET = `signing-${randomUUID()}`;
  const RUN = randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase();
  const CHANNEL = `C${RUN}`;
  const CHAIR = `U${RUN}1`;
  const COLLEAGUE = `U${RUN}2`;
  const OUTSIDER = `U${RUN}9`;
  let fake: FakeSlackApi;
  let app: RunningWegwijs;
  let slack: SlackRequests;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    fake.users.set(CHAIR, "Kees");
    fake.users.set(COLLEAGUE, "Sanne");
    fake.users.set(OUTSIDER, "Piet");
    fake.members.set(CHANNEL, [CHAIR, COLLEAGUE, fake.team.botUserId]);
    app = await startWegwijs({ REDIS_URL, SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
    slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  const inChannel = (via: PostedMessage["via"]) => fake.messages().filter((m) => m.via === via && m.channel === CHANNEL);
  const buttonsOf = (blocks: any[] | undefined) =>
    (blocks ?? []).flatMap((b: any) => (b.type === "actions" ? b.elements : b.accessory ? [b.accessory] : [])).filter((e: any) => e.type === "button");
  const button = (message: PostedMessage, id: string, value?: string) => {
    const found = buttonsOf(message.blocks).find((e: any) => decodeSlackActionId(e.action_id) === id && (value === undefined || e.value === value));
    if (!found) throw new Error(`no button ${id} ${value ?? ""}`);
    return found;
  };
  const press = (user: string, message: PostedMessage, element: any, ephemeral = false) =>
    slack.interaction({
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), team_id: fake.team.id },
      team: { id: fake.team.id, domain: "test" },
      api_app_id: "A0WEGWIJS",
      container: { type: "message", message_ts: message.ts ?? "1.1", channel_id: CHANNEL, is_ephemeral: ephemeral },
      channel: { id: CHANNEL, name: "spoed" },
      ...(ephemeral ? {} : { message: { type: "message", ts: message.ts, text: message.text, blocks: message.blocks } }),
      trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
      response_url: fake.responseUrl(),
      actions: [{ action_id: element.action_id, block_id: "b", type: "button", value: element.value, text: element.text, action_ts: `${nowSeconds()}.1` }],
    });
  const shownText = (m: PostedMessage) => JSON.stringify(m.blocks ?? m.text);
  const allWithinLimits = () => {
    for (const m of fake.messages()) if (m.blocks) expect(slackLimitViolations({ text: m.text, blocks: m.blocks })).toEqual([]);
  };

  it("start, tick, pick up, refuse outsiders, close: one postMessage, then updates, then the summary in the thread", { timeout: 40_000 }, async () => {
    const ack = await slack.command({
      token: "legacy", team_id: fake.team.id, channel_id: CHANNEL, user_id: CHAIR, command: "/wegwijs", text: "spoedberaad CASUS-31",
      response_url: fake.responseUrl(), trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    });
    expect(ack.status).toBe(200);
    const card = await fake.waitFor(() => inChannel("chat.postMessage")[0]);
    expect(shownText(card)).toContain("Spoedberaad CASUS-31");
    expect(shownText(card)).toContain("voorzitter: Kees");

    // Sanne ticks an item: the card is updated in place (chat.update of the same ts).
    expect((await press(COLLEAGUE, card, button(card, "spoedberaad.set", undefined))).status).toBe(200);
    const firstValue = button(card, "spoedberaad.set").value as string;
    await fake.waitFor(() => inChannel("chat.update").find((m) => m.ts === card.ts && shownText(m).includes("gewijzigd door Sanne")));
    expect(firstValue).toMatch(/:aanwezig:done$/);
    // Sanne picks up "analyse".
    const ownerButton = button(card, "spoedberaad.owner", undefined);
    const analyse = buttonsOf(card.blocks).find((e: any) => decodeSlackActionId(e.action_id) === "spoedberaad.owner" && String(e.value).endsWith(":analyse"));
    expect(ownerButton).toBeDefined();
    await press(COLLEAGUE, card, analyse);
    await fake.waitFor(() => inChannel("chat.update").find((m) => shownText(m).includes("Sanne pakt het op")));

    // Piet is not in the channel: privately refused, the card is not touched.
    await new Promise((r) => setTimeout(r, 1500)); // the merged redraw of the changes above
    const updatesBefore = inChannel("chat.update").length;
    await press(OUTSIDER, card, button(card, "spoedberaad.set", firstValue.replace(":aanwezig:", ":hsj:")));
    const refusal = await fake.waitFor(() => inChannel("chat.postEphemeral").find((m) => m.user === OUTSIDER));
    expect(refusal.text).toContain("Alleen mensen in dit gesprek");
    // Sanne may tick but not close.
    await press(COLLEAGUE, card, button(card, "spoedberaad.close"));
    const notChair = await fake.waitFor(() => inChannel("chat.postEphemeral").find((m) => m.user === COLLEAGUE));
    expect(notChair.text).toContain("Alleen de voorzitter");
    await new Promise((r) => setTimeout(r, 1500));
    expect(inChannel("chat.update").length).toBe(updatesBefore);

    // Kees closes: a private confirmation listing the open items, then "Ja, afronden".
    await press(CHAIR, card, button(card, "spoedberaad.close"));
    const confirm = await fake.waitFor(() => inChannel("chat.postEphemeral").find((m) => m.user === CHAIR));
    expect(shownText(confirm)).toContain("punten staan open");
    await press(CHAIR, confirm, button(confirm, "spoedberaad.closeConfirmed"), true);
    const closed = await fake.waitFor(() => inChannel("chat.update").find((m) => m.ts === card.ts && shownText(m).includes("Afgerond ·")));
    expect(buttonsOf(closed.blocks)).toEqual([]);
    const summary = await fake.waitFor(() => inChannel("chat.postMessage").find((m) => m.threadTs === card.ts));
    expect(shownText(summary)).toContain("Samenvatting Spoedberaad CASUS-31");
    expect(shownText(summary)).toContain("Consultaanvraag indienen");
    // Its hand-over button opens the consult modal with the summary filled in.
    const handover = button(summary, "consult.new");
    expect(handover.value.split("\n")[0]).toBe("servicepunt");
    const trigger = `${nowSeconds()}.7.${randomUUID()}`;
    await slack.interaction({
      type: "block_actions",
      user: { id: COLLEAGUE, username: "sanne", team_id: fake.team.id },
      team: { id: fake.team.id, domain: "test" },
      api_app_id: "A0WEGWIJS",
      container: { type: "message", message_ts: summary.ts, thread_ts: card.ts, channel_id: CHANNEL, is_ephemeral: false },
      channel: { id: CHANNEL, name: "spoed" },
      message: { type: "message", ts: summary.ts, thread_ts: card.ts, text: summary.text, blocks: summary.blocks },
      trigger_id: trigger,
      response_url: fake.responseUrl(),
      actions: [{ action_id: handover.action_id, block_id: "b", type: "button", value: handover.value, text: handover.text, action_ts: `${nowSeconds()}.1` }],
    });
    const opened = await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === trigger));
    const view = typeof opened.body.view === "string" ? JSON.parse(opened.body.view) : opened.body.view;
    const summaryInput = view.blocks.find((b: any) => b.block_id === "summary").element;
    expect(summaryInput.initial_value).toBe(handover.value.split("\n").slice(1).join("\n"));
    expect(summaryInput.initial_value).toMatch(/^Spoedberaad CASUS-31, voorzitter Kees\./);

    // Exactly one chat.postMessage for the card (the other is the summary in its thread); every
    // later state was a chat.update of that message.
    const posts = inChannel("chat.postMessage");
    expect(posts.filter((m) => !m.threadTs)).toHaveLength(1);
    expect(posts.filter((m) => m.threadTs === card.ts)).toHaveLength(1);
    expect(inChannel("chat.update").every((m) => m.ts === card.ts)).toBe(true);
    const order = fake.messages().filter((m) => m.channel === CHANNEL && m.via !== "chat.postEphemeral").map((m) => (m.threadTs ? "summary" : m.via));
    expect(order[0]).toBe("chat.postMessage");
    expect(order.at(-1)).toBe("summary");
    allWithinLimits();
  });
});
