import { describe, expect, it } from "vitest";
import { containsAnswerType, expectedAnswerType } from "../../src/handlers/ask/answerType.js";

describe("expectedAnswerType", () => {
  it.each([
    ["wat is het telefoonnummer van het Servicepunt?", "phone"],
    ["wat is het dagtarief voor een plek?", "amount"],
    ["welk artikel uit de Jeugdwet regelt dat?", "article"],
    ["per welke datum sluit de regio aan?", "date"],
    ["hoeveel procent komt met spoed binnen?", "number"],
    ["wat moet er bij een spoedberaad aanschuiven?", undefined],
  ])("%s -> %s", (question, type) => {
    expect(expectedAnswerType(question)).toBe(type);
  });
});

describe("containsAnswerType", () => {
  it("finds numbers written as digits or words", () => {
    expect(containsAnswerType("circa 70% van de jongeren", "number")).toBe(true);
    expect(containsAnswerType("er gelden zeven basisprincipes", "number")).toBe(true);
    expect(containsAnswerType("de route is bij definitie vertragend", "number")).toBe(false);
  });

  it("finds dates as years, months or quarters", () => {
    expect(containsAnswerType("30 november 2020", "date")).toBe(true);
    expect(containsAnswerType("Q1 2021: alle jeugdigen", "date")).toBe(true);
    expect(containsAnswerType("Friesland sluit zo snel mogelijk aan", "date")).toBe(false);
  });

  it("finds amounts, phone numbers and articles only when present", () => {
    expect(containsAnswerType("13,7 miljoen structureel", "amount")).toBe(true);
    expect(containsAnswerType("de kosten van plaatsing verminderen", "amount")).toBe(false);
    expect(containsAnswerType("bel 050-1234567", "phone")).toBe(true);
    expect(containsAnswerType("artikel 6.1.2 van de Jeugdwet", "article")).toBe(true);
    expect(containsAnswerType("de Jeugdwet regelt machtigingen", "article")).toBe(false);
  });
});
