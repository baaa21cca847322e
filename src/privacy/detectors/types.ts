import type { PersonalDataKind } from "../kinds.js";

/** A match in the normalised text (see normalise.ts); mapped back to the original by the caller. */
export interface Match {
  kind: PersonalDataKind;
  start: number;
  end: number;
}
