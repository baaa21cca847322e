import type { ChatHandler, CommandSpec } from "../bot/chatHandler.js";
import type { ConversationAddress } from "../bot/incoming.js";
import { usageFor } from "./help.js";
import { asksForSource } from "./ask/followUp.js";
import { asksShorter, onboardingReply, privacyOnPage, type SmallTalkRegion, smallTalkIntent } from "./smallTalk.js";

/**
 * Greetings, thanks and "wie ben jij?": a short friendly reply with the region's example
 * questions, claimed before a message is taken as a question (never an empty answer, never the
 * Servicepunt abstain). Asking what Wegwijs can do ("wat kun je allemaal?", "hoe werkt dit?")
 * also gets the commands, as the help command does (new-user try: it got the greeting alone);
 * asking which documents it knows gets their titles.
 */
export function smallTalkHandler(
  region: () => SmallTalkRegion | undefined,
  commands: () => readonly CommandSpec[] = () => [],
  documents: () => readonly string[] = () => [],
  /** Keeps where the asker says they work; the notice when that is not the region served (see AskHandler.regionIntroduced). */
  regionIntroduced: (address: ConversationAddress, text: string) => Promise<string | undefined> = async () => undefined,
): ChatHandler {
  return {
    name: "small-talk",
    visibility: "private",
    async message({ text, address }) {
      // "wat is de bron?" after an answer asks for that answer's sources (the ask handler's), not
      // which documents Wegwijs knows; "kun je dat korter zeggen?" that answer's first quote.
      const read = asksForSource(text) ? undefined : smallTalkIntent(text);
      const intent = read && asksShorter(text, read) ? undefined : read;
      if (!intent) return undefined;
      const onboarding = onboardingReply(intent, region(), intent === "documents" ? documents() : [], privacyOnPage(address.surface));
      const elsewhere = intent === "greeting" || intent === "help" || intent === "identity" ? await regionIntroduced(address, text).catch(() => undefined) : undefined;
      const reply = elsewhere ? { ...onboarding, parts: [...onboarding.parts, { kind: "notice" as const, level: "info" as const, text: elsewhere }] } : onboarding;
      const specs = commands();
      if (intent !== "help" || specs.length === 0) return [reply];
      return [{ parts: [...reply.parts, { kind: "text", text: usageFor(address.surface, specs) }] }];
    },
  };
}
