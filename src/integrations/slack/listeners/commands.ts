import type { App } from "@slack/bolt";
import { isQuestionTooLong, questionTooLongReply } from "../../../bot/inputLimits.js";
import { respondReplies } from "../replies.js";
import { formModal } from "./forms.js";
import { showInConversation, slackAddress, type SlackContext } from "../slackContext.js";

export const SLASH_COMMAND = "/wegwijs";

/** How long a command's form lookup may take before its plain form opens: well inside the trigger_id's 3 s. */
const FORM_LOOKUP_MS = 800;

/** The promise's value, or undefined when it fails or takes longer than `ms`. */
async function within<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/wegwijs <command> …`: the words come from the handler registry, so a new feature's command
 * works here without a change. Replies are private (through the response_url, which also works
 * in channels the bot is not in), unless a reply is meant for the whole conversation.
 */
export function register(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    // Acked before any work: Slack shows an error after three seconds.
    await ack();
    if (isQuestionTooLong(command.text)) {
      await respondReplies(respond, [questionTooLongReply()], ctx.logger);
      return;
    }
    const parsed = ctx.deps.bot.registry.parseSlash(command.text ?? "");
    // A command that opens a form: the modal first, before anything slow (trigger_id lives 3 s).
    // One quick lookup may fill it in (a consult after a spoedberaad here); a slow one is not waited for.
    const spec = ctx.deps.bot.registry.command(parsed.name)?.spec;
    const filled = spec?.formIn ? await within(spec.formIn(parsed.text, slackAddress(command.user_id, command.channel_id)), FORM_LOOKUP_MS) : undefined;
    const form = filled ?? spec?.form?.(parsed.text);
    if (form) {
      await client.views.open({ trigger_id: command.trigger_id, view: formModal(form, command.channel_id) });
      return;
    }
    const replies = await ctx.deps.bot.handle({
      kind: "command",
      address: slackAddress(command.user_id, command.channel_id),
      name: parsed.name,
      text: parsed.text,
    });
    for (const reply of replies) {
      if (reply.audience === "conversation") {
        await showInConversation(ctx, client, { channel: command.channel_id, user: command.user_id, isDirect: false }, [reply]);
      }
      else await respondReplies(respond, [reply], ctx.logger);
    }
  });
}
