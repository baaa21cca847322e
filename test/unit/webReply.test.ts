import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/router/router.js";
import { HandlerRegistry } from "../../src/router/registry.js";
import type { Incoming } from "../../src/bot/incoming.js";
import type { Reply, ReplyPart, ReplyPartKind } from "../../src/bot/reply.js";
import { chatApi } from "../../src/integrations/web/chatApi.js";
import { WEB_ACTION_LIMITS, toWebReply } from "../../src/integrations/web/webReply.js";

/** One sample per part kind; the mapped type makes a new kind a compile error here too. */
const SAMPLES: { [K in ReplyPartKind]: Extract<ReplyPart, { kind: K }> } = {
  text: { kind: "text", text: "Bij een *spoedberaad* schuiven de jeugdige en ouders aan [1].\nDaarna volgt de plaatsing." },
  heading: { kind: "heading", text: "Spoedberaad" },
  mention: { kind: "mention", person: { userId: "web-sanne", name: "Sanne" }, before: "Herinnering voor ", after: ": punt staat open." },
  notice: { kind: "notice", level: "info", text: "Wegwijs geeft geen juridisch advies." },
  sources: {
    kind: "sources",
    title: "Bronnen",
    sources: [{ n: 1, documentId: "d1", documentTitle: "Regiovisie", shortTitle: "Regiovisie", section: "5.2 Matching", quote: "Binnen 24 uur." }],
  },
  actions: { kind: "actions", actions: [{ id: "ask.feedback", label: "👍 Nuttig", value: "a1:useful", style: "primary" }] },
  choices: { kind: "choices", prompt: "Welke regio?", actionId: "region.pick", choices: [{ label: "Noord", value: "noord" }] },
  checklist: {
    kind: "checklist",
    checklistId: "spoed-42",
    title: "Checklist spoedberaad",
    version: 2,
    status: "open",
    chair: "Kees",
    setStateActionId: "checklist.set",
    items: [{ id: "heard", label: "Jeugdige gehoord", state: "done", changedBy: "Sanne", changedAt: "2026-03-02T13:05:00.000Z" }],
  },
  form: {
    kind: "form",
    formId: "consult",
    title: "Consult aanvragen",
    submitActionId: "consult.submit",
    submitLabel: "Versturen",
    fields: [
      { id: "caseNumber", label: "Casusnummer", kind: "text", required: true },
      { id: "urgency", label: "Urgentie", kind: "choice", required: false, options: [{ label: "Vandaag", value: "today" }] },
    ],
  },
  feedback: { kind: "feedback", answerId: "3f2b8c1e-5d7a-4e9b-9c1d-2a6f0e4b7c9d" },
};

const UNRENDERABLE: ReplyPart = { kind: "notice", level: "warning", text: "Dit onderdeel van het antwoord kan de webchat niet tonen." };

