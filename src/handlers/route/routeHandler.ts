import type { ConversationAddress, IncomingAction } from "../../bot/incoming.js";
import { otherRegionThan } from "../ask/otherRegion.js";
import { INPUT_LIMITS } from "../../bot/inputLimits.js";
import type { Reply, ReplyAction, ReplyPart } from "../../bot/reply.js";
import { personalDataWarning, redactPersonalData } from "../../privacy/personalData.js";
import { shorten } from "../ask/sentences.js";
import path from "node:path";
import type { Logger } from "../../logger.js";
import type { RecordStores } from "../../records/recordStore.js";
import { type KeyValueStore, StoreUnavailableError } from "../../stores/keyValueStore.js";
import { routeUnavailableNotice } from "../../bot/storeNotices.js";
import { loadRouteCatalog, RouteContentError, type RouteCatalog } from "./routeLoader.js";
import {
  escalationPreviewReply,
  freeTextPromptReply,
  fillText,
  pickerReply,
  type RenderContext,
  restartConfirmReply,
  ROUTE_ACTION,
  SPOEDBERAAD_START_ACTION,
  stepReply,
  summarize,
  whyReply,
} from "./routeReplies.js";
import { type ItemStatus, type RouteDefinition, type RouteNode, resolveTransition, type Transition } from "./routeSchema.js";
import { emptySession, type RouteSession, RouteSessionStore } from "./routeSessionStore.js";
import type { SourceIndex } from "./sourcePassages.js";
import { formatProblem } from "./validateRoutes.js";
import { asksForRoute, asksForUrgentRoute, isPlacementQuestion, isRouteCommand, isUrgentPlacementQuestion } from "./routeIntent.js";
import { asksToAct, ESCALATES, QUESTION_WORDS, URGENT_NOW, wordPattern } from "../../bot/intentPatterns.js";
import { smallTalkIntent } from "../smallTalk.js";
import { foldText, wordTokens } from "../../knowledge/analysis/normalise.js";
import { asksAboutTheStep, saysNone, saysUnsure, typedChoice, typedChoiceAndNote, typedChoiceThenQuestion, typedTitle } from "./typedChoice.js";

const NOTE_CHARS = INPUT_LIMITS.note;

export function isRouteAction(actionId: string): boolean {
  return actionId.startsWith("route.");
}

interface Position {
  route: RouteDefinition;
  node: RouteNode;
}

const notice = (text: string, level: "info" | "warning" = "info"): ReplyPart => ({ kind: "notice", level, text });

/** One living message per person's walk in a conversation: each step updates it in place. */
export function routeSlot(address: ConversationAddress): string {
  return `route:${address.userId}`;
}

const inSlot = (address: ConversationAddress, reply: Reply): Reply => ({ ...reply, slot: routeSlot(address) });

/**
 * The placement route conversation: pick a route, then one step at a time with buttons.
 * Platform-neutral (only Incoming and Reply), so web chat, Slack and Teams behave the same.
 * Progress lives in the RouteSessionStore after every step, so a restart loses nothing.
 */
export class RouteHandler {
  private readonly ctx?: RenderContext;

  constructor(
    private readonly catalog: RouteCatalog | undefined,
    private readonly sessions: RouteSessionStore,
    /** Where the asker said they work, earlier in the conversation (see askerRegion). */
    private readonly askerRegionOf?: (address: ConversationAddress) => Promise<string | undefined>,
    /** The documents' region a message names (see regionNamed). */
    private readonly regionNamedIn?: (text: string) => string | undefined,
  ) {
    if (catalog) this.ctx = { region: catalog.region, routes: catalog.routes, passages: catalog.passages };
  }

  get available(): boolean {
    return this.ctx !== undefined;
  }

  /** The "route" command: starts, or resumes where this person was. */
  async start(address: ConversationAddress): Promise<Reply> {
    try {
      return inSlot(address, await this.resumeOrPick(address));
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return { parts: [routeUnavailableNotice()] };
    }
  }

  /** The configured region (names, example questions), when routes are loaded. */
  get region(): RenderContext["region"] | undefined {
    return this.ctx?.region;
  }

