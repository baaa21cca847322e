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
 * The base of a superlative ("vaakst" -> "vaak", "grootste" -> "groot") or of an age or
 * count with a plus ("16+" -> "16"), when the corpus knows it.
 */
export function inflectionBase(word: string, isKnown: (word: string) => boolean): string | undefined {
  const plus = /^(\d+)\+$/.exec(word);
  if (plus) return plus[1];
  const superlative = /^(\p{L}{3,}?)(?:e?st|ste)$/u.exec(word);
  if (superlative && isKnown(superlative[1]!)) return superlative[1];
  return undefined;
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
