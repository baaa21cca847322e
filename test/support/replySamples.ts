import type { ReplyPart, ReplyPartKind, SourceCitation } from "../../src/bot/reply.js";

/** Reply-part fixtures shared by the renderer tests (made-up content, no personal data). */
export const source = (n: number, quote = "Het spoedberaad wordt binnen 24 uur georganiseerd door de gemeente."): SourceCitation => ({
  n,
  documentId: `doc-${n}`,
  documentTitle: `Regiovisie jeugdhulp ${n}`,
  section: "5.2.5 Matching & plaatsing",
  quote,
});

/** One sample per part kind; the mapped type makes a new kind a compile error here too. */
export const SAMPLES: { [K in ReplyPartKind]: Extract<ReplyPart, { kind: K }> } = {
  text: { kind: "text", text: "Bij een *spoedberaad* schuiven de jeugdige en ouders aan [1].\nDaarna volgt de plaatsing." },
  heading: { kind: "heading", text: "Spoedberaad" },
  mention: { kind: "mention", person: { userId: "U0SANNE", name: "Sanne" }, before: "⏰ Herinnering voor ", after: ": \"Analyse\" staat nog open." },
  notice: { kind: "notice", level: "warning", text: "Noem geen namen of BSN van jongeren." },
  sources: { kind: "sources", title: "Bronnen", sources: [source(1), source(2)] },
  actions: {
    kind: "actions",
    actions: [
      { id: "ask.moreSources", label: "Meer bronnen", style: "primary" },
      { id: "ask.feedback", label: "👍 Nuttig", value: "a1:useful" },
      { id: "ask.feedback", label: "👎 Niet nuttig", value: "a1:not_useful", style: "danger" },
    ],
  },
  choices: {
    kind: "choices",
    prompt: "Over welke regio gaat je vraag?",
    actionId: "region.pick",
    choices: ["Noord", "Oost", "Zuid"].map((label) => ({ label, value: label.toLowerCase() })),
  },
  checklist: {
    kind: "checklist",
    checklistId: "spoed-42",
    title: "Checklist spoedberaad",
    version: 3,
    status: "open",
    chair: "Kees",
    setStateActionId: "checklist.set",
    ownerActionId: "checklist.owner",
    items: [
      { id: "heard", label: "Jeugdige gehoord", state: "done", changedBy: "Sanne", changedAt: "2026-03-02T13:05:00.000Z" },
      { id: "parents", label: "Ouders geïnformeerd", state: "open" },
    ],
  },
  form: {
    kind: "form",
    formId: "consult",
    title: "Consult aanvragen",
    submitActionId: "consult.submit",
    submitLabel: "Aanvraag versturen",
    fields: [
      { id: "caseNumber", label: "Casusnummer", kind: "text", required: true, placeholder: "Bijvoorbeeld C-2024-017" },
      { id: "summary", label: "Samenvatting", kind: "multiline", required: false, value: "Route: spoedberaad → plaatsing" },
      {
        id: "urgency",
        label: "Urgentie",
        kind: "choice",
        required: true,
        options: [
          { label: "Vandaag", value: "today" },
          { label: "Deze week", value: "week" },
        ],
      },
    ],
  },
  feedback: { kind: "feedback", answerId: "3f2b8c1e-5d7a-4e9b-9c1d-2a6f0e4b7c9d" },
};
