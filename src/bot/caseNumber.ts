/**
 * A casusnummer as Wegwijs accepts it: pseudonymous, letters, digits and - . _ only, at most 40
 * characters. Names, BSNs and dates of birth do not fit it (the privacy guard checks as well).
 */
export const CASE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * A case number written in a message the way Wegwijs asks for one: letters, a dash, then digits
 * ("CASUS-0412"), perhaps after a few letters ("CASUS-R17"; new-user try: that request started a
 * checklist without its number). Not a word with a dash ("JZ-plus").
 */
const CASE_NUMBER_IN_TEXT = /(?<![\p{L}\p{N}._-])([A-Za-z]{1,12}-[A-Za-z]{0,3}\d{1,12})(?![\p{L}\p{N}._-])/u;

/** The case number a message names, if any. */
export function caseNumberIn(text: string): string | undefined {
  return CASE_NUMBER_IN_TEXT.exec(text)?.[1];
}
