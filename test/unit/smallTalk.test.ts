import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { regionSchema } from "../../src/handlers/route/routeSchema.js";
import { ROUTE_ACTION } from "../../src/handlers/route/routeReplies.js";
import type { Reply } from "../../src/bot/reply.js";
import { asksShorter, smallTalkIntent, smallTalkReply } from "../../src/handlers/smallTalk.js";
import { smallTalkHandler } from "../../src/handlers/smallTalkHandler.js";

const region = regionSchema.parse(parse(readFileSync(new URL("../../content/regions/groningen-drenthe.yaml", import.meta.url), "utf8")));

describe("smallTalkIntent: short messages made only of small-talk words", () => {
  it.each([
    ["hallo", "greeting"],
    ["Hoi!", "greeting"],
    ["goedemorgen allemaal", "greeting"],
    ["hee hoe gaat het met je?", "greeting"],
    ["bedankt!", "thanks"],
    ["Heel erg bedankt voor je hulp", "thanks"],
    ["top, dankjewel 👍", "thanks"],
    ["👍", "thanks"],
    ["ok", "thanks"],
    // Chat spellings of thanks (new-user try: "thnx, was nuttig!" was searched and quoted "nuttig").
    ["thnx, was nuttig!", "thanks"],
    ["thanx!", "thanks"],
    // Thanks with what the asker will do next, and a greeting with who they are (new-user try).
    ["top, thnx! ik ga er mee aan de slag", "thanks"],
    ["hoi! ik ben beleidsadviseur jeugd bij een gemeente in drenthe", "greeting"],
    // Asking leave to ask is a greeting, not a request for the commands (new-user try).
    ["hoi, ik ben huisarts in drenthe. mag ik je wat vragen?", "greeting"],
    // "<rol> hier" introduces the asker too, and "nooit eerder gebruikt" says they are new (new-user try).
    ["hoi! huisarts hier uit drenthe, nooit eerder gebruikt. wat kan ik hier mee?", "help"],
    // … and being pressed for time says who asks, not what (new-user try).
    ["wat kun je eigenlijk? ben HA, weinig tijd", "help"],
    ["ben HA, heb haast. wat kun je?", "help"],
    ["gedragswetenschapper hier, eerste keer. hoi!", "greeting"],
    // Chat leaves out the "ik" of the introduction, before or after the question (new-user try).
    ["wat kan je eigenlijk? ben gw bij een jz+ aanbieder in groningen", "help"],
    ["hoi, werk als jeugdbeschermer in assen. wat kan ik hier vragen?", "help"],
    ["hallo, kan ik u een vraag stellen?", "greeting"],
    ["mag ik een paar vragen stellen", "greeting"],
    ["mag ik vragen hoe dit werkt?", "help"],
    ["hoi! ik ben jeugdbeschermer bij de GI in rotterdam, nieuw hier. wat kun je voor me doen?", "help"],
    ["hoi! ik ben wijkteammedewerker in een gemeente in drenthe, nieuw met dit soort zaken. kun je me helpen?", "help"],
    ["wie ben jij?", "identity"],
    ["Wat ben je eigenlijk?", "identity"],
    ["wie is Wegwijs", "identity"],
    ["help", "help"],
    ["?", "help"],
    ["wat kan ik vragen?", "help"],
    ["hoe werkt dit?", "help"],
    ["kun je me helpen?", "help"],
    ["oké thanks, fijne dag!", "thanks"],
    ["hallo, ben jij een mens of een bot?", "identity"],
    ["Ben jij een mens of een computer? En hoe betrouwbaar zijn je antwoorden?", "identity"],
    ["hoe betrouwbaar ben jij?", "identity"],
    ["Wie heeft jou gemaakt?", "identity"],
    ["kun je dat ook in het Engels uitleggen?", "language"],
    ["goeiemorgen, kun je ook in het engels antwoorden?", "language"],
    ["goeiemiddag!", "greeting"],
    ["hoe oud ben je?", "identity"],
    ["uit welke documenten haal je je antwoorden?", "documents"],
    ["dankjewel, dat was duidelijk", "thanks"],
    ["help, ik snap niet goed hoe ik dit moet gebruiken", "help"],
    ["dat was niet duidelijk", "help"],
    ["top, dank je wel, daar kan ik mee verder", "thanks"],
    // Who asks is said first; what follows decides.
    ["Hoi, ik ben nieuw in het wijkteam. Hoe werkt dit?", "help"],
    ["Ik werk bij de GI in Assen. Bedankt voor je hulp!", "thanks"],
    ["ik ben nieuw in het wijkteam en snap niet goed hoe ik je moet gebruiken, kun je me helpen?", "help"],
    // Second new-user try of the tenth session: both went to the documents.
    ["hoi! wie ben jij eigenlijk en wat kan ik je vragen?", "help"],
    ["dankjewel, top geholpen 👍", "thanks"],
    ["super handig, dank je", "thanks"],
    ["hoi! wat kun je eigenlijk allemaal voor me doen?", "help"],
    ["wat kun je eigenlijk allemaal, waar kan ik je voor gebruiken?", "help"],
    ["welke documenten heb je allemaal in je index?", "documents"],
    ["uit welke documenten haal je je info eigenlijk?", "documents"],
    ["wat kun jij eigenlijk allemaal en waar haal je je info vandaan?", "documents"],
    // Saying that questions will follow (sixteenth session's new-user try: it was searched).
    ["Goedemiddag, ik ben beleidsadviseur jeugd bij een gemeente in de regio Rijnmond. Ik heb wat vragen over de JZ+ en ons regionale beleid.", "greeting"],
    ["ik heb een paar vragen over pleegzorg", "greeting"],
    ["hoi! ik werk bij t wijkteam in rdam, heb een paar vragen over jz+ als dat mag", "greeting"],
    // Asking for a text to be written: Wegwijs quotes, it does not write.
    ["Schrijf even een korte mail aan mijn leidinggevende met de drie belangrijkste punten uit de regiovisie.", "writing"],
    ["kun je een gedicht schrijven over jeugdzorg?", "writing"],
    // Asking to say the last answer otherwise (new-user try: told the documents are about something else, or a random passage).
    ["kun je dat korter zeggen?", "rephrase"],
    ["kan het korter?", "rephrase"],
    ["in gewone taal graag", "rephrase"],
    ["leg dat eens uit", "rephrase"],
    ["vat dat samen", "rephrase"],
    ["kun je dat in simpele woorden zeggen?", "rephrase"],
    // Another language is still that.
    ["in het engels graag", "language"],
  ])("%j is %s", (text, intent) => {
    expect(smallTalkIntent(text)).toBe(intent);
  });

  it.each([
    // One content word makes it a question for the documents.
    "hallo, wat is een spoedberaad?",
    "bedankt, en hoe vraag ik een machtiging aan?",
    "wie beslist over een plaatsing?",
    "wat is het weer morgen?",
    "help me met een spoedmachtiging",
    "wat is het?",
    "wie heeft de regiovisie gemaakt?",
    "hoe oud moet een jongere zijn?",
    "wat is de taal van het plan?",
    "",
    "   ",
    // Long enough to be a question, even though every word is common.
    "hoi hoi hoi hoi hoi hoi hoi hoi hoi hoi hoi hoi hoi hoi hoi",
    "wie ben jij en wat kan ik je allemaal vragen over de route?",
    // Not understanding something named is a question about it.
    "ik snap niet wat een spoedberaad is",
    "wat moet ik doen bij een spoedberaad?",
    "hoe gaat het verder na een spoedberaad?",
    // A word of a rephrase request in a question about the plans.
    "wat kan ik anders doen?",
    "vat het plan samen",
    "samen met de gi",
    "ik werk bij de GI, wat is een spoedberaad?",
    "Ik ben huisarts in Assen. Wie beslist over een plaatsing?",
    "jeugdbeschermer hier. hoe vraag ik een machtiging aan?",
    "ben ik verplicht een gva te maken?",
    "werk als gw. wat is een gva?",
    "zit er een limiet aan spoedmachtigingen?",
    "wat staat hier over de route?",
    // Thanks with a question, even without a question mark.
    "thanks, kun je ook uitleggen wat een VA is",
    "ik ben huisarts in assen en wil weten wie over een plaatsing beslist",
    // The question after the announcement is there.
    "ik heb een vraag over de spoedmachtiging: hoe lang duurt die?",
    "ik heb een vraag over een jongere die dreigt weg te lopen, wat moet ik doen",
    // An introduction that goes on about a case, then "wat kan ik doen?" (new-user try: the help text).
    "ik ben huisarts en maak me zorgen over een jongere, wat kan ik doen?",
    // A question about a text, or about drawing one up, is a question.
    "wat moet er in een brief aan de rechter staan?",
    "hoe stel ik een verklarende analyse op?",
    "wie schrijft het verzoekschrift voor de machtiging?",
  ])("%j is not small talk", (text) => {
    expect(smallTalkIntent(text)).toBeUndefined();
  });
});

