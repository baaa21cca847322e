import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSlackActionId } from "../../src/integrations/slack/blockKit.js";
import { slackLimitViolations } from "../../src/integrations/slack/slackLimits.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { REDIS_URL } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

// From runId(): six random hex digits in capitals were a Dutch postcode ("3034AF") in about 2% of
// runs, so the case references K-, R- and W-RUN were refused as personal data and nothing was filed.
const RUN = runId().toUpperCase();
const SP = `CSP${RUN}`;
const ET = `CET${RUN}`;
const ASKER = `UASK${RUN}`;
const COORD = `UCO${RUN}`;
const ET_COORD = `UET${RUN}`;
const OTHER = `UOT${RUN}`;
const CHANNEL = `CTEAM${RUN}`;
const TEAM = Array.from({ length: 10 }, (_, i) => `UT${i}${RUN}`);

const buttons = (blocks: any[] | undefined = []) => blocks.flatMap((b: any) => (b.type === "actions" ? b.elements : [])).filter((e: any) => e.type === "button");
const blocksText = (blocks: any[] | undefined) => JSON.stringify(blocks ?? []);

/**
 * Consult requests end to end through Slack (signed requests, fake Web API, real Redis): the
 * modal, field errors next to the fields, the card in the coordinators' channel updated in place,
 * claim, ask back, the requester's answer in the card's thread, close; the requester told in a
 * DM at each step; who may do what decided by channel membership.
 */
