import { describe, expect, it } from "vitest";
import { askedFor, containsAnswerType, expectedAnswerType, kindWords } from "../../src/knowledge/analysis/answerType.js";

describe("expectedAnswerType", () => {
  it.each([
    ["wat is het telefoonnummer van het Servicepunt?", "phone"],
    ["wat is het dagtarief voor een plek?", "amount"],
    ["wat kost een plek per dag?", "amount"],
    ["wat kostte dat per plaatsing?", "amount"],
    // When a target must be met asks for a date (new-user try of the forty-second session).
    ["wat is het doel voor overplaatsingen en wanneer moest dat gehaald zijn?", "date"],
    ["wanneer moet dat bereikt zijn?", "date"],
    // What someone earns, or gets per day or child, is a sum of money; that they earn less is not.
    ["wat verdient een jeugdbeschermer ongeveer?", "amount"],
    ["wat krijgt een gezinshuisouder per kind per dag?", "amount"],
    ["klopt het dat medewerkers minder verdienen?", undefined],
    ["wat krijgt een jongere van het wijkteam?", undefined],
    // What something costs in time or effort is no sum of money.
    ["wat kost nog veel ontwikkeltijd?", undefined],
    // Costs as the topic of a question, not a sum it asks for.
    ["wat zegt de regiovisie over de kosten?", undefined],
    ["wat zegt de regiovisie over de kosten en het budget van de jeugdhulp?", undefined],
    ["over welke periode gaat de rapportage?", "date"],
    // When a place is open asks for hours, not a date (new-user try of the forty-second session).
    ["wat zijn de openingstijden van het servicepunt jz+ in groningen/drenthe?", "hours"],
    ["wanneer is het servicepunt open?", "hours"],
    ["tot hoe laat is het servicepunt bereikbaar?", "hours"],
    ["wanneer is het servicepunt opgericht?", undefined],
    // What one is paid asks for a sum (new-user try: a GP's fee per referral got a quote on referring).
    ["wat krijg ik als HA betaald per verwijzing naar jeugdhulp?", "amount"],
    ["hoeveel krijgt een pleeggezin vergoed?", "amount"],
    ["wat krijg ik te horen van het servicepunt?", undefined],
    // When something must be ready asks for a date; a bare "wanneer" may ask for a condition.
    ["en wanneer moet dat klaar zijn?", "date"],
    ["wanneer is de afbouw afgerond?", "date"],
    ["wanneer komt het INT in beeld?", undefined],
    ["kost het veel moeite om een plek te vinden?", undefined],
    ["welk artikel uit de Jeugdwet regelt dat?", "article"],
    ["per welke datum sluit de regio aan?", "date"],
    ["hoeveel procent komt met spoed binnen?", "percentage"],
    // The sign for the word (second new-user try of the forty-fifth session: "met hoeveel % moet dat omhoog?").
    ["pleegzorg: met hoeveel % moet dat omhoog?", "percentage"],
    ["hoeveel jongeren zitten er op een groep?", "number"],
    ["hoe vaak wordt de veiligheid opnieuw gewogen?", "frequency"],
    ["vanaf welke leeftijd mag een jongere meebeslissen?", "age"],
    ["wat is het adres van de instelling?", "address"],
    ["welke jz+ instelling zit het dichtst bij schiedam?", "address"],
    ["wat is de dichtstbijzijnde jji?", "address"],
    ["wie is de programmamanager van het plan?", "person"],
    ["wie is Arne Popma?", undefined],
    ["wat moet er bij een spoedberaad aanschuiven?", undefined],
    ["hoe dicht bij huis moet een plaatsing zijn?", undefined],
    ["hoe lang blijft een machtiging geldig?", "duration"],
    ["wat is de gemiddelde opnameduur?", "duration"],
    ["binnen hoeveel tijd moet het perspectief duidelijk zijn?", "duration"],
    ["binnen welke termijn volgt een besluit?", "duration"],
    ["wat is de maximale groepsgrootte?", "number"],
    ["hoe hoog is de bijdrage?", "number"],
    ["hoe klein moeten de groepen worden?", "number"],
    ["heeft iemand het nummer van de crisisdienst?", "phone"],
    ["waar bel ik het servicepunt?", "phone"],
    ["en hoe bereik ik ze in drenthe?", "phone"],
    ["wanneer bel ik VT bij vermoeden van geweld?", undefined],
    ["en als er geweld is? bel ik dan VT?", undefined],
    ["is er een maximale duur voor een opname?", undefined],
    ["is de duur van een afzondering gemaximeerd?", undefined],
    ["wordt het gemiddelde aantal plekken kleiner?", undefined],
    ["klopt het dat er geen grens zit aan hoe lang je een jongere mag afzonderen?", undefined],
    ["ik werk in schiedam, klopt het dat wij vanaf 2023 zelf inkopen? en hoeveel jongeren wachten er?", "number"],
    // After a sentence about the asker (set m: refused for want of a duration).
    ["Gedragswetenschapper hier. Klopt het dat er geen maximale duur zit aan een afzondering?", undefined],
    ["Ik werk in Rijnmond. Hoe lang duurt een afzondering?", "duration"],
    ["is het waar dat hoeveel jongeren er wachten niemand weet?", undefined],
    ["is het nummer van het servicepunt bekend?", "phone"],
    ["is er een wachtlijst? hoe lang duurt het wachten?", "duration"],
    ["hoe werken we duurzaam samen?", undefined],
    ["waarom kon de sector niet zeggen hoe vaak er werd afgezonderd?", undefined],
    ["hoe kwam het dat niemand wist hoeveel jongeren er wachtten?", undefined],
    ["hoeveel jongeren wachten er, en waarom?", "number"],
    ["waarom is dat zo? en hoe vaak gebeurt het?", "frequency"],
    // "af" as done (new-user try: "… en wanneer moet dat af zijn?" was dropped without a word), not as a particle.
    ["wat staat er in het actieplan en wanneer moet dat af zijn?", "date"],
    ["wanneer is de routekaart af?", "date"],
    ["wanneer haak je af?", undefined],
  ])("%s -> %s", (question, type) => {
    expect(expectedAnswerType(question)).toBe(type);
  });
});

