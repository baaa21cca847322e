/**
 * Turns extracted text with inline HTML and Markdown emphasis into plain readable text:
 * table cells become " | "-separated rows, list items get a dash, tags and entities go.
 * Used for display and indexing; offsets always refer to the original text.
 */
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Stands in for an escaped asterisk ("\\*", a footnote mark) while emphasis is taken out. */
const ESCAPED_STAR = "\uE000";

export function readableText(raw: string): string {
  return raw
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
