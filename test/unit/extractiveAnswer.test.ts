import { describe, expect, it } from "vitest";
import { DEFAULT_EXTRACTIVE, extractiveAnswer, type QuestionScorer } from "../../src/handlers/ask/extractiveAnswer.js";
import { excerpt, passageLines, rowAsPairs } from "../../src/handlers/ask/sentences.js";
import { readableText } from "../../src/knowledge/readableText.js";
import type { RetrievedPassage } from "../../src/knowledge/types.js";

function passage(id: string, text: string, coverage = 0.8, sectionPath = ["1 Sectie"]): RetrievedPassage {
  return {
    chunk: { id, documentId: `${id}.md`, documentTitle: `Doc ${id}`, sectionPath, start: 0, end: text.length, text },
    score: 1,
    coverage,
  };
}

/** Scores by the question words (longer than 3 letters) a text contains; knows which ones. */
const wordsScorer = (question: string): QuestionScorer => {
  const words = question.toLowerCase().split(/\W+/).filter((w) => w.length > 3);
  const covered = (text: string) => words.map((w) => text.toLowerCase().includes(w));
  return {
    score: (text) => covered(text).filter(Boolean).length / words.length,
    covered,
    weights: words.map(() => 1),
  };
};

/** The answer with the default options to a question scored by its words. */
const answerTo = (question: string, passages: RetrievedPassage[]) => extractiveAnswer(passages, wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);

