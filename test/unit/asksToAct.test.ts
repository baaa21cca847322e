import { describe, expect, it } from "vitest";
import { asksToAct } from "../../src/bot/intentPatterns.js";

describe("asksToAct", () => {
  it("reads a request to do something as one", () => {
    for (const text of [
      "kun je een checklist spoedberaad starten voor CASUS-0412",
      "ik wil een consult aanvragen bij het expertteam",
      "Hoi, kun jij een spoedberaad opstarten?",
      "start een spoedberaad",
      "spoedberaad graag",
      "consultaanvraag voor het servicepunt aub",
    ]) expect(asksToAct(text), text).toBe(true);
  });

  it("does not read a question about the documents or the procedure as one", () => {
    for (const text of [
      "wat is een spoedberaad?",
      "kun je uitleggen hoe een spoedberaad werkt?",
      "hoe vraag ik een consult aan?",
      "ik wil weten wie de machtiging aanvraagt",
      "wanneer schakel je het expertteam in?",
      "bij een casus waar het nu escaleert, wat doen we?",
      "graaggedaan",
    ]) expect(asksToAct(text), text).toBe(false);
  });
});
