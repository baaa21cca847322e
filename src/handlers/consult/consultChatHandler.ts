import type { Actor } from "../../bot/actor.js";
import type { ChatHandler } from "../../bot/chatHandler.js";
import type { ConversationAddress, Incoming, Resolved } from "../../bot/incoming.js";
import { consultHandoverAction, parseConsultHandover } from "../../bot/consultHandover.js";
import { caseNumberIn } from "../../bot/caseNumber.js";
import type { Reply, ReplyPart } from "../../bot/reply.js";
import { shorten } from "../ask/sentences.js";
import { consultForm, DISCARD_ACTION, parseConsultFields, personalDataProblem, refusedValue, type TargetNames } from "./consultForm.js";
import { OPEN_STATUSES, REQUEST_ID, samePerson, STATUS_LABEL, TARGETS, type ConsultTarget } from "./consultModel.js";
import { asksForConsultList, asksForHaste, asksToConsult, requestIdIn } from "./consultIntent.js";
import { answerForm, cancelConfirmation, closeConfirmation, CONSULT_ACTION, coordinatorActions, coordinatorDetail, coordinatorList, inPickUpOrder, notice, personLabel, type RefusedField, requesterDetail, requesterList, textForm, typedAnswerOffer, answerFingerprint, formValue } from "./consultReplies.js";
import { redactPersonalData } from "../../privacy/personalData.js";
import { type ActionOutcome, type ConsultService, isCoordinator, isRequester } from "./consultService.js";

/** At least three words, no question: what an answer to a coordinator's question reads like. */
const readsAsAStatement = (text: string) => text.split(/\s+/).length >= 3 && !text.includes("?") && !/^(?:hoe|wat|wie|waar|wanneer|waarom|welke?|hoeveel|kan|kun|mag|moet|is|zijn|klopt)\b/i.test(text);

const MINE = /^(mijn consulten|mijn consultaanvragen)$/i;
const MAX_TEXT = 3000;

/**
 * Why an action is refused, naming the request by its number when it is known ("consultaanvraag
 * CR-…", else "deze consultaanvraag"; new-user try: from a list of four, which one?).
 */