  /**
   * "route" starts or resumes; a typed answer the route is waiting for is taken. Else undefined.
   * Without the store, "route" gets a notice and any other text goes on to be answered.
   */
  async message(address: ConversationAddress, text: string): Promise<Reply | undefined> {
    try {
      const reply = await this.takeMessage(address, text);
      // Past a walk in progress, to be answered from the plans: a next "wat bedoel je?" is about that
      // answer. Not thanks or a greeting, which answer nothing.
      if (!reply && smallTalkIntent(text) === undefined) {
        const session = await this.sessions.get(address);
        if (session && this.position(session)) await this.sessions.markAway(address, session);
      }
      return reply;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return isRouteCommand(text) || asksForRoute(text) ? { parts: [routeUnavailableNotice()] } : undefined;
    }
  }

  private async takeMessage(address: ConversationAddress, text: string): Promise<Reply | undefined> {
    if (isRouteCommand(text) || asksForRoute(text)) {
      // The urgent route asked for by name starts at once when none is in progress; mid-walk the
      // switch to it is offered below, as for any route named then.
      const urgent = asksForUrgentRoute(text) ? this.ctx?.routes.find((r) => r.urgent) : undefined;
      if (!urgent) return inSlot(address, await this.resumeOrPick(address, [], text));
      if (!this.position(await this.sessions.get(address))) return inSlot(address, await this.choose(address, urgent.id, { text }));
    }
    if (!this.ctx) return undefined;
    const session = await this.sessions.get(address);
    const at = this.position(session);
    if (session && !session.routeId && text.trim().split(/\s+/).length <= TYPED_BUTTON_WORDS) {
      // At the list of routes: a route's name typed ("regulier", "spoedroute") is that route.
      const picked = typedTitle(text, this.ctx.routes.map((r) => r.title));
      if (picked !== undefined) return inSlot(address, await this.choose(address, this.ctx.routes[picked]!.id));
    }
    if (!session || !at) return undefined;
    // "spoedroute", "kan ik naar de spoedroute?", "het loopt uit de hand … acuut gevaar": another
    // route named, or the case escalating, mid-walk. Where the step waits for a typed description,
    // only with a question mark (the description may tell the crisis).
    const switchOffer = !session.awaitingText || text.includes("?") ? this.switchOffer(at, text) : undefined;
    if (switchOffer) return standalone(switchOffer);
    // "welke expertise bedoel je?", "wat houdt dat in?": about the step on screen, answered by its
    // reason and source passage, not by a search of all documents (new-user try). Where the step
    // waits for a typed description, only with a question mark: "de GI, bedoeld als regievoerder" describes.
    // Unless it opens with one of the step's buttons: "nee, nog niet, moeder wil niet. wat bedoel je
    // daarmee?" answers the step, then asks about it (new-user try: the "nee" was not recorded).
    const labels = at.node.kind === "question" ? at.node.options.map((o) => fillText(o.label, this.ctx!.region)) : [];
    // "nee nog niet. hoe doe ik dat?": the button; the step it leads to says what to do.
    const answered = !session.awaitingText && at.node.kind === "question" ? typedChoiceThenQuestion(text, labels) : undefined;
    // Not after a message that went on to be answered from the plans: "welke taken bedoelen ze met
    // 'die taken'?" asked about that answer (second new-user try of the thirty-seventh session: the
    // step of a route left open eight messages before was explained instead).
    // Unless it names a word of the step ("welke analyse bedoel je?").
    const aboutThisStep = !session.away || namesAWordOf(text, fillText(at.node.kind === "outcome" ? at.node.title : at.node.text, this.ctx.region));
    if (!answered && aboutThisStep && asksAboutTheStep(text) && (!session.awaitingText || text.includes("?"))) return standalone(this.aboutTheStep(at.route, at.node));
    if (!session.awaitingText) {
      // A typed button ("ja", "nee", "verder", "ok verder") is that button.
      const option = this.typedButton(at, text);
      if (option !== undefined) return inSlot(address, await this.answer(address, at.route.id, at.node.id, option));
      // A typed answer to a step that waits for a button ("deels, moeder wel, vader niet in beeld")
      // was read as a question about the documents and left the walk without a word (new-user try).
      if (at.node.kind !== "question") {
        // "weet ik niet" at a step that only informs or asks to act: nothing to choose, so say how
        // to go on (new-user try: it got the off-topic refusal and "Typ help").
        if (!saysUnsure(text) || at.node.kind === "outcome") return undefined;
        const next = at.node.kind === "information" ? "Verder" : "Oké, verder";
        return { parts: [notice(`Hier hoef je niets te kiezen: deze stap zegt wat de plannen vragen. Kies *${next}* als je verder wilt, of *Waarom?* voor de bron. Je kunt altijd een stap terug.`, "info")] };
      }
      if (answered !== undefined) {
        // "nee nog niet. wat houdt dat in?" asks about the step just answered: its reason and
        // source come first (new-user try: the question was passed over).
        const aboutStep = asksAboutTheStep(answered.question);
        const about = aboutStep ? whyReply(at.route, at.node, this.ctx).parts.filter((part) => part.kind !== "actions") : [];
        // A question of its own ("wie organiseert zo'n spoedberaad eigenlijk?") is answered from the
        // plans under the next step (new-user try of the forty-third session: it was passed over).
        // Not "hoe doe ik dat?", which the next step answers.
        const ownQuestion = !aboutStep && !asksHowToDoIt(answered.question) ? answered.question : undefined;
        const noted = answered.note ? redactPersonalData(answered.note) : undefined;
        const warning = noted ? personalDataWarning(noted.findings, "store") : undefined;
        const kept = noted ? " Je toelichting staat bij de samenvatting." : "";
        const lead = [
          notice(`Je koos: *${labels[answered.index]}*.${kept} ${about.length > 0 ? "Over die stap zeggen de plandocumenten dit; daaronder staat wat de route daarna zegt." : ownQuestion ? "Hieronder staat wat de route daarna zegt, en daaronder wat de plandocumenten op je vraag zeggen." : "Hieronder staat wat de route daarna zegt."}`),
          ...(warning ? [notice(warning, "warning")] : []),
          ...about,
        ];
        const chosen = at.node.options[answered.index]!;
        const next = inSlot(address, await this.advance(address, session, at.route, chosen.next, chosen.records, noted ? shorten(noted.text, NOTE_CHARS) : undefined, lead));
        return ownQuestion ? { ...next, alsoAsk: ownQuestion } : next;
      }
      // "ja, mst gehad maar gestopt": that button, and the rest kept as a note for the summary, however
      // long the note (new-user try: "nee nog niet af, gw is ermee bezig samen met …" was a question).
      const withNote = text.includes("?") ? undefined : typedChoiceAndNote(text, labels);
      if (!withNote && !readsAsAnAnswer(text)) return undefined;
      if (withNote) {
        const chosen = at.node.options[withNote.index]!;
        const { text: redacted, findings } = redactPersonalData(withNote.note);
        const warning = personalDataWarning(findings, "store");
        const lead = [notice(`Je koos: *${fillText(chosen.label, this.ctx.region)}*. Je toelichting staat bij de samenvatting.`), ...(warning ? [notice(warning, "warning")] : [])];
        return inSlot(address, await this.advance(address, session, at.route, chosen.next, chosen.records, shorten(redacted, NOTE_CHARS), lead));
      }
      // "weet ik niet", "geen idee": not known to be done is not done yet (new-user try: refused like any other text).
      const no = labels.filter((label) => /^nee\b/i.test(label));
      if (saysUnsure(text) && no.length === 1) {
        return { parts: [notice(`Weet je het niet zeker? Kies dan *${no[0]}*: daarna zegt de route wat er nog moet gebeuren. Je kunt altijd een stap terug.`, "info")] };
      }
      // Away from the walk, other text is a message for the plans, not a missed button.
      if (session.away) return undefined;
      const step = shorten(fillText(at.node.text, this.ctx.region), 120);
      return { parts: [notice(`Je zit midden in de plaatsingsroute, bij: „${step}” Kies je antwoord met de knoppen bij die stap, of typ *route* om hem hier opnieuw te zien. Wil je iets over de plannen vragen? Zet er dan een vraagteken achter.`, "info")] };
    }
    if (at.node.id !== session.awaitingText) return undefined;
    return inSlot(address, await this.freeTextAnswer(address, session, at, text));
  }