describe("askedFor", () => {
  it("gives the words that ask for the kind of answer, from the part of the message that asks it", () => {
    expect(askedFor("hoe hoog is de ouderbijdrage?")).toEqual({ type: "number", phrase: "hoe hoog" });
    expect(askedFor("wie zit in de regiegroep? en hoe vaak komen ze samen?")).toEqual({ type: "frequency", phrase: "hoe vaak" });
    expect(askedFor("wat doet het servicepunt?")).toBeUndefined();
    // New-user try of the forty-third session: "in cijfers" asks for figures.
    expect(askedFor("wat zegt het actieplan over afzonderen? wat is het doel in cijfers?")).toEqual({ type: "number", phrase: "in cijfers" });
    // So does "concrete cijfers" (new-user try of the forty-fourth session: two lines with
    // "concreet" answered it); "cijfers" alone, as in "de cijfers van 2019 zijn bekend", may be the topic.
    expect(askedFor("heeft de voortgangsrapportage concrete cijfers over hoe het gaat?")?.type).toBe("number");
    expect(askedFor("wat zegt het plan over de cijfers van 2019")).toBeUndefined();
  });
});

describe("containsAnswerType", () => {
  it("finds opening hours as times, days or 'dag en nacht', not in a line that only names the place", () => {
    expect(containsAnswerType("Het Servicepunt is op werkdagen bereikbaar van 9.00 tot 17.00.", "hours")).toBe(true);
    expect(containsAnswerType("De crisisdienst is dag en nacht bereikbaar.", "hours")).toBe(true);
    expect(containsAnswerType("3. Organiseren inzet HSJ kennis (koppelen aan Servicepunt) voor de inzet van een spoedberaad.", "hours")).toBe(false);
  });

  it("reads 'half' before a year or month as part of a date, not as a figure", () => {
    // New-user try: "Half 2027 zijn de plekken afgebouwd" answered how many places close.
    expect(containsAnswerType("Half 2027 zijn de JeugdzorgPlus-plekken om- en afgebouwd.", "number")).toBe(false);
    expect(containsAnswerType("Half 2027 zijn de JeugdzorgPlus-plekken om- en afgebouwd.", "date")).toBe(true);
    expect(containsAnswerType("De helft van de plekken gaat dicht.", "number")).toBe(true);
  });

  it("takes two capitalised words for a name, at the start of a line only before a comma (a signature with its role)", () => {
    expect(containsAnswerType("Wouter Struijk, Voorzitter van de stuurgroep transformatie", "person")).toBe(true);
    expect(containsAnswerType("De stuurgroep is er ook bij, zegt Arne Popma.", "person")).toBe(true);
    expect(containsAnswerType("Raad Kinderbescherming doet onderzoek.", "person")).toBe(false);
  });

  it("finds numbers written as digits or words", () => {
    expect(containsAnswerType("circa 70% van de jongeren", "number")).toBe(true);
    expect(containsAnswerType("er gelden zeven basisprincipes", "number")).toBe(true);
    expect(containsAnswerType("de route is bij definitie vertragend", "number")).toBe(false);
    expect(containsAnswerType("uit de dertien regio's", "number")).toBe(true);
  });

  it("takes 'alle', 'geen' and 'enkele' for no figure, except for how often", () => {
    expect(containsAnswerType("Dat geldt ook voor alle gremia die verantwoordelijk zijn voor de toegang.", "number")).toBe(false);
    expect(containsAnswerType("er zijn enkele plekken over", "number")).toBe(false);
    expect(containsAnswerType("alle jeugdigen worden besproken", "frequency")).toBe(true);
    expect(containsAnswerType("er zijn drie plekken over", "number")).toBe(true);
    // An ordinal counts nothing: "het eerste die we willen aanpakken".
    expect(containsAnswerType("deze vorm is het eerste die we willen aanpakken", "number")).toBe(false);
    expect(containsAnswerType("de tweede stap volgt", "number")).toBe(false);
  });

  it("does not take a year or a quarter for a count", () => {
    expect(containsAnswerType("in 2020 is er geworven tijdens de week van de pleegzorg", "number")).toBe(false);
    expect(containsAnswerType("Q1 2021: twaalf plannen zijn klaar", "number")).toBe(true);
    expect(containsAnswerType("Q3 2020 was het zover", "number")).toBe(false);
    expect(containsAnswerType("ruim 100 vragen", "number")).toBe(true);
  });

  it("does not take an ordinal for a count", () => {
    expect(containsAnswerType("om ook na hun 18e verjaardag in een gezinshuis te wonen", "number")).toBe(false);
    expect(containsAnswerType("de 2de en 21ste bijeenkomst", "number")).toBe(false);
    expect(containsAnswerType("er is 11,4 mln euro voor na hun 18e verjaardag", "number")).toBe(true);
  });

  it("takes a rhythm or a count as an answer to how often", () => {
    expect(containsAnswerType("De weging wordt halfjaarlijks herhaald.", "frequency")).toBe(true);
    expect(containsAnswerType("We overleggen twee keer per jaar.", "frequency")).toBe(true);
    expect(containsAnswerType("Het team komt elke week bijeen.", "frequency")).toBe(true);
    expect(containsAnswerType("De weging is zorgvuldig gedaan.", "frequency")).toBe(false);
  });

  it("finds an age", () => {
    expect(containsAnswerType("Jongeren vanaf 12 jaar krijgen een stem.", "age")).toBe(true);
    expect(containsAnswerType("De overgang van 18- naar 18+ vraagt aandacht.", "age")).toBe(true);
    expect(containsAnswerType("Voor 16-jarigen geldt iets anders.", "age")).toBe(true);
    expect(containsAnswerType("Jongeren krijgen een stevige rol in de keuze.", "age")).toBe(false);
  });

  it("finds percentages and names", () => {
    expect(containsAnswerType("1 op de 8 kinderen", "percentage")).toBe(true);
    expect(containsAnswerType("een belangrijk deel van de verwijzingen", "percentage")).toBe(false);
    expect(containsAnswerType("Het programma wordt geleid door Gieke Buur sinds vorig jaar.", "person")).toBe(true);
    expect(containsAnswerType("De programmamanager overlegt periodiek met de trekkers.", "person")).toBe(false);
  });

  it("finds dates as years, months or quarters", () => {
    expect(containsAnswerType("30 november 2020", "date")).toBe(true);
    expect(containsAnswerType("Q1 2021: alle jeugdigen", "date")).toBe(true);
    expect(containsAnswerType("Friesland sluit zo snel mogelijk aan", "date")).toBe(false);
  });

  it("finds amounts, phone numbers and articles only when present", () => {
    expect(containsAnswerType("13,7 miljoen structureel", "amount")).toBe(true);
    expect(containsAnswerType("de kosten van plaatsing verminderen", "amount")).toBe(false);
    expect(containsAnswerType("bel 050-1234567", "phone")).toBe(true);
    expect(containsAnswerType("artikel 6.1.2 van de Jeugdwet", "article")).toBe(true);
    expect(containsAnswerType("de Jeugdwet regelt machtigingen", "article")).toBe(false);
  });

  it("finds a span of time, not a bare year", () => {
    expect(containsAnswerType("binnen een half jaar is er een plek", "duration")).toBe(true);
    expect(containsAnswerType("uiterlijk binnen 24 uur", "duration")).toBe(true);
    expect(containsAnswerType("drie maanden later", "duration")).toBe(true);
    expect(containsAnswerType("in 2027 is de werkwijze klaar", "duration")).toBe(false);
  });

  it("does not take an age or a point in time for a span", () => {
    // "16 jaar oud" is how old someone is; "de eerste week" says when.
    expect(containsAnswerType("Ferdi (16 jaar oud) wordt gesloten geplaatst.", "duration")).toBe(false);
    expect(containsAnswerType("in de eerste week na plaatsing komt er bezoek", "duration")).toBe(false);
    expect(containsAnswerType("hij verbleef er 16 jaar, oud en nieuw thuis", "duration")).toBe(true);
    expect(containsAnswerType("na drie en een halve maand stroomt hij uit", "duration")).toBe(true);
    // "vanaf 16 jaar", "boven de 12 jaar": an age bound, not how long something takes.
    expect(containsAnswerType("Daarbij is speciale aandacht voor jongeren vanaf 16 jaar nodig.", "duration")).toBe(false);
    expect(containsAnswerType("kinderen boven de 12 jaar", "duration")).toBe(false);
    expect(containsAnswerType("vanaf 16 jaar duurt het traject 6 maanden", "duration")).toBe(true);
  });
});

describe("kindWords", () => {
  it("gives the nouns that name the kind of answer asked for, not its subject", () => {
    expect(kindWords("Vanaf welke leeftijd mogen jongeren meebeslissen?")).toEqual({ type: "age", words: new Set(["leeftijd"]) });
    expect(kindWords("Met hoeveel procent moet het aantal plaatsingen dalen?")).toEqual({ type: "percentage", words: new Set(["procent"]) });
    expect(kindWords("binnen welke termijn moet er een zitting zijn?")?.words).toEqual(new Set(["termijn"]));
    // "staat daar een jaartal bij?" asks for a year.
    expect(kindWords("wat willen ze bereiken, en staat daar een jaartal bij?")).toEqual({ type: "date", words: new Set(["jaartal"]) });
  });

  it("gives none for a bare count or a compound whose first part is the subject", () => {
    expect(kindWords("hoe hoog is de caseload?")).toBeUndefined();
    expect(kindWords("wat is het dagtarief van een plek?")).toBeUndefined();
    expect(kindWords("wat is de visie op jeugdhulp?")).toBeUndefined();
  });
});
