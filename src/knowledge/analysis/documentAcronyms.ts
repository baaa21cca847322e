/**
 * Abbreviations a document defines for itself: "De gemeenten Maasluis, Vlaardingen en Schiedam
 * (MVS)", "het Ondersteuningsteam Zorg voor de Jeugd (OZJ)". A later line of that document that
 * says "MVS" speaks of those three towns, though it shares no word with a question that names them.
 * Read from the document's own text, so it holds for any document a region adds.
 */

/** Small words an abbreviation may leave out, or spell with a small letter ("NvO": Norm voor Opdrachtgeverschap). */
const SMALL_WORDS = new Set(["van", "voor", "de", "het", "der", "den", "en", "in", "op", "te", "of", "met", "aan", "bij", "tot", "om", "uit"]);

/** "(MVS)", "(NvO)", "(Wmo)", "(hierna AB)": two to six letters in brackets, the first a capital. */
const DEFINED = /\((?:hierna:?\s+)?(\p{Lu}[\p{L}]{1,5})\)/gu;

/** How far back the spelled-out words may start. */
const MAX_WORDS = 8;

/**
 * The document's abbreviations with the words they stand for, as written there. Only where the
 * words right before the brackets begin with the abbreviation's letters, in order (small words may
 * be skipped): "(FAST)" after "Forensische Ambulante Systeem Therapie", not "(BOPZ)" after "GGZ".
 */
export function definedAcronyms(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(DEFINED)) {
    const acronym = match[1]!;
    if (found.has(acronym)) continue;
    const before = text.slice(Math.max(0, match.index! - 200), match.index!).replace(/<[^>]*>/g, " ");
    const words = before.split(/[\s,;:*_]+/).filter(Boolean).slice(-MAX_WORDS);
    const spelled = spelledOut(acronym, words);
    if (spelled) found.set(acronym, spelled);
  }
  return found;
}

/** The shortest run of words ending at the brackets whose initials spell the abbreviation. */
function spelledOut(acronym: string, words: string[]): string | undefined {
  const letters = acronym.toLowerCase();
  for (let start = words.length - 1; start >= 0; start--) {
    const run = words.slice(start);
    if (SMALL_WORDS.has(run[0]!.toLowerCase())) continue;
    if (spells(letters, run.map((word) => word.toLowerCase()))) return run.join(" ");
  }
  return undefined;
}

/** Whether the words' initials give the letters in order, each word used once; small words may be passed over. */
function spells(letters: string, words: string[]): boolean {
  const match = (l: number, w: number): boolean => {
    if (l === letters.length) return w === words.length;
    if (w === words.length) return false;
    const word = words[w]!;
    if (word[0] === letters[l] && match(l + 1, w + 1)) return true;
    return SMALL_WORDS.has(word) && match(l, w + 1);
  };
  return match(0, 0);
}

/** A document's abbreviations, ready to be looked for in its lines. */
export class DocumentAcronyms {
  private readonly patterns: Array<{ acronym: string; pattern: RegExp; words: string }>;

  constructor(acronyms: ReadonlyMap<string, string>) {
    this.patterns = [...acronyms].map(([acronym, words]) => ({ acronym, pattern: new RegExp(`(?<![\\p{L}\\d])${acronym}(?![\\p{L}\\d])`, "u"), words }));
  }

  get size(): number {
    return this.patterns.length;
  }

  /** The words of each abbreviation the line uses as a whole word ("MVS-gemeenten" uses MVS). */
  spelledOutIn(line: string): string[] {
    return this.patterns.flatMap(({ acronym, pattern, words }) => (line.includes(acronym) && pattern.test(line) ? [words] : []));
  }
}
