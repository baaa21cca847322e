import type { CommandSpec } from "../../bot/chatHandler.js";
import type { Reply } from "../../bot/reply.js";
import { helpReply, usageLines } from "../../handlers/help.js";

/**
 * Teams' command menu (manifest commandLists) just types the command title into the message,
 * so commands arrive as text and go through the registry like any chat message. Only the help
 * shown at install lives here, with the Teams way of addressing the bot.
 */
export function teamsHelpReply(documentCount: number, commands: readonly CommandSpec[]): Reply {
  const help = helpReply(documentCount);
  const usage = `*Zo gebruik je Wegwijs in Teams*\nTyp je vraag gewoon in de chat. In een kanaal noem je me eerst: @Wegwijs en dan je vraag.\n${usageLines(commands)}`;
  return { parts: [...help.parts, { kind: "text", text: usage }] };
}

/** Sent on install: the help, so people know what to ask and what not to share. */
export const teamsWelcomeReply = teamsHelpReply;
