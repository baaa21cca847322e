import type { ChatHandler, CommandSpec } from "../bot/chatHandler.js";
import type { Surface } from "../bot/actor.js";
import type { Reply } from "../bot/reply.js";
import { onboardingReply, privacyOnPage, type SmallTalkRegion } from "./smallTalk.js";

/** What Wegwijs can do, in a few lines. */
export function helpReply(documentCount: number, onPage = false): Reply {
  const documents =
    documentCount === 0
      ? "Er zijn nog geen plandocumenten geïndexeerd."
      : `Ik zoek in ${documentCount} plandocument${documentCount === 1 ? "" : "en"} over jeugdhulp en JeugdzorgPlus.`;
  return {
    parts: [
      {
        kind: "text",
        text: [
          "Hoi! Ik ben Wegwijs. Stel je vraag over plaatsing in de JeugdzorgPlus, dan zoek ik het antwoord op in de plandocumenten, met de bron erbij.",
          documents,
          "Voorbeelden: *Welke stappen horen bij de route voor een machtiging?* of *Hoe vaak komen jongeren met een spoedmachtiging binnen?*",
          "Typ *route* om stap voor stap de plaatsingsroute van je regio te doorlopen, met de bron bij elke stap.",
        ].join("\n"),
      },
      {
        kind: "notice",
        level: "info",
        text: onPage ? "Wegwijs geeft geen juridisch advies." : "Noem geen namen, BSN of adressen van jongeren: gebruik een eigen casusnummer. Wegwijs geeft geen juridisch advies.",
      },
    ],
  };
}

/** "*route*: …" lines for every registered command, so a new feature shows up in the help. */
export function usageLines(specs: readonly CommandSpec[], prefix = ""): string {
  return specs.map((s) => `*${prefix}${s.name}${s.args ? ` ${s.args}` : ""}*: ${s.help}`).join("\n");
}

/** How each surface is addressed, above the command list. */
export function usageFor(surface: Surface, allSpecs: readonly CommandSpec[]): string {
  const specs = allSpecs.filter((s) => !s.helpOn || s.helpOn.includes(surface));
  switch (surface) {
    case "slack":
      return `*Zo gebruik je /wegwijs*\n${usageLines(specs, "/wegwijs ")}`;
    case "teams":
      return `*Zo gebruik je Wegwijs in Teams*\nTyp je vraag gewoon in de chat. In een kanaal noem je me eerst: @Wegwijs en dan je vraag.\n${usageLines(specs)}`;
    case "web":
      return `*Zo gebruik je Wegwijs*\nTyp je vraag gewoon in de chat, of een van deze woorden:\n${usageLines(specs)}`;
  }
}

export function helpHandler(options: {
  documentCount: () => number;
  commands: () => readonly CommandSpec[];
  region?: () => SmallTalkRegion | undefined;
}): ChatHandler {
  return {
    name: "help",
    commands: [{ name: "help", aliases: ["hulp", "?", "menu"], help: "deze uitleg" }],
    visibility: "private",
    async command({ address }) {
      // What Wegwijs is, the region's example questions and the route button, then the commands.
      const shown = privacyOnPage(address.surface);
      const intro = options.region ? onboardingReply("help", options.region(), [], shown) : helpReply(options.documentCount(), shown);
      return [{ parts: [...intro.parts, { kind: "text", text: usageFor(address.surface, options.commands()) }] }];
    },
  };
}
