import { foldText } from "../../knowledge/analysis/normalise.js";

/** Counts as words and as figures, so "vijf" and "5" name the same set. */
const NUMBER_WORDS = ["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"];

/** "welke vijf basisfuncties …?", "wat zijn de drie soorten …?": a set asked for by its count. */
const ASKS_COUNTED_SET = /\b(?:welke|wat\s+zijn\s+(?:de|die|deze))\s+(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d{1,2})\s+([\p{L}-]{3,})/u;

/** A line of a list: a dash or bullet, or a number or letter and a stop ("1.", "A "). */
const LIST_LINE = /^\s*(?:[-•]|\d{1,2}[.)]|[A-Z][.)]?\s)/u;

export interface CountedSet {
  /** The count and the noun as typed, folded ("vijf basisfuncties"). */
  phrase: string;
  count: number;
  noun: string;
}

/** The set of so many things a question asks for; undefined for any other question. */
export function countedSetAsked(question: string): CountedSet | undefined {
  const match = ASKS_COUNTED_SET.exec(foldText(question));
  if (!match) return undefined;
  const count = /^\d+$/.test(match[1]!) ? Number(match[1]) : NUMBER_WORDS.indexOf(match[1]!) + 2;
  return count >= 2 ? { phrase: `${match[1]} ${match[2]}`, count, noun: match[2]! } : undefined;
}

/**
 * Whether an answer only names the set by its count and gives none of it: no line of it is a list
 * item, and every mention of the noun is the count and the noun ("de vijf basisfuncties van lokale
 * teams") with no enumeration after it in its sentence ("de vier functies consultatie en advies,
 * procesregie, signaleren en leren" names them).
 */
export function onlyNamesTheSet(text: string, set: CountedSet): boolean {
  if (text.split("\n").some((line) => LIST_LINE.test(line.replace(/^[“"]/, "")))) return false;
  const folded = foldText(text);
  const counts = new RegExp(`^(?:${[String(set.count), NUMBER_WORDS[set.count - 2] ?? ""].filter(Boolean).join("|")})$`);
  const noun = set.noun.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const mentions = [...folded.matchAll(new RegExp(`(\\S+)\\s+${noun}\\b([^.;!?\\n]*)|\\b${noun}\\b`, "gu"))];
  const enumerates = (rest: string) => rest.trimStart().startsWith(":") || ((rest.match(/,/g)?.length ?? 0) >= set.count - 2 && /\ben\b/.test(rest));
  return mentions.length > 0 && mentions.every((mention) => mention[1] !== undefined && counts.test(mention[1]) && !enumerates(mention[2] ?? ""));
}
