import type { ItemState } from "./checklistRecord.js";

/**
 * A checklist change typed in the chat: item numbers as shown on the card (1-based) and the state,
 * or "claim": the writer takes the items on ("ik pak punt 2 op"), as "Ik pak dit op" does.
 */
export interface TypedTick {
  numbers: number[];
  state: ItemState | "claim";
  /** What was typed after the change ("punt 1 klaar, moeder en meid zijn gehoord"): a note for that item. */
  remark?: string;
}

/** "punt 3", "3 en 4", "punten 2, 5 en 6": the items a typed change is about. */
const ITEMS = String.raw`(?:(?:punt(?:en)?|item(?:s)?|nr\.?|nummer(?:s)?|#)\s*)?(\d{1,2}(?:\s*(?:,|en|\+|&)\s*\d{1,2})*)`;
// "punt 7 is ook klaar", "punt 2 staat inmiddels op klaar"
const IS = String.raw`(?:\s+(?:is|zijn|staat|staan))?(?:\s+(?:ook|nu|al|inmiddels|intussen))*(?:\s+op)?`;
const DONE = String.raw`(?:klaar|gedaan|af|afgerond|done|ok|oké|okee|geregeld|check)`;
const NVT = String.raw`(?:nvt|n\.v\.t\.?|niet van toepassing)`;
const REOPEN = String.raw`(?:weer\s+open|opnieuw\s+open|open)`;
// A remark after the change, after a comma, colon or dash: kept as the item's note.
const END = String.raw`\s*[.!]*(?:\s*[,:;–-]\s*(\S.*?))?\s*[.!]*\s*$`;

/** Each pattern: what it sets; the item numbers are its first group. */
const PATTERNS: Array<[RegExp, TypedTick["state"]]> = [
  // "vink punt 3 af", "vink 3 en 4 aan"
  [new RegExp(String.raw`^vink\s+${ITEMS}\s+(?:af|aan)${END}`, "iu"), "done"],
  // "punt 3 (is) klaar", "3 en 4 gedaan"
  [new RegExp(String.raw`^${ITEMS}${IS}\s+${DONE}${END}`, "iu"), "done"],
  // "punt 4 (is) nvt"
  [new RegExp(String.raw`^${ITEMS}${IS}\s+${NVT}${END}`, "iu"), "nvt"],
  // "punt 4 weer open", "heropen punt 4", "zet 4 weer open"
  [new RegExp(String.raw`^(?:zet\s+)?${ITEMS}${IS}\s+${REOPEN}${END}`, "iu"), "open"],
  [new RegExp(String.raw`^heropen\s+${ITEMS}${END}`, "iu"), "open"],
  // "ik pak punt 2 op", "neem 3 en 4", "punt 2 pak ik op", "punt 5 is voor mij" (second new-user
  // try of the twenty-seventh session: "ik pak punt 2 op, …" was read as a question).
  [new RegExp(String.raw`^(?:ik\s+)?(?:pak|neem|doe)\s+${ITEMS}(?:\s+(?:wel|even|op|me|mij|op\s+me|op\s+mij))*${END}`, "iu"), "claim"],
  [new RegExp(String.raw`^${ITEMS}\s+(?:pak|neem|doe)\s+ik(?:\s+(?:wel|even|op))*${END}`, "iu"), "claim"],
  [new RegExp(String.raw`^${ITEMS}${IS}\s+voor\s+(?:mij|mijn\s+rekening)${END}`, "iu"), "claim"],
];

/**
 * A short typed change to the conversation's checklist ("vink punt 3 af", "punt 3 is klaar",
 * "punt 4 nvt", "punt 4 weer open", "ik pak punt 2 op"), or undefined for anything else. Read only where a checklist
 * is open: elsewhere the same words are a question (new-user try of the twenty-second session:
 * typed ticks got quotes about professionals).
 */
export function typedTick(text: string): TypedTick | undefined {
  const typed = text.trim().replace(/\s+/g, " ");
  for (const [pattern, state] of PATTERNS) {
    const match = pattern.exec(typed);
    if (!match) continue;
    const numbers = [...new Set(match[1]!.split(/\s*(?:,|en|\+|&)\s*/iu).map(Number))];
    const remark = match[2]?.trim();
    return { numbers, state, ...(remark ? { remark } : {}) };
  }
  return undefined;
}
