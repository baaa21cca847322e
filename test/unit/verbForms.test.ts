import { describe, expect, it } from "vitest";
import { derivedVerb, inflectionBase, infinitiveCandidates, numberWordValue, participleInfinitive, prefixedParticipleInfinitive, presentTenseInfinitive } from "../../src/knowledge/analysis/verbForms.js";

const known = (...words: string[]) => {
  const set = new Set(words);
  return (word: string) => set.has(word);
};

describe("prefixedParticipleInfinitive", () => {
  it("finds the infinitive of a participle whose verb has an unstressed prefix and no ge-", () => {
    const isKnown = known("bedoelen", "ontwikkelen", "verwachten");
    expect(prefixedParticipleInfinitive("bedoeld", isKnown)).toBe("bedoelen");
    expect(prefixedParticipleInfinitive("ontwikkeld", isKnown)).toBe("ontwikkelen");
    expect(prefixedParticipleInfinitive("verwacht", isKnown)).toBe("verwachten");
    expect(prefixedParticipleInfinitive("beleid", isKnown)).toBeUndefined();
    expect(prefixedParticipleInfinitive("gedeeld", isKnown)).toBeUndefined();
  });
});

describe("participleInfinitive", () => {
  it("finds the infinitive of regular participles the corpus knows", () => {
    const isKnown = known("separeren", "stoppen", "plaatsen", "delen");
    expect(participleInfinitive("gesepareerd", isKnown)).toBe("separeren");
    expect(participleInfinitive("gestopt", isKnown)).toBe("stoppen");
    expect(participleInfinitive("geplaatst", isKnown)).toBe("plaatsen");
    expect(participleInfinitive("gedeeld", isKnown)).toBe("delen");
  });

  it("leaves other words and unknown verbs alone", () => {
    const isKnown = known("stoppen");
    expect(participleInfinitive("gesprek", isKnown)).toBeUndefined();
    expect(participleInfinitive("geregeld", isKnown)).toBeUndefined();
    expect(participleInfinitive("stoppen", isKnown)).toBeUndefined();
  });
});

describe("inflectionBase", () => {
  it("takes a superlative back to its base and drops the plus of an age", () => {
    const isKnown = known("vaak", "groot");
    expect(inflectionBase("vaakst", isKnown)).toBe("vaak");
    expect(inflectionBase("grootste", isKnown)).toBe("groot");
    expect(inflectionBase("16+", isKnown)).toBe("16");
    expect(inflectionBase("kunst", isKnown)).toBeUndefined();
  });

  it("reads a plural typed without its apostrophe as the word the corpus knows ('regios' is 'regio's'), not a word of its own", () => {
    const isKnown = known("regio", "cao", "thui", "thuis", "crisi", "crisis");
    expect(inflectionBase("regios", isKnown)).toBe("regio");
    expect(inflectionBase("caos", isKnown)).toBe("cao");
    expect(inflectionBase("thuis", isKnown)).toBeUndefined();
    expect(inflectionBase("crisis", isKnown)).toBeUndefined();
    expect(inflectionBase("fotos", isKnown)).toBeUndefined();
  });

  it("reads a plural in -s after an e that the corpus does not use as the singular it does use ('situaties' is 'situatie')", () => {
    const isKnown = known("situatie", "ambitie", "mens", "mense");
    expect(inflectionBase("situaties", isKnown)).toBe("situatie");
    expect(inflectionBase("ambities", isKnown)).toBe("ambitie");
    // A word the corpus knows as typed stays itself.
    expect(inflectionBase("mens", isKnown)).toBeUndefined();
  });
});

describe("inflectionBase of a diminutive", () => {
  it("takes a diminutive the corpus does not use back to the word it is made of", () => {
    const isKnown = known("lijst", "stuk", "boom", "bal", "kaart");
    expect(inflectionBase("lijstje", isKnown)).toBe("lijst");
    expect(inflectionBase("stukjes", isKnown)).toBe("stuk");
    expect(inflectionBase("boompje", isKnown)).toBe("boom");
    expect(inflectionBase("balletje", isKnown)).toBe("bal");
    expect(inflectionBase("kaartje", isKnown)).toBe("kaart");
  });

  it("leaves a word the corpus uses, and a base it does not know, alone", () => {
    expect(inflectionBase("meisje", known("meisje", "meis"))).toBeUndefined();
    expect(inflectionBase("lijstje", known("lijsten"))).toBeUndefined();
    expect(inflectionBase("stoeltje", known("stoel"))).toBe("stoel");
    expect(inflectionBase("beetje", known())).toBeUndefined();
  });
});

describe("infinitiveCandidates", () => {
  it("spells the infinitive the ways Dutch does", () => {
    expect(infinitiveCandidates("werk")).toContain("werken");
    expect(infinitiveCandidates("stop")).toContain("stoppen");
    expect(infinitiveCandidates("woon")).toContain("wonen");
  });
});

describe("derivedVerb", () => {
  const known = new Set(["registreren", "samenwerken", "oprichten", "separeren", "plaatsen", "opbouwen"]);
  const isKnown = (word: string) => known.has(word);

  it.each([
    ["registratie", "registreren"],
    ["registraties", "registreren"],
    ["separatie", "separeren"],
    ["samenwerking", "samenwerken"],
    ["samenwerkingen", "samenwerken"],
    ["plaatsing", "plaatsen"],
    ["opgericht", "oprichten"],
    ["opgebouwd", "opbouwen"],
  ])("%s -> %s", (word, verb) => {
    expect(derivedVerb(word, isKnown)).toBe(verb);
  });

  it("derives the verb of a noun in -name that the corpus or the word list knows ('toename' / 'toenemen')", () => {
    expect(derivedVerb("toename", isKnown, (word) => word === "toenemen")).toBe("toenemen");
    expect(derivedVerb("deelnames", (word) => word === "deelnemen")).toBe("deelnemen");
    expect(derivedVerb("toename", isKnown)).toBeUndefined();
  });

  it("derives nothing the corpus does not know, and leaves other words alone", () => {
    expect(derivedVerb("organisatie", isKnown)).toBeUndefined();
    expect(derivedVerb("ring", isKnown)).toBeUndefined();
    expect(derivedVerb("jeugdhulp", isKnown)).toBeUndefined();
  });
});

describe("numberWordValue", () => {
  it("gives the digits of a number word, not of the article 'een'", () => {
    expect(numberWordValue("twee")).toBe("2");
    expect(numberWordValue("nul")).toBe("0");
    expect(numberWordValue("twaalf")).toBe("12");
    expect(numberWordValue("tachtig")).toBe("80");
    expect(numberWordValue("veertig")).toBe("40");
    expect(numberWordValue("een")).toBeUndefined();
    expect(numberWordValue("plek")).toBeUndefined();
  });
});

describe("presentTenseInfinitive", () => {
  it("finds the infinitive of a present-tense form, with a stem that ends in f or s voiced", () => {
    const words = known("verschijnen", "beschrijven", "vinden", "reizen");
    expect(presentTenseInfinitive("verschijnt", words)).toBe("verschijnen");
    expect(presentTenseInfinitive("beschrijft", words)).toBe("beschrijven");
    expect(presentTenseInfinitive("vindt", words)).toBe("vinden");
    expect(presentTenseInfinitive("reist", words)).toBe("reizen");
  });

  it("finds none for a word that is no form of a known verb", () => {
    const words = known("verschijnen");
    expect(presentTenseInfinitive("spoedmachtigng", words)).toBeUndefined();
    expect(presentTenseInfinitive("verschilt", words)).toBeUndefined();
  });
});