describe("consult requests through Slack", () => {
  const SECRET = `signing-${randomUUID()}`;
  let fake: FakeSlackApi;
  let app: RunningWegwijs;
  let slack: SlackRequests;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    fake.users.set(ASKER, "Vera");
    fake.users.set(COORD, "Cor");
    fake.users.set(ET_COORD, "Els");
    fake.users.set(OTHER, "Otto");
    fake.members.set(SP, [COORD, ...TEAM]);
    TEAM.forEach((u, i) => fake.users.set(u, `Coördinator ${i}`));
    fake.members.set(ET, [ET_COORD]);
    app = await startWegwijs({
      SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, REDIS_URL,
      WEGWIJS_SLACK_CHANNEL_SERVICEPUNT: SP, WEGWIJS_SLACK_CHANNEL_EXPERTTEAM: ET,
    });
    slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  const submitModal = (view: any, user: string, values: Record<string, string>) =>
    slack.interaction({
      type: "view_submission",
      team: { id: fake.team.id, domain: "test" },
      user: { id: user, username: "u", team_id: fake.team.id },
      api_app_id: "A0WEGWIJS",
      trigger_id: `${nowSeconds()}.9.${randomUUID()}`,
      view: {
        ...view, id: `V${RUN}`, team_id: fake.team.id, hash: "h",
        state: {
          values: Object.fromEntries(
            view.blocks.filter((b: any) => b.type === "input").map((b: any) => [
              b.block_id,
              { [b.block_id]: b.element.type === "static_select" ? { type: "static_select", selected_option: values[b.block_id] ? { value: values[b.block_id] } : null } : { type: "plain_text_input", value: values[b.block_id] ?? "" } },
            ]),
          ),
        },
      },
    });

  const press = (user: string, channel: string, message: { ts: string; blocks?: any[]; thread_ts?: string }, button: any, state?: object, ephemeral = false) =>
    slack.interaction({
      type: "block_actions",
      user: { id: user, username: "u", team_id: fake.team.id },
      team: { id: fake.team.id, domain: "test" },
      api_app_id: "A0WEGWIJS",
      container: { type: "message", message_ts: message.ts, channel_id: channel, is_ephemeral: ephemeral },
      channel: { id: channel, name: "c" },
      message: { type: "message", ts: message.ts, text: "x", blocks: message.blocks },
      ...(state ? { state } : {}),
      trigger_id: `${nowSeconds()}.2.${randomUUID()}`,
      response_url: fake.responseUrl(),
      actions: [{ action_id: button.action_id, block_id: button.block_id ?? "b", type: "button", value: button.value, text: button.text, action_ts: "1.1" }],
    });

  /** Fills a form rendered in a message (input blocks `wf|form|field|n`) and presses its submit. */
  function formSubmit(blocks: any[] = [], values: Record<string, string>) {
    const state = { values: Object.fromEntries(blocks.filter((b: any) => b.type === "input").map((b: any) => [b.block_id, { [b.element.action_id]: { type: "plain_text_input", value: values[b.block_id.split("|")[2]] ?? "" } }])) };
    const actions = blocks.find((b: any) => b.type === "actions" && String(b.block_id).startsWith("ws|"));
    return { state, button: { ...actions.elements[0], block_id: actions.block_id } };
  }

  const dmTo = (user: string) => `D${user.replace(/^U/, "")}`;

  it("file → card → claim → ask → answer → close, requester told each step, card updated in place", { timeout: 60_000 }, async () => {
    const trigger = `${nowSeconds()}.1.${randomUUID()}`;
    const ack = await slack.command({ token: "legacy", team_id: fake.team.id, channel_id: CHANNEL, user_id: ASKER, command: "/wegwijs", text: "consult", response_url: fake.responseUrl(), trigger_id: trigger });
    expect(ack.status).toBe(200);
    const opened = await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === trigger));
    const view = typeof opened.body.view === "string" ? JSON.parse(opened.body.view) : opened.body.view;
    expect(view.blocks.filter((b: any) => b.type === "input").map((b: any) => b.block_id)).toEqual(["target", "urgency", "caseRef", "question", "tried", "summary", "callback"]);

    // Errors next to the fields; the modal stays open.
    const refused = await submitModal(view, ASKER, { target: "servicepunt", urgency: "spoed", caseRef: "", question: "BSN 111222333 van de jongere", tried: "Gebeld" });
    expect(refused.status).toBe(200);
    const refusal = refused.json ?? JSON.parse(refused.text);
    expect(refusal.response_action).toBe("errors");
    expect(refusal.errors.caseRef).toMatch(/casusnummer/);
    expect(refusal.errors.question).toMatch(/BSN/);

    const ok = await submitModal(view, ASKER, { target: "servicepunt", urgency: "spoed", caseRef: `K-${RUN}`, question: "Welke plek past?", tried: "Twee aanbieders gebeld", callback: "06 12345678" });
    expect(ok.status).toBe(200);
    const receipt = await fake.waitFor(() => fake.messages().find((m) => m.channel === dmTo(ASKER) && /CR-\d{4}-\d{6} is ingediend bij het Servicepunt/.test(m.text)));
    const id = receipt.text.match(/CR-\d{4}-\d{6}/)![0];

    const card = await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.postMessage" && m.channel === SP && m.text.includes(id)));
    // The requester's own number, from the modal's optional field, is on the card.
    expect(JSON.stringify(card.blocks)).toMatch(/Terugbellen op:[*_]* 06 12345678/);
    expect(buttons(card.blocks).map((b: any) => decodeSlackActionId(b.action_id))).toEqual(["consult.claim", "consult.ask", "consult.note", "consult.closeWithAdvice", "consult.confirmClose"]);
    const claim = buttons(card.blocks)[0];

    // Not a member of the channel, or a coordinator of the other target: refused privately.
    for (const user of [OTHER, ET_COORD, ASKER]) {
      await press(user, SP, { ts: card.ts!, blocks: card.blocks }, claim);
      await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.postEphemeral" && m.user === user && m.text.includes("alleen een coördinator")));
    }

    await press(COORD, SP, { ts: card.ts!, blocks: card.blocks }, claim);
    const updated = await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.update" && m.ts === card.ts && m.text.includes("opgepakt door Cor")));
    expect(updated.channel).toBe(SP);
    await fake.waitFor(() => fake.messages().find((m) => m.channel === dmTo(ASKER) && m.text.includes(`${id} is opgepakt door Cor`)));

    // Ask back: the form comes privately, the question goes to the requester's DM.
    const ask = buttons(updated.blocks).find((b: any) => decodeSlackActionId(b.action_id) === "consult.ask");
    await press(COORD, SP, { ts: card.ts!, blocks: updated.blocks }, ask);
    const askForm = await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.postEphemeral" && m.user === COORD && blocksText(m.blocks).includes("Vraag aan de aanvrager")));
    const asking = formSubmit(askForm.blocks, { question: "Is de gemeente betrokken?" });
    await press(COORD, SP, { ts: "2.0", blocks: askForm.blocks }, asking.button, asking.state, true);
    const question = await fake.waitFor(() => fake.messages().find((m) => m.channel === dmTo(ASKER) && m.text.includes("Is de gemeente betrokken?")));
    await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.update" && m.ts === card.ts && m.text.includes("vraag uitgezet")));
    // Asked in the coordinators' channel, the question shows under the card; the confirmation does
    // not repeat it (team try: the coordinator read it twice).
    await fake.waitFor(() => fake.messages().find((m) => m.channel === SP && m.threadTs === card.ts && m.text.includes("Is de gemeente betrokken?")));
    const confirmed = await fake.waitFor(() => fake.messages().find((m) => m.via === "response_url" && m.text.includes(`Je vraag over ${id} is naar de aanvrager gestuurd`)));
    expect(confirmed.text).not.toContain("Is de gemeente betrokken?");

    const answering = formSubmit(question.blocks, { answer: "Ja, sinds maandag." });
    await press(ASKER, dmTo(ASKER), { ts: question.ts!, blocks: question.blocks }, answering.button, answering.state);
    const inThread = await fake.waitFor(() => fake.messages().find((m) => m.channel === SP && m.threadTs === card.ts && m.text.includes("Ja, sinds maandag.")));
    expect(inThread.via).toBe("chat.postMessage");
    // The question's DM loses its form in place once answered.
    const settled = await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.update" && m.ts === question.ts && m.text.includes("Beantwoord: je antwoord is doorgestuurd.")));
    expect(JSON.stringify(settled.blocks)).not.toContain("Antwoord sturen");

    // "Afronden" asks first (verification try: one press closed it); "Ja, afronden" closes.
    const close = buttons(updated.blocks).find((b: any) => decodeSlackActionId(b.action_id) === "consult.confirmClose");
    await press(COORD, SP, { ts: card.ts!, blocks: updated.blocks }, close);
    const confirm = await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.postEphemeral" && m.user === COORD && blocksText(m.blocks).includes(`${id} afronden?`)));
    expect(fake.messages().some((m) => m.via === "chat.update" && m.ts === card.ts && m.text.includes("afgerond door Cor"))).toBe(false);
    const yes = buttons(confirm.blocks).find((b: any) => decodeSlackActionId(b.action_id) === "consult.close");
    expect(yes.text.text).toBe("Ja, afronden");
    await press(COORD, SP, { ts: "3.0", blocks: confirm.blocks }, yes, undefined, true);
    await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.update" && m.ts === card.ts && m.text.includes("afgerond door Cor")));
    await fake.waitFor(() => fake.messages().find((m) => m.channel === dmTo(ASKER) && m.text.includes(`${id} is afgerond`)));
    // One card: every later state was an update of it.
    expect(fake.messages().filter((m) => m.via === "chat.postMessage" && m.channel === SP && !m.threadTs && m.text.includes(id))).toHaveLength(1);

    // The requester's own list, by slash command.
    const list = fake.responseUrl();
    await slack.command({ token: "legacy", team_id: fake.team.id, channel_id: CHANNEL, user_id: ASKER, command: "/wegwijs", text: "consult lijst", response_url: list, trigger_id: `${nowSeconds()}.3.${randomUUID()}` });
    const listed = await fake.waitFor(() => fake.responses.find((r) => list.endsWith(r.id)));
    expect(blocksText(listed.body.blocks)).toContain(id);
    const otherList = fake.responseUrl();
    await slack.command({ token: "legacy", team_id: fake.team.id, channel_id: CHANNEL, user_id: OTHER, command: "/wegwijs", text: "consult lijst", response_url: otherList, trigger_id: `${nowSeconds()}.4.${randomUUID()}` });
    const notListed = await fake.waitFor(() => fake.responses.find((r) => otherList.endsWith(r.id)));
    expect(blocksText(notListed.body.blocks)).not.toContain(id);

    // App Home lists the requester's own requests.
    await slack.event({
      token: "legacy-verification-token", team_id: fake.team.id, api_app_id: "A0WEGWIJS", type: "event_callback", event_id: `Ev${RUN}`, event_time: nowSeconds(),
      event: { type: "app_home_opened", user: ASKER, channel: dmTo(ASKER), tab: "home", event_ts: `${nowSeconds()}.000100` },
      authorizations: [{ enterprise_id: null, team_id: fake.team.id, user_id: fake.team.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    });
    const home = await fake.waitFor(() => fake.callsTo("views.publish").find((c) => c.body.user_id === ASKER));
    expect(blocksText(home.body.view.blocks ?? JSON.parse(home.body.view).blocks)).toContain(id);
  });

  it("10 simultaneous claims in the channel: one winner, nine ephemeral refusals naming the winner, one history entry; non-members cannot ask, note or close", { timeout: 60_000 }, async () => {
    const filed = await fetch(`${app.baseUrl}/api/chat`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: `web-asker-${RUN}`, action: { id: "consult.submit", value: "consult", fields: { target: "servicepunt", urgency: "spoed", caseRef: `R-${RUN}`, question: "Vraag", tried: "Gebeld" } } }),
    });
    const id = JSON.stringify(await filed.json()).match(/CR-\d{4}-\d{6}/)![0];
    const card = await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.postMessage" && m.channel === SP && m.text.includes(id)));
    const byId = (a: string) => buttons(card.blocks).find((b: any) => decodeSlackActionId(b.action_id) === a);

    const refusalsOfOther = () => fake.messages().filter((m) => m.via === "chat.postEphemeral" && m.user === OTHER && m.text.includes("alleen een coördinator")).length;
    const before = refusalsOfOther();
    for (const action of ["consult.ask", "consult.note", "consult.confirmClose"]) {
      await press(OTHER, SP, { ts: card.ts!, blocks: card.blocks }, byId(action));
    }
    await fake.waitFor(() => (refusalsOfOther() >= before + 3 ? true : undefined));

    const responses = await Promise.all(TEAM.map((user) => press(user, SP, { ts: card.ts!, blocks: card.blocks }, byId("consult.claim"))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const answers = () => fake.messages().filter((m) => m.via === "chat.postEphemeral" && TEAM.includes(m.user!));
    await fake.waitFor(() => (answers().length >= 10 ? true : undefined), 20_000);
    const won = answers().filter((m) => m.text.includes(`Je hebt ${id} opgepakt`));
    expect(won).toHaveLength(1);
    const winner = TEAM.indexOf(won[0]!.user!);
    const refused = answers().filter((m) => m.text.includes(`al opgepakt door Coördinator ${winner}.`));
    expect(refused.map((m) => m.user).sort()).toEqual(TEAM.filter((_, i) => i !== winner).sort());
    await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.update" && m.ts === card.ts && m.text.includes(`opgepakt door Coördinator ${winner}`)));
    const { consultKind } = await import("../../src/handlers/consult/consultModel.js");
    const history = await app.app.records.open(consultKind(60)).history(id);
    expect(history.filter((h) => h.type === "claimed")).toHaveLength(1);
    expect(history.map((h) => h.type)).toEqual(["filed", "claimed"]);
  });

  describe("the hand-over button under a route outcome", () => {
    // One walker per test: "route" again in the same DM would resume the walk that was done.
    let WALKER = "";
    let DM = "";
    let walkers = 0;
    /** Every button of a message, those in section accessories too. */
    const allButtons = (blocks: any[] | undefined = []) =>
      blocks.flatMap((b: any) => [...(b.type === "actions" ? b.elements.map((e: any) => ({ ...e, block_id: b.block_id })) : []), ...(b.accessory?.type === "button" ? [{ ...b.accessory, block_id: b.block_id }] : [])]);
    /** The first message in the DM since call `from` with a button `id` (and `value`). */
    const buttonInDm = (from: number, id: string, value?: string) =>
      fake.waitFor(() => {
        for (const message of fake.messages().slice(from).reverse()) {
          if (message.channel !== DM) continue;
          const button = allButtons(message.blocks).find((b: any) => decodeSlackActionId(b.action_id) === id && (value === undefined || b.value === value));
          if (button) return { message, button };
        }
        return undefined;
      }, 15_000);
    const pressWithTrigger = (message: { ts?: string; blocks?: any[]; text: string }, button: any, triggerId: string) =>
      slack.interaction({
        type: "block_actions",
        user: { id: WALKER, username: "u", team_id: fake.team.id },
        team: { id: fake.team.id, domain: "test" },
        api_app_id: "A0WEGWIJS",
        container: { type: "message", message_ts: message.ts, channel_id: DM, is_ephemeral: false },
        channel: { id: DM, name: "directmessage" },
        message: { type: "message", user: fake.team.botUserId, ts: message.ts, text: message.text, blocks: message.blocks },
        state: { values: {} },
        trigger_id: triggerId,
        response_url: fake.responseUrl(),
        actions: [{ action_id: button.action_id, block_id: button.block_id, type: "button", value: button.value, text: button.text, action_ts: "1.1" }],
      });

    /** Walks the spoedroute in the DM to the outcome with a spoedberaad and HSJ expertise via the Servicepunt. */
    async function walkToOutcome(): Promise<{ message: any; button: any }> {
      WALKER = `UWALK${++walkers}${RUN}`;
      DM = dmTo(WALKER);
      fake.users.set(WALKER, "Wim");
      const from = fake.messages().length;
      const messageTs = `${nowSeconds()}.000${Math.floor(Math.random() * 900 + 100)}`;
      await slack.event({
        token: "legacy-verification-token", team_id: fake.team.id, api_app_id: "A0WEGWIJS", type: "event_callback", event_id: `EvW${RUN}${randomUUID().slice(0, 6)}`, event_time: nowSeconds(),
        event: { type: "message", channel: DM, channel_type: "im", user: WALKER, text: "route", ts: messageTs, event_ts: messageTs, team: fake.team.id, client_msg_id: randomUUID() },
        authorizations: [{ enterprise_id: null, team_id: fake.team.id, user_id: fake.team.botUserId, is_bot: true, is_enterprise_install: false }],
        is_ext_shared_channel: false,
      });
      let step = await buttonInDm(from, "route.choose", "spoedmachtiging");
      const path = ["spoedmachtiging:spoed-uitgangspunt:0", "spoedmachtiging:spoedberaad:1", "spoedmachtiging:spoedberaad-plannen:0", "spoedmachtiging:hsj:0", "spoedmachtiging:int:0"];
      for (const value of path) {
        const before = fake.messages().length;
        await press(WALKER, DM, { ts: step.message.ts!, blocks: step.message.blocks }, step.button);
        step = await buttonInDm(before, "route.answer", value);
      }
      const before = fake.messages().length;
      await press(WALKER, DM, { ts: step.message.ts!, blocks: step.message.blocks }, step.button);
      return buttonInDm(before, "consult.new");
    }

    it("opens the consult modal at once with the route summary filled in; submitting files a request with that summary", { timeout: 60_000 }, async () => {
      const outcome = await walkToOutcome();
      const summary = String(outcome.button.value).split("\n").slice(1).join("\n");
      // From the spoedroute: urgent, no casusnummer.
      expect(String(outcome.button.value).split("\n")[0]).toBe("servicepunt||spoed");
      expect(summary).toContain("Plaatsingsroute: Spoedroute (spoedmachtiging)");
      expect(summary).toContain("Nog niet gedaan:\n- Spoedberaad met de jongere en de ouders erbij");

      const trigger = `${nowSeconds()}.5.${randomUUID()}`;
      const callsBefore = fake.calls.length;
      const messagesBefore = fake.messages().length;
      expect((await pressWithTrigger(outcome.message, outcome.button, trigger)).status).toBe(200);
      const opened = await fake.waitFor(() => fake.callsTo("views.open").find((c) => c.body.trigger_id === trigger));
      // The modal is the first thing the press does: no lookup of the user, no message before it.
      const after = fake.calls.slice(callsBefore);
      const forWalker = after.findIndex((c) => c.body.user === WALKER || c.body.users === WALKER || c.body.channel === DM);
      expect(forWalker === -1 || forWalker > after.indexOf(opened)).toBe(true);
      const view = typeof opened.body.view === "string" ? JSON.parse(opened.body.view) : opened.body.view;
      const input = (id: string) => view.blocks.find((b: any) => b.type === "input" && b.block_id === id);
      expect(view.blocks.filter((b: any) => b.type === "input").map((b: any) => b.block_id)).toEqual(["target", "urgency", "caseRef", "question", "tried", "summary", "callback"]);
      expect(input("summary").element.initial_value).toBe(summary);
      expect(input("target").element.initial_option.value).toBe("servicepunt");
      expect(input("urgency").element.initial_option.value).toBe("spoed");
      // Within Slack's limits for a modal.
      expect(slackLimitViolations({ text: view.title.text, blocks: view.blocks })).toEqual([]);
      expect(view.title.text.length).toBeLessThanOrEqual(24);
      expect(view.submit.text.length).toBeLessThanOrEqual(24);
      expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
      expect(input("summary").element.initial_value.length).toBeLessThanOrEqual(input("summary").element.max_length);
      // Not also shown as a form in the conversation.
      expect(await fake.quietFor(500, (c) => "method" in c && c.method.startsWith("chat.") && c.body.channel === DM)).toBe(0);
      expect(fake.messages().slice(messagesBefore).filter((m) => m.channel === DM || m.via === "response_url")).toEqual([]);

      // Submitting as shown (target and summary kept, the rest filled in) files the request.
      const ok = await submitModal(view, WALKER, { target: "servicepunt", urgency: "spoed", caseRef: `W-${RUN}`, question: "Kan de HSJ-expert aanschuiven?", tried: "Spoedberaad gepland", summary });
      expect(ok.status).toBe(200);
      const receipt = await fake.waitFor(() => fake.messages().find((m) => m.channel === DM && /CR-\d{4}-\d{6} is ingediend bij het Servicepunt/.test(m.text)));
      const id = receipt.text.match(/CR-\d{4}-\d{6}/)![0];
      const { consultKind } = await import("../../src/handlers/consult/consultModel.js");
      const stored = await app.app.records.open(consultKind(60)).get(id);
      expect(stored!.value).toMatchObject({ summary, target: "servicepunt", caseRef: `W-${RUN}`, requester: { surface: "slack", userId: WALKER } });
      const card = await fake.waitFor(() => fake.messages().find((m) => m.via === "chat.postMessage" && m.channel === SP && m.text.includes(id)));
      expect(blocksText(card.blocks)).toContain("Samenvatting");
    });

    it("shows the form in the conversation when Slack refuses the modal (an expired trigger_id)", { timeout: 60_000 }, async () => {
      const outcome = await walkToOutcome();
      fake.setFault((method) => (method === "views.open" ? { status: 200, body: { ok: false, error: "expired_trigger_id" } } : undefined));
      try {
        const before = fake.messages().length;
        await pressWithTrigger(outcome.message, outcome.button, `${nowSeconds()}.6.${randomUUID()}`);
        const shown = await fake.waitFor(() => fake.messages().slice(before).find((m) => m.channel === DM && blocksText(m.blocks).includes("consult.submit")), 15_000);
        expect(blocksText(shown.blocks)).toContain("Plaatsingsroute: Spoedroute (spoedmachtiging)");
      } finally {
        fake.setFault(undefined);
      }
    });
  });
});
