import type { App } from "@slack/bolt";
import type { Reply } from "../../../bot/reply.js";
import { helpReply } from "../../../handlers/help.js";
import { isQuestionTooLong, questionTooLongReply } from "../../../bot/inputLimits.js";
import { respondReplies } from "../replies.js";
import { slackAddress, type SlackContext } from "../slackContext.js";

export const SLASH_COMMAND = "/wegwijs";

/** Features announced in the command but not built yet: a short, honest answer. */
const COMING: Record<string, string> = {
  spoedberaad:
    "De checklist voor een spoedberaad (wie en wat er aanschuift) komt binnenkort. Tot die tijd: /wegwijs vraag wat moet er bij een spoedberaad aanschuiven?",
  consult:
    "Een consult aanvragen bij het Servicepunt JeugdzorgPlus kan binnenkort via Wegwijs. Tot die tijd kun je het Servicepunt van je regio zelf benaderen.",
};

const USAGE =
  "*Zo gebruik je /wegwijs*\n/wegwijs vraag … : ik zoek het antwoord op in de plandocumenten\n/wegwijs route : stap voor stap de plaatsingsroute\n/wegwijs help : deze uitleg\n/wegwijs spoedberaad of consult: komen binnenkort";

export type Subcommand =
  | { kind: "vraag"; text: string }
  | { kind: "route" }
  | { kind: "coming"; name: string }
  | { kind: "help" };

/** "vraag <tekst>", "help", or a coming feature; anything else (or nothing) gets the help. */
export function parseSubcommand(input: string): Subcommand {
  const text = input.trim();
  const [first = ""] = text.split(/\s+/, 1);
  const name = first.toLowerCase();
  if (name === "vraag") return { kind: "vraag", text: text.slice(first.length).trim() };
  if (name === "route") return { kind: "route" };
  if (name in COMING) return { kind: "coming", name };
  return { kind: "help" };
}

export function register(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    // Acked before any work: Slack shows an error after three seconds.
    await ack();
    if (isQuestionTooLong(command.text)) {
      await respondReplies(respond, [questionTooLongReply()], ctx.logger);
      return;
    }
    const sub = parseSubcommand(command.text ?? "");
    let replies: Reply[];
    switch (sub.kind) {
      case "vraag":
        replies = await ctx.deps.bot.handle({
          kind: "message",
          address: slackAddress(command.user_id, command.channel_id),
          text: sub.text,
        });
        break;
      case "route":
        // The bot core starts (or resumes) the route walk on the word "route".
        replies = await ctx.deps.bot.handle({
          kind: "message",
          address: slackAddress(command.user_id, command.channel_id),
          text: "route",
        });
        break;
      case "coming":
        replies = [{ parts: [{ kind: "notice", level: "info", text: COMING[sub.name]! }] }];
        break;
      case "help": {
        const help = helpReply(ctx.deps.documentCount());
        replies = [{ parts: [...help.parts, { kind: "text", text: USAGE }] }];
        break;
      }
    }
    await respondReplies(respond, replies, ctx.logger);
  });
}
