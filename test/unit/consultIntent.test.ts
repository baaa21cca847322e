import { describe, expect, it } from "vitest";
import { asksForConsultList, asksToConsult, requestIdIn } from "../../src/handlers/consult/consultIntent.js";

describe("asksToConsult (offers the consult form under an answer)", () => {
  it.each([
    ["ik wil graag een casus inbrengen bij het expertteam, kan dat via jou?", "expertteam"],
    ["kan ik deze jongere aanmelden bij het Servicepunt JeugdzorgPlus?", "servicepunt"],
    ["wanneer moet ik het servicepunt inschakelen?", "servicepunt"],
    // The verb split, as Dutch does in a main clause (new-user try: no offer of the form).
    ["hoe schakel ik het expertteam in?", "expertteam"],
    ["hoe leg ik een casus voor aan het expertiseteam in rijnmond", "expertteam"],
    // How to reach one, or whether there is one (new-user try: national plans quoted, no way to the region's own).
    ["is er een expertteam?", "expertteam"],
    ["bestaat er in onze regio een expertteam?", "expertteam"],
    ["hoe bereik ik het servicepunt?", "servicepunt"],
    ["hoe kom ik bij het expertteam terecht?", "expertteam"],
    ["kan ik het servicepunt bellen?", "servicepunt"],
  ])("%s → %s", (text, target) => {
    expect(asksToConsult(text)).toEqual({ target });
  });

  it("leaves the team open when the message names both, or none", () => {
    expect(asksToConsult("moet ik de casus bij het servicepunt of bij het expertteam inbrengen?")).toEqual({});
    expect(asksToConsult("hoe vraag ik een consult aan?")).toEqual({});
    expect(asksToConsult("consultvraag indienen")).toEqual({});
  });

  it("offers nothing for a question about what a team is or does, or about figures", () => {
    expect(asksToConsult("wat doet het servicepunt precies?")).toBeUndefined();
    expect(asksToConsult("wie zitten er in het expertteam?")).toBeUndefined();
    expect(asksToConsult("hoeveel consulten deed het expertteam in 2020?")).toBeUndefined();
    expect(asksToConsult("wat is een consult?")).toBeUndefined();
    expect(asksToConsult("hoe vraag ik een machtiging aan?")).toBeUndefined();
  });
});

describe("asksForConsultList", () => {
  it("reads a plain request to see consult requests", () => {
    for (const text of ["welke aanvragen staan nog open?", "laat mijn openstaande consulten zien", "consulten lijst", "open consultaanvragen", "overzicht consulten graag"]) {
      expect(asksForConsultList(text), text).toBe(true);
    }
  });
  it("leaves other requests and questions alone", () => {
    for (const text of ["welke aanvragen voor een spoedmachtiging zijn er?", "welke aanvragen voor spoedplaatsing komen binnen?", "hoe vraag ik een consult aan?", "wat doet het servicepunt met open vragen?"]) {
      expect(asksForConsultList(text), text).toBe(false);
    }
  });
  it("finds a request number in a message", () => {
    expect(requestIdIn("annuleer cr-2026-000002 aub")).toBe("CR-2026-000002");
    expect(requestIdIn("hoe staat het ervoor?")).toBeUndefined();
  });
});
