import { describe, expect, it } from "vitest";
import { firstItems, itemsAsked, kindOnlyAsked, linesHolding, shortestQuote } from "../../src/handlers/ask/shorterAnswer.js";

const longItem = "Voorkomen dat jongeren in de gesloten zorg terecht komen, door kwetsbare jeugdigen en hun ouders veel eerder en sneller in beeld te hebben, met alle expertise die nodig is";

describe("shortestQuote", () => {
  it("cuts a long list to its lead-in and first item, counting the items left out, and keeps a short list whole", () => {
    const answer = `“We focussen op twee doelen:”\n- ${longItem}\n- Verbeteren van de zorg voor jeugdigen die tijdelijk dwang nodig hebben [1]\n“Een ander citaat.” [2]`;
    expect(shortestQuote(answer)).toEqual({ text: `“We focussen op twee doelen:”\n- ${longItem}`, n: 1, itemsLeft: 1, list: ["“We focussen op twee doelen:”", `- ${longItem}`, "- Verbeteren van de zorg voor jeugdigen die tijdelijk dwang nodig hebben"] });
    const steps = "Huidige route aanvraag machtiging:\n- Analyse opstellen\n- Consultvraag stellen bij Servicepunt\n- Aanvraag machtiging [1]\n“Nog iets.” [2]";
    expect(shortestQuote(steps)).toEqual({ text: "Huidige route aanvraag machtiging:\n- Analyse opstellen\n- Consultvraag stellen bij Servicepunt\n- Aanvraag machtiging", n: 1 });
    // A few short steps with a question each are the answer itself (new-user try of the forty-eighth session: step 1 and "nog 3 punten").
    const fourSteps = `“In de aanpak van casusregie onderscheidt de regio nu vier stappen:”\n- Stap 1 – Vraaganalyse "Wat is er aan de hand?"\n- Stap 2 – Het resultaat "Wat moet bereikt worden?"\n- Stap 3 – De middelen "Wat is nodig om het beoogde resultaat te bereiken?"\n- Stap 4 – Toetsing "Is het gewenste resultaat bereikt?" [1]`;
    expect(shortestQuote(fourSteps)).toMatchObject({ text: "“In de aanpak van casusregie onderscheidt de regio nu vier stappen:”\n- Stap 1 – Vraaganalyse …\n- Stap 2 – Het resultaat …\n- Stap 3 – De middelen …\n- Stap 4 – Toetsing …", n: 1, itemsCut: true, labelsOnly: true });
    // Without a label on every item, such a list stays whole.
    const plain = "“Drie dingen:”\n- Eerder hulp vragen bij twijfel over de veiligheid van het kind thuis\n- Consulteren servicepunt over de mogelijkheden in de regio\n- Kennis naar het voorveld brengen zodat de wijkteams het weten [1]";
    expect(shortestQuote(plain)).toMatchObject({ n: 1, whole: true });
    // The whole answer a long list: cut all the same (new-user try: "was al één citaat" under a list of five).
    expect(shortestQuote(`“Geconstateerd wordt dat:”\n- ${longItem}\n- ${longItem} [1]`)).toMatchObject({ text: `“Geconstateerd wordt dat:”\n- ${longItem}`, n: 1, itemsLeft: 1 });
  });

  it("keeps every item of a long list, each cut to its first sentence, when that is short enough", () => {
    // New-user try of the thirty-eighth session: the first of three functions alone dropped two thirds of the answer.
    const functions = `“Het team heeft de volgende functies:”\n- Achtervang. ${longItem}.\n- Capaciteit. Zij hebben zicht op de beschikbare capaciteit en hoe die in te zetten.\n- Leren. Zij vormen een platform gericht op leren en ontwikkelen. [1]`;
    expect(shortestQuote(functions)).toMatchObject({ text: "“Het team heeft de volgende functies:”\n- Achtervang. …\n- Capaciteit. …\n- Leren. …", n: 1, itemsCut: true });
    // A numbered item keeps its number and its first sentence (second new-user try: only "1. …" was left).
    const numbered = `1. Veiligheid wegen. ${longItem}.\n2. Trainen verwijzers. ${longItem}.\n3. Kennis inzetten. Met het Servicepunt. [1]`;
    expect(shortestQuote(numbered)?.text).toBe("1. Veiligheid wegen. …\n2. Trainen verwijzers. …\n3. Kennis inzetten. …");
  });

  it("cuts a long quotation to its first sentence, and takes the next one when the first says too little", () => {
    const long = "“Half 2027 zijn de JeugdzorgPlus-plekken in de huidige vorm om- en afgebouwd. Afbouw kan alleen plaatsvinden als we de in- en uitstroom beter en tijdig organiseren, en dat vraagt om een nieuw besef en een nieuwe manier van werken bij alle partijen die bij jeugdhulp betrokken zijn.” [2]";
    expect(shortestQuote(long)).toEqual({ text: "“Half 2027 zijn de JeugdzorgPlus-plekken in de huidige vorm om- en afgebouwd.”", n: 2, sentencesLeft: true, whole: undefined });
    const shortFirst = "“Dat klopt. Half 2027 zijn de JeugdzorgPlus-plekken in de huidige vorm om- en afgebouwd. Afbouw kan alleen plaatsvinden als we de in- en uitstroom beter en tijdig organiseren, en dat vraagt om een nieuw besef en een nieuwe manier van werken bij alle partijen samen.” [1]";
    expect(shortestQuote(shortFirst)?.text).toBe("“Dat klopt. Half 2027 zijn de JeugdzorgPlus-plekken in de huidige vorm om- en afgebouwd.”");
  });

  it("never cuts a table row, and says when the first quote is the whole answer already", () => {
    const row = "Mijlpalen: Mijlpaal: Het actieplan is opgesteld om overplaatsingen, gesloten plaatsingen en separaties te verminderen en om de zorg voor kwetsbare jongeren in heel het land te verbeteren; Actielijn: 2; Wanneer: VGR 2 [1]";
    expect(shortestQuote(row)).toMatchObject({ text: row.replace(" [1]", ""), whole: true });
    expect(shortestQuote("“Minder spoedplaatsingen.” [1]")).toEqual({ text: "“Minder spoedplaatsingen.”", n: 1, whole: true });
    expect(shortestQuote("“Minder spoedplaatsingen.” [1]\n“Meer ambulante hulp.” [2]")).toEqual({ text: "“Minder spoedplaatsingen.”", n: 1 });
    expect(shortestQuote("De plandocumenten geven hier geen antwoord op.")).toBeUndefined();
  });

  it("gives the first items a request names ('alleen de belangrijkste 3'), with the lead-in and how many are left out", () => {
    // New-user try of the forty-first session: one item came, with "nog 6 punten".
    const list = `Wat kunnen we vanaf morgen anders doen?\n- ${longItem}\n- Tijdig hulp vragen\n- Op tijd inbrengen bij Servicepunt\n- Gedeelde verklarende analyse [1]`;
    const quote = shortestQuote(list)!;
    expect(itemsAsked("kan dat korter? alleen de belangrijkste 3")).toBe(3);
    expect(itemsAsked("geef de eerste twee punten")).toBe(2);
    // A number of sentences is not a number of items.
    expect(itemsAsked("kun je dat korter zeggen? in 2 zinnen voor mijn teamleider")).toBeUndefined();
    expect(firstItems(quote, 2)).toEqual({ text: `Wat kunnen we vanaf morgen anders doen?\n- ${longItem}\n- Tijdig hulp vragen`, itemsLeft: 2 });
    // No more items than asked for: nothing to leave out.
    expect(firstItems(quote, 4)).toBeUndefined();
  });
});