  /** The step's button a short typed message means (see typedChoice), if any. */
  private typedButton(at: Position, text: string): number | undefined {
    if (text.trim().split(/\s+/).length > TYPED_BUTTON_WORDS) return undefined;
    const node = at.node;
    if (node.kind === "question") return typedChoice(text, node.options.map((o) => fillText(o.label, this.ctx!.region)));
    if ((node.kind === "information" || node.kind === "action") && node.next) return typedChoice(text, [node.kind === "action" ? "Oké, verder" : "Verder"], true);
    return undefined;
  }

  /** Buttons to offer under an answer to a question about placing a young person. */
  offerFor(text: string): ReplyPart[] | undefined {
    if (!this.ctx || !isPlacementQuestion(text)) return undefined;
    // About placing with urgency: the urgent route itself (started unless a walk is in progress).
    const urgent = isUrgentPlacementQuestion(text) ? this.ctx.routes.find((r) => r.urgent) : undefined;
    if (urgent) {
      return [
        { kind: "text", text: "Moet een jongere met spoed geplaatst worden? Loop dan stap voor stap de spoedroute door." },
        { kind: "actions", actions: [{ id: ROUTE_ACTION.start, label: "Start de spoedroute", value: urgent.id, style: "primary" }] },
      ];
    }
    return [
      { kind: "text", text: "Gaat dit over een jongere voor wie plaatsing in beeld is? Loop dan stap voor stap de plaatsingsroute door." },
      { kind: "actions", actions: [{ id: ROUTE_ACTION.start, label: "Start de plaatsingsroute", style: "primary" }] },
    ];
  }

