import { describe, expect, it } from "vitest";
import { asksForSpoedberaad } from "../../src/handlers/spoedberaad/spoedberaadIntent.js";

describe("asksForSpoedberaad (offers the checklist under an answer)", () => {
  it.each([
    "welke alternatieven zijn er voordat je een jongere gesloten plaatst? ivm een casus waar het nu escaleert",
    "acute crisis bij een meisje van 15, wat moeten we nu doen?",
    "hoe organiseer ik een spoedberaad?",
    "kunnen we vandaag nog een spoedberaad beleggen?",
    "de situatie in het gezin is onveilig geworden, wat nu?",
    "we moeten nu met spoed overleggen over een jongere die dreigt te ontsporen, kun je helpen?",
    "en wat als het escaleert vannacht?",
    "kun je een spoedberaad voor ons opstarten? casus RM-2024-17",
    // Its checklist asked for by name (new-user try of the thirty-seventh session: refused).
    "kun je een checklist voor het spoedberaad klaarzetten? casusnr GR-0415",
    "spoedberaad checklist graag",
    // New-user try: an acute case in everyday words got a refusal and only the consult button.
    "ze is nu 2 nachten weggelopen, ouders ten einde raad. wat moet ik doen?",
    "het gaat mis vannacht met mijn patiënt",
    // Only urgency, in a word (new-user try: "spoed" got one unrelated quote).
    "spoed",
    "Acuut!",
    // Preparing one, or one coming up for a case (new-user try of the forty-sixth session: refused
    // without the checklist button).
    "Morgen hebben we een spoedberaad voor een meisje van 16 (casus DR-0412). Wat moet er voor een spoedberaad geregeld zijn?",
    "welke punten moeten besproken worden in een spoedberaad",
    "hoe bereid ik een spoedberaad voor?",
    // The young person as "ze" / "haar" (second new-user try of the forty-sixth session).
    "ze is vannacht weer weg geweest, politie vond haar bij een veel oudere man. het loopt echt uit de hand. mag de politie haar vasthouden tot er een plek is?",
  ])("offers it for: %s", (text) => {
    expect(asksForSpoedberaad(text)).toBe(true);
  });

  it.each([
    "wat is een spoedberaad?",
    "wie zitten er bij een spoedberaad?",
    "wat staat er op de checklist van het servicepunt?",
    "hoeveel jongeren worden in crisis geplaatst?",
    "wat staat er in het actieplan over crisisopvang?",
    "hoe vraag ik een machtiging aan?",
    "wat is er mis met de spoedprocedure?",
    "hoe vaak escaleert een plaatsing?",
    "waarom gaat het mis bij plaatsingen in de jz+?",
    "spoedplaatsing",
    "spoed bij de rechtbank",
    "hoeveel jongeren hadden vorig jaar een spoedberaad?",
    "wie zit er in een spoedberaad voor een jongere?",
  ])("offers nothing for: %s", (text) => {
    expect(asksForSpoedberaad(text)).toBe(false);
  });
});
