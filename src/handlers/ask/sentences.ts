/** A sentence or list line of a passage, as shown in an answer; headings are not sentences. */
export function passageSentences(text: string, headings: readonly string[] = []): string[] {
  const isHeading = new Set(headings.map((h) => h.trim()));
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[\p{Lu}\d“"(])/u)
    .map((s) => s.replace(/^\s*(?:[-*•–]\s+|\d+\.\s+(?=\p{Lu}))/u, "").trim())
    // Short lines count when they introduce a list ("In 2027:") or carry a figure ("25 maart 2019").
    .filter(
      (s) =>
        (s.length >= 15 || s.endsWith(":") || (s.length >= 6 && /\d/.test(s))) &&
        !s.startsWith("#") &&
        !isHeading.has(s) &&
        /\p{L}{2}/u.test(s),
    );
}

/** Shortens to at most max characters on a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${cut.slice(0, lastSpace > max * 0.6 ? lastSpace : cut.length)}…`;
}