  async action(address: ConversationAddress, action: IncomingAction): Promise<Reply> {
    let reply: Reply;
    try {
      reply = await this.actionReply(address, action);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return { parts: [routeUnavailableNotice()], audience: "private" };
    }
    // Refusals and side messages ("Waarom?") stand on their own; steps update the walk's message.
    return reply.audience === "private" || reply.slot === "" ? { ...reply, slot: undefined } : reply.slot ? reply : inSlot(address, reply);
  }

  private async actionReply(address: ConversationAddress, action: IncomingAction): Promise<Reply> {
    if (!this.ctx) return unavailable();
    const [routeId = "", nodeId = "", option = ""] = (action.value ?? "").split(":");
    switch (action.id) {
      case ROUTE_ACTION.start:
      case ROUTE_ACTION.resume: {
        // A start button that names a route (the urgent one, offered under an answer) starts it,
        // unless a walk is in progress: that one is resumed, as from any start button.
        const named = routeId ? this.ctx.routes.find((r) => r.id === routeId) : undefined;
        if (named && !this.position(await this.sessions.get(address))) return this.choose(address, named.id, {});
        return this.resumeOrPick(address);
      }
      case ROUTE_ACTION.choose:
        return this.choose(address, routeId);
      case ROUTE_ACTION.answer:
        return this.answer(address, routeId, nodeId, Number.parseInt(option, 10));
      case ROUTE_ACTION.freeText:
        return this.askFreeText(address, routeId, nodeId);
      case ROUTE_ACTION.back:
        return this.back(address, routeId, nodeId);
      case ROUTE_ACTION.restart:
        return restartConfirmReply();
      case ROUTE_ACTION.restartConfirmed:
        await this.sessions.clear(address);
        return pickerReply(this.ctx.routes, this.ctx.region, [{ kind: "text", text: "We beginnen opnieuw." }]);
      case ROUTE_ACTION.why:
        return standalone(this.why(routeId, nodeId));
      case ROUTE_ACTION.escalateSpoedberaad:
        return standalone(await this.escalate(address, "spoedberaad", routeId));
      case ROUTE_ACTION.escalateConsult:
        return standalone(await this.escalate(address, "consult", routeId));
      default:
        return { parts: [notice("Deze knop ken ik niet (meer). Typ *route* om verder te gaan.", "warning")] };
    }
  }

  private position(session: RouteSession | undefined): Position | undefined {
    const route = this.ctx?.routes.find((r) => r.id === session?.routeId);
    const node = route?.nodes.find((n) => n.id === session?.nodeId);
    return route && node ? { route, node } : undefined;
  }

  private async resumeOrPick(address: ConversationAddress, lead: ReplyPart[] = [], text?: string): Promise<Reply> {
    if (!this.ctx) return unavailable();
    const session = await this.sessions.get(address);
    const at = this.position(session);
    if (!session || !at) {
      // Remembered as picking, so a route's name typed next ("regulier") chooses it.
      if (!session) await this.sessions.save(address, emptySession());
      return pickerReply(this.ctx.routes, this.ctx.region, [...lead, ...(await this.otherRegionNotice(address, text))]);
    }
    // The step is on screen again: questions about it are about it.
    if (session.awaitingText || session.away) {
      session.awaitingText = undefined;
      await this.sessions.save(address, session);
    }
    return stepReply(at.route, session, this.ctx, [...lead, notice(`Je was bezig met *${at.route.title}*${/[.?!]$/.test(at.route.title) ? "" : "."} Hier ben je gebleven.`)]);
  }

