import { describe, expect, it } from "vitest";
import { askedAcronym, expandAcronym, spellsOut, typedAcronyms } from "../../src/knowledge/analysis/acronyms.js";

const stopwords = new Set(["van", "de", "voor", "het", "een", "en"]);
const isStopword = (word: string) => stopwords.has(word);
/** Stand-in for the stemmer: a plural -en off. */
const stem = (word: string) => word.replace(/en$/, "");

describe("typedAcronyms", () => {
  it("finds words of 2-5 letters typed with at least two capitals, as typed", () => {
    expect(typedAcronyms("Is het geld voor EMB-leerlingen omhoog? En wanneer komt het PvE van de RvdK?")).toEqual(["EMB", "PvE", "RvdK"]);
    expect(typedAcronyms("Wat doet Wegwijs in Groningen?")).toEqual([]);
  });
});

describe("expandAcronym", () => {
  const texts = [
    "De regeling voor leerlingen met ernstig meervoudige beperkingen is verdubbeld.",
    "Leerlingen met een ernstig meervoudige beperking krijgen zorg op school.",
    "Het programma van eisen komt in december. Het programma van eisen is klaar.",
    "Er zijn nare levensgebeurtenissen. Naast lokale teams werken zij samen.",
  ];

  it("takes the words whose initials spell it, word forms counted together", () => {
    expect(expandAcronym("EMB", texts, isStopword, stem)).toMatch(/^ernstig meervoudige beperking/);
  });

  it("lets a lower-case letter stand for any word, a capital only for a content word", () => {
    expect(expandAcronym("PvE", texts, isStopword, stem)).toBe("programma van eisen");
    expect(expandAcronym("PVE", ["Het programma van eisen. Het programma van eisen."], isStopword, stem)).toBeUndefined();
  });

  it("gives nothing when no phrase clearly leads or a phrase is used once", () => {
    expect(expandAcronym("NL", texts, isStopword, stem)).toBeUndefined();
    expect(expandAcronym("RZ", ["Regionale zorg is er.", "Ruime zorg ook."], isStopword, stem)).toBeUndefined();
  });
});

describe("askedAcronym", () => {
  it("finds the acronym a question asks the meaning of, and nothing in other questions", () => {
    expect(askedAcronym("wat betekent JIM?")).toBe("JIM");
    expect(askedAcronym("waar staat GVA eigenlijk voor?")).toBe("GVA");
    expect(askedAcronym("waar staat GVA voor?")).toBe("GVA");
    expect(askedAcronym("wat is het INT precies?")).toBe("INT");
    // A demonstrative points at the acronym as something heard of ("wat is dat INT precies in ...").
    expect(askedAcronym("wat is dat INT precies in die nieuwe werkwijze?")).toBe("INT");
    expect(askedAcronym("wat is die OTS nou?")).toBe("OTS");
    expect(askedAcronym("wat is dat voor een plan?")).toBeUndefined();
    expect(askedAcronym("wat is de rol van het NJi?")).toBeUndefined();
    expect(askedAcronym("wat doet het OZJ?")).toBeUndefined();
    expect(askedAcronym("wat is de wachttijd?")).toBeUndefined();
  });

  it("reads a short word typed in lower case that is no Dutch word as the acronym in capitals", () => {
    // New-user try of the forty-third session: "wat is mvs precies?" missed "Schiedam (MVS)".
    const dutch = new Set(["zorg", "dat"]);
    const isWord = (word: string) => dutch.has(word);
    expect(askedAcronym("wat is mvs precies?", isWord)).toBe("MVS");
    expect(askedAcronym("wat betekent gva", isWord)).toBe("GVA");
    expect(askedAcronym("wat is zorg?", isWord)).toBeUndefined();
    expect(askedAcronym("wat is jeugdhulp?", isWord)).toBeUndefined();
  });
});

describe("spellsOut", () => {
  it("takes an acronym with its words beside it in brackets, either way round, and not an acronym only used", () => {
    expect(spellsOut("Er wordt gewerkt met JIM (Jouw Informele Mentor), dus", "JIM")).toBe(true);
    expect(spellsOut("een Integraal Netwerkversterkend Team (INT) waarbij", "INT")).toBe(true);
    expect(spellsOut("in bijzijn van de systeemtherapeut, JIM en mentor.", "JIM")).toBe(false);
    expect(spellsOut("de JIMMY (een ander woord) hier", "JIM")).toBe(false);
  });
});