describe("extractiveAnswer", () => {
  it("leads with the best sentence, verbatim, with its citation number", () => {
    const answer = extractiveAnswer(
      [
        passage("a", "Het weer is mooi vandaag. Een spoedberaad vindt plaats met ouders en jongere erbij."),
        passage("b", "De HSJ-kennis wordt via het Servicepunt aan een overleg gekoppeld."),
      ],
      wordsScorer("wie zitten er bij een spoedberaad met ouders"),
    );
    expect(answer.text.startsWith("“Een spoedberaad vindt plaats met ouders en jongere erbij.” [1]")).toBe(true);
    expect(answer.text).not.toContain("weer is mooi");
    expect(answer.cited).toEqual([1]);
  });

  it("answers who holds a role with the name above it, and never adds such a signature as a filler", () => {
    const signed = passage("a", "Dit is onze visie op de jeugdhulp.\n\nWouter Struijk\n\nVoorzitter van de stuurgroep transformatie van de jeugdhulpregio Rijnmond");
    expect(answerTo("wie is voorzitter van de stuurgroep transformatie", [signed]).text).toBe("“Wouter Struijk, Voorzitter van de stuurgroep transformatie van de jeugdhulpregio Rijnmond” [1]");
    const steps = passage("b", "In de aanpak van casusregie zijn er twee stappen:\n- Stap 1 – Vraaganalyse\n- Stap 2 – Toetsing");
    const answer = answerTo("welke stappen kent de casusregie in regio rijnmond", [steps, { ...signed, chunk: { ...signed.chunk, documentId: steps.chunk.documentId } }]);
    expect(answer.text).not.toContain("Struijk");
  });

  it("does not add a further quote that mostly says again what the answer already shows", () => {
    const text = [
      "Er wordt altijd een risicotaxatie uitgevoerd waarin risico's en beschermende factoren in kaart worden gebracht.",
      "De samenwerking met de school is belangrijk.",
      "Er wordt altijd een risicotaxatie uitgevoerd waarin onveilige en beschermende factoren bij de jeugdige in kaart worden gebracht.",
    ].join("\n\n");
    const answer = answerTo("wat wordt bij een risicotaxatie in kaart gebracht", [passage("a", text)]);
    expect(answer.text).toContain("risico's en beschermende factoren");
    expect(answer.text).not.toContain("onveilige en beschermende factoren");
  });

  it("quotes a sentence that runs into the list under it without a stop together with that list", () => {
    const text = "Dat vraagt veel. Om samen te werken is het van belang om inzicht te krijgen in\n- A. Maatschappelijke belangen\n- B. Gemeenschappelijke belangen\n\nLosse andere tekst over iets anders hier.";
    const answer = answerTo("van welke belangen moet je inzicht krijgen om samen te werken", [passage("a", text)]);
    expect(answer.text).toBe("“Om samen te werken is het van belang om inzicht te krijgen in”\n- A. Maatschappelijke belangen\n- B. Gemeenschappelijke belangen [1]");
  });

  it("never quotes a footnote that names a source, and still quotes one that explains", () => {
    const text = readableText(
      "De lokale teams werken aan veiligheid in het gezin met een vast plan.\n\n<sup>5</sup> VNG: Werken aan Veiligheid voor lokale (wijk)teams en gemeenten, december 2019\n\n<sup>6</sup> Met lokale teams bedoelen we ook de wijkteams.",
    );
    const answer = answerTo("wat doen lokale teams aan veiligheid voor wijkteams en gemeenten?", [passage("a", text)]);
    expect(answer.text).not.toContain("VNG: Werken aan Veiligheid");
    expect(answer.text).toContain("De lokale teams werken aan veiligheid");
    expect(answerTo("wat bedoelen ze met lokale teams en wijkteams?", [passage("a", text)]).text).toContain("Met lokale teams bedoelen we ook de wijkteams.");
  });

  it("does not let an item inherit the score of the last item of another list (a numbered list broken up on a slide)", () => {
    // New-user try: item 4 led on item 3's words, as a list that "began at 4".
    const text = "Wat moeten we organiseren?\n\n1. Trainen van verwijzers in de analyse.\n2. Organiseren inzet kennis voor een spoedberaad.\n\n-\n- 3. Versnelde inzet van kennis na een spoedberaad.\n- 4. Monitoring inrichten.";
    const answer = answerTo("organiseren spoedberaad inzet kennis", [passage("a", text)]);
    expect(answer.text).toMatch(/^“?2\. Organiseren inzet kennis voor een spoedberaad\./);
  });

  it("does not add a question the document asks after the sentence that answers it", () => {
    // New-user try: "‘Hoe zorgen we ervoor …?’" came as a second quote under its own answer.
    const text = "‘Hoe zorgen we ervoor dat kinderen niet in de gesloten jeugdzorg belanden?’\n\nIn de gesloten jeugdzorg zitten kinderen met zeer complexe problematiek. Daar wordt hard aan gewerkt.";
    const answer = answerTo("welke kinderen zitten in de gesloten jeugdzorg", [passage("a", text)]);
    expect(answer.text).toContain("zeer complexe problematiek");
    expect(answer.text).not.toContain("Hoe zorgen we ervoor");
  });

  it("adds a quote from another passage only for question words the first leaves out", () => {
    const passages = [
      passage("a", "Een spoedberaad vindt plaats binnen twee werkdagen na de aanmelding bij het Servicepunt.\n\nVerder niets van belang hier."),
      passage("b", "De gemeente betaalt het spoedberaad uit het regionale budget."),
    ];
    const both = extractiveAnswer(passages, wordsScorer("wanneer vindt een spoedberaad plaats en wie betaalt het"), undefined, DEFAULT_EXTRACTIVE, "wanneer vindt een spoedberaad plaats en wie betaalt het");
    expect(both.text).toBe("“Een spoedberaad vindt plaats binnen twee werkdagen na de aanmelding bij het Servicepunt.” [1]\n“De gemeente betaalt het spoedberaad uit het regionale budget.” [2]");
    const one = extractiveAnswer(passages, wordsScorer("wanneer vindt een spoedberaad plaats"));
    expect(one.text).toBe("“Een spoedberaad vindt plaats binnen twee werkdagen na de aanmelding bij het Servicepunt.” [1]");
  });

  it("adds no second quote for a two-part question that the first quote answers whole", () => {
    const question = "vindt een spoedberaad plaats? en wie betaalt het spoedberaad?";
    const passages = [passage("a", "Een spoedberaad vindt plaats binnen twee dagen en de gemeente betaalt het."), passage("b", "Het spoedberaad is een overleg waar de gemeente bij aanschuift.")];
    expect(answerTo(question, passages).text).toBe("“Een spoedberaad vindt plaats binnen twee dagen en de gemeente betaalt het.” [1]");
  });

  it("leads a how-many answer with the one item of a list that holds the figure, under its lead-in", () => {
    const question = "hoe groot mogen de kleinschalige woonvormen worden";
    const text = "Ontwikkelen van kleinschalige woonvormen:\n\n- Veiligheid en behandeling zijn de maat\n- Maximaal 4 tot 6 personen, met een eigen mentor\n- Onderzoek naar alternatieven";
    // As the service checks the kind: a figure, read with words of the question (here from the lead-in).
    const hasType = (sentence: string) => /\d/.test(sentence) && /woonvorm/i.test(sentence);
    const answer = extractiveAnswer([passage("a", text)], wordsScorer(question), hasType, DEFAULT_EXTRACTIVE, question);
    expect(answer.text).toBe("“Ontwikkelen van kleinschalige woonvormen:”\n- Maximaal 4 tot 6 personen, met een eigen mentor [1]");
    // Without a kind asked, the list is quoted whole, in its order.
    expect(answerTo(question, [passage("a", text)]).text).toContain("Veiligheid en behandeling zijn de maat\n- Maximaal 4 tot 6");
  });

  it("adds no line from another document that holds only one of the question's words, however rare", () => {
    // Scored by its three words: the lead holds two, the other line the third.
    const question = "gebeurd? machtiging aangevraagd";
    const lead = passage("a", "Eerst een analyse, dan een consult, dan is de machtiging aangevraagd.");
    const oneWord = answerTo(question, [lead, passage("b", "En dat gebeurde alle keren daarna ook.")]);
    expect(oneWord.text).not.toContain("gebeurde");
    const twoWords = answerTo(question, [lead, passage("b", "Er moet een gesprek gebeurd zijn voor de machtiging.")]);
    expect(twoWords.text).toContain("gesprek gebeurd");
  });

  it("answers a later part that points back at the first from the lead's document, not from another that shares its words", () => {
    const question = "in hoeveel conflicten heeft het ozj bemiddeld? en waar gaan die meestal over";
    const lead = passage("a", "Het OZJ heeft in 35 conflicten bemiddeld. Meestal gaat het over tarieven.");
    const elsewhere = passage("b", "Waar jongeren over praten gaat meestal over school.");
    const pointing = { ...DEFAULT_EXTRACTIVE, laterPointsBack: true };
    const answer = extractiveAnswer([lead, elsewhere], wordsScorer(question), undefined, pointing, question);
    expect(answer.text).toContain("35 conflicten");
    expect(answer.text).not.toContain("school");
    // A later part that asks something of its own may be answered by another document.
    expect(answerTo("in hoeveel conflicten heeft het ozj bemiddeld? en waar praten jongeren meestal over", [lead, elsewhere]).text).toContain("school");
  });

  it("adds a quote from a document not yet quoted only when it adds a fair share of the question, not one common word", () => {
    const question = "wanneer vindt een spoedberaad plaats met ouders jongere gemeente";
    const lead = passage("a", "Een spoedberaad vindt plaats binnen twee werkdagen.");
    const oneWord = extractiveAnswer([lead, passage("b", "De gemeente betaalt dit uit haar budget.")], wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    expect(oneWord.text).toBe("“Een spoedberaad vindt plaats binnen twee werkdagen.” [1]");
    const twoWords = extractiveAnswer([lead, passage("b", "Ouders en jongere zijn er altijd bij.")], wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    expect(twoWords.text).toBe("“Een spoedberaad vindt plaats binnen twee werkdagen.” [1]\n“Ouders en jongere zijn er altijd bij.” [2]");
  });

  it("counts only the weightier question words a sentence from another document adds, not light ones like 'zien'", () => {
    const question = "wat brachten ervaringsdeskundigen in over groepsgrootte eruit zien";
    const words = ["brachten", "ervaringsdeskundigen", "groepsgrootte", "eruit", "zien"];
    const weights = [0.6, 1.6, 1.8, 0.5, 0.5];
    const covered = (text: string) => words.map((w) => text.toLowerCase().includes(w));
    const scorer: QuestionScorer = {
      score: (text) => covered(text).reduce((sum, has, g) => sum + (has ? weights[g]! : 0), 0) / 5,
      covered,
      weights,
    };
    const lead = passage("a", "Ervaringsdeskundigen brachten veel in tijdens het gesprek.");
    const light = extractiveAnswer([lead, passage("b", "Zo kan het er in de toekomst eruit zien volgens de regio.")], scorer, undefined, DEFAULT_EXTRACTIVE, question);
    expect(light.text).toBe("“Ervaringsdeskundigen brachten veel in tijdens het gesprek.” [1]");
    // The line holds two of the question's words itself (see the test on one shared word); it adds one.
    const fuller = passage("a", "Ervaringsdeskundigen brachten veel in over hoe het eruit moet zien.");
    const weighty = extractiveAnswer([fuller, passage("b", "De groepsgrootte kwam steeds terug, zien we.")], scorer, undefined, DEFAULT_EXTRACTIVE, question);
    expect(weighty.text).toBe("“Ervaringsdeskundigen brachten veel in over hoe het eruit moet zien.” [1]\n“De groepsgrootte kwam steeds terug, zien we.” [2]");
  });

  it("starts a long lead-in at the first word the question asks about, keeping every question word it holds", () => {
    const question = "welke leidende principes heeft het bestuur vastgesteld";
    const leadIn = "De ambitie om de hulp in de wijken dichtbij en op maat te organiseren sluit naadloos aan bij de leidende principes die het bestuur, samen met de aanbieders in de regio, heeft vastgesteld:";
    const answer = answerTo(question, [passage("a", `${leadIn}\n\n- Kinderen groeien thuis op.\n- We doen wat helpt.`)]);
    expect(answer.text).toBe("“… leidende principes die het bestuur, samen met de aanbieders in de regio, heeft vastgesteld:”\n- Kinderen groeien thuis op.\n- We doen wat helpt. [1]");
    const short = answerTo(question, [passage("a", "Het bestuur heeft deze leidende principes vastgesteld:\n\n- Kinderen groeien thuis op.\n- We doen wat helpt.")]);
    expect(short.text.startsWith("“Het bestuur heeft deze leidende principes vastgesteld:”")).toBe(true);
  });

  it("does not let prose after a list inherit the last item's score: the item that answers leads", () => {
    const text = "Daar spreken we het volgende af:\n\n- bij vrijwillige hulp ligt de regie bij het wijkteam\n- bij ondertoezichtstelling ligt de casusregie bij de GI\n\nDe betrokkenheid van de GI betekent niet dat de casusregie van het wijkteam ophoudt.";
    const answer = answerTo("casusregie bij ondertoezichtstelling wijkteam", [passage("a", text)]);
    expect(answer.text.startsWith("“Daar spreken we het volgende af:”\n- bij ondertoezichtstelling ligt de casusregie bij de GI")).toBe(true);
  });

  it("reads a line that trails off ('...') as the lead-in of the list under it, and never quotes it bare", () => {
    const question = "wat moet ik anders doen volgens de nieuwe werkwijze";
    const listed = answerTo(question, [passage("a", "Als we volgens de nieuwe werkwijze werken, moet ik het volgende anders doen...\n\n- Eerder hulp vragen\n- Consulteren servicepunt")]);
    expect(listed.text).toBe("“Als we volgens de nieuwe werkwijze werken, moet ik het volgende anders doen...”\n- Eerder hulp vragen\n- Consulteren servicepunt [1]");
    const bare = answerTo(question, [passage("a", "De nieuwe werkwijze vraagt dat ik anders ga werken met de keten. Als we volgens de nieuwe werkwijze werken, moet ik het volgende anders doen...")]);
    expect(bare.text).toBe("“De nieuwe werkwijze vraagt dat ik anders ga werken met de keten.” [1]");
  });

  it("fills the budget only with a sentence that holds a question word its headings and document name do not", () => {
    const question = "wanneer vindt spoedberaad plaats werkwijze";
    const text = "Een spoedberaad vindt binnen twee werkdagen na de aanmelding bij het Servicepunt plaats.\n\nDe werkwijze is in 2020 door het bestuur vastgesteld.";
    const answer = extractiveAnswer([passage("a", text, 0.8, ["1 Werkwijze"])], wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    expect(answer.text).toBe("“Een spoedberaad vindt binnen twee werkdagen na de aanmelding bij het Servicepunt plaats.” [1]");
  });

  it("with a short answer and nothing else to add, reads on in the paragraph of the last quote, not into the next paragraph", () => {
    const question = "hoe financieren ze maatwerk uit verschillende stelsels";
    const text = [
      "Het is ingewikkeld om maatwerk te financieren, omdat de hulp uit verschillende stelsels komt. We denken aan een vouchersysteem of een soort scharrelruimte.",
      "Een nieuwe alinea over iets anders.",
    ].join("\n\n");
    const answer = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    expect(answer.text).toBe("“Het is ingewikkeld om maatwerk te financieren, omdat de hulp uit verschillende stelsels komt. We denken aan een vouchersysteem of een soort scharrelruimte.” [1]");
    const tight = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, wordBudget: 16 }, question);
    expect(tight.text).toBe("“Het is ingewikkeld om maatwerk te financieren, omdat de hulp uit verschillende stelsels komt.” [1]");
    // An answer that already says a fair amount does not read on (a very short next sentence, which
    // finishes it, aside).
    const long = `Het is ingewikkeld om maatwerk te financieren, omdat de hulp uit verschillende stelsels komt, ${"en dat geldt voor veel jongeren in veel regio's ".repeat(5).trim()}.`;
    const longAnswer = extractiveAnswer([passage("a", `${long} We denken aan een vouchersysteem of een soort scharrelruimte voor elke regio.`)], wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    expect(longAnswer.text).not.toContain("vouchersysteem");
  });

  it("never adds a footnote as a further quote, even for a question word nothing else holds", () => {
    const text = "Wij ondersteunen huisartsen met een vast aanspreekpunt in elke wijk van de regio.\n\n¹ AEF, Samenvatting: Grip op de kosten voor jeugdzorg, 2019 - Rotterdam";
    const answer = answerTo("hoe ondersteunen jullie huisartsen in rotterdam", [passage("a", text)]);
    expect(answer.text).toBe("“Wij ondersteunen huisartsen met een vast aanspreekpunt in elke wijk van de regio.” [1]");
  });

  it("fills the word budget with the next-best sentences, never past it", () => {
    const filler = (i: number) => `Over het spoedberaad valt nog iets te zeggen, punt ${i} van een lange reeks zinnen met woorden.`;
    const text = ["Een spoedberaad vindt plaats binnen twee werkdagen na de aanmelding.", ...[1, 2, 3, 4, 5].map(filler)].join(" ");
    const question = "wanneer vindt een spoedberaad plaats";
    const roomy = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, wordBudget: 70 }, question);
    const tight = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, wordBudget: 20 }, question);
    const words = (t: string) => t.split(/\s+/).length;
    expect(tight.text).toBe("“Een spoedberaad vindt plaats binnen twee werkdagen na de aanmelding.” [1]");
    expect(roomy.text.startsWith("“Een spoedberaad vindt plaats binnen twee werkdagen")).toBe(true);
    expect(roomy.quoted.length).toBeGreaterThan(1);
    expect(words(roomy.text)).toBeLessThanOrEqual(70);
  });

  it("adds no fragment of a contact block (a line ending in a comma, an e-mail address) as a further quote", () => {
    const question = "wat doet het servicepunt bij een spoedberaad en wie is contactpersoon";
    const answer = answerTo(
      question,
      [
        passage("a", "Het Servicepunt plant een spoedberaad binnen twee werkdagen na de aanmelding."),
        passage("b", "Jan Voorbeeld (Servicepunt spoedberaad contactpersoon),\n\nservicepunt.contactpersoon@voorbeeld.nl\n\nDe contactpersoon van het Servicepunt beantwoordt vragen over het spoedberaad."),
      ],
    );
    expect(answer.text).toContain("De contactpersoon van het Servicepunt beantwoordt vragen");
    expect(answer.text).not.toContain("Jan Voorbeeld");
    expect(answer.text).not.toContain("@");
  });

  it("shows the same words once, also when a table or another passage repeats them", () => {
    const question = "wat doet het expertteam bij de doorontwikkeling";
    const repeated = "Het expertteam ondersteunt de doorontwikkeling van regionale teams.";
    const answer = answerTo(
      question,
      [passage("a", `${repeated}\n\nHet expertteam plant een werksessie over de doorontwikkeling.`), passage("b", `${repeated}\n\nDaarna volgt iets anders.`)],
    );
    expect(answer.text.split(repeated).length - 1).toBe(1);
    expect(answer.text).toContain("werksessie");
  });

  it("shows the same words once when one copy ends in a full stop and the other (a table cell) does not", () => {
    const text = "We zetten in op de volgende doelen:\n- A Pleegzorg standaard verlengen naar 21 jaar.\n- B Jongeren begeleiden naar volwassenheid.\n\nA Pleegzorg standaard verlengen naar 21 jaar";
    const answer = answerTo("zit pleegzorg tot 21 jaar in de doelen", [passage("a", text)]);
    expect(answer.text.split("A Pleegzorg standaard verlengen naar 21 jaar").length - 1).toBe(1);
  });

  it("fills the word budget only from documents already quoted", () => {
    const question = "wanneer vindt een spoedberaad plaats";
    const answer = answerTo(
      question,
      [
        passage("a", "Een spoedberaad vindt plaats binnen twee werkdagen na de aanmelding."),
        passage("b", "In een ander document vindt de jaarlijkse evaluatie plaats in het voorjaar."),
      ],
    );
    expect(answer.text).toBe("“Een spoedberaad vindt plaats binnen twee werkdagen na de aanmelding.” [1]");
  });

  it("ranks the sentence after the one that names the question as a possible answer", () => {
    const text = "Alle mede-eigenaren van dit actieplan zijn samen verenigd in de landelijke regiegroep. Het betreft bestuurders, professionals en jeugdigen. Losse zin.";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer("wie zitten in de regiegroep"));
    expect(answer.ranking).toEqual([
      "Alle mede-eigenaren van dit actieplan zijn samen verenigd in de landelijke regiegroep.",
      "Het betreft bestuurders, professionals en jeugdigen.",
    ]);
  });

  it("quotes a list whole with its lead-in, the item that answers right under the lead-in", () => {
    const text = "Casusregie kent vier stappen:\n- Stap 1 vraaganalyse\n- Stap 2 het resultaat en de evaluatie\n- Stap 3 de middelen\n\nLosse andere tekst over iets anders hier.";
    const whole = extractiveAnswer([passage("a", text)], wordsScorer("welke stappen kent casusregie"));
    expect(whole.text).toBe("“Casusregie kent vier stappen:”\n- Stap 1 vraaganalyse\n- Stap 2 het resultaat en de evaluatie\n- Stap 3 de middelen [1]");
    const item = extractiveAnswer([passage("a", text)], wordsScorer("wat is het resultaat en de evaluatie in de wijk"));
    // A step that says its number leads as a numbered item does: the rest is marked as the rest.
    expect(item.text).toBe("“Casusregie kent vier stappen:”\n- Stap 2 het resultaat en de evaluatie\nVerder in deze lijst:\n- Stap 1 vraaganalyse\n- Stap 3 de middelen [1]");
    // An item that holds the whole question stands alone under its lead-in: the rest is padding.
    const complete = extractiveAnswer([passage("a", text)], wordsScorer("wat is het resultaat en de evaluatie"));
    expect(complete.text).toBe("“Casusregie kent vier stappen:”\n- Stap 2 het resultaat en de evaluatie [1]");
  });

  it("shows the item that answers also when it stands past the first items a long list shows", () => {
    const cells = Array.from({ length: 16 }, (_, i) => `- Knelpunt nummer ${i + 1} in de praktijk`);
    cells[14] = "- Te laat een verklarende analyse";
    const text = `Genoemde knelpunten:\n${cells.join("\n")}`;
    const answer = extractiveAnswer([passage("a", text)], wordsScorer("wanneer komt de verklarende analyse"));
    expect(answer.text).toContain("- Te laat een verklarende analyse");
    expect(answer.text.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(DEFAULT_EXTRACTIVE.maxListItems);
  });

  it("quotes only the item with the figure asked for, under its lead-in, when the question asks one thing", () => {
    const text = "Geconstateerd wordt dat:\n- circa 70% van de jongeren komt met een spoedmachtiging binnen;\n- opschaling te laat gebeurt;\n- ambulante hulp te weinig wordt ingezet.\n\nLosse andere tekst over iets anders hier.";
    const hasFigure = (s: string) => /\d+%/.test(s);
    const question = "hoeveel jongeren komen met een spoedmachtiging binnen";
    const one = extractiveAnswer([passage("a", text)], wordsScorer(question), hasFigure, DEFAULT_EXTRACTIVE, question);
    expect(one.text).toBe("“Geconstateerd wordt dat:”\n- circa 70% van de jongeren komt met een spoedmachtiging binnen; [1]");
    // Two questions in one message: the other items may answer the second, so the list stays whole.
    const two = `${question}, en wat gebeurt er te laat`;
    const both = extractiveAnswer([passage("a", text)], wordsScorer(two), hasFigure, DEFAULT_EXTRACTIVE, two);
    expect(both.text).toContain("- opschaling te laat gebeurt;");
    // Without a kind of answer to check, the item leads its whole list.
    const untyped = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    expect(untyped.text).toContain("- ambulante hulp te weinig wordt ingezet.");
  });

  it("adds no numbered title in the text as a further quote ('3. Organisatie en aansturing')", () => {
    const question = "wat was de aanleiding voor de bijeenkomst over organisatie";
    const text = "Een journalist was de aanleiding voor de bijeenkomst.\n\n3. Organisatie en aansturing\n\nDe organisatie van de bijeenkomst lag bij de sector zelf.";
    const answer = answerTo(question, [passage("a", text)]);
    expect(answer.text).toContain("De organisatie van de bijeenkomst lag bij de sector zelf.");
    expect(answer.text).not.toContain("Organisatie en aansturing");
  });

  it("adds no caption (a short line without a sentence's end or a figure) as a further quote", () => {
    const question = "welke partijen zijn in de stuurgroep transformatie vertegenwoordigd";
    const text = "In de stuurgroep transformatie zijn partijen als gemeenten en aanbieders vertegenwoordigd.\n\nVoorzitter van de stuurgroep transformatie";
    const answer = answerTo(question, [passage("a", text)]);
    expect(answer.text).toBe("“In de stuurgroep transformatie zijn partijen als gemeenten en aanbieders vertegenwoordigd.” [1]");
    // A title line with a date under it can answer: it is no caption.
    const dated = "In de stuurgroep transformatie zijn partijen als gemeenten en aanbieders vertegenwoordigd.\n\nVoorzitter van de stuurgroep transformatie\n\n30 november 2020";
    expect(answerTo(question, [passage("a", dated)]).text).toContain("Voorzitter van de stuurgroep transformatie");
  });

  it("never answers with a caption, also not as the first quote: a word-cloud cell says nothing on its own", () => {
    const question = "wie beslist over een voorlopige machtiging";
    // A slide of loose cells; one shares two words with the question ("Voorlopige machtiging als norm").
    const slide = "Meer evaluatiemomenten\n\nVoorlopige machtiging als norm\n\nDurfen vertragen\n\nFocus netwerk jongere";
    const prose = "Een groot deel van de jongeren wordt met een machtiging geplaatst.";
    const answer = answerTo(question, [passage("a", slide), passage("b", prose)]);
    expect(answer.text).not.toContain("Voorlopige machtiging als norm");
    expect(answer.text).toContain(prose);
  });

  it("keeps a list in its order when its heading already holds what the item matched", () => {
    const text = "- Analyse opstellen\n- Consultvraag stellen bij het servicepunt\n- Aanvraag machtiging";
    const steps = extractiveAnswer([passage("a", text, 0.8, ["Route aanvraag machtiging"])], wordsScorer("welke stappen bij aanvraag machtiging"));
    expect(steps.text).toBe("Route aanvraag machtiging:\n- Analyse opstellen\n- Consultvraag stellen bij het servicepunt\n- Aanvraag machtiging [1]");
  });

  it("keeps a list in order when the item holds a question word only as part of a word, and its title holds the rest", () => {
    const text = "Werkwijze aanvraag machtiging\n\n- Analyse opstellen\n- Tijdige ambulante hulp ingezet\n- Aanvraag machtiging";
    // "jeugdhulp" as typed, and its part "hulp" (as a compound split gives it).
    const partly = (text: string) => [/machtiging/i.test(text), /hulp/i.test(text)];
    const asTyped = (text: string) => [/machtiging/i.test(text), /jeugdhulp/i.test(text)];
    const scorer: QuestionScorer = { score: (t) => (partly(t)[0] ? 1 : 0) + (partly(t)[1] ? 2 : 0), covered: partly, coveredAsTyped: asTyped, weights: [1, 1] };
    const answer = extractiveAnswer([passage("a", text)], scorer);
    expect(answer.text.split("\n").slice(0, 3)).toEqual(["- Analyse opstellen", "- Tijdige ambulante hulp ingezet", "- Aanvraag machtiging [1]"]);
    // Without the words as typed, the part alone moves the item up.
    const moved = extractiveAnswer([passage("a", text)], { ...scorer, coveredAsTyped: undefined });
    expect(moved.text.split("\n")[0]).toBe("- Tijdige ambulante hulp ingezet");
  });

  it("passes over a best line whose quote would show nothing (a lone item that only announces) instead of failing", () => {
    const text = "Een zin over iets anders.\n\n- Het spoedberaad met ouders regelt het volgende:\n\nNog een zin over het weer.";
    const lone = answerTo("wat regelt een spoedberaad met ouders", [passage("a", text)]);
    expect(lone.text).toBe("");
    // With a line that can be quoted, that line answers.
    const other = answerTo("wat regelt een spoedberaad met ouders", [passage("a", text), passage("b", "Een spoedberaad met ouders regelt de plaatsing.")]);
    expect(other.text).toBe("“Een spoedberaad met ouders regelt de plaatsing.” [2]");
  });

  it("shows a numbered item with its number when it leads, and marks the rest of its list as the rest", () => {
    const text = "Acties voor de komende periode:\n1. Opstellen van een plan\n2. Trainen van verwijzers in de analyse\n3. Organiseren van de inzet\n\nLosse andere tekst over iets anders hier.";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer("hoe trainen ze verwijzers in de regio"));
    expect(answer.text).toBe(
      "“Acties voor de komende periode:”\n2. Trainen van verwijzers in de analyse\nVerder in deze lijst:\n1. Opstellen van een plan\n3. Organiseren van de inzet [1]",
    );
    // An item that holds all of a one-part question stands alone under its lead-in.
    const whole = answerTo("hoe trainen ze verwijzers in de analyse", [passage("a", text)]);
    expect(whole.text).toBe("“Acties voor de komende periode:”\n2. Trainen van verwijzers in de analyse [1]");
    // Not an item that introduces items of its own.
    const themes = "Mijlpalen:\n- Start van de leerkringen. De vijf thema's zijn:\n- Samenwerken\n- Bindende afspraken\n\nLosse andere tekst over iets anders hier.";
    expect(answerTo("welke thema's hebben de leerkringen", [passage("a", themes)]).text).toContain("Bindende afspraken");
    // A list in its own order needs no such line.
    const inOrder = extractiveAnswer([passage("a", text)], wordsScorer("welke acties voor de komende periode"));
    expect(inOrder.text).not.toContain("Verder in deze lijst");
    // Steps that say their number ("Stap 4 – …") keep their order after the one that answers, as
    // numbered items do (new-user try: "Stap 4, Stap 2, Stap 3, Stap 1").
    const steps = "De aanpak kent vier stappen:\n- Stap 1 – Vraaganalyse: wat is er aan de hand?\n- Stap 2 – Het resultaat: wat moet bereikt worden?\n- Stap 3 – De middelen: wat is nodig om het resultaat te bereiken?\n- Stap 4 – Toetsing: is het gewenste resultaat bereikt?\n\nLosse andere tekst over iets anders hier.";
    const stepped = extractiveAnswer([passage("a", steps)], wordsScorer("hoe toetsen ze of het gewenste resultaat bereikt is"));
    expect(stepped.text.split("\n").slice(1).map((line) => line.slice(0, 8))).toEqual(["- Stap 4", "Verder i", "- Stap 1", "- Stap 2", "- Stap 3"]);
  });

  it("lets a line in another document that only cites the named document's title lead last", () => {
    const question = "wat is de kernvraag van het actieplan passende zorg";
    const citing = { ...passage("a", "D Actieplan: De best passende zorg voor kwetsbare jongeren."), coverage: 0.9 };
    const plan = passage("b", "De kernvraag is hoe jongeren eerder passende zorg krijgen.");
    const scorer = wordsScorer(question);
    const namedDocument = { id: plan.chunk.documentId, words: scorer.covered!("De best passende zorg voor kwetsbare jongeren\nactieplan") };
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false };
    expect(extractiveAnswer([citing, plan], scorer, undefined, { ...options, namedDocument }, question).text.split("\n")[0]).toBe("“De kernvraag is hoe jongeren eerder passende zorg krijgen.” [2]");
    // Without a named document the citing line, first in the ranking, leads.
    expect(extractiveAnswer([citing, plan], scorer, undefined, options, question).text.split("\n")[0]).toContain("D Actieplan");
  });

  it("quotes a short sentence that finishes the quote in its paragraph with it, not one in the next paragraph", () => {
    const text = "Door een app te gebruiken weet de huisarts waar een kind snel terecht kan voor jeugdhulp. Dankzij de Beschikbaarheidswijzer. Verder werkt de regio aan een nieuwe werkwijze.";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer("welke app gebruikt de huisarts"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
    expect(answer.text).toBe("“Door een app te gebruiken weet de huisarts waar een kind snel terecht kan voor jeugdhulp. Dankzij de Beschikbaarheidswijzer.” [1]");
    const apart = "Door een app te gebruiken weet de huisarts waar een kind snel terecht kan voor jeugdhulp.\n\nHet werkt in de hele regio.";
    expect(extractiveAnswer([passage("b", apart)], wordsScorer("welke app gebruikt de huisarts"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }).text).not.toContain("Het werkt");
  });

  it("quotes a fragment of a few words that ends the paragraph right after a quote of two sentences with it", () => {
    const text =
      "Door een app te gebruiken weet de huisarts waar een kind snel terecht kan voor jeugdhulp. Een utopie? Niet vanaf juni 2019 in de regio's Eemland en Lekstroom, waar het al lang werkt. Dankzij de Beschikbaarheidswijzer.\n\nVerder werkt de regio aan een nieuwe werkwijze.";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer("bestaat er een app voor de huisarts"));
    expect(answer.text).toContain("Dankzij de Beschikbaarheidswijzer.");
    expect(answer.text).not.toContain("Verder werkt");
  });

  it("leads a how-question with the line that names the means, not the one that only repeats its words", () => {
    const text =
      "De regio ondersteunt huisartsen bijvoorbeeld via een praktijkondersteuner jeugd.\n\nHuisartsen verwijzen veel kinderen door naar de jeugdhulp in de regio.";
    const how = extractiveAnswer([passage("a", text)], wordsScorer("hoe ondersteunt de regio huisartsen bij het doorverwijzen van kinderen"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, "hoe ondersteunt de regio huisartsen bij het doorverwijzen van kinderen?");
    expect(how.text.split("\n")[0]).toContain("praktijkondersteuner");
    // Asked what, not how, the line with more of the question's words leads.
    const what = extractiveAnswer([passage("a", text)], wordsScorer("welke regio ondersteunt huisartsen bij het doorverwijzen van kinderen"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, "welke regio ondersteunt huisartsen bij het doorverwijzen van kinderen?");
    expect(what.text.split("\n")[0]).toContain("verwijzen veel kinderen");
  });

  it("leads a why-question with the line that gives a reason, not the one that only repeats its words", () => {
    const text = "Iedereen in de regio kan het plan lezen op de website.\n\nHet plan werkt immers alleen als iedereen het steunt.";
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false };
    const why = "waarom moet iedereen in de regio het plan kunnen lezen";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(why), undefined, options, `${why}?`).text).toMatch(/^“Het plan werkt immers/);
    // What something leads to answers why it is so (dev set g: "Verschillende CAO's leidt tot … een
    // lager salarisniveau" answers why staff is hard to keep).
    const leadsTo = "Groepsleiders ervaren veel werkdruk, wat het werk lastig maakt.\n\nEen lager salaris leidt ertoe dat ervaren groepsleiders vertrekken.";
    const keep = "waarom is het lastig om ervaren groepsleiders te houden";
    expect(extractiveAnswer([passage("a", leadsTo)], wordsScorer(keep), undefined, options, `${keep}?`).text).toMatch(/^“Een lager salaris leidt ertoe/);
    // Asked where, not why, the line with more of the question's words leads.
    const where = "waar kan iedereen in de regio het plan lezen";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(where), undefined, options, `${where}?`).text).toMatch(/^“Iedereen in de regio/);
  });

  it("leads a 'wat doet X?' question with the lead-in that announces X's functions, with its list", () => {
    // New-user try: "wat doet het expertiseteam in rijnmond?" got the line on how it looks at things.
    const text = "Het regionale expertiseteam kijkt met een brede blik naar de casus.\n\nHet regionale expertiseteam heeft de volgende functies:\n\n- Achtervang en klankbord bij complexe gevallen.\n- Zicht op de capaciteit.";
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false };
    const does = "wat doet het regionale expertiseteam bij een casus";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(does), undefined, options, `${does}?`).text).toMatch(/^“Het regionale expertiseteam heeft de volgende functies:”\n- Achtervang/);
    // Asked how it looks, the line that says so leads.
    const looks = "hoe kijkt het regionale expertiseteam naar de casus";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(looks), undefined, options, `${looks}?`).text).toMatch(/^“Het regionale expertiseteam kijkt/);
  });

  it("leads a 'wanneer' question that asks for a condition with the line that states one", () => {
    const text =
      "De regio werkt aan het terugdringen van schadelijke wachttijden in de jeugdhulp.\n\nWachttijden zijn schadelijk als het welzijn van kinderen onder druk komt.";
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false };
    const when = "wanneer noem je wachttijden in de jeugdhulp schadelijk";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(when), undefined, options, `${when}?`).text).toMatch(/^“Wachttijden zijn schadelijk als/);
    // "als" meaning "as" is no condition.
    const asLike = "De regio werkt aan het terugdringen van schadelijke wachttijden in de jeugdhulp.\n\nWachttijden zijn schadelijk, zo zien ze het als een probleem.";
    expect(extractiveAnswer([passage("a", asLike)], wordsScorer(when), undefined, options, `${when}?`).text).toMatch(/^“De regio werkt/);
    // Asked where, not when, the line with more of the question's words leads.
    const where = "waar werkt de regio aan schadelijke wachttijden in de jeugdhulp";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(where), undefined, options, `${where}?`).text).toMatch(/^“De regio werkt/);
  });

  it("leads a 'wanneer' question that asks for no date in so many words with the line that has one", () => {
    const text =
      "Belangrijkste mijlpalen:\n\n- Start van het project vereenvoudiging van de productcodes in de jeugdzorg\n\nVervolgstappen:\n\n- Voornemen is de vereenvoudiging van de productcodes in de jeugdzorg vast te leggen, streefdatum 1 januari 2022";
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false };
    const when = "wanneer komt de vereenvoudiging van de productcodes in de jeugdzorg";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(when), undefined, options, `${when}?`).text).toMatch(/^“Vervolgstappen:”\n- Voornemen/);
    // Asked what the project is, the line with more of the question's words leads.
    const what = "wat is het project vereenvoudiging van de productcodes in de jeugdzorg";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(what), undefined, options, `${what}?`).text).toMatch(/^“Belangrijkste mijlpalen:”\n- Start/);
  });

  it("counts the kind asked for in the list that answers a question the document asks ('Meer weten? Neem contact op met:')", () => {
    const topic = passage("a", "Het plan verbetert de jeugdzorg van onderaf, met professionals uit de praktijk.");
    const contact = passage("b", "Meer weten over het verbeteren van de jeugdzorg? Neem contact op met:\n\nMinisterie\n\ninfo@voorbeeld.nl", 0.6, ["Ter inspiratie"]);
    const question = "waar kan ik terecht voor meer informatie over het verbeteren van de jeugdzorg?";
    const hasEmail = (text: string) => /@/.test(text) && /jeugdzorg/i.test(text);
    const answer = extractiveAnswer([topic, contact], wordsScorer(question), hasEmail, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, question);
    expect(answer.hasExpectedType).toBe(true);
    expect(answer.text.split("\n")[0]).toBe("“Meer weten over het verbeteren van de jeugdzorg? Neem contact op met:”");
    expect(answer.text).toContain("- info@voorbeeld.nl [2]");
  });

  it("quotes a line once, also when it stands again with other punctuation or spacing", () => {
    const first = passage("a", "A Informatievoorziening over de jeugdhulp verbeteren via het Juiste Loket.");
    const second = passage("b", "A Informatie -voorziening over de jeugdhulp verbeteren via het Juiste Loket", 0.8, ["Doelen"]);
    const question = "hoe gaan ze de informatie over de jeugdhulp verbeteren?";
    const answer = extractiveAnswer([first, second], wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    expect(answer.text.match(/Juiste Loket/g)?.length).toBe(1);
  });

  it("leads a question that is only a condition ('… ? en als er geen …?') with the line that states one", () => {
    const text = "Pleegzorg heeft de voorkeur: het pleeggezin houdt de band met school en buurt in stand.\n\nAls er geen pleeggezinnen in de buurt zijn, vormen gezinshuizen een alternatief.";
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false };
    const followUp = "welke pleegzorg heeft de voorkeur? en als er geen pleeggezin in de buurt is?";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(followUp), undefined, options, followUp).text).toMatch(/^“Als er geen pleeggezinnen/);
    // A condition with a question after it asks that question.
    const asks = "als er pleegzorg is in de buurt, wat houdt dan de band met school in stand?";
    expect(extractiveAnswer([passage("a", text)], wordsScorer(asks), undefined, options, asks).text).toMatch(/^“Pleegzorg heeft de voorkeur/);
  });

  it("does not lead with a case story's line unless the question asks about that story", () => {
    const story = passage("a", "Sanne wordt met spoed geplaatst; groepsleiders verdienen minder vertrouwen in de gesloten groep.", 0.9, ["Casus"]);
    const policy = passage("b", "Groepsleiders in de gesloten jeugdhulp verdienen minder door de cao.", 0.8, ["5.3 Vakmanschap"]);
    const question = "waarom verdienen groepsleiders in de gesloten jeugdhulp minder met spoed";
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false };
    expect(extractiveAnswer([story, policy], wordsScorer(question), undefined, options, `${question}?`).text.split("\n")[0]).toContain("door de cao");
    // Named in the question, the story's person makes the story what is asked about.
    const aboutSanne = "waarom verdienen groepsleiders van Sanne minder in de gesloten jeugdhulp";
    expect(extractiveAnswer([story, policy], wordsScorer(aboutSanne), undefined, options, `${aboutSanne}?`).text.split("\n")[0]).toContain("Sanne wordt");
  });

  it("nests quotation marks inside a quote as single ones", () => {
    const text = "“Opeens werd ik opgehaald door de politie. Zonder spullen werd ik meegenomen.” Dat vertelt een jongere.";
    const question = "wanneer werd de jongere opgehaald door de politie";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, `${question}?`);
    expect(answer.text).toMatch(/^“‘Opeens werd ik opgehaald door de politie\./);
    expect(answer.text).not.toContain("““");
  });

  it("does not lead with a case story's line that shares more words with the question than a line of the plan", () => {
    // New-user try: "… en waar komt ze dan terecht, welke instelling?" was answered with the story of
    // a girl of 15 ("… komt ze terecht in een JeugdzorgPlus instelling. Daar snijdt ze …").
    const story = passage("a", "Na lange wachttijd komt ze terecht in een gesloten instelling, ver van huis.", 0.9, ["Een voorbeeld uit de jeugdzorg"]);
    const plan = passage("b", "De wachttijd voor een gesloten plek is een knelpunt.", 0.8, ["Knelpunten"]);
    const question = "waar komt ze terecht na de wachttijd in een gesloten instelling";
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false };
    expect(extractiveAnswer([story, plan], wordsScorer(question), undefined, options, `${question}?`).text.split("\n")[0]).toContain("is een knelpunt");
  });

  it("does not take a case story's figure for the figure a question asks for, unless it asks about the story", () => {
    const story = passage("a", "Een meisje van vijftien is inmiddels op 14 verschillende plekken in de jeugdzorg opgenomen geweest.", 0.9, ["Een voorbeeld uit de jeugdzorg"]);
    const plan = passage("b", "De plekken in de jeugdzorg worden in de komende jaren afgebouwd.", 0.8, ["Ontwikkelingen"]);
    const hasFigure = (sentence: string) => /\d/.test(sentence);
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false, kindAsked: true };
    const question = "hoeveel plekken zijn er in de jeugdzorg";
    const general = extractiveAnswer([story, plan], wordsScorer(question), hasFigure, options, `${question}?`);
    expect(general.hasExpectedType).toBe(false);
    expect(general.text.split("\n")[0]).toContain("worden in de komende jaren afgebouwd");
    // Asked about the story, its figure answers.
    const aboutStory = "hoeveel plekken had het meisje in het voorbeeld uit de jeugdzorg";
    const told = extractiveAnswer([story, plan], wordsScorer(aboutStory), hasFigure, options, `${aboutStory}?`);
    expect(told.hasExpectedType).toBe(true);
    expect(told.text.split("\n")[0]).toContain("14 verschillende plekken");
    // A check that is no kind of answer (an acronym spelled out) may find it in the story.
    expect(extractiveAnswer([story, plan], wordsScorer(question), hasFigure, { ...options, kindAsked: false }, `${question}?`).hasExpectedType).toBe(true);
  });

  it("takes the date in an item's lead-in as the item's ('In 2027:' above what is to be done by then)", () => {
    // New-user try of the thirty-fifth session: "wanneer moet de gedeelde verklarende analyse klaar zijn?" was refused.
    const goals = passage("a", "Waar werken we naar toe?\n\nIn 2027:\n\n- Is voor alle jongeren een gedeelde analyse opgesteld\n- Weten we spoedplaatsingen te voorkomen");
    const hasDate = (sentence: string) => /\b20\d\d\b/.test(sentence);
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false, kindAsked: true };
    const question = "wanneer moet de gedeelde analyse klaar zijn";
    const answer = extractiveAnswer([goals], wordsScorer(question), hasDate, options, `${question}?`);
    expect(answer.hasExpectedType).toBe(true);
    expect(answer.text).toMatch(/^“In 2027:”\n- Is voor alle jongeren een gedeelde analyse opgesteld/);
    // A lead-in without a date gives the item none.
    const without = passage("a", "Waar werken we naar toe?\n\nWe willen:\n\n- Voor alle jongeren een gedeelde analyse opstellen\n- Spoedplaatsingen voorkomen");
    expect(extractiveAnswer([without], wordsScorer(question), hasDate, options, `${question}?`).hasExpectedType).toBe(false);
  });

  it("shows the title of a section the question names by its label above the list that is its text", () => {
    const principle = passage("a", "- Ouders, kind en hulpverlening formuleren samen doelen.\n- Betrokkenen spreken commitment uit.", 0.9, ["Basisprincipes", "B. Adequate doelen"]);
    const question = "wat houdt principe B in";
    const named = extractiveAnswer([principle], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, namedSection: 1 }, `${question}?`);
    expect(named.text.split("\n")[0]).toBe("B. Adequate doelen:");
    expect(named.text).toContain("- Ouders, kind en hulpverlening formuleren samen doelen.");
    // Not named and sharing no word with the question, the title stays in the sources list.
    const unnamed = extractiveAnswer([principle], wordsScorer("wie spreken commitment uit"), undefined, DEFAULT_EXTRACTIVE, "wie spreken commitment uit?");
    expect(unnamed.text.split("\n")[0]).toContain("- Betrokkenen spreken commitment uit.");
    expect(unnamed.text).not.toContain("Adequate doelen");
  });

  it("leads with the named document's line when the question asks what that document says", () => {
    const plan = passage("a", "Het plan wil minder gesloten plaatsingen en minder dwang.", 0.9, ["5 Veranderopgaven"]);
    const report = passage("b", "De rapportage meldt minder gesloten plaatsingen en minder separaties.", 0.7, ["Actielijn 2"]);
    const question = "wat zegt de rapportage over minder gesloten plaatsingen";
    const named = { id: "b.md", words: [false, true, false, false, false], asSource: true };
    const asked = extractiveAnswer([plan, report], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false, namedDocument: named }, `${question}?`);
    expect(asked.text.split("\n")[0]).toContain("De rapportage meldt");
    // Named but not asked as the source, retrieval's order stands.
    const mentioned = extractiveAnswer([plan, report], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false, namedDocument: { ...named, asSource: false } }, `${question}?`);
    expect(mentioned.text.split("\n")[0]).toContain("Het plan wil");
  });

  it("leads with the list under a heading that asks the question itself, worded for another asker", () => {
    const story = passage("a", "Het wijkteam werkt vanaf dit jaar samen met de school.", 0.8, ["Praktijk"]);
    const slide = passage("b", "- Hanteren reguliere route plaatsing\n- Tijdig hulp vragen bij het servicepunt", 0.8, ["Wat kunnen we vanaf morgen anders doen?"]);
    const question = "wat moet ik als wijkteam vanaf morgen anders doen";
    const answer = extractiveAnswer([story, slide], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, `${question}?`);
    expect(answer.text.split("\n").slice(0, 2)).toEqual(["Wat kunnen we vanaf morgen anders doen?", "- Hanteren reguliere route plaatsing"]);
  });

  it("reads a heading as restating the question without the asker's introduction and the source the question names", () => {
    const story = passage("a", "Het wijkteam in Drenthe werkt samen met de school.", 0.8, ["Praktijk"]);
    const slide = passage("b", "- Hanteren reguliere route plaatsing\n- Tijdig hulp vragen bij het servicepunt", 0.8, ["Wat kunnen we vanaf morgen anders doen?"]);
    const question = "als verwijzer in drenthe: wat kan ik morgen anders doen volgens de nieuwe werkwijze";
    const answer = extractiveAnswer([story, slide], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, `${question}?`);
    expect(answer.text.split("\n").slice(0, 2)).toEqual(["Wat kunnen we vanaf morgen anders doen?", "- Hanteren reguliere route plaatsing"]);
    // The source named in the middle: what follows it still asks (second new-user try of the thirty-eighth session).
    const middle = "wat moet er volgens de nieuwe werkwijze anders vanaf morgen";
    const named = extractiveAnswer([story, slide], wordsScorer(middle), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, `${middle}?`);
    expect(named.text.split("\n").slice(0, 2)).toEqual(["Wat kunnen we vanaf morgen anders doen?", "- Hanteren reguliere route plaatsing"]);
  });

  it("quotes examples announced with 'Denk aan:' and written as short sentences to the end of the enumeration", () => {
    const text =
      "We hebben een aantal kernideeën op papier gezet. Denk aan: het gesprek over suïcidaliteit. Het terugdringen van separeren. Meer werken met het hele gezin in plaats van alleen met de jongere. Kortom: een reeks maatregelen om de zorg te verbeteren.";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer("welke kernideeën zijn er"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, "welke kernideeën zijn er?");
    expect(answer.text).toContain("Meer werken met het hele gezin in plaats van alleen met de jongere.");
    expect(answer.text).not.toContain("Kortom");
  });

  it("in a two-part question, moves the item that answers to the top even when the lead-in shares one verb with the question", () => {
    const text = "Daar spreken we het volgende over af:\n- bij vrijwillige hulp is het lokale team casusregisseur\n- bij vermoedens van misbruik komt de melding bij Veilig Thuis";
    const question = "waar komt de melding van misbruik terecht? en wat spreken we daarna af?";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, question);
    expect(answer.text.split("\n").slice(0, 2)).toEqual(["“Daar spreken we het volgende over af:”", "- bij vermoedens van misbruik komt de melding bij Veilig Thuis"]);
  });

  it("moves the item with the kind of answer asked for to the top of its list, though it adds no word of the question", () => {
    const text = "Gemeenten spreken met elkaar af:\n- de lokale teams verder te ontwikkelen met de aanbieders\n- jongeren een stevige rol te geven\n- dat de lokale teams in 2025 meer zelf kunnen oplossen";
    const hasYear = (s: string) => /\b20\d\d\b/.test(s);
    const question = "wat willen ze bereiken met de lokale teams, en staat daar een jaartal bij?";
    // The section's heading holds the words the items share: the year is all the item adds.
    const section = ["Lokale teams"];
    const answer = extractiveAnswer([passage("a", text, 0.8, section)], wordsScorer(question), hasYear, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, question);
    expect(answer.text.split("\n").slice(0, 2)).toEqual(["“Gemeenten spreken met elkaar af:”", "- dat de lokale teams in 2025 meer zelf kunnen oplossen"]);
    // When the lead-in holds that kind itself, the items keep their order.
    const dated = text.replace("Gemeenten spreken met elkaar af:", "Gemeenten spreken voor 2025 met elkaar af:");
    const inOrder = extractiveAnswer([passage("a", dated, 0.8, section)], wordsScorer(question), hasYear, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, question);
    expect(inOrder.text.split("\n")[1]).toBe("- de lokale teams verder te ontwikkelen met de aanbieders");
  });

  it("quotes a sentence whose 'daar' points at the sentence before with that sentence", () => {
    const text = "Stoppen met afzonderen begint met betere ondersteuning thuis. Hoe sterker we daar worden, hoe minder jongeren gesepareerd worden in de jeugdzorgplus.\n\nEen andere alinea.";
    const question = "wat staat er over minder separeren in de jeugdzorgplus";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, question);
    expect(answer.text).toBe("“Stoppen met afzonderen begint met betere ondersteuning thuis. Hoe sterker we daar worden, hoe minder jongeren gesepareerd worden in de jeugdzorgplus.” [1]");
  });

  it("puts the other items that answer right after the one that leads, the rest after them", () => {
    const text = "Dat brengt een aantal risico's met zich mee:\n- Financieren los van het landschap\n- Een aanbieder verliest de aanbesteding\n- Weinig ruimte voor afbouw\n- Verschraling door aanbestedingen en versnippering\n- Meer bedden dan samenwerking";
    const answer = answerTo("welke risico's geeft een aanbesteding door versnippering", [passage("a", text)]);
    expect(answer.text.split("\n").slice(0, 4)).toEqual([
      "“Dat brengt een aantal risico's met zich mee:”",
      "- Verschraling door aanbestedingen en versnippering",
      "- Een aanbieder verliest de aanbesteding",
      "- Financieren los van het landschap",
    ]);
  });

  it("among the other items that answer, puts first the one that adds most of what the leading item lacks", () => {
    const text = "Vervolgstappen:\n- Verder ontwikkelen van producten voor gezinshuisouders\n- het tariefmodel voor gezinshuizen (Q4 2020)\n- de routekaart opleidingen voor gezinshuisouders (Q1 2021)";
    const question = "wanneer komt het tariefmodel voor gezinshuizen uit? en de routekaart opleidingen voor gezinshuisouders?";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, question);
    expect(answer.text.split("\n").slice(0, 4)).toEqual([
      "“Vervolgstappen:”",
      "- de routekaart opleidingen voor gezinshuisouders (Q1 2021)",
      "- het tariefmodel voor gezinshuizen (Q4 2020)",
      "- Verder ontwikkelen van producten voor gezinshuisouders [1]",
    ]);
  });

  it("keeps an unnumbered list of steps in its order, under its title, when one step answers", () => {
    const text = "- Analyse opstellen met het gezin\n- Ambulante hulp inzetten\n- Consultvraag stellen bij het servicepunt\n- Machtiging aanvragen";
    const steps = answerTo("kan ik zelf een consultvraag stellen bij het servicepunt", [passage("a", text, 0.8, ["Huidige route aanvraag"])]);
    expect(steps.text.split("\n").slice(0, 3)).toEqual(["Huidige route aanvraag:", "- Analyse opstellen met het gezin", "- Ambulante hulp inzetten"]);
    // A list that is no sequence leads with the item that answers.
    const themes = answerTo("kan ik zelf een consultvraag stellen bij het servicepunt", [passage("a", text, 0.8, ["Thema's van de werkgroep"])]);
    expect(themes.text.split("\n")[0]).toBe("- Consultvraag stellen bij het servicepunt");
  });

  it("quotes a numbered item of a sublist with the item that announces it, in their order", () => {
    const text = "Vervolgstappen:\n\n- Etappe 3 van het project start en bevat 3 onderdelen:\n- 1. Voortzetting van het onderzoek naar alternatieven\n- 2. Registratie en terugkoppeling van gedwongen afzonderingen\n- 3. Verdere ontwikkeling van het lerende netwerk\n- Een ander punt over suïcidepreventie";
    const answer = answerTo("wat gebeurt er met registratie van gedwongen afzonderingen", [passage("a", text)]);
    const lines = answer.text.split("\n");
    expect(lines.findIndex((l) => l.includes("Etappe 3"))).toBeLessThan(lines.findIndex((l) => l.startsWith("1. ")));
    expect(lines.findIndex((l) => l.startsWith("1. "))).toBeLessThan(lines.findIndex((l) => l.startsWith("2. ")));
    expect(answer.text).toContain("2. Registratie en terugkoppeling van gedwongen afzonderingen");
    // "1." under "Etappe 3" is not out of order: no "Verder in deze lijst:" between them (new-user try of the forty-first session).
    expect(answer.text).not.toContain("Verder in deze lijst:");
  });

  it("between two items with the same words, leads with the one that has them in one sentence", () => {
    const text =
      "Daar spreken we het volgende over af:\n\n- jeugdbescherming voert soms zelf casusregie.\n- bij vrijwillige hulp voert het wijkteam de casusregie. Jeugdbescherming geeft op verzoek advies.\n- bij een maatregel voert jeugdbescherming de casusregie.";
    const answer = answerTo("wie voert casusregie naast jeugdbescherming", [passage("a", text)]);
    expect(answer.text.split("\n")[1]).toBe("- bij een maatregel voert jeugdbescherming de casusregie.");
  });

  it("reads a sentence with the one that says what it names: 'Het betreft' / 'Het gaat om'", () => {
    for (const opening of ["Het betreft", "Het gaat om"]) {
      const text = `De leden van het plan komen samen in de stuurploeg van de regio. ${opening} bestuurders, professionals en jongeren zelf. Los daarvan is er een werkgroep voor de financiering.`;
      const answer = extractiveAnswer([passage("a", text)], wordsScorer("wie zitten er in de stuurploeg"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
      expect(answer.text).toBe(`“De leden van het plan komen samen in de stuurploeg van de regio. ${opening} bestuurders, professionals en jongeren zelf.” [1]`);
    }
  });

  it("reads a sentence with the one that goes on from it with 'En' or 'Maar'", () => {
    const text = "Onderwerpen van conflict zijn de contractvoorwaarden, vooral omdat de tarieven niet toereikend zijn. En het wederzijdse gebrek aan vertrouwen. Los daarvan loopt een onderzoek naar de tarieven in de regio.";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer("waar gaan conflicten over"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
    expect(answer.text).toBe("“Onderwerpen van conflict zijn de contractvoorwaarden, vooral omdat de tarieven niet toereikend zijn. En het wederzijdse gebrek aan vertrouwen.” [1]");
  });

  it("reads a sentence with the examples that follow it, and never quotes a lead-in whose list is not there", () => {
    const ideas = extractiveAnswer([passage("a", "We hebben een aantal kernideeën op papier gezet. Denk aan: het gesprek over suïcidaliteit.")], wordsScorer("welke kernideeën zijn er"));
    expect(ideas.text).toBe("“We hebben een aantal kernideeën op papier gezet. Denk aan: het gesprek over suïcidaliteit.” [1]");
    const bare = extractiveAnswer([passage("a", "Er is een actieplan gemaakt voor de jeugdzorg. Op korte termijn worden de volgende acties uit het actieplan ondernomen:")], wordsScorer("welke acties uit het actieplan"));
    expect(bare.text).toBe("“Er is een actieplan gemaakt voor de jeugdzorg.” [1]");
  });

  it("does not run a short sentence on into one that ends in a colon (the quote would hang on it)", () => {
    const text = "Het gaat om gesloten jeugdzorg.\nDaarom reageerde hij positief op het plan:\n\n“Een citaat van iemand anders over iets.”";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer("wat is gesloten jeugdzorg"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
    expect(answer.text).toBe("“Het gaat om gesloten jeugdzorg.” [1]");
  });

  it("never leaves a line that announces what follows hanging when what it announces is quoted already", () => {
    const text = "Als hoogleraar onderzoekt Popma de jeugdzorg. Daarom werkte Popma mee aan het plan:\n\nSamen met psychiaters en psychologen schreef Popma de kernideeën van het plan.";
    const answer = answerTo("wie schreef met Popma de kernideeën van het plan", [passage("a", text)]);
    expect(answer.text.startsWith("“Samen met psychiaters en psychologen schreef Popma de kernideeën van het plan.” [1]")).toBe(true);
    expect(answer.text).not.toMatch(/:” \[1\]$/);
    expect(answer.text).not.toContain("mee aan het plan:");
  });

  it("shows a table row as header: value pairs under the table's heading", () => {
    const text = "Mijlpalen per jaar:\nJaar | Mijlpaal | Status\n2020 | Nulmeting gedwongen afzonderen | gereed\n2021 | Lerend netwerk | loopt";
    const answer = extractiveAnswer([passage("t", text)], wordsScorer("wanneer was de nulmeting gedwongen afzonderen"));
    expect(answer.text).toBe("Mijlpalen per jaar: Jaar: 2020; Mijlpaal: Nulmeting gedwongen afzonderen; Status: gereed [1]");
    expect(answer.text).not.toContain("|");
  });

  it("counts as quoted only what a long quotation shows, not a sentence cut off as …", () => {
    const filler = (n: number) => `Zin ${n} over het werk in de regio gaat door met veel woorden over de aanpak, de mensen en de plannen die er zijn voor later.`;
    const text = [1, 2, 3, 4, 5].map(filler).join(" ") + " Het doel is binnen 3 jaar naar 0 plaatsingen te gaan.";
    const answer = extractiveAnswer([passage("s", text, 0.8, ["5 Aanpak"])], wordsScorer("wat staat er over de aanpak"), undefined, { ...DEFAULT_EXTRACTIVE, namedSection: 1 });
    expect(answer.text).toMatch(/…” \[1\]$/);
    expect(answer.text).not.toContain("3 jaar");
    expect(answer.quoted.join(" ")).not.toContain("3 jaar");
    expect(answer.quoted.join(" ")).toContain("Zin 1 over het werk");
  });

  it("does not take the last sentence of the paragraph above a table for the table's heading", () => {
    // New-user try: a whole paragraph, unquoted, stood before a row's pairs.
    const text = "De werkdruk is hoog en het verloop is groot, mede door te snelle verwijzingen.\nDoelen | Werkklimaat\nTransformatie | Sterk verbeteren van het werkklimaat";
    const answer = extractiveAnswer([passage("t", text, 0.8, ["5 Werkklimaat", "Doelstelling"])], wordsScorer("hoe willen ze het werkklimaat verbeteren bij de transformatie"));
    expect(answer.text).toBe("Doelstelling: Doelen: Transformatie; Werkklimaat: Sterk verbeteren van het werkklimaat [1]");
  });

  it("shows rows of one table quoted together under its heading once, with the header a later passage keeps beside it", () => {
    const text = "2020 | Nulmeting gedwongen afzonderen | gereed\n2021 | Lerend netwerk afzonderen | loopt\n2022 | Evaluatie zorgaanbod | gepland";
    const later: RetrievedPassage = { ...passage("t", text, 0.8, ["Bijlage", "Mijlpalen per jaar"]) };
    later.chunk.tableHeader = "Jaar | Mijlpaal | Status";
    const answer = extractiveAnswer([later], wordsScorer("welke mijlpalen over afzonderen"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false, missingShare: 0 });
    const [heading, ...rows] = answer.text.split("\n");
    expect(heading).toBe("Mijlpalen per jaar:");
    expect(rows.map((row) => row.replace(/ \[1\]$/, "")).sort()).toEqual([
      "- Jaar: 2020; Mijlpaal: Nulmeting gedwongen afzonderen; Status: gereed",
      "- Jaar: 2021; Mijlpaal: Lerend netwerk afzonderen; Status: loopt",
    ]);
    expect(answer.text.match(/\[1\]/g)).toHaveLength(1);
    expect(answer.text.endsWith("[1]")).toBe(true);
  });

  it("leads with the subsections of a section the question names, unless the lead quote already lists them", () => {
    const outline = { n: 2, title: "Basisprincipes", items: ["A. Degelijke analyse", "B. Adequate doelen", "C. Optimale risicoweging"] };
    const passages = [
      passage("a", "Om hieraan te voldoen gelden drie basisprincipes voor iedereen."),
      passage("b", "Ouders en kind formuleren samen doelen.", 0.5, ["Basisprincipes", "B. Adequate doelen"]),
    ];
    const led = extractiveAnswer(passages, wordsScorer("welke basisprincipes gelden er"), undefined, { ...DEFAULT_EXTRACTIVE, outline });
    expect(led.text.startsWith("Basisprincipes:\n- A. Degelijke analyse\n- B. Adequate doelen\n- C. Optimale risicoweging [2]\n")).toBe(true);
    expect(led.text).toContain("gelden drie basisprincipes");
    expect(led.cited[0]).toBe(2);
    expect(led.cited).toContain(1);

    const listed = [passage("c", "Er gelden drie basisprincipes:\n- Degelijke analyse\n- Adequate doelen\n- Optimale risicoweging")];
    const inText = extractiveAnswer(listed, wordsScorer("welke basisprincipes gelden er"), undefined, { ...DEFAULT_EXTRACTIVE, outline: { ...outline, n: 1 } });
    expect(inText.text.startsWith("“Er gelden drie basisprincipes:”")).toBe(true);
    expect(inText.text).not.toContain("Basisprincipes:");
  });

  it("never quotes a table's header row on its own, and reads each row with it", () => {
    const text = "Subdoel | Belangrijkste mijlpalen | Vervolgstappen\nPleegzorg verlengen | Reacties verwerkt | Wetsvoorstel indienen";
    const answer = extractiveAnswer([passage("t", text)], wordsScorer("welke belangrijkste mijlpalen en vervolgstappen"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
    expect(answer.text).toContain("Subdoel: Pleegzorg verlengen; Belangrijkste mijlpalen: Reacties verwerkt; Vervolgstappen: Wetsvoorstel indienen");
    expect(answer.text).not.toMatch(/Subdoel; Belangrijkste mijlpalen; Vervolgstappen/);
    // A table that starts at the passage's end continues in the next one: its first row is a header too.
    const cut = extractiveAnswer([passage("u", "Een zin over iets anders dan mijlpalen.\n\nSubdoel | Belangrijkste mijlpalen | Vervolgstappen")], wordsScorer("welke belangrijkste mijlpalen en vervolgstappen"));
    expect(cut.text).not.toContain("Vervolgstappen");
  });

  it("gives the sources list a quote that runs on past a bare lead-in", () => {
    const answer = extractiveAnswer([passage("a", "Geconstateerd wordt dat:\n- circa 70% met een spoedmachtiging wordt geplaatst;\n- opschaling te laat gebeurt.")], wordsScorer("hoeveel jongeren met een spoedmachtiging"));
    // The item keeps its dash: the quote stays the document's own text.
    expect(answer.quotes.get(1)).toBe("Geconstateerd wordt dat: - circa 70% met een spoedmachtiging wordt geplaatst;");
    // An item from further down leads the answer: the source quotes that item, not the lead-in
    // joined to a line it does not precede in the document.
    const later = extractiveAnswer([passage("a", "Geconstateerd wordt dat:\n- opschaling te laat gebeurt zonder de juiste partijen;\n- circa 70% met een spoedmachtiging wordt geplaatst.")], wordsScorer("hoeveel jongeren met een spoedmachtiging"));
    expect(later.text.split("\n")[1]).toBe("- circa 70% met een spoedmachtiging wordt geplaatst.");
    expect(later.quotes.get(1)).toBe("circa 70% met een spoedmachtiging wordt geplaatst.");
  });

  it("finds the sentence with the figure in a lower passage when a long first passage crowds the best lines", () => {
    const story = Array.from({ length: 14 }, (_, i) => `Jongeren komen met spoed terecht in verhaal ${i + 1}.`).join(" ");
    const passages = [passage("a", story, 0.9), passage("b", "Een ander onderwerp zonder verband."), passage("c", "Nog een ander onderwerp hier."), passage("d", "Circa 70% van de jongeren komt met een spoedmachtiging terecht.", 0.5)];
    const answer = extractiveAnswer(passages, wordsScorer("welk percentage jongeren komt met een spoedmachtiging terecht"), (s) => /\d+%/.test(s));
    expect(answer.hasExpectedType).toBe(true);
    expect(answer.text.split("\n")[0]).toBe("“Circa 70% van de jongeren komt met een spoedmachtiging terecht.” [4]");
  });

  it("finds the line with the figure in a lower passage whose best line has none", () => {
    const story = Array.from({ length: 14 }, (_, i) => `Jongeren komen met spoed terecht in verhaal ${i + 1}.`).join(" ");
    // Passage d's best line shares more words than its line with the figure.
    const lower = "Jongeren komen met een spoedmachtiging terecht en dat moet anders.\n\nCirca 70% komt met een spoedmachtiging.";
    const passages = [passage("a", story, 0.9), passage("b", "Een ander onderwerp zonder verband."), passage("c", "Nog een ander onderwerp hier."), passage("d", lower, 0.5)];
    const answer = extractiveAnswer(passages, wordsScorer("welk percentage jongeren komt met een spoedmachtiging terecht"), (s) => /\d+%/.test(s));
    expect(answer.hasExpectedType).toBe(true);
    expect(answer.text.split("\n")[0]).toBe("“Circa 70% komt met een spoedmachtiging.” [4]");
  });

  it("puts the date first for a when-question and reports when no sentence has one", () => {
    const passages = [passage("a", "Friesland sluit zo snel mogelijk aan bij de werkwijze van Friesland. Friesland doet mee vanaf 1 januari 2026.")];
    const hasDate = (s: string) => /\b20\d\d\b/.test(s);
    const withDate = extractiveAnswer(passages, wordsScorer("wanneer sluit friesland aan bij de werkwijze"), hasDate);
    expect(withDate.hasExpectedType).toBe(true);
    expect(withDate.text.startsWith("“Friesland doet mee vanaf 1 januari 2026.”")).toBe(true);

    const without = extractiveAnswer([passage("b", "Friesland sluit zo snel mogelijk aan bij de werkwijze.")], wordsScorer("wanneer sluit friesland aan"), hasDate);
    expect(without.hasExpectedType).toBe(false);
  });

  it("reads a section the question names from the top, not by word overlap", () => {
    const principle = passage("g", "Ouders en kind begrijpen waarom het nodig is. Beiden weten wat er daarna gebeurt. Er is een plan voor terugkeer.");
    const other = passage("x", "Ouders en kind snappen het principe van pleegzorg meestal goed.");
    const question = "wat zegt principe G over wat ouders en kind moeten snappen?";
    const scored = extractiveAnswer([principle, other], wordsScorer(question));
    const named = extractiveAnswer([principle, other], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, namedSection: 1 });
    expect(scored.text).toContain("[2]");
    expect(named.text).toBe("“Ouders en kind begrijpen waarom het nodig is. Beiden weten wat er daarna gebeurt. Er is een plan voor terugkeer.” [1]");
  });

  it("quotes an item that introduces a numbered sublist with that sublist, not with the rest of its own list", () => {
    const text = [
      "Mijlpalen vanaf juni:",
      "- Pilots met collectieve financiering in twee regio's gestart.",
      "- Zorgarrangeurs ondersteunen vijftig scholen bij het organiseren van zorg in onderwijstijd.",
      "- Start van de leerkringen van het programma. De vijf thema's zijn:",
      "- 1. Bindende afspraken",
      "- 2. Positief jeugdbeleid",
      "- 3. Monitoring",
      "- Een tussenrapportage verscheen in mei.",
    ].join("\n");
    const answer = answerTo("welke thema's hebben de leerkringen van het programma", [passage("a", text)]);
    expect(answer.text).toBe("“Mijlpalen vanaf juni:”\n- Start van de leerkringen van het programma. De vijf thema's zijn:\n1. Bindende afspraken\n2. Positief jeugdbeleid\n3. Monitoring [1]");
  });

  it("quotes a sentence that points back at what a 'welke X' question asks for ('deze leeftijdsgroep') with the sentence before it", () => {
    const text = "Speciale aandacht is nodig voor jongeren van 14 tot 23 jaar. Nu wordt pleegzorg weinig ingezet voor deze leeftijdsgroep.";
    const question = "voor welke leeftijdsgroep wordt pleegzorg weinig ingezet";
    const scorer = wordsScorer(question);
    const options = { ...DEFAULT_EXTRACTIVE, fillBudget: false, focus: question.split(/\W+/).filter((w) => w.length > 3).indexOf("leeftijdsgroep") };
    expect(extractiveAnswer([passage("a", text)], scorer, undefined, options, question).text).toBe(`“${text}” [1]`);
    // Without a focus the sentence stands alone.
    expect(extractiveAnswer([passage("a", text)], scorer, undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, question).text).toBe("“Nu wordt pleegzorg weinig ingezet voor deze leeftijdsgroep.” [1]");
  });

  it("does not take a table row's reference cells (actielijn 3, VGR 4) for the figure a question asks for", () => {
    const text = "Mijlpaal | Actielijn | Wanneer\nPilotregio's voor zorg aan leerlingen geselecteerd | 3 | VGR 4\nDe regeling voor leerlingen is verdubbeld van 5 miljoen naar 10 miljoen | 3 | VGR 4";
    const hasNumber = (s: string) => /\d/.test(s);
    const answer = extractiveAnswer([passage("t", text)], wordsScorer("hoeveel geld is er voor pilotregio's en leerlingen"), hasNumber, { ...DEFAULT_EXTRACTIVE, fillBudget: false, maxQuotes: 1 });
    expect(answer.text).toContain("verdubbeld van 5 miljoen naar 10 miljoen");
    expect(answer.text).not.toContain("geselecteerd");
  });

  it("adds a second passage only when the first lacks a word of the question", () => {
    const first = passage("a", "De regiegroep komt vaak samen, elk kwartaal. Over de voortgang van het plan praat de regiegroep met alle partners.");
    // Another passage of the same document.
    const second = { ...passage("b", "De minister en de wethouder bespreken de voortgang van het plan met de regiegroep.", 0.7) };
    second.chunk = { ...second.chunk, documentId: "a.md" };
    const whole = answerTo("hoe vaak komt de regiegroep samen over de voortgang van het plan", [first, second]);
    expect(whole.text).not.toContain("[2]");
    // The first passage does not name the minister and the alderman: the second may add them.
    const lacking = answerTo("hoe vaak komt de regiegroep samen met minister en wethouder over de voortgang van het plan", [first, second]);
    expect(lacking.text).toContain("[2]");
  });

  it("quotes a fragment of a few words with the short paragraph it finishes", () => {
    const text = "Met een app ziet de huisarts waar een kind snel terecht kan. Dat werkt al in vier regio's. Dankzij de Wachtwijzer.";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer("wat is de wachtwijzer"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
    expect(answer.text).toBe(`“${text}” [1]`);
  });

  it("reads a named section by its best line when that line lies below the part read from the top", () => {
    const opening = Array.from({ length: 8 }, (_, i) => `Doel ${i + 1} van deze actielijn is dat kinderen veilig en stabiel thuis kunnen opgroeien in hun eigen omgeving.`).join(" ");
    const section = passage("a", `${opening}\n\n- Karakter stopte als onderzoekspartner van het project.`);
    const question = "actielijn 2: welke organisatie stopte als onderzoekspartner?";
    const answer = extractiveAnswer([section], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, namedSection: 1, fillBudget: false }, question);
    expect(answer.text.split("\n")[0]).toContain("Karakter stopte als onderzoekspartner");
  });

  it("reads a list that a blank line broke after an item ending in ';' as one list, quoted whole under its lead-in", () => {
    const text = "Daarbij worden afspraken gemaakt over:\n- wie aanspreekpunt voor het gezin is;\n- wie het plan voor het hele gezin opstelt;\n\n- wie bewaakt dat het plan wordt gerealiseerd;\n- indien er sprake is van ondertoezichtstelling komt de casusregie bij de gecertificeerde instelling te liggen.";
    expect(new Set(passageLines(text).filter((l) => l.kind === "item").map((l) => l.block)).size).toBe(1);
    const answer = extractiveAnswer([passage("p", text)], wordsScorer("bij wie ligt de casusregie bij een ondertoezichtstelling"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
    expect(answer.text).toBe(
      "“Daarbij worden afspraken gemaakt over:”\n- indien er sprake is van ondertoezichtstelling komt de casusregie bij de gecertificeerde instelling te liggen.\n- wie aanspreekpunt voor het gezin is;\n- wie het plan voor het hele gezin opstelt;\n- wie bewaakt dat het plan wordt gerealiseerd; [1]",
    );
    // A break after an item that ends a sentence ends the list.
    const two = passageLines("- Eerste lijst klaar.\n\n- Tweede lijst begint.").map((l) => l.block);
    expect(two[0]).not.toBe(two[1]);
  });

  it("prefers a list's lead-in over one sentence with the same words when the question asks for several things", () => {
    // New-user try of the forty-second session: "wat zijn de doelen voor 2027?" got "Half 2027 … afgebouwd".
    const sentence = passage("a", "Half 2027 worden de plekken in de huidige vorm afgebouwd.", 0.5);
    const list = passage("b", "In 2027:\n\n- Heeft elke jongere een gedeelde analyse\n- Weten we spoedplaatsingen te voorkomen", 0.9);
    expect(answerTo("wat zijn de doelen voor 2027?", [sentence, list]).text.split("\n")[0]).toBe("“In 2027:”");
    expect(answerTo("wat gebeurt er in 2027?", [sentence, list]).text.split("\n")[0]).toMatch(/^“Half 2027/);
  });

  it("quotes a lead-in that points back ('ingrediënten daarin') with the sentence it points at", () => {
    // New-user try of the forty-second session: "Belangrijke ingrediënten daarin zijn dat:" stood alone above its list.
    const text = "Dit doen we door de gefaseerde ketenzorg benadering toe te passen. Belangrijke ingrediënten daarin zijn dat:\n\n- Het hele huishouden van belang is voor het herstel van veiligheid\n- Eerst wordt gewerkt aan de directe veiligheid";
    const answer = answerTo("welke aanpak voor veiligheid in het huishouden", [passage("a", text)]);
    expect(answer.text.split("\n")[0]).toBe("“Dit doen we door de gefaseerde ketenzorg benadering toe te passen. Belangrijke ingrediënten daarin zijn dat:”");
    // Chosen for the sentence before it ("wat houdt die benadering in?"), the sentence reads on into that lead-in and its list.
    const chosen = answerTo("wat houdt de gefaseerde ketenzorg benadering in", [passage("c", text)]);
    expect(chosen.text).toContain("Het hele huishouden van belang is voor het herstel van veiligheid");
    // A lead-in that names its own subject stands alone.
    const own = answerTo("welke aanpak voor veiligheid in het huishouden", [passage("b", "Dit is een andere zin. Belangrijke ingrediënten van de aanpak zijn:\n\n- Het hele huishouden telt voor de veiligheid\n- Eerst de directe veiligheid")]);
    expect(own.text.split("\n")[0]).toBe("“Belangrijke ingrediënten van de aanpak zijn:”");
  });

  it("reads a numbered list that a stray dash and blank lines broke as one list when its numbers go on, not across a heading", () => {
    // New-user try of the forty-second session: a slide's nine points came apart in three, and "graag als lijstje" got 1-3.
    const text = "1. Trainen van verwijzers.\n2. Organiseren van een spoedberaad.\n\n-\n- 3. Versnelde toegang tot specialistisch aanbod.\n - 4. Een monitoringsysteem inrichten.";
    expect(new Set(passageLines(text).filter((l) => l.kind === "item").map((l) => l.block)).size).toBe(1);
    // Numbers that do not go on ("1." after "2."), or a heading between, start a list of their own.
    const restart = passageLines("1. Eerste punt van de lijst.\n2. Tweede punt van de lijst.\n\n1. Een nieuwe lijst begint hier.").map((l) => l.block);
    expect(restart[0]).not.toBe(restart[2]);
    const headed = passageLines("1. Eerste punt van de lijst.\n2. Tweede punt van de lijst.\n\n### Verder\n\n3. Punt onder een kop.", ["Verder"]).map((l) => l.block);
    expect(headed[0]).not.toBe(headed[2]);
  });

  it("moves an indented sub-item in lower case with the item it goes on from, shown indented under it", () => {
    const text = "Partijen spreken af:\n\n- De tafels verder te ontwikkelen.\n- Voor alle vormen van verblijf een koppeling met ondersteuning te stellen.\n  - voor pleegzorg omdat dit bijdraagt aan continuïteit;\n  - bij langdurig verblijf om terugval te voorkomen.\n- De keten te vereenvoudigen.";
    const lines = passageLines(text);
    expect(lines.filter((l) => l.under !== undefined).map((l) => lines[l.under!]!.text)).toEqual([
      "Voor alle vormen van verblijf een koppeling met ondersteuning te stellen.",
      "Voor alle vormen van verblijf een koppeling met ondersteuning te stellen.",
    ]);
    const answer = extractiveAnswer([passage("p", text)], wordsScorer("waarom pleegzorg continuïteit"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
    expect(answer.text).toBe(
      "“Partijen spreken af:”\n- Voor alle vormen van verblijf een koppeling met ondersteuning te stellen.\n  - voor pleegzorg omdat dit bijdraagt aan continuïteit;\n  - bij langdurig verblijf om terugval te voorkomen.\n- De tafels verder te ontwikkelen.\n- De keten te vereenvoudigen. [1]",
    );
    // An indented item in capitals is a sibling that PDF conversion indented, not a sub-item.
    expect(passageLines("Het team richt zich op:\n\n- Verbinding maken met de regio's.\n  - Versterken van het lerend systeem.").some((l) => l.under !== undefined)).toBe(false);
  });

  it("takes the items under a question heading as its answer, though they share no word with the question", () => {
    const slide = passage("s", "- Hanteren reguliere route plaatsing\n- Op tijd inbrengen bij Servicepunt", 0.8, ["Wat kunnen we vanaf morgen anders doen?"]);
    const question = "wat kunnen we vanaf morgen anders doen?";
    const answer = extractiveAnswer([slide], wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    expect(answer.text).toBe("Wat kunnen we vanaf morgen anders doen?\n- Hanteren reguliere route plaatsing\n- Op tijd inbrengen bij Servicepunt [1]");
    // Not under a heading that is no question, nor one that shares a word or two ("wat is het weer morgen?").
    const statement = passage("t", "- Hanteren reguliere route plaatsing", 0.8, ["Vanaf morgen anders"]);
    expect(extractiveAnswer([statement], wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question).text).toBe("");
    const weather = "wat is het weer morgen?";
    expect(extractiveAnswer([slide], wordsScorer(weather), undefined, DEFAULT_EXTRACTIVE, weather).text).toBe("");
  });

  it("quotes a sentence with the next one when that points back and introduces a list, and the list with them", () => {
    const text = "In de huidige situatie wordt de zorg aanbesteed.\nDat brengt een aantal risico's met zich mee:\n- Het zorglandschap kan periodiek veranderen.\n- Mogelijke verschraving van het aanbod.";
    const answer = extractiveAnswer([passage("p", text)], wordsScorer("wordt de zorg aanbesteed"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
    expect(answer.text).toBe("“In de huidige situatie wordt de zorg aanbesteed. Dat brengt een aantal risico's met zich mee:”\n- Het zorglandschap kan periodiek veranderen.\n- Mogelijke verschraving van het aanbod. [1]");
  });

  it("quotes the sentence that refers back to the lead ('Daarmee ...') with it, once", () => {
    const passages = [passage("p", "Verder is er veel aandacht voor scholing. Pleegzorg heeft de voorkeur boven andere vormen van verblijf. Daarmee blijft het kind in een gezin.")];
    const answer = extractiveAnswer(passages, wordsScorer("waarom heeft pleegzorg de voorkeur"));
    expect(answer.text).toBe("“Pleegzorg heeft de voorkeur boven andere vormen van verblijf. Daarmee blijft het kind in een gezin.” [1]");
  });

  it("quotes a sentence that opens with 'Die ...' (pointing back at the lead) with the lead", () => {
    const passages = [passage("p", "Verder is er veel aandacht voor scholing in de regio. Het gaat niet om een bed, maar om een bed met behandeling erbij. Die behandeling moet er ook buiten kantooruren zijn.")];
    const answer = extractiveAnswer(passages, wordsScorer("gaat het bij een residentiele plaatsing alleen om een bed"), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false });
    expect(answer.text).toBe("“Het gaat niet om een bed, maar om een bed met behandeling erbij. Die behandeling moet er ook buiten kantooruren zijn.” [1]");
  });

  it("gives every quote one marker that is among the cited passages", () => {
    const passages = [passage("a", "Het spoedberaad is er binnen twee dagen."), passage("b", "Het spoedberaad kost niets voor de gemeente.")];
    const question = "wanneer is het spoedberaad en wat kost het de gemeente";
    const answer = extractiveAnswer(passages, wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    const markers = [...answer.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    expect(new Set(markers)).toEqual(new Set(answer.cited));
    expect(new Set(answer.quoted).size).toBe(answer.quoted.length);
  });

  it("quotes a question the document asks with the list that answers it", () => {
    const text = "Het plan is nog slechts een plan.\n\nMeer weten over het verbeteren van de jeugdzorg? Neem contact op met:\n\nMinisterie van VWS\n\ninfo@voordejeugd.nl";
    const answer = answerTo("bij wie kan ik terecht als ik meer wil weten over het verbeteren van de jeugdzorg?", [passage("c", text)]);
    expect(answer.text).toBe("“Meer weten over het verbeteren van de jeugdzorg? Neem contact op met:”\n- Ministerie van VWS\n- info@voordejeugd.nl [1]");
  });

  it("keeps a list in its order when a two-part message names the list and then asks about one of its steps", () => {
    const steps = "- Analyse opstellen\n- Ambulante hulp inzetten\n- Consultvraag stellen bij het Servicepunt\n- Aanvraag machtiging";
    const route = [passage("r", steps, 0.8, ["Huidige route aanvraag machtiging"])];
    const twoParts = "wat zijn de stappen van de huidige route? en wanneer stel ik een consultvraag bij het servicepunt?";
    expect(answerTo(twoParts, route).text.split("\n").slice(0, 3)).toEqual(["Huidige route aanvraag machtiging:", "- Analyse opstellen", "- Ambulante hulp inzetten"]);
    // Asked about the step alone, the route still reads in its order under its title: the step
    // moved to the top read as the route's first step (new-user try).
    const oneStep = "wanneer stel ik een consultvraag bij het servicepunt in de route?";
    expect(answerTo(oneStep, route).text.split("\n").slice(0, 2)).toEqual(["Huidige route aanvraag machtiging:", "- Analyse opstellen"]);
  });

  it("shows the title of a list that opens its section as its lead-in, when the question asks about that list", () => {
    const steps = "- Analyse opstellen\n- Ambulante hulp inzetten\n- Consultvraag stellen bij het Servicepunt\n- Aanvraag machtiging";
    const routes = [passage("r", steps, 0.8, ["Werkwijze", "Huidige route aanvraag machtiging"])];
    const asked = "welke stappen horen bij de huidige route voor een machtiging?";
    expect(answerTo(asked, routes).text.split("\n").slice(0, 2)).toEqual(["Huidige route aanvraag machtiging:", "- Analyse opstellen"]);
    // A section number is left out; a title ending in a full stop gets no colon.
    const principle = [passage("g", steps, 0.8, ["4.2 G. Als de route nodig is, begrijpt iedereen waarom de machtiging nodig is."])];
    expect(answerTo(asked, principle).text.split("\n")[0]).toBe("G. Als de route nodig is, begrijpt iedereen waarom de machtiging nodig is.");
    // A title the question shares nothing with stays out: it would only push the answer down.
    const elsewhere = [passage("o", steps, 0.8, ["Aangrijpingspunten bij verandering"])];
    expect(answerTo(asked, elsewhere).text).not.toContain("Aangrijpingspunten");
    // A list under its own lead-in line keeps that line, not the title.
    const introduced = [passage("i", `Dit zijn de stappen van de route:\n${steps}`, 0.8, ["Huidige route aanvraag machtiging"])];
    expect(answerTo(asked, introduced).text.split("\n")[0]).toBe("“Dit zijn de stappen van de route:”");
  });
});

describe("lines that do not read on", () => {
  it("does not join a bare slide line to the next line into a sentence nobody wrote", () => {
    const passages = [passage("s", "Voorlopige machtiging als norm\nTijd?\nWat als het woonperspectief ontbreekt bij de jongere?\n- Meer inzet van lokale teams")];
    // A question with every word of the bare line gets that line, and only that line.
    const answer = extractiveAnswer(passages, wordsScorer("wat is de voorlopige machtiging als norm"));
    expect(answer.text).toBe("“Voorlopige machtiging als norm” [1]");
  });

  it("still reads a title on into the date under it", () => {
    const passages = [passage("t", "Regiovisie jeugdhulp regio Rijnmond\n30 november 2020\n\nDe regio wil de jeugdhulp nabij organiseren.")];
    const answer = extractiveAnswer(passages, wordsScorer("van wanneer is de regiovisie jeugdhulp rijnmond"));
    expect(answer.text).toContain("Regiovisie jeugdhulp regio Rijnmond 30 november 2020");
  });

  it("never quotes a question the document asks without the sentence that answers it", () => {
    const passages = [
      passage("q", "Wat als de ondersteuning van het wijkteam niet toereikend is?\n- Investeren in trainingen"),
      passage("a", "Het wijkteam schakelt dan het Servicepunt in voor een consult.", 0.5),
    ];
    const answer = extractiveAnswer(passages, wordsScorer("wat als de ondersteuning van het wijkteam niet toereikend is"));
    expect(answer.text).not.toContain("toereikend is?");
    const answered = extractiveAnswer([passage("r", "Wat was de aanleiding voor het plan? Een journalist had de sector gevraagd hoe vaak dit voorkwam.")], wordsScorer("wat was de aanleiding voor het plan"));
    expect(answered.text).toBe("“Wat was de aanleiding voor het plan? Een journalist had de sector gevraagd hoe vaak dit voorkwam.” [1]");
  });
});

describe("passage lines", () => {
  it("joins a sentence that a blank line broke off mid-way (text from PDF), and nothing else", () => {
    const lines = passageLines("Er is extra aandacht besteed aan maatwerk. Zowel door het samen met expertteams oppakken als door het\n\nontwikkelen van leermaterialen voor jongeren.\n\nVoorlopige machtiging als norm\n\nWat als het woonperspectief ontbreekt?");
    expect(lines.map((l) => l.text)).toEqual([
      "Er is extra aandacht besteed aan maatwerk.",
      "Zowel door het samen met expertteams oppakken als door het ontwikkelen van leermaterialen voor jongeren.",
      "Voorlopige machtiging als norm",
      "Wat als het woonperspectief ontbreekt?",
    ]);
  });

  it("reads a name on a line of its own with the short line under it that says who they are, as one line", () => {
    const signature = passageLines("Dit is onze visie.\n\nWouter Struijk\n\nVoorzitter van de stuurgroep transformatie");
    expect(signature.map((l) => l.text)).toEqual(["Dit is onze visie.", "Wouter Struijk, Voorzitter van de stuurgroep transformatie"]);
    // Not a name above a paragraph, nor above a list.
    const paragraph = "Anna de Vries\n\nZij leidt het team sinds 2019. Daarvoor werkte ze bij de GI.";
    expect(passageLines(paragraph).map((l) => l.text)).toEqual(["Zij leidt het team sinds 2019.", "Daarvoor werkte ze bij de GI."]);
    expect(passageLines("Anna de Vries\n- Coördinator van het team in de regio").map((l) => l.text)).toEqual(["Coördinator van het team in de regio"]);
  });

  it("joins a sentence across a page rule ('---') and the footnotes under it, and never reads the rule as text", () => {
    const lines = passageLines("Dit betekent dat de jeugdbescherming- en\n\n---\n\n² TK, 2019-2020, 31 839.\n\njeugdreclasseringsmaatregelen gezamenlijk worden ingekocht.");
    // The footnote names a source: it is no line of the passage to quote.
    expect(lines.map((l) => l.text)).toEqual(["Dit betekent dat de jeugdbescherming- en jeugdreclasseringsmaatregelen gezamenlijk worden ingekocht."]);
    expect(lines.some((l) => l.text.includes("---"))).toBe(false);
  });

  it("reads arrows as layout: an arrow bullet after a dash, an arrow opening a line, a trailing 'read more' arrow", () => {
    const lines = passageLines("- ⇒ Gemeenten werken bovenregionaal samen.\n\n⇒ De koepels nemen samen de verantwoordelijkheid.\n\nZe spreekt met de regio over het belang van verbinding. ➡");
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ["item", "Gemeenten werken bovenregionaal samen."],
      ["sentence", "De koepels nemen samen de verantwoordelijkheid."],
      ["sentence", "Ze spreekt met de regio over het belang van verbinding."],
    ]);
  });

  it("keeps a question too short to be a line with the sentence that answers it", () => {
    const lines = passageLines("Met een app ziet de verwijzer de wachttijden. Een utopie? Niet vanaf 2019 in vier regio's. Is dat genoeg voor iedereen? Nee.");
    expect(lines.map((l) => l.text)).toEqual([
      "Met een app ziet de verwijzer de wachttijden.",
      "Een utopie? Niet vanaf 2019 in vier regio's.",
      "Is dat genoeg voor iedereen?",
    ]);
  });

  it("joins a sentence across the footnotes of its page break, keeps the footnotes after it, and never joins a footnote to the text", () => {
    const lines = passageLines("Daarnaast heeft ze diabetes. Ook op\n\n¹ Hechting is het proces van interactie tussen kind en opvoeder.\n\n² Ascend, The Aspen Institute\n\neerdere plekken heeft ze dat gedaan.");
    expect(lines.map((l) => l.text)).toEqual([
      "Daarnaast heeft ze diabetes.",
      "Ook op eerdere plekken heeft ze dat gedaan.",
      "¹ Hechting is het proces van interactie tussen kind en opvoeder.",
    ]);
    const alone = passageLines("² Ascend, The Aspen Institute\n\neerdere plekken heeft ze dat gedaan.");
    expect(alone.map((l) => l.text)).toEqual(["eerdere plekken heeft ze dat gedaan."]);
  });

  it("leaves out every sentence of a footnote that names a source, also after an abbreviation with a full stop", () => {
    const lines = passageLines("² VNG, Lbr. 20/045, maandag 29 juni 2020.\n\n³ TK, 2019-2020, 31 839 Nrs. 730, 745 en O.\n\n⁴ Met een lokale infrastructuur bedoelen we de wijkteams en hun partners.");
    expect(lines.map((l) => l.text)).toEqual(["⁴ Met een lokale infrastructuur bedoelen we de wijkteams en hun partners."]);
  });

  it("joins a list item that a page break cut off to the lines that finish it, but not the next item", () => {
    const lines = passageLines("- Toezicht is gericht op leren. Organisaties die achterblijven,\n\nworden aangesproken. Daarna volgt handhaving.\n\n- Een tweede punt zonder punt\n\nnieuwe alinea die klein begint");
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ["item", "Toezicht is gericht op leren. Organisaties die achterblijven, worden aangesproken. Daarna volgt handhaving."],
      ["item", "Een tweede punt zonder punt"],
    ]);
  });

  it("reads an item a table cell marks with an em dash as a list item, without the dash", () => {
    const lines = passageLines("Waar zetten we op in:\n- — Brede risicotaxatie bij alle jeugdigen\n- — Een gezamenlijk beeld van risico's");
    expect(lines.slice(1).map((l) => [l.kind, l.text])).toEqual([
      ["item", "Brede risicotaxatie bij alle jeugdigen"],
      ["item", "Een gezamenlijk beeld van risico's"],
    ]);
  });

  it("keeps a slide's title, logos and captions apart, and quotes no logo line", () => {
    const lines = passageLines("Nieuwe werkwijze plaatsing in de JeugdzorgPlus\n\nelker Jeugdhulp & onderwijs\n\naccare\n\nMinisterie van VWS\ninfo@voordejeugd.nl");
    expect(lines.map((l) => l.text)).toEqual(["Nieuwe werkwijze plaatsing in de JeugdzorgPlus", "Ministerie van VWS", "info@voordejeugd.nl"]);
  });

  it("does not end a sentence at an abbreviation that runs on (jl., art., dr.)", () => {
    const lines = passageLines("Het bestuur heeft op 15 juli jl. 2020 de visie vastgesteld. Zie art. 6 van de wet voor de regels. Het advies kwam van dr. Jansen en zijn team.");
    expect(lines.map((l) => l.text)).toEqual([
      "Het bestuur heeft op 15 juli jl. 2020 de visie vastgesteld.",
      "Zie art. 6 van de wet voor de regels.",
      "Het advies kwam van dr. Jansen en zijn team.",
    ]);
  });

  it("reads short lines after a lead-in as what it introduces, and quotes them with it", () => {
    const text = "Wie meer wil weten over de werkwijze, neemt contact op met:\n\nServicepunt Voorbeeld\n\nTelefoon 010 000 0000\n\nDaarna volgt een gewone alinea met een zin die lang genoeg is.";
    const lines = passageLines(text);
    expect(lines.map((l) => l.kind)).toEqual(["sentence", "item", "item", "sentence"]);
    const question = "bij wie kan ik meer weten over de werkwijze";
    const answer = extractiveAnswer([passage("a", text)], wordsScorer(question), undefined, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, question);
    expect(answer.text).toBe("“Wie meer wil weten over de werkwijze, neemt contact op met:”\n- Servicepunt Voorbeeld\n- Telefoon 010 000 0000 [1]");
  });

  it("counts what a lead-in introduces as having the kind of answer asked for (an address under 'mail naar:')", () => {
    const text = "Een zin over het werk van het servicepunt in de regio.\n\nVoor vragen over het servicepunt kun je mailen naar:\n\ninfo@voorbeeld.example\n\nDaarna volgt een gewone alinea.";
    const question = "wat is het mailadres van het servicepunt";
    const hasMail = (sentence: string) => /\S@\S/.test(sentence);
    const answer = extractiveAnswer([passage("a", text)], wordsScorer(question), hasMail, { ...DEFAULT_EXTRACTIVE, fillBudget: false }, question);
    expect(answer.hasExpectedType).toBe(true);
    expect(answer.text.startsWith("“Voor vragen over het servicepunt kun je mailen naar:”\n- info@voorbeeld.example [1]")).toBe(true);
  });

  it("keeps list items and table rows whole, in blocks", () => {
    const lines = passageLines("Intro zin die lang genoeg is. Tweede zin die ook lang is.\nDe stappen zijn:\n- • eerste stap van de route\n- tweede stap van de route\n\nKolom | Waarde\n1 | twee");
    expect(lines.map((l) => l.kind)).toEqual(["sentence", "sentence", "sentence", "item", "item", "row", "row"]);
    expect(lines[3]!.text).toBe("eerste stap van de route");
    expect(lines[3]!.block).toBe(lines[4]!.block);
    expect(rowAsPairs(lines[6]!.text, lines[5]!.text)).toBe("Kolom: 1; Waarde: twee");
  });

  it("keeps every value under its own column when the header starts with an empty corner cell or a row has an empty cell", () => {
    const table = readableText("\tGGZ\tJJI\tJeugdwet\nDuur afzondering\tGemaximaliseerd\tGemaximaliseerd\tGeen maximum\nEisen ruimte\t\tStreng\tGeen");
    const lines = passageLines(table);
    expect(lines.map((l) => l.kind)).toEqual(["row", "row", "row"]);
    expect(rowAsPairs(lines[1]!.text, lines[0]!.text)).toBe("Duur afzondering; GGZ: Gemaximaliseerd; JJI: Gemaximaliseerd; Jeugdwet: Geen maximum");
    expect(rowAsPairs(lines[2]!.text, lines[0]!.text)).toBe("Eisen ruimte; JJI: Streng; Jeugdwet: Geen");
  });

  it("reads the number of a numbered item behind a dash ('- 4. Versnelde toegang'), so it is shown once", () => {
    const lines = passageLines("3. Organiseren van een spoedberaad met de keten.\n- 4. Versnelde toegang tot specialistisch aanbod.\n - 5. Monitoring inrichten en gegevens analyseren.");
    expect(lines.map((l) => [l.kind, l.number, l.text])).toEqual([
      ["item", "3.", "Organiseren van een spoedberaad met de keten."],
      ["item", "4.", "Versnelde toegang tot specialistisch aanbod."],
      ["item", "5.", "Monitoring inrichten en gegevens analyseren."],
    ]);
  });

  it("reads words laid out on a slide in tab-separated cells with many gaps as list items, not as a table", () => {
    const cloud = ["Olifantenpad\tHoge werkdruk\tVerlegenheid\t", "\tWisselend personeel\tCrisis\tSlecht bereikbaar", "Tunnelvisie\t\tBesluiteloosheid", "\t\t\tOnduidelijke regie", "Tijdnood\t\tLang gewacht\tAngst om af te schalen"].join("\n");
    const lines = passageLines(readableText(cloud));
    expect(lines.map((l) => l.kind)).toEqual(lines.map(() => "item"));
    expect(lines.map((l) => l.text)).toContain("Wisselend personeel");
    expect(lines.map((l) => l.text)).toContain("Onduidelijke regie");
    expect(lines.some((l) => l.text.includes(":") || l.text.includes("|"))).toBe(false);
    // A table of the same size with a value in nearly every cell stays a table under its header.
    const table = ["Mijlpaal\tActielijn\tWanneer", "Factsheet verlengde jeugdhulp\t4\tVGR 4", "Kader toekomstscenario\t5\tVGR 5", "Toolkit gezinshuizen\t\tVGR 4", "Landelijk symposium\t2\tVGR 5"].join("\n");
    const rows = passageLines(readableText(table));
    expect(rows.map((l) => l.kind)).toEqual(rows.map(() => "row"));
    expect(rowAsPairs(rows[1]!.text, rows[0]!.text)).toBe("Mijlpaal: Factsheet verlengde jeugdhulp; Actielijn: 4; Wanneer: VGR 4");
  });

  it("reads a table line with text in one cell only as that text, not as a row", () => {
    const lines = passageLines(readableText("Tijdnoot\t\tTe lang gewacht\n\t\t\tOnduidelijkheid over wie de regie heeft"));
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ["row", "Tijdnoot | | Te lang gewacht"],
      ["sentence", "Onduidelijkheid over wie de regie heeft"],
    ]);
  });
});

describe("excerpt of a long list item", () => {
  const filler = (word: string) => `${word[0]!.toUpperCase()}${word.slice(1)} is een zin die alleen ruimte vult en verder niets zegt over de vraag.`;
  const item = [filler("eerst"), filler("daarna"), "Het initiatief is om 10.000 professionals in 45 gemeenten te trainen.", filler("later"), filler("tenslotte")].join(" ");
  const scoreBy = (word: string) => (sentence: string) => (sentence.includes(word) ? 1 : 0);

  it("keeps the sentence that answers, with its neighbours as far as they fit, and marks what is left out", () => {
    const shown = excerpt(item, scoreBy("professionals"), 200);
    expect(shown).toContain("10.000 professionals in 45 gemeenten");
    expect(shown.length).toBeLessThanOrEqual(210);
    expect(shown.startsWith("… ")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    // The sentence after the answer comes before the one before it: it often continues it.
    expect(shown).toContain("Later is een zin");
  });

  it("reads on after the answer but not up to it: before it only sentences that share a word with the question", () => {
    const labelled = ["Afschalen.", filler("eerst"), filler("daarna"), "Bij afschalen ervaren we bergen.", filler("later"), filler("tenslotte")].join(" ");
    const shown = excerpt(labelled, (sentence) => (sentence.includes("bergen") ? 1 : sentence.includes("fschalen") ? 0.5 : 0), 200);
    expect(shown.startsWith("Afschalen. … Bij afschalen ervaren we bergen. Later is een zin")).toBe(true);
    expect(shown).not.toContain("Daarna");
    expect(shown).not.toContain("Eerst");
  });

  it("leads with the sentence that holds the figure asked for; sentences before it only when they hold one too", () => {
    const movement = ["We zien een beweging van professionals die samen beter willen worden.", "Professionals werken en leren samen.", "Het initiatief is om 10.000 professionals in 45 gemeenten te trainen.", filler("later"), filler("tenslotte")].join(" ");
    const hasNumber = (sentence: string) => /\d/.test(sentence);
    // Each sentence shares "professionals" with the question, the first two score higher.
    const score = (sentence: string) => (sentence.includes("10.000") ? 1 : sentence.includes("rofessionals") ? 2 : 0);
    expect(excerpt(movement, score, 200, hasNumber).startsWith("… Het initiatief is om 10.000 professionals")).toBe(true);
    // Without the kind asked, the sentences that score best come first, in their order.
    expect(excerpt(movement, score, 200).startsWith("We zien een beweging")).toBe(true);
    // A sentence before it with a figure of its own stays.
    const counted = movement.replace("Professionals werken", "In 2020 werkten professionals");
    expect(excerpt(counted, score, 200, hasNumber)).toContain("In 2020 werkten professionals en leren samen. Het initiatief is om 10.000");
  });

  it("does not show a sentence that does not fit when it would stop just after its colon", () => {
    const text = "De inspectie houdt toezicht op het plan. Het toezicht richt zich daarbij op de volgende aspecten: over de sectoren heen samenwerken; kennis naar het kind brengen.";
    const shown = excerpt(text, scoreBy("toezicht"), 110);
    expect(shown).toBe("De inspectie houdt toezicht op het plan. …");
  });

  it("shows the best sentence that is too long to fit by its opening and the clauses that answer", () => {
    const aspects = "Het toezicht richt zich daarbij op de volgende aspecten: over de sectoren heen samenwerken; kennis naar het kind brengen in plaats van het kind verhuizen; terugdringen van vrijheidsbeperkingen en werken aan een ontwikkelingsgericht klimaat; suïcidepreventie; een lerend klimaat voor de medewerkers.";
    const text = `De inspectie sluit aan bij dit plan. ${aspects} De wijze van toezicht houden is gericht op leren.`;
    const shown = excerpt(text, scoreBy("suïcidepreventie"), 200);
    expect(shown).toContain("Het toezicht richt zich daarbij op de volgende aspecten: … suïcidepreventie; …");
    expect(shown.length).toBeLessThanOrEqual(200);
  });

  it("cuts the best sentence at its commas when that shows its answering clause and its start would not", () => {
    const long = "Complexiteit door de grote variëteit aan hulpvragen: van lichte vragen tot zware problemen waar veiligheid in het geding is en de verschillende toegangen, waarin naast lokale teams ook huisartsen een belangrijke rol spelen.";
    const text = `Informatie. ${filler("eerst")} ${long}`;
    const shown = excerpt(text, scoreBy("huisartsen"), 200);
    expect(shown).toContain("Complexiteit door de grote variëteit aan hulpvragen: … waarin naast lokale teams ook huisartsen een belangrijke rol spelen.");
    expect(shown.length).toBeLessThanOrEqual(200);
    // When its start already answers, the sentence is cut from its start as before.
    expect(excerpt(text, scoreBy("Complexiteit"), 200)).toContain("hulpvragen: van lichte vragen tot zware problemen");
  });

  it("keeps the label that opens an item, though it shares no word with the question", () => {
    const labelled = ["Achtervang en klankbord.", filler("eerst"), "Zij geven een second opinion bij verblijf.", filler("later")].join(" ");
    const shown = excerpt(labelled, scoreBy("second opinion"), 140);
    expect(shown.startsWith("Achtervang en klankbord. … Zij geven een second opinion bij verblijf.")).toBe(true);
    // A longer opening sentence is no label: it gives way to the answer's neighbours.
    const opening = labelled.replace("Achtervang en klankbord.", "Zij zijn er voor complexe gevallen.");
    expect(excerpt(opening, scoreBy("second opinion"), 140).startsWith("… Zij geven")).toBe(true);
  });

  it("keeps an opening condition, under which the sentence that answers holds", () => {
    const conditional = ["Indien er sprake is van vrijwillige hulp, ligt de regie lokaal.", filler("daarna"), "De wijkteammedewerker is dan de casusregisseur.", filler("later")].join(" ");
    const shown = excerpt(conditional, scoreBy("casusregisseur"), 140);
    expect(shown.startsWith("Indien er sprake is van vrijwillige hulp, ligt de regie lokaal. … De wijkteammedewerker is dan de casusregisseur.")).toBe(true);
    // Without a condition the opening sentence gives way to the answer's neighbours.
    const plain = conditional.replace("Indien er sprake is van vrijwillige hulp, ligt", "Daarnaast ligt");
    expect(excerpt(plain, scoreBy("casusregisseur"), 140).startsWith("… ")).toBe(true);
  });

  it("cuts from the start when no sentence shares anything with the question, and leaves short text alone", () => {
    expect(excerpt(item, () => 0, 120)).toBe(`${item.slice(0, 119).replace(/ \S*$/, "")}…`);
    expect(excerpt("Korte zin.", scoreBy("zin"), 120)).toBe("Korte zin.");
  });
});

describe("a long list item in an answer", () => {
  it("shows the part of the item that answers the question, not only its start", () => {
    const longItem = "Er is een beleidsvoorstel gemaakt voor maatwerk in het onderwijs en de zorg, en het thuiszitterspact krijgt een vervolg. Dat is een belangrijke stap voor veel gezinnen in het land, zeker voor de gezinnen waar een kind al lange tijd thuis zit zonder passend onderwijs of passende hulp. Ook start het initiatief van het kabinet om 10.000 professionals in 45 grote gemeenten te trainen in de doorbraakmethode.";
    const passages = [passage("p", `Wat er is bereikt:\n- ${longItem}\n- Een tweede punt over iets anders.`)];
    const question = "hoeveel professionals worden getraind in de doorbraakmethode";
    expect(longItem.length).toBeGreaterThan(300);
    const answer = extractiveAnswer(passages, wordsScorer(question), undefined, DEFAULT_EXTRACTIVE, question);
    expect(answer.text).toContain("10.000 professionals in 45 grote gemeenten");
    expect(answer.text).toContain("Wat er is bereikt:");
  });
});
