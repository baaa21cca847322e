import { describe, expect, it } from "vitest";
import { asksAboutTheStep, saysNone, typedChoice, typedChoiceAndNote, typedChoiceThenQuestion, typedTitle } from "../../src/handlers/route/typedChoice.js";

const OPTIONS = ["Ja, een INT kan plaatsing voorkomen", "Bekeken, maar het is niet genoeg", "Nee, nog niet bekeken"];

describe("a step's button typed in the chat", () => {
  it.each([
    ["ja", 0],
    ["Ja hoor!", 0],
    ["nee", 2],
    ["nee, nog niet bekeken", 2],
    ["bekeken maar het is niet genoeg", 1],
    ["ok ja", 0],
  ])("reads %j as button %i of a question", (text, index) => {
    expect(typedChoice(text, OPTIONS)).toBe(index);
  });

  it("reads one telling word that only one button has, anywhere in its label", () => {
    // New-user try: "deels, moeder wel vader niet in beeld" was read as a question.
    expect(typedChoice("deels", ["Ja", "Nee, of maar deels"])).toBe(1);
    expect(typedChoiceAndNote("deels, moeder wel vader niet in beeld", ["Ja", "Nee, of maar deels"])).toEqual({ index: 1, note: "moeder wel vader niet in beeld" });
    // A word two labels have, or a short one, is no button.
    expect(typedChoice("niet", OPTIONS)).toBeUndefined();
    expect(typedChoice("of", ["Ja", "Nee, of maar deels"])).toBeUndefined();
  });

  it("reads 'deels' or 'niet helemaal' at a yes/no step whose labels do not say it as its one 'Nee' button", () => {
    // New-user try: "deels, …" at "Ja" / "Nee, of nog niet af" was refused.
    expect(typedChoice("deels", ["Ja", "Nee, of nog niet af"])).toBe(1);
    expect(typedChoice("niet helemaal", ["Ja", "Nee, of nog niet af"])).toBe(1);
    expect(typedChoiceAndNote("deels, met moeder wel", ["Ja", "Nee, of nog niet af"])).toEqual({ index: 1, note: "met moeder wel" });
    // Two "Nee" buttons: which one is not for a guess.
    expect(typedChoice("deels", ["Ja", "Nee, dat ontbreekt", "Nee, nog niet"])).toBeUndefined();
  });

  it("needs a first word that only one button has", () => {
    expect(typedChoice("nee", ["Nee, dat ontbreekt", "Nee, nog niet"])).toBeUndefined();
    expect(typedChoice("nee, nog niet", ["Nee, dat ontbreekt", "Nee, nog niet"])).toBe(1);
  });

  // "ja" at a step that only goes on: new-user try of the thirty-eighth session, refused as off-topic.
  it.each(["verder", "ok verder", "Oké, verder", "volgende", "ga door", "ok", "ja", "Ja graag!"])("reads %j as going on, where the step only goes on", (text) => {
    expect(typedChoice(text, ["Verder"], true)).toBe(0);
  });

  it.each(["misschien", "ja maar de vader niet", "bedankt", "ok"])("reads %j as no button of a question", (text) => {
    expect(typedChoice(text, OPTIONS)).toBeUndefined();
  });
});

describe("a route's name typed at the list of routes", () => {
  const TITLES = ["Is plaatsing de juiste vraag?", "Reguliere route naar een machtiging", "Spoedroute (spoedmachtiging)"];
  it.each([
    ["regulier", 1],
    ["Reguliere route graag", 1],
    ["spoed", 2],
    ["spoedroute", 2],
    ["de juiste vraag", 0],
  ])("reads %j as route %i", (text, index) => {
    expect(typedTitle(text, TITLES)).toBe(index);
  });

  it.each(["wat is een machtiging", "ja", "een", "plaatsing spoed"])("reads %j as no route", (text) => {
    expect(typedTitle(text, TITLES)).toBeUndefined();
  });
});

