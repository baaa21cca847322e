import { foldText } from "../../knowledge/analysis/normalise.js";

/**
 * A noun after an article ("een ouderbijdrage", "het woonplaatsbeginsel"), or after an adjective
 * after one ("de nieuwe instemmingsverklaring"): what the question names. Only articles: after
 * "je" or "zijn" a verb may follow ("als je meldt").
 */
const AFTER_ARTICLE = /(?<![\p{L}\p{N}])(?:de|het|een|welke|welk)\s+(\p{L}[\p{L}-]+)(?=(?:\s+(\p{L}[\p{L}-]+))?)/gu;
/** An inflected or common adjective between article and noun ("een nieuw paspoort"). */
const ADJECTIVE = /^(?:\p{L}+e|nieuw|ander|goed|groot|klein|oud|eigen|vast|apart)$/u;
/** Shorter words are abbreviations or chat ("het mt", "de gr"), which the analyser reads otherwise. */
const MIN_LETTERS = 5;

/** The words a question names as a thing (see AFTER_ARTICLE), folded. */
export function namedThings(question: string): Set<string> {
  const things = new Set<string>();
  for (const match of foldText(question).matchAll(AFTER_ARTICLE)) {
    // A word that may be an adjective ("andere", but also "ouderbijdrage") counts with the next.
    const nouns = match[2] !== undefined && ADJECTIVE.test(match[1]!) ? [match[1]!, match[2]] : [match[1]!];
    for (const noun of nouns) if (noun.length >= MIN_LETTERS) things.add(noun);
  }
  return things;
}

/**
 * The first thing the question names that no document uses, as typed: "Moeten ouders een
 * ouderbijdrage betalen …?" is answered with lines on parents' duties, and the reader is told the
 * plans never use the word (new-user tries and sets g, l: such answers read as if the plans dealt
 * with it). `unknown` says whether a word of the question occurs in no document; `skip`, whether
 * the word asks for a kind of answer or is not a Dutch word (a typo: "uitgedaagt").
 */
export function unknownThingNamed(question: string, words: readonly string[], unknown: (g: number) => boolean, skip: (word: string) => boolean): string | undefined {
  const things = namedThings(question);
  return words.find((word, g) => things.has(word) && unknown(g) && !skip(word));
}

/** Shortest part of a compound looked for ("ouder" + "bijdrage"). */
const MIN_PART = 4;

/**
 * Whether a word is one of `isWord`'s, or two of them joined, with a linking "s" or "e" between
 * ("ouder|bijdrage", "instemming|s|verklaring"): a Dutch compound a word list does not hold whole.
 * Not a typo ("uitgedaagt") nor a name ("lirik").
 */
export function isWordOrCompound(word: string, isWord: (word: string) => boolean): boolean {
  if (isWord(word)) return true;
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (!isWord(tail)) continue;
    if (isWord(head) || ((head.endsWith("s") || head.endsWith("e")) && head.length > MIN_PART && isWord(head.slice(0, -1)))) return true;
  }
  return false;
}

/** The notice above such an answer. */
export function unknownThingNotice(word: string): string {
  return `„${word}” komt in de plandocumenten niet voor. Dit zeggen ze er het dichtst bij:`;
}
