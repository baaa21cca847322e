import type { ChatHandler } from "../../bot/chatHandler.js";
import type { RouteHandler } from "./routeHandler.js";

/** The placement route as a registered feature: "route", its buttons, and the offer under answers. */
export function routeChatHandler(route: RouteHandler): ChatHandler {
  return {
    name: "route",
    commands: [{ name: "route", aliases: ["plaatsingsroute"], help: "stap voor stap de plaatsingsroute van je regio" }],
    actionPrefix: "route.",
    // Steps go where the person works: in a shared thread, colleagues can follow along.
    visibility: "conversation",
    async command({ address }) {
      return [await route.start(address)];
    },
    async message({ address, text }) {
      const reply = await route.message(address, text);
      return reply ? [reply] : undefined;
    },
    async action({ address, action }) {
      return [await route.action(address, action)];
    },
    suggest(question) {
      return route.offerFor(question);
    },
  };
}
