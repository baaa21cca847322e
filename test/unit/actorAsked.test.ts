import { describe, expect, it } from "vitest";
import { asksWho, asksWhoIsIn, namesMembers, namesAnActor, namesAnActorBesides, whoClause } from "../../src/handlers/ask/actorAsked.js";

describe("asksWho and namesAnActor", () => {
  it("reads a question for a person, team or body in its first part", () => {
    expect(asksWho("Wie beslist uiteindelijk over een gesloten plaatsing?")).toBe(true);
    expect(asksWho("Bij wie kan ik terecht voor meer informatie?")).toBe(true);
    expect(asksWho("wat is een spoedberaad en wie zit erbij?")).toBe(false);
    expect(asksWho("wat doet het expertteam?")).toBe(false);
  });

  it("finds a role, team, body, abbreviation or name in quoted text, not a pronoun", () => {
    expect(namesAnActor("De VNG wijst een accounthoudende regio aan.")).toBe(true);
    expect(namesAnActor("Gemeenten werken bovenregionaal samen met aanbieders.")).toBe(true);
    expect(namesAnActor("Wouter Struijk, voorzitter van de stuurgroep")).toBe(true);
    expect(namesAnActor("Het leefklimaat wordt beoordeeld door Carola Bodenstaff.")).toBe(true);
    // Problems and goals that name no one (three new-user tries: they answered "wie beslist …?").
    expect(namesAnActor("E Minder gesloten plaatsingen, verkorten duur en uitstroom bevorderen.")).toBe(false);
    expect(namesAnActor("In 2027:\n- Weten we spoedplaatsingen te voorkomen")).toBe(false);
  });

  it("finds someone besides the question's own words, in any form that starts with one of them", () => {
    const own = new Set(["wie", "zit", "er", "in", "het", "expertteam"]);
    expect(namesAnActorBesides("Opstellen regionale ontwikkelagenda's door regionale expertteams", own)).toBe(false);
    expect(namesAnActorBesides("Op tijd inbrengen bij Servicepunt en/of Expertteam", own)).toBe(true);
    expect(namesAnActor("Opstellen regionale ontwikkelagenda's door regionale expertteams")).toBe(true);
  });

  it("does not take an abbreviation of a thing for someone", () => {
    const things = new Set(["va", "hsj"]);
    const notSomeone = (word: string) => things.has(word.toLowerCase());
    expect(namesAnActor("Organiseren inzet HSJ kennis voor de inzet van een spoedberaad.")).toBe(true);
    expect(namesAnActor("Organiseren inzet HSJ kennis voor de inzet van een spoedberaad.", notSomeone)).toBe(false);
    expect(namesAnActor("Investeren in trainingen VA", notSomeone)).toBe(false);
    // Beside another abbreviation that is someone's.
    expect(namesAnActor("De VNG investeert in trainingen VA", notSomeone)).toBe(true);
  });

  it("does not take a capitalised word the documents use everywhere for a name", () => {
    const field = (word: string) => word === "JeugdzorgPlus";
    const line = "een groot deel van de jongeren met een spoedmachtiging in de JeugdzorgPlus worden geplaatst";
    expect(namesAnActor(line)).toBe(true);
    expect(namesAnActor(line, field)).toBe(false);
    expect(namesAnActor("Het leefklimaat wordt beoordeeld door Carola Bodenstaff.", field)).toBe(true);
  });

  it("reads a question who something is made of, and a line that says so, also by fields", () => {
    expect(asksWhoIsIn("wie zitten er in het expertiseteam?")).toBe(true);
    expect(asksWhoIsIn("en wie zitten daar dan in?")).toBe(true);
    expect(asksWhoIsIn("uit wie bestaat de regiegroep?")).toBe(true);
    expect(asksWhoIsIn("wie beslist over een plaatsing?")).toBe(false);
    expect(namesMembers("Het expertiseteam bundelt kennis vanuit jeugdhulp, GGZ en LvB.")).toBe(true);
    expect(namesMembers("In de stuurgroep zijn gemeenten en aanbieders vertegenwoordigd.")).toBe(true);
    expect(namesMembers("Het expertiseteam kijkt naar alternatieven.")).toBe(false);
  });

  it("reads the words that ask who up to the end of their question", () => {
    expect(whoClause("komt er voor actielijn 2 een eigen stuurgroep of aan wie rapporteert bgzj?")).toBe("aan wie rapporteert bgzj");
    expect(whoClause("wie zit er in het expertteam?")).toBe("wie zit er in het expertteam");
    expect(whoClause("wat doet het expertteam?")).toBe("wat doet het expertteam?");
    // The choice offered after a comma holds candidate answers (new-user try of the forty-seventh session).
    expect(whoClause("wie betaalt de jz+ plekken eigenlijk, gemeente of rijk?")).toBe("wie betaalt de jz+ plekken eigenlijk");
    expect(whoClause("wie beslist, de rechter of de gemeente?")).toBe("wie beslist");
  });

  it("counts a topic put in front of the question as asked about ('dat INT, wie zitten daar in?')", () => {
    expect(whoClause("dat INT, wie zitten daar in?")).toBe("dat INT, wie zitten daar in");
    expect(whoClause("het expertteam, wie zitten daarin?")).toBe("het expertteam, wie zitten daarin");
    // Not a longer sentence before it: that is context, not the topic.
    expect(whoClause("ik werk bij een gemeente in de regio, wie moet ik bellen?")).toBe("wie moet ik bellen");
  });
});
