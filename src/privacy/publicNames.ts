/**
 * Names the indexed plan documents use themselves, such as the case example "Ferdi (16 jaar oud)".
 * A question about that example ("de casus van Ferdi (16)") names no client, and without the name
 * it cannot be found. A word counts as such a name when the documents write it capitalised in
 * the middle of a sentence at least MIN_USES times; a client who happens to share it is the
 * accepted cost (SECURITY.md).
 */
const MIN_USES = 3;

export function publicNameCheck(texts: Iterable<string>): (name: string) => boolean {
  const uses = new Map<string, number>();
  const written = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu)) written.add(m[0]);
    // A capitalised word after a lowercase word or a comma: not the first word of a sentence.
    for (const m of text.matchAll(/(?<=[\p{Ll},] )\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu)) {
      uses.set(m[0], (uses.get(m[0]) ?? 0) + 1);
    }
  }
  const known = new Set([...uses].filter(([, n]) => n >= MIN_USES).map(([word]) => word));
  // The first word of a finding is the given name (or the name after "mijn cliënt"). A full name
  // is the documents' own when they write each of its capitalised words ("Carola Bodenstaff",
  // who is quoted once): a client's full name shares at most a first name with them.
  return (name) => {
    if (known.has(name.split(/[\s,(]/, 1)[0]!)) return true;
    const words = name.split(/\s+/).filter((word) => /^\p{Lu}\p{Ll}+$/u.test(word));
    return words.length >= 2 && words.every((word) => written.has(word));
  };
}
