import { createHash } from "node:crypto";
import { actorLabel } from "../../bot/actor.js";
import { CONSULT_HANDOVER_ACTION } from "../../bot/consultHandover.js";
import type { Reply, ReplyAction, ReplyPart } from "../../bot/reply.js";
import { shorten } from "../ask/sentences.js";
import type { ConsultRequest, ConsultTarget } from "./consultModel.js";
import { OPEN_STATUSES, samePerson, STATUS_LABEL } from "./consultModel.js";

/** Action ids of this feature; the values are request ids. Documented in the README (web API). */
export const CONSULT_ACTION = {
  /** Opens the form; value: "<target>\n<summary>" from a route or checklist (optional). */
  new: CONSULT_HANDOVER_ACTION,
  submit: "consult.submit",
  claim: "consult.claim",
  ask: "consult.ask",
  note: "consult.note",
  /** Without fields: closes. With fields.advice: closes and tells the requester that advice. */
  close: "consult.close",
  /** Opens the form for closing with advice for the requester. */
  closeWithAdvice: "consult.closeWithAdvice",
  /** The card's "Afronden": asks first, with consult.close as the "Ja, afronden" (the API's close stays direct). */
  confirmClose: "consult.confirmClose",
  answer: "consult.answer",
  cancel: "consult.cancel",
  /** "Intrekken" in the requester's list: asks first, with consult.cancel as the "Ja, intrekken" (the API's cancel stays direct). */
  confirmCancel: "consult.confirmCancel",
  /** "Annuleren" on a question, note, advice or answer form: nothing is sent, nothing changes. */
  dismiss: "consult.dismiss",
} as const;

/** The "Annuleren" next to a text form's submit button. */
const dismissButton = (id: string, label = "Annuleren") => ({ id: CONSULT_ACTION.dismiss, label, value: id });

const TARGET_LABEL: Record<ConsultTarget, string> = { servicepunt: "Servicepunt", expertteam: "Expertteam" };

function when(iso: string | undefined): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/** "14:05" in Dutch time. */
function clockTime(at: Date): string {
  return new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit" }).format(at);
}

/** How a requester or coordinator is shown: their name, a web stand-in, or "niemand". */
export function personLabel(person: ConsultRequest["assignee"]): string {
  return person ? actorLabel({ surface: person.surface, userId: person.userId, displayName: person.name }) : "niemand";
}

export function statusLine(request: ConsultRequest): string {
  switch (request.status) {
    case "nieuw":
      return `Status: nieuw, ingediend ${when(request.createdAt)}`;
    case "opgepakt":
      return `Status: opgepakt door ${personLabel(request.assignee)} · ${when(request.updatedAt)}`;
    case "vraag uitgezet":
      return `Status: vraag uitgezet door ${personLabel(request.assignee)} · ${when(request.updatedAt)}`;
    case "afgerond":
      return `Status: afgerond door ${personLabel(request.closedBy ?? request.assignee)} · ${when(request.closedAt)}`;
    case "geannuleerd":
      return `Status: geannuleerd door de aanvrager · ${when(request.closedAt)}`;
  }
}

export function coordinatorActions(request: ConsultRequest): ReplyAction[] {
  if (!OPEN_STATUSES.includes(request.status)) return [];
  const actions: ReplyAction[] = [];
  if (request.status === "nieuw") actions.push({ id: CONSULT_ACTION.claim, label: "Oppakken", value: request.id, style: "primary" });
  actions.push({ id: CONSULT_ACTION.ask, label: "Vraag stellen", value: request.id });
  actions.push({ id: CONSULT_ACTION.note, label: "Interne notitie", value: request.id });
  actions.push({ id: CONSULT_ACTION.closeWithAdvice, label: "Afronden met advies", value: request.id });
  actions.push({ id: CONSULT_ACTION.confirmClose, label: "Afronden", value: request.id, style: "danger" });
  return actions;
}

/**
 * "Afronden" asks first: closing cannot be undone and the requester is told at once (verification
 * try: one press closed it, where the spoedberaad asks "Ja, afronden / Nog niet").
 */
