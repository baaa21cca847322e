import type { Reply } from "../bot/reply.js";

/** What Wegwijs can do, in a few lines. */
export function helpReply(documentCount: number): Reply {
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
          "Voorbeelden: *Wat moet er bij een spoedberaad aanschuiven?* of *Hoe vaak komen jongeren met een spoedmachtiging binnen?*",
          "Typ *route* om stap voor stap de plaatsingsroute te doorlopen (regulier of met spoed), met de bron bij elke stap.",
        ].join("\n"),
      },
      {
        kind: "notice",
        level: "info",
        text: "Noem geen namen, BSN of adressen van jongeren: gebruik een eigen casusnummer. Wegwijs geeft geen juridisch advies.",
      },
    ],
  };
}
