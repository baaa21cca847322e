import type { App, types } from "@slack/bolt";
import { slackAddress, type SlackContext } from "../slackContext.js";

const mrkdwn = (text: string): types.SectionBlock => ({ type: "section", text: { type: "mrkdwn", text } });

/** The App Home tab: what Wegwijs does, how to ask, privacy, and (later) the user's consult requests. */
export function homeView(documentCount: number, consultLines?: string[]): types.HomeView {
  const documents =
    documentCount === 0
      ? "Er zijn nog geen plandocumenten geïndexeerd."
      : `Ik zoek in ${documentCount} plandocument${documentCount === 1 ? "" : "en"} over jeugdhulp en JeugdzorgPlus.`;
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "Wegwijs" } },
      mrkdwn(
        `Ik beantwoord vragen over plaatsing in de gesloten jeugdhulp (JeugdzorgPlus) uit de plandocumenten, met de bron en een citaat erbij. Staat het er niet in, dan zeg ik dat eerlijk. ${documents}`,
      ),
      { type: "divider" },
      { type: "header", text: { type: "plain_text", text: "Zo stel je een vraag" } },
      mrkdwn(
        [
          "• Stuur me een bericht in het tabblad *Berichten*",
          "• Noem *@Wegwijs* in een kanaal: ik antwoord in de draad",
          "• Typ */wegwijs vraag* en je vraag (alleen jij ziet het antwoord)",
          "• Gebruik de snelkoppeling *Vraag aan Wegwijs*",
          "• Of open Wegwijs in het assistentpaneel, als je werkruimte dat heeft",
        ].join("\n"),
      ),
      { type: "divider" },
      { type: "header", text: { type: "plain_text", text: "Privacy" } },
      mrkdwn(
        "Noem geen namen, BSN of adressen van jongeren: gebruik een eigen casusnummer. Herkende persoonsgegevens haal ik weg voordat ik zoek, en berichttekst komt nooit in de logboeken. Wegwijs geeft geen juridisch advies.",
      ),
      { type: "divider" },
      { type: "header", text: { type: "plain_text", text: "Jouw consultaanvragen" } },
      ...(consultLines && consultLines.length > 0
        ? consultLines.slice(0, 20).map((line) => mrkdwn(line.slice(0, 2900)))
        : [mrkdwn("Je hebt nog geen consultaanvragen. Typ */wegwijs consult* om er een in te dienen bij het Servicepunt of het Expertteam.")]),
    ],
  };
}

/** The user's own requests, as the registry's "consult lijst" command shows them (text parts only). */
async function consultLines(ctx: SlackContext, user: string, channel: string): Promise<string[] | undefined> {
  if (!ctx.deps.bot.registry.command("consult")) return undefined;
  const replies = await ctx.deps.bot.handle({ kind: "command", address: slackAddress(user, channel), name: "consult", text: "lijst" });
  return replies.flatMap((r) => r.parts).flatMap((p) => (p.kind === "text" ? [p.text] : []));
}

export function register(app: App, ctx: SlackContext): void {
  app.event("app_home_opened", async ({ event, client }) => {
    // The same event fires for the Messages tab; only the Home tab has a view to publish.
    if (event.tab !== "home") return;
    await client.views.publish({ user_id: event.user, view: homeView(ctx.deps.documentCount(), await consultLines(ctx, event.user, event.channel)) });
  });
}
