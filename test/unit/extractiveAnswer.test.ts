import { describe, expect, it } from "vitest";
import { DEFAULT_EXTRACTIVE, extractiveAnswer } from "../../src/handlers/ask/extractiveAnswer.js";
import type { RetrievedPassage } from "../../src/knowledge/types.js";

function passage(id: string, text: string, coverage = 0.8): RetrievedPassage {
  return {
    chunk: { id, documentId: `${id}.md`, documentTitle: `Doc ${id}`, sectionPath: ["1 Sectie"], start: 0, end: text.length, text },
    score: 1,
    coverage,
  };
}

/** Scores by the words of the question a sentence contains. */
const wordsScorer = (question: string) => {
  const words = question.toLowerCase().split(/\W+/).filter((w) => w.length > 3);
  return (sentence: string) => words.filter((w) => sentence.toLowerCase().includes(w)).length / words.length;
};

describe("extractiveAnswer", () => {
  it("quotes the best sentences verbatim with their citation numbers", () => {
    const answer = extractiveAnswer(
      [
        passage("a", "Het weer is mooi vandaag. Een spoedberaad vindt plaats met ouders en jongere erbij."),
        passage("b", "De HSJ-kennis wordt via het Servicepunt aan het spoedberaad gekoppeld."),
      ],
      wordsScorer("wie zitten er bij een spoedberaad met ouders"),
    );
    expect(answer.text).toContain("“Een spoedberaad vindt plaats met ouders en jongere erbij.” [1]");
    expect(answer.text).not.toContain("weer is mooi");
    expect(answer.cited).toContain(1);
  });

  it("quotes the list that a sentence ending in ':' introduces", () => {
    const answer = extractiveAnswer(
      [passage("a", "Casusregie kent vier stappen:\n- Stap 1 vraaganalyse\n- Stap 2 het resultaat\n- Stap 3 de middelen\n\nLosse andere tekst over iets anders hier.")],
      wordsScorer("welke stappen kent casusregie"),
    );
    expect(answer.text).toMatch(/vier stappen:” \[1\]\n {2}- Stap 1 vraaganalyse\n {2}- Stap 2 het resultaat\n {2}- Stap 3 de middelen/);
  });

  it("prefers a sentence with the expected answer type and reports when none has it", () => {
    const passages = [passage("a", "Friesland sluit zo snel mogelijk aan bij de werkwijze. Friesland doet mee vanaf 1 januari 2026.")];
    const hasDate = (s: string) => /\b20\d\d\b/.test(s);
    const withDate = extractiveAnswer(passages, wordsScorer("wanneer sluit friesland aan"), hasDate);
    expect(withDate.hasExpectedType).toBe(true);
    expect(withDate.text).toContain("2026");

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
    expect(named.text).toBe(
      "“Ouders en kind begrijpen waarom het nodig is.” [1]\n“Beiden weten wat er daarna gebeurt.” [1]\n“Er is een plan voor terugkeer.” [1]",
    );
  });

  it("quotes the date or figure on the line under a matching title line", () => {
    const passages = [passage("r", "Regiovisie jeugdhulp regio Rijnmond\n30 november 2020\nDe regio wil hulp dichtbij organiseren.")];
    const hasDate = (s: string) => /\b20\d\d\b/.test(s);
    const answer = extractiveAnswer(passages, wordsScorer("van wanneer is de regiovisie jeugdhulp rijnmond?"), hasDate);
    expect(answer.hasExpectedType).toBe(true);
    expect(answer.text).toContain("“30 november 2020” [1]");
  });

  it("reads a sentence together with its heading", () => {
    const goal = passage("d", "Eerder signaleren en sneller begeleiden.", 0.5);
    goal.chunk = { ...goal.chunk, sectionPath: ["Suicidepreventie", "Doelstelling"] };
    const noise = passage("n", "Het preventieplan kent mijlpalen en een training die klaar is.", 0.5);
    const question = wordsScorer("wat is de doelstelling van het preventieplan voor signaleren");
    const onlyBest = { ...DEFAULT_EXTRACTIVE, maxSentences: 1 };
    expect(extractiveAnswer([noise, goal], question, undefined, onlyBest).text).toBe("“Eerder signaleren en sneller begeleiden.” [2]");
    expect(extractiveAnswer([noise, goal], question, undefined, { ...onlyBest, headingContext: 0 }).text).toContain("preventieplan");
  });

  it("quotes the sentence that continues a quoted one ('Daarmee ...')", () => {
    const passages = [
      passage("p", "Verder is er veel aandacht voor scholing. Pleegzorg heeft de voorkeur boven andere vormen van verblijf. Daarmee blijft het kind in een gezin. Een pleeggezin zoeken we dichtbij huis."),
    ];
    const answer = extractiveAnswer(passages, wordsScorer("waarom pleeggezin dichtbij huis en waarom pleegzorg voorkeur"));
    expect(answer.text).toContain("“Daarmee blijft het kind in een gezin.” [1]");
    expect(answer.text).not.toContain("Verder is er");
  });

  it("quotes the answer that follows a quoted question", () => {
    const passages = [
      passage("q", "Verder is er veel aandacht voor scholing. We vroegen de jongeren wat de groep voor hen betekent? Vooral rust en ruimte kwamen steeds terug. Een pleeggezin zoeken we dichtbij huis, zeiden de jongeren over de groep."),
    ];
    const answer = extractiveAnswer(passages, wordsScorer("wat zeiden de jongeren over de groep"));
    expect(answer.text).toContain("“Vooral rust en ruimte kwamen steeds terug.” [1]");
  });
});
