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
    ["waarom punt 8?", 8],
    ["Waarom staat punt 3 erop?", 3],
    ["wat is de bron van punt 8?", 8],
    ["bron bij punt 12", 12],
    ["waar komt punt 2 vandaan?", 2],
  ])("asks for one item's source: %s", (text, item) => {
    // Team try: "waarom punt 8?" was answered from the documents with a passage on governance.
    expect(checklistQuestion(text)).toEqual({ item });
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
