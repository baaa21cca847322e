import { describe, expect, it } from "vitest";
import { findPersonalData, isValidIban, redactPersonalData, type PersonalDataKind } from "../../src/privacy/personalData.js";
import { normaliseForMatching } from "../../src/privacy/normalise.js";
import { publicNameCheck } from "../../src/privacy/publicNames.js";
import { WHY_VARIANTS } from "../support/personalDataArbitraries.js";

const kinds = (text: string): PersonalDataKind[] => findPersonalData(text).map((f) => f.kind);
const found = (text: string): string[] => findPersonalData(text).map((f) => text.slice(f.start, f.end));

describe("privacy guard: every variant from the hostile test", () => {
  it.each(WHY_VARIANTS)("catches %j", (text, value, kind) => {
    expect(findPersonalData(text)).toEqual([{ kind, start: text.indexOf(value), end: text.indexOf(value) + value.length }]);
    expect(redactPersonalData(text).text).not.toContain(value);
  });

  it("redacts a spaced IBAN as one account number, not half of it as a phone number", () => {
    expect(redactPersonalData("NL91 ABNA 0417 1643 00").text).toBe("[rekeningnummer verwijderd]");
  });
});

describe("privacy guard: more formats", () => {
  it.each([
    ["Sara, 14 jaar, woont bij oma", "Sara, 14 jaar"],
    ["Sara is 14 jaar", "Sara is 14 jaar"],
    ["Ahmed (16 jaar) zit vast", "Ahmed (16 jaar)"],
    ["Anne-Marie de Boer (9)", "Anne-Marie de Boer (9)"],
  ])("finds a name followed by an age in %j", (text, name) => {
    expect(found(text)).toEqual([name]);
    expect(kinds(text)).toEqual(["name"]);
  });

  it.each([
    ["mijn cliënt Jan heeft een vraag", "Jan"],
    ["de jongere Sara de Boer wil", "Sara de Boer"],
    ["moeder Fatima belt", "Fatima"],
    ["gesprek met dhr. Jansen", "Jansen"],
    ["Mijn pupil Kevin, 15", "Kevin"],
  ])("finds the name after a person word in %j", (text, name) => {
    expect(found(text)).toContain(name);
  });

  it.each([
    ["geboortedatum: 3 mrt '09", "3 mrt '09"],
    ["geboren in maart 2009", "maart 2009"],
    ["de moeder is op 12 maart 1999 jarig", "12 maart 1999"],
    ["haar zoon (4 mei 2012) woont thuis", "4 mei 2012"],
    ["dochter, 3-4-'15", "3-4-'15"],
  ])("finds a date of birth in %j", (text, date) => {
    expect(found(text)).toEqual([date]);
  });

  it("finds e-mail written with (at) and a postcode in any case", () => {
    expect(found("mail jan (at) example.nl")).toEqual(["jan (at) example.nl"]);
    expect(found("adres 9712 Cp 12")).toEqual(["9712 Cp 12"]);
    expect(found("adres 9712cp 12")).toEqual(["9712cp 12"]);
  });

  it("checks IBANs with mod-97 and the country's length", () => {
    expect(isValidIban("NL91ABNA0417164300")).toBe(true);
    expect(isValidIban("NL92ABNA0417164300")).toBe(false);
    expect(isValidIban("NL91ABNA04171643")).toBe(false);
    expect(isValidIban("BE68539007547034")).toBe(true);
    expect(kinds("NL92ABNA0417164300")).toEqual([]);
  });
});

