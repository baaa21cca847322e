import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/knowledge/chunker.js";

const meta = { id: "plan.md", title: "Plan", date: null, region: null };

describe("chunkDocument", () => {
  const text = [
    "# 5 Veranderopgaven",
    "",
    "Inleidende tekst over de opgaven voor de komende jaren in de jeugdhulp.",
    "",
    "### 5.2.5 Matching & plaatsing: geen doorplaatsingen",
    "",
    "#### Doelstelling",
    "",
    "Jongeren weten binnen korte tijd waar ze gaan wonen en niemand wordt doorgeplaatst.",
    "",
    "## 6 Rollen",
    "",
    "Gemeenten zijn verantwoordelijk voor de inkoop van jeugdhulp in de regio.",
  ].join("\n");
  const chunks = chunkDocument(meta, text);

  it("keeps the section path, using numbering for the level", () => {
    const doel = chunks.find((c) => c.text.includes("doorgeplaatst"));
    expect(doel?.sectionPath).toEqual(["5 Veranderopgaven", "5.2.5 Matching & plaatsing: geen doorplaatsingen", "Doelstelling"]);
    const rollen = chunks.find((c) => c.text.includes("inkoop"));
    expect(rollen?.sectionPath).toEqual(["6 Rollen"]);
  });

  it("gives offsets into the original text", () => {
    for (const c of chunks) {
      const original = text.slice(c.start, c.end);
      expect(original.length).toBeGreaterThan(0);
      // Every readable word comes from the original span.
      for (const word of c.text.split(/\s+/).filter((w) => /^\p{L}{4,}$/u.test(w))) {
        expect(original).toContain(word);
      }
    }
  });

  it("never crosses a section boundary and respects the size limit", () => {
    const long = ["# 1 Lang", "", ...Array.from({ length: 60 }, (_, i) => `Zin nummer ${i} gaat over jeugdhulp en passende zorg.`)].join("\n");
    const parts = chunkDocument(meta, long, { targetChars: 300, maxChars: 500 });
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) expect(p.end - p.start).toBeLessThanOrEqual(500);
    // Consecutive chunks overlap or touch: nothing in between is lost.
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.start).toBeLessThanOrEqual(parts[i - 1]!.end + 1);
  });

  it("turns inline HTML tables into readable rows", () => {
    const table = "# 1 Tabel\n\nDuur afzondering\tGemaximaliseerd\tNa 1 <sup>e</sup> verlenging geen maximum\n<b>Vet</b> &amp; klaar";
    const [chunk] = chunkDocument(meta, table);
    expect(chunk?.text).toContain("Duur afzondering | Gemaximaliseerd | Na 1e verlenging geen maximum");
    expect(chunk?.text).toContain("Vet & klaar");
  });

  it("drops footnote marks after a word or full stop, and keeps a superscript that belongs to a unit", () => {
    const [chunk] = chunkDocument(meta, "# 1 Tekst\n\nHulp wordt in gang gezet.<sup>5</sup> Daarnaast is er het leven<sup>12</sup> thuis in 40 m<sup>2</sup>.");
    expect(chunk?.text).toContain("Hulp wordt in gang gezet. Daarnaast is er het leven thuis in 40 m2.");
  });

  it("marks a footnote's own line with its number in superscript", () => {
    const [chunk] = chunkDocument(meta, "# 1 Tekst\n\nDe zin loopt door op\n\n<sup>12</sup> Bron: een rapport uit 2019\n\nde volgende pagina.");
    expect(chunk?.text).toContain("\n¹² Bron: een rapport uit 2019\n");
  });

  it("gives a chunk that starts inside a table that table's header row, outside its text", () => {
    const rows = Array.from({ length: 40 }, (_, i) => `Mijlpaal nummer ${i} is bereikt in het programma\t${(i % 5) + 1}\tVGR ${(i % 4) + 1}`);
    const table = ["# 1 Mijlpalen", "", "Mijlpaal\tActielijn\tWanneer", ...rows].join("\n");
    const parts = chunkDocument(meta, table, { targetChars: 600, maxChars: 900 });
    expect(parts.length).toBeGreaterThan(2);
    expect(parts[0]!.tableHeader).toBeUndefined();
    for (const later of parts.slice(1)) {
      expect(later.tableHeader).toBe("Mijlpaal | Actielijn | Wanneer");
      expect(later.text).not.toContain("Wanneer");
    }
    // Prose after a table is not a table: no header.
    const prose = chunkDocument(meta, "# 1 Tekst\n\nKolom\tWaarde\nEen\t1\n\nGewone zin over jeugdhulp in de regio.", { targetChars: 20, maxChars: 60 });
    expect(prose.find((p) => p.text.startsWith("Gewone zin"))?.tableHeader).toBeUndefined();
  });

  it("writes out a table row whose cells hold lists cell by cell, each list under its column's header", () => {
    const row = (letter: string) =>
      `<p><b>${letter}</b> Subdoel ${letter} over betere toegang</p>\t<ul><li>• Mijlpaal ${letter} is gehaald</li></ul>\t<ul><li>• Volgende stap ${letter} wordt gezet</li></ul>`;
    const table = ["# 1 Actielijn", "", "Subdoel\tBelangrijkste mijlpalen\tVervolgstappen", row("A"), row("B")].join("\n");
    const [chunk] = chunkDocument(meta, table);
    expect(chunk?.text).toContain("B Subdoel B over betere toegang\n\nBelangrijkste mijlpalen:\n\n- • Mijlpaal B is gehaald\n\nVervolgstappen:\n\n- • Volgende stap B wordt gezet");
    // The header row says nothing once its names stand above the lists; a row of plain values still needs it.
    expect(chunk?.text).not.toContain("Subdoel | Belangrijkste");
    const [mixed] = chunkDocument(meta, `${table}\nC Subdoel C zonder lijst\tGeen mijlpaal\tNog niets`);
    expect(mixed?.text).toContain("Subdoel | Belangrijkste mijlpalen | Vervolgstappen");
    // A chunk that starts inside the table has the columns from the header above it.
    const rows = ["# 1 Actielijn", "", "Subdoel\tBelangrijkste mijlpalen\tVervolgstappen", ...["A", "B", "C", "D", "E", "F"].map(row)].join("\n");
    const later = chunkDocument(meta, rows, { targetChars: 200, maxChars: 300 }).find((p) => p.text.startsWith("E Subdoel E"));
    // Its rows written out, it needs no header row beside it (that would be quoted on its own).
    expect(later?.tableHeader).toBeUndefined();
    expect(later?.text).toContain("Vervolgstappen:\n\n- • Volgende stap E wordt gezet");
    // The rest of a row cut in two starts at an unknown column: no list is put under another
    // column's header.
    const longRow = (letter: string) =>
      `<p><b>${letter}</b> Subdoel ${letter}</p>\t<ul>${["een", "twee", "drie"].map((n) => `<li>• Mijlpaal ${letter} ${n} is gehaald. Daar is lang aan gewerkt door de partners.</li>`).join("")}</ul>\t<ul><li>• Volgende stap ${letter} wordt gezet</li></ul>`;
    const long = ["# 1 Actielijn", "", "Subdoel\tBelangrijkste mijlpalen\tVervolgstappen", ...["A", "B", "C", "D", "E", "F"].map(longRow)].join("\n");
    for (const maxChars of [120, 300]) {
      for (const part of chunkDocument(meta, long, { targetChars: maxChars - 50, maxChars })) {
        const lines = part.text.split("\n").filter((line) => line.trim() !== "");
        lines.forEach((line, i) => {
          if (line === "Vervolgstappen:") expect(lines[i + 1]).toContain("Volgende stap");
          if (line === "Belangrijkste mijlpalen:") expect(lines[i + 1]).toContain("Mijlpaal");
        });
      }
    }
  });

  it("shows Markdown escapes as the character itself, a footnote star included", () => {
    const [chunk] = chunkDocument(meta, "# 1 Doelen\n\n- D** Actieplan voor kwetsbare jongeren.\\*\n\n\\* Voorheen: het\\_oude \\[plan\\].");
    expect(chunk?.text).toContain("- D Actieplan voor kwetsbare jongeren.*");
    expect(chunk?.text).toContain("* Voorheen: het_oude [plan].");
    expect(chunk?.text).not.toContain("\\");
  });

  it("drops bold markers the conversion left open", () => {
    const [chunk] = chunkDocument(meta, "# 1 Doelen\n\n- A** Informatie over jeugdhulp verbeteren.\n- **B** Sneller **hulp**.");
    expect(chunk?.text).toContain("- A Informatie over jeugdhulp verbeteren.");
    expect(chunk?.text).toContain("- B Sneller hulp.");
  });

  it("opens a chunk with a lead-in and what it introduces, never closes one on the lead-in", () => {
    const paragraph = (n: number) => `Alinea ${n} over de hulp aan jongeren en hun ouders in de regio, met genoeg woorden om ruimte te nemen.`;
    const doc = ["# 1 Inleiding", "", ...Array.from({ length: 3 }, (_, i) => [paragraph(i + 1), ""]).flat(), "**De kernvraag is:**", "", "*Hoe zorgen we ervoor dat jongeren eerder passende hulp krijgen?*", ""].join("\n");
    // Sized so that the lead-in would just fit in the first chunk and what it introduces would not.
    const chunks = chunkDocument(meta, doc, { targetChars: 330, maxChars: 345 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.trim()).not.toMatch(/:$/);
    const withLeadIn = chunks.filter((c) => c.text.includes("De kernvraag is:"));
    expect(withLeadIn.length).toBeGreaterThan(0);
    for (const chunk of withLeadIn) expect(chunk.text).toContain("Hoe zorgen we ervoor dat jongeren eerder passende hulp krijgen?");
  });

  it("finds plain section titles in slide exports without Markdown headings", () => {
    const slides = "Aanleiding\n\nEen oproep om uithuisplaatsingen te voorkomen.\n\nKnelpunten (1)\n\n- jongeren komen met spoed binnen zonder analyse vooraf.";
    const parts = chunkDocument(meta, slides);
    expect(parts.map((p) => p.sectionPath[0])).toEqual(["Aanleiding", "Knelpunten (1)"]);
  });

  it("keeps a contact block with the line that introduces it, not as a section of its own", () => {
    const text =
      "Aanleiding\n\nEen oproep om uithuisplaatsingen te voorkomen.\n\nKnelpunten\n\nJongeren komen met spoed binnen.\n\nMeer weten? Neem contact op met:\n\nMinisterie van Voorbeeld\n\ninfo@voorbeeld.nl";
    const parts = chunkDocument(meta, text);
    expect(parts.map((p) => p.sectionPath[0])).toEqual(["Aanleiding", "Knelpunten"]);
    const contact = parts.find((p) => p.text.includes("info@voorbeeld.nl"));
    expect(contact?.text).toContain("Neem contact op met:");
    expect(contact?.text).toContain("Ministerie van Voorbeeld");
  });
});
