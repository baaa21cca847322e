import { NUMBER_WORD_VALUES } from "./numberWords.js";

/**
 * Infinitive of a regular Dutch past participle ("gesepareerd" -> "separeren", "gestopt" ->
 * "stoppen", "geplaatst" -> "plaatsen"), when the corpus knows it. The Snowball stemmer
 * leaves the "ge-" on, so without this "wie wordt er geplaatst?" misses "plaatsen" and
 * "hoe vaak werd er gesepareerd?" misses "separeren".
 *
 * Only the regular pattern ge + stem + d/t; strong verbs ("gewogen") and separable verbs
 * ("afgesproken") are left alone: guessing them wrongly would add noise to every query.
 */
export function participleInfinitive(word: string, isKnown: (word: string) => boolean): string | undefined {
  const match = /^ge(\p{L}{3,})[dt]$/u.exec(word);
  if (!match) return undefined;
  const stem = match[1]!;
  for (const candidate of infinitiveCandidates(stem)) if (isKnown(candidate)) return candidate;
  return undefined;
}

/**
 * The infinitive of a past participle of a verb with an unstressed prefix, which takes no "ge-"
 * ("bedoeld" of "bedoelen", "ontwikkeld" of "ontwikkelen", "verwacht" of "verwachten"), when the
 * word list knows it.
 */
export function prefixedParticipleInfinitive(word: string, isKnown: (word: string) => boolean): string | undefined {
  const match = /^((?:be|ver|ont|her|er)\p{L}{3,})[dt]$/u.exec(word);
  if (!match) return undefined;
  // A stem that ends in d or t keeps it ("verwacht" of "verwachten").
  for (const stem of [match[1]!, word]) for (const candidate of infinitiveCandidates(stem)) if (isKnown(candidate)) return candidate;
  return undefined;
}

/** Prefixes of separable verbs: "opgericht" is a participle of "oprichten". */
const SEPARABLE = "op|af|aan|in|uit|mee|door|over|toe|terug|samen|vast|voor|na|bij|om|weg|tegen|terecht|binnen";
/** The particles a separable verb leaves at the end of its clause ("vraag ... aan"). */
export const SEPARABLE_PARTICLES: ReadonlySet<string> = new Set(SEPARABLE.split("|"));

/**
 * The verb a noun or a separable participle comes from, when the corpus knows it:
 * "registratie(s)" -> "registreren", "samenwerking(en)" -> "samenwerken", "opgericht" ->
 * "oprichten". Both the question and the documents are analysed this way, so the noun in one
 * meets the verb in the other.
 */
export function derivedVerb(word: string, isKnown: (word: string) => boolean, isWord: (word: string) => boolean = isKnown): string | undefined {
  // "toename", "afname", "deelname": the noun of "toenemen", "afnemen", "deelnemen" (a strong verb:
  // no suffix rule finds it). The word list may know the verb when the documents do not use it.
  const name = /^(\p{L}{2,})names?$/u.exec(word);
  if (name) {
    const verb = `${name[1]}nemen`;
    return isKnown(verb) || isWord(verb) ? verb : undefined;
  }
  const atie = /^(\p{L}{3,})aties?$/u.exec(word);
  if (atie) {
    const verb = `${atie[1]}eren`;
    return isKnown(verb) ? verb : undefined;
  }
  const ing = /^(\p{L}{3,})ing(en)?$/u.exec(word);
  if (ing) return infinitiveCandidates(ing[1]!).find(isKnown);
  const separable = new RegExp(`^(${SEPARABLE})ge(\\p{L}{3,}[dt])$`, "u").exec(word);
  if (separable) {
    // "opgericht": the stem may end in the t itself ("richt-en") or take it ("opgebouwd": "bouw-en").
    const stem = separable[2]!;
    const stems = [stem, stem.slice(0, -1)];
    return stems.flatMap(infinitiveCandidates).map((verb) => `${separable[1]}${verb}`).find(isKnown);
  }
  return undefined;
}

/**
 * The base of a superlative ("vaakst" -> "vaak", "grootste" -> "groot"), of an age or count with
 * a plus ("16+" -> "16"), of a plural typed without its apostrophe ("regios" -> "regio", as
 * "regio's" reads) or in -s after an e ("situaties" -> "situatie": the stemmer keeps them apart),
 * or of a diminutive the corpus does not use ("lijstje" -> "lijst"), when the corpus knows it.
 */
export function inflectionBase(word: string, isKnown: (word: string) => boolean): string | undefined {
  const plus = /^(\d+)\+$/.exec(word);
  if (plus) return plus[1];
  // Only a word the corpus does not know: "thuis" and "crisis" are words of their own.
  const plural = /^(\p{L}{2,}[aeiouy])s$/u.exec(word);
  if (plural && !isKnown(word) && isKnown(plural[1]!)) return plural[1];
  const superlative = /^(\p{L}{3,}?)(?:e?st|ste)$/u.exec(word);
  if (superlative && isKnown(superlative[1]!)) return superlative[1];
  return isKnown(word) ? undefined : diminutiveBase(word, isKnown);
}

