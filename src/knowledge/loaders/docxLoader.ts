import mammoth from "mammoth";
import { type DocumentLoader, UnreadableDocumentError } from "./types.js";

/**
 * Word documents. mammoth's convertToMarkdown is deprecated, missing from its 1.13 types and
 * backslash-escapes text ("5\.2\.5"), so we convert its HTML ourselves: headings become `#`
 * lines for the chunker, paragraphs plain text, list items "- ", table rows "cell | cell".
 */
export const docxLoader: DocumentLoader = {
  extensions: [".docx"],

  async extractText(bytes: Uint8Array): Promise<string> {
    let html: string;
    try {
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        {
          styleMap: DUTCH_STYLE_MAP,
          // Images carry no text; skip building base64 data URIs for them.
          convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        },
      );
      html = result.value;
    } catch (error) {
      throw new UnreadableDocumentError("Word-bestand kan niet gelezen worden", { cause: error });
    }
    const text = htmlToMarkdown(html);
    if (text === "") throw new UnreadableDocumentError("Word-bestand bevat geen tekst");
    return text;
  },
};

/** Style names as a Dutch Word may store them; English built-in names are in mammoth's defaults. */
const DUTCH_STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titel'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Kop ${n}'] => h${n}:fresh`),
];

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|([^<]+)/g;

/** Converts the small, well-formed HTML vocabulary mammoth produces. */
export function htmlToMarkdown(html: string): string {
  const blocks: string[] = [];
  let inline = ""; // text of the block being built
  let heading = 0;
  let listPrefix: string[] = []; // one entry per open <ul>/<ol>: "-" or a counter
  const listCounters: number[] = [];
  // Open tables, innermost last; a nested table's rows end up in the outer cell.
  const tables: Array<{ rows: string[]; row: string[] | null; cell: string | null }> = [];
  const currentCell = () => tables.at(-1)?.cell ?? null;
  let skipLink = 0; // footnote back-links ("↑") carry no content

  const flush = () => {
    const text = inline.replace(/[ \t]*\n[ \t]*/g, "\n").trim();
    inline = "";
    if (text === "") return;
    const table = tables.at(-1);
    if (table && table.cell !== null) {
      table.cell = table.cell ? `${table.cell} ${collapse(text)}` : collapse(text);
    } else if (heading) {
      blocks.push(`${"#".repeat(heading)} ${collapse(text)}`);
    } else if (listPrefix.length > 0) {
      const depth = listPrefix.length - 1;
      blocks.push(`${"  ".repeat(depth)}${listPrefix[depth]} ${collapse(text)}`);
    } else {
      blocks.push(text);
    }
  };

  for (const match of html.matchAll(TOKEN)) {
    const [, closing, rawTag, attributes = "", text] = match;
    if (text !== undefined) {
      if (!skipLink) inline += decodeEntities(text);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    const open = closing !== "/";
    switch (tag) {
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        flush();
        heading = open ? Number(tag[1]) : 0;
        break;
      case "p":
        flush();
        break;
      case "br":
        inline += heading || currentCell() !== null ? " " : "\n";
        break;
      case "ul":
      case "ol":
        flush();
        if (open) {
          listCounters.push(0);
          listPrefix.push(tag === "ul" ? "-" : "1.");
        } else {
          listCounters.pop();
          listPrefix = listPrefix.slice(0, -1);
        }
        break;
      case "li":
        flush();
        if (open && listPrefix.length > 0) {
          const depth = listPrefix.length - 1;
          if (listPrefix[depth] !== "-") {
            listCounters[depth] = (listCounters[depth] ?? 0) + 1;
            listPrefix[depth] = `${listCounters[depth]}.`;
          }
        }
        break;
      case "table": {
        flush();
        if (open) {
          tables.push({ rows: [], row: null, cell: null });
          break;
        }
        const rows = tables.pop()?.rows ?? [];
        if (rows.length === 0) break;
        const outer = tables.at(-1);
        if (outer && outer.cell !== null) outer.cell = [outer.cell, ...rows].filter((r) => r !== "").join(" ");
        else blocks.push(rows.join("\n"));
        break;
      }
      case "tr": {
        flush();
        const table = tables.at(-1);
        if (!table) break;
        if (open) table.row = [];
        else if (table.row) {
          if (table.row.some((c) => c !== "")) table.rows.push(table.row.join(" | "));
          table.row = null;
        }
        break;
      }
      case "td":
      case "th": {
        flush();
        const table = tables.at(-1);
        if (!table) break;
        if (open) table.cell = "";
        else {
          table.row?.push(table.cell ?? "");
          table.cell = null;
        }
        break;
      }
      case "a":
        if (open && /href="#(footnote|endnote)-ref-/.test(attributes)) skipLink++;
        else if (!open && skipLink) skipLink--;
        break;
      default:
        // Inline markup (strong, em, sup, ...) and images: keep only the text.
        break;
    }
  }
  flush();
  return blocks.join("\n\n");
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}
