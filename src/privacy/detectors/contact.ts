import type { Match } from "./types.js";

/** E-mail addresses and postcode + house number in normalised text. */

// "jan@example.nl", "jan @ example.nl", "jan (at) example.nl".
const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+ {0,3}(?:@|\(at\)|\[at\]) {0,3}[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

export function findEmails(text: string): Match[] {
  return [...text.matchAll(EMAIL_RE)].map((m) => ({ kind: "email" as const, start: m.index, end: m.index + m[0].length }));
}

// Two-letter words that follow a year or number in ordinary text ("2019 en 12", "2020 in 3"):
// spaced lowercase postcode letters are only taken when they are not one of these.
const TWO_LETTER_WORDS = new Set(
  (
    "aa al an as at af be bv by ca da de di do eh en er et ga ha he ho ik in is it ja je jl jr ka km kg cm mm ml mg " +
    "la ma me mi na ne nl no nr nu of oh ok om on op or ox pa pp re so st te ti tm to uw up us va vs we wo za ze zo zn"
  ).split(" "),
);
// SA, SD and SS are never issued.
const NEVER_ISSUED = new Set(["sa", "sd", "ss"]);

const POSTCODE = String.raw`[1-9]\d{3}(?<gap> ?)(?<letters>[a-zA-Z]{2})(?![\p{L}\p{N}])`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?:(?:-|\s?)[a-zA-Z](?![\p{L}\p{N}])|-\d{1,4}(?![\p{N}]))?`;
// A street starts with a capital; later words are capitalised or name particles ("Van der Pekstraat").
const STREET = String.raw`\p{Lu}[\p{L}'.\-]*(?: (?:\p{Lu}[\p{L}'.\-]*|van|de|der|den|het|'t|ten|ter)){0,5}`;
const POSTCODE_FIRST_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])${POSTCODE}[\s,]*${HOUSE_NUMBER}(?![\p{N}])`, "gu");
const STREET_FIRST_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])${STREET} ${HOUSE_NUMBER},?\s*${POSTCODE}`, "gu");

/** Postcode letters in any case; spaced lowercase letters must not be a common short word. */
function plausiblePostcode(gap: string, letters: string): boolean {
  const lower = letters.toLowerCase();
  if (NEVER_ISSUED.has(lower)) return false;
  if (gap === "" || letters === letters.toUpperCase()) return true;
  return !TWO_LETTER_WORDS.has(lower);
}

export function findAddresses(text: string): Match[] {
  const out: Match[] = [];
  for (const re of [POSTCODE_FIRST_RE, STREET_FIRST_RE]) {
    for (const m of text.matchAll(re)) {
      if (plausiblePostcode(m.groups!.gap!, m.groups!.letters!)) {
        out.push({ kind: "postcodeHouseNumber", start: m.index, end: m.index + m[0].length });
      }
    }
  }
  return out;
}
