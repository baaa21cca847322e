import { foldText, wordTokens } from "./normalise.js";

/** An acronym as typed: 2-5 letters, at least two of them capitals ("EMB", "PvE", "RvdK"). */
const ACRONYM = /(?<![\p{L}\d])(?=(?:\p{Ll}*\p{Lu}){2})\p{L}{2,5}(?![\p{L}\d])/gu;
/** A phrase is taken for the acronym only when the documents use it this much more than the next one. */
const LEAD_FACTOR = 2;
/** And at least this often: one chance match of initials is no evidence. */
const MIN_USES = 2;

/** The acronyms a question types, as typed ("EMB-leerlingen" -> "EMB"). */
export function typedAcronyms(question: string): string[] {
  return [...question.matchAll(ACRONYM)].map((match) => match[0]);
}

/**
 * What the documents most likely abbreviate as this acronym: the words whose initials spell it,
 * a capital standing for a content word and a lower-case letter for any word ("PvE" ->
 * "programma van eisen", "RvdK" -> "raad voor de kinderbescherming"). Word forms are counted
 * together by their content words' stems ("beperking" / "beperkingen"). Undefined when no phrase
 * clearly leads: "NL" matches "nare levensgebeurtenissen" once and "naast lokale" once.
 */
export function expandAcronym(
  typed: string,
  texts: Iterable<string>,
  isStopword: (word: string) => boolean,
  stem: (word: string) => string,
): string | undefined {
  const letters = [...typed];
  if (letters.length < 2) return undefined;
  const folded = letters.map((letter) => foldText(letter));
  const content = letters.map((letter) => letter !== letter.toLowerCase());
  const uses = new Map<string, { count: number; phrases: Map<string, number> }>();
  for (const text of texts) {
    const words = wordTokens(foldText(text));
    for (let i = 0; i + letters.length <= words.length; i++) {
      let matches = true;
      for (let k = 0; k < letters.length && matches; k++) {
        const word = words[i + k]!;
        matches = word.startsWith(folded[k]!) && (!content[k] || (word.length >= 3 && !isStopword(word)));
      }
      if (!matches) continue;
      const phrase = words.slice(i, i + letters.length);
      const key = phrase.filter((_, k) => content[k]).map(stem).join(" ");
      const entry = uses.get(key) ?? { count: 0, phrases: new Map<string, number>() };
      entry.count++;
      const surface = phrase.join(" ");
      entry.phrases.set(surface, (entry.phrases.get(surface) ?? 0) + 1);
      uses.set(key, entry);
    }
  }
  const ranked = [...uses.values()].sort((a, b) => b.count - a.count);
  const [best, next] = ranked;
  if (!best || best.count < MIN_USES || (next && best.count < LEAD_FACTOR * next.count)) return undefined;
  return [...best.phrases].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * The acronym a question asks the meaning of ("wat betekent JIM?", "waar staat GVA voor?", "wat is
 * het INT?"), as typed; undefined for any other question.
 */
export function askedAcronym(question: string, isWord: (word: string) => boolean = () => true): string | undefined {
  const match = /\b(?:wat\s+(?:betekent|betekenen|is|zijn)|waar\s+staat|waarvoor\s+staat)\s+(?:(?:een|de|het|dat|die|dit|deze)\s+)?([\p{L}+]+)(?=\s*(?:[?,.!]|$|\s(?:voor|precies|eigenlijk|nou|nu|dan|eig|en|in|bij)\b))/iu.exec(question);
  const candidate = match?.[1];
  if (candidate && typedAcronyms(candidate).includes(candidate)) return candidate;
  // Typed in lower case, as chat does ("wat is mvs precies?"; new-user try of the forty-third
  // session): a short word that is no Dutch word is read in capitals.
  return candidate && /^\p{Ll}{2,5}$/u.test(candidate) && !isWord(candidate) ? candidate.toUpperCase() : undefined;
}

/** Whether a text spells an acronym out beside it: "JIM (Jouw Informele Mentor)" or "Jouw Informele Mentor (JIM)". */
export function spellsOut(text: string, acronym: string): boolean {
  return spellsOutTest(acronym)(text);
}

/** The same test, built once for an acronym that is checked against many sentences. */
export function spellsOutTest(acronym: string): (text: string) => boolean {
  const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\p{L}\\d])${escaped}\\s*\\(\\s*\\p{L}|\\p{L}[\\p{L}\\s,-]*\\(\\s*${escaped}\\s*\\)`, "u");
  return (text) => pattern.test(text);
}
