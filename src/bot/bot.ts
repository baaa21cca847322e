import type { AskHandler } from "../handlers/ask/askHandler.js";
import { FEEDBACK_ACTION, MORE_SOURCES_ACTION } from "../handlers/ask/askHandler.js";
import { helpReply } from "../handlers/help.js";
import { isRouteAction, type RouteHandler } from "../handlers/route/routeHandler.js";
import type { Logger } from "../logger.js";
import { StoreUnavailableError } from "../stores/keyValueStore.js";
import { guardIncoming } from "./guardIncoming.js";
import { NOT_REMEMBERED_TEXT } from "./storeNotices.js";
import type { Incoming } from "./incoming.js";
import type { Reply } from "./reply.js";

export interface BotDeps {
  ask: AskHandler;
  documentCount: () => number;
  logger: Logger;
  /** Placement routes; optional so a bot without route content still runs. */
  route?: RouteHandler;
}

export interface Bot {
  handle(incoming: Incoming): Promise<Reply[]>;
}

const HELP_WORDS = new Set(["help", "hulp", "?", "start", "hoi", "hallo", "menu"]);

/** Routes platform-neutral events to handlers. Knows nothing about Slack, Teams or HTML. */
export function createBot(deps: BotDeps): Bot {
  return {
    async handle(incoming) {
      const started = performance.now();
      const kind = incoming.kind === "message" ? "message" : incoming.action.id;
      try {
        const guarded = guardIncoming(incoming);
        if ("refusal" in guarded) return [guarded.refusal];
        const routed = await route(deps, guarded.incoming);
        const replies = guarded.notice ? [guarded.notice, ...routed] : routed;
        deps.logger.info({ surface: incoming.address.surface, kind, ms: Math.round(performance.now() - started) }, "handled");
        return replies;
      } catch (error) {
        deps.logger.error({ surface: incoming.address.surface, kind, err: (error as Error).message }, "handler failed");
        // Without the store a button (feedback, "Meer bronnen") cannot work; say that, not "something broke".
        const text =
          error instanceof StoreUnavailableError
            ? NOT_REMEMBERED_TEXT
            : "Er ging iets mis bij het verwerken van je bericht. Probeer het zo nog eens.";
        return [{ parts: [{ kind: "notice", level: "warning", text }] }];
      }
    },
  };
}

async function route(deps: BotDeps, incoming: Incoming): Promise<Reply[]> {
  if (incoming.kind === "action") {
    if (deps.route && isRouteAction(incoming.action.id)) return [await deps.route.action(incoming.address, incoming.action)];
    switch (incoming.action.id) {
      case MORE_SOURCES_ACTION:
        return [await deps.ask.moreSources(incoming.address)];
      case FEEDBACK_ACTION:
        return [await deps.ask.feedback(incoming.address, incoming.action.value)];
      default:
        return [{ parts: [{ kind: "notice", level: "warning", text: "Deze knop ken ik niet (meer). Stel je vraag opnieuw." }] }];
    }
  }
  const text = incoming.text.trim();
  if (HELP_WORDS.has(text.toLowerCase())) return [helpReply(deps.documentCount())];
  // "route", or the typed answer a route step is waiting for.
  const routed = await deps.route?.message(incoming.address, text);
  if (routed) return [routed];
  const answer = await deps.ask.question(incoming.address, text);
  // A question about placing a young person also gets the route offered, never instead of the answer.
  const offer = deps.route?.offerFor(text);
  return [offer ? { parts: [...answer.parts, ...offer] } : answer];
}
