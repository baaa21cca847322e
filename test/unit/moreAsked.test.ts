import { describe, expect, it } from "vitest";
import { asksForMore, asksWhatItMeans } from "../../src/handlers/ask/moreAsked.js";

describe("asksForMore", () => {
  it("reads a request for more on the answer just given", () => {
    for (const text of ["kun je daar meer over vertellen?", "vertel eens meer", "Vertel me meer!", "meer info?", "en verder?", "staat er nog meer over?", "kun je dat uitgebreider uitleggen?", "wat zeggen de plannen er nog meer over?", "nog meer graag"]) {
      expect(asksForMore(text), text).toBe(true);
    }
  });

  it("reads a request for more on a part of that answer ('over dat eerste stuk') the same way", () => {
    // New-user try of the thirty-eighth session: searched, it got a line with "eerste schot".
    for (const text of ["vertel eens meer over dat eerste stuk", "kun je meer vertellen over dat punt?", "kun je meer over dat eerste deel vertellen?"]) {
      expect(asksForMore(text), text).toBe(true);
    }
    expect(asksForMore("vertel eens meer over het eerste servicepunt")).toBe(false);
  });

  it("reads 'is dat alles?' and 'zijn dat alle punten?' as asking for more, also with the asker's doubt after it", () => {
    // New-user try of the forty-second session: searched on its own words, it got unrelated lines.
    for (const text of ["is dat alles? ik dacht dat er meer punten waren", "Is dat alles?", "zijn dat alle stappen?", "zijn er nog meer punten?"]) {
      expect(asksForMore(text), text).toBe(true);
    }
    for (const text of ["is dat alles wat de gemeente moet doen?", "zijn dat alle regio's met een expertteam?"]) {
      expect(asksForMore(text), text).toBe(false);
    }
  });

  it("leaves a question that names what it asks about, or asks something else, to be answered", () => {
    for (const text of ["vertel eens meer over de GVA", "kun je meer vertellen over pleegzorg?", "wat is meer?", "meer dan 70%?", "wie doet er meer?", "hoeveel meer plekken komen er?"]) {
      expect(asksForMore(text), text).toBe(false);
    }
  });
});

describe("asksWhatItMeans", () => {
  it("reads a question for what the answer just given means, naming nothing else", () => {
    for (const text of ["wat bedoelen ze daarmee?", "Wat bedoelen ze hiermee precies?", "wat bedoel je daarmee", "hoe bedoelen ze dat?", "wat houdt dat in?", "wat betekent dat eigenlijk?", "en wat houdt dit precies in?"]) {
      expect(asksWhatItMeans(text), text).toBe(true);
    }
  });

  it("leaves a question that names what it asks about, or what follows for the asker, to be answered", () => {
    for (const text of ["wat bedoelen ze met stroomopwaarts?", "welke taken bedoelen ze daarmee?", "wat betekent dat voor mij?", "wat houdt een spoedberaad in?", "wat bedoelen ze daarmee voor de huisarts?"]) {
      expect(asksWhatItMeans(text), text).toBe(false);
    }
  });
});
