import { type AnswerType, containsAnswerType } from "../../knowledge/analysis/answerType.js";
import { NUMBER_WORD_VALUES } from "../../knowledge/analysis/numberWords.js";
import { QUOTED_ITEM, quoteBlocks, quoteLines } from "./citations.js";

/**
 * An answer's first quote, made shorter where it can be without changing what it says: a long
 * quotation to its first sentence, a long list to its lead-in and first item (the item that
 * answers leads its list), with a count of what is left out, so one item does not read as all
 * there is. A short list (the steps of a route) stays whole. Kept with the latest answer, so "kun
 * je dat korter zeggen?" gets it.
 */
export interface ShortQuote {
  /** The quote without its citation marker. */
  text: string;
  /** The citation number it had in the answer ("[2]" → 2). */
  n: number;
  /** Items of its list left out, when it was cut to its first item. */
  itemsLeft?: number;
  /** Cut to its first sentence(s). */
  sentencesLeft?: boolean;
  /** A list with each item cut to its first sentence, every item kept. */
  itemsCut?: boolean;
  /** … cut to its label instead ("Stap 1 – Vraaganalyse …"). */
  labelsOnly?: boolean;
  /** It is the whole answer, uncut: there is nothing shorter to give. */
  whole?: boolean;
  /** The list it was cut from, line by line (lead-in, then items), for "alleen de eerste 3". */
  list?: string[];
}

/** A quotation or list longer than this is cut to its first sentence or item. */
const SHORT_ENOUGH_WORDS = 35;
/** A first sentence this short says too little alone: the next one comes with it. */
const TOO_SHORT_WORDS = 6;
/**
 * A list whose items, each cut to its first sentence, come to at most this many words is shown so,
 * every item kept ("Achtervang en klankbord. …", "Capaciteit. …"; new-user try of the
 * thirty-eighth session: the first of three functions alone dropped two thirds of the answer).
 */
const CUT_ITEMS_WORDS = 50;
/** A list of at most this many items … */
const FEW_ITEMS = 5;
/** … of at most this many words each stays whole when asked to be shorter. */
const FEW_ITEMS_WORDS = 16;
/** A list whose items have at most this many words on average is one of short points (dashes counted). */
const SHORT_ITEM_WORDS = 11;

/** The first quote of an answer's text, shortened (see ShortQuote); undefined when it quotes nothing. */
export function shortestQuote(answer: string): ShortQuote | undefined {
  const blocks = quoteBlocks(answer);
  const block = blocks[0];
  if (!block) return undefined;
  const shortest = shortened(block);
  return blocks.length === 1 && !shortest.itemsLeft && !shortest.sentencesLeft && !shortest.itemsCut ? { ...shortest, whole: true } : shortest;
}

function shortened(block: { quote: string; n: number }): ShortQuote {
  const lines = quoteLines(block.quote);
  const text = lines.join("\n");
  const firstItem = lines.findIndex((line) => QUOTED_ITEM.test(line));
  if (firstItem >= 0) {
    const itemsLeft = lines.slice(firstItem + 1).filter((line) => QUOTED_ITEM.test(line)).length;
    if (wordCount(text) <= SHORT_ENOUGH_WORDS || itemsLeft === 0) return { text, n: block.n };
    // A list of short points says each in as few words as it can: cut to one, it drops the rest
    // (new-user try of the forty-third session: seven points of a few words each came back as the
    // first, "nog 6 punten").
    const items = lines.filter((line) => QUOTED_ITEM.test(line));
    const list = text.length <= LIST_CHARS ? { list: lines } : {};
    if (items.reduce((sum, line) => sum + wordCount(line), 0) <= SHORT_ITEM_WORDS * items.length) return { text, n: block.n, ...list };
    // A few steps with their lead-in, short as a whole ("vier stappen: Stap 1 – Vraaganalyse …"),
    // are the answer: one of them is not a shorter one (new-user try of the forty-eighth session:
    // "kun je dat korter?" gave step 1 and "nog 3 punten"). Each keeps its label when every one
    // has one ("Stap 1 – Vraaganalyse …", without its question); else the list stays whole.
    if (items.length <= FEW_ITEMS && items.every((line) => wordCount(line) <= FEW_ITEMS_WORDS)) {
      const labelled = lines.map((line, i) => (i >= firstItem && QUOTED_ITEM.test(line) ? labelOf(line) : line));
      return labelled.every((line) => line !== undefined) ? { text: labelled.join("\n"), n: block.n, itemsCut: true, labelsOnly: true, ...list } : { text, n: block.n, ...list };
    }
    const cut = lines.map((line, i) => (i >= firstItem && QUOTED_ITEM.test(line) ? firstSentenceOf(line) : line)).join("\n");
    if (cut !== text && wordCount(cut) <= CUT_ITEMS_WORDS) return { text: cut, n: block.n, itemsCut: true, ...list };
    return { text: lines.slice(0, firstItem + 1).join("\n"), n: block.n, itemsLeft, ...list };
  }
  // Only a quotation is cut: a table row ("Mijlpaal: …; Wanneer: …") or a document's details are one record.
  if (!text.startsWith("“") || wordCount(text) <= SHORT_ENOUGH_WORDS) return { text, n: block.n };
  const sentences = text.slice(1).replace(/”$/, "").split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  let kept = sentences[0]!;
  let used = 1;
  while (wordCount(kept) < TOO_SHORT_WORDS && used < sentences.length) kept = `${kept} ${sentences[used++]}`;
  return used >= sentences.length ? { text, n: block.n } : { text: `“${kept}”`, n: block.n, sentencesLeft: true };
}

