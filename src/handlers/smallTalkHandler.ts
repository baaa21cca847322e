import type { ChatHandler } from "../bot/chatHandler.js";
import { type SmallTalkRegion, smallTalkReply } from "./smallTalk.js";

/**
 * Greetings, thanks and "wie ben jij?": a short friendly reply with the region's example
 * questions, claimed before a message is taken as a question (never an empty answer, never the
 * Servicepunt abstain).
 */
export function smallTalkHandler(region: () => SmallTalkRegion | undefined): ChatHandler {
  return {
    name: "small-talk",
    visibility: "private",
    async message({ text }) {
      const reply = smallTalkReply(text, region());
      return reply ? [reply] : undefined;
    },
  };
}
