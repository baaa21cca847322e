/**
 * A casusnummer as Wegwijs accepts it: pseudonymous, letters, digits and - . _ only, at most 40
 * characters. Names, BSNs and dates of birth do not fit it (the privacy guard checks as well).
 */
export const CASE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
