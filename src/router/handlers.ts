import type { ChatHandler } from "../bot/chatHandler.js";
import { askChatHandler } from "../handlers/ask/askChatHandler.js";
import type { AskHandler } from "../handlers/ask/askHandler.js";
import { helpHandler } from "../handlers/help.js";
import { smallTalkHandler } from "../handlers/smallTalkHandler.js";
import { routeChatHandler } from "../handlers/route/routeChatHandler.js";
import type { RouteHandler } from "../handlers/route/routeHandler.js";
import { HandlerRegistry } from "./registry.js";

export interface FeatureDeps {
  ask: AskHandler;
  route?: RouteHandler;
  /** The spoedberaad checklist (src/handlers/spoedberaad), built with its jobs by the app. */
  spoedberaad?: ChatHandler;
  documentCount: () => number;
  /** The indexed documents' titles ("welke documenten ken jij?"). */
  documentTitles?: () => string[];
  /** Consult requests (src/handlers/consult), built with the app's delivery and directory. */
  consult?: ChatHandler;
  /** Extra handlers (tests, region plug-ins), added after the shipped ones. */
  extra?: readonly ChatHandler[];
}

/**
 * The registry: one line per feature. Adding a feature means its folder under src/handlers/
 * and a line here; the Slack and Teams command parsers, Slack's action check and the help
 * texts all follow from it.
 */
export function createRegistry(deps: FeatureDeps): { registry: HandlerRegistry; fallback: ReturnType<typeof askChatHandler> } {
  const registry = new HandlerRegistry();
  const fallback = askChatHandler(deps.ask);
  const region = () => deps.route?.region;
  registry.add(helpHandler({ documentCount: deps.documentCount, commands: () => registry.commandSpecs(), region }));
  // The route before small talk: "ok verder" or "ja" typed during the route answers its step.
  if (deps.route) registry.add(routeChatHandler(deps.route));
  registry.add(smallTalkHandler(region, () => registry.commandSpecs(), deps.documentTitles, (address, text) => deps.ask.regionIntroduced(address, text)));
  if (deps.spoedberaad) registry.add(deps.spoedberaad);
  if (deps.consult) registry.add(deps.consult);
  for (const handler of deps.extra ?? []) registry.add(handler);
  // Last: other handlers claim a message (a route step waiting for text) before it is a question.
  registry.add(fallback);
  return { registry, fallback };
}
