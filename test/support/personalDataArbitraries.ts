import fc from "fast-check";
import type { PersonalDataKind } from "../../src/privacy/personalData.js";

/**
 * Generators of invented personal data written the ways people write it: separators, spacing,
 * full-width or non-breaking digits, zero-width characters, any case. Every value is synthetic
 * (random digits that pass the real checksums), never real personal data.
 */

export interface PlantedValue {
  kind: "bsn" | "phone" | "email" | "iban" | "postcode" | "date";
  /** The value as written into the message. */
  written: string;
}

const digit = fc.integer({ min: 0, max: 9 });
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n });

/** Separators seen between digit groups, including ones only visible after normalisation. */
const separator = fc.constantFrom("", " ", "  ", "-", " - ", "/", ".", "\u00a0", "\u202f", "\u200b", "\u2011", "\u2013", "．", "／");

/** Writes digit groups with one separator style, sometimes in full-width digits or with zero-width characters. */
function writeGroups(groups: string[], sep: string, fullWidth: boolean, zeroWidth: boolean): string {
  const toWidth = (s: string) => (fullWidth ? [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("") : s);
  const glue = (s: string) => (zeroWidth ? [...s].join("\u200b") : s);
  return groups.map((g) => glue(toWidth(g))).join(sep);
}

/** Splits a digit string into 1..4 groups of at least 2 digits (how people group numbers). */
function grouping(length: number): fc.Arbitrary<number[]> {
  return fc.constantFrom(
    ...[[length], [3, 3, 3], [2, 3, 4], [4, 2, 3], [3, 2, 4], [2, 2, 2, 3], [4, 5], [5, 4], [2, 7]].filter(
      (g) => g.reduce((a, b) => a + b, 0) === length,
    ),
  );
}

function split(s: string, sizes: number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(s.slice(at, at + size));
    at += size;
  }
  return out;
}

/** A 9-digit number passing the 11-proef (random first eight, ninth computed; 10 is retried). */
export const bsnDigits: fc.Arbitrary<string> = digits(8)
  .map((d) => {
    const sum = d.reduce((acc, x, i) => acc + (9 - i) * x, 0);
    const check = sum % 11;
    return check === 10 || (sum === 0 && check === 0) ? undefined : [...d, check].join("");
  })
  .filter((s): s is string => s !== undefined);

export const bsn: fc.Arbitrary<PlantedValue> = fc
  .tuple(bsnDigits, grouping(9), separator, fc.boolean(), fc.boolean())
  .map(([d, sizes, sep, wide, zw]) => ({ kind: "bsn" as const, written: writeGroups(split(d, sizes), sep, wide, zw) }));

/** Mobile (06 + 8) or area code + subscriber number, 10 digits, grouped as people write them. */
export const phone: fc.Arbitrary<PlantedValue> = fc
  .tuple(
    fc.oneof(
      digits(8).map((d) => ["06", d.join("")]),
      fc.tuple(fc.constantFrom("010", "020", "050", "058", "070"), digits(7)).map(([a, d]) => [a, d.join("")]),
      fc.tuple(fc.constantFrom("0591", "0592", "0598"), digits(6)).map(([a, d]) => [a, d.join("")]),
    ),
    fc.constantFrom(" ", "-", " - ", "/", "  ", "\u00a0", "."),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([[area, rest], sep, splitRest, wide]) => {
    const restGroups = splitRest && rest!.length === 8 ? [rest!.slice(0, 4), rest!.slice(4)] : [rest!];
    return { kind: "phone" as const, written: writeGroups([area!, ...restGroups], sep, wide, false) };
  });

const word = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: 2, maxLength: 10 });

export const email: fc.Arbitrary<PlantedValue> = fc
  .tuple(word, fc.option(word, { nil: undefined }), word, fc.constantFrom("nl", "com", "org", "eu"), fc.constantFrom("@", " @ ", " @", "@ ", "＠", " (at) "))
  .map(([local, more, domain, tld, at]) => ({ kind: "email" as const, written: `${local}${more ? `.${more}` : ""}${at}${domain}.${tld}` }));

/** A Dutch IBAN with a correct mod-97 check, compact or in groups of four, any case. */
export const iban: fc.Arbitrary<PlantedValue> = fc
  .tuple(fc.constantFrom("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB"), digits(10), fc.boolean(), fc.boolean())
  .map(([bank, account, spaced, lower]) => {
    const bban = `${bank}${account.join("")}`;
    const numeric = [...`${bban}NL00`].map((c) => (c >= "A" ? String(c.charCodeAt(0) - 55) : c)).join("");
    let remainder = 0;
    for (const c of numeric) remainder = (remainder * 10 + Number(c)) % 97;
    const check = String(98 - remainder).padStart(2, "0");
    const compact = `NL${check}${bban}`;
    const written = spaced ? compact.match(/.{1,4}/g)!.join(" ") : compact;
    return { kind: "iban" as const, written: lower ? written.toLowerCase() : written };
  });

// Spaced lowercase letter pairs that are also short words ("2019 en 12") are left to the guard's
// word list by design; postcodes written that way are the accepted miss (see SECURITY.md).
const SHORT_WORDS = new Set(["aa","al","an","as","at","af","be","bv","by","ca","da","de","di","do","eh","en","er","et","ga","ha","he","ho","ik","in","is","it","ja","je","jl","jr","ka","km","kg","cm","mm","ml","mg","la","ma","me","mi","na","ne","nl","no","nr","nu","of","oh","ok","om","on","op","or","ox","pa","pp","re","so","st","te","ti","tm","to","uw","up","us","va","vs","we","wo","za","ze","zo","zn"]);
const letter = fc.constantFrom(..."ABCDEFGHJKLMNPRTVWXZ");

