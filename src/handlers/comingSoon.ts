import type { ChatHandler } from "../bot/chatHandler.js";

/**
 * Commands announced in the Slack and Teams manifests whose features are not built yet: a short,
 * honest answer. Each line is replaced by the real feature's handler in src/router/handlers.ts.
 */
export function comingSoonHandler(): ChatHandler {
  const texts: Record<string, string> = {
    consult:
      "Een consult aanvragen bij het Servicepunt JeugdzorgPlus kan binnenkort via Wegwijs. Tot die tijd kun je het Servicepunt van je regio zelf benaderen.",
  };
  return {
    name: "coming-soon",
    commands: [
      { name: "consult", help: "consult aanvragen bij het Servicepunt (binnenkort)" },
    ],
    visibility: "private",
    async command({ name }) {
      return [{ parts: [{ kind: "notice", level: "info", text: texts[name] ?? texts.consult! }] }];
    },
  };
}
