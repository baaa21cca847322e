import { describe, expect, it } from "vitest";
import { asksHowOneDoes, saysHow } from "../../src/handlers/ask/meansAsked.js";

describe("asksHowOneDoes", () => {
  it("reads a question for how the asker (or anyone) does something, in its first part", () => {
    expect(asksHowOneDoes("hoe stel ik een gedeelde verklarende analyse op?")).toBe(true);
    expect(asksHowOneDoes("hoe kan ik als huisarts beter doorverwijzen?")).toBe(true);
    expect(asksHowOneDoes("Hoe maak je een veiligheidsplan?")).toBe(true);
    expect(asksHowOneDoes("ik ben huisarts, hoe verwijs ik door naar de jz+?")).toBe(true);
    expect(asksHowOneDoes("hoe kunnen we als wijkteam samenwerken met de GI?")).toBe(true);
  });

  it("leaves questions about the plans, measures and later parts alone", () => {
    expect(asksHowOneDoes("hoe willen ze verwijzers beter leren een VA te maken?")).toBe(false);
    expect(asksHowOneDoes("hoe zit het met de casusregie bij een OTS?")).toBe(false);
    expect(asksHowOneDoes("hoe lang wacht je op een plek?")).toBe(false);
    expect(asksHowOneDoes("hoe vaak je ook belt, niemand neemt op")).toBe(false);
    expect(asksHowOneDoes("wat is een spoedberaad en hoe start ik er een?")).toBe(false);
  });
});

describe("saysHow", () => {
  it("finds a means or steps in quoted text", () => {
    expect(saysHow("Dit doen we bijvoorbeeld via de POH GGZ Jeugd.")).toBe(true);
    expect(saysHow("Huidige route aanvraag machtiging:\n- Analyse opstellen")).toBe(true);
    expect(saysHow("Gemeenten versterken de teams door extra expertise toe te voegen.")).toBe(true);
    expect(saysHow("Eerst wordt de hulpvraag in kaart gebracht.")).toBe(true);
  });

  it("finds none in a goal, a problem or a word that only holds one", () => {
    expect(saysHow("In 2027:\n- Is voor alle jongeren een gedeelde verklarende analyse opgesteld")).toBe(false);
    expect(saysHow("specialistische ambulante hulp wordt te weinig ingezet")).toBe(false);
    expect(saysHow("Vervolgstappen:\n- De afspraken worden uitgevoerd")).toBe(false);
    expect(saysHow("Het leefklimaat wordt beoordeeld door de inspectie.")).toBe(false);
  });
});
