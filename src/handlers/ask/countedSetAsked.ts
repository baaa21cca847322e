import { foldText } from "../../knowledge/analysis/normalise.js";
import { COUNTING_NUMBER_WORDS, NUMBER_WORD_VALUES } from "../../knowledge/analysis/numberWords.js";

/** "welke vijf basisfuncties …?", "wat zijn de drie soorten …?": a set asked for by its count, in words or figures. */
const ASKS_COUNTED_SET = new RegExp(String.raw`\b(?:welke|wat\s+zijn\s+(?:de|die|deze))\s+(${COUNTING_NUMBER_WORDS.join("|")}|\d{1,2})\s+([\p{L}-]{3,})`, "u");

/** A count as a figure: "5" or "vijf". */
function countValue(token: string): number | undefined {
  return /^\d+$/.test(token) ? Number(token) : NUMBER_WORD_VALUES.get(token);
}

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
  const count = countValue(match[1]!) ?? 0;
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
  const noun = set.noun.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const mentions = [...folded.matchAll(new RegExp(`(\\S+)\\s+${noun}\\b([^.;!?\\n]*)|\\b${noun}\\b`, "gu"))];
  const enumerates = (rest: string) => rest.trimStart().startsWith(":") || ((rest.match(/,/g)?.length ?? 0) >= set.count - 2 && /\ben\b/.test(rest));
  return mentions.length > 0 && mentions.every((mention) => mention[1] !== undefined && countValue(mention[1]) === set.count && !enumerates(mention[2] ?? ""));
}
