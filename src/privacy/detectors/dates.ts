import { PERSON_WORD } from "./people.js";
import type { Match } from "./types.js";

/**
 * Dates of birth in normalised text. A chat message rarely needs an exact date to be answered, so:
 * - a full numeric date (12-03-2009, 12/3/2009, 12.03.2009, 2009-03-12) with a year from 1990 up
 *   to this year is taken, hint or not; future dates ("per 01-01-2027") stay;
 * - after a birth hint (geboren, geb., geboortedatum, dob) within ~30 characters: any date from
 *   1900, also with a two-digit year (12/3/11, 12-3-'11), a month name (12 maart 2009) or only
 *   month and year (maart 2009);
 * - next to a person word (moeder, jongere, zoon, dochter, kind, ...) within ~40 characters: any
 *   full date that would make that person younger than 30.
 * Years alone ("2019", "in 2027") are never taken, and written dates without either are policy text.
 */

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, maart: 3, mrt: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|");
const YEAR = String.raw`(\d{4}|'?\d{2})`;

const DMY_RE = new RegExp(String.raw`(?<![\p{N}.\-/])(\d{1,2})([\-/.])(\d{1,2})\2${YEAR}(?![\p{N}]|[.\-/]\p{N})`, "gu");
const YMD_RE = /(?<![\p{N}.\-/])(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{N}]|[.\-/]\p{N})/gu;
const WRITTEN_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,2})\s+(${MONTH_NAMES})\.?\s+${YEAR}(?![\p{N}])`, "giu");
const MONTH_YEAR_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${MONTH_NAMES})\.?\s+(\d{4}|'\d{2})(?![\p{N}])`, "giu");
const HINT_RE = /(?<!\p{L})(?:geboren|geb\.?|geboortedatum|geboortedag|geboortejaar|born|d\.?o\.?b\.?)(?![\p{L}])[^\n]{0,20}$/iu;
// Singular only: "jongeren" (a group) have no date of birth; "per 1 januari 2020 voor jongeren" is policy.
const PERSON_BEFORE_RE = new RegExp(String.raw`(?<!\p{L})${PERSON_WORD}(?!\p{L})[^\n.!?]{0,40}$`, "iu");
const PERSON_AFTER_RE = new RegExp(String.raw`^[^\n.!?]{0,40}(?<!\p{L})${PERSON_WORD}(?!\p{L})`, "iu");

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2009" → 2009; "'11" and "11" → 2011 (or 1911..1999 when that would lie in the future). */
function fullYear(written: string, currentYear: number): { year: number; short: boolean } {
  const digits = written.replace("'", "");
  if (digits.length === 4) return { year: Number(digits), short: false };
  const year = 2000 + Number(digits);
  return { year: year > currentYear ? year - 100 : year, short: true };
}

interface Candidate {
  start: number;
  end: number;
  year: number;
  month: number;
  day?: number;
  numeric: boolean;
  short: boolean;
  /** Written with dots ("5.2.25" may be a section number when the year is short). */
  dotted?: boolean;
}

export function findDatesOfBirth(text: string, currentYear: number): Match[] {
  const out: Match[] = [];
  const consider = (c: Candidate) => {
    if (c.year > currentYear || !isCalendarDate(c.year, c.month, c.day ?? 1)) return;
    const hinted = HINT_RE.test(text.slice(Math.max(0, c.start - 30), c.start));
    const fullDate = c.day !== undefined;
    const nearPerson =
      fullDate &&
      c.year > currentYear - 30 &&
      !(c.short && c.dotted) &&
      (PERSON_BEFORE_RE.test(text.slice(Math.max(0, c.start - 60), c.start)) || PERSON_AFTER_RE.test(text.slice(c.end, c.end + 60)));
    const plainNumeric = fullDate && c.numeric && !c.short && c.year >= 1990;
    if ((hinted && c.year >= 1900) || nearPerson || plainNumeric) out.push({ kind: "dateOfBirth", start: c.start, end: c.end });
  };
  for (const m of text.matchAll(DMY_RE)) {
    const { year, short } = fullYear(m[4]!, currentYear);
    consider({ start: m.index, end: m.index + m[0].length, year, month: Number(m[3]), day: Number(m[1]), numeric: true, short, dotted: m[2] === "." });
  }
  for (const m of text.matchAll(YMD_RE)) {
    consider({ start: m.index, end: m.index + m[0].length, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), numeric: true, short: false });
  }
  for (const m of text.matchAll(WRITTEN_RE)) {
    const { year, short } = fullYear(m[3]!, currentYear);
    consider({ start: m.index, end: m.index + m[0].length, year, month: MONTHS[m[2]!.toLowerCase()]!, day: Number(m[1]), numeric: false, short });
  }
  for (const m of text.matchAll(MONTH_YEAR_RE)) {
    const { year, short } = fullYear(m[2]!, currentYear);
    consider({ start: m.index, end: m.index + m[0].length, year, month: MONTHS[m[1]!.toLowerCase()]!, numeric: false, short });
  }
  return out;
}
