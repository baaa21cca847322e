import { describe, expect, it } from "vitest";
import type { SourceCitation } from "../../src/bot/reply.js";
import { type AnswerResult, inCitationOrder } from "../../src/handlers/ask/askService.js";

const source = (n: number): SourceCitation => ({ n, documentId: `d${n}.md`, documentTitle: `Doc ${n}`, section: "S", quote: `quote ${n}` });

const answered = (text: string, cited: number[], more: number[]): AnswerResult => ({
  status: "answered",
  text,
  mode: "extractive",
  sources: cited.map(source),
  moreSources: more.map(source),
});

describe("inCitationOrder", () => {
  it("numbers the cited sources 1, 2, … in the order the answer cites them, the further sources after them, and changes the markers to match", () => {
    const result = inCitationOrder(answered("“Eerste.” [3]\n“Tweede.” [1]\nNog eens [3] en samen [1, 3].", [3, 1], [2, 4, 5]));
    expect(result.text).toBe("“Eerste.” [1]\n“Tweede.” [2]\nNog eens [1] en samen [2, 1].");
    expect(result.sources.map((s) => [s.n, s.documentId])).toEqual([[1, "d3.md"], [2, "d1.md"]]);
    expect(result.moreSources.map((s) => [s.n, s.documentId])).toEqual([[3, "d2.md"], [4, "d4.md"], [5, "d5.md"]]);
  });

  it("leaves an answer that is already in order, and an abstention, as they are", () => {
    const inOrder = answered("“Een.” [1]\n“Twee.” [2]", [1, 2], [3]);
    expect(inCitationOrder(inOrder)).toBe(inOrder);
    const abstained: AnswerResult = { ...answered("Geen antwoord.", [2, 1], []), status: "abstained" };
    expect(inCitationOrder(abstained)).toBe(abstained);
  });
});
