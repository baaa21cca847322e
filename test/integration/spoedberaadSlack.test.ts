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
  const DETAILS_CHANNEL = `C${RUN}D`;
  const TYPED_CHANNEL = `C${RUN}T`;
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
    fake.members.set(DETAILS_CHANNEL, [CHAIR, COLLEAGUE, fake.team.botUserId]);
    fake.members.set(TYPED_CHANNEL, [CHAIR, COLLEAGUE, fake.team.botUserId]);
    app = await startWegwijs({ REDIS_URL, SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
    slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  const inChannel = (via: PostedMessage["via"], channel = CHANNEL) => fake.messages().filter((m) => m.via === via && m.channel === channel);
  const buttonsOf = (blocks: any[] | undefined) =>
    (blocks ?? []).flatMap((b: any) => (b.type === "actions" ? b.elements : b.accessory ? [b.accessory] : [])).filter((e: any) => e.type === "button");
  const button = (message: PostedMessage, id: string, value?: string) => {
    const found = buttonsOf(message.blocks).find((e: any) => decodeSlackActionId(e.action_id) === id && (value === undefined || e.value === value));
    if (!found) throw new Error(`no button ${id} ${value ?? ""}`);
    return found;
  };
  const press = (user: string, message: PostedMessage, element: any, ephemeral = false, channel = CHANNEL, triggerId = `${nowSeconds()}.1.${randomUUID()}`) =>
    slack.interaction({
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), team_id: fake.team.id },
      team: { id: fake.team.id, domain: "test" },
      api_app_id: "A0WEGWIJS",
      container: { type: "message", message_ts: message.ts ?? "1.1", channel_id: channel, is_ephemeral: ephemeral },
      channel: { id: channel, name: "spoed" },
      ...(ephemeral ? {} : { message: { type: "message", ts: message.ts, text: message.text, blocks: message.blocks } }),
      trigger_id: triggerId,
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

    // Kees closes: a private confirmation listing the open items. "Nog niet" answers it in its
    // place (the private message is replaced) and leaves the checklist open.
    await press(CHAIR, card, button(card, "spoedberaad.close"));
    const notYet = await fake.waitFor(() => inChannel("chat.postEphemeral").find((m) => m.user === CHAIR));
    expect(shownText(notYet)).toContain("punten staan open");
    await press(CHAIR, notYet, button(notYet, "spoedberaad.keepOpen"), true);
    const keptOpen = await fake.waitFor(() => fake.messages().find((m) => m.via === "response_url" && m.text.includes("blijft open")));
    expect(keptOpen.replaceOriginal).toBe(true);
    expect(buttonsOf(keptOpen.blocks)).toEqual([]);
    expect(inChannel("chat.update").some((m) => m.ts === card.ts && shownText(m).includes("Afgerond ·"))).toBe(false);
    // Asked again, then "Ja, afronden"; its answer, too, takes the question's place.
    await press(CHAIR, card, button(card, "spoedberaad.close"));
    const confirm = await fake.waitFor(() => inChannel("chat.postEphemeral").filter((m) => m.user === CHAIR)[1]);
    expect(shownText(confirm)).toContain("punten staan open");
    await press(CHAIR, confirm, button(confirm, "spoedberaad.closeConfirmed"), true);
    const doneAnswer = await fake.waitFor(() => fake.messages().find((m) => m.via === "response_url" && m.text.includes("Afgerond. De checklist is bijgewerkt")));
    expect(doneAnswer.replaceOriginal).toBe(true);
    const closed = await fake.waitFor(() => inChannel("chat.update").find((m) => m.ts === card.ts && shownText(m).includes("Afgerond ·")));
    expect(buttonsOf(closed.blocks)).toEqual([]);
    const summary = await fake.waitFor(() => inChannel("chat.postMessage").find((m) => m.threadTs === card.ts));
    expect(shownText(summary)).toContain("Samenvatting Spoedberaad CASUS-31");
    expect(shownText(summary)).toContain("Consultaanvraag indienen");
    // Its hand-over button opens the consult modal with the summary and the casusnummer filled in.
    const handover = button(summary, "consult.new");
    expect(handover.value.split("\n")[0]).toBe("servicepunt|CASUS-31|spoed");
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
    expect(summaryInput.initial_value).toMatch(/^Spoedberaad CASUS-31, \S+ \d{1,2} \S+ \d\d:\d\d-\d\d:\d\d, voorzitter Kees\./);
    expect(view.blocks.find((b: any) => b.block_id === "caseRef").element.initial_value).toBe("CASUS-31");
    // "/wegwijs consult" in the channel right after opens the same, and says where it came from.
    const typedTrigger = `${nowSeconds()}.8.${randomUUID()}`;
    await slack.command({ token: "legacy", team_id: fake.team.id, channel_id: CHANNEL, user_id: COLLEAGUE, command: "/wegwijs", text: "consult", response_url: fake.responseUrl(), trigger_id: typedTrigger });
    const typedOpened = await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === typedTrigger));
    const typedView = typeof typedOpened.body.view === "string" ? JSON.parse(typedOpened.body.view) : typedOpened.body.view;
    expect(typedView.blocks.find((b: any) => b.block_id === "caseRef").element.initial_value).toBe("CASUS-31");
    expect(typedView.blocks.find((b: any) => b.block_id === "summary").element.initial_value).toBe(summaryInput.initial_value);
    expect(JSON.stringify(typedView.blocks)).toContain("Ingevuld met de samenvatting van het spoedberaad CASUS-31.");
    // In another channel the form comes empty.
    const otherTrigger = `${nowSeconds()}.9.${randomUUID()}`;
    await slack.command({ token: "legacy", team_id: fake.team.id, channel_id: TYPED_CHANNEL, user_id: COLLEAGUE, command: "/wegwijs", text: "consult", response_url: fake.responseUrl(), trigger_id: otherTrigger });
    const otherOpened = await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === otherTrigger));
    const otherView = typeof otherOpened.body.view === "string" ? JSON.parse(otherOpened.body.view) : otherOpened.body.view;
    expect(otherView.blocks.find((b: any) => b.block_id === "caseRef").element.initial_value).toBeUndefined();

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

  /** A view_submission of a modal as Slack sends it: the view with the state of its inputs. */
  const submitView = (user: string, view: any, values: Record<string, { user?: string; option?: string; text?: string }>) =>
    slack.interaction({
      type: "view_submission",
      team: { id: fake.team.id, domain: "test" },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: fake.team.id },
      api_app_id: "A0WEGWIJS",
      token: "legacy",
      trigger_id: `${nowSeconds()}.2.${randomUUID()}`,
      view: {
        ...view,
        id: `V${RUN}`,
        team_id: fake.team.id,
        hash: "h1",
        state: {
          values: Object.fromEntries(
            view.blocks
              .filter((b: any) => b.type === "input")
              .map((b: any) => {
                const v = values[b.block_id] ?? {};
                const state =
                  b.element.type === "users_select"
                    ? { type: "users_select", selected_user: v.user ?? null }
                    : b.element.type === "static_select"
                      ? { type: "static_select", selected_option: v.option ? { text: { type: "plain_text", text: v.option }, value: v.option } : null }
                      : { type: "plain_text_input", value: v.text ?? null };
                return [b.block_id, { [b.element.action_id]: state }];
              }),
          ),
        },
      },
      response_urls: [],
    });

  it("Details opens a modal (owner picker, reminder time, note) before anything slow; its submit updates the card; a note with a phone number is refused at the field", { timeout: 40_000 }, async () => {
    await slack.command({
      token: "legacy", team_id: fake.team.id, channel_id: DETAILS_CHANNEL, user_id: CHAIR, command: "/wegwijs", text: "spoedberaad CASUS-32",
      response_url: fake.responseUrl(), trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    });
    const card = await fake.waitFor(() => inChannel("chat.postMessage", DETAILS_CHANNEL)[0]);
    const details = buttonsOf(card.blocks).find((e: any) => decodeSlackActionId(e.action_id) === "spoedberaad.details" && String(e.value).endsWith(":analyse"));
    expect(details.text.text).toBe("Details");
    allWithinLimits();

    // The press: views.open with this press's trigger_id is the first (and only) Web API call.
    const callsBefore = fake.calls.length;
    const triggerId = `${nowSeconds()}.7.${randomUUID()}`;
    expect((await press(COLLEAGUE, card, details, false, DETAILS_CHANNEL, triggerId)).status).toBe(200);
    const opened = await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === triggerId));
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.calls.slice(callsBefore).map((c) => c.method)).toEqual(["views.open"]);
    const view = opened.body.view;
    expect(view).toMatchObject({ type: "modal", callback_id: "wegwijs_action_form_modal", title: { text: "Details" }, submit: { text: "Opslaan" }, close: { text: "Annuleren" } });
    expect(JSON.parse(view.private_metadata)).toMatchObject({ a: "spoedberaad.details", c: DETAILS_CHANNEL });
    const inputs = Object.fromEntries(view.blocks.filter((b: any) => b.type === "input").map((b: any) => [b.block_id, b.element]));
    expect(inputs.owner).toMatchObject({ type: "users_select", action_id: "owner" });
    expect(inputs.dueMinutes.type).toBe("static_select");
    expect(inputs.dueMinutes.options.map((o: any) => o.value)).toEqual(["15", "30", "60", "120", "240", "1440"]);
    expect(inputs.note).toMatchObject({ type: "plain_text_input", action_id: "note", max_length: 280 });
    expect(JSON.stringify(view.blocks[0])).toContain("Er is een gedeelde verklarende analyse");
    // Block Kit limits hold for the modal's blocks too (titles and buttons at most 24 characters).
    expect(slackLimitViolations({ text: "modal", blocks: view.blocks })).toEqual([]);
    for (const key of ["title", "submit", "close"]) expect(view[key].text.length).toBeLessThanOrEqual(24);

    // A note with a phone number: the modal stays open with the reason at the note; nothing changes.
    const updatesBefore = inChannel("chat.update", DETAILS_CHANNEL).length;
    const refused = await submitView(COLLEAGUE, view, { owner: { user: CHAIR }, dueMinutes: { option: "30" }, note: { text: "Moeder bellen op 06-12345678" } });
    expect(refused.status).toBe(200);
    expect(refused.json).toEqual({ response_action: "errors", errors: { note: expect.stringMatching(/^Niet opgeslagen: de notitie leek een telefoonnummer te bevatten/) } });
    expect(await fake.quietFor(1500, (c) => "method" in c && c.method.startsWith("chat."))).toBe(0);
    expect(inChannel("chat.update", DETAILS_CHANNEL)).toHaveLength(updatesBefore);

    // Kees as owner, a reminder in 30 minutes and a clean note: one change, the card shows all three.
    const submittedAt = Date.now();
    const accepted = await submitView(COLLEAGUE, view, { owner: { user: CHAIR }, dueMinutes: { option: "30" }, note: { text: "Concept staat klaar, bespreken om 14 uur" } });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toBe("");
    const updated = await fake.waitFor(() =>
      inChannel("chat.update", DETAILS_CHANNEL).find((m) => m.ts === card.ts && shownText(m).includes("Eigenaar: Kees") && shownText(m).includes("Notitie: Concept staat klaar")),
    );
    const due = new Date(submittedAt + 30 * 60_000).toLocaleTimeString("nl-NL", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit" });
    const dueLater = new Date(submittedAt + 31 * 60_000).toLocaleTimeString("nl-NL", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit" });
    // "morgen" before the time when the 30 minutes run past midnight.
    expect([due, dueLater].some((t) => shownText(updated).includes(`(herinnering ${t})`) || shownText(updated).includes(`(herinnering morgen ${t})`))).toBe(true);
    expect(shownText(updated)).toContain("gewijzigd door Sanne");
    expect(shownText(updated)).not.toContain("12345678");
    allWithinLimits();

    // Opening Details again shows what is stored: Kees picked, the note filled in.
    const again = `${nowSeconds()}.8.${randomUUID()}`;
    await press(COLLEAGUE, updated, details, false, DETAILS_CHANNEL, again);
    const reopened = (await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === again))).body.view;
    const stored = Object.fromEntries(reopened.blocks.filter((b: any) => b.type === "input").map((b: any) => [b.block_id, b.element]));
    expect(stored.owner.initial_user).toBe(CHAIR);
    expect(stored.note.initial_value).toBe("Concept staat klaar, bespreken om 14 uur");

    // The same button sent from another channel opens nothing and is refused privately.
    const elsewhere = `${nowSeconds()}.9.${randomUUID()}`;
    await press(COLLEAGUE, updated, details, false, CHANNEL, elsewhere);
    const refusedElsewhere = await fake.waitFor(() => inChannel("chat.postEphemeral", CHANNEL).find((m) => m.user === COLLEAGUE && m.text.includes("hoort bij een ander gesprek")));
    expect(refusedElsewhere).toBeDefined();
    expect(fake.callsTo("views.open").some((c) => c.body.trigger_id === elsewhere)).toBe(false);

    // Someone outside the channel cannot be made owner: refused at the owner field.
    const outsider = await submitView(COLLEAGUE, reopened, { owner: { user: OUTSIDER }, note: { text: "Concept staat klaar, bespreken om 14 uur" } });
    expect(outsider.json).toEqual({ response_action: "errors", errors: { owner: expect.stringContaining("zit niet in dit gesprek") } });
  });

  it("a change typed to @Wegwijs in the channel ('vink punt 2 af') updates the card in place and says what changed", { timeout: 40_000 }, async () => {
    await slack.command({
      token: "legacy", team_id: fake.team.id, channel_id: TYPED_CHANNEL, user_id: CHAIR, command: "/wegwijs", text: "spoedberaad CASUS-33",
      response_url: fake.responseUrl(), trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    });
    const card = await fake.waitFor(() => inChannel("chat.postMessage", TYPED_CHANNEL)[0]);
    expect(shownText(card)).toContain("2. Er is een gedeelde verklarende analyse");
    const ack = await slack.event({
      token: "legacy-verification-token", team_id: fake.team.id, api_app_id: "A0WEGWIJS", type: "event_callback", event_id: `Ev${RUN}T`, event_time: nowSeconds(),
      event: { type: "app_mention", user: COLLEAGUE, text: `<@${fake.team.botUserId}> vink punt 2 af`, ts: `${nowSeconds()}.000200`, channel: TYPED_CHANNEL, event_ts: `${nowSeconds()}.000200` },
      authorizations: [{ enterprise_id: null, team_id: fake.team.id, user_id: fake.team.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    });
    expect(ack.status).toBe(200);
    await fake.waitFor(() => inChannel("chat.update", TYPED_CHANNEL).find((m) => m.ts === card.ts && shownText(m).includes("✅ 2. Er is een gedeelde verklarende analyse")), 15_000);
    const said = await fake.waitFor(() => fake.messages().find((m) => m.channel === TYPED_CHANNEL && m.text.includes("Punt 2 staat nu op klaar")), 15_000);
    expect(said.ts).not.toBe(card.ts);
    allWithinLimits();
  });
});
