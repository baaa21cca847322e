import { quoteBlocks } from "./citations.js";

/** A list item as an answer quotes it: "- …", "• …", "1. …", "A. …". */
const ITEM = /^(?:[-•–]\s|\d{1,2}[.)]\s|[A-Z][.)]\s)/u;
/** The line a reordered list puts above its other items (see extractiveAnswer). */
const REST_OF_LIST = /^Verder in deze lijst:$/;

/** The least share of what a follow-up asks that the part must hold. */
const ENOUGH_HELD = 0.5;

/**
 * The part of an answer that holds most of what a follow-up asks about (`weight`: how much of it a
 * text holds, 0 to 1): each quotation that holds that much, and of a list its lead-in with only the
 * items that do. "en als er een ots komt?" after the list on who has the casusregie gets the item
 * on the GI under an OTS, not the item where a report "komt" to Veilig Thuis. Undefined when
 * nothing holds half of it, or when everything holds as much (that is the previous answer itself).
 */
export function partHolding(answer: string, weight: (text: string) => number): string | undefined {
  const blocks = quoteBlocks(answer);
  const most = Math.max(0, ...blocks.map((block) => weight(block.quote)));
  // Half of what is asked at least: one common word ("geldt" in "geldt dat ook voor pubers van 15?")
  // holds nothing of it (second new-user try of the thirty-fifth session).
  if (most < ENOUGH_HELD) return undefined;
  const holds = (text: string) => weight(text) >= most;
  const kept: string[] = [];
  let whole = true;
  for (const block of blocks) {
    const lines = block.quote.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !REST_OF_LIST.test(line));
    const firstItem = lines.findIndex((line) => ITEM.test(line));
    if (firstItem < 0) {
      if (holds(block.quote)) kept.push(block.text);
      else whole = false;
      continue;
    }
    // An item is read under its lead-in, which may hold what is asked ("In 2027:" for a date).
    const leadIn = lines.slice(0, firstItem).join("\n");
    const items = lines.slice(firstItem).filter((line) => ITEM.test(line));
    const holding = items.filter((item) => holds(`${leadIn}\n${item}`));
    if (holding.length < items.length) whole = false;
    if (holding.length > 0) kept.push(`${[...lines.slice(0, firstItem), ...holding].join("\n")} [${block.n}]`);
  }
  return kept.length === 0 || whole ? undefined : kept.join("\n");
}
