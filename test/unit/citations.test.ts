import { describe, expect, it } from "vitest";
import { citationFor } from "../../src/handlers/ask/citations.js";
import type { RetrievedPassage } from "../../src/knowledge/types.js";

function passage(text: string, tableHeader?: string): RetrievedPassage {
  return {
    chunk: { id: "t", documentId: "plan.md", documentTitle: "Plan", sectionPath: ["Bijlage", "Mijlpalen"], start: 0, end: text.length, text, ...(tableHeader ? { tableHeader } : {}) },
    score: 1,
    coverage: 0.5,
  };
}

describe("citationFor", () => {
  it("quotes a passage that opens with table rows as 'header: value' pairs, never as bare cells", () => {
    const text = "Structureel geld voor jongeren in een gezinshuis na hun 18e | 4 | VGR 3\nEen sociale kaart van alle jeugdregio's | 1 | VGR 4";
    const { quote } = citationFor(1, passage(text, "Mijlpaal | Actielijn | Wanneer"));
    expect(quote.startsWith("Mijlpaal: Structureel geld voor jongeren in een gezinshuis na hun 18e; Actielijn: 4; Wanneer: VGR 3")).toBe(true);
    expect(quote).not.toContain("|");
    expect(quote).not.toMatch(/18e 4 VGR 3/);
  });

  it("keeps the quote it is given", () => {
    expect(citationFor(2, passage("Een zin die hier staat en lang genoeg is om te citeren."), "Een zin die hier staat.").quote).toBe("Een zin die hier staat.");
  });
});
