/** What the guard recognises; each kind has a Dutch placeholder and a name for the warning. */
export type PersonalDataKind =
  | "bsn"
  | "phone"
  | "email"
  | "iban"
  | "postcodeHouseNumber"
  | "dateOfBirth"
  | "name";

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** Offsets into the text as given (not the normalised text the detectors read). */
  start: number;
  end: number;
}

export const PLACEHOLDERS: Record<PersonalDataKind, string> = {
  bsn: "[BSN verwijderd]",
  phone: "[telefoonnummer verwijderd]",
  email: "[e-mailadres verwijderd]",
  iban: "[rekeningnummer verwijderd]",
  postcodeHouseNumber: "[adres verwijderd]",
  dateOfBirth: "[geboortedatum verwijderd]",
  name: "[naam verwijderd]",
};

export const KIND_NAMES: Record<PersonalDataKind, string> = {
  bsn: "een BSN",
  phone: "een telefoonnummer",
  email: "een e-mailadres",
  iban: "een rekeningnummer (IBAN)",
  postcodeHouseNumber: "een adres",
  dateOfBirth: "een geboortedatum",
  name: "een naam",
};

/** Order used in warnings and to break ties between equally long overlapping matches. */
export const KIND_PRIORITY: PersonalDataKind[] = ["email", "iban", "postcodeHouseNumber", "dateOfBirth", "bsn", "phone", "name"];

/**
 * Said with a refused date: any full numeric date may be a date of birth, so one of an event is
 * refused too; written with the month in words and no year it passes (team try: "sinds
 * 12-03-2026" in a consult request was refused with no way to say when treatment stopped).
 */
export const EVENT_DATE_HINT = " Gaat het om de datum van iets dat gebeurde? Schrijf dan bijvoorbeeld „sinds maart” of „sinds 12 maart”.";
