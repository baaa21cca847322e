import { describe, expect, it } from "vitest";
import type { IncomingAction } from "../../src/bot/incoming.js";
import type { Reply, ReplyPart, ReplyPartKind } from "../../src/bot/reply.js";
import { SAMPLES, source } from "../support/replySamples.js";
import {
  ADAPTIVE_CARD_MAX_BYTES,
  CHOICE_INPUT_ID,
  TEAMS_MESSAGE_LIMIT_BYTES,
  adaptiveCardAttachment,
  cardSizeBytes,
  incomingActionFromTeamsValue,
  renderAdaptiveCards,
  type AdaptiveCard,
  type CardElement,
  type SubmitAction,
} from "../../src/integrations/teams/adaptiveCard.js";

type AnyElement = CardElement | { type: "Column"; items: CardElement[] };

/** Every element in the card, depth first (containers, columns, action sets included). */
function walk(card: AdaptiveCard): AnyElement[] {
  const out: AnyElement[] = [];
  const visit = (el: AnyElement): void => {
    out.push(el);
    if (el.type === "Container" || el.type === "Column") el.items.forEach(visit);
    if (el.type === "ColumnSet") el.columns.forEach(visit);
  };
  card.body.forEach(visit);
  return out;
}

function submits(card: AdaptiveCard): SubmitAction[] {
  return [...walk(card).flatMap((el) => (el.type === "ActionSet" ? el.actions : [])), ...(card.actions ?? [])];
}

function inputs(card: AdaptiveCard) {
  return walk(card).filter((el) => el.type === "Input.Text" || el.type === "Input.ChoiceSet");
}

function texts(cards: AdaptiveCard[]): string[] {
  return cards.flatMap((card) => walk(card).flatMap((el) => (el.type === "TextBlock" ? [el.text] : [])));
}

/** What Teams sends as the activity's value when the action is clicked: its data merged with the card's inputs. */
function teamsValue(action: SubmitAction, entered: Record<string, string> = {}): unknown {
  return JSON.parse(JSON.stringify({ ...action.data, ...(action.associatedInputs === "auto" ? entered : {}) }));
}

