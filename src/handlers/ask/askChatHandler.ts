import type { ChatHandler } from "../../bot/chatHandler.js";
import { type AskHandler, FEEDBACK_ACTION, FEEDBACK_REASON_ACTION, GIST_ACTION, MORE_SOURCES_ACTION } from "./askHandler.js";

/** Questions: the answerer for any message no other feature claims, and "vraag <tekst>". */
export function askChatHandler(ask: AskHandler): ChatHandler & Required<Pick<ChatHandler, "message">> {
  return {
    name: "ask",
    commands: [{ name: "vraag", args: "<je vraag>", help: "ik zoek het antwoord op in de plandocumenten", takesText: true }],
    actionPrefix: "ask.",
    visibility: "conversation",
    async message({ address, text }) {
      return [await ask.question(address, text)];
    },
    async command({ address, text }) {
      return [await ask.question(address, text)];
    },
    async action({ address, action }) {
      switch (action.id) {
        case MORE_SOURCES_ACTION:
          // The button carries its own answer's id, so it also works under an older answer.
          return [await ask.moreSources(action.value)];
        case FEEDBACK_ACTION:
          // A thank-you for one person's vote is nobody else's business.
          return [{ ...(await ask.feedback(address, action.value)), audience: "private" }];
        case GIST_ACTION:
          return [await ask.gist(address, action.value)];
        case FEEDBACK_REASON_ACTION:
          return [{ ...(await ask.feedbackReason(address, action.value, action.fields)), audience: "private" }];
        default:
          return [{ parts: [{ kind: "notice", level: "warning", text: "Deze knop ken ik niet (meer). Stel je vraag opnieuw." }], audience: "private" }];
      }
    },
  };
}
