import { describe, expect, it } from "vitest";
import { headingLabelTerms, labelTerm, referencedLabelTerms, withoutReferencesTo } from "../../src/knowledge/analysis/sectionLabels.js";

describe("headingLabelTerms", () => {
  it("takes the label of each numbered or lettered heading in the trail", () => {
    expect(headingLabelTerms(["5 Veranderopgaven", "5.2.5 Matching & plaatsing", "Doelstelling"])).toEqual([labelTerm("5"), labelTerm("5.2.5")]);
    expect(headingLabelTerms(["Basisprincipes", "G. Als ouders en kind uit elkaar moeten"])).toEqual([labelTerm("g")]);
    expect(headingLabelTerms(["Actielijn 5: Jeugdigen beter beschermen"])).toEqual([labelTerm("5")]);
  });

  it("does not take a word or a bare capital for a label", () => {
    expect(headingLabelTerms(["Inleiding", "Wat kunnen we morgen doen?"])).toEqual([]);
    expect(headingLabelTerms(["A Ik laat je niet alleen"])).toEqual([]);
  });
});

describe("referencedLabelTerms", () => {
  it("finds the parts a question names, typos in 'principe' included", () => {
    expect(referencedLabelTerms("wat zegt principe G over ouders?")).toEqual([labelTerm("g")]);
    expect(referencedLabelTerms("basisprinciepe A, wat houdt dat in?")).toEqual([labelTerm("a")]);
    expect(referencedLabelTerms("wat staat er in paragraaf 5.2.5 en hoofdstuk 3?")).toEqual([labelTerm("5.2.5"), labelTerm("3")]);
    expect(referencedLabelTerms("wat is actielijn 5?")).toEqual([labelTerm("5")]);
  });

  it("leaves ordinary questions alone", () => {
    expect(referencedLabelTerms("wat is het principe van de gedeelde verklarende analyse?")).toEqual([]);
    expect(referencedLabelTerms("hoeveel procent komt met een spoedmachtiging binnen?")).toEqual([]);
    expect(referencedLabelTerms("wat is het doel in 2027?")).toEqual([]);
  });
});

describe("withoutReferencesTo", () => {
  it("leaves out the references to parts with one of the labels, and keeps the others", () => {
    const labels = headingLabelTerms(["3 Regionale infrastructuur", "3.5 Casusregie bij veiligheid"]);
    expect(withoutReferencesTo("wat staat er verder in paragraaf 3.5, wanneer gaat de regie naar de GI?", labels)).not.toContain("3.5");
    expect(withoutReferencesTo("wat staat er in paragraaf 2.7?", labels)).toContain("paragraaf 2.7");
  });
});