describe("smallTalkReply", () => {
  it.each(["hallo", "bedankt!", "wie ben jij?", "help"])("answers %j shortly, with the region's example questions and the route button", (text) => {
    const reply = smallTalkReply(text, region)!;
    const texts = reply.parts.flatMap((p) => (p.kind === "text" ? [p.text] : []));
    expect(texts.join(" ").length).toBeGreaterThan(20);
    expect(texts.join(" ").length).toBeLessThan(900);
    const examples = region.exampleQuestions!.map((e) => e.question);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const q of examples) expect(texts.join("\n")).toContain(q);
    const actions = reply.parts.flatMap((p) => (p.kind === "actions" ? p.actions : []));
    expect(actions[0]).toMatchObject({ id: ROUTE_ACTION.start, label: "Start de plaatsingsroute" });
    // Never the Servicepunt abstention.
    expect(JSON.stringify(reply)).not.toMatch(/Volgende stap|geen antwoord op/);
  });

  it("says who Wegwijs is for 'wie ben jij?' and thanks for 'bedankt!'", () => {
    expect(JSON.stringify(smallTalkReply("wie ben jij?", region))).toMatch(/Ik ben Wegwijs/);
    expect(JSON.stringify(smallTalkReply("bedankt!", region))).toMatch(/Graag gedaan/);
  });

  it("says it answers in Dutch when asked for English, in both languages", () => {
    const reply = JSON.stringify(smallTalkReply("kun je dat ook in het Engels uitleggen?", region));
    expect(reply).toMatch(/Ik antwoord in het Nederlands/);
    expect(reply).toMatch(/I answer in Dutch/);
  });

  it("says it quotes word for word when asked to say an answer otherwise, without examples or buttons", () => {
    const reply = smallTalkReply("kun je dat korter zeggen?", region)!;
    expect(reply.parts).toEqual([{ kind: "text", text: expect.stringMatching(/^Korter of in andere woorden zeggen doe ik niet: ik citeer de plandocumenten letterlijk/) }]);
  });

  it("leaves questions to the documents", () => {
    expect(smallTalkReply("hoe vraag ik een machtiging aan?", region)).toBeUndefined();
  });

  it("works without a region: no examples, no route button, still friendly", () => {
    const reply = smallTalkReply("hallo", undefined)!;
    expect(reply.parts.some((p) => p.kind === "actions")).toBe(false);
    expect(reply.parts[0]).toMatchObject({ kind: "text" });
  });
});

