import { describe, expect, it } from "vitest";
import { summaryAsked } from "../../src/handlers/ask/summaryAsked.js";

describe("summaryAsked", () => {
  it("reads why a document is there, with what else the question names", () => {
    expect(summaryAsked("waarom is er eigenlijk een nieuwe regiovisie gekomen")).toEqual({ about: ["regiovisie"], reason: true });
    expect(summaryAsked("wat was de aanleiding voor de nieuwe werkwijze?")).toEqual({ about: ["werkwijze"], reason: true });
    expect(summaryAsked("waarom is pleegzorg de voorkeursvorm?")).toEqual({ about: ["pleegzorg", "voorkeursvorm"], reason: true });
    expect(summaryAsked("waarom wachten met de verklarende analyse?")).toBeUndefined();
    // Who set it going asks the same section: "wie gaf de aanzet", "wie vroeg erom", "wie nam het initiatief".
    expect(summaryAsked("wie gaf de aanzet voor de nieuwe werkwijze?")).toEqual({ about: ["werkwijze"], reason: true });
    expect(summaryAsked("wie heeft er om de regiovisie gevraagd?")).toEqual({ about: ["regiovisie"], reason: true });
    expect(summaryAsked("wie nam het initiatief tot het actieplan?")).toEqual({ about: ["actieplan"], reason: true });
    expect(summaryAsked("wie gaf advies over de werkwijze?")).toBeUndefined();
  });

  it("reads a request for a document's gist, and what besides the document it names", () => {
    expect(summaryAsked("vat het plan ff samen")).toEqual({ about: [] });
    expect(summaryAsked("kun je de regiovisie even samenvatten?")).toEqual({ about: ["regiovisie"] });
    expect(summaryAsked("vat de regiovisie samen")).toEqual({ about: ["regiovisie"] });
    // "in (het) kort" asks the same (new-user try of the thirty-ninth session).
    expect(summaryAsked("wat is nou in t kort de visie van rijnmond op jeugdhulp?")).toEqual({ about: ["visie", "rijnmond", "jeugdhulp"] });
    expect(summaryAsked("waar gaat het actieplan over?")).toEqual({ about: ["actieplan"] });
    expect(summaryAsked("wat staat er allemaal in de voortgangsrapportage?")).toEqual({ about: ["voortgangsrapportage"] });
    // "de kern", "de hoofdpunten" ask the same, and "vd" is "van de" (new-user try of the forty-first session).
    expect(summaryAsked("wat is de kern van de regiovisie rijnmond?")).toEqual({ about: ["regiovisie", "rijnmond"] });
    expect(summaryAsked("wat zijn de hoofdpunten van het actieplan")).toEqual({ about: ["actieplan"] });
    expect(summaryAsked("wat is het doel vd nieuwe werkwijze")).toEqual({ about: ["nieuwe", "werkwijze"], aim: true });
    expect(summaryAsked("wat is de kern van het probleem bij spoedplaatsingen?")?.about).toEqual(["probleem", "bij", "spoedplaatsingen"]);
    expect(summaryAsked("vat de rol van het expertteam samen")?.about).toEqual(["rol", "expertteam"]);
    // A document named in full between the verbs (new-user try of the forty-seventh session: not read as asking its aim).
    expect(summaryAsked("Wat wil het landelijke actieplan voor kwetsbare jongeren eigenlijk bereiken?")).toEqual({ about: ["landelijke", "actieplan", "kwetsbare", "jongeren"], aim: true });
    expect(summaryAsked("waar gaat het actieplan de best passende zorg voor kwetsbare jongeren over?")?.about).toEqual(["actieplan", "best", "passende", "zorg", "kwetsbare", "jongeren"]);
    // "Het belangrijkste doel" without a document is a document's aim as well; of something named, a question.
    expect(summaryAsked("wat is het belangrijkste doel?")).toEqual({ about: [], aim: true });
    expect(summaryAsked("wat is het doel van het INT?")?.about).toEqual(["int"]);
    // "van" only joins the aim to what it is of: the document, or something else.
    // Asked for an aim, not a summary: the reply does not say it cannot summarise (verification try).
    expect(summaryAsked("wat zijn de doelen van het actieplan?")).toEqual({ about: ["actieplan"], aim: true });
    // What a document wants to achieve is its aim (new-user try).
    expect(summaryAsked("wat wil het actieplan eigenlijk bereiken?")).toEqual({ about: ["actieplan"], aim: true });
    expect(summaryAsked("wat willen ze in rijnmond bereiken met de lokale teams?")?.about).toEqual(["rijnmond", "met", "lokale", "teams"]);
    // How a document works, and the idea behind it (new-user try: refused).
    expect(summaryAsked("hoe werkt de regiovisie rijnmond eigenlijk, wat is het idee erachter")).toEqual({ about: ["regiovisie", "rijnmond"], aim: true });
    expect(summaryAsked("hoe werkt de nieuwe werkwijze precies?")).toEqual({ about: ["nieuwe", "werkwijze"], aim: true });
    expect(summaryAsked("wat is de gedachte achter het actieplan?")).toEqual({ about: ["actieplan"], aim: true });
    expect(summaryAsked("hoe werkt het expertteam?")?.about).toEqual(["expertteam"]);
  });

  it("reads 'wat is de X?' and 'wat houdt de X in?' as asking what X is, for the caller to check that X names a document", () => {
    expect(summaryAsked("wat is eigenlijk de nieuwe werkwijze in groningen/drenthe?")).toEqual({ about: ["nieuwe", "werkwijze", "in", "groningen", "drenthe"], whatIs: true });
    expect(summaryAsked("wat houdt die nieuwe werkwijze in?")).toEqual({ about: ["nieuwe", "werkwijze", "in"], whatIs: true });
    expect(summaryAsked("wat is een spoedmachtiging?")).toBeUndefined();
    expect(summaryAsked("wat houdt de werkwijze voor de gemeente")).toBeUndefined();
  });

  it("leaves other questions alone", () => {
    expect(summaryAsked("wat moet er samen met de gemeente?")).toBeUndefined();
    expect(summaryAsked("wie gaat over de machtiging?")).toBeUndefined();
  });
});
