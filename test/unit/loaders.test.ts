import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlToMarkdown } from "../../src/knowledge/loaders/docxLoader.js";
import { listDocumentFiles, loadDocumentFile, supportedExtensions } from "../../src/knowledge/loaders/loadFile.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-loaders-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: string | Uint8Array): Promise<Uint8Array> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return readFile(file);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Deterministic "random" bytes, so a failure can be reproduced. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A minimal valid PDF: one page per entry, each line a Helvetica Tj. Offsets are computed. */
function buildPdf(pages: string[][]): string {
  const objects: string[] = ["<< /Type /Catalog /Pages 2 0 R >>"];
  const kids = pages.map((_, i) => `${3 + i * 2} 0 R`).join(" ");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  const fontId = 3 + pages.length * 2;
  pages.forEach((lines, i) => {
    const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${l}) Tj T*`).join(" ")} ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${4 + i * 2} 0 R ` +
        `/Resources << /Font << /F1 ${fontId} 0 R >> >> >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");

  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length); // ASCII only, so string length equals byte length
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip with stored (uncompressed) entries: enough for mammoth to read a DOCX. */
function buildZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(entries).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function paragraph(text: string, style?: string): string {
  const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : "";
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

function buildDocx(body: string): Buffer {
  return buildZip({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      "</Types>",
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      "</Relationships>",
    "word/_rels/document.xml.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      "</Relationships>",
    "word/styles.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>` +
      '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Kop2Eigen"><w:name w:val="Kop 2"/></w:style>' +
      "</w:styles>",
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}

async function expectFailure(name: string, content: string | Uint8Array, reason: string): Promise<void> {
  await put(name, content);
  const result = await loadDocumentFile(dir, name);
  expect(result).toEqual({ ok: false, file: name, reason });
}

describe("text files", () => {
  it("returns a markdown file byte-for-byte unchanged", async () => {
    const content = [
      "# Regioplan Jeugdhulp",
      "",
      "Overleg met de coördinator en de ouders over België-plaatsingen.",
      "",
      "| Rol | Taak |",
      "|-----|------|",
      "| Gemeente | <b>Inkoop</b> van zorg<br/>en toezicht |",
      "",
      "<table><tr><td>Spoed&amp;nood</td><td>24 uur</td></tr></table>",
      "Windows-regel\r",
      "  ingesprongen\tmet tab  ",
      "",
    ].join("\n");
    const bytes = await put("plan.md", content);
    const result = await loadDocumentFile(dir, "plan.md");
    expect(result).toEqual({ ok: true, file: "plan.md", text: content, contentHash: sha256(bytes) });
    if (!result.ok) throw new Error("expected ok");
    expect(Buffer.from(result.text, "utf8").equals(Buffer.from(bytes))).toBe(true);
  });

  it("loads .txt and .markdown (any case) the same way", async () => {
    await put("notities.TXT", "Gewoon tekst.\n");
    await put("sub/extra.markdown", "## Kopje\n");
    expect(await loadDocumentFile(dir, "notities.TXT")).toMatchObject({ ok: true, text: "Gewoon tekst.\n" });
    expect(await loadDocumentFile(dir, "sub/extra.markdown")).toMatchObject({ ok: true, file: "sub/extra.markdown", text: "## Kopje\n" });
  });

  it("drops only a leading UTF-8 BOM, so a heading on the first line stays a heading", async () => {
    const bytes = await put("bom.md", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("# Titel\n\nTekst ë\n")]));
    const result = await loadDocumentFile(dir, "bom.md");
    expect(result).toMatchObject({ ok: true, text: "# Titel\n\nTekst ë\n", contentHash: sha256(bytes) });
  });

  it("rejects empty and whitespace-only files", async () => {
    await expectFailure("leeg.md", "", "leeg bestand");
    await expectFailure("spaties.txt", "  \n\t\r\n  ", "leeg bestand");
  });

  it("rejects binary files with NUL bytes", async () => {
    const bytes = pseudoRandomBytes(4096, 7);
    bytes[10] = 0;
    bytes[2000] = 0;
    await expectFailure("afbeelding.md", bytes, "binair bestand, geen tekst");
  });

  it("rejects invalid UTF-8 (e.g. a Latin-1 file)", async () => {
    await expectFailure("latin1.txt", Buffer.from("co\xf6rdinator", "latin1"), "geen geldige UTF-8-tekst");
    await expectFailure("utf16.txt", Buffer.from("\ufeffHallo", "utf16le"), "geen geldige UTF-8-tekst");
  });

  it("loads a 20 MB text file", async () => {
    const line = "Jongeren worden binnen zes weken geplaatst in een passende voorziening in de regio.\n";
    const content = line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
    const bytes = await put("groot.txt", content);
    expect(bytes.byteLength).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    const started = Date.now();
    const result = await loadDocumentFile(dir, "groot.txt");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error(result.reason);
    expect(result.text.length).toBe(content.length);
    expect(result.contentHash).toBe(sha256(bytes));
  });
});

describe("PDF files", () => {
  it("extracts the text of a valid PDF, pages separated by a blank line", async () => {
    const bytes = await put("verslag.pdf", buildPdf([["Spoedberaad met ouders", "binnen 24 uur"], ["Tweede pagina"]]));
    const result = await loadDocumentFile(dir, "verslag.pdf");
    expect(result).toMatchObject({ ok: true, file: "verslag.pdf", contentHash: sha256(bytes) });
    if (!result.ok) throw new Error(result.reason);
    expect(result.text).toContain("Spoedberaad met ouders");
    expect(result.text).toContain("binnen 24 uur");
    expect(result.text).toMatch(/binnen 24 uur\n\nTweede pagina$/);
  });

  it("rejects a PDF without text", async () => {
    await expectFailure("scan.pdf", buildPdf([[]]), "PDF bevat geen tekst (alleen afbeeldingen?)");
  });

  it("rejects corrupt PDFs and non-PDFs renamed to .pdf", async () => {
    const reason = "PDF kan niet gelezen worden (beschadigd of versleuteld)";
    await expectFailure("kapot.pdf", "%PDF-1.4\n garbage", reason);
    await expectFailure("eigenlijk-tekst.pdf", "Dit is gewoon een tekstbestand.\n", reason);
    await expectFailure("leeg.pdf", "", reason);
    await expectFailure("afgekapt.pdf", buildPdf([["Spoedberaad"]]).slice(0, 120), reason);
  });
});