export function closeConfirmation(request: ConsultRequest, actor?: { surface: string; userId: string }): Reply {
  // What the coordinator may not have in view: an open question, a colleague's claim (coordinator try).
  const mind = [
    request.status === "vraag uitgezet" ? `De vraag aan de aanvrager staat nog open („${shorten(request.openQuestion ?? "", 80)}”).` : "",
    request.assignee && actor && !samePerson(request.assignee, actor) ? `${personLabel(request.assignee)} heeft hem opgepakt.` : "",
  ].filter(Boolean);
  return {
    parts: [
      { kind: "notice", level: "info", text: [`${request.id} afronden? De aanvrager krijgt meteen bericht, en afronden kan niet ongedaan worden gemaakt.`, ...mind].join(" ") },
      {
        kind: "actions",
        // A choice made once (new-user try: after "Nog niet" the buttons still closed the request).
        once: true,
        actions: [
          { id: CONSULT_ACTION.close, label: "Ja, afronden", value: request.id, style: "danger" },
          { id: CONSULT_ACTION.closeWithAdvice, label: "Afronden met advies", value: request.id },
          dismissButton(request.id, "Nog niet"),
        ],
      },
    ],
  };
}

/** "Intrekken" asks first: the coordinators see at once that the request was withdrawn (coordinator try: one click did it). */
export function cancelConfirmation(request: ConsultRequest): Reply {
  return {
    parts: [
      { kind: "notice", level: "info", text: `Consultaanvraag ${request.id} intrekken? De coördinatoren zien meteen dat je hem hebt ingetrokken.` },
      {
        kind: "actions",
        once: true,
        actions: [{ id: CONSULT_ACTION.cancel, label: "Ja, intrekken", value: request.id, style: "danger" }, dismissButton(request.id, "Nog niet")],
      },
    ],
  };
}

/** The card in the coordinators' channel; its slot makes every change update it in place. */
export function coordinatorCard(request: ConsultRequest): Reply {
  const parts: ReplyPart[] = [
    { kind: "heading", text: `${request.id} · ${request.urgency === "spoed" ? "SPOED" : "regulier"} · ${TARGET_LABEL[request.target]}` },
    // Every surface marks a warning: an urgent open request stands out from the regular ones
    // (new-user try: only the word in the heading told them apart).
    ...(request.urgency === "spoed" && OPEN_STATUSES.includes(request.status) ? [{ kind: "notice" as const, level: "warning" as const, text: "Spoed: de aanvrager vraagt om een reactie vandaag nog." }] : []),
    {
      kind: "text",
      // Who asked: the coordinator calls back or asks on (new-user try: the card did not say).
      text: [
        `*Aangevraagd door:* ${personLabel(request.requester)}`,
        ...(request.callback ? [`*Terugbellen op:* ${request.callback}`] : []),
        `*Casusnummer:* ${request.caseRef}`,
        `*Vraag:* ${request.question}`,
        `*Al geprobeerd:* ${request.tried}`,
      ].join("\n"),
    },
  ];
  if (request.summary) parts.push({ kind: "text", text: `*Samenvatting:*\n${request.summary}` });
  parts.push({ kind: "text", text: `*${statusLine(request)}*` });
  const actions = coordinatorActions(request);
  if (actions.length > 0) parts.push({ kind: "actions", actions });
  return { parts, slot: cardSlot(request.id), audience: "conversation" };
}

export function cardSlot(id: string): string {
  return `consult:${id}`;
}

const EVENT_TEXT: Record<string, (r: ConsultRequest) => string> = {
  filed: (r) => `Je consultaanvraag ${r.id} is ingediend bij het ${TARGET_LABEL[r.target]}. Je hoort hier wanneer iemand hem oppakt.`,
  claimed: (r) => `Je consultaanvraag ${r.id} is opgepakt door ${personLabel(r.assignee)}.`,
  asked: (r) => `${personLabel(r.assignee)} heeft een vraag over je consultaanvraag ${r.id}:\n${r.openQuestion ?? ""}`,
  answered: (r) => `Je antwoord op ${r.id} is doorgegeven.`,
  closed: (r) => `Je consultaanvraag ${r.id} is afgerond door ${personLabel(r.closedBy ?? r.assignee)}.${r.advice ? `\nAdvies: ${r.advice}` : ""}`,
  cancelled: (r) => `Je consultaanvraag ${r.id} is geannuleerd.`,
};

