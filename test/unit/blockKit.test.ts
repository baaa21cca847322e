import { describe, expect, it } from "vitest";
import type { Reply, ReplyPart, ReplyPartKind } from "../../src/bot/reply.js";
import { SAMPLES, source } from "../support/replySamples.js";
import {
  decodeSlackActionId,
  formFieldsFromSlackState,
  incomingActionFromSlack,
  renderSlackMessages,
  splitText,
  type KnownBlock,
  type SlackMessage,
} from "../../src/integrations/slack/blockKit.js";
import { SLACK_LIMITS, slackLimitViolations } from "../../src/integrations/slack/slackLimits.js";

const answerReply: Reply = {
  parts: [
    { kind: "text", text: "Het spoedberaad vindt binnen 24 uur plaats [1] [2].\nDe gemeente organiseert het." },
    { kind: "sources", title: "Bronnen", sources: [1, 2, 3, 4, 5].map((n) => source(n)) },
    {
      kind: "actions",
      actions: [
        { id: "ask.moreSources", label: "Meer bronnen" },
        { id: "ask.feedback", label: "👍 Nuttig", value: "6f1c1f7e-5a8e-4a55-9d7d-1c1f7e5a8e4a:useful" },
        { id: "ask.feedback", label: "👎 Niet nuttig", value: "6f1c1f7e-5a8e-4a55-9d7d-1c1f7e5a8e4a:not_useful" },
      ],
    },
  ],
};

type Element = { type: string; action_id?: string; value?: string; text?: { text: string } };

/** Every interactive element in a message, with the block it sits in. */
function elements(message: SlackMessage): Array<{ block: KnownBlock; element: Element }> {
  return message.blocks.flatMap((block): Array<{ block: KnownBlock; element: Element }> => {
    if (block.type === "actions") return block.elements.map((element) => ({ block, element: element as Element }));
    if (block.type === "section" && block.accessory) return [{ block, element: block.accessory as Element }];
    if (block.type === "input") return [{ block, element: block.element as Element }];
    return [];
  });
}

function buttons(messages: SlackMessage[]) {
  return messages.flatMap(elements).filter(({ element }) => element.type === "button");
}

/** All mrkdwn/plain text shown in the messages' blocks, in order. */
function shownTexts(messages: SlackMessage[]): string[] {
  return messages.flatMap((m) =>
    m.blocks.flatMap((b) => {
      if (b.type === "section" && b.text) return [b.text.text];
      if (b.type === "header") return [b.text.text];
      if (b.type === "context") return b.elements.flatMap((e) => ("text" in e && typeof e.text === "string" ? [e.text] : []));
      return [];
    }),
  );
}