/**
 * The word a diminutive is made of, as chat types it: "lijstje" -> "lijst", "stukjes" -> "stuk",
 * "boompje" -> "boom", "balletje" -> "bal", "kaartje" -> "kaart".
 */
function diminutiveBase(word: string, isKnown: (word: string) => boolean): string | undefined {
  const match = /^(\p{L}{3,}?)(etjes|etje|tjes|tje|pjes|pje|jes|je)$/u.exec(word);
  if (!match) return undefined;
  const [, stem, suffix] = match;
  // After a t the ending is "je" ("kaart-je"), after a vowel, l, n or r "tje" ("stoel-tje").
  const bases = suffix!.startsWith("e") ? [stem!.replace(/([bcdfghjklmnpqrstvwxz])\1$/, "$1")] : suffix!.startsWith("t") ? [`${stem}t`, stem!] : [stem!];
  return bases.find((base) => base.length >= 3 && isKnown(base));
}

/**
 * Present-tense forms of an infinitive that the corpus uses: "vullen" -> "vult", "bepalen" ->
 * "bepaalt", "vinden" -> "vindt". The inverse of `infinitiveCandidates`: a double consonant is
 * undone ("vull"), a long vowel in the closed syllable written double ("bepal" -> "bepaal").
 */
export function presentTenseForms(infinitive: string, isKnown: (word: string) => boolean): string[] {
  const match = /^(\p{L}{3,})en$/u.exec(infinitive);
  if (!match) return [];
  const base = match[1]!;
  const bases = [base, base.replace(/([bcdfghjklmnpqrstvwxz])\1$/, "$1"), base.replace(/^(.*[^aeiou])([aeou])([bcdfghjklmnpqrstvwxz])$/, "$1$2$2$3")];
  return [...new Set(bases.flatMap((b) => [`${b}t`, `${b}dt`]))].filter((form) => form !== infinitive && isKnown(form));
}

/**
 * The infinitive and present tense, as the corpus uses them, of a weak verb's past tense:
 * "werkten" -> "werken", "werkt"; "organiseerde" -> "organiseren".
 */
export function weakPastTenseForms(word: string, isKnown: (word: string) => boolean): string[] {
  const match = word.length >= 6 ? /^(\p{L}{3,})(te|ten|de|den)$/u.exec(word) : null;
  const infinitive = match ? infinitiveCandidates(match[1]!).find(isKnown) : undefined;
  return infinitive ? [infinitive, ...presentTenseForms(infinitive, isKnown)] : [];
}

/**
 * The infinitive of a present-tense form, when `isWord` knows it: "verschijnt" -> "verschijnen",
 * "beschrijft" -> "beschrijven", "leest" -> "lezen", "vindt" -> "vinden". A word list of base
 * forms lacks these forms; without this, "verschijnt" read as a typo of "verschilt" (new-user try
 * of the thirty-eighth session: "hoe vaak verschijnt de voortgangsrapportage …?" was refused).
 */
export function presentTenseInfinitive(word: string, isWord: (word: string) => boolean): string | undefined {
  const match = /^(\p{L}{3,})t$/u.exec(word);
  if (!match) return undefined;
  const stem = match[1]!;
  const voiced = stem.replace(/f$/, "v").replace(/s$/, "z");
  return [...new Set([...infinitiveCandidates(stem), ...infinitiveCandidates(voiced)])].find(isWord);
}

/** Infinitives a verb stem may have: "werk" -> "werken", "stop" -> "stoppen", "woon" -> "wonen". */
export function infinitiveCandidates(stem: string): string[] {
  const candidates = [`${stem}en`];
  const last = stem.at(-1)!;
  // "stop" -> "stoppen": a short vowel before one consonant doubles it.
  if (/[bcdfghjklmnpqrstvwxz]/.test(last)) candidates.push(`${stem}${last}en`);
  // "separeer" -> "separeren", "deel" -> "delen": a long vowel in a closed syllable is written double.
  const undoubled = stem.replace(/(aa|ee|oo|uu)([bcdfghjklmnpqrstvwxz])$/, (_, vowel: string, consonant: string) => `${vowel[0]}${consonant}`);
  if (undoubled !== stem) candidates.push(`${undoubled}en`);
  return candidates;
}

/**
 * The digits a number word stands for ("twee" -> "2"), so "twee werkdagen" meets "2
 * werkdagen". "een" is left out: it is nearly always the article.
 */
export function numberWordValue(word: string): string | undefined {
  const value = NUMBER_WORD_VALUES.get(word);
  return word === "een" || value === undefined ? undefined : String(value);
}