/**
 * What the requester is told on a status change; a question comes with a form to answer it, in a
 * slot of its own so the form can be taken away once the question is settled (see settledQuestionReply).
 */
export function requesterStatusReply(request: ConsultRequest, event: string): Reply {
  const text = (EVENT_TEXT[event] ?? ((r: ConsultRequest) => `Consultaanvraag ${r.id}: ${statusLine(r)}`))(request);
  if (event === "asked" && request.openQuestion) return { parts: [{ kind: "text", text }, answerForm(request.id)], slot: questionSlot(request.id, request.openQuestion) };
  return { parts: [{ kind: "text", text }] };
}

/** The slot of the message that asks the requester one question: one per request and question text. */
export function questionSlot(id: string, question: string): string {
  return `consult-question:${id}:${createHash("sha256").update(question).digest("base64url").slice(0, 12)}`;
}

const SETTLED: Record<"answered" | "closed" | "cancelled", string> = {
  answered: "Beantwoord: je antwoord is doorgestuurd.",
  closed: "De aanvraag is afgerond; een antwoord is niet meer nodig.",
  cancelled: "Je hebt de aanvraag geannuleerd; een antwoord is niet meer nodig.",
};

/**
 * The question's message once it is answered, or its request closed or cancelled: the question
 * without its form (new-user try: after the coordinator closed the request, the form still took
 * an answer, which was then refused and lost).
 */
export function settledQuestionReply(request: ConsultRequest, question: string, how: keyof typeof SETTLED): Reply {
  return {
    parts: [
      { kind: "text", text: EVENT_TEXT.asked!({ ...request, openQuestion: question }) },
      { kind: "notice", level: "info", text: SETTLED[how] },
    ],
    slot: questionSlot(request.id, question),
  };
}

/** A refused field: its error, and what was typed (see refusedValue) so it need not be typed again. */
export interface RefusedField {
  error: string;
  value?: string;
}

const refusedParts = (refused?: RefusedField) => (refused ? { error: refused.error, ...(refused.value ? { value: refused.value } : {}) } : {});

export function answerForm(id: string, refused?: RefusedField, typed?: string, formId = id): Extract<ReplyPart, { kind: "form" }> {
  return {
    kind: "form",
    formId,
    title: `Antwoord op de vraag over ${id}`,
    submitActionId: CONSULT_ACTION.answer,
    submitLabel: "Antwoord sturen",
    cancel: dismissButton(id),
    fields: [{ id: "answer", label: "Je antwoord", kind: "multiline", required: true, ...(typed ? { value: typed } : {}), ...refusedParts(refused) }],
  };
}

/**
 * Under a message typed in the chat while a coordinator's question waits for this requester: the
 * answer form, filled in with what was typed, so one press sends it (new-user try: the typed answer
 * was searched in the plan documents and got "geen antwoord").
 */
export function typedAnswerOffer(request: ConsultRequest, typed: string, asSent = typed): Reply {
  return {
    parts: [
      { kind: "text", text: `Is dit je antwoord op de vraag over ${request.id}${request.openQuestion ? ` („${shorten(request.openQuestion, 120)}”)` : ""}? Stuur het dan met het formulier: het staat er al in.` },
      answerForm(request.id, undefined, typed, `${request.id}${OFFERED_MARK}${answerFingerprint(asSent)}`),
    ],
    audience: "private",
  };
}

/**
 * The offered answer form's id is the request id, this mark and a fingerprint of the typed text
 * (`asSent`: as the form's field will be read). Sent unchanged, the confirmation need not quote it:
 * the message stands right above (team try: the requester read their answer three times).
 */
const OFFERED_MARK = "~";

/** A short fingerprint of an answer's text, whitespace collapsed; it only tells "unchanged" apart. */
export function answerFingerprint(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim()).digest("hex").slice(0, 12);
}

/** A form's value: the request id, and for an offered answer form the fingerprint of what it offered. */
export function formValue(value: string): { id: string; offered?: string } {
  const mark = value.indexOf(OFFERED_MARK);
  return mark < 0 ? { id: value } : { id: value.slice(0, mark), offered: value.slice(mark + 1) };
}