describe("a button typed with a reason after a comma", () => {
  it("gives the button and the reason", () => {
    expect(typedChoiceAndNote("ja, mst gehad maar gestopt", ["Ja", "Nee, nog niet"])).toEqual({ index: 0, note: "mst gehad maar gestopt" });
    expect(typedChoiceAndNote("Nee , vader wil niet", ["Ja", "Nee, nog niet"])).toEqual({ index: 1, note: "vader wil niet" });
    // A few words of the button before the comma (new-user try: read as a question).
    expect(typedChoiceAndNote("nee nog niet af, gw is ermee bezig samen met moeder", ["Ja", "Nee, of nog niet af"])).toEqual({ index: 1, note: "gw is ermee bezig samen met moeder" });
  });

  it("reads going on said first ('ok verder, ja mst gehad maar gestopt') as that button with the rest as its reason", () => {
    expect(typedChoiceAndNote("ok verder, ja mst gehad maar gestopt", ["Ja", "Nee, nog niet"])).toEqual({ index: 0, note: "mst gehad maar gestopt" });
    expect(typedChoiceAndNote("oké, nee, vader wil niet", ["Ja", "Nee, nog niet"])).toEqual({ index: 1, note: "vader wil niet" });
    // A question after the first word is no reason.
    expect(typedChoiceAndNote("ok, ja hoe moet dat dan", ["Ja", "Nee, nog niet"])).toBeUndefined();
  });

  it("reads a button and then a question ('nee nog niet. hoe doe ik dat?') as that button", () => {
    expect(typedChoiceThenQuestion("nee nog niet. hoe doe ik dat?", ["Ja", "Nee, nog niet"])).toEqual({ index: 1, question: "hoe doe ik dat?" });
    expect(typedChoiceThenQuestion("Ja, en wat nu?", ["Ja", "Nee, nog niet"])).toEqual({ index: 0, question: "en wat nu?" });
    expect(typedChoiceThenQuestion("wat is een analyse, en wie maakt die?", ["Ja", "Nee, nog niet"])).toBeUndefined();
    expect(typedChoiceThenQuestion("nee nog niet", ["Ja", "Nee, nog niet"])).toBeUndefined();
    // What stands between the button and the question is a note (new-user try: it was lost).
    expect(typedChoiceThenQuestion("deels, moeder wel vader niet in beeld. wat houdt dat in precies?", ["Ja", "Nee, of maar deels"])).toEqual({
      index: 1,
      question: "wat houdt dat in precies?",
      note: "moeder wel vader niet in beeld",
    });
  });

  it("reads part of a label from its first word as that button, when no other label has those words", () => {
    expect(typedChoice("nee nog niet af", ["Ja", "Nee, of nog niet af"])).toBe(1);
    expect(typedChoice("nee nog niet", ["Ja, matched care", "Nee, stap voor stap zwaarder", "Nee, nog niet"])).toBe(2);
    // Words the label does not have, or a start that fits two labels: no button.
    expect(typedChoice("nee dat weet ik niet", ["Ja", "Nee, of nog niet af"])).toBeUndefined();
    expect(typedChoice("nee stap", ["Nee, stap voor stap zwaarder", "Nee, stap terug"])).toBeUndefined();
    expect(typedChoiceAndNote("wat is een analyse, en wie maakt die?", ["Ja", "Nee, of nog niet af"])).toBeUndefined();
  });

  it("gives nothing without a comma, without a reason, or for a word that is no button", () => {
    expect(typedChoiceAndNote("ja maar de vader niet", ["Ja", "Nee, nog niet"])).toBeUndefined();
    expect(typedChoiceAndNote("ja,", ["Ja", "Nee, nog niet"])).toBeUndefined();
    expect(typedChoiceAndNote("misschien, moeder wel", ["Ja", "Nee, nog niet"])).toBeUndefined();
  });
});

describe("saysNone", () => {
  it.each(["eigenlijk niemand, wijkteam zegt de huisarts", "Niemand", "geen", "nog niet", "onduidelijk eigenlijk", "tja, weet ik niet", "Nee, vader wil niet", "nog niks"])("reads %j as none", (text) => {
    expect(saysNone(text)).toBe(true);
  });
  it.each(["de jeugdbeschermer van de GI", "MST, maar nog geen resultaat", "wijkteam, al is dat onduidelijk voor ouders", "niemandsland? nee: het wijkteam", "gezinscoach sinds maart"])("reads %j as a description", (text) => {
    expect(saysNone(text)).toBe(false);
  });
});

describe("asksAboutTheStep (a question typed during a walk about the step on screen)", () => {
  it.each(["welke expertise bedoel je?", "wat wordt daarmee bedoeld?", "wat is dat, een gedeelde verklarende analyse?", "wat houdt dat in?", "waarom?", "Waarom deze stap?", "hoezo?"])(
    "asks about the step: %s",
    (text) => {
      expect(asksAboutTheStep(text)).toBe(true);
    },
  );

  it.each(["wat is een spoedberaad?", "ja", "nee, nog niet", "waarom is een spoedmachtiging nodig?", "top, bedankt!"])("is something else: %s", (text) => {
    expect(asksAboutTheStep(text)).toBe(false);
  });
});
