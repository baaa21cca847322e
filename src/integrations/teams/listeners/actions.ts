import { Activity, ActivityTypes } from "@microsoft/agents-activity";
import type { AgentApplication, TurnContext, TurnState } from "@microsoft/agents-hosting";
import { ADAPTIVE_CARD_CONTENT_TYPE, incomingActionFromTeamsValue, renderAdaptiveCards } from "../adaptiveCard.js";
import { fallbackText } from "../teamsReplies.js";
import { addressOf, type TeamsContext, UNKNOWN_BUTTON } from "../teamsContext.js";
import type { Reply } from "../../../bot/reply.js";

const ADAPTIVE_CARD_ACTION = "adaptiveCard/action";
/** Shown in Teams after an Action.Execute press whose answer follows as a message. */
const INVOKE_ACK_TEXT = "Ontvangen";

/** The invoke response body: a refreshed card (replaces the pressed one) or a short message. */
function invokeResponse(context: TurnContext, body: { type: string; value: unknown }): Promise<unknown> {
  return context.sendActivity(
    Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, ...body } } }),
  );
}

/**
 * Action.Execute (Universal Actions) arrives as an invoke. A reply with a slot (a route step)
 * is the invoke response: Teams swaps the pressed card for the refreshed one. A private form is
 * the invoke response too (only the presser sees it). Another private reply (a refusal) is the
 * invoke's message, which only the presser sees. Anything else follows as messages in the
 * conversation. The card's automatic refresh (refresh.userIds) arrives here the same way.
 */
export function register(agent: AgentApplication<TurnState>, ctx: TeamsContext): void {
  agent.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === ADAPTIVE_CARD_ACTION,
    async (context) => {
      await ctx.references.remember(context.activity);
      const value = context.activity.value as { action?: { data?: unknown } } | undefined;
      const action = incomingActionFromTeamsValue(value?.action?.data);
      if (!action) {
        ctx.logger.warn({ via: "execute" }, "teams card action not ours");
        await invokeResponse(context, { type: "application/vnd.microsoft.activity.message", value: fallbackText(UNKNOWN_BUTTON) });
        return;
      }
      const replies = await ctx.deps.bot.handle({ kind: "action", address: addressOf(context.activity), action });
      const inPlace = replies.find((r) => r.slot !== undefined && r.audience !== "private");
      // A private reply that lists sources ("Waarom deze punten?") is too long for the one-line
      // message an invoke can show (new-user try: a cut-off toast); what it holds is the plans'
      // text, so it goes in the conversation as a message of its own.
      const listsSources = (r: Reply) => r.audience === "private" && r.parts.some((p) => p.kind === "sources");
      const privateOnes = replies.filter((r) => r.audience === "private" && !listsSources(r));
      const rest = replies.filter((r) => r !== inPlace && !privateOnes.includes(r));
      // A private form (a checklist item's details, or their refusal with the reason at the field)
      // takes the pressed card's place for the presser only; its submit and cancel are
      // Action.Execute too, and their answer swaps the refreshed card back in.
      const privateForm = inPlace ? undefined : privateOnes.find((r) => r.parts.some((p) => p.kind === "form"));
      const card = inPlace
        ? renderAdaptiveCards(inPlace, { execute: true })[0]
        : privateForm
          ? renderAdaptiveCards(privateForm, { execute: true, executeInputs: true })[0]
          : undefined;
      if (card) {
        await invokeResponse(context, { type: ADAPTIVE_CARD_CONTENT_TYPE, value: card });
      } else {
        const text = privateOnes.length > 0 ? privateOnes.map(fallbackText).join("\n") : INVOKE_ACK_TEXT;
        await invokeResponse(context, { type: "application/vnd.microsoft.activity.message", value: text });
      }
      if (inPlace && renderAdaptiveCards(inPlace).length > 1) ctx.logger.warn("teams in-place card cut to its first card");
      if (rest.length > 0) await ctx.send(context, rest);
    },
    true,
  );
}