describe("smallTalkHandler", () => {
  const commands = [
    { name: "route", help: "stap voor stap de plaatsingsroute" },
    { name: "spoedberaad", args: "[casusnummer]", help: "gedeelde checklist voor een spoedberaad" },
  ];
  const textOf = (replies: Reply[] | undefined) => (replies ?? []).flatMap((r) => r.parts).map((p) => ("text" in p ? p.text : "")).join("\n");
  const say = (text: string) =>
    smallTalkHandler(() => region, () => commands).message!({ kind: "message", text, address: { surface: "web", userId: "u1", conversationId: "c1" } } as never);

  it("leaves 'kun je dat korter zeggen?' to the answer it is about, and still answers asking for plainer words", async () => {
    expect(await say("kun je dat korter zeggen?")).toBeUndefined();
    expect(await say("vat dat samen")).toBeUndefined();
    expect(textOf(await say("in gewone taal graag"))).toMatch(/^Korter of in andere woorden zeggen doe ik niet/);
  });

  it("reads 'kun je dat korter zeggen?' also with a short remark after it, not with a question after it", () => {
    // New-user try of the thirty-seventh session: with the remark it was searched, and refused.
    expect(asksShorter("kun je dat korter zeggen? in 2 zinnen voor mijn teamleider")).toBe(true);
    expect(asksShorter("kun je dat korter zeggen? moet t in 2 zinnen aan mijn teamleider uitleggen")).toBe(true);
    expect(asksShorter("kun je dat korter zeggen? en wat is een GVA?")).toBe(false);
    expect(asksShorter("wat is de kortste route? in drenthe")).toBe(false);
  });

  it("reads a request for the first few points ('alleen de eerste 3') as asking the answer shorter", () => {
    expect(asksShorter("alleen de eerste 3")).toBe(true);
    expect(asksShorter("geef me de belangrijkste twee punten graag")).toBe(true);
    expect(asksShorter("wat zijn de eerste 3 stappen van de route?")).toBe(false);
    expect(asksShorter("alleen de eerste")).toBe(false);
  });

  it("reads a length asked for ('kan dat in één zin?') and a remark after a comma ('kan dat korter, voor in de memo?') as asking it shorter", () => {
    // New-user try of the forty-second session: the first was searched again, the second refused as off-topic.
    expect(asksShorter("kan dat in één zin?")).toBe(true);
    expect(asksShorter("in 2 zinnen graag")).toBe(true);
    expect(asksShorter("kan dat korter, voor in de memo?")).toBe(true);
    expect(asksShorter("wat is een VA in één zin?")).toBe(false);
    expect(asksShorter("wat zegt het actieplan, kort?")).toBe(false);
    expect(asksShorter("kan dat korter, en wat is een GVA?")).toBe(false);
    // One kind of line alone, with or without "korter" (new-user try: "alleen de datums").
    expect(asksShorter("alleen de datums graag")).toBe(true);
    expect(asksShorter("alleen de jongeren die weglopen?")).toBe(false);
  });

  it("lists the commands when asked what Wegwijs can do, not on a greeting", async () => {
    const help = textOf(await say("wat kun je eigenlijk allemaal?"));
    expect(help).toContain("*spoedberaad [casusnummer]*: gedeelde checklist voor een spoedberaad");
    expect(help).toContain("Je kunt bijvoorbeeld vragen");
    expect(textOf(await say("hoi"))).not.toContain("spoedberaad [casusnummer]");
    expect(await say("hoe vraag ik een machtiging aan?")).toBeUndefined();
  });

  it("names the indexed documents when asked which it knows, and leaves a question about what a document says", async () => {
    const titles = ["Regiovisie jeugdhulp regio Rijnmond", "De best passende zorg voor kwetsbare jongeren"];
    const ask = (text: string) =>
      smallTalkHandler(() => region, () => commands, () => titles).message!({ kind: "message", text, address: { surface: "web", userId: "u1", conversationId: "c1" } } as never);
    const known = textOf(await ask("welke documenten ken jij eigenlijk?"));
    expect(known).toContain("Ik zoek alleen in deze 2 plandocumenten");
    for (const title of titles) expect(known).toContain(`• ${title}`);
    expect(await ask("welke documenten noemt het actieplan?")).toBeUndefined();
  });
});
