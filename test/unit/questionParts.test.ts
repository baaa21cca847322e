import { describe, expect, it } from "vitest";
import { asksMoreAfterFirstSentence, questionParts, withoutDeniedInRemark } from "../../src/handlers/ask/questionParts.js";

describe("questionParts", () => {
  it("splits two questions at the first question mark", () => {
    expect(questionParts("Wie zitten er in de regiegroep? en hoe vaak laten ze de voortgang zien?")).toEqual({
      first: "Wie zitten er in de regiegroep?",
      later: "hoe vaak laten ze de voortgang zien",
    });
  });

  it("splits '..., en <question word> ...' and keeps a preposition before the question word", () => {
    expect(questionParts("Hoeveel mensen volgen de training, en in hoeveel regio's?")).toEqual({
      first: "Hoeveel mensen volgen de training",
      later: "in hoeveel regio's",
    });
    expect(questionParts("wie betaalt het spoedberaad en wanneer wordt het gehouden")?.later).toBe("wanneer wordt het gehouden");
    expect(questionParts("van wie is het plan nou eigenlijk, en onder welk programma valt het?")?.later).toBe("onder welk programma valt het");
  });

  it("reads a yes/no question after a question mark as a second question", () => {
    expect(questionParts("Wanneer worden de plekken afgebouwd? En doet Friesland ook mee?")).toEqual({
      first: "Wanneer worden de plekken afgebouwd?",
      later: "doet Friesland ook mee",
    });
    // A statement after the question, even one that opens with such a verb, is a remark.
    expect(questionParts("hoeveel pleeggezinnen zijn er? is volgens mij te weinig")).toBeUndefined();
    // One that opens with "en" asks, also without a question mark (new-user try of the forty-fourth session).
    expect(questionParts("wanneer gaat een melding naar veilig thuis? en blijft het wijkteam dan betrokken")).toEqual({
      first: "wanneer gaat een melding naar veilig thuis?",
      later: "blijft het wijkteam dan betrokken",
    });
  });

  it("reads a yes/no question after a comma and 'en' as a second question when the first part asks something", () => {
    // New-user try: "mag afzonderen nog" went unanswered and unmentioned.
    expect(questionParts("wat is t verschil tussen gesloten en open jeugdhulp, en mag afzonderen nog?")).toEqual({
      first: "wat is t verschil tussen gesloten en open jeugdhulp",
      later: "mag afzonderen nog",
    });
    expect(questionParts("ik heb een jongere van 15, en is er nog plek?")).toBeUndefined();
    expect(questionParts("wat doet het servicepunt, en dat is in rijnmond?")).toBeUndefined();
  });

  it("reads a yes/no question after 'en' without a comma as a second question, but not 'en zijn' (his)", () => {
    // New-user try: "wat zijn de doelen voor 2027 en doet friesland ook mee?" lost its first question.
    expect(questionParts("wat zijn de doelen voor 2027 en doet friesland ook mee?")).toEqual({ first: "wat zijn de doelen voor 2027", later: "doet friesland ook mee" });
    expect(questionParts("wanneer is er een spoedberaad en moet de jongere daarbij zijn?")).toEqual({ first: "wanneer is er een spoedberaad", later: "moet de jongere daarbij zijn" });
    expect(questionParts("wat moeten de jongere en zijn ouders doen?")).toBeUndefined();
    expect(questionParts("ik heb een jongere van 15 en is er nog plek?")).toBeUndefined();
  });

  it("does not split one question, or a question followed by a remark", () => {
    expect(questionParts("Wat doet het Servicepunt JeugdzorgPlus?")).toBeUndefined();
    expect(questionParts("hoeveel pleeggezinnen zijn er? hoor steeds dat er een tekort is")).toBeUndefined();
    expect(questionParts("ligt de regie bij de GI? (rijnmond)")).toBeUndefined();
    // "en" between two nouns is not a second question.
    expect(questionParts("wat doen ouders en jongeren bij een spoedberaad?")).toBeUndefined();
  });
});

describe("withoutDeniedInRemark", () => {
  it("leaves out what a remark after the question denies", () => {
    expect(withoutDeniedInRemark("hoe kom ik aan een machtiging jz+ in gr/dr? gewoon regulier, geen spoed")).toBe("hoe kom ik aan een machtiging jz+ in gr/dr? gewoon regulier");
    expect(withoutDeniedInRemark("hoe vraag ik een machtiging aan? dus niet met spoed")).toBe("hoe vraag ik een machtiging aan? dus");
    expect(withoutDeniedInRemark("hoe kom ik aan een machtiging? zonder een spoedmachtiging")).toBe("hoe kom ik aan een machtiging?");
  });
  it("keeps a denial inside the question, and a message without a remark", () => {
    expect(withoutDeniedInRemark("wat als er geen perspectief is?")).toBe("wat als er geen perspectief is?");
    expect(withoutDeniedInRemark("wat als er geen perspectief is? en wie beslist dan?")).toBe("wat als er geen perspectief is? en wie beslist dan?");
    expect(withoutDeniedInRemark("wat als er geen perspectief is")).toBe("wat als er geen perspectief is");
  });
});

describe("asksMoreAfterFirstSentence", () => {
  it.each([
    ["en in groningen? hoe gaat plaatsing in jz+ daar", true],
    ["en volgens de voortgangsrapportage? wie betaalt dat?", true],
    // One sentence, or a later one that only asks what is said there.
    ["en volgens de voortgangsrapportage?", false],
    ["en in de voortgangsrapportage? wat staat daarover?", false],
    ["en in rijnmond? wat zeggen ze erover?", false],
  ])("%j: %s", (message, expected) => {
    expect(asksMoreAfterFirstSentence(message)).toBe(expected);
  });
});
