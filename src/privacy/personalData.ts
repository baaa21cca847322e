/**
 * Detects and redacts likely personal data (often about minors) in anything Wegwijs stores, logs,
 * uses as a key or sends out. Tuned to miss little in chat messages, however they are formatted
 * (full-width or non-breaking digits, zero-width characters, "-", "/" and "." between groups),
 * while leaving ordinary policy text (years, percentages, section numbers, amounts) alone.
 */
import { findAddresses, findEmails } from "./detectors/contact.js";
import { findDatesOfBirth } from "./detectors/dates.js";
import { findNames } from "./detectors/names.js";
import { findBsns, findIbans, findPhones } from "./detectors/numbers.js";
import { KIND_NAMES, KIND_PRIORITY, PLACEHOLDERS, type PersonalDataFinding } from "./kinds.js";
import { normaliseForMatching, originalRange } from "./normalise.js";

export type { PersonalDataFinding, PersonalDataKind } from "./kinds.js";
export { isValidBsn, isValidIban } from "./detectors/numbers.js";

export interface GuardOptions {
  /**
   * Names the indexed documents themselves use (a published case example such as "Ferdi (16)"):
   * not a client's name, and needed to find that example. See publicNames.ts.
   */
  isPublicName?: (name: string) => boolean;
}

/** Likely personal data in `text`, sorted by position and non-overlapping; offsets into `text`. */
export function findPersonalData(text: string, options: GuardOptions = {}): PersonalDataFinding[] {
  const normalised = normaliseForMatching(text);
  const n = normalised.text;
  const candidates = [
    ...findEmails(n),
    ...findIbans(n),
    ...findAddresses(n),
    ...findDatesOfBirth(n, new Date().getFullYear()),
    ...findBsns(n),
    ...findPhones(n),
    ...findNames(n).filter((f) => !options.isPublicName?.(n.slice(f.start, f.end))),
  ];
  // Longest match wins an overlap (a phone number containing a valid-looking BSN is a phone
  // number; a spaced IBAN is not a phone number); equal lengths go to the more specific kind.
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind),
  );
  const chosen: PersonalDataFinding[] = [];
  for (const c of candidates) {
    if (chosen.every((o) => c.end <= o.start || c.start >= o.end)) chosen.push(c);
  }
  return chosen
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ kind: f.kind, ...originalRange(normalised, f.start, f.end) }));
}

/** Replaces every finding with a Dutch placeholder such as "[BSN verwijderd]". */
/**
 * The text with every finding cut out, not replaced by a placeholder: for text that is searched,
 * where "[BSN verwijderd]" would be words of the question.
 */
export function withoutFindings(text: string, findings: readonly PersonalDataFinding[]): string {
  if (findings.length === 0) return text;
  let out = "";
  let pos = 0;
  for (const f of findings) {
    out += `${text.slice(pos, f.start)} `;
    pos = f.end;
  }
  return (out + text.slice(pos)).replace(/ {2,}/g, " ").trim();
}

export function redactPersonalData(text: string, options: GuardOptions = {}): { text: string; findings: PersonalDataFinding[] } {
  const findings = findPersonalData(text, options);
  let out = "";
  let pos = 0;
  for (const f of findings) {
    out += text.slice(pos, f.start) + PLACEHOLDERS[f.kind];
    pos = f.end;
  }
  return { text: out + text.slice(pos), findings };
}

/** The redacted text only, for places that keep or show text but have no one to warn. */
export function redacted(text: string): string {
  return redactPersonalData(text).text;
}

/** A short Dutch warning naming what was found; undefined when nothing was found. */
export function personalDataWarning(findings: PersonalDataFinding[], use: "search" | "store" = "search"): string | undefined {
  if (findings.length === 0) return undefined;
  const kinds = KIND_PRIORITY.filter((k) => findings.some((f) => f.kind === k)).map((k) => KIND_NAMES[k]);
  const listed = kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(", ")} en ${kinds[kinds.length - 1]!}`;
  // What the text was for: a route note or a form field is kept, not searched (new-user try: "voordat ik ging zoeken" under a route answer).
  const before = use === "search" ? "voordat ik ging zoeken" : "voordat ik het bewaarde";
  return (
    `Let op: je bericht leek ${listed} te bevatten. Dat heb ik weggelaten ${before}. ` +
    "Gebruik liever een pseudonieme verwijzing (bijvoorbeeld 'jongere A' of een dossiernummer) in plaats van namen of een BSN."
  );
}
