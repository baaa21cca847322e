import { describe, expect, it } from "vitest";
import { asksForChange, countedWords, countsWords, durationSubject, namesSubject, personRoleOf, personSubject, statedCount, statesCount } from "../../src/knowledge/analysis/countedThing.js";

/** Stand-in for the analyser: lower case, a plural -en or -s off. */
const terms = (word: string) => [word.toLowerCase().replace(/(en|s)$/, "")];

describe("countedWords", () => {
  it("takes the words a how-many question counts", () => {
    expect(countedWords("hoeveel JZ+ plekken zijn er landelijk?")).toEqual(["jz+", "plekken"]);
    expect(countedWords("bij hoeveel vragen was het team betrokken?")).toEqual(["vragen", "was"]);
    expect(countedWords("wat is het doel van het plan?")).toBeUndefined();
    // A comparative asks by how much, it is not what is counted.
    expect(countedWords("hoeveel meer plekken komen er?")).toEqual(["plekken", "komen"]);
    expect(countedWords("hoeveel minder?")).toBeUndefined();
    // "mensen" counts people of any role the documents name ("10.000 professionals").
    expect(countedWords("om hoeveel mensen gaat het?")).toEqual(["gaat"]);
    expect(countedWords("hoeveel personen en gemeenten doen mee?")).toEqual(["en"]);
  });
});

describe("countsWords", () => {
  it("wants a number next to what is counted", () => {
    expect(countsWords("In 2019 was het team betrokken bij ruim 100 vragen van ouders.", ["vragen"], terms)).toBe(true);
    expect(countsWords("Kleinschalig verblijf: maximaal zes jongeren per groep.", ["jongeren"], terms)).toBe(true);
    expect(countsWords("Een meisje van 15 jaar is nu opgenomen in een gesloten groep, waar nog plekken vrij zijn.", ["plekken"], terms)).toBe(false);
  });

  it("does not take a change by a share ('teruggebracht met 80%') for a count, unless the question asks by how much", () => {
    const change = "In 2021 zijn de gedwongen afzonderingen teruggebracht met 80%.";
    expect(countsWords(change, ["afzonderingen"], terms, asksForChange("hoeveel gedwongen afzonderingen waren er bij de nulmeting?"))).toBe(false);
    expect(countsWords(change, ["afzonderingen"], terms, asksForChange("met hoeveel moesten de afzonderingen omlaag?"))).toBe(true);
    // A share of a group is still how many of them.
    expect(countsWords("Circa 70% van de jongeren komt binnen met een spoedmachtiging.", ["jongeren"], terms, false)).toBe(true);
  });

  it("does not take an age or a duration for a count of what stands next to it, unless the question counts that unit", () => {
    expect(countsWords("Een meisje van 15 jaar is op veel plekken opgenomen geweest.", ["meisjes"], terms)).toBe(false);
    expect(countsWords("Er verblijven nu 40 meisjes in de groep.", ["meisjes"], terms)).toBe(true);
    expect(countsWords("Een machtiging geldt hooguit 6 maanden.", ["maanden"], terms)).toBe(true);
  });

  it("wants the first counted word that is not a stop word in the text, not just any of them near a number", () => {
    const analysed = (word: string) => (["verschillende"].includes(word.toLowerCase()) ? [] : terms(word));
    expect(countsWords("Het meisje is op 14 verschillende plekken opgenomen geweest.", ["jz+", "plekken"], analysed)).toBe(false);
    expect(countsWords("De JZ+ telt nu 14 plekken in de regio.", ["jz+", "plekken"], analysed)).toBe(true);
    // A stop word in front ("hoeveel verschillende plekken") is not what is counted.
    expect(countsWords("Het meisje is op 14 verschillende plekken opgenomen geweest.", ["verschillende", "plekken"], analysed)).toBe(true);
  });

  it("takes any number when only stop words are counted ('met hoeveel moest het omlaag?')", () => {
    const stopWordsOnly = (word: string) => (["moest", "het"].includes(word) ? [] : terms(word));
    expect(countsWords("Gedwongen afzonderingen zijn teruggebracht met 80%.", ["moest", "het"], stopWordsOnly)).toBe(true);
    expect(countsWords("Gedwongen afzonderingen zijn sterk teruggebracht.", ["moest", "het"], stopWordsOnly)).toBe(false);
  });

  it("does not take an age or a span of time for a count when only stop words are counted ('hoeveel gaat er via spoed?')", () => {
    const stopWordsOnly = (word: string) => (["gaat", "er"].includes(word) ? [] : terms(word));
    expect(countsWords("Ferdi (16 jaar oud) wordt via een spoedprocedure geplaatst.", ["gaat"], stopWordsOnly)).toBe(false);
    expect(countsWords("Een meisje van 15 jaar wordt met spoed geplaatst.", ["gaat"], stopWordsOnly)).toBe(false);
    expect(countsWords("Een groot deel van de jongeren (circa 70%) wordt met spoed geplaatst.", ["gaat"], stopWordsOnly)).toBe(true);
  });

  it("reads every Dutch number word as a count, also from thirteen to nineteen and the tens", () => {
    expect(countsWords("Van de dertien gemeenten die zich meldden, zijn er twee gekozen.", ["gemeenten"], terms)).toBe(true);
    expect(countsWords("Er zijn tachtig plekken afgebouwd.", ["plekken"], terms)).toBe(true);
    expect(countsWords("Er is een plek vrij.", ["plek"], terms)).toBe(false);
  });

  it("does not take a year for a count", () => {
    expect(countsWords("Half 2027 zijn de plekken afgebouwd.", ["plekken"], terms)).toBe(false);
  });
});