describe("toWebReply", () => {
  it.each(Object.values(SAMPLES).filter((p) => p.kind !== "mention"))("passes a clean $kind part through unchanged", (part) => {
    expect(toWebReply({ parts: [part] })).toEqual({ parts: [part] });
  });

  it("shows a mention as text with the person's name (the web has no notifications)", () => {
    expect(toWebReply({ parts: [SAMPLES.mention] })).toEqual({ parts: [{ kind: "text", text: "Herinnering voor Sanne: punt staat open." }] });
  });

  it("trims text, tidies line ends and drops empty parts", () => {
    const reply: Reply = {
      parts: [
        { kind: "text", text: "  Eerste regel \r\nTweede regel\n\n\n\nDerde  " },
        { kind: "text", text: "   " },
        { kind: "heading", text: "  Spoed\nberaad " },
        { kind: "notice", level: "warning", text: "" },
        { kind: "sources", title: " ", sources: [] },
        { kind: "actions", actions: [] },
      ],
    };
    expect(toWebReply(reply)).toEqual({
      parts: [
        { kind: "text", text: "Eerste regel\nTweede regel\n\nDerde" },
        { kind: "heading", text: "Spoed beraad" },
      ],
    });
  });

  it("fills in defaults for empty titles and labels", () => {
    const reply = toWebReply({
      parts: [
        { ...SAMPLES.sources, title: "" },
        { ...SAMPLES.form, title: " ", submitLabel: "" },
        { ...SAMPLES.choices, choices: [{ label: " ", value: "noord" }] },
      ],
    });
    expect(reply.parts[0]).toMatchObject({ title: "Bronnen" });
    expect(reply.parts[1]).toMatchObject({ title: "Formulier", submitLabel: "Versturen" });
    expect(reply.parts[2]).toMatchObject({ choices: [{ label: "noord", value: "noord" }] });
  });

  it("drops a button whose value could not be sent back, and keeps the others", () => {
    const problems: string[] = [];
    const reply = toWebReply(
      {
        parts: [
          {
            kind: "actions",
            actions: [
              { id: "ask.feedback", label: "Te groot", value: "x".repeat(WEB_ACTION_LIMITS.value + 1) },
              { id: "a".repeat(WEB_ACTION_LIMITS.actionId + 1), label: "Te lang id" },
              { id: "ask.moreSources", label: " Meer bronnen " },
            ],
          },
        ],
      },
      (p) => problems.push(p),
    );
    expect(reply).toEqual({ parts: [{ kind: "actions", actions: [{ id: "ask.moreSources", label: "Meer bronnen" }] }] });
    expect(problems).toHaveLength(2);
  });

  it("replaces parts that could not round-trip through the chat API with a Dutch notice", () => {
    const problems: string[] = [];
    const broken: ReplyPart[] = [
      { ...SAMPLES.choices, choices: [] },
      { ...SAMPLES.choices, choices: [{ label: "Lang", value: "v".repeat(2001) }] },
      { ...SAMPLES.checklist, checklistId: "c".repeat(2000) },
      { ...SAMPLES.form, fields: [SAMPLES.form.fields[0]!, SAMPLES.form.fields[0]!] },
      { ...SAMPLES.form, fields: [{ id: "__proto__", label: "X", kind: "text", required: false }] },
      { ...SAMPLES.form, fields: [{ id: "urgency", label: "Urgentie", kind: "choice", required: true, options: [] }] },
      { ...SAMPLES.form, fields: Array.from({ length: WEB_ACTION_LIMITS.fields + 1 }, (_, i) => ({ id: `f${i}`, label: "X", kind: "text" as const, required: false })) },
    ];
    const reply = toWebReply({ parts: [SAMPLES.text, ...broken] }, (p) => problems.push(p));
    expect(reply.parts).toEqual([SAMPLES.text, ...broken.map(() => UNRENDERABLE)]);
    expect(problems).toHaveLength(broken.length);
    expect(problems[0]).toMatch(/^choices: /);
  });

  it("keeps the checklist contract (version, status, chair, item state) and drops empty or stale fields", () => {
    const reply = toWebReply({
      parts: [{ ...SAMPLES.checklist, items: [{ id: "x", label: " Punt ", state: "done", owner: "Sanne", dueAt: "2026-03-02T14:00:00.000Z", note: "  " }] }],
    });
    expect(reply.parts[0]).toEqual({ ...SAMPLES.checklist, items: [{ id: "x", label: "Punt", state: "done", owner: "Sanne" }] });
  });
});

describe("POST /api/chat with the reply model", () => {
  const received: Incoming[] = [];
  const bot: Bot = {
    registry: new HandlerRegistry(),
    async handle(incoming) {
      received.push(incoming);
      return [{ parts: [{ kind: "text", text: "  Ontvangen  " }, { kind: "notice", level: "info", text: " " }, SAMPLES.form] }];
    },
  };
  let baseUrl = "";
  let server: ReturnType<ReturnType<typeof express>["listen"]>;

  beforeAll(async () => {
    const app = express();
    app.use(chatApi(bot));
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = async (body: unknown) => {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it("accepts a form submit with fields and answers with normalised replies", async () => {
    const fields = { caseNumber: "C-2024-017", urgency: "today" };
    const { status, body } = await post({ user: "web-1", action: { id: "consult.submit", value: "consult", fields } });
    expect(status).toBe(200);
    expect(received.at(-1)).toEqual({
      kind: "action",
      address: { surface: "web", userId: "web-1", conversationId: "web-chat" },
      action: { id: "consult.submit", value: "consult", fields },
    });
    expect(body.replies).toEqual([{ parts: [{ kind: "text", text: "Ontvangen" }, SAMPLES.form] }]);
  });

  it("rejects fields that are too many, too long or not strings", async () => {
    const many = Object.fromEntries(Array.from({ length: WEB_ACTION_LIMITS.fields + 1 }, (_, i) => [`f${i}`, "x"]));
    const cases = [
      many,
      { caseNumber: "x".repeat(WEB_ACTION_LIMITS.fieldValue + 1) },
      { ["k".repeat(WEB_ACTION_LIMITS.fieldId + 1)]: "x" },
      { caseNumber: 12 },
      { "bad key": "x" },
    ];
    const before = received.length;
    for (const fields of cases) {
      const { status, body } = await post({ user: "web-1", action: { id: "consult.submit", value: "consult", fields } });
      expect(status).toBe(400);
      expect(body.error).toBe("Ongeldig verzoek");
      expect(body.details.join(" ")).toMatch(/action\.fields/);
    }
    expect(received.length).toBe(before);
  });
});
