import { describe, expect, it } from "vitest";
import { asksLiveCapacity } from "../../src/handlers/ask/liveCapacityAsked.js";

describe("asksLiveCapacity", () => {
  it("knows a question for a free place today", () => {
    for (const question of [
      "welke jz+ instelling in groningen heeft nu plek?",
      "is er nog een vrij bed in de jz+ in rijnmond?",
      "waar is op dit moment plek voor een meisje van 15?",
      "zijn er vrije plekken in de jeugdzorgplus?",
      "Is er momenteel een plaats beschikbaar bij een gezinshuis?",
    ]) {
      expect(asksLiveCapacity(question), question).toBe(true);
    }
  });

  it("leaves questions about places in the plans, or about what is needed now, alone", () => {
    for (const question of [
      "hoeveel plekken worden afgebouwd?",
      "wat gebeurt er met de jz+ plekken in 2027?",
      "welke taken vervullen de expertteams nu?",
      "is er nu ruimte voor experimenten met inkoop?",
      "wat is er nu nodig om het plan te laten slagen?",
      "waar is nu de plek van de gi in de route?",
    ]) {
      expect(asksLiveCapacity(question), question).toBe(false);
    }
  });
});