/** How long a list may be to be kept whole with its shortened quote (it is stored with the conversation). */
const LIST_CHARS = 3000;

/** "alleen de belangrijkste 3", "de eerste drie punten", "top 3": how many items are asked for. */
const ITEMS_ASKED = /\b(?:belangrijkste|eerste|top)\s+(\d|twee|drie|vier|vijf|zes)\b|\b(\d|twee|drie|vier|vijf|zes)\s+(?:punten|dingen|zaken|items|belangrijkste)\b/;

/** How many list items a request for a shorter answer asks for, if it names a number of them (not "in 2 zinnen"). */
export function itemsAsked(request: string): number | undefined {
  const match = ITEMS_ASKED.exec(request.toLowerCase());
  const count = match?.[1] ?? match?.[2];
  if (!count) return undefined;
  const n = NUMBER_WORD_VALUES.get(count) ?? Number(count);
  return n >= 2 ? n : undefined;
}

/**
 * The list a shortened quote was cut from, with its lead-in and only its first `count` items (in
 * the document's order, the answering item first), and how many are left out; undefined when the
 * list is not kept or has no more items than that.
 */
export function firstItems(quote: ShortQuote, count: number): { text: string; itemsLeft: number } | undefined {
  const lines = quote.list;
  if (!lines) return undefined;
  const items = lines.flatMap((line, i) => (QUOTED_ITEM.test(line) ? [i] : []));
  if (items.length <= count) return undefined;
  return { text: lines.slice(0, items[count]!).join("\n"), itemsLeft: items.length - count };
}

/** A list item's first sentence after its dash or number ("1. De nieuwe werkwijze …"), marked as cut when more follows. */
function firstSentenceOf(item: string): string {
  const marker = QUOTED_ITEM.exec(item)?.[0] ?? "";
  const sentences = item.slice(marker.length).split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  return sentences.length > 1 ? `${marker}${sentences[0]} …` : item;
}

/**
 * A list item cut to its label, before a question or explanation it goes on with ("- Stap 1 –
 * Vraaganalyse …" of "- Stap 1 – Vraaganalyse "Wat is er aan de hand?""); undefined without one.
 */
function labelOf(item: string): string | undefined {
  const label = /^(.*?\p{L}{3,}.*?)\s*(?:["“„(]|:\s)/u.exec(item)?.[1];
  return label && label.length < item.length && QUOTED_ITEM.test(label) && wordCount(label) >= LABEL_WORDS ? `${label} …` : undefined;
}

/** A label has at least this many words, its item marker counted ("- Stap 1 – Vraaganalyse"). */
const LABEL_WORDS = 3;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * "alleen de datums", "alleen de cijfers", "alleen de namen": the kind of answer a request for a
 * shorter answer keeps, and how the reply names it.
 */
const KIND_ONLY: Array<[RegExp, AnswerType, string]> = [
  [/\b(?:datums?|data|jaartallen|jaren|deadlines?|wanneer)\b/, "date", "een datum"],
  [/\b(?:bedragen|kosten|euro'?s?)\b/, "amount", "een bedrag"],
  [/\b(?:percentages?|procenten)\b/, "percentage", "een percentage"],
  [/\b(?:cijfers|getallen|aantallen)\b/, "number", "een getal"],
  [/\b(?:namen|personen|wie)\b/, "person", "een naam"],
];

/** The kind a shorter request asks to keep alone ("kan dat korter? alleen de datums"), if any. */
export function kindOnlyAsked(request: string): { type: AnswerType; named: string } | undefined {
  const folded = request.toLowerCase();
  if (!/\b(?:alleen|enkel|slechts|puur)\b/.test(folded)) return undefined;
  const found = KIND_ONLY.find(([pattern]) => pattern.test(folded));
  return found ? { type: found[1], named: found[2] } : undefined;
}

/** The lines of an answer's quotes that hold that kind of answer, each with its citation number. */
export function linesHolding(lines: ReadonlyArray<{ n: number; text: string }>, type: AnswerType): Array<{ n: number; text: string }> {
  return lines.filter((line) => containsAnswerType(line.text, type));
}

/**
 * "kan dat korter? alleen wat over het expertteam gaat": the thing a request for a shorter answer
 * keeps the lines about, as typed (second new-user try of the forty-sixth session: the first item
 * of the list came, not the one that names the Expertteam).
 */
const TOPIC_ONLY = /\b(?:alleen|enkel|slechts)\b[^?.!]*?\bover\s+(?:het\s+|de\s+|een\s+|die\s+|dat\s+)?(\p{L}[\p{L}+-]{2,})/iu;

export function topicOnlyAsked(request: string): string | undefined {
  return TOPIC_ONLY.exec(request)?.[1];
}

/** The lines of an answer's quotes that name the topic (a word that starts with it, any case), each with its citation number. */
export function linesAbout(lines: ReadonlyArray<{ n: number; text: string }>, topic: string): Array<{ n: number; text: string }> {
  const word = new RegExp(`(?<![\\p{L}])${topic.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "iu");
  return lines.filter((line) => word.test(line.text));
}
