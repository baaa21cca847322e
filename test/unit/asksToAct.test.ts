import { describe, expect, it } from "vitest";
import { asksToAct, asksWhatToDo, tellsACase } from "../../src/bot/intentPatterns.js";

describe("asksToAct", () => {
  it("reads a request to do something as one", () => {
    for (const text of [
      "kun je een checklist spoedberaad starten voor CASUS-0412",
      "ik wil een consult aanvragen bij het expertteam",
      "Hoi, kun jij een spoedberaad opstarten?",
      "start een spoedberaad",
      "spoedberaad graag",
      "consultaanvraag voor het servicepunt aub",
      // The situation first, then the request (new-user try).
      "het gaat mis vannacht, kun je een spoedberaad starten voor CASUS-0931",
      // Only urgency, in a word: a call for the route and the checklist (new-user try).
      "spoed",
      "Acuut!",
      // Asking for a tool by its name, in other words (new-user try of the thirty-ninth session).
      "heb je een checklist voor t spoedberaad? casus SCH-0412",
      "Zou ik de checklist voor een spoedberaad kunnen krijgen? Ons casusnummer is DR-2024-17.",
      "is er een consultformulier?",
      // An imperative "loop … door", and a request after a clause with a question word (second new-user try of the thirty-ninth session).
      "loop de route voor een reguliere machtiging met me door",
      "ik wil snappen hoe de plaatsingsroute loopt. Kun je die met me doorlopen?",
    ]) expect(asksToAct(text), text).toBe(true);
  });

  it("does not read a question about the documents or the procedure as one", () => {
    for (const text of [
      "wat is een spoedberaad?",
      "spoed bij de rechter?",
      "kun je uitleggen hoe een spoedberaad werkt?",
      "is er een checklist voor wat er in een gva moet, en wie maakt die?",
      "kan ik zelf een machtiging aanvragen?",
      "hoe vraag ik een consult aan?",
      "ik wil weten wie de machtiging aanvraagt",
      "wanneer schakel je het expertteam in?",
      "bij een casus waar het nu escaleert, wat doen we?",
      "graaggedaan",
      "het escaleert, kun je uitleggen wat een spoedberaad is?",
      "ik werk in drenthe, ik wil weten wie de machtiging aanvraagt",
    ]) expect(asksToAct(text), text).toBe(false);
  });

  it("tells 'what should I do?' about one's own case from questions about what the plans say", () => {
    for (const text of ["wat moet ik doen?", "wat kunnen we nu doen", "en wat nu?", "hoe kan ik verder met deze casus", "wat zou je hier doen", "wat zeggen de plannen wat ik als eerste moet doen?"]) expect(asksWhatToDo(text), text).toBe(true);
    for (const text of ["wat doet het expertteam?", "wat moet er in de analyse staan?", "wat doen ze in rijnmond?", "watnu"]) expect(asksWhatToDo(text), text).toBe(false);
  });

  it("reads a case told without a question as one, and not a question or a short remark", () => {
    expect(tellsACase("casus: meisje 15, OTS, loopt steeds weg, ouders willen dat ze opgesloten wordt")).toBe(true);
    expect(tellsACase("mijn patiënt loopt weg en gebruikt veel, ouders zijn op")).toBe(true);
    for (const text of ["wat doen we met een meisje dat steeds wegloopt", "loopt een jongere weg?", "ouders ten einde raad", "De plaatsing in de JZ+ was in 2019 voor drie weken.", "kun je een checklist spoedberaad starten voor CASUS-0412"]) expect(tellsACase(text), text).toBe(false);
  });
});
