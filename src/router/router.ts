import type { ChatHandler } from "../bot/chatHandler.js";
import type { Directory } from "../bot/directory.js";
import { guardIncoming } from "../bot/guardIncoming.js";
import type { ConversationAddress, Incoming, Resolved } from "../bot/incoming.js";
import type { Reply, ReplyPart } from "../bot/reply.js";
import type { Logger } from "../logger.js";
import type { HandlerRegistry } from "./registry.js";
import { withRouteOfferFirst as withOfferFirst } from "./offerFirst.js";
import { asksHowToDo, asksToAct, asksWhatToDo, tellsACase, URGENT_NOW } from "../bot/intentPatterns.js";
import { withSafetyNotice } from "../bot/safetyNotice.js";

/** Leads the offers that answer "wat moet ik doen?" where no passage does. */
const WHAT_YOU_CAN_DO = "Wat jij nu moet doen, staat niet letterlijk in de plandocumenten. Dit kan Wegwijs met je doen:";
/**
 * Above the offers that replace a refusal: no passage answers this question, and this is what there
 * is (new-user try: only buttons, nothing said). Not "the plans do not describe it": the route
 * offered is built from their steps (third new-user try of the twenty-ninth session).
 */
const HOW_NOT_DESCRIBED = "Een antwoord op precies deze vraag vind ik niet in de plandocumenten. Dit kan Wegwijs met je doen:";

export interface BotDeps {
  registry: HandlerRegistry;
  directory: Directory;
  /** Answers any message no other handler claims (the question answerer). */
  fallback: ChatHandler & Required<Pick<ChatHandler, "message">>;
  logger: Logger;
}

export interface Bot {
  readonly registry: HandlerRegistry;
  /**
   * Replies in order. A reply without `audience` goes where the event came from: a message's
   * answer to its thread, an action's reply by the handler's declared visibility
   * (`registry.visibilityOfAction`), a slash command's reply privately.
   */
  handle(incoming: Incoming): Promise<Reply[]>;
  /**
   * The conversation's shared messages in their current state, from every handler that keeps
   * some (ChatHandler.restore), for a page that (re)opens it. A handler that fails is left out.
   */
  restore?(address: ConversationAddress): Promise<Reply[]>;
}

const FAILED: Reply = {
  parts: [{ kind: "notice", level: "warning", text: "Er ging iets mis bij het verwerken van je bericht. Probeer het zo nog eens." }],
  audience: "private",
};
const UNKNOWN_ACTION: Reply = {
  parts: [{ kind: "notice", level: "warning", text: "Deze knop ken ik niet (meer). Stel je vraag opnieuw." }],
  audience: "private",
};

/**
 * Routes platform-neutral events to the registered handlers. Knows nothing about Slack, Teams
 * or HTML. Order for a message: a registered command word, then a handler that claims the text
 * (a route step waiting for typed text), then the question answerer plus what other handlers
 * suggest under the answer.
 */