  /**
   * Above the route choice or a route's first step, for someone who asks about another region than
   * the one these routes are for, or said they work there: the routes are not theirs (new-user try:
   * a Rotterdam professional walked the Groningen and Drenthe route without a word, while answers
   * said which region they came from; another, "is er voor rijnmond ook een spoedroute?", got that
   * route's first step as if it were Rijnmond's).
   */
  private async otherRegionNotice(address: ConversationAddress, text?: string): Promise<ReplyPart[]> {
    const region = this.ctx?.region.name;
    if (!region) return [];
    const asked = text !== undefined ? otherRegionThan(this.regionNamedIn?.(text), region) : undefined;
    if (asked) return [notice(`Let op: deze routes volgen de plannen van regio ${region}, waarvoor Wegwijs hier is ingesteld. Je vroeg naar regio ${asked}.`, "warning")];
    const theirs = this.askerRegionOf ? await this.askerRegionOf(address).catch(() => undefined) : undefined;
    const other = otherRegionThan(theirs, region);
    return other ? [notice(`Let op: deze routes volgen de plannen van regio ${region}, waarvoor Wegwijs hier is ingesteld. Je zei in regio ${other} te werken.`, "warning")] : [];
  }

  /**
   * Starts a route. `asked` when it starts without the route choice before it (typed, or a start
   * button under an answer), so its first step says what the choice would have said about the
   * region; `text` is the message that asked for it, when typed.
   */
  private async choose(address: ConversationAddress, routeId: string, asked?: { text?: string }): Promise<Reply> {
    const ctx = this.ctx!;
    const route = ctx.routes.find((r) => r.id === routeId);
    if (!route) return pickerReply(ctx.routes, ctx.region, [notice("Die route is er niet (meer). Kies er een uit de lijst.", "warning")]);
    const session = emptySession(route.id, route.start);
    await this.sessions.save(address, session);
    const regionNotice = asked ? await this.otherRegionNotice(address, asked.text) : [];
    return stepReply(route, session, ctx, [...regionNotice, { kind: "text", text: route.intro }]);
  }

  /** Loads the session and checks the button belongs to the current step. */
  private async current(
    address: ConversationAddress,
    routeId: string,
    nodeId: string,
  ): Promise<{ session: RouteSession; at: Position } | { reply: Reply }> {
    const session = await this.sessions.get(address);
    const at = this.position(session);
    if (!session || !at) {
      // Often a colleague's button in a shared thread: answer only the presser, leave the walk alone.
      return {
        reply: {
          parts: [
            notice("Deze knop hoort bij een route die verlopen is, of bij de route van een collega. Start je eigen route om verder te gaan.", "warning"),
            { kind: "actions", actions: [{ id: ROUTE_ACTION.start, label: "Start mijn route", style: "primary" }] },
          ],
          audience: "private",
        },
      };
    }
    if (at.route.id !== routeId || at.node.id !== nodeId) {
      return { reply: stepReply(at.route, session, this.ctx!, [notice("Die knop hoort bij een eerdere stap. Hier ben je nu:")]) };
    }
    return { session, at };
  }

  private async answer(address: ConversationAddress, routeId: string, nodeId: string, option: number): Promise<Reply> {
    const found = await this.current(address, routeId, nodeId);
    if ("reply" in found) return found.reply;
    const { session, at } = found;
    const node = at.node;
    switch (node.kind) {
      case "question": {
        const chosen = node.options[option];
        if (!chosen) break;
        const echo = notice(`Je koos: *${fillText(chosen.label, this.ctx!.region)}*`);
        return this.advance(address, session, at.route, chosen.next, chosen.records, undefined, [echo]);
      }
      case "information":
      case "action":
        if (option !== 0 || !node.next) break;
        return this.advance(address, session, at.route, node.next, node.kind === "action" ? node.records : undefined);
      case "outcome":
        break;
    }
    return stepReply(at.route, session, this.ctx!, [notice("Die keuze ken ik niet bij deze stap. Kies een van de knoppen.", "warning")]);
  }