describe("durationSubject", () => {
  it("takes what a how-long question asks the duration of, and nothing when it names no subject", () => {
    expect(durationSubject("Hoe lang is een spoedmachtiging voor plaatsing geldig?")).toEqual(["spoedmachtiging", "voor"]);
    expect(durationSubject("hoe lang duurt de gemiddelde wachttijd?")).toEqual(["gemiddelde", "wachttijd"]);
    expect(durationSubject("na hoe lang kon hij naar huis?")).toBeUndefined();
    // A verb and who does it before the thing: how long one keeps a file asks about the file.
    expect(durationSubject("hoe lang bewaar je een dossier van een jeugdige?")).toEqual(["dossier", "van"]);
    // "het" in "hoe lang mag het duren voordat …" stands for nothing: no subject to find.
    expect(durationSubject("hoe lang mag het duren voordat een jongere weet waar hij woont?")).toBeUndefined();
  });

  it("reads a compound of 'duur' as the duration of its first part ('verblijfsduur': a stay)", () => {
    expect(durationSubject("wat is de gemiddelde verblijfsduur in de jeugdzorgplus?")).toEqual(["verblijf"]);
    expect(durationSubject("wat is de behandelduur?")).toEqual(["behandel"]);
    expect(durationSubject("wat is de duur van een machtiging?")).toBeUndefined();
  });

  it("wants the subject's first word that is not a stop word in the sentence with the duration", () => {
    const analysed = (word: string) => (["voor", "de"].includes(word.toLowerCase()) ? [] : terms(word));
    expect(namesSubject("Elke jeugdige weet binnen een half jaar waar hij woont.", ["spoedmachtiging", "voor"], analysed)).toBe(false);
    expect(namesSubject("Een spoedmachtiging geldt vier weken.", ["spoedmachtiging", "voor"], analysed)).toBe(true);
  });
});

describe("personSubject", () => {
  it("takes the role a who-is question asks the holder of, and nothing for other who-questions", () => {
    expect(personSubject("wie is de voorzitter van de raad van bestuur?")).toEqual(["voorzitter", "van"]);
    expect(personSubject("Wie was het aanspreekpunt bij het Servicepunt?")).toEqual(["aanspreekpunt", "bij"]);
    expect(personSubject("wie zitten er in de regiegroep?")).toBeUndefined();
  });

  it("takes what the role belongs to, so a chairman of another body does not answer", () => {
    expect(personRoleOf("wie is de voorzitter van de raad van bestuur van elker?")).toBe("raad");
    expect(personRoleOf("wie is de voorzitter van de stuurgroep transformatie?")).toBe("stuurgroep");
    expect(personRoleOf("Wie was het aanspreekpunt bij het Servicepunt?")).toBe("servicepunt");
    expect(personRoleOf("wie is de voorzitter?")).toBeUndefined();
  });
});

describe("statedCount", () => {
  it("takes the count a question asks for, not a number it only refers to", () => {
    expect(statedCount("Welke vijf stappen heeft de meldcode?")).toEqual({ n: 5, words: ["stappen", "heeft"] });
    expect(statedCount("wat zijn de 2 doelen van het plan?")).toEqual({ n: 2, words: ["doelen", "van"] });
    expect(statedCount("wie hebben die 5 basisfuncties vastgesteld?")).toBeUndefined();
    expect(statedCount("welke stappen zijn er?")).toBeUndefined();
  });

  it("finds the count by what is counted, or as a list of that many lines", () => {
    const count = { n: 4, words: ["fases"] };
    expect(statesCount("Casusregie kent vier fases:", count, terms)).toBe(true);
    expect(statesCount("Fase 4 – Toetsing", count, terms)).toBe(true);
    expect(statesCount("a\nb\nc\nd", count, terms)).toBe(true);
    expect(statesCount("a\nb\nc", count, terms)).toBe(false);
    expect(statesCount("In 4 regio's zijn fases gepland.", count, terms)).toBe(true);
    expect(statesCount("Er zijn 4 regio's gestart.", count, terms)).toBe(false);
  });
});
