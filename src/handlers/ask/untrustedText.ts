/**
 * Text Wegwijs did not write itself (model output, and document text that may have been written
 * to manipulate the model) is shown as plain text with [n] citation markers only: no links,
 * images, HTML or platform control sequences survive, on any surface. Slack and Teams turn a bare
 * URL or domain into a link, so those go too.
 */

const CITATION = String.raw`\[\d{1,2}(?:\s*[,;]\s*\d{1,2})*\]`;
const LINK_REMOVED = "(link weggelaten)";

export function plainText(text: string, options: { keepMarkers?: boolean } = {}): string {
  const keepMarkers = options.keepMarkers ?? true;
  let t = text;
  // Markdown images, then links (inline, reference, definitions): keep a link's words only.
  t = t.replace(/!\[[^\]]*\]\([^)]*\)/g, "");
  t = t.replace(/!\[[^\]]*\]\[[^\]]*\]/g, "");
  t = t.replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, "$1");
  // ("[1][2]" is two citation markers, not a reference link.)
  t = t.replace(/\[([^\]]*[^\]\d\s,;][^\]]*)\]\[[^\]]*\]/g, "$1");
  t = t.replace(/^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$/gm, "");
  // HTML and Slack control sequences (<!channel>, <@U123>, <http://x|y>), entities included.
  t = t.replace(/<!--[\s\S]*?-->/g, "");
  t = t.replace(/<\/?[A-Za-z][^<>]*>/g, "");
  t = t.replace(/<[!@#][^<>]*>/g, "");
  t = t.replace(/<(?:https?|mailto|ftp|tel|javascript|data):[^<>]*>/gi, LINK_REMOVED);
  t = t.replace(/&(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, " ");
  // URLs, schemes and bare domains that chat clients would make clickable.
  t = t.replace(/\b(?:https?|ftp|javascript|data|file|mailto|tel):\S*/gi, LINK_REMOVED);
  t = t.replace(/\bwww\.\S+/gi, LINK_REMOVED);
  t = t.replace(/(?<![@\p{L}\p{N}.-])(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|io|be|de|info|gov|app|dev|ly|co|me)(?:\/\S*)?(?![\p{L}\p{N}@-])/giu, LINK_REMOVED);
  // Square brackets other than citation markers (they would look like a citation or a link).
  t = t.replace(new RegExp(`${CITATION}|\\[|\\]`, "g"), (m) => (m.length > 1 && keepMarkers ? m : m.length > 1 ? m.slice(1, -1) : ""));
  // Markdown structure: headings, quotes, code, strike-through, tables.
  t = t.replace(/^[ \t]*(?:#{1,6}|>+)[ \t]*/gm, "");
  t = t.replace(/`+/g, "").replace(/~~/g, "").replace(/\|/g, " ");
  t = t.replace(/[<>]/g, " ");
  // Runs of spaces inside a line become one; a line's indentation stays as two spaces at most (a
  // sub-item nested under its item, as markdown reads it; four would make a code block).
  t = t.replace(/(?<=\S)[ \t]{2,}/g, " ").replace(/^[ \t]+/gm, (indent) => (indent.length >= 2 ? "  " : ""));
  return t.replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * Document text shown as a quote: plain text, and "[9]" in it is not a citation marker (only
 * Wegwijs puts those, next to the quote).
 */
export function documentText(text: string): string {
  return plainText(text, { keepMarkers: false });
}

const MARKER_RE = new RegExp(CITATION);

/**
 * Sentences that carry no citation marker: an answer that has one states something the
 * passages were not shown to support. Fragments of fewer than four words ("o.a.", a list
 * number) are not sentences.
 */
export function uncitedSentences(text: string): string[] {
  // A closing quote or bracket may stand between the full stop and the marker (“...” [1]).
  const units = text.match(new RegExp(String.raw`[^.!?\n]+(?:[.!?]+["”’)]*|\n|$)(?:\s*${CITATION})*`, "g")) ?? [];
  return units
    .map((u) => u.trim())
    .filter((u) => (u.match(/\p{L}{2,}/gu) ?? []).length >= 4 && !MARKER_RE.test(u));
}

const normalised = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * True when the text repeats a line of Wegwijs' own instructions (a prompt leak), or the
 * delimiters the question is wrapped in.
 */
export function leaksInstructions(text: string, instructions: string): boolean {
  const said = normalised(text);
  if (/<\/?vraag>|<\/?passages>/i.test(text)) return true;
  return instructions
    .split("\n")
    .map(normalised)
    .filter((line) => line.split(" ").length >= 6)
    .some((line) => said.includes(line) || said.includes(line.split(" ").slice(0, 8).join(" ")));
}