describe("privacy guard: ordinary text stays", () => {
  it.each([
    "In 2019 en in 2027 wordt dit herzien.",
    "De periode 2019 en 2020 in 12 gemeenten.",
    "Sinds 2020 in 3 regio's.",
    "Per 1 januari 2020 gaan jongeren naar een kleinere groep.",
    "Zie paragraaf 5.2.25 over de jongere.",
    "Jongeren (14) en meisjes, 15 jaar: zie tabel.",
    "Groningen (15) en Drenthe (8) plekken.",
    "Hoeveel jongeren van 12 jaar zitten in de JeugdzorgPlus?",
    "Wat doet het kind JeugdzorgPlus of de jongere GI?",
    "Het artikel 123.456.789 bestaat niet; 1.234.567.890 inwoners.",
    "Rekeningnummer? Nee, NL staat voor Nederland 2019.",
    "Bel het Servicepunt, dat staat in paragraaf 3.1.",
    "De jongere. Vervolgens gaat de voogd verder.",
  ])("finds nothing in %j", (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe("normaliseForMatching", () => {
  it("maps full-width digits, odd spaces, dashes and zero-width characters to plain ASCII, keeping offsets", () => {
    const original = "１２\u00a03\u200b4–5";
    const n = normaliseForMatching(original);
    expect(n.text).toBe("12 34-5");
    // "4" sits after the removed zero-width space in the original.
    expect(original.slice(n.start[4]!, n.end[4]!)).toBe("4");
    expect(normaliseForMatching("٤٥٦").text).toBe("456");
  });
});

describe("publicNameCheck", () => {
  it("accepts a name the documents use mid-sentence at least three times, and nothing else", () => {
    const texts = ["De jongen heet Ferdi en is 16.", "Moeder belt, Ferdi niet.", "Het gaat goed met Ferdi nu."];
    const isPublic = publicNameCheck(texts);
    expect(isPublic("Ferdi (16)")).toBe(true);
    expect(isPublic("Jan de Vries (15)")).toBe(false);
    expect(findPersonalData("de casus van Ferdi (16)", { isPublicName: isPublic })).toEqual([]);
    expect(kinds("de casus van Ferdi (16)")).toEqual(["name"]);
  });
});

describe("full names without an age", () => {
  it.each([
    ["Jongen (Daan Veldkamp, geb. 12-03-2011) loopt steeds weg", ["Daan Veldkamp", "12-03-2011"]],
    ["Daan Veldkamp loopt steeds weg", ["Daan Veldkamp"]],
    ["we spraken met Sanne de Boer en haar moeder", ["Sanne de Boer"]],
    ["gesprek met Jan Jansen over school", ["Jan Jansen"]],
    ["Lotte Visser, geb. 2010, woont bij oma", ["Lotte Visser"]],
  ])("finds the name in %j", (text, names) => {
    expect(found(text)).toEqual(names);
  });

  it.each([
    "Wat doet Veilig Thuis in Assen Noord?",
    "Hoe werkt het Servicepunt JeugdzorgPlus in de regio Groningen Drenthe?",
    "Wanneer schakel ik het Expertteam in?",
    "Hoe gaat dit in de regio Holland Rijnland?",
  ])("leaves %j alone: no word of it is a person's name in the word list, or it names a place", (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it("takes a full name the documents write themselves for theirs, a client's full name not", () => {
    const isPublic = publicNameCheck(["Carola Bodenstaff, senior beleidsadviseur, zegt dat het kan."]);
    expect(findPersonalData("Wie is Carola Bodenstaff?", { isPublicName: isPublic })).toEqual([]);
    expect(found("Wie is Carola Bodenstaff?")).toEqual(["Carola Bodenstaff"]);
    expect(findPersonalData("Wie is Carola Veldkamp?", { isPublicName: isPublic })).not.toEqual([]);
  });
});

describe("names typed in lower case, as chat does", () => {
  it.each([
    ["jesse bosman (15) loopt weer weg, moet ik nu een spoedmachtiging aanvragen?", ["jesse bosman (15)"]],
    ["sanne, 14 jaar, woont bij oma", ["sanne, 14 jaar"]],
    ["mijn cliënt jesse loopt weg", ["jesse"]],
    ["mijn cliënt jesse de vries loopt weg", ["jesse de vries"]],
  ])("finds the name in %j (new-user try: no warning)", (text, names) => {
    expect(found(text)).toEqual(names);
  });

  it.each(["gemeenten (15) en aanbieders (4) doen mee", "de jongere, 15 jaar, loopt weg", "hoeveel jongeren van 12 jaar zitten in de jz+?", "meisje (15) loopt weg"])(
    "leaves %j alone: no first word of it is a person's name",
    (text) => {
      expect(kinds(text)).toEqual([]);
    },
  );
});

describe("names followed by an age", () => {
  it("does not read a checklist summary's headings as a name and an age, and still finds a name", () => {
    expect(findPersonalData("Klaar (6):\nOpen (3):\nAfgerond (2)")).toEqual([]);
    expect(kinds("Klaar (6): gesprek met Jan de Vries (15)")).toEqual(["name"]);
  });
});
