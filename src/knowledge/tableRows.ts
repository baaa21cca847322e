/**
 * A line of a table as the documents' conversion writes it: cells separated by tabs, the first
 * one possibly empty ("\tGGZ\tJJI", a header with an empty corner).
 */
export function isRawTableRow(line: string): boolean {
  return /\S\t+\S|^\t+\S/.test(line);
}

/** Cells of a table row as readableText writes it ("a | b | c"); an empty cell ("| b", "a | | c") is "". */
export function rowCells(row: string): string[] {
  return row.split(/(?:^|\s)\|(?=\s)/).map((cell) => cell.trim());
}

/**
 * A table row: at least two cells with text. A row whose only text is in one cell ("| | | Onduidelijkheid
 * regie", a word cloud laid out as a table) reads as that text.
 */
export function isTableRow(line: string): boolean {
  return /\s\|\s/.test(line) && rowCells(line.trim()).filter((cell) => cell !== "").length > 1;
}