export function textForm(id: string, kind: "ask" | "note" | "advice", refused?: RefusedField): Extract<ReplyPart, { kind: "form" }> {
  if (kind === "advice") {
    return {
      kind: "form",
      formId: id,
      title: `${id} afronden`,
      description: "Het advies gaat naar de aanvrager; zet er geen namen of andere persoonsgegevens in.",
      submitActionId: CONSULT_ACTION.close,
      submitLabel: "Afronden en versturen",
      cancel: dismissButton(id),
      fields: [{ id: "advice", label: "Advies of uitkomst voor de aanvrager", kind: "multiline", required: true, ...refusedParts(refused) }],
    };
  }
  const ask = kind === "ask";
  return {
    kind: "form",
    formId: id,
    title: ask ? `Vraag aan de aanvrager van ${id}` : `Interne notitie bij ${id} (de aanvrager ziet die niet)`,
    submitActionId: ask ? CONSULT_ACTION.ask : CONSULT_ACTION.note,
    submitLabel: ask ? "Vraag stellen" : "Notitie opslaan",
    cancel: dismissButton(id),
    fields: [{ id: ask ? "question" : "note", label: ask ? "Je vraag" : "Notitie", kind: "multiline", required: true, ...refusedParts(refused) }],
  };
}

type ExchangeLabels = Record<string, { label: string; field: string }>;

/** How each exchange under the card reads in a coordinator's look at one request. */
const COORDINATOR_EXCHANGE: ExchangeLabels = {
  asked: { label: "Vraag aan de aanvrager", field: "question" },
  answered: { label: "Antwoord van de aanvrager", field: "answer" },
  noted: { label: "Interne notitie", field: "note" },
  closed: { label: "Advies", field: "advice" },
};

/** The same for the requester: never the internal notes; the advice has its own line. */
const REQUESTER_EXCHANGE: ExchangeLabels = {
  asked: { label: "Vraag van de coördinator", field: "question" },
  answered: { label: "Jouw antwoord", field: "answer" },
};

type Exchange = Array<{ at: string; type: string; data?: Record<string, unknown> }>;

/** A reply's parts with the exchange under a request as "Gesprek:", before its buttons, which come last. */
function withExchange(parts: ReplyPart[], history: Exchange, labels: ExchangeLabels): ReplyPart[] {
  const lines = history.flatMap((entry) => {
    const shown = labels[entry.type];
    const text = shown ? entry.data?.[shown.field] : undefined;
    return typeof text === "string" && text !== "" ? [`- ${when(entry.at)} · ${shown!.label}: ${text}`] : [];
  });
  if (lines.length === 0) return parts;
  const actionsAt = parts.findIndex((part) => part.kind === "actions");
  const at = actionsAt < 0 ? parts.length : actionsAt;
  return [...parts.slice(0, at), { kind: "text", text: ["*Gesprek:*", ...lines].join("\n") }, ...parts.slice(at)];
}

/**
 * A coordinator's look at one request ("CR-2026-000001"): the whole card (the call-back number,
 * the full question, what was tried, the summary) and what was asked, answered and noted under it,
 * each with its time. Team try: on a second device, or after the card scrolled away, the number
 * and the exchange were nowhere to be found; the list shows the question shortened.
 */
export function coordinatorDetail(request: ConsultRequest, history: Exchange): Reply {
  return { parts: withExchange(coordinatorCard(request).parts, history, COORDINATOR_EXCHANGE) };
}

/**
 * The requester's look at one of their requests: as in their list, with the questions they were
 * asked and their answers under it (team try: "mijn consulten" showed the advice, not the exchange).
 */
export function requesterDetail(request: ConsultRequest, history: Exchange): Reply {
  // Headed by its number, not "Jouw consultaanvragen", and with the call-back number left (team try).
  const [, ...rest] = requesterList([request], true).parts;
  return { parts: withExchange([{ kind: "heading", text: `Jouw consultaanvraag ${request.id}` }, ...rest], history, REQUESTER_EXCHANGE) };
}

/** A request's question in an overview is cut to this many characters. */
const QUESTION_IN_LIST_CHARS = 200;

