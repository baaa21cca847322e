import type { ConversationStateStore } from "../../bot/conversationState.js";
import type { ConversationAddress } from "../../bot/incoming.js";
import type { Reply, ReplyPart } from "../../bot/reply.js";
import type { AnswerResult, AskService } from "./askService.js";

export const MORE_SOURCES_ACTION = "ask.moreSources";

/**
 * Turns a question into a reply with every source it cites; remembers the retrieved but
 * uncited passages for "meer bronnen".
 */
export class AskHandler {
  constructor(
    private readonly ask: AskService,
    private readonly state: ConversationStateStore,
  ) {}

  async question(address: ConversationAddress, text: string): Promise<Reply> {
    const result = await this.ask.answer(text);
    const hidden = result.moreSources;
    await this.state.update(address, { moreSources: hidden });
    return { parts: answerParts(result, hidden.length > 0) };
  }

  async moreSources(address: ConversationAddress): Promise<Reply> {
    const { moreSources = [] } = await this.state.get(address);
    if (moreSources.length === 0) {
      return { parts: [{ kind: "text", text: "Er zijn geen andere bronnen bij het laatste antwoord." }] };
    }
    await this.state.update(address, { moreSources: [] });
    return { parts: [{ kind: "sources", title: "Meer bronnen", sources: moreSources }] };
  }
}

function answerParts(result: AnswerResult, hasMore: boolean): ReplyPart[] {
  const parts: ReplyPart[] = [];
  if (result.privacyWarning) parts.push({ kind: "notice", level: "warning", text: result.privacyWarning });
  switch (result.status) {
    case "empty_question":
      parts.push({ kind: "text", text: "Stel je vraag in een zin, bijvoorbeeld: wat moet er bij een spoedberaad aanschuiven?" });
      return parts;
    case "no_documents":
      parts.push({ kind: "notice", level: "warning", text: result.text });
      return parts;
    case "abstained":
      parts.push({ kind: "text", text: result.text });
      parts.push({
        kind: "notice",
        level: "info",
        text: "Volgende stap: leg je vraag voor aan het Servicepunt JeugdzorgPlus van je regio.",
      });
      if (result.sources.length > 0) {
        parts.push({ kind: "sources", title: "Wat er het dichtst bij komt (beantwoordt je vraag niet)", sources: result.sources });
      }
      return parts;
    case "answered":
      parts.push({
        kind: "text",
        text:
          result.mode === "generated"
            ? result.text
            : `Dit staat erover in de plandocumenten:\n${result.text}`,
      });
      parts.push({ kind: "sources", title: "Bronnen", sources: result.sources });
      if (hasMore) parts.push({ kind: "actions", actions: [{ id: MORE_SOURCES_ACTION, label: "Meer bronnen" }] });
      return parts;
  }
}