export function createBot(deps: BotDeps): Bot {
  const { registry, logger } = deps;
  return {
    registry,
    async handle(incoming) {
      const started = performance.now();
      const kind = incoming.kind === "action" ? incoming.action.id.slice(0, 64) : incoming.kind === "command" ? `command:${incoming.name}` : "message";
      try {
        // Caps and personal data in form fields are dealt with before any handler sees the event.
        const owner = incoming.kind === "action" ? registry.handlerForAction(incoming.action.id) : undefined;
        const guarded = guardIncoming(incoming, { redactFields: !owner?.checksPersonalData });
        if ("refusal" in guarded) return [{ ...guarded.refusal, audience: "private" }];
        const actor = incoming.actor ?? (await deps.directory.resolve(incoming.address));
        // The reading a follow-up was answered in (Reply.readAs) stays in the core, whichever way the reply came.
        const routed = (await dispatch({ ...guarded.incoming, actor } as Resolved)).map(({ readAs: _readAs, alsoAsk: _alsoAsk, ...reply }) => reply);
        // The personal-data notice leads the first reply, so each surface still shows one reply.
        const [first, ...rest] = routed;
        const replies = guarded.notice && first ? [{ ...first, parts: [...guarded.notice.parts, ...first.parts] }, ...rest] : routed;
        logger.info({ surface: incoming.address.surface, kind, ms: Math.round(performance.now() - started) }, "handled");
        return replies;
      } catch (error) {
        logger.error({ surface: incoming.address.surface, kind, err: (error as Error).message }, "handler failed");
        return [FAILED];
      }
    },
    async restore(address) {
      const replies: Reply[] = [];
      for (const handler of registry.all()) {
        if (!handler.restore) continue;
        try {
          replies.push(...(await handler.restore(address)));
        } catch (error) {
          logger.error({ surface: address.surface, handler: handler.name, err: (error as Error).message }, "restore failed");
        }
      }
      return replies;
    },
  };

  async function dispatch(incoming: Resolved): Promise<Reply[]> {
    switch (incoming.kind) {
      case "action": {
        const handler = registry.handlerForAction(incoming.action.id);
        if (!handler?.action) return [UNKNOWN_ACTION];
        return handler.action(incoming);
      }
      case "command":
        return command(incoming);
      case "message": {
        const parsed = registry.parseText(incoming.text);
        if (parsed.kind === "command") return command({ ...incoming, kind: "command", name: parsed.name, text: parsed.text });
        const text = parsed.text;
        for (const handler of registry.all()) {
          if (handler === deps.fallback || !handler.message) continue;
          const claimed = await handler.message({ ...incoming, text });
          if (!claimed) continue;
          // A question the message asked besides (see Reply.alsoAsk) is answered from the plans, below.
          const also = claimed.find((reply) => reply.alsoAsk !== undefined)?.alsoAsk;
          return also ? [...claimed, ...((await deps.fallback.message({ ...incoming, text: also })) ?? [])] : claimed;
        }
        return withSafetyNotice(text, await answered(incoming, text));
      }
    }
  }

  /** A message no handler claimed: the answer from the plans, with what Wegwijs offers to do. */
  async function answered(incoming: Resolved<Extract<Incoming, { kind: "message" }>>, text: string): Promise<Reply[]> {
    const answer = (await deps.fallback.message({ ...incoming, text })) ?? [];
    // A follow-up is offered for as the answer read it ("is er een expertteam? hoe kom ik daar
    // terecht"); handle() takes the reading off before the reply leaves the core.
    const reading = answer.find((reply) => reply.readAs !== undefined)?.readAs ?? text;
    // An offer whose every button the answer already has is left out, with its text (new-user
    // try: "kan ik het servicepunt bellen?" got the consult button and its advice twice). A
    // button with the same action, label and first part of its value (the team of a consult
    // form) is the same to the reader, whatever else it fills in (a later try: "…, moet vandaag
    // nog bellen" got two "Consultaanvraag indienen" for the Servicepunt, one for spoed).
    const present = new Set(buttonsOf(answer.flatMap((reply) => reply.parts)));
    const offers = registry
      .all()
      .map((h) => h.suggest?.(reading) ?? [])
      .filter((offer) => {
        const buttons = buttonsOf(offer);
        return buttons.length === 0 || !buttons.every((key) => present.has(key));
      })
      .flat();
    if (offers.length === 0 || answer.length === 0) return answer;
    const last = answer[answer.length - 1]!;
    // Asked to do something Wegwijs offers to do: the offer leads, and replaces a reply that
    // only says the documents do not answer (that was never the question).
    if (asksToAct(text)) return offersLead(answer, offers);
    // "… wat moet ik doen?" about the writer's own case: no passage says that, but the route
    // and the checklist walk what the plans say to do. A refusal would read as "nothing to
    // do" (new-user try: an escalating case got "geen antwoord" above the buttons).
    // The refusal's own way on (the Servicepunt, with its consult button) stays under the offers.
    if ((asksWhatToDo(text) || tellsACase(text)) && answer.length === 1 && last.declines) {
      // Not what follows its nearest passages, which are left out here (a note on "bron 2" with no sources shown).
      const beforeSources = last.parts.findIndex((part) => part.kind === "sources");
      const wayOn = last.parts.slice(0, beforeSources === -1 ? undefined : beforeSources).filter((part) => part.kind === "notice" || part.kind === "actions");
      return [{ parts: [{ kind: "text", text: WHAT_YOU_CAN_DO }, ...offers, ...wayOn] }];
    }
    // Asked how to do it oneself ("hoe krijg ik een jongere geplaatst?"): the way to do it, the
    // route or the form, comes first and the quotes follow (verification try: a list of problems
    // led, and the route's button stood under it).
    // A refusal there only says the plans do not describe it; the way to do it is the answer
    // (coordinator try: "kan ik deze casus voorleggen aan het servicepunt?" led with "Ik ga niet gokken").
    if (asksHowToDo(text)) return offersLead(answer, offers, HOW_NOT_DESCRIBED);
    // "… er is acuut gevaar. wat moet ik nu doen?": the urgent route and the checklist lead, the
    // quotes follow (new-user try of the forty-second session: a 2027 goal, "Weten we
    // spoedplaatsingen te voorkomen", was the first thing an acute case read).
    if (asksWhatToDo(text) && URGENT_NOW.test(text)) return offersLead(answer, offers);
    // Offered with the answer, never instead of it: the offer's button leads the answer's buttons.
    return [...answer.slice(0, -1), { ...last, ...withOfferFirst(last, offers) }];
  }

  async function command(incoming: Resolved<Extract<Incoming, { kind: "command" }>>): Promise<Reply[]> {
    const found = registry.command(incoming.name) ?? registry.command("help");
    if (!found?.handler.command) return [UNKNOWN_ACTION];
    return found.handler.command({ ...incoming, name: found.spec.name });
  }
}

/**
 * The offers first, before the answer; a lone refusal is replaced by them, after `instead` when
 * given (a how-to question is told the plans do not describe it; a request to act needs no such line).
 */
function offersLead(answer: Reply[], offers: ReplyPart[], instead?: string): Reply[] {
  const [first, ...rest] = answer;
  if (rest.length === 0 && first!.declines) return [{ parts: instead ? [{ kind: "text", text: instead }, ...offers] : offers }];
  return [{ ...first!, parts: [...offers, ...first!.parts] }, ...rest];
}

/** The buttons among some reply parts as a reader tells them apart: action id, label and the first part of the value. */
function buttonsOf(parts: readonly ReplyPart[]): string[] {
  return parts.flatMap((part) => (part.kind === "actions" ? part.actions.map((action) => `${action.id}\n${action.label}\n${(action.value ?? "").split(/[|\n]/)[0]}`) : []));
}
