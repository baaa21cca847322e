import { isRawTableRow } from "./tableRows.js";

/**
 * Turns extracted text with inline HTML and Markdown emphasis into plain readable text:
 * table cells become " | "-separated rows, list items get a dash, tags and entities go.
 * Used for display and indexing; offsets always refer to the original text.
 */
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Stands in for an escaped asterisk ("\\*", a footnote mark) while emphasis is taken out. */
const ESCAPED_STAR = "\uE000";

/**
 * `table`: the raw header row of the table the text starts in, when its first lines are rows of a
 * table begun above it, and whether the text starts inside a row (a long row cut in two).
 */
export function readableText(raw: string, table?: { header: string; cutRow: boolean }): string {
  return withBlockCells(withLooseCellsAsItems(raw), table)
    .replace(/\\\*/g, ESCAPED_STAR)
    .replace(/\\([\\`_{}[\]()#+\-.!|~])/g, "$1") // Markdown escapes: the character itself
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "\n- ")
    .replace(/<\/(td|th)>\s*/gi, " | ")
    .replace(/<\/(tr|p|div|ul|ol|table)>/gi, "\n")
    .replace(/\s*<sup>\s*(e|ste|de|er)\s*<\/sup>/gi, "$1") // ordinals: "1 <sup>e</sup>" -> "1e"
    // A footnote's own line ("<sup>2</sup> Ascend, The Aspen Institute", set between the lines of a
    // page) starts with its number in superscript, so it is never read as part of the text around it.
    .replace(/^[ \t]*<sup>\s*(\d{1,3})\s*<\/sup>[ \t]*/gm, (_, n: string) => `${[...n].map((d) => SUPERSCRIPT[Number(d)]).join("")} `)
    // A footnote mark after a word or a full stop ("zetten.<sup>5</sup> Daarnaast") is not text:
    // kept, it glues to the word ("leven5") and hides where the sentence ends. "m<sup>2</sup>" stays.
    .replace(/(?<=[.,;:!?)”"’']|\p{L}{3})\s*<sup>\s*\d{1,3}\s*<\/sup>/gu, "")
    .replace(/<sup>\s*([^<]{1,4})\s*<\/sup>/gi, "$1")
    .replace(/<[^>]{1,300}>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
      if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? m;
    })
    .replace(/\*{1,3}([^*\n]+)\*{1,3}/g, "$1")
    .replace(/\*{2,3}/g, "") // bold left open by the conversion ("A** Informatievoorziening")
    // Every tab separates two cells: an empty cell stays a cell ("\tGGZ\tJJI", a header with an empty
    // corner), or the values after it would stand under the wrong column (new-user try).
    .replace(/\t/g, " | ")
    .replace(/[ \u00a0]{2,}/g, " ")
    .replace(/(?: *\|)+ *(\n|$)/g, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .replaceAll(ESCAPED_STAR, "*")
    .trim();
}

/** A cell that holds a list or paragraphs: block content, not a value. */
const BLOCK_CELL = /<(ul|ol|li)\b/i;

/**
 * A table row whose cells hold lists (a progress report's "Subdoel | Belangrijkste mijlpalen |
 * Vervolgstappen") written out cell by cell: the row's first cell, then each list under its
 * column's header as a lead-in ("Vervolgstappen:"), and the header row itself left out. Read as
 * cells, the lists lost their column and a next step read as a milestone reached (seventh
 * new-user try).
 */
function withBlockCells(raw: string, table?: { header: string; cutRow: boolean }): string {
  if (!BLOCK_CELL.test(raw)) return raw;
  const lines = raw.split("\n");
  const out: string[] = [...lines];
  let names: string[] | undefined;
  // The current table's header line, and how many of its rows were written out or kept as values.
  let header: { line: number; written: number; plain: number } | undefined;
  // The header row says nothing once its names stand above every list: alone it was quoted as an
  // answer ("Subdoel; Belangrijkste mijlpalen vanaf juni 2020; Vervolgstappen"; new-user re-run;
  // measured: answerWords d 68 → 67, nothing else moved). A row of plain values still needs it.
  const endTable = () => {
    if (header && header.written > 0 && header.plain === 0) out[header.line] = "";
    header = undefined;
  };
  lines.forEach((line, i) => {
    if (!isRawTableRow(line)) {
      endTable();
      names = undefined;
      return;
    }
    // A table's first row names its columns. A text that starts inside a table has them from
    // its header, but the rest of a row cut in two starts at an unknown column; without a
    // header, a first line with lists is a row whose columns are unknown.
    if (i === 0 && table) {
      names = cellsOf(table.header);
      if (table.cutRow) return;
    } else if (i === 0 ? !BLOCK_CELL.test(line) : !isRawTableRow(lines[i - 1]!)) {
      names = cellsOf(line);
      header = { line: i, written: 0, plain: 0 };
      return;
    }
    const cells = line.split("\t");
    if (names === undefined || !cells.slice(1).some((cell) => BLOCK_CELL.test(cell))) {
      if (header) header.plain++;
      return;
    }
    const written = [cells[0] ?? ""];
    cells.slice(1).forEach((cell, c) => {
      const column = names?.[c + 1];
      if (plainCell(cell) !== "") written.push("", column ? `${column}:` : "", cell);
    });
    out[i] = `${written.join("\n")}\n`;
    if (header) header.written++;
  });
  endTable();
  return out.join("\n");
}

/** Rows of tab-separated cells this many or more can be told apart as a layout rather than a table. */
const LAYOUT_MIN_ROWS = 4;
/**
 * Share of empty cells (before a row's last text) from which tab-separated rows are words laid out
 * on a slide (a word cloud: "Olfantenpadje | Hoge druk | Handelingsverlegenheid", then "| Wisselingen
 * in personeel | Crisis"), not a table: the documents' tables have at most a tenth, a word cloud two
 * fifths. Read as a table, its first row became column names ("Olfantenpadje: Tunnelvisie"; new-user try).
 */
const LAYOUT_EMPTY_SHARE = 0.3;

/** Words laid out in tab-separated cells with many gaps (see LAYOUT_EMPTY_SHARE) as list items, one per cell. */
function withLooseCellsAsItems(raw: string): string {
  if (!raw.includes("\t")) return raw;
  const lines = raw.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && isRawTableRow(lines[end]!)) end++;
    if (end === i) {
      out.push(lines[i++]!);
      continue;
    }
    const rows = lines.slice(i, end).map((line) => cellsOf(line.replace(/[\t ]+$/, "")));
    const cells = rows.flat();
    const empty = cells.filter((cell) => cell === "").length;
    const layout = rows.length >= LAYOUT_MIN_ROWS && empty >= LAYOUT_EMPTY_SHARE * cells.length && !lines.slice(i, end).some((line) => BLOCK_CELL.test(line));
    out.push(...(layout ? cells.filter((cell) => cell !== "").map((cell) => `- ${cell}`) : lines.slice(i, end)));
    i = end;
  }
  return out.join("\n");
}

/** A raw cell's text without its tags, for names and labels. */
function plainCell(cell: string): string {
  return cell.replace(/<[^>]{1,300}>/g, " ").replace(/\*{1,3}/g, "").replace(/\s+/g, " ").trim();
}

function cellsOf(row: string): string[] {
  return row.split("\t").map(plainCell);
}
