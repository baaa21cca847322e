/**
 * Detects and redacts likely personal data (often about minors) in messages before they are
 * searched, sent to a model or logged. Tuned to miss little in chat messages while leaving
 * ordinary policy text (years, percentages, section numbers, amounts) alone.
 */

export type PersonalDataKind = "bsn" | "phone" | "email" | "postcodeHouseNumber" | "dateOfBirth";

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

const PLACEHOLDERS: Record<PersonalDataKind, string> = {
  bsn: "[BSN verwijderd]",
  phone: "[telefoonnummer verwijderd]",
  email: "[e-mailadres verwijderd]",
  postcodeHouseNumber: "[adres verwijderd]",
  dateOfBirth: "[geboortedatum verwijderd]",
};

const KIND_NAMES: Record<PersonalDataKind, string> = {
  bsn: "een BSN",
  phone: "een telefoonnummer",
  email: "een e-mailadres",
  postcodeHouseNumber: "een adres",
  dateOfBirth: "een geboortedatum",
};

// Order used in warnings and to break ties between equally long overlapping matches.
const KIND_PRIORITY: PersonalDataKind[] = ["email", "postcodeHouseNumber", "dateOfBirth", "bsn", "phone"];

/** The Dutch 11-proef for BSNs: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 ≡ 0 (mod 11), not all zeros. */
export function isValidBsn(digits: string): boolean {
  const d = digits.length === 8 ? `0${digits}` : digits;
  if (!/^\d{9}$/.test(d) || /^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

// --- BSN -------------------------------------------------------------------------------------

// Not part of a longer number or code, and not a money amount ("€ 123.456.789", "EUR 12345678");
// glued to letters only when those say "BSN" ("BSN123456782").
const NOT_AFTER_NUMBER = String.raw`(?:(?<=bsn)|(?<![\p{L}\p{N}_.,/€]|\p{N}-|€\s*|EUR\s*|\p{N}[.,]\s?))`;
const NOT_BEFORE_NUMBER = String.raw`(?![\p{L}\p{N}_]|[.,\-/]\p{N}|,-|\s*(?:euro|miljoen|miljard)\b)`;
const BSN_RE = new RegExp(
  NOT_AFTER_NUMBER +
    String.raw`(?:\d{8,9}|\d{3}\.\d{3}\.\d{3}|\d{3} \d{3} \d{3}|\d{4}\.\d{2}\.\d{3}|\d{4} \d{2} \d{3})` +
    NOT_BEFORE_NUMBER,
  "giu",
);

function findBsns(text: string): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  for (const m of text.matchAll(BSN_RE)) {
    if (isValidBsn(m[0].replace(/\D/g, ""))) out.push({ kind: "bsn", start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// --- Phone -----------------------------------------------------------------------------------

const SEP = "[ \\-.]";
// Dutch numbers have 10 digits nationally (0 + 9) or +31/0031 + 9 digits. Counting digits in
// the pattern (with optional separators between them) avoids swallowing a following number.
const PHONE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_+@/,]|\p{N}[.\-])(?:` +
    // +31 6 12345678, 0031 20 123 4567, +31 (0)6 12345678
    String.raw`(?:\+31|0031)${SEP}?(?:\(0\)${SEP}?)?[1-9](?:${SEP}?\d){8}` +
    // (06) 12345678, (020) 123 4567, (0591) 123456
    String.raw`|\(0[1-9]\)${SEP}?\d(?:${SEP}?\d){7}` +
    String.raw`|\(0[1-9]\d\)${SEP}?\d(?:${SEP}?\d){6}` +
    String.raw`|\(0[1-9]\d\d\)${SEP}?\d(?:${SEP}?\d){5}` +
    // 06-12345678, 06 1234 5678, 050-1234567, 020 123 4567
    String.raw`|0[1-9](?:${SEP}?\d){8}` +
    String.raw`)(?!\p{N})`,
  "gu",
);

function plausiblePhone(match: string): boolean {
  // A date followed by a time ("01-02-2019 12") also has 10 digits starting with 0.
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(match)) return false;
  const national = match.replace(/^(?:\+31|0031)/, "").replace(/\(0\)/, "");
  const groups = national.split(/[ \-.()]+/).filter((g) => g.length > 0);
  // Real numbers are written in a few groups of 2+ digits; "0 1 2 3 ..." is a list, not a phone.
  return groups.length <= 5 && groups.slice(1).every((g) => g.length >= 2);
}

function findPhones(text: string): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  for (const m of text.matchAll(PHONE_RE)) {
    if (plausiblePhone(m[0])) out.push({ kind: "phone", start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// --- E-mail ----------------------------------------------------------------------------------

const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function findEmails(text: string): PersonalDataFinding[] {
  return [...text.matchAll(EMAIL_RE)].map((m) => ({ kind: "email" as const, start: m.index, end: m.index + m[0].length }));
}

// --- Postcode + house number -----------------------------------------------------------------

// Postcode letters are uppercase when spaced ("9712 AB"); lowercase only when glued ("9712ab"),
// so "2019 in 12" is never an address. SA, SD and SS are never issued.
const POSTCODE = String.raw`[1-9]\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\p{L}\p{N}])`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?:(?:-|\s?)[a-zA-Z](?![\p{L}\p{N}])|-\d{1,4}(?![\p{N}]))?`;
// A street starts with a capital; later words are capitalised or name particles ("Van der Pekstraat").
const STREET = String.raw`\p{Lu}[\p{L}'’.\-]*(?: (?:\p{Lu}[\p{L}'’.\-]*|van|de|der|den|het|'t|ten|ter)){0,5}`;
const POSTCODE_HOUSE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${POSTCODE}[\s,]*${HOUSE_NUMBER}(?![\p{N}])` +
    String.raw`|${STREET} ${HOUSE_NUMBER},?\s*${POSTCODE})`,
  "gu",
);

function findAddresses(text: string): PersonalDataFinding[] {
  return [...text.matchAll(POSTCODE_HOUSE_RE)].map((m) => ({
    kind: "postcodeHouseNumber" as const,
    start: m.index,
    end: m.index + m[0].length,
  }));
}

// --- Date of birth ---------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, maart: 3, mrt: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|");

const DMY_RE = /(?<![\p{N}.\-/])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\p{N}]|[.\-/]\p{N})/gu;
const YMD_RE = /(?<![\p{N}.\-/])(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{N}]|[.\-/]\p{N})/gu;
const WRITTEN_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,2})\s+(${MONTH_NAMES})\.?\s+(\d{4})(?![\p{N}])`, "giu");
const HINT_RE = /(?<!\p{L})(?:geboren|geb\.?|geboortedatum|geboortedag|d\.?o\.?b\.?)(?![\p{L}])[^\n]{0,20}$/iu;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Date-of-birth rule (pragmatic; a chat message rarely needs an exact date to be answered):
 * - a full numeric date (12-03-2009, 12/3/2009, 12.03.2009, 2009-03-12) with a year from 1990 up
 *   to the current year is flagged, hint or not: in a message about a young person it is most
 *   likely a birth date, and future dates ("per 01-01-2027") stay untouched;
 * - a date with a written month ("12 maart 2009") is flagged only when a hint (geboren, geb.,
 *   geboortedatum, dob) appears within ~20 characters before it, because policy text is full
 *   of written dates;
 * - with such a hint any year from 1900 counts (e.g. a parent's birth date).
 * Years alone ("2019", "in 2027") are never flagged.
 */
function findDatesOfBirth(text: string, currentYear: number): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  const consider = (start: number, end: number, year: number, month: number, day: number, numeric: boolean) => {
    if (!isCalendarDate(year, month, day) || year > currentYear) return;
    const hinted = HINT_RE.test(text.slice(Math.max(0, start - 30), start));
    if (hinted ? year >= 1900 : numeric && year >= 1990) out.push({ kind: "dateOfBirth", start, end });
  };
  for (const m of text.matchAll(DMY_RE)) {
    consider(m.index, m.index + m[0].length, Number(m[4]), Number(m[3]), Number(m[1]), true);
  }
  for (const m of text.matchAll(YMD_RE)) {
    consider(m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), Number(m[3]), true);
  }
  for (const m of text.matchAll(WRITTEN_RE)) {
    const month = MONTHS[m[2]!.toLowerCase()]!;
    consider(m.index, m.index + m[0].length, Number(m[3]), month, Number(m[1]), false);
  }
  return out;
}

