import { foldText } from "../../knowledge/analysis/normalise.js";

/** What a typed question about the conversation's checklist asks for: one item's source by its number. */
export type ChecklistQuestion = "open" | "sources" | { item: number };

/** Longer than this, a message asks something of its own. */
const MAX_WORDS = 12;

/**
 * "welke punten staan nog open?", "wat staat er nog open?", "hoeveel punten zijn er nog open?",
 * "wat moeten we nog doen?": which items are still open.
 */
const ASKS_OPEN = [
  /\b(?:welke|hoeveel|wat\s+voor)\s+(?:punten|items|taken)\b.*\bopen\b/,
  /\bwat\s+(?:staat|ligt|is)\s+(?:er\s+)?(?:allemaal\s+)?nog\s+open\b/,
  /\bwat\s+moet(?:en)?\s+(?:er|we|wij|jullie|ik)\s+(?:allemaal\s+)?nog\s+(?:doen|gebeuren|regelen|afvinken)\b/,
  /^\s*(?:en\s+)?(?:de\s+)?open\s+punten\s*\??\s*$/,
];

/** "Waarom deze punten?" (the card's button, typed), "waar komen deze punten vandaan?". */
const ASKS_SOURCES = [
  /^\s*(?:en\s+)?waarom\s+(?:deze|die|de|dit|zijn\s+dit\s+de)\s+punten\b/,
  /\bwaar\s+komen\s+(?:deze|die|de)\s+punten\s+(?:van)?daan\b/,
  /^\s*(?:wat\s+zijn\s+de\s+)?bronnen?\s+(?:van|bij|voor)\s+(?:deze\s+|de\s+)?(?:punten|checklist)\b/,
];

/**
 * "waarom punt 8?", "wat is de bron van punt 8?", "waar staat punt 8?", "waar komt punt 8
 * vandaan?": the source of one item (team try: "waarom punt 8?" was answered from the documents
 * with a passage on governance, and "wat is de bron van punt 8?" then gave that passage's source).
 */
const ASKS_ITEM_SOURCE = [
  /^\s*(?:en\s+)?waarom\s+(?:staat\s+)?punt\s+(\d{1,2})\b/,
  /\bbron(?:nen)?\s+(?:van|bij|voor)\s+punt\s+(\d{1,2})\b/,
  /\bwaar\s+(?:staat|komt)\s+punt\s+(\d{1,2})\b/,
  /\bwaarop\s+(?:is|rust)\s+punt\s+(\d{1,2})\b/,
];

/**
 * A short question about the checklist itself, typed in the chat; undefined for anything else.
 * Read only where a checklist is open, as typed ticks are: elsewhere the words are a question for
 * the documents (new-user try: "welke punten staan nog open?" got four unrelated quotes).
 */
export function checklistQuestion(text: string): ChecklistQuestion | undefined {
  const folded = foldText(text).replace(/\s+/g, " ").trim();
  if (folded.split(" ").length > MAX_WORDS) return undefined;
  if (ASKS_SOURCES.some((pattern) => pattern.test(folded))) return "sources";
  for (const pattern of ASKS_ITEM_SOURCE) {
    const item = pattern.exec(folded)?.[1];
    if (item !== undefined) return { item: Number(item) };
  }
  if (ASKS_OPEN.some((pattern) => pattern.test(folded))) return "open";
  return undefined;
}