function expectValid(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) expect(slackLimitViolations(message)).toEqual([]);
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe("renderSlackMessages", () => {
  it("renders an answer Slack-natively: sources as context blocks, a footer, and feedback_buttons, within limits", () => {
    const answerId = "6f1c1f7e-5a8e-4a55-9d7d-1c1f7e5a8e4a";
    const reply: Reply = {
      parts: [
        { kind: "text", text: "Het spoedberaad vindt binnen 24 uur plaats [1] [2]." },
        { kind: "sources", title: "Bronnen", sources: [1, 2].map((n) => ({ ...source(n), shortTitle: `Regiovisie ${n}` })) },
        { kind: "actions", actions: [{ id: "route.start", label: "Start de plaatsingsroute", style: "primary" }, { id: "ask.moreSources", label: "Meer bronnen", value: answerId }] },
        { kind: "feedback", answerId },
      ],
    };
    const messages = renderSlackMessages(reply);
    expect(messages).toHaveLength(1);
    expectValid(messages);
    const blocks = messages[0]!.blocks as any[];
    // Each source is one context block: short title, section and the quote.
    const sourceBlocks = blocks.filter((b) => b.type === "context" && /^\*\[\d\]/.test(b.elements[0].text));
    expect(sourceBlocks.map((b) => b.elements[0].text)).toEqual(
      [1, 2].map((n) => `*[${n}] Regiovisie ${n}* — 5.2.5 Matching &amp; plaatsing\n_“Het spoedberaad wordt binnen 24 uur georganiseerd door de gemeente.”_`),
    );
    expect(blocks.some((b) => b.type === "section" && /\[\d\] Regiovisie/.test(b.text.text))).toBe(false);
    // A one-line footer says where the answer comes from, right above the feedback element.
    const feedbackIndex = blocks.findIndex((b) => b.type === "context_actions");
    expect(blocks[feedbackIndex - 1]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: expect.stringMatching(/^Antwoord uit de plandocumenten/) }] });
    expect(blocks[feedbackIndex - 1].elements[0].text).not.toContain("\n");
    // Slack's feedback_buttons element, in a context_actions block, carrying the answer id.
    const element = blocks[feedbackIndex].elements[0];
    expect(element).toMatchObject({
      type: "feedback_buttons",
      positive_button: { text: { type: "plain_text", text: "👍" }, value: `${answerId}:useful`, accessibility_label: "Nuttig" },
      negative_button: { text: { type: "plain_text", text: "👎" }, value: `${answerId}:not_useful`, accessibility_label: "Niet nuttig" },
    });
    expect(decodeSlackActionId(element.action_id)).toBe("ask.feedback");
    // The block_actions payload of a 👎 press (action type feedback_buttons, value of the pressed button).
    const pressed = { type: "feedback_buttons", action_id: element.action_id, block_id: "fb", value: `${answerId}:not_useful`, text: { type: "plain_text", text: "👎" }, action_ts: "1.2" };
    expect(incomingActionFromSlack(pressed)).toEqual({ id: "ask.feedback", value: `${answerId}:not_useful` });
    // The route is the first button.
    expect(buttons(messages)[0]!.element.text?.text).toBe("Start de plaatsingsroute");
  });

  it("reports a feedback_buttons element that breaks Slack's limits", () => {
    const bad = {
      text: "x",
      blocks: [
        {
          type: "context_actions",
          elements: [{ type: "feedback_buttons", action_id: "a|1", positive_button: { text: { type: "plain_text", text: "x".repeat(76) }, value: "v" }, negative_button: { text: { type: "mrkdwn", text: "n" }, value: "" } }],
        },
      ],
    } as unknown as SlackMessage;
    expect(slackLimitViolations(bad)).toEqual([
      "blocks[0].elements[0].positive_button.text: 76 > 75 characters",
      "blocks[0].elements[0].negative_button.text: not a valid text object (plain_text)",
      "blocks[0].elements[0].negative_button.value: missing",
    ]);
  });

  it("renders an answer with 5 sources and 3 actions as one valid message", () => {
    const messages = renderSlackMessages(answerReply);
    expect(messages).toHaveLength(1);
    expectValid(messages);
    const [message] = messages;
    const texts = shownTexts(messages);
    expect(texts[0]).toBe("Het spoedberaad vindt binnen 24 uur plaats [1] [2].\nDe gemeente organiseert het.");
    expect(texts).toContain("*Bronnen*");
    for (const n of [1, 2, 3, 4, 5]) {
      expect(texts).toContain(
        `*[${n}] Regiovisie jeugdhulp ${n}* — 5.2.5 Matching &amp; plaatsing\n_“Het spoedberaad wordt binnen 24 uur georganiseerd door de gemeente.”_`,
      );
    }
    const found = buttons(messages).map(({ element }) => [element.text?.text, element.value]);
    expect(found).toEqual([
      ["Meer bronnen", undefined],
      ["👍 Nuttig", "6f1c1f7e-5a8e-4a55-9d7d-1c1f7e5a8e4a:useful"],
      ["👎 Niet nuttig", "6f1c1f7e-5a8e-4a55-9d7d-1c1f7e5a8e4a:not_useful"],
    ]);
    // The fallback names the answer in plain text, without Slack markup.
    expect(message!.text.startsWith("Het spoedberaad vindt binnen 24 uur plaats")).toBe(true);
    expect(message!.text).not.toMatch(/[*_]/);
  });

  it("gives every interactive element a unique action_id that decodes to our id", () => {
    const messages = renderSlackMessages({ parts: [...answerReply.parts, ...Object.values(SAMPLES)] });
    for (const message of messages) {
      const ids = elements(message).map(({ element }) => element.action_id);
      expect(ids.every((id) => typeof id === "string")).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const decoded = buttons(messages).map(({ element }) => decodeSlackActionId(element.action_id!));
    expect(decoded).toEqual([
      "ask.moreSources",
      "ask.feedback",
      "ask.feedback",
      "ask.moreSources",
      "ask.feedback",
      "ask.feedback",
      "region.pick",
      "region.pick",
      "region.pick",
      "checklist.set",
      "checklist.set",
      "checklist.set",
      "checklist.set",
      "checklist.owner",
      "consult.submit",
    ]);
  });

  it("decodes action ids, including ids that contain the separator", () => {
    expect(decodeSlackActionId("ask.feedback|2")).toBe("ask.feedback");
    expect(decodeSlackActionId("a|b|17")).toBe("a|b");
    expect(decodeSlackActionId("no-suffix")).toBe("no-suffix");
    const [message] = renderSlackMessages({ parts: [{ kind: "actions", actions: [{ id: "odd|id", label: "Knop", value: "v" }] }] });
    const [{ element }] = elements(message!) as [{ block: KnownBlock; element: Element }];
    expect(incomingActionFromSlack({ action_id: element.action_id!, value: element.value })).toEqual({ id: "odd|id", value: "v" });
  });

  it("maps a clicked feedback button back to the IncomingAction it was rendered from", () => {
    const [message] = renderSlackMessages(answerReply);
    const negative = buttons([message!]).find(({ element }) => element.text?.text === "👎 Niet nuttig")!.element;
    expect(incomingActionFromSlack({ action_id: negative.action_id!, block_id: "x8Yq", value: negative.value })).toEqual({
      id: "ask.feedback",
      value: "6f1c1f7e-5a8e-4a55-9d7d-1c1f7e5a8e4a:not_useful",
    });
  });

  it("splits a 20,000-character text over several valid messages without losing any of it", () => {
    const sentences = Array.from(
      { length: 400 },
      (_, i) => `Zin ${i} over het *spoedberaad* & de plaatsing <JeugdzorgPlus> in regio ${i % 7}.${i % 9 === 8 ? "\n\n" : " "}`,
    );
    const text = sentences.join("").slice(0, 20_000);
    expect(text.length).toBe(20_000);
    const messages = renderSlackMessages({ parts: [{ kind: "text", text }] });
    expect(messages.length).toBeGreaterThan(1);
    expectValid(messages);
    for (const t of shownTexts(messages)) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const shown = unescape(shownTexts(messages).join("\n")).replace(/_([^_\n]+)_/g, "*$1*");
    expect(words(shown)).toEqual(words(text));
  });

  it("splits 60 parts over messages of at most 50 blocks, in order", () => {
    const parts: ReplyPart[] = Array.from({ length: 60 }, (_, i) => ({ kind: "text", text: `Alinea ${i + 1}` }));
    const messages = renderSlackMessages({ parts });
    expect(messages.length).toBe(2);
    expectValid(messages);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(shownTexts(messages)).toEqual(parts.map((_, i) => `Alinea ${i + 1}`));
  });

  it.each(Object.values(SAMPLES))("renders a $kind part within the limits", (part) => {
    const messages = renderSlackMessages({ parts: [part] });
    expectValid(messages);
    expect(messages.flatMap((m) => m.blocks).length).toBeGreaterThan(0);
    for (const m of messages) expect(m.text.trim()).not.toBe("");
  });

  it("renders headings as header blocks, long ones as a bold section without cutting them", () => {
    const [short] = renderSlackMessages({ parts: [SAMPLES.heading] });
    expect(short!.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Spoedberaad", emoji: true } });
    const long = "Wat de gemeenten in de regio Rijnmond afspreken over spoedplaatsingen ".repeat(3).trim();
    expect(long.length).toBeGreaterThan(150);
    const messages = renderSlackMessages({ parts: [{ kind: "heading", text: long }] });
    expectValid(messages);
    expect(shownTexts(messages)).toEqual([`*${long}*`]);
  });

  it("escapes &, < and > everywhere Slack parses text, so nothing becomes a mention or link", () => {
    const messages = renderSlackMessages({
      parts: [
        { kind: "text", text: "Zorg <!channel> & <https://evil.example|klik> > 3 dagen" },
        { kind: "notice", level: "info", text: "A<B & C>D" },
        { kind: "sources", title: "Bronnen <1>", sources: [{ ...source(1), documentTitle: "Plan <a> & b", quote: "x > y & z < w" }] },
      ],
    });
    expectValid(messages);
    const texts = shownTexts(messages);
    expect(texts[0]).toBe("Zorg &lt;!channel&gt; &amp; &lt;https://evil.example|klik&gt; &gt; 3 dagen");
    expect(texts[1]).toBe("ℹ️ A&lt;B &amp; C&gt;D");
    expect(texts[2]).toBe("*Bronnen &lt;1&gt;*");
    expect(texts[3]).toBe("*[1] Plan &lt;a&gt; &amp; b* — 5.2.5 Matching &amp; plaatsing\n_“x &gt; y &amp; z &lt; w”_");
    for (const t of texts) expect(t).not.toMatch(/<|>|&(?!amp;|lt;|gt;)/);
    expect(messages[0]!.text).not.toMatch(/<|>/);
  });

  it("turns our *emphasis* into Slack's _emphasis_", () => {
    const [message] = renderSlackMessages({ parts: [{ kind: "text", text: "Lees *eerst* de regiovisie." }] });
    expect(shownTexts([message!])).toEqual(["Lees _eerst_ de regiovisie."]);
    expect(message!.text).toBe("Lees eerst de regiovisie.");
  });

  it("shows at most 10 sources per message and repeats the title when sources continue", () => {
    const sources = Array.from({ length: 23 }, (_, i) => source(i + 1));
    const messages = renderSlackMessages({ parts: [{ kind: "sources", title: "Bronnen", sources }] });
    expect(messages).toHaveLength(3);
    expectValid(messages);
    const perMessage = messages.map((m) => shownTexts([m]).filter((t) => /^\*\[\d+\]/.test(t)).length);
    expect(perMessage).toEqual([10, 10, 3]);
    expect(shownTexts([messages[1]!])[0]).toBe("*Bronnen (vervolg)*");
    const numbers = shownTexts(messages).flatMap((t) => /^\*\[(\d+)\]/.exec(t)?.[1] ?? []);
    expect(numbers.map(Number)).toEqual(sources.map((s) => s.n));
  });

  it("uses buttons for up to 5 choices and a select menu beyond that; both map back to the choice", () => {
    const few = renderSlackMessages({ parts: [SAMPLES.choices] });
    expect(buttons(few).map(({ element }) => element.value)).toEqual(["noord", "oost", "zuid"]);
    const choices = Array.from({ length: 12 }, (_, i) => ({ label: `Regio ${i + 1}`, value: `r${i + 1}` }));
    const many = renderSlackMessages({ parts: [{ kind: "choices", prompt: "Welke regio?", actionId: "region.pick", choices }] });
    expectValid(many);
    const [select] = elements(many[0]!).filter(({ element }) => element.type === "static_select");
    expect(select).toBeDefined();
    expect(
      incomingActionFromSlack({ action_id: select!.element.action_id!, selected_option: { value: "r7" } }),
    ).toEqual({ id: "region.pick", value: "r7" });
  });

  it("shows choice labels longer than a button in full above the buttons", () => {
    const label = "Ik wil weten welke stappen de gemeente moet zetten voordat een jeugdige wordt geplaatst in de JeugdzorgPlus";
    const messages = renderSlackMessages({
      parts: [{ kind: "choices", prompt: "Wat bedoel je?", actionId: "clarify", choices: [{ label, value: "steps" }, { label: "Iets anders", value: "other" }] }],
    });
    expectValid(messages);
    expect(shownTexts(messages)[0]).toContain(`1. ${label}`);
    const texts = buttons(messages).map(({ element }) => element.text!.text);
    expect(texts[0]!.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
    expect(texts[1]).toBe("2. Iets anders");
  });

  it("renders a checklist with target-state buttons per item, who changed it when, and no buttons once closed", () => {
    const messages = renderSlackMessages({ parts: [SAMPLES.checklist] });
    expectValid(messages);
    expect(messages).toHaveLength(1);
    expect(shownTexts(messages)).toEqual([
      "*Checklist spoedberaad*",
      "1 van 2 klaar · voorzitter: Kees",
      "✅ 1. Jeugdige gehoord\n_gewijzigd door Sanne, 14:05_",
      "⬜ 2. Ouders geïnformeerd",
    ]);
    const pressed = buttons(messages).map(({ element }) => incomingActionFromSlack({ action_id: element.action_id!, value: element.value }));
    expect(pressed).toEqual([
      { id: "checklist.set", value: "spoed-42:heard:nvt" },
      { id: "checklist.set", value: "spoed-42:heard:open" },
      { id: "checklist.set", value: "spoed-42:parents:done" },
      { id: "checklist.set", value: "spoed-42:parents:nvt" },
      { id: "checklist.owner", value: "spoed-42:parents" },
    ]);
    expect(buttons(messages).map(({ element }) => element.text?.text)).toEqual(["N.v.t.", "Weer open", "Klaar", "N.v.t.", "Ik pak dit op"]);
    const closed = renderSlackMessages({ parts: [{ ...SAMPLES.checklist, status: "closed" }] });
    expect(buttons(closed)).toEqual([]);
    expect(shownTexts(closed)[1]).toBe("Afgerond · 1 van 2 klaar · voorzitter: Kees");
  });

  it("keeps the largest checklist (15 items, full labels, owners, notes and Details buttons) in one message within Block Kit limits", () => {
    const items = Array.from({ length: 15 }, (_, i) => ({
      id: `punt-${i}`,
      label: `${"Een lang punt op de checklist ".repeat(5)}${i}`,
      state: "open" as const,
      owner: "Sanne de Vries",
      dueAt: "2026-03-02T14:00:00.000Z",
      note: "n".repeat(280),
      changedBy: "Kees",
      changedAt: "2026-03-02T13:05:00.000Z",
    }));
    const messages = renderSlackMessages({ parts: [{ ...SAMPLES.checklist, items, detailsActionId: "checklist.details" }] });
    expectValid(messages);
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0]).match(/"text":"Details"/g)).toHaveLength(15);
  });

  it("renders a form whose submit, with a realistic block_actions state, carries the fields", () => {
    const messages = renderSlackMessages({ parts: [{ kind: "text", text: "Vraag een consult aan." }, SAMPLES.form] });
    expect(messages).toHaveLength(1);
    expectValid(messages);
    const message = messages[0]!;
    const inputs = message.blocks.filter((b): b is Extract<KnownBlock, { type: "input" }> => b.type === "input");
    expect(inputs.map((b) => [b.label.text, b.optional, b.element.type])).toEqual([
      ["Casusnummer", false, "plain_text_input"],
      ["Samenvatting", true, "plain_text_input"],
      ["Urgentie", false, "static_select"],
    ]);
    expect(inputs[1]!.element).toMatchObject({ multiline: true, initial_value: "Route: spoedberaad → plaatsing" });

    // What Slack posts when the submit button is clicked: state.values keyed by block_id, then action_id.
    const [caseBlock, summaryBlock, urgencyBlock] = inputs.map((b) => ({ blockId: b.block_id!, actionId: (b.element as Element).action_id! }));
    const state = {
      values: {
        [caseBlock!.blockId]: { [caseBlock!.actionId]: { type: "plain_text_input", value: "C-2024-017" } },
        [summaryBlock!.blockId]: { [summaryBlock!.actionId]: { type: "plain_text_input", value: null } },
        [urgencyBlock!.blockId]: {
          [urgencyBlock!.actionId]: {
            type: "static_select",
            selected_option: { text: { type: "plain_text", text: "Vandaag", emoji: true }, value: "today" },
          },
        },
        // An unrelated select elsewhere in the message is ignored.
        Xk2: { "region.pick|9": { type: "static_select", selected_option: null } },
      },
    };
    expect(formFieldsFromSlackState(state, "consult")).toEqual({ caseNumber: "C-2024-017", summary: "", urgency: "today" });
    expect(formFieldsFromSlackState(state.values)).toEqual({ caseNumber: "C-2024-017", summary: "", urgency: "today" });
    expect(formFieldsFromSlackState(state, "another-form")).toEqual({});
    expect(formFieldsFromSlackState(undefined)).toEqual({});

    const submitBlock = message.blocks.find((b) => b.type === "actions" && b.block_id?.startsWith("ws|"));
    const submit = buttons([message]).find(({ element }) => element.text?.text === "Aanvraag versturen")!;
    expect(submit.block).toBe(submitBlock);
    const action = { type: "button", action_id: submit.element.action_id!, block_id: submitBlock!.block_id!, value: submit.element.value };
    expect(incomingActionFromSlack(action, state)).toEqual({
      id: "consult.submit",
      value: "consult",
      fields: { caseNumber: "C-2024-017", summary: "", urgency: "today" },
    });
  });

  it("keeps form ids with separators intact through block_id encoding", () => {
    const form = { ...SAMPLES.form, formId: "consult|2024 #3", fields: [{ id: "case|nr", label: "Casus", kind: "text" as const, required: true }] };
    const [message] = renderSlackMessages({ parts: [form] });
    expect(slackLimitViolations(message!)).toEqual([]);
    const input = message!.blocks.find((b) => b.type === "input")!;
    const state = { values: { [input.block_id!]: { "field|0": { type: "plain_text_input", value: "C-1" } } } };
    expect(formFieldsFromSlackState(state, "consult|2024 #3")).toEqual({ "case|nr": "C-1" });
  });

  it("splits a form too large for one message into parts that each submit their own fields", () => {
    const fields = Array.from({ length: 70 }, (_, i) => ({ id: `f${i}`, label: `Vraag ${i + 1}`, kind: "text" as const, required: false }));
    const messages = renderSlackMessages({ parts: [{ ...SAMPLES.form, fields }] });
    expect(messages.length).toBe(2);
    expectValid(messages);
    const perMessage = messages.map((m) => m.blocks.filter((b) => b.type === "input").map((b) => b.block_id!.split("|")[2]));
    expect(perMessage.flat()).toEqual(fields.map((f) => f.id));
    for (const m of messages) expect(buttons([m]).filter(({ element }) => element.value === "consult")).toHaveLength(1);
    expect(shownTexts(messages).filter((t) => t.startsWith("*Consult aanvragen"))).toEqual([
      "*Consult aanvragen (deel 1/2)*",
      "*Consult aanvragen (deel 2/2)*",
    ]);
  });

  it("keeps a heading together with what follows it", () => {
    const parts: ReplyPart[] = [
      ...Array.from({ length: 49 }, (_, i): ReplyPart => ({ kind: "text", text: `Regel ${i}` })),
      { kind: "heading", text: "Volgende stap" },
      { kind: "text", text: "Leg je vraag voor aan het Servicepunt." },
    ];
    const messages = renderSlackMessages({ parts });
    expectValid(messages);
    expect(messages[1]!.blocks[0]).toMatchObject({ type: "header" });
  });

  it("renders a person field as Slack's users_select, a description under the title and the cancel button outside the submit block", () => {
    const form = {
      kind: "form" as const,
      formId: "c1:analyse",
      title: "Details",
      description: "⬜ Er is een gedeelde verklarende analyse",
      submitActionId: "spoedberaad.details",
      submitLabel: "Opslaan",
      fields: [
        { id: "owner", label: "Eigenaar", kind: "person" as const, required: false, value: "U0KEES", options: [{ label: "Kees", value: "U0KEES" }] },
        { id: "note", label: "Notitie", kind: "text" as const, required: false, maxLength: 280 },
      ],
      cancel: { id: "spoedberaad.show", label: "Annuleren", value: "c1" },
    };
    const [message] = renderSlackMessages({ parts: [form] });
    expectValid([message!]);
    const blocks = message!.blocks as any[];
    expect(blocks[1]).toMatchObject({ type: "section", text: { text: "⬜ Er is een gedeelde verklarende analyse" } });
    const inputs = blocks.filter((b) => b.type === "input");
    expect(inputs[0].element).toMatchObject({ type: "users_select", initial_user: "U0KEES" });
    expect(inputs[1].element).toMatchObject({ type: "plain_text_input", max_length: 280 });
    const [submitBlock, cancelBlock] = blocks.filter((b) => b.type === "actions");
    expect(submitBlock.block_id).toMatch(/^ws\|/);
    expect(cancelBlock.block_id).toBeUndefined();
    const cancel = cancelBlock.elements[0];
    expect(incomingActionFromSlack({ action_id: cancel.action_id, value: cancel.value })).toEqual({ id: "spoedberaad.show", value: "c1" });
    // A picked person comes back as the field's value.
    const submit = submitBlock.elements[0];
    const state = { values: Object.fromEntries(inputs.map((b) => [b.block_id, { [b.element.action_id]: b.element.type === "users_select" ? { type: "users_select", selected_user: "U0SANNE" } : { type: "plain_text_input", value: "Kort" } }])) };
    expect(incomingActionFromSlack({ action_id: submit.action_id, block_id: submitBlock.block_id, value: submit.value }, state)).toEqual({
      id: "spoedberaad.details",
      value: "c1:analyse",
      fields: { owner: "U0SANNE", note: "Kort" },
    });
  });

  it("mentions a person as <@U…> in the blocks and the notification text; the text around it stays escaped", () => {
    const [message] = renderSlackMessages({
      parts: [{ kind: "mention", person: { userId: "U0SANNE", name: "Sanne" }, before: "⏰ Herinnering <b> voor ", after: ": \"A & B\" staat nog open." }],
    });
    expectValid([message!]);
    expect(message!.blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: '⏰ Herinnering &lt;b&gt; voor <@U0SANNE>: "A &amp; B" staat nog open.' } }]);
    expect(message!.text).toBe('⏰ Herinnering &lt;b&gt; voor <@U0SANNE>: "A &amp; B" staat nog open.');
    // An id that is no Slack user id is never turned into a mention: the name is shown.
    const [other] = renderSlackMessages({ parts: [{ kind: "mention", person: { userId: "web-<!channel>", name: "Piet" }, before: "Voor ", after: "." }] });
    expect(JSON.stringify(other)).not.toContain("<!channel>");
    expect(other!.text).toBe("Voor Piet.");
  });
});

