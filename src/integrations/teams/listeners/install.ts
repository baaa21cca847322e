import type { AgentApplication, TurnState } from "@microsoft/agents-hosting";
import type { TeamsContext } from "../teamsContext.js";
import { teamsWelcomeReply } from "../commands.js";

/** Install (the bot among the added members) and uninstall. */
export function register(agent: AgentApplication<TurnState>, ctx: TeamsContext): void {
  agent.onConversationUpdate("membersAdded", async (context) => {
    const activity = context.activity;
    const botId = activity.recipient?.id;
    if (!activity.membersAdded?.some((member) => member.id === botId)) return;
    // Remember where we are (for notifications) and say hello.
    await ctx.references.remember(activity, true);
    ctx.logger.info({ conversationType: activity.conversation?.conversationType }, "teams app installed");
    await ctx.send(context, [teamsWelcomeReply(ctx.deps.documentCount(), ctx.deps.bot.registry.commandSpecs())]);
  });

  // Uninstall: a stored reference would only lead to failed notifications.
  agent.onConversationUpdate("membersRemoved", async (context) => {
    const activity = context.activity;
    const botId = activity.recipient?.id;
    if (!activity.membersRemoved?.some((member) => member.id === botId) || !activity.conversation?.id) return;
    await ctx.references.forget(activity.conversation.id);
    ctx.logger.info({ conversationType: activity.conversation.conversationType }, "teams app removed");
  });
}
