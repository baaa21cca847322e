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
const CASE_NUMBER_IN_TEXT = /(?<![\p{L}\p{N}._-])([A-Za-z]{1,12}-[A-Za-z]{0,3}\d{1,12}(?:[-.][A-Za-z0-9]{1,12})*)(?![\p{L}\p{N}_-]|\.[\p{L}\p{N}])/u;

/**
 * Any case number right after a word that says one follows ("Ons casusnummer is DR-2024-17.",
 * "casus 2024-17", "zaak: SCH0412"; new-user try of the thirty-ninth session: the first was not
 * picked up): with a digit, and a letter or a dash or dot too, so nine bare digits (a BSN) are none.
 */
const NAMED_CASE_NUMBER = /(?<![\p{L}\p{N}])(?:casus(?:nummer|nr)?|case|zaak(?:nummer)?)\.?\s*(?:is\s+|:\s*|#\s*)?((?=[A-Za-z0-9._-]*\d)(?=[A-Za-z0-9._-]*[A-Za-z._-])[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?)(?![\p{L}\p{N}_-]|\.[\p{L}\p{N}])/iu;

/** The case number a message names, if any. */
export function caseNumberIn(text: string): string | undefined {
  const found = NAMED_CASE_NUMBER.exec(text)?.[1] ?? CASE_NUMBER_IN_TEXT.exec(text)?.[1];
  return found !== undefined && CASE_NUMBER.test(found) ? found : undefined;
}

/**
 * The message without the case numbers it names ("Ik heb een meisje van 14 (casus RZ-0412) …"): an
 * identifier of the asker's case, not something the documents could be about (second new-user try
 * of the forty-sixth session: "RZ-0412" counted as a word the quotes must hold, and the question on
 * casusregie was refused).
 */
export function withoutCaseNumbers(text: string): string {
  let out = text;
  for (let found = caseNumberIn(out); found !== undefined; found = caseNumberIn(out)) {
    const at = out.indexOf(found);
    if (at < 0) break;
    out = `${out.slice(0, at)}${out.slice(at + found.length)}`;
  }
  return out;
}
