import { ActivityTypes } from "@microsoft/agents-activity";
import type { AgentApplication, TurnState } from "@microsoft/agents-hosting";
import type { Reply } from "../../../bot/reply.js";
import { isQuestionTooLong, questionTooLongReply } from "../../../bot/inputLimits.js";
import { incomingActionFromTeamsValue } from "../adaptiveCard.js";
import { addressOf, type TeamsContext, UNKNOWN_BUTTON } from "../teamsContext.js";

const TEXT_ONLY: Reply = {
  parts: [{ kind: "notice", level: "info", text: "Ik kan alleen tekst lezen. Typ je vraag in een bericht." }],
};

/** Text messages (personal chat, @mentions in channels and group chats) and Action.Submit presses. */
export function register(agent: AgentApplication<TurnState>, ctx: TeamsContext): void {
  agent.onActivity(ActivityTypes.Message, async (context) => {
    const activity = context.activity;
    await ctx.references.remember(activity);
    const address = addressOf(activity);
    const text = activity.text?.trim() ?? "";

    // Action.Submit: a message without text whose value is the button's data plus form inputs.
    if (text === "" && activity.value !== undefined && activity.value !== null) {
      const action = incomingActionFromTeamsValue(activity.value);
      if (!action) {
        ctx.logger.warn({ via: "submit" }, "teams card action not ours");
        await ctx.send(context, [UNKNOWN_BUTTON]);
        return;
      }
      await ctx.answer(context, { kind: "action", address, action });
      return;
    }
    if (typeof activity.text !== "string") {
      await ctx.send(context, [TEXT_ONLY]);
      return;
    }
    // Refused before anything reads the text further: a very long message costs one check.
    if (isQuestionTooLong(activity.text)) {
      await ctx.send(context, [questionTooLongReply()]);
      return;
    }
    // Commands ("help", "route", …) come from the registry inside the bot; an empty message gets the help.
    await ctx.answer(context, text === "" ? { kind: "command", address, name: "help", text: "" } : { kind: "message", address, text: activity.text });
  });
}