describe("linesHolding", () => {
  it("keeps for 'alleen de cijfers' the lines with a figure in digits or words, not an ordinal", () => {
    // New-user try of the forty-third session: "… is het eerste die we willen aanpakken." came as the line with a figure.
    const lines = [
      { n: 1, text: "Deze vorm van repressie is het eerste die we willen aanpakken." },
      { n: 1, text: "Binnen 3 jaar terug naar 0." },
      { n: 2, text: "We focussen op twee doelen." },
    ];
    expect(linesHolding(lines, "number").map((line) => line.text)).toEqual(["Binnen 3 jaar terug naar 0.", "We focussen op twee doelen."]);
  });
});

describe("kindOnlyAsked", () => {
  it("reads which kind of line a request keeps alone ('alleen de datums'), and none without 'alleen'", () => {
    expect(kindOnlyAsked("kan dat korter? alleen de datums")).toEqual({ type: "date", named: "een datum" });
    expect(kindOnlyAsked("alleen de cijfers aub")?.type).toBe("number");
    expect(kindOnlyAsked("enkel de namen graag")?.type).toBe("person");
    expect(kindOnlyAsked("kan dat korter?")).toBeUndefined();
    expect(kindOnlyAsked("welke datums staan erin?")).toBeUndefined();
  });
});
