import { QUOTED_ITEM, quoteBlocks, quoteLines } from "./citations.js";

/** The least share of what a follow-up asks that the part must hold. */
const ENOUGH_HELD = 0.5;

/** What can be shown on its own: a quotation, or a list item read under its lead-in. */
interface Unit {
  /** The block it is from: its citation number and its lead-in (empty for a quotation). */
  n: number;
  block: number;
  leadIn: string[];
  /** The quotation, or the item. */
  text: string;
}

/**
 * The part of an answer that holds most of what a follow-up asks about (`weight`: how much of it a
 * text holds, 0 to 1): each quotation that holds that much, and of a list its lead-in with only the
 * items that do (an item read under its lead-in, which may hold what is asked: "In 2027:" for a
 * date). "en als er een ots komt?" after the list on who has the casusregie gets the item on the GI
 * under an OTS, not the item where a report "komt" to Veilig Thuis. Undefined when nothing holds
 * half of it, or when everything holds as much (that is the previous answer itself).
 */
export function partHolding(answer: string, weight: (text: string) => number): string | undefined {
  const units = quoteBlocks(answer).flatMap((block, b): Unit[] => {
    const lines = quoteLines(block.quote);
    const firstItem = lines.findIndex((line) => QUOTED_ITEM.test(line));
    if (firstItem < 0) return [{ n: block.n, block: b, leadIn: [], text: block.quote }];
    const leadIn = lines.slice(0, firstItem);
    return lines.slice(firstItem).filter((line) => QUOTED_ITEM.test(line)).map((item) => ({ n: block.n, block: b, leadIn, text: item }));
  });
  const weights = units.map((unit) => weight([...unit.leadIn, unit.text].join("\n")));
  const most = Math.max(0, ...weights);
  // Half of what is asked at least: one common word ("geldt" in "geldt dat ook voor pubers van 15?")
  // holds nothing of it (second new-user try of the thirty-fifth session).
  if (most < ENOUGH_HELD) return undefined;
  const kept = units.filter((_, i) => weights[i]! >= most);
  if (kept.length === units.length) return undefined;
  // Per block, in the answer's order: its lead-in once, then its items that hold it.
  const blocks = [...new Set(kept.map((unit) => unit.block))];
  return blocks
    .map((b) => {
      const own = kept.filter((unit) => unit.block === b);
      return `${[...own[0]!.leadIn, ...own.map((unit) => unit.text)].join("\n")} [${own[0]!.n}]`;
    })
    .join("\n");
}