describe("Word files", () => {
  it("turns headings into # lines and keeps paragraphs", async () => {
    const body =
      paragraph("Spoedberaad", "Kop1") +
      paragraph("Binnen 24 uur overleggen we met de ouders &amp; de jongere.") +
      paragraph("Rollen", "Kop2Eigen") +
      paragraph("De gemeente koopt in.");
    const bytes = await put("plan.docx", buildDocx(body));
    const result = await loadDocumentFile(dir, "plan.docx");
    expect(result).toMatchObject({ ok: true, contentHash: sha256(bytes) });
    if (!result.ok) throw new Error(result.reason);
    expect(result.text).toBe(
      "# Spoedberaad\n\nBinnen 24 uur overleggen we met de ouders & de jongere.\n\n## Rollen\n\nDe gemeente koopt in.",
    );
  });

  it("rejects a Word file without text", async () => {
    await expectFailure("leeg.docx", buildDocx(""), "Word-bestand bevat geen tekst");
  });

  it("rejects corrupt Word files", async () => {
    await expectFailure("kapot.docx", pseudoRandomBytes(3000, 42), "Word-bestand kan niet gelezen worden");
    await expectFailure("geen-word.docx", buildZip({ "readme.txt": "hallo" }), "Word-bestand kan niet gelezen worden");
  });

  it("converts mammoth HTML: lists, tables, line breaks, footnote back-links, entities", () => {
    const html =
      "<h2>5.2.5 Matching &amp; plaatsing</h2>" +
      "<p>Regel een<br />regel twee</p>" +
      "<ul><li>eerste</li><li>tweede<ol><li>genest a</li><li>genest b</li></ol></li></ul>" +
      "<table><tr><th><p>Rol</p></th><th><p>Taak</p></th></tr>" +
      "<tr><td><p>Gemeente</p></td><td><p>Inkoop</p><p>en toezicht</p></td></tr>" +
      "<tr><td></td><td></td></tr></table>" +
      '<p>Zie noot<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p>' +
      '<ol><li id="footnote-1"><p>Wet &lt;Jeugdwet&gt; art. 2 <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(htmlToMarkdown(html)).toBe(
      [
        "## 5.2.5 Matching & plaatsing",
        "Regel een\nregel twee",
        "- eerste",
        "- tweede",
        "  1. genest a",
        "  2. genest b",
        "Rol | Taak\nGemeente | Inkoop en toezicht",
        "Zie noot[1].",
        "1. Wet <Jeugdwet> art. 2",
      ].join("\n\n"),
    );
  });
});

describe("loadDocumentFile", () => {
  it("reports unsupported extensions", async () => {
    await expectFailure("begroting.xlsx", "x", "bestandstype wordt niet ondersteund (.xlsx)");
    await expectFailure("LEESMIJ", "x", "bestandstype wordt niet ondersteund (geen extensie)");
  });

  it("reports files that cannot be read, with the error code", async () => {
    await mkdir(path.join(dir, "map.md"), { recursive: true });
    expect(await loadDocumentFile(dir, "map.md")).toEqual({
      ok: false,
      file: "map.md",
      reason: "bestand kan niet gelezen worden (EISDIR)",
    });
    expect(await loadDocumentFile(dir, "bestaat-niet.md")).toEqual({
      ok: false,
      file: "bestaat-niet.md",
      reason: "bestand kan niet gelezen worden (ENOENT)",
    });
  });

  it("rejects files over 50 MB", async () => {
    const file = path.join(dir, "enorm.txt");
    await writeFile(file, "");
    await truncate(file, 50 * 1024 * 1024 + 1); // sparse: no 50 MB written
    expect(await loadDocumentFile(dir, "enorm.txt")).toEqual({
      ok: false,
      file: "enorm.txt",
      reason: "bestand is te groot (max 50 MB)",
    });
  });

  it("supports the advertised extensions", () => {
    expect(supportedExtensions().sort()).toEqual([".docx", ".markdown", ".md", ".pdf", ".txt"]);
  });
});

describe("listDocumentFiles", () => {
  it("lists files recursively, sorted, skipping dot-files, corpus.json and lock files", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "wegwijs-list-"));
    try {
      for (const name of [
        "b.md",
        "a.pdf",
        "corpus.json",
        ".DS_Store",
        ".git/config",
        "regio/.verborgen.md",
        "regio/noord/plan.docx",
        "regio/zuid.txt",
        "regio/corpus.json",
        "~$plan.docx",
        "tabel.xlsx",
      ]) {
        await mkdir(path.dirname(path.join(root, name)), { recursive: true });
        await writeFile(path.join(root, name), "x");
      }
      await symlink(path.join(root, "b.md"), path.join(root, "link.md"));
      await symlink(path.join(root, "regio"), path.join(root, "lus"));

      expect(await listDocumentFiles(root)).toEqual([
        "a.pdf",
        "b.md",
        "link.md",
        "regio/corpus.json",
        "regio/noord/plan.docx",
        "regio/zuid.txt",
        "tabel.xlsx",
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
