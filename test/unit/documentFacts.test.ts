import { describe, expect, it } from "vitest";
import { documentFactAnswer, documentFactAsked, readableDate } from "../../src/handlers/ask/documentFacts.js";
import { DocumentNames, namedDocument } from "../../src/knowledge/namedDocument.js";
import type { DocumentMeta } from "../../src/knowledge/types.js";

const stopwords = new Set(["voor", "over", "zorg"]);
const isStopword = (word: string) => stopwords.has(word);

const plan: DocumentMeta = { id: "actieplan-kwetsbare-jongeren.md", title: "De best passende zorg voor kwetsbare jongeren", date: "2019-03-25", region: "landelijk", kind: "actieplan", publisher: "Branches en coalitie" };
const vision: DocumentMeta = { id: "regiovisie-rijnmond.md", title: "Nabij en passend: regiovisie jeugdhulp", date: "2020-11", region: "Rijnmond", kind: "regiovisie", publisher: "Gemeenschappelijke Regeling" };
const slides: DocumentMeta = { id: "werkwijze-noord.md", title: "Nieuwe werkwijze plaatsing", date: null, region: "Groningen en Drenthe", kind: "presentatie", publisher: null };
const documents = [plan, vision, slides];

describe("documentFactAsked", () => {
  it.each([
    ["welke organisaties hebben de nieuwe werkwijze gemaakt?", "maker"],
    ["wie heeft het actieplan geschreven?", "maker"],
    ["wie zijn de makers van de presentatie?", "maker"],
    ["wie zitten er achter die nieuwe werkwijze plaatsing jz+ hier in groningen/drenthe?", "maker"],
    ["wie zitten er eigenlijk achter die werkwijze?", "maker"],
    ["wie staat achter de regiovisie?", "maker"],
    ["van wanneer is de regiovisie?", "date"],
    ["wanneer is het actieplan verschenen?", "date"],
    ["uit welk jaar is het actieplan?", "date"],
  ])("%j asks for the %s", (question, fact) => {
    expect(documentFactAsked(question)).toBe(fact);
  });

  it.each(["van wie is het plan eigenlijk een initiatief?", "wie beslist over een plaatsing?", "wanneer is een spoedberaad nodig?", "wat staat er in het actieplan over separeren?"])("%j asks what a document says", (question) => {
    expect(documentFactAsked(question)).toBeUndefined();
  });
});

describe("namedDocument", () => {
  it("finds the one document whose title, kind, region or file name the question uses", () => {
    expect(namedDocument("van wanneer is de regiovisie?", documents, isStopword)).toBe(vision);
    expect(namedDocument("wie maakte de werkwijze in Groningen?", documents, isStopword)).toBe(slides);
    expect(namedDocument("wie schreef het plan voor kwetsbare jongeren?", documents, isStopword)).toBe(plan);
  });

  it("takes the document after 'volgens' when the question names another as its subject", () => {
    const question = "wat is er nodig om het plan voor kwetsbare jongeren te laten slagen, volgens de regiovisie?";
    expect(namedDocument(question, documents, isStopword)).toBe(vision);
    expect(new DocumentNames(documents, isStopword).named(question, true)).toBe(vision);
    // Without it, the plan the question is about.
    expect(namedDocument("wat is er nodig om het plan voor kwetsbare jongeren te laten slagen?", documents, isStopword)).toBe(plan);
  });

  it("finds none when the question names no document, or words that several share", () => {
    expect(namedDocument("wie heeft het plan gemaakt?", documents, isStopword)).toBeUndefined();
    expect(namedDocument("wie heeft de regiovisie en de werkwijze gemaakt?", documents, isStopword)).toBeUndefined();
  });

  it("clearly: only by two of its words or by its kind, not by one word of its title", () => {
    const names = new DocumentNames(documents, isStopword);
    expect(names.named("hoe ziet de jeugdhulp in Rijnmond eruit?", true)).toBe(vision);
    expect(names.named("wat zegt het actieplan over separeren?", true)).toBe(plan);
    expect(names.named("wat is de rol van de jeugdhulp?", true)).toBeUndefined();
    expect(names.named("wat is de rol van de jeugdhulp?")).toBe(vision);
  });
});

describe("documentFactAnswer", () => {
  it("answers from the document's details, cited as those details", () => {
    const answer = documentFactAnswer("maker", plan)!;
    expect(answer.text).toBe("Volgens de gegevens bij de plandocumenten komt “De best passende zorg voor kwetsbare jongeren” (actieplan, landelijk) van: Branches en coalitie. [1]");
    expect(answer.source).toMatchObject({ n: 1, documentId: plan.id, section: "Documentgegevens", quote: "Uitgever: Branches en coalitie; datum: 25 maart 2019; soort: actieplan" });
    expect(documentFactAnswer("date", vision)!.text).toContain("(regiovisie, regio Rijnmond) van november 2020. [1]");
  });

  it("gives nothing when the details lack the fact: the documents' text may still say it", () => {
    expect(documentFactAnswer("date", slides)).toBeUndefined();
    expect(documentFactAnswer("maker", slides)).toBeUndefined();
  });

  it("writes dates the Dutch way", () => {
    expect(readableDate("2020-11-30")).toBe("30 november 2020");
    expect(readableDate("2020-11")).toBe("november 2020");
    expect(readableDate("2019")).toBe("2019");
    expect(readableDate("voorjaar 2021")).toBe("voorjaar 2021");
  });
});