  private async advance(
    address: ConversationAddress,
    session: RouteSession,
    route: RouteDefinition,
    transition: Transition,
    records: Record<string, ItemStatus> | undefined,
    note?: string,
    lead: ReplyPart[] = [],
  ): Promise<Reply> {
    session.history.push({ nodeId: session.nodeId!, records: { ...session.records }, notes: session.notes.length });
    session.records = { ...session.records, ...records };
    if (note !== undefined) session.notes.push({ nodeId: session.nodeId!, text: note });
    session.nodeId = resolveTransition(transition, { region: this.ctx!.region.id, records: session.records });
    session.awaitingText = undefined;
    await this.sessions.save(address, session);
    return stepReply(route, session, this.ctx!, lead);
  }

  private async askFreeText(address: ConversationAddress, routeId: string, nodeId: string): Promise<Reply> {
    const found = await this.current(address, routeId, nodeId);
    if ("reply" in found) return found.reply;
    const { session, at } = found;
    if (at.node.kind !== "question" || !at.node.freeText) {
      return stepReply(at.route, session, this.ctx!, [notice("Bij deze stap kun je niet zelf typen. Kies een van de knoppen.", "warning")]);
    }
    session.awaitingText = at.node.id;
    await this.sessions.save(address, session);
    return freeTextPromptReply(at.route, at.node, this.ctx!);
  }

  private async freeTextAnswer(address: ConversationAddress, session: RouteSession, at: Position, text: string): Promise<Reply> {
    const node = at.node;
    if (node.kind !== "question" || !node.freeText) return stepReply(at.route, session, this.ctx!);
    // Stored until the TTL and shown in the summary: personal data is removed first.
    const { text: redacted, findings } = redactPersonalData(text);
    const note = shorten(redacted, NOTE_CHARS);
    if (note === "") return freeTextPromptReply(at.route, node, this.ctx!);
    const warning = personalDataWarning(findings, "store");
    const lead: ReplyPart[] = warning ? [notice(warning, "warning")] : [];
    // "eigenlijk niemand, …" describes no one: the step's "not yet" button, with the text as its note.
    const none = saysNone(text) ? missingOption(node.options, node.freeText.records) : undefined;
    if (none) {
      lead.push(notice(`Genoteerd als „${fillText(none.label, this.ctx!.region)}”: je antwoord zegt dat er (nog) niets of niemand is. Klopt dat niet? Kies Terug.`, "info"));
      return this.advance(address, session, at.route, none.next, none.records, note, lead);
    }
    return this.advance(address, session, at.route, node.freeText.next, node.freeText.records, note, lead);
  }

  private async back(address: ConversationAddress, routeId: string, nodeId: string): Promise<Reply> {
    const found = await this.current(address, routeId, nodeId);
    if ("reply" in found) return found.reply;
    const { session, at } = found;
    const previous = session.history.pop();
    if (!previous) {
      // Back from the first step: choose again.
      await this.sessions.save(address, emptySession());
      return pickerReply(this.ctx!.routes, this.ctx!.region);
    }
    session.nodeId = previous.nodeId;
    session.records = previous.records;
    session.notes = session.notes.slice(0, previous.notes);
    session.awaitingText = undefined;
    await this.sessions.save(address, session);
    return stepReply(at.route, session, this.ctx!);
  }

  /**
   * Mid-walk, a message that names another route ("spoedroute", "kan ik naar de reguliere route?")
   * or says the case is escalating now ("acuut gevaar", "het loopt uit de hand") gets the switch
   * offered, not made: the answers so far belong to this route and would be lost. Escalating, it
   * also gets the team checklist (new-user try: "kan ik naar de spoedroute?" got a flipchart list,
   * and a typed "spoedroute" was refused with "kies je antwoord met de knoppen").
   */
  private switchOffer(at: Position, text: string): Reply | undefined {
    const urgent = URGENT_NOW.test(text) || ESCALATES.test(text);
    // A question about a route that does not ask to go there ("waarom lukt het vaak niet om die
    // reguliere route te volgen?") is a question for the plans (new-user try of the thirty-seventh
    // session: it got "Wil je naar „Reguliere route …”?" and no answer).
    if (!urgent && ASKS_ABOUT_A_ROUTE.test(text) && !GOES_TO_A_ROUTE.test(text)) return undefined;
    const emergency = this.ctx!.routes.find((route) => EMERGENCY_ROUTE.test(route.title));
    const named = this.routeNamed(text, emergency);
    const target = named ?? (urgent ? emergency : undefined);
    if (target?.id === at.route.id && !urgent) return undefined;
    if (!target && !urgent) return undefined;
    const resume: ReplyAction = { id: ROUTE_ACTION.resume, label: "Verder met deze route", value: `${at.route.id}:${at.node.id}` };
    const parts: ReplyPart[] = [];
    const switching = target !== undefined && target.id !== at.route.id;
    if (switching) {
      parts.push(notice(`Je zit nu in „${at.route.title}”. Wil je naar „${target.title}”? Je begint daar bij de eerste stap; wat je in deze route koos, vervalt.`));
      parts.push({ kind: "actions", actions: [{ id: ROUTE_ACTION.choose, label: `Naar: ${target.title}`, value: target.id, style: "primary" }, resume] });
    }
    if (urgent) {
      parts.push({ kind: "text", text: "Moet er nu iets gebeuren voor deze jongere? Start dan een spoedberaad: een checklist die jullie hier samen afvinken." });
      // Handed over by action id: the checklist feature answers it (the route does not import it).
      parts.push({ kind: "actions", actions: [{ id: SPOEDBERAAD_START_ACTION, label: "Start spoedberaad-checklist", ...(switching ? {} : { style: "primary" as const }) }, ...(switching ? [] : [resume])] });
    }
    return { parts };
  }

