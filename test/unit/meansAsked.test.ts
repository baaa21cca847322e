import { describe, expect, it } from "vitest";
import { asksHowOneDoes, saysHow, saysSteps } from "../../src/handlers/ask/meansAsked.js";

describe("asksHowOneDoes: how the asker (or anyone) does something, in the message's first question", () => {
  it.each([
    ["hoe stel ik een gedeelde verklarende analyse op?", true],
    ["hoe kan ik als huisarts beter doorverwijzen?", true],
    ["Hoe maak je een veiligheidsplan?", true],
    ["ik ben huisarts, hoe verwijs ik door naar de jz+?", true],
    ["hoe kunnen we als wijkteam samenwerken met de GI?", true],
    // About the plans, a measure, or in a later part.
    ["hoe willen ze verwijzers beter leren een VA te maken?", false],
    ["hoe zit het met de casusregie bij een OTS?", false],
    ["hoe lang wacht je op een plek?", false],
    ["hoe vaak je ook belt, niemand neemt op", false],
    ["wat is een spoedberaad en hoe start ik er een?", false],
  ])("%j: %s", (question, expected) => {
    expect(asksHowOneDoes(question)).toBe(expected);
  });
});

describe("saysHow: a means or steps in quoted text", () => {
  it.each([
    ["Dit doen we bijvoorbeeld via de POH GGZ Jeugd.", true],
    ["Huidige route aanvraag machtiging:\n- Analyse opstellen", true],
    ["Gemeenten versterken de teams door extra expertise toe te voegen.", true],
    ["Eerst wordt de hulpvraag in kaart gebracht.", true],
    // A goal, a problem, or a word that only holds one.
    ["In 2027:\n- Is voor alle jongeren een gedeelde verklarende analyse opgesteld", false],
    ["specialistische ambulante hulp wordt te weinig ingezet", false],
    ["Vervolgstappen:\n- De afspraken worden uitgevoerd", false],
    ["Het leefklimaat wordt beoordeeld door de inspectie.", false],
  ])("%j: %s", (text, expected) => {
    expect(saysHow(text)).toBe(expected);
  });
});

describe("saysSteps: a route, procedure or order, not any means", () => {
  it.each([
    ["Huidige route aanvraag machtiging:\n- Analyse opstellen", true],
    ["Eerst wordt de hulpvraag in kaart gebracht.", true],
    ["In de aanpak van casusregie onderscheidt de regio vier stappen:", true],
    // A means or an example is no step.
    ["Denk bijvoorbeeld aan de rol van gecertificeerde instellingen.", false],
    ["Dit doen we via de POH GGZ Jeugd.", false],
    ["Vervolgstappen:\n- De afspraken worden uitgevoerd", false],
  ])("%j: %s", (text, expected) => {
    expect(saysSteps(text)).toBe(expected);
  });
});
