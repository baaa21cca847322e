import type { ChatHandler } from "../bot/chatHandler.js";

/**
 * Commands announced in the Slack and Teams manifests whose features are not built yet: a short,
 * honest answer. Each line is replaced by the real feature's handler in src/router/handlers.ts.
 */
export function comingSoonHandler(): ChatHandler {
  const texts: Record<string, string> = {
    spoedberaad:
      "De checklist voor een spoedberaad komt binnenkort. Tot die tijd kun je vragen: wat moet er bij een spoedberaad aanschuiven?",
  };
  return {
    name: "coming-soon",
    commands: [
      { name: "spoedberaad", help: "checklist voor een spoedberaad (binnenkort)" },
    ],
    visibility: "private",
    async command({ name }) {
      return [{ parts: [{ kind: "notice", level: "info", text: texts[name] ?? texts.spoedberaad! }] }];
    },
  };
}