describe("renderAdaptiveCards", () => {
  it("produces Adaptive Card 1.5 objects in Dutch, wrapped as attachments", () => {
    const cards = renderAdaptiveCards({ parts: [SAMPLES.text] });
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card).toMatchObject({
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      lang: "nl",
    });
    expect(card.body).toEqual([
      { type: "TextBlock", text: "Bij een _spoedberaad_ schuiven de jeugdige en ouders aan [1].\n\nDaarna volgt de plaatsing.", wrap: true },
    ]);
    expect(adaptiveCardAttachment(card)).toEqual({ contentType: "application/vnd.microsoft.card.adaptive", content: card });
  });

  // feedback is Teams' own feedback loop on the answer message (teamsReplies.ts), not card content.
  it.each(Object.values(SAMPLES).filter((p) => p.kind !== "feedback"))("renders a $kind part", (part) => {
    const cards = renderAdaptiveCards({ parts: [part] });
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card.version).toBe("1.5");
      expect(card.body.length).toBeGreaterThan(0);
      expect(cardSizeBytes(card)).toBeLessThanOrEqual(ADAPTIVE_CARD_MAX_BYTES);
      for (const el of walk(card)) if (el.type === "TextBlock") expect(el.wrap).toBe(true);
    }
  });

  it("renders a feedback part as nothing in the card (Teams draws its own 👍 / 👎)", () => {
    expect(renderAdaptiveCards({ parts: [SAMPLES.feedback] })).toEqual([]);
  });

  it("renders headings bold and large, notices in a styled container", () => {
    const [card] = renderAdaptiveCards({
      parts: [SAMPLES.heading, SAMPLES.notice, { kind: "notice", level: "info", text: "Wegwijs geeft geen juridisch advies." }],
    });
    expect(card!.body).toEqual([
      { type: "TextBlock", text: "Spoedberaad", wrap: true, weight: "Bolder", size: "Large", style: "heading" },
      { type: "Container", style: "warning", spacing: "Medium", items: [{ type: "TextBlock", text: "⚠️ Noem geen namen of BSN van jongeren.", wrap: true }] },
      { type: "Container", style: "emphasis", spacing: "Medium", items: [{ type: "TextBlock", text: "ℹ️ Wegwijs geeft geen juridisch advies.", wrap: true }] },
    ]);
  });

  it("renders sources as one container with the citation numbers and quotes", () => {
    const [card] = renderAdaptiveCards({ parts: [SAMPLES.sources] });
    expect(card!.body).toHaveLength(1);
    const container = card!.body[0]!;
    expect(container.type).toBe("Container");
    expect(texts([card!])).toEqual([
      "Bronnen",
      "**[1] Regiovisie jeugdhulp 1** — 5.2.5 Matching & plaatsing",
      "_“Het spoedberaad wordt binnen 24 uur georganiseerd door de gemeente.”_",
      "**[2] Regiovisie jeugdhulp 2** — 5.2.5 Matching & plaatsing",
      "_“Het spoedberaad wordt binnen 24 uur georganiseerd door de gemeente.”_",
    ]);
  });

  it("round-trips every button through incomingActionFromTeamsValue", () => {
    const [card] = renderAdaptiveCards({ parts: [SAMPLES.actions, SAMPLES.choices] });
    const actions = submits(card!);
    expect(actions.map((a) => [a.title, a.style])).toEqual([
      ["Meer bronnen", "positive"],
      ["👍 Nuttig", undefined],
      ["👎 Niet nuttig", "destructive"],
      ["Noord", undefined],
      ["Oost", undefined],
      ["Zuid", undefined],
    ]);
    for (const action of actions) expect(action.associatedInputs).toBe("none");
    expect(actions.map((a) => incomingActionFromTeamsValue(teamsValue(a)))).toEqual<IncomingAction[]>([
      { id: "ask.moreSources" },
      { id: "ask.feedback", value: "a1:useful" },
      { id: "ask.feedback", value: "a1:not_useful" },
      { id: "region.pick", value: "noord" },
      { id: "region.pick", value: "oost" },
      { id: "region.pick", value: "zuid" },
    ]);
  });

  it("renders a long choice list as a compact dropdown whose submit returns the choice", () => {
    const choices = Array.from({ length: 12 }, (_, i) => ({ label: `Regio ${i + 1}`, value: `r${i + 1}` }));
    const cards = renderAdaptiveCards({ parts: [{ kind: "choices", prompt: "Welke regio?", actionId: "region.pick", choices }] });
    expect(cards).toHaveLength(1);
    const [input] = inputs(cards[0]!);
    expect(input).toMatchObject({ type: "Input.ChoiceSet", id: CHOICE_INPUT_ID, style: "compact", label: "Welke regio?", isRequired: true });
    const [submit] = submits(cards[0]!);
    expect(submit!.associatedInputs).toBe("auto");
    expect(incomingActionFromTeamsValue(teamsValue(submit!, { [CHOICE_INPUT_ID]: "r7" }))).toEqual({ id: "region.pick", value: "r7" });
  });

  it("renders a checklist with target-state buttons per item (Action.Execute in a slot) and none once closed", () => {
    const [card] = renderAdaptiveCards({ parts: [SAMPLES.checklist] });
    expect(texts([card!])).toEqual(["Checklist spoedberaad", "1 van 2 klaar · voorzitter: Kees", "✅ 1. Jeugdige gehoord", "gewijzigd door Sanne, 14:05", "⬜ 2. Ouders geïnformeerd"]);
    const buttons = submits(card!);
    expect(buttons.map((t) => t.title)).toEqual(["N.v.t.", "Weer open", "Klaar", "N.v.t.", "Ik pak dit op"]);
    expect(buttons.map((t) => incomingActionFromTeamsValue(teamsValue(t)))).toEqual([
      { id: "checklist.set", value: "spoed-42:heard:nvt" },
      { id: "checklist.set", value: "spoed-42:heard:open" },
      { id: "checklist.set", value: "spoed-42:parents:done" },
      { id: "checklist.set", value: "spoed-42:parents:nvt" },
      { id: "checklist.owner", value: "spoed-42:parents" },
    ]);
    const [executed] = renderAdaptiveCards({ parts: [SAMPLES.checklist], slot: "spoedberaad:spoed-42" }, { execute: true });
    expect(JSON.stringify(executed)).toContain('"type":"Action.Execute"');
    const [closed] = renderAdaptiveCards({ parts: [{ ...SAMPLES.checklist, status: "closed" }] });
    expect(submits(closed!)).toEqual([]);
  });

  it("gives a checklist card Teams' refresh: an Action.Execute for the stored state and the watchers' ids, at most 60", () => {
    const watchers = Array.from({ length: 70 }, (_, i) => `29:user-${i}`);
    const part = { ...SAMPLES.checklist, watchers: ["29:kees", "29:sanne", "29:kees", ...watchers], refreshActionId: "checklist.show" };
    const [card] = renderAdaptiveCards({ parts: [part], slot: "spoedberaad:spoed-42" }, { execute: true });
    expect(card!.refresh).toEqual({
      action: { type: "Action.Execute", title: "Vernieuwen", verb: "wegwijs", associatedInputs: "none", data: { wegwijs: { id: "checklist.show", value: "spoed-42" } } },
      userIds: ["29:kees", "29:sanne", ...watchers.slice(0, 58)],
    });
    expect(card!.refresh!.userIds).toHaveLength(60);
    // The refresh action comes back as the action it names.
    expect(incomingActionFromTeamsValue(card!.refresh!.action.data)).toEqual({ id: "checklist.show", value: "spoed-42" });
    // Without Universal Actions (no slot), or without watchers, there is nothing to refresh.
    expect(renderAdaptiveCards({ parts: [part] })[0]!.refresh).toBeUndefined();
    expect(renderAdaptiveCards({ parts: [{ ...part, watchers: [] }] }, { execute: true })[0]!.refresh).toBeUndefined();
  });

  it("renders a person field as a choice of the people listed (a text input without any), a cancel without inputs, and on request an Action.Execute submit", () => {
    const form = {
      kind: "form" as const,
      formId: "c1:analyse",
      title: "Details",
      description: "⬜ Analyse",
      submitActionId: "spoedberaad.details",
      submitLabel: "Opslaan",
      fields: [
        { id: "owner", label: "Eigenaar", kind: "person" as const, required: false, value: "aad-kees", options: [{ label: "Kees", value: "aad-kees" }] },
        { id: "other", label: "Ander", kind: "person" as const, required: false },
        { id: "note", label: "Notitie", kind: "text" as const, required: false, maxLength: 280 },
      ],
      cancel: { id: "spoedberaad.show", label: "Annuleren", value: "c1" },
    };
    const [card] = renderAdaptiveCards({ parts: [form] }, { execute: true, executeInputs: true });
    expect(inputs(card!)).toEqual([
      expect.objectContaining({ type: "Input.ChoiceSet", id: "owner", value: "aad-kees", choices: [{ title: "Kees", value: "aad-kees" }] }),
      expect.objectContaining({ type: "Input.Text", id: "other" }),
      expect.objectContaining({ type: "Input.Text", id: "note", maxLength: 280 }),
    ]);
    expect(JSON.stringify(card!.body)).toContain("⬜ Analyse");
    const [save, cancel] = card!.actions!;
    expect(save).toMatchObject({ type: "Action.Execute", verb: "wegwijs", associatedInputs: "auto", data: { wegwijs: { id: "spoedberaad.details", value: "c1:analyse" } } });
    expect(cancel).toMatchObject({ type: "Action.Execute", associatedInputs: "none", data: { wegwijs: { id: "spoedberaad.show", value: "c1" } } });
    // Without executeInputs a form's submit stays Action.Submit (it posts as a message).
    expect(renderAdaptiveCards({ parts: [form] }, { execute: true })[0]!.actions![0]!.type).toBe("Action.Submit");
  });

  it("keeps the largest checklist (15 items, full labels, owners, notes, Details buttons, 60 watchers) in one card within Teams' message limit", () => {
    const items = Array.from({ length: 15 }, (_, i) => ({
      id: `punt-${i}-${"x".repeat(16)}`,
      label: "L".repeat(150),
      state: "open" as const,
      owner: "Sanne de Vries-van den Berg",
      dueAt: "2026-03-02T14:00:00.000Z",
      note: "n".repeat(280),
      changedBy: "Kees Jansen",
      changedAt: "2026-03-02T13:05:00.000Z",
    }));
    const watchers = Array.from({ length: 60 }, (_, i) => `29:1${"a".repeat(70)}${i}`);
    const part = { ...SAMPLES.checklist, items, detailsActionId: "checklist.details", watchers, refreshActionId: "checklist.show" };
    const cards = renderAdaptiveCards({ parts: [part], slot: "spoedberaad:spoed-42" }, { execute: true });
    expect(cards).toHaveLength(1);
    expect(cardSizeBytes(cards[0]!)).toBeLessThanOrEqual(TEAMS_MESSAGE_LIMIT_BYTES);
    expect(JSON.stringify(cards[0]).match(/"title":"Details"/g)).toHaveLength(15);
    expect(cards[0]!.refresh?.userIds).toHaveLength(60);
  });

  it("renders a form with labelled, validated inputs whose submit carries the fields", () => {
    const cards = renderAdaptiveCards({ parts: [{ kind: "text", text: "Vraag een consult aan." }, SAMPLES.form, SAMPLES.actions] });
    // The form ends its card, so the buttons after it cannot submit (or be blocked by) its inputs.
    expect(cards).toHaveLength(2);
    const formCard = cards[0]!;
    expect(inputs(formCard)).toEqual([
      {
        type: "Input.Text",
        id: "caseNumber",
        label: "Casusnummer",
        isRequired: true,
        errorMessage: "Vul Casusnummer in.",
        placeholder: "Bijvoorbeeld C-2024-017",
        maxLength: 4000,
      },
      {
        type: "Input.Text",
        id: "summary",
        label: "Samenvatting",
        isRequired: false,
        value: "Route: spoedberaad → plaatsing",
        isMultiline: true,
        maxLength: 4000,
      },
      {
        type: "Input.ChoiceSet",
        id: "urgency",
        label: "Urgentie",
        style: "compact",
        choices: [
          { title: "Vandaag", value: "today" },
          { title: "Deze week", value: "week" },
        ],
        isRequired: true,
        errorMessage: "Kies een optie bij Urgentie.",
        placeholder: "Kies een optie",
        wrap: true,
      },
    ]);
    expect(formCard.actions).toEqual([
      {
        type: "Action.Submit",
        title: "Aanvraag versturen",
        style: "positive",
        associatedInputs: "auto",
        data: { wegwijs: { id: "consult.submit", value: "consult", fieldIds: ["caseNumber", "summary", "urgency"] } },
      },
    ]);
    // Teams merges the inputs into the data; an input left empty may be missing altogether.
    const value = teamsValue(formCard.actions![0]!, { caseNumber: "C-2024-017", urgency: "today" });
    expect(incomingActionFromTeamsValue(value)).toEqual({
      id: "consult.submit",
      value: "consult",
      fields: { caseNumber: "C-2024-017", summary: "", urgency: "today" },
    });
    expect(inputs(cards[1]!)).toEqual([]);
    expect(submits(cards[1]!).every((a) => a.associatedInputs === "none")).toBe(true);
  });

  it("ignores activity values that are not Wegwijs actions", () => {
    expect(incomingActionFromTeamsValue(undefined)).toBeUndefined();
    expect(incomingActionFromTeamsValue("ask.moreSources")).toBeUndefined();
    expect(incomingActionFromTeamsValue({ action: "x" })).toBeUndefined();
    expect(incomingActionFromTeamsValue({ wegwijs: { id: "" } })).toBeUndefined();
    expect(incomingActionFromTeamsValue({ wegwijs: { id: 3 } })).toBeUndefined();
  });

  it("splits a long answer over several cards under the size limit without losing text", () => {
    const paragraph = (i: number) =>
      `Alinea ${i}: de gemeente organiseert het spoedberaad met de jeugdige, ouders en de jeugdbeschermer; daarna volgt de matching. `.repeat(8);
    const text = Array.from({ length: 90 }, (_, i) => paragraph(i)).join("\n\n");
    expect(text.length).toBeGreaterThan(80_000);
    const sources = Array.from({ length: 60 }, (_, i) => source(i + 1, "Een lang citaat uit het plan. ".repeat(20)));
    const reply: Reply = { parts: [{ kind: "heading", text: "Antwoord" }, { kind: "text", text }, { kind: "sources", title: "Bronnen", sources }, SAMPLES.actions] };
    const cards = renderAdaptiveCards(reply);
    expect(cards.length).toBeGreaterThan(3);
    for (const card of cards) {
      expect(cardSizeBytes(card)).toBeLessThanOrEqual(ADAPTIVE_CARD_MAX_BYTES);
      expect(cardSizeBytes(card)).toBeLessThan(80 * 1024);
    }
    const shown = texts(cards);
    const body = shown.filter((t) => t.startsWith("Alinea")).join("\n\n");
    expect(body.replace(/\s+/g, " ")).toBe(text.replace(/\s+/g, " ").trim());
    const numbers = shown.flatMap((t) => /^\*\*\[(\d+)\]/.exec(t)?.[1] ?? []).map(Number);
    expect(numbers).toEqual(sources.map((s) => s.n));
    // A sources list that continues on a new card says so.
    expect(shown.filter((t) => t === "Bronnen (vervolg)").length).toBeGreaterThan(0);
    // The buttons survive at the end.
    expect(submits(cards.at(-1)!).map((a) => a.title)).toContain("Meer bronnen");
  });

  it("splits a form too large for one card into parts that each submit their own fields", () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({
      id: `f${i}`,
      label: `Vraag ${i + 1}`,
      kind: "multiline" as const,
      required: false,
      value: "Vooraf ingevulde toelichting. ".repeat(40),
    }));
    const cards = renderAdaptiveCards({ parts: [{ ...SAMPLES.form, fields }] });
    expect(cards.length).toBeGreaterThan(1);
    const ids = cards.flatMap((card) => {
      expect(cardSizeBytes(card)).toBeLessThanOrEqual(ADAPTIVE_CARD_MAX_BYTES);
      const [submit] = card.actions ?? [];
      const fieldIds = submit!.data.wegwijs.fieldIds!;
      expect(inputs(card).map((i) => i.id)).toEqual(fieldIds);
      return fieldIds;
    });
    expect(ids).toEqual(fields.map((f) => f.id));
  });
});