// --- Public API ------------------------------------------------------------------------------

/** Likely personal data in `text`, sorted by position and non-overlapping. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const candidates = [
    ...findEmails(text),
    ...findAddresses(text),
    ...findDatesOfBirth(text, new Date().getFullYear()),
    ...findBsns(text),
    ...findPhones(text),
  ];
  // Longest match wins an overlap (a phone number containing a valid-looking BSN is a phone
  // number); equal lengths fall back to the more specific kind.
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind),
  );
  const chosen: PersonalDataFinding[] = [];
  for (const c of candidates) {
    if (chosen.every((o) => c.end <= o.start || c.start >= o.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Replaces every finding with a Dutch placeholder such as "[BSN verwijderd]". */
export function redactPersonalData(text: string): { text: string; findings: PersonalDataFinding[] } {
  const findings = findPersonalData(text);
  let out = "";
  let pos = 0;
  for (const f of findings) {
    out += text.slice(pos, f.start) + PLACEHOLDERS[f.kind];
    pos = f.end;
  }
  return { text: out + text.slice(pos), findings };
}

/** A short Dutch warning naming what was found; undefined when nothing was found. */
export function personalDataWarning(findings: PersonalDataFinding[]): string | undefined {
  if (findings.length === 0) return undefined;
  const kinds = KIND_PRIORITY.filter((k) => findings.some((f) => f.kind === k)).map((k) => KIND_NAMES[k]);
  const listed = kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(", ")} en ${kinds[kinds.length - 1]!}`;
  return (
    `Let op: je bericht leek ${listed} te bevatten. Dat heb ik weggelaten voordat ik ging zoeken. ` +
    "Gebruik liever een pseudonieme verwijzing (bijvoorbeeld 'jongere A' of een dossiernummer) in plaats van namen of een BSN."
  );
}