  /** The route a message names: a short one by its title ("spoedroute", "regulier"), a longer one by the emergency route's word ("… naar de spoedroute?"). */
  private routeNamed(text: string, emergency: RouteDefinition | undefined): RouteDefinition | undefined {
    const routes = this.ctx!.routes;
    if (text.trim().split(/\s+/).length <= TYPED_BUTTON_WORDS) {
      const typed = typedTitle(text.replace(/[?!.]+\s*$/, ""), routes.map((route) => route.title));
      if (typed !== undefined) return routes[typed];
    }
    if (emergency && NAMES_EMERGENCY_ROUTE.test(text)) return emergency;
    const regular = routes.find((route) => REGULAR_ROUTE.test(route.title));
    return regular && NAMES_REGULAR_ROUTE.test(text) ? regular : undefined;
  }

  /** The step on screen, named, then why it is there and its source ("Waarom?"). */
  private aboutTheStep(route: RouteDefinition, node: RouteNode): Reply {
    const why = whyReply(route, node, this.ctx!);
    const step = shorten(fillText(node.kind === "outcome" ? node.title : node.text, this.ctx!.region), 120);
    return { ...why, parts: [notice(`Over de stap waar je bent: „${step}” Dit zeggen de plandocumenten erover.`, "info"), ...why.parts] };
  }

  private why(routeId: string, nodeId: string): Reply {
    const route = this.ctx!.routes.find((r) => r.id === routeId);
    const node = route?.nodes.find((n) => n.id === nodeId);
    if (!route || !node) return { parts: [notice("Bij deze knop hoort geen stap (meer). Typ *route* om verder te gaan.", "warning")] };
    return whyReply(route, node, this.ctx!);
  }

  private async escalate(address: ConversationAddress, kind: "spoedberaad" | "consult", routeId: string): Promise<Reply> {
    const session = await this.sessions.get(address);
    const at = this.position(session);
    if (!session || !at || at.route.id !== routeId || at.node.kind !== "outcome") {
      return { parts: [notice("Deze knop hoort bij een afgeronde route. Typ *route* om (verder) te gaan.", "warning")] };
    }
    return escalationPreviewReply(kind, summarize(at.route, at.node, session, this.ctx!.region));
  }
}

/**
 * Loads the region's routes at start. Broken route content stops the start (a release bug);
 * sources the current corpus lacks only switch the routes off, with an error in the log.
 */
export function createRouteHandler(options: {
  contentDir: string;
  region: string;
  index: SourceIndex;
  records: RecordStores;
  ttlSeconds: number;
  /** Where the asker said they work: the route choice says when that is another region. */
  askerRegionOf?: (address: ConversationAddress) => Promise<string | undefined>;
  /** The documents' region a message names: a route asked for another region says so. */
  regionNamedIn?: (text: string) => string | undefined;
  logger: Logger;
}): RouteHandler {
  const result = loadRouteCatalog({
    routesDir: path.join(options.contentDir, "routes"),
    regionsDir: path.join(options.contentDir, "regions"),
    region: options.region,
    index: options.index,
  });
  if (result.contentProblems.length > 0) throw new RouteContentError(result.contentProblems);
  const sessions = new RouteSessionStore(options.records, options.ttlSeconds);
  if (result.sourceProblems.length > 0) {
    const problems = result.sourceProblems.map(formatProblem);
    // Often one missing document breaks dozens of sources: log a readable sample, not all.
    options.logger.error(
      { count: problems.length, problems: problems.slice(0, 5) },
      "plaatsingsroutes uitgeschakeld: bronnen niet gevonden in de documenten (npm run routes:check)",
    );
    return new RouteHandler(undefined, sessions, options.askerRegionOf, options.regionNamedIn);
  }
  options.logger.info({ region: options.region, routes: result.catalog!.routes.map((r) => r.id) }, "plaatsingsroutes geladen");
  return new RouteHandler(result.catalog, sessions, options.askerRegionOf, options.regionNamedIn);
}

