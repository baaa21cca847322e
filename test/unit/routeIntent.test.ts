import { describe, expect, it } from "vitest";
import { asksForRoute, asksForUrgentRoute, isPlacementQuestion, isRouteCommand, isUrgentPlacementQuestion } from "../../src/handlers/route/routeIntent.js";

describe("isPlacementQuestion (offers the route, conservatively)", () => {
  it.each([
    // What to do in a case the writer is working on (new-user try: only a refusal).
    "CASUS-2207 loopt steeds weg en gebruikt. wat nu?",
    "mijn patiënt escaleert thuis, wat moet ik doen?",
    "Hoe vraag ik een machtiging aan om een jongere in de JZ+ te plaatsen?",
    "We overwegen een uithuisplaatsing naar de JeugdzorgPlus, wat moeten we regelen?",
    "Moet ik een spoedmachtiging aanvragen voor gesloten jeugdhulp?",
    "kan een meisje van 15 in de gesloten jeugdzorg geplaatst worden?",
    // A machtiging is the closed-care court order: asking how to get one is the procedure (issue 11).
    "Hoe vraag ik een machtiging aan?",
    "hoe vraag ik een machtiging aan",
    // The urgent placement, typed as a few words.
    "plaatsing met spoed",
    "Hoe werkt een spoedplaatsing?",
    // The route itself.
    "hoe loopt de plaatsingsroute voor jz+ in groningen/drenthe nu eigenlijk?",
    "hoe werkt de route naar de jeugdzorgplus?",
    // A route by its name (new-user try of the forty-third session: no route button).
    "hoe ziet de reguliere route er dan uit in drenthe?",
    // What to do when closed care may be needed.
    "jongen van 15, loopt steeds weg, blowt veel. wat moet ik als wijkteam doen als ik denk dat ie misschien gesloten moet?",
    // Registering or referring for closed care (new-user try).
    "kan ik als huisarts zelf een jongere aanmelden voor jz+?",
    "hoe verwijs ik naar de jeugdzorgplus?",
    // Who applies, and a separable verb (new-user try).
    "wie vraagt de machtiging aan?",
    "wie beslist over een spoedmachtiging?",
    // Only what to do, about nothing else: in Wegwijs that is about a young person (new-user try).
    "wat moet ik doen?",
    "wat zeggen de plannen wat ik als eerste moet doen?",
    "wat nu?",
    // Only the topic, in a word or two.
    "spoed",
    "Machtiging",
    "jz+ plaatsing",
  ])("offers it for %j", (text) => {
    expect(isPlacementQuestion(text)).toBe(true);
  });

  it.each([
    // Figures, not a case.
    "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?",
    "Welk percentage wordt met spoed geplaatst in JZ+?",
    "Hoe vaak komen jongeren met een spoedmachtiging in de JZ+?",
    // No closed youth care.
    "Moet deze jongere uit huis geplaatst worden bij een pleeggezin?",
    // No placement.
    "wat moet er bij een spoedberaad aanschuiven?",
    "Wat is de JeugdzorgPlus?",
    // A statement, not a question about what to do.
    "De plaatsing in de JZ+ was in 2019.",
    // Referring to other care.
    "moet ik doorverwijzen naar de ggz?",
    // What to do about something else.
    "wat moet ik doen als een collega ziek is?",
    // A longer message that only names the topic is a question of its own.
    "spoed bij de rechtbank vandaag",
    // One word that is no placement.
    "spoedberaad",
  ])("leaves %j alone", (text) => {
    expect(isPlacementQuestion(text)).toBe(false);
  });
});

describe("isRouteCommand", () => {
  it.each(["route", "Route", " route ", "plaatsingsroute", "spoedroute", "/wegwijs route", "wegwijs route", "ok spoedroute", "ja, de route", "oké plaatsingsroute"])("%j starts or resumes the route", (text) => {
    expect(isRouteCommand(text)).toBe(true);
  });
  it.each(["routes", "welke route moet ik volgen?", "route naar de rechter", "ok route naar de rechter", "nee, de route"])("%j is an ordinary message", (text) => {
    expect(isRouteCommand(text)).toBe(false);
  });
});

describe("asksForRoute", () => {
  it.each([
    "kun je me stap voor stap door de plaatsingsroute leiden? het gaat om een reguliere machtiging",
    "Wil je de plaatsingsroute met me doorlopen?",
    "ik wil de route starten",
    "neem me mee door het stappenplan",
    "ok verder met de route",
    "terug naar de route graag",
    "kun je me de plaatsingsroute laten zien?",
    "toon de route",
    "spoedroute graag",
    "de route aub",
    // New-user try: answered as a question the documents do not answer.
    "oke kun je me door de plaatsingsroute loodsen?",
    "kun je me helpen met de spoedroute",
  ])("%j starts the route", (text) => {
    expect(asksForRoute(text)).toBe(true);
  });
  it.each([
    "Welke stappen horen bij de huidige route voor een machtiging?",
    "wat is de plaatsingsroute?",
    "route naar de rechter",
    "hoe lang duurt een plaatsing in de jz+?",
    "wat gebeurt er verder na de route?",
  ])("%j is a question", (text) => {
    expect(asksForRoute(text)).toBe(false);
  });
});

describe("asksForUrgentRoute", () => {
  // Team try: "spoedroute" got a word cloud, "start de spoedroute" the list of routes.
  it.each(["spoedroute", "start de spoedroute", "spoedroute graag", "kun je de spoed route met me doorlopen?"])("%j asks for the urgent route", (text) => {
    expect(asksForUrgentRoute(text)).toBe(true);
  });
  it.each(["route", "ik heb een jongen die acuut gevaar loopt, spoed. kun je me de plaatsingsroute laten zien?", "wat is de spoedroute?"])("%j does not", (text) => {
    expect(asksForUrgentRoute(text)).toBe(false);
  });
});

describe("isUrgentPlacementQuestion", () => {
  it.each(["hoe vraag ik een spoedmachtiging aan?", "plaatsing met spoed", "hoe werkt het als het een spoedmachtiging wordt?"])("%j is about the urgent case", (text) => {
    expect(isUrgentPlacementQuestion(text)).toBe(true);
  });
  // New-user try of the forty-seventh session: the urgent route led the reply to a message that denied urgency.
  it.each(["hoe kom ik aan een machtiging jz+ in gr/dr? gewoon regulier, geen spoed", "niet met spoed, hoe plaats ik in jz+?", "zonder spoedmachtiging: hoe vraag ik een machtiging aan?"])(
    "%j denies urgency, though it is a placement question",
    (text) => {
      expect(isPlacementQuestion(text)).toBe(true);
      expect(isUrgentPlacementQuestion(text)).toBe(false);
    },
  );
});
