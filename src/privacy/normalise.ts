/**
 * Text as the personal-data detectors see it: formatting tricks undone, so "１２３ ４５６ ７８２",
 * "123\u00a0456\u00a0782" and "123\u200b456\u200b782" all read "123 456 782". Every character of
 * the result remembers where it came from, so findings point into the original text.
 */
export interface NormalisedText {
  text: string;
  /** Original index of the code point each character of `text` came from. */
  start: number[];
  /** Original end index (exclusive) of that code point. */
  end: number[];
}

// Format characters (zero-width space/joiners, soft hyphen, BOM, bidi controls) carry no text.
const INVISIBLE = /\p{Cf}/u;
const SPACE = /[\p{Zs}\t\v\f]/u;
const DASH = /\p{Pd}|\u2212/u;
const DIGIT = /\p{Nd}/u;
const APOSTROPHES = new Set(["\u2018", "\u2019", "\u201b", "\u02bc", "`", "\u00b4"]);
const SLASHES = new Set(["\u2044", "\u2215", "\u29f8"]);

/** ASCII digit for a decimal digit of any script (Unicode keeps 0..9 of each script contiguous). */
function asciiDigit(codePoint: number): string {
  let zero = codePoint;
  while (zero > 0 && codePoint - zero < 9 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  // Scripts whose runs sit back to back (none left after NFKC that matter) still land on 0..9.
  return String((codePoint - zero) % 10);
}

function normaliseCodePoint(ch: string): string {
  if (INVISIBLE.test(ch)) return "";
  const compat = ch.normalize("NFKC");
  let out = "";
  for (const c of compat) {
    if (SPACE.test(c)) out += " ";
    else if (DASH.test(c)) out += "-";
    else if (APOSTROPHES.has(c)) out += "'";
    else if (SLASHES.has(c)) out += "/";
    else if (DIGIT.test(c) && !/[0-9]/.test(c)) out += asciiDigit(c.codePointAt(0)!);
    else out += c;
  }
  return out;
}

export function normaliseForMatching(original: string): NormalisedText {
  let text = "";
  const start: number[] = [];
  const end: number[] = [];
  let index = 0;
  for (const ch of original) {
    const next = index + ch.length;
    // Fast path: plain ASCII other than tab/vertical tab/form feed maps to itself.
    const mapped = ch.length === 1 && ch < "\u0080" && !/[\t\v\f]/.test(ch) ? ch : normaliseCodePoint(ch);
    for (let i = 0; i < mapped.length; i++) {
      start.push(index);
      end.push(next);
    }
    text += mapped;
    index = next;
  }
  return { text, start, end };
}

/** Maps a [from, to) range of the normalised text back to the original text. */
export function originalRange(n: NormalisedText, from: number, to: number): { start: number; end: number } {
  return { start: n.start[from]!, end: n.end[to - 1]! };
}