export const postcode: fc.Arbitrary<PlantedValue> = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), letter, letter, fc.constantFrom("upper", "lower", "mixed"), fc.constantFrom("", " "), fc.integer({ min: 1, max: 400 }), fc.constantFrom("", "a", "-2", " b"))
  .filter(([, a, b, style, gap]) => !(style !== "upper" && gap === " " && SHORT_WORDS.has(`${a}${b}`.toLowerCase())))
  .map(([pc, a, b, style, gap, house, suffix]) => {
    const letters = style === "upper" ? `${a}${b}` : style === "lower" ? `${a}${b}`.toLowerCase() : `${a}${b.toLowerCase()}`;
    return { kind: "postcode" as const, written: `${pc}${gap}${letters} ${house}${suffix}` };
  });

const MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const MONTH_SHORT = ["jan.", "feb", "mrt", "apr.", "mei", "jun", "jul.", "aug", "sep", "okt.", "nov", "dec"];

/** A date of birth after a birth hint, in numeric, two-digit-year or written form. */
export const dateOfBirth: fc.Arbitrary<PlantedValue> = fc
  .tuple(
    fc.integer({ min: 1950, max: new Date().getFullYear() }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.constantFrom("dmy4", "dmy2", "dmy2apos", "written", "writtenShort", "ymd"),
    fc.constantFrom("-", "/", "."),
    fc.boolean(),
  )
  .map(([year, month, day, form, sep, pad]) => {
    const dd = pad ? String(day).padStart(2, "0") : String(day);
    const mm = pad ? String(month).padStart(2, "0") : String(month);
    const yy = String(year % 100).padStart(2, "0");
    const written = {
      dmy4: `${dd}${sep}${mm}${sep}${year}`,
      dmy2: `${dd}${sep === "." ? "-" : sep}${mm}${sep === "." ? "-" : sep}${yy}`,
      dmy2apos: `${dd}-${mm}-'${yy}`,
      written: `${day} ${MONTH_NAMES[month - 1]} ${year}`,
      writtenShort: `${day} ${MONTH_SHORT[month - 1]} '${yy}`,
      ymd: `${year}-${mm}-${dd}`,
    }[form]!;
    return { kind: "date" as const, written };
  });

/** Words before the value that a real message would have, chosen per kind. */
const LEAD: Record<PlantedValue["kind"], string[]> = {
  bsn: ["BSN", "bsn:", "burgerservicenummer", "nummer", ""],
  phone: ["bel", "tel.", "moeder is bereikbaar op", "telefoon:", ""],
  email: ["mail", "e-mail:", "stuur naar", ""],
  iban: ["IBAN", "rekening", "rekeningnummer:", ""],
  postcode: ["woont op", "adres:", "verblijft bij oma,", ""],
  date: ["geb.", "geboren", "geboren op", "geboortedatum:", "geb", "Geboren:"],
};

const TAILS = ["", ".", ", wat nu?", " en wat moet ik doen", "?", " (vertrouwelijk)"];
const OPENINGS = ["", "Vraag: ", "Hoi, ", "Over jongere A: "];

export interface PlantedMessage {
  text: string;
  value: PlantedValue;
  /** Where the value sits in `text`. */
  start: number;
  end: number;
}

export const anyPlantedValue = fc.oneof(bsn, phone, email, iban, postcode, dateOfBirth);

/** A short message with one invented value planted in it. */
export const plantedMessage: fc.Arbitrary<PlantedMessage> = anyPlantedValue.chain((value) =>
  fc.tuple(fc.constantFrom(...OPENINGS), fc.constantFrom(...LEAD[value.kind]), fc.constantFrom(...TAILS)).map(([opening, lead, tail]) => {
    const before = `${opening}${lead}${lead ? " " : ""}`;
    return { text: `${before}${value.written}${tail}`, value, start: before.length, end: before.length + value.written.length };
  }),
);

/** The fixed seed of every property test in the hostile-input suite (reproducible in CI). */
export const FUZZ_SEED = 20_240_612;

/** Every variant the hostile tester got through the old guard (issue 12, "Why"). */
export const WHY_VARIANTS: Array<[string, string, PersonalDataKind]> = [
  ["BSN 123-456-782 graag", "123-456-782", "bsn"],
  ["nummer 12-345-6782.", "12-345-6782", "bsn"],
  ["bsn 123/456/782", "123/456/782", "bsn"],
  ["bsn 123\u00a0456\u00a0782", "123\u00a0456\u00a0782", "bsn"],
  ["bsn 123\u200b456\u200b782", "123\u200b456\u200b782", "bsn"],
  ["bsn １２３４５６７８２", "１２３４５６７８２", "bsn"],
  ["bel 06 - 1234 5678", "06 - 1234 5678", "phone"],
  ["bel 06/12345678", "06/12345678", "phone"],
  ["bel ０６\u00a0１２３４５６７８", "０６\u00a0１２３４５６７８", "phone"],
  ["woont 9712 cp 12", "9712 cp 12", "postcodeHouseNumber"],
  ["geb. 12/3/11", "12/3/11", "dateOfBirth"],
  ["geboren 12-3-'11", "12-3-'11", "dateOfBirth"],
  ["mail jan @ example.nl", "jan @ example.nl", "email"],
  ["IBAN NL91ABNA0417164300", "NL91ABNA0417164300", "iban"],
  ["rekening NL91 ABNA 0417 1643 00 graag", "NL91 ABNA 0417 1643 00", "iban"],
  ["Jan de Vries (15) is geplaatst", "Jan de Vries (15)", "name"],
];

