import { describe, expect, it } from "vitest";
import { askedPerson, introduces, introductionBeforeQuestion } from "../../src/knowledge/analysis/personIntro.js";

describe("askedPerson", () => {
  it("finds the name a 'wie is …?' question asks about, typed with or without capitals", () => {
    expect(askedPerson("wie is Arne Popma?")).toEqual(["Arne", "Popma"]);
    expect(askedPerson("wie is arne popma en wat wil hij doen aan separaties?")).toEqual(["arne", "popma"]);
    expect(askedPerson("Wie was Jan van der Berg?")).toEqual(["Jan", "van", "der", "Berg"]);
  });

  it("finds nothing when the question asks for the holder of a role or something else", () => {
    expect(askedPerson("wie is de voorzitter van de regiegroep?")).toBeUndefined();
    expect(askedPerson("wie is er verantwoordelijk voor de casusregie?")).toBeUndefined();
    expect(askedPerson("wie betaalt de plaatsing?")).toBeUndefined();
  });
});

describe("introduces", () => {
  it("takes a sentence that gives the person a role, before or after the name", () => {
    expect(introduces("Als hoogleraar Kinder- en Jeugdpsychiatrie onderzoekt Arne Popma hoe hulp aan jongeren beter kan.", ["Arne", "Popma"])).toBe(true);
    expect(introduces("Carola Bodenstaff, senior beleidsadviseur bij Jeugdzorg Nederland, is blij.", ["carola", "bodenstaff"])).toBe(true);
    expect(introduces("Popma, hoogleraar in Amsterdam, schreef mee.", ["Arne", "Popma"])).toBe(true);
  });

  it("does not take a sentence that only names the person", () => {
    expect(introduces("Dat vraagt veel vakmanschap van professionals, weet Arne Popma: In hoofdlijnen kan de sector zich vinden.", ["Arne", "Popma"])).toBe(false);
    expect(introduces("Carola Bodenstaff is blij dat Arne Popma is aangeschoven.", ["Arne", "Popma"])).toBe(false);
  });
});

describe("introductionBeforeQuestion", () => {
  it("splits an introduction in sentences of its own, after a greeting, from the question", () => {
    expect(introductionBeforeQuestion("hoi, ik ben beleidsmedewerker jeugd bij een gemeente in de regio rijnmond. wat zegt de regiovisie over pleegzorg?")).toEqual({
      introduction: "hoi, ik ben beleidsmedewerker jeugd bij een gemeente in de regio rijnmond.",
      question: "wat zegt de regiovisie over pleegzorg?",
    });
    expect(introductionBeforeQuestion("Wij werken in een wijkteam in Emmen! Hoe vragen we een machtiging aan?")?.question).toBe("Hoe vragen we een machtiging aan?");
    expect(introductionBeforeQuestion("ik ben huisarts in een praktijk. ik werk in assen. wat is een spoedberaad?")?.introduction).toBe("ik ben huisarts in een praktijk. ik werk in assen.");
  });

  it("reads an introduction written without 'ik', as chat often is, but not a question that opens with the verb", () => {
    expect(introductionBeforeQuestion("ben nieuw in het wijkteam in rijnmond. welke stappen horen bij de casusregie?")?.question).toBe("welke stappen horen bij de casusregie?");
    expect(introductionBeforeQuestion("hoi, werk sinds kort bij een GI in drenthe. wat is een spoedberaad?")?.introduction).toBe("hoi, werk sinds kort bij een GI in drenthe.");
    expect(introductionBeforeQuestion("ben ik als huisarts in assen verplicht mee te doen. of kan dat later nog? wat staat erover?")).toBeUndefined();
    expect(introductionBeforeQuestion("zit je als wijkteam altijd bij het spoedberaad. wat zegt de werkwijze?")).toBeUndefined();
    // After a greeting of up to three words that ends in a colon, comma or exclamation mark (new-user try of the thirty-ninth session).
    expect(introductionBeforeQuestion("even voorstellen: ik ben Sanne, jeugdconsulent in schiedam. hoe wil de regio huisartsen ondersteunen?")?.question).toBe("hoe wil de regio huisartsen ondersteunen?");
    expect(introductionBeforeQuestion("Hallo allemaal! Ik werk als gezinsvoogd bij een GI in Assen. Wat is een spoedberaad?")?.question).toBe("Wat is een spoedberaad?");
  });

  it("leaves a case told before the question with the question, and finds none when the question points back into the introduction", () => {
    // Found by CI after the first version: "gezin zit vrijwillig in de hulp" and "daar" carried what was asked.
    expect(introductionBeforeQuestion("ik werk in een wijkteam. gezin zit vrijwillig in de hulp. wie heeft de casusregie, ik of de GI?")).toBeUndefined();
    expect(introductionBeforeQuestion("Ik ben beleidsadviseur bij een gemeente en we zitten midden in de aanbesteding. Noemt het actieplan daar iets over?")).toBeUndefined();
    expect(introductionBeforeQuestion("Ik werk in Haaglanden bij een GI. Hoe werkt de plaatsing in de jz+ hier?")).toBeUndefined();
  });

  it("finds none in a short introduction, one joined by a colon, a story that is no introduction, or a message without a question", () => {
    expect(introductionBeforeQuestion("ik ben huisarts. wat is een spoedberaad?")).toBeUndefined();
    expect(introductionBeforeQuestion("ik ben huisarts in een kleine praktijk in assen: bestaat er een app voor verwijzers?")).toBeUndefined();
    expect(introductionBeforeQuestion("maatwerk loopt vaak vast op de financiering omdat de hulp uit meerdere wetten komt. welk idee noemt het programma?")).toBeUndefined();
    expect(introductionBeforeQuestion("ik ben gezinsvoogd bij een GI in Drenthe. heb een meid van 16 die wegloopt.")).toBeUndefined();
  });
});
