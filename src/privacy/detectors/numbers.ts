import type { Match } from "./types.js";

/**
 * BSN, Dutch phone numbers and IBANs in normalised text (ASCII digits and spaces). People write
 * them with "-", "/", "." or a few spaces between groups; all of those are accepted, and the
 * checksums (11-proef, mod-97) keep ordinary numbers out.
 */

/** The Dutch 11-proef for BSNs: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 ≡ 0 (mod 11), not all zeros. */
export function isValidBsn(digits: string): boolean {
  const d = digits.length === 8 ? `0${digits}` : digits;
  if (!/^\d{9}$/.test(d) || /^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

// Between digit groups: up to three spaces, or one of - / . with a space either side at most.
const SEP = String.raw`(?: {1,3}| ?[\-./] ?)`;
const RUN_RE = new RegExp(String.raw`\d+(?:${SEP}\d+)*`, "g");

// A money amount ("€ 123.456.782", "EUR 12345678") or glued to a word or number: not a BSN.
// Glued to letters only when those say "BSN" ("BSN123456782").
const BEFORE_NOT_BSN = /(?:[\p{L}\p{N}_.,/€]|€ *|EUR *)$/iu;
const AFTER_NOT_BSN = /^(?:[\p{L}\p{N}_]|,-|[.,]\d| *(?:euro|miljoen|miljard)\b)/iu;

/**
 * A label that says a BSN follows ("bsn 987654321", "BSN: …", "burgerservicenummer …",
 * "sofinummer …"): the number is one even when it fails the 11-proef, a real one mistyped
 * (team try: "(bsn 987654321)" reached the coordinators).
 */
const BSN_LABEL = /(?:\bbsn|burgerservicenummer|\bsofi-?nummer)(?:[\s-]*(?:nr\.?|nummer))?[\s:.#=-]*$/i;

interface Group {
  start: number;
  end: number;
}

function bsnsInRun(text: string, runStart: number, run: string): Match[] {
  const groups: Group[] = [...run.matchAll(/\d+/g)].map((m) => ({ start: runStart + m.index, end: runStart + m.index + m[0].length }));
  const out: Match[] = [];
  for (let i = 0; i < groups.length; i++) {
    let digits = "";
    for (let j = i; j < groups.length && j < i + 4; j++) {
      digits += text.slice(groups[j]!.start, groups[j]!.end);
      if (digits.length > 9) break;
      const single = i === j;
      if (!(digits.length === 9 || (single && digits.length === 8))) continue;
      // Groups of one digit are a list ("1 2 3 ..."), not a number.
      if (!single && groups.slice(i, j + 1).some((g) => g.end - g.start < 2)) continue;
      const start = groups[i]!.start;
      const end = groups[j]!.end;
      // Inside a longer punctuated number (1.234.567.890) it is part of that number.
      const sepBefore = i > 0 ? text.slice(groups[i - 1]!.end, start) : "";
      const sepAfter = j < groups.length - 1 ? text.slice(end, groups[j + 1]!.start) : "";
      if (/[^ ]/.test(sepBefore) || /[^ ]/.test(sepAfter)) continue;
      const before = text.slice(Math.max(0, start - 5), start);
      if (i === 0 && BEFORE_NOT_BSN.test(before) && !/bsn[: ]*$/i.test(before)) continue;
      if (j === groups.length - 1 && AFTER_NOT_BSN.test(text.slice(end, end + 10))) continue;
      if (isValidBsn(digits) || (i === 0 && BSN_LABEL.test(text.slice(Math.max(0, start - 30), start)))) out.push({ kind: "bsn", start, end });
    }
  }
  return out;
}

export function findBsns(text: string): Match[] {
  return [...text.matchAll(RUN_RE)].flatMap((m) => bsnsInRun(text, m.index, m[0]));
}

// --- Phone -----------------------------------------------------------------------------------

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
    // 06-12345678, 06 - 1234 5678, 06/12345678, 050-1234567, 020 123 4567
    String.raw`|0[1-9](?:${SEP}?\d){8}` +
    String.raw`)(?!\p{N}|[.\-/]\p{N})`,
  "gu",
);

function plausiblePhone(match: string): boolean {
  // A date followed by a time ("01-02-2019 12") also has 10 digits starting with 0.
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(match)) return false;
  const national = match.replace(/^(?:\+31|0031)/, "").replace(/\(0\)/, "");
  const groups = national.split(/[ \-./()]+/).filter((g) => g.length > 0);
  // Real numbers are written in a few groups of 2+ digits; "0 1 2 3 ..." is a list, not a phone.
  return groups.length <= 5 && groups.slice(1).every((g) => g.length >= 2);
}

export function findPhones(text: string): Match[] {
  const out: Match[] = [];
  for (const m of text.matchAll(PHONE_RE)) {
    if (plausiblePhone(m[0])) out.push({ kind: "phone", start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// --- IBAN ------------------------------------------------------------------------------------

/** IBAN lengths of the SEPA countries (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27,
  TR: 26, VA: 22,
};

const IBAN_RE = /(?<![\p{L}\p{N}])([a-z]{2})(\d{2})((?:[ \-]{0,2}[a-z0-9]){11,30})/giu;

/** ISO 7064 mod 97-10 over the rearranged IBAN; 1 means valid. */
export function isValidIban(compact: string): boolean {
  const upper = compact.toUpperCase();
  const length = IBAN_LENGTHS[upper.slice(0, 2)];
  if (length === undefined || upper.length !== length || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(upper)) return false;
  const rearranged = upper.slice(4) + upper.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function findIbans(text: string): Match[] {
  const out: Match[] = [];
  const re = new RegExp(IBAN_RE.source, IBAN_RE.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // The pattern runs on greedily; the next search starts right after what was used.
    re.lastIndex = m.index + 1;
    const length = IBAN_LENGTHS[m[1]!.toUpperCase()];
    if (length === undefined) continue;
    // Walk the match until exactly `length` letters and digits are taken; spaces may sit between.
    let taken = 0;
    let end = m.index;
    while (end < m.index + m[0].length && taken < length) {
      if (/[a-z0-9]/i.test(text[end]!)) taken++;
      end++;
    }
    if (taken !== length || /^[a-z0-9]/i.test(text.slice(end, end + 1))) continue;
    const compact = text.slice(m.index, end).replace(/[ \-]/g, "");
    if (!isValidIban(compact)) continue;
    out.push({ kind: "iban", start: m.index, end });
    re.lastIndex = end;
  }
  return out;
}