describe("slackLimitViolations", () => {
  it("reports documented limits a hand-made message breaks", () => {
    const problems = slackLimitViolations({
      text: "",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "x".repeat(151) } },
        { type: "section", text: { type: "mrkdwn", text: "y".repeat(3001) } },
        {
          type: "actions",
          elements: [
            { type: "button", action_id: "a", text: { type: "plain_text", text: "z".repeat(76) }, value: "v".repeat(2001) },
            { type: "button", action_id: "a", text: { type: "plain_text", text: "ok" } },
          ],
        },
        { type: "context", elements: Array.from({ length: 11 }, () => ({ type: "mrkdwn" as const, text: "c" })) },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^text: empty/),
        expect.stringMatching(/^blocks\[0\]\.text: 151 > 150/),
        expect.stringMatching(/^blocks\[1\]\.text: 3001 > 3000/),
        expect.stringMatching(/^blocks\[2\]\.elements\[0\]\.text: 76 > 75/),
        expect.stringMatching(/^blocks\[2\]\.elements\[0\]\.value: 2001 > 2000/),
        expect.stringMatching(/^blocks\[2\]\.elements\[1\]: action_id "a" is not unique/),
        expect.stringMatching(/^blocks\[3\]\.elements: 11 > 10/),
      ]),
    );
  });

  it("reports more than 50 blocks and too much text in one message", () => {
    const blocks: KnownBlock[] = Array.from({ length: 51 }, () => ({ type: "section", text: { type: "mrkdwn", text: "t".repeat(300) } }));
    const problems = slackLimitViolations({ text: "fallback", blocks });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^blocks: 51 > 50/), expect.stringMatching(/^blocks: 15300 characters/)]));
  });
});

describe("splitText", () => {
  it("prefers paragraph, then sentence, then word boundaries", () => {
    expect(splitText("Een twee.\n\nDrie vier.", 12)).toEqual(["Een twee.", "Drie vier."]);
    expect(splitText("Een twee. Drie vier.", 12)).toEqual(["Een twee.", "Drie vier."]);
    expect(splitText("een twee drie vier", 9)).toEqual(["een twee", "drie vier"]);
    expect(splitText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("does not split inside an *emphasis* span when a word boundary elsewhere will do", () => {
    expect(splitText("aa *bb cc* dd", 9)).toEqual(["aa", "*bb cc*", "dd"]);
  });

  it("never splits a surrogate pair", () => {
    const chunks = splitText("👍".repeat(10), 5);
    expect(chunks.join("")).toBe("👍".repeat(10));
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(5);
  });
});
