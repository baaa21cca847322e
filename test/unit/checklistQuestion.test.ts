import { describe, expect, it } from "vitest";
import { checklistQuestion } from "../../src/handlers/spoedberaad/checklistQuestion.js";

describe("checklistQuestion (a typed question about the open checklist)", () => {
  it.each([
    "welke punten staan nog open?",
    "Welke punten zijn er nog open",
    "hoeveel punten staan er nog open?",
    "wat staat er nog open?",
    "wat moeten we nog doen?",
    "open punten?",
  ])("asks for the open items: %s", (text) => {
    expect(checklistQuestion(text)).toBe("open");
  });

  it.each(["Waarom deze punten?", "waarom zijn dit de punten?", "waar komen deze punten vandaan?", "bronnen van de checklist"])("asks for the sources: %s", (text) => {
    expect(checklistQuestion(text)).toBe("sources");
  });

  it.each([
    "wat is een spoedberaad?",
    "welke punten moet een verklarende analyse bevatten?",
    "staat de deur van de JeugdzorgPlus open voor ouders?",
    "waarom is een spoedmachtiging nodig?",
    "punt 3 klaar",
    "welke punten staan nog open in het actieplan over de inkoop van gesloten jeugdhulp door de gemeenten in de regio?",
  ])("is something else: %s", (text) => {
    expect(checklistQuestion(text)).toBeUndefined();
  });
});
