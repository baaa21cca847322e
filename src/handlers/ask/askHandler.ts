import type { ConversationStateStore } from "../../bot/conversationState.js";
import type { ConversationAddress } from "../../bot/incoming.js";
import type { Reply, ReplyAction, ReplyPart } from "../../bot/reply.js";
import { randomUUID } from "node:crypto";
import type { AnswerLog } from "./answerLog.js";
import type { AnswerResult, AskService } from "./askService.js";

export const MORE_SOURCES_ACTION = "ask.moreSources";
export const FEEDBACK_ACTION = "ask.feedback";

/**
 * Turns a question into a reply with every source it cites; remembers the retrieved but
 * uncited passages for "meer bronnen".
 */
export class AskHandler {
  constructor(
    private readonly ask: Pick<AskService, "answer">,
    private readonly state: ConversationStateStore,
    private readonly answers: AnswerLog,
  ) {}

  async question(address: ConversationAddress, text: string): Promise<Reply> {
    const result = await this.ask.answer(text);
    const hidden = result.moreSources;
    await this.state.update(address, { moreSources: hidden });
    const parts = answerParts(result);
    const actions: ReplyAction[] = [];
    if (result.status === "answered" && hidden.length > 0) actions.push({ id: MORE_SOURCES_ACTION, label: "Meer bronnen" });
    if (result.status === "answered" || result.status === "abstained") {
      const answerId = randomUUID();
      await this.answers.recordAnswer(answerId, {
        status: result.status,
        mode: result.mode,
        surface: address.surface,
        sources: result.sources.map(({ documentId, section }) => ({ documentId, section })),
        at: new Date().toISOString(),
      });
      actions.push(
        { id: FEEDBACK_ACTION, label: "👍 Nuttig", value: `${answerId}:useful` },
        { id: FEEDBACK_ACTION, label: "👎 Niet nuttig", value: `${answerId}:not_useful` },
      );
    }
    if (actions.length > 0) parts.push({ kind: "actions", actions });
    return { parts };
  }

  /** Stores a rating for an answer (by id; the question text is never kept). */
  async feedback(address: ConversationAddress, value: string | undefined): Promise<Reply> {
    const match = /^([0-9a-f-]{36}):(useful|not_useful)$/.exec(value ?? "");
    if (!match || !(await this.answers.answer(match[1]!))) {
      return { parts: [{ kind: "notice", level: "warning", text: "Dit antwoord ken ik niet (meer); je feedback is niet opgeslagen." }] };
    }
    const rating = match[2] as "useful" | "not_useful";
    await this.answers.recordFeedback(match[1]!, address.userId, { rating, surface: address.surface, at: new Date().toISOString() });
    return {
      parts: [
        {
          kind: "text",
          text:
            rating === "useful"
              ? "Dank je! Fijn dat het hielp."
              : "Dank je voor je feedback. Kom je er niet uit? Leg je vraag voor aan het Servicepunt JeugdzorgPlus van je regio.",
        },
      ],
    };
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

function answerParts(result: AnswerResult): ReplyPart[] {
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
      return parts;
  }
}
