import type { Reply } from "../../bot/reply.js";
import { helpReply } from "../../handlers/help.js";

/**
 * Teams' command menu (manifest commandLists) just types the command title into the message,
 * so commands arrive as text: "vraag <tekst>", "help", "route", "spoedberaad", "consult".
 * Everything that is not ours to answer here (a question, "route") goes to the bot core.
 */
export type TeamsText =
  | { kind: "question"; text: string }
  | { kind: "help" }
  | { kind: "coming"; name: ComingCommand };

/** "route" is not among these: the bot core walks the placement route itself. */
type ComingCommand = "spoedberaad" | "consult";

/** Announced in the manifest's command list, not built yet: a short, honest answer. */
const COMING: Record<ComingCommand, string> = {
  spoedberaad:
    "De checklist voor een spoedberaad komt binnenkort. Tot die tijd kun je vragen: wat moet er bij een spoedberaad aanschuiven?",
  consult:
    "Een consult aanvragen bij het Servicepunt JeugdzorgPlus kan binnenkort via Wegwijs. Tot die tijd kun je het Servicepunt van je regio zelf benaderen.",
};

const USAGE =
  "*Zo gebruik je Wegwijs in Teams*\nTyp je vraag gewoon in de chat. In een kanaal noem je me eerst: @Wegwijs en dan je vraag.\n*vraag …* : ik zoek het antwoord op in de plandocumenten\n*route* : stap voor stap de route naar een plaatsing in de JeugdzorgPlus\n*help* : deze uitleg\n*spoedberaad* en *consult* komen binnenkort";

/** Teams puts non-breaking spaces around stripped mentions. */
function normalise(text: string): string {
  return text.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
}

export function parseTeamsText(raw: string): TeamsText {
  const text = normalise(raw);
  if (text === "") return { kind: "help" };
  const [first = ""] = text.split(" ", 1);
  const word = first.replace(/^\//, "").toLowerCase();
  if (word === "vraag") return { kind: "question", text: text.slice(first.length).trim() };
  // Only a bare command word is a command: "spoedberaad, wie schuift aan?" is a question.
  if (text.split(" ").length === 1) {
    if (word === "help" || word === "hulp") return { kind: "help" };
    if (word === "spoedberaad" || word === "consult") return { kind: "coming", name: word };
  }
  return { kind: "question", text };
}

export function teamsHelpReply(documentCount: number): Reply {
  const help = helpReply(documentCount);
  return { parts: [...help.parts, { kind: "text", text: USAGE }] };
}

/** Sent on install: the help, so people know what to ask and what not to share. */
export const teamsWelcomeReply = teamsHelpReply;

export function comingReply(name: ComingCommand): Reply {
  return { parts: [{ kind: "notice", level: "info", text: COMING[name] }] };
}