const REFUSAL: Record<Exclude<ActionOutcome, { ok: true }>["reason"], (request: string) => string> = {
  missing: () => "Deze consultaanvraag bestaat niet (meer).",
  // Not "add you to the channel": on the web coordinators are set by the administrator (team try).
  forbidden: () => "Dit kan alleen een coördinator van dit team. Hoor je daarbij, vraag dan je beheerder om je als coördinator in te stellen.",
  closed: (request) => `${capitalised(request)} is al afgerond of geannuleerd.`,
  taken: (request) => `${capitalised(request)} is al opgepakt.`,
  state: (request) => `Dat kan nu niet bij ${request}.`,
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Why, said as the record has it: who took it, or whether it was closed or withdrawn (team try:
 * an old button on a closed request said "afgerond of geannuleerd", as if Wegwijs did not know).
 */
function specificReason(outcome: Exclude<ActionOutcome, { ok: true }>, request: string): string | undefined {
  const stored = outcome.request;
  if (outcome.reason === "taken" && stored?.assignee) return `${capitalised(request)} is al opgepakt door ${personLabel(stored.assignee)}.`;
  if (outcome.reason === "closed" && stored) return `${capitalised(request)} is al ${stored.status === "geannuleerd" ? "geannuleerd door de aanvrager" : "afgerond"}.`;
  return undefined;
}

/**
 * Why an action was refused. A text the person wrote for it comes back with the refusal, so it is
 * not lost (new-user try: an answer sent after the request was closed showed "Verstuurd", was
 * refused, and was gone).
 */
function refusal(outcome: Exclude<ActionOutcome, { ok: true }>, typed?: string, why?: string): Reply {
  const request = outcome.request ? `consultaanvraag ${outcome.request.id}` : "deze consultaanvraag";
  const reason = why ?? specificReason(outcome, request) ?? REFUSAL[outcome.reason](request);
  if (!typed) return notice(reason, "warning");
  // Personal data in it is not shown again, as in a refused form field.
  return { parts: [{ kind: "notice", level: "warning", text: `${reason} Je tekst is niet verstuurd. Dit had je geschreven:` }, { kind: "text", text: redactPersonalData(typed).text }], audience: "private" };
}

/**
 * Consult requests to the Servicepunt or Expertteam: "consult" shows the form, "consult lijst" /
 * "mijn consulten" the requester's own, "consulten" the open ones for a coordinator, and
 * "koppel servicepunt|expertteam" (admins, Teams) links a channel as the coordinators' channel.
 * Every action checks the actor's role on the server; the buttons are only a convenience.
 */
/**
 * The label the card prints before a field's text, typed again by the writer ("Advies: bel de GI"
 * showed as "Advies: Advies: bel de GI"; new-user try): left off, once.
 */
const OWN_LABEL: Record<string, RegExp> = {
  advice: /^advies\s*[:\-–]\s*/i,
  question: /^(?:open\s+)?vraag\s*[:\-–]\s*/i,
  note: /^notitie\s*[:\-–]\s*/i,
  answer: /^antwoord\s*[:\-–]\s*/i,
};

/** A sent text as the confirmation repeats it: the form is empty once sent (second new-user try: "my text is shown nowhere"). */
const sent = (text: string) => `„${shorten(text, SENT_CHARS)}”`;
const SENT_CHARS = 200;

/** What was typed in a form's field, if anything. */
function typedIn(fields: Record<string, string> | undefined, id: string): string | undefined {
  const text = fields?.[id]?.trim();
  return text ? text : undefined;
}

function withoutOwnLabel(text: string, id: string): string {
  const label = OWN_LABEL[id];
  return label ? text.replace(label, "").trim() : text;
}

const handedOverText = (source: string) => `Ingevuld met ${source}. Gaat je aanvraag over iets anders? Pas de velden dan aan.`;

/**
 * What another feature handed over in this conversation for a consult request, as its button's
 * value, and where it came from ("de samenvatting van het spoedberaad CASUS-2041"); see
 * consultHandover.ts. A typed "consult" fills its form with it.
 */
export type RecentHandover = (address: ConversationAddress) => Promise<{ value: string; source: string } | undefined>;

export function consultChatHandler(service: ConsultService, names: TargetNames, recentHandover?: RecentHandover): ChatHandler {
  const form = (values: Record<string, string> = {}, errors: Record<string, string> = {}) => consultForm(names, values, errors);

  const coordinatesAny = (actor: Actor) => TARGETS.some((t) => isCoordinator(actor, t));

  /**
   * A refusal for one who may not use a coordinator's form for this request, or for a request that
   * is closed, or undefined. Checked before a form opens: a button on an old list opened a form for
   * a closed request, and what was typed in it was refused only after sending (new-user try).
   */
  async function coordinatorRefusal(actor: Actor, id: string, typed?: string): Promise<Reply[] | undefined> {
    const stored = await service.get(id);
    if (!stored) return [refusal({ ok: false, reason: "missing" }, typed)];
    if (!isCoordinator(actor, stored.value.target)) return [refusal({ ok: false, reason: "forbidden" })];
    if (!OPEN_STATUSES.includes(stored.value.status)) return [refusal({ ok: false, reason: "closed", request: stored.value }, typed)];
    return undefined;
  }

  async function listFor(actor: Actor): Promise<Reply> {
    const own = requesterList(await service.ownedBy(actor));
    // A coordinator looking at "mijn consulten" may mean the ones they handle.
    return coordinatesAny(actor) ? { ...own, parts: [...own.parts, { kind: "notice", level: "info", text: "De open aanvragen die jij als coördinator behandelt, zie je met *consulten*; bovenaan staat welke jij hebt opgepakt." }] } : own;
  }

  async function coordinatorView(actor: Actor): Promise<Reply> {
    const targets = TARGETS.filter((t) => isCoordinator(actor, t));
    if (targets.length === 0) return notice("Dit overzicht is er alleen voor coördinatoren van het Servicepunt of het Expertteam. Je eigen aanvragen zie je met *mijn consulten*.", "warning");
    const open = (await Promise.all(targets.map((t) => service.openFor(t)))).flat();
    const list = coordinatorList(inPickUpOrder(open));
    // Which of them are this coordinator's to finish (coordinator try: there was no "what I claimed" view).
    const mine = open.filter((r) => r.assignee !== undefined && samePerson(r.assignee, actor)).map((r) => r.id);
    if (mine.length === 0) return list;
    const [heading, ...rest] = list.parts;
    return { ...list, parts: [heading!, { kind: "text", text: `Door jou opgepakt: ${mine.join(", ")}.` }, ...rest] };
  }

  async function link(incoming: Resolved<Extract<Incoming, { kind: "command" }>>, target: ConsultTarget): Promise<Reply> {
    if (!incoming.actor.roles.has("admin")) return notice("Alleen een beheerder van Wegwijs kan een kanaal koppelen.", "warning");
    // The channel, not the thread the command was typed in: cards are new messages in it.
    const { address } = incoming;
    await service.link(target, address.channelConversationId ?? address.conversationId, incoming.actor);
    return { parts: [{ kind: "text", text: `Dit kanaal is nu het coördinatorenkanaal van het ${names[target]}. Nieuwe consultaanvragen verschijnen hier; de leden van dit kanaal kunnen ze oppakken.` }], audience: "conversation" };
  }

  /**
   * The form for a typed "consult": filled in from what was just handed over here (a spoedberaad
   * closed in this conversation), saying so, or empty. A lookup that fails leaves it empty.
   */
  async function typedForm(address: ConversationAddress): Promise<Reply> {
    const handover = await recentHandover?.(address).catch(() => undefined);
    if (!handover) return { parts: [form()] };
    return withFiledHere(address, handover.value, [{ kind: "notice", level: "info", text: handedOverText(handover.source) }, handoverForm(handover.value)]);
  }

  /** The typed form as a Slack modal shows it: what it was filled in from says its description. */
  async function handedOverForm(address: ConversationAddress) {
    const handover = await recentHandover?.(address).catch(() => undefined);
    if (!handover) return undefined;
    const filed = await filedHereText(address, handover.value);
    return { ...handoverForm(handover.value), description: [handedOverText(handover.source), filed].filter(Boolean).join(" ") };
  }

  /**
   * What was already filed for the handed-over case number from this conversation, by number and
   * status (team try: a colleague filed a second request for the same case, unaware of the first).
   * Only the number and status: what a colleague asked stays theirs.
   */
  async function filedHereText(address: ConversationAddress, handover: string | undefined): Promise<string | undefined> {
    const { caseRef } = parseConsultHandover(handover);
    if (!caseRef) return undefined;
    const filed = await service.filedHere(address, caseRef).catch(() => []);
    if (filed.length === 0) return undefined;
    const list = filed.slice(0, 3).map((request) => `${request.id}, ${STATUS_LABEL[request.status].toLowerCase()}`).join("; ");
    return `Voor ${caseRef} is vanuit dit gesprek al een consultaanvraag ingediend (${list}). Dien je er toch een in, dan komt die er los naast.`;
  }

  async function withFiledHere(address: ConversationAddress, handover: string | undefined, parts: ReplyPart[]): Promise<Reply> {
    const filed = await filedHereText(address, handover);
    return { parts: filed ? [{ kind: "notice", level: "info", text: filed }, ...parts] : parts };
  }

  /** The form from a hand-over button (route outcome, closed spoedberaad): target and summary filled in. */
  function handoverForm(value: string | undefined) {
    const { target, caseRef, urgency, summary } = parseConsultHandover(value);
    return form({ summary, ...(target ? { target } : {}), ...(caseRef ? { caseRef } : {}), ...(urgency ? { urgency } : {}) });
  }

  /** A form's text, or why it is refused with what it shows again (new-user try: a refused answer came back empty). */
  function textField(fields: Record<string, string> | undefined, id: string): { text: string; refused?: undefined } | { text?: undefined; refused: RefusedField } {
    const text = withoutOwnLabel((fields?.[id] ?? "").trim(), id);
    if (text === "") return { refused: { error: "Vul dit veld in." } };
    if (text.length > MAX_TEXT) return { refused: { error: `Hoogstens ${MAX_TEXT} tekens.`, value: refusedValue(text) } };
    const problem = personalDataProblem(text);
    if (problem) return { refused: { error: problem, value: refusedValue(text) } };
    return { text };
  }

  /** `okText` and `sameText` name the request by its number (coordinator try: "Je had deze aanvraag al opgepakt", which one?). */
  async function done(outcome: ActionOutcome, okText: (id: string) => string, sameText: (id: string) => string, requesterOnly = false, typed?: string): Promise<Reply[]> {
    if (!outcome.ok && outcome.reason === "forbidden" && requesterOnly) return [notice("Dit is niet jouw consultaanvraag.", "warning")];
    if (!outcome.ok) return [refusal(outcome, outcome.reason === "forbidden" ? undefined : typed)];
    return [notice((outcome.changed ? okText : sameText)(outcome.request.id))];
  }

  return {
    name: "consult",
    checksPersonalData: true,
    commands: [
      {
        name: "consult",
        args: "[lijst]",
        help: "consultaanvraag indienen bij het Servicepunt of Expertteam; *consult lijst* of *mijn consulten* toont je aanvragen",
        takesText: /^lijst$/i,
        form: (text) => (text.trim() === "" ? form() : undefined),
        formIn: async (text, address) => (text.trim() === "" ? handedOverForm(address) : undefined),
      },
      { name: "consulten", help: "open consultaanvragen (voor coördinatoren)" },
      { name: "koppel", args: "servicepunt|expertteam", help: "koppel dit kanaal als coördinatorenkanaal (beheerders)", helpOn: ["teams"], takesText: /^(servicepunt|expertteam)$/i },
    ],
    actionPrefix: "consult.",
    visibility: "private",

    async actionForm(action, address) {
      if (action.id !== CONSULT_ACTION.new) return undefined;
      const filed = await filedHereText(address, action.value);
      return { ...handoverForm(action.value), ...(filed ? { description: filed } : {}) };
    },

    async command(incoming) {
      const rest = incoming.text.trim().toLowerCase();
      switch (incoming.name) {
        case "consult":
          return rest === "lijst" ? [await listFor(incoming.actor)] : [await typedForm(incoming.address)];
        case "consulten":
          return [await coordinatorView(incoming.actor)];
        case "koppel":
          if (rest === "servicepunt" || rest === "expertteam") return [await link(incoming, rest)];
          return [notice("Typ *koppel servicepunt* of *koppel expertteam* in het kanaal van de coördinatoren.")];
        default:
          return [await typedForm(incoming.address)];
      }
    },

    async message(incoming) {
      const text = incoming.text.trim();
      if (MINE.test(text)) return [await listFor(incoming.actor)];
      // A request named by its number: shown with what its reader may do with it (Annuleren for
      // the requester, the coordinator's buttons), never someone else's.
      const id = requestIdIn(text);
      if (id) {
        const request = (await service.get(id))?.value;
        if (request && isCoordinator(incoming.actor, request.target)) return [coordinatorDetail(request, await service.history(request.id))];
        if (request && isRequester(incoming.actor, request)) return [requesterDetail(request, await service.history(request.id))];
        return [notice(`Ik vind geen consultaanvraag ${id} van jou. Typ *mijn consulten* voor je eigen aanvragen.`, "warning")];
      }
      if (asksForConsultList(text)) {
        return [coordinatesAny(incoming.actor) ? await coordinatorView(incoming.actor) : await listFor(incoming.actor)];
      }
      // A statement typed while a coordinator's question waits for this person, in the conversation
      // the request came from: offered as the answer, in its form (see typedAnswerOffer).
      if (!readsAsAStatement(text)) return undefined;
      const waiting = await service.ownedBy(incoming.actor).then(
        (own) => own.filter((r) => r.status === "vraag uitgezet" && r.requester.conversationId === incoming.address.conversationId),
        () => [],
      );
      const typed = redactPersonalData(text).text;
      return waiting.length === 1 ? [typedAnswerOffer(waiting[0]!, typed, withoutOwnLabel(typed, "answer"))] : undefined;
    },

    // Asked in plain words to put a case to a team: the answer offers the form, with that team.
    suggest(question) {
      const asked = asksToConsult(question);
      if (!asked) return undefined;
      const to = asked.target ? names[asked.target] : `${names.servicepunt} of het ${names.expertteam}`;
      return [
        { kind: "text", text: `Wil je een casus voorleggen aan het ${to}? Dat kan hier met een consultaanvraag. Zet er geen namen of andere gegevens in waaraan iemand de jongere herkent.` },
        // What the message says goes into the form: the team, a case number, "met spoed".
        { kind: "actions", actions: [consultHandoverAction(asked.target, "", caseNumberIn(question), asksForHaste(question) ? "spoed" : undefined)] },
      ];
    },

    async action(incoming) {
      const { actor, action } = incoming;
      const { id, offered } = formValue(action.value ?? "");
      switch (action.id) {
        case CONSULT_ACTION.new:
          return [await withFiledHere(incoming.address, action.value, [handoverForm(action.value)])];
        case CONSULT_ACTION.submit: {
          const parsed = parseConsultFields(action.fields);
          if (!parsed.ok) {
            return [{ parts: [{ kind: "notice", level: "warning", text: "Je aanvraag is nog niet verstuurd: kijk naar de opmerkingen bij de velden." }, form(action.fields ?? {}, parsed.errors)] }];
          }
          const { request, reached } = await service.file(actor, incoming.address, parsed.fields);
          const filed = notice(`Je consultaanvraag ${request.id} is ingediend bij het ${names[request.target]}. Je krijgt persoonlijk bericht zodra iemand hem oppakt. Typ *mijn consulten* voor je overzicht.`);
          // Nobody would hear of it: said to the requester, not left to silence (new-user try in Teams).
          if (reached) return [filed];
          return [{ ...filed, parts: [...filed.parts, { kind: "notice", level: "warning", text: `Let op: voor het ${names[request.target]} is in Wegwijs nog geen plek ingesteld waar coördinatoren aanvragen zien. Je aanvraag is bewaard, maar niemand krijgt er nu bericht van. Neem bij haast zelf contact op, en vraag je beheerder om het coördinatorenkanaal te koppelen.` }] }];
        }
        case DISCARD_ACTION:
          return [notice("Je consultaanvraag is niet verstuurd. Typ *consult* als je hem toch wilt indienen.")];
      }
      if (!REQUEST_ID.test(id)) return [notice("Bij deze knop hoort geen consultaanvraag (meer).", "warning")];
      switch (action.id) {
        case CONSULT_ACTION.claim: {
          const claimed = await service.claim(actor, id);
          const replies = await done(claimed, (r) => `Je hebt ${r} opgepakt. De aanvrager is op de hoogte.`, (r) => `Je had ${r} al opgepakt.`);
          if (!claimed.ok) return replies;
          // What comes next, under the confirmation (new-user try: the coordinator scrolled back
          // to the card or the list to ask or close). Not where the card itself, with those
          // buttons, reaches them (a web coordinator's pages, the coordinators' channel): there
          // they stood twice, one above the other (team try).
          const { address } = incoming;
          if (await service.threadReaches(claimed.request.target, actor, address.channelConversationId ?? address.conversationId)) return replies;
          return replies.map((reply) => ({ ...reply, parts: [...reply.parts, { kind: "actions", actions: coordinatorActions(claimed.request) }] }));
        }
        case CONSULT_ACTION.close: {
          // With the advice form's fields: the advice goes with it, checked like any text.
          if (action.fields) {
            const refused = await coordinatorRefusal(actor, id, typedIn(action.fields, "advice"));
            if (refused) return refused;
            const field = textField(action.fields, "advice");
            if (field.refused) return [{ parts: [textForm(id, "advice", field.refused)] }];
            return done(await service.close(actor, id, field.text), (r) => `${r} is afgerond. De aanvrager heeft je advies: ${sent(field.text)}`, (r) => `${r} was al afgerond.`, false, field.text);
          }
          return done(await service.close(actor, id), (r) => `${r} is afgerond. De aanvrager is op de hoogte.`, (r) => `${r} was al afgerond.`);
        }
        case CONSULT_ACTION.closeWithAdvice:
          return (await coordinatorRefusal(actor, id)) ?? [{ parts: [textForm(id, "advice")] }];
        case CONSULT_ACTION.confirmClose: {
          const refused = await coordinatorRefusal(actor, id);
          if (refused) return refused;
          return [closeConfirmation((await service.get(id))!.value, actor)];
        }
        case CONSULT_ACTION.ask:
        case CONSULT_ACTION.note: {
          const kind = action.id === CONSULT_ACTION.ask ? "ask" : "note";
          // The form only for those who may use it: a visible button gives no right to press it.
          const refused = await coordinatorRefusal(actor, id, typedIn(action.fields, kind === "ask" ? "question" : "note"));
          if (refused) return refused;
          // Forms keep the handler's default audience (Slack: ephemeral); a Teams invoke can only
          // show a private reply as plain text, so a form must not be marked private.
          if (!action.fields) return [{ parts: [textForm(id, kind)] }];
          const field = textField(action.fields, kind === "ask" ? "question" : "note");
          if (field.refused) return [{ parts: [textForm(id, kind, field.refused)] }];
          const outcome = kind === "ask" ? await service.ask(actor, id, field.text) : await service.note(actor, id, field.text);
          // Where the line under the card reaches them, it shows what they typed; said again here, they read it twice.
          const { address } = incoming;
          const seen = outcome.ok && (await service.threadReaches(outcome.request.target, actor, address.channelConversationId ?? address.conversationId));
          const echo = seen ? "." : `: ${sent(field.text)}`;
          return kind === "ask"
            ? done(outcome, (r) => `Je vraag over ${r} is naar de aanvrager gestuurd${echo}`, () => "Deze vraag staat al uit.", false, field.text)
            : done(outcome, (r) => `Je notitie bij ${r} is opgeslagen; de aanvrager ziet hem niet${echo}`, () => "Deze notitie staat er al.", false, field.text);
        }
        case CONSULT_ACTION.answer: {
          // "Beantwoorden" in the requester's list: the form, for the requester of a question still open.
          if (!action.fields) {
            const stored = (await service.get(id))?.value;
            if (!stored || !isRequester(actor, stored)) return [notice("Dit is niet jouw consultaanvraag.", "warning")];
            if (stored.status !== "vraag uitgezet") return [notice(`Bij ${id} staat geen vraag meer open.`)];
            return [{ parts: [answerForm(id)] }];
          }
          const field = textField(action.fields, "answer");
          if (field.refused) return [{ parts: [answerForm(id, field.refused)] }];
          const answered = await service.answer(actor, id, field.text);
          // Answered after the question was settled: not a quiet "kan nu niet", but why, with the text.
          if (!answered.ok && answered.reason === "state") return [refusal(answered, field.text, `Bij ${id} staat geen vraag meer open.`)];
          // Sent as offered under the typed message: that message shows it; quoted again, it reads three times.
          const echo = offered === answerFingerprint(field.text) ? "." : `: ${sent(field.text)}`;
          return done(answered, (r) => `Je antwoord op ${r} is doorgestuurd${echo}`, () => "Je antwoord was al doorgestuurd.", true, field.text);
        }
        case CONSULT_ACTION.dismiss:
          return [notice("Niets verstuurd; de aanvraag is niet veranderd.")];
        case CONSULT_ACTION.confirmCancel: {
          const stored = (await service.get(id))?.value;
          if (!stored || !isRequester(actor, stored)) return [notice("Dit is niet jouw consultaanvraag.", "warning")];
          if (!OPEN_STATUSES.includes(stored.status)) return [refusal({ ok: false, reason: "closed", request: stored })];
          return [cancelConfirmation(stored)];
        }
        case CONSULT_ACTION.cancel:
          return done(await service.cancel(actor, id), (r) => `Je consultaanvraag ${r} is geannuleerd.`, (r) => `${r} was al geannuleerd.`, true);
        default:
          return [notice("Deze knop ken ik niet (meer).", "warning")];
      }
    },
  };
}