/** "consulten": the open requests of the targets this coordinator serves, each with its actions. */
export function coordinatorList(requests: ConsultRequest[], now = new Date(), title?: string): Reply {
  if (requests.length === 0) return { parts: [{ kind: "text", text: "Er staan geen open consultaanvragen voor je klaar." }] };
  // A snapshot: the cards in the coordinators' channel change, this list does not (new-user try:
  // a claimed request still read "nieuw" here). It says when it was made and how to renew it.
  const parts: ReplyPart[] = [
    { kind: "heading", text: title ?? `Open consultaanvragen (${requests.length})` },
    { kind: "text", text: `Stand van ${clockTime(now)}. Typ *consulten* voor de nieuwe stand.` },
  ];
  for (const r of requests) {
    // The question, shortened, to choose what to pick up first (second new-user try: the list had
    // only numbers); who asked, as on the card, and the advice of a closed one (coordinator try).
    const lines = [
      `*${r.id}* · ${r.urgency} · ${TARGET_LABEL[r.target]} · casus ${r.caseRef}`,
      `Aangevraagd door: ${personLabel(r.requester)}`,
      ...(r.callback ? [`Terugbellen op: ${r.callback}`] : []),
      `Vraag: ${shorten(r.question, QUESTION_IN_LIST_CHARS)}`,
      statusLine(r),
      ...(r.advice ? [`Advies: ${shorten(r.advice, QUESTION_IN_LIST_CHARS)}`] : []),
    ];
    parts.push({ kind: "text", text: lines.join("\n") });
    const actions = coordinatorActions(r);
    if (actions.length > 0) parts.push({ kind: "actions", actions });
  }
  return { parts };
}

/** Open requests in the order to take them up: urgent first, then the oldest (coordinator try: a regular one led). */
export function inPickUpOrder(requests: ConsultRequest[]): ConsultRequest[] {
  return [...requests].sort((a, b) => Number(b.urgency === "spoed") - Number(a.urgency === "spoed") || a.createdAt.localeCompare(b.createdAt));
}


/** "mijn consulten": the requester's own requests; `callback`: with the number left to be called back on. */
export function requesterList(requests: ConsultRequest[], callback = false): Reply {
  if (requests.length === 0) return { parts: [{ kind: "text", text: "Je hebt nog geen consultaanvragen. Typ *consult* om er een in te dienen." }] };
  const parts: ReplyPart[] = [{ kind: "heading", text: "Jouw consultaanvragen" }];
  for (const r of requests) {
    // The advice stays with the request, and an open question waits for an answer (new-user try:
    // the overview did not show the advice received).
    const more = [r.advice ? `Advies: ${r.advice}` : "", r.status === "vraag uitgezet" && r.openQuestion ? `Open vraag aan jou: ${r.openQuestion}` : ""].filter(Boolean);
    // The question as sent: a form is empty once sent, and this is where it can be read again
    // (second new-user try: "my own question is shown nowhere").
    const asked = `Je vraag: ${shorten(r.question, QUESTION_IN_LIST_CHARS)}`;
    const callMe = callback && r.callback ? [`Terugbellen op: ${r.callback}`] : [];
    parts.push({ kind: "text", text: [`*${r.id}* · ${r.urgency === "spoed" ? "spoed · " : ""}${TARGET_LABEL[r.target]} · casus ${r.caseRef}`, asked, ...callMe, statusLine(r), ...more].join("\n") });
    // "Intrekken", not "Annuleren", which closes a form elsewhere; and it asks first (coordinator try).
    // An open question is answered from here too: a requester who was away missed the message
    // that asked it (team try: only "Intrekken" stood under "Open vraag aan jou").
    const answer = r.status === "vraag uitgezet" ? [{ id: CONSULT_ACTION.answer, label: "Beantwoorden", value: r.id, style: "primary" as const }] : [];
    if (OPEN_STATUSES.includes(r.status)) parts.push({ kind: "actions", actions: [...answer, { id: CONSULT_ACTION.confirmCancel, label: "Intrekken", value: r.id }] });
  }
  return { parts };
}

export function notice(text: string, level: "info" | "warning" = "info"): Reply {
  return { parts: [{ kind: "notice", level, text }], audience: "private" };
}