/** The region's emergency route and its regular one, by their titles ("Spoedroute (spoedmachtiging)", "Reguliere route …"). */
const EMERGENCY_ROUTE = /\bspoed/i;
const REGULAR_ROUTE = /\bregulier/i;
/** A message that names them: "de spoedroute", "spoed route", "spoedmachtiging"; not "spoedberaad". */
const NAMES_EMERGENCY_ROUTE = wordPattern("spoed\\s*route|spoedmachtiging|spoedprocedure|spoedvariant");
const NAMES_REGULAR_ROUTE = wordPattern("reguliere?\\s+(?:route|machtiging|procedure|variant)");
/** Whether a message has a word of five letters or more that a text has too (folded). */
function namesAWordOf(message: string, text: string): boolean {
  const words = new Set(wordTokens(foldText(text)));
  return wordTokens(foldText(message)).some((word) => word.length >= 5 && words.has(word));
}

/** A question word that asks something about a route rather than to walk it. */
const ASKS_ABOUT_A_ROUTE = wordPattern("waarom|wat|wie|wanneer|hoeveel|welke?|hoe\\s+vaak|hoe\\s+lang");
/** Words that ask to go to a route ("kan ik naar de spoedroute?", "liever de reguliere route"). */
const GOES_TO_A_ROUTE = wordPattern("naar|overstappen|overschakelen|wissel\\p{L}*|switch\\p{L}*|start\\p{L}*|kies|kiezen|liever|nemen|volgen\\s+we|doorlopen|lopen");

/** A reply shown as its own message, not in the walk's slot. */
function standalone(reply: Reply): Reply {
  return { ...reply, slot: "" };
}

function unavailable(): Reply {
  return {
    parts: [notice("De plaatsingsroutes zijn nu niet beschikbaar. Stel je vraag gewoon in de chat, of vraag de beheerder om het na te kijken.", "warning")],
  };
}

/** Longer than this, a typed message is not a button's label. */
const TYPED_BUTTON_WORDS = 6;

/** A question word or a modal verb: a message with one asks something, also without a question mark. */
const MODAL = wordPattern("kun|kan|mag|moet");
/** Longer than this, a message without a question mark still tells or asks more than an answer does. */
const ANSWER_WORDS = 12;

/**
 * Whether a typed message reads as an answer to the step on screen rather than as a question,
 * a request or small talk: short, no question mark or question word, no greeting or thanks.
 */
function readsAsAnAnswer(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== "" && !trimmed.includes("?") && trimmed.split(/\s+/).length <= ANSWER_WORDS && !QUESTION_WORDS.test(trimmed) && !MODAL.test(trimmed) && !asksToAct(trimmed) && smallTalkIntent(trimmed) === undefined;
}

/**
 * The option that records as missing what the free-text answer records as done ("Nee, nog niet"
 * beside "Wie heeft de regie?"), if the step has one.
 */
function missingOption<O extends { records?: Record<string, ItemStatus> }>(options: O[], done: Record<string, ItemStatus> | undefined): O | undefined {
  const items = Object.entries(done ?? {}).flatMap(([item, status]) => (status === "done" ? [item] : []));
  if (items.length === 0) return undefined;
  return options.find((option) => items.every((item) => option.records?.[item] === "missing"));
}

/** "hoe doe ik dat?", "wat moet ik dan doen?": what the next step of the route says. */
function asksHowToDoIt(question: string): boolean {
  return /^\s*(?:en\s+|maar\s+)?(?:hoe\s+(?:doe|pak|regel|organiseer)\s+(?:ik|je|we)\b|wat\s+(?:moet|kan)\s+(?:ik|je|we)\s+(?:dan\s+|nu\s+)?doen\b)/iu.test(question);
}
