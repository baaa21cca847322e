/**
 * A casusnummer as Wegwijs accepts it: pseudonymous, letters, digits and - . _ only, at most 40
 * characters. Names, BSNs and dates of birth do not fit it (the privacy guard checks as well).
 */
export const CASE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** A case number written in a message the way Wegwijs asks for one: letters, a dash, digits ("CASUS-0412"). */
const CASE_NUMBER_IN_TEXT = /(?<![\p{L}\p{N}._-])([A-Za-z]{1,12}-\d{1,12})(?![\p{L}\p{N}._-])/u;

/** The case number a message names, if any. */
export function caseNumberIn(text: string): string | undefined {
  return CASE_NUMBER_IN_TEXT.exec(text)?.[1];
}
