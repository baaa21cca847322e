import { z } from "zod";
import type { FormField, ReplyPart } from "../../bot/reply.js";
import { findPersonalData, type PersonalDataKind, redactPersonalData } from "../../privacy/personalData.js";
import { EVENT_DATE_HINT } from "../../privacy/kinds.js";
import { TARGETS, type ConsultTarget } from "./consultModel.js";

export const FORM_FIELD_IDS = ["target", "urgency", "caseRef", "question", "tried", "summary", "callback"] as const;
export type ConsultFields = { target: ConsultTarget; urgency: "spoed" | "regulier"; caseRef: string; question: string; tried: string; summary?: string; callback?: string };

const PERSONAL_DATA_NAMES: Record<PersonalDataKind, string> = {
  bsn: "een BSN",
  phone: "een telefoonnummer",
  email: "een e-mailadres",
  postcodeHouseNumber: "een adres of postcode",
  dateOfBirth: "een geboortedatum",
  iban: "een rekeningnummer",
  name: "een naam",
};
/** A postcode on its own ("9712 AB") also points to a person's home in a consult request. */
const BARE_POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/u;

/** Why a field's text may not be stored, or undefined. Nothing of the text is kept or logged. */
export function personalDataProblem(text: string): string | undefined {
  const kinds = new Set(findPersonalData(text).map((f) => f.kind));
  if (BARE_POSTCODE.test(text)) kinds.add("postcodeHouseNumber");
  if (kinds.size === 0) return undefined;
  const named = [...kinds].map((k) => PERSONAL_DATA_NAMES[k]).join(" en ");
  // A professional who wants a call back typed their own number where the case goes (team try).
  const callback = kinds.has("phone") ? " Wil je teruggebeld worden? Zet je eigen nummer bij Terugbelnummer." : "";
  const date = kinds.has("dateOfBirth") ? EVENT_DATE_HINT : "";
  return `Dit lijkt ${named} te bevatten. Haal het weg: een consultaanvraag bevat geen persoonsgegevens. Gebruik het casusnummer.${callback}${date}`;
}

/**
 * Whether a text is one phone number and nothing else: the requester's own number to be called
 * back on. Anything more (a name, a second number, "moeder:") may be about the young person.
 */
export function isOnlyAPhoneNumber(text: string): boolean {
  const found = findPersonalData(text);
  return found.length === 1 && found[0]!.kind === "phone" && found[0]!.start === 0 && found[0]!.end === text.length;
}

const text = (label: string, max: number) =>
  z
    .string({ error: `Vul ${label} in.` })
    .trim()
    .min(1, { error: `Vul ${label} in.` })
    .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} mag hoogstens ${max} tekens zijn.` })
    .superRefine((value, ctx) => {
      const problem = personalDataProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

export const consultFieldsSchema = z.object({
  target: z.enum(TARGETS, { error: "Kies het Servicepunt of het Expertteam." }),
  urgency: z.enum(["spoed", "regulier"], { error: "Kies spoed (vandaag nog) of regulier." }),
  caseRef: text("het casusnummer", 40).pipe(
    z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} ._\/-]*$/u, { error: "Een casusnummer bestaat uit letters, cijfers en - . _ /; geen namen." }),
  ),
  question: text("je vraag", 3000),
  tried: text("wat je al geprobeerd hebt", 3000),
  summary: z
    .string()
    .trim()
    .max(3000, { error: "De samenvatting mag hoogstens 3000 tekens zijn." })
    .superRefine((value, ctx) => {
      const problem = personalDataProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional()
    .transform((v) => (v ? v : undefined)),
  // The requester's own work number, for a coordinator who would rather call (spoed): the one
  // field where a phone number belongs, and only that.
  callback: z
    .string()
    .trim()
    .refine((value) => value === "" || isOnlyAPhoneNumber(value), { error: "Vul alleen je eigen telefoonnummer in, zoals 050 123 4567 of 06 12345678." })
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** Validated fields, or a Dutch error per field id. */
export function parseConsultFields(raw: Record<string, string> | undefined): { ok: true; fields: ConsultFields } | { ok: false; errors: Record<string, string> } {
  const parsed = consultFieldsSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, fields: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "question");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export interface TargetNames {
  servicepunt: string;
  expertteam: string;
}

export const SUBMIT_ACTION = "consult.submit";
/** Closes the form without sending it: the web and Teams show it inline, with no close of their own. */
export const DISCARD_ACTION = "consult.discard";
export const FORM_ID = "consult";

/**
 * What a refused text field shows again: the text itself, or with its personal data taken out so
 * the rest need not be typed again; nothing when personal data is left even then.
 */
export function refusedValue(value: string): string | undefined {
  if (!personalDataProblem(value)) return value;
  const redacted = redactPersonalData(value).text;
  return personalDataProblem(redacted) ? undefined : redacted;
}

/**
 * The request form. `values` pre-fills (a route summary, or what was typed before a refusal);
 * personal data is never echoed back: a refused field returns without it, next to its error.
 */
export function consultForm(names: TargetNames, values: Partial<Record<string, string>> = {}, errors: Record<string, string> = {}): Extract<ReplyPart, { kind: "form" }> {
  // A field refused for personal data comes back with that data taken out, so the rest need not be
  // typed again (new-user try: the whole question was gone); if anything is left, nothing comes back.
  const keep = (id: string) => {
    const value = values[id];
    return !errors[id] || value === undefined ? value : refusedValue(value);
  };
  const field = (f: FormField): FormField => {
    const value = keep(f.id);
    return { ...f, ...(value ? { value } : {}), ...(errors[f.id] ? { error: errors[f.id] } : {}) };
  };
  return {
    kind: "form",
    formId: FORM_ID,
    title: "Consultaanvraag",
    submitActionId: SUBMIT_ACTION,
    submitLabel: "Aanvraag indienen",
    cancel: { id: DISCARD_ACTION, label: "Annuleren", value: FORM_ID },
    fields: [
      // A region's name reads inside a sentence ("het expertiseteam Rijnmond"); as a choice it starts with a capital.
      field({ id: "target", label: "Aan", kind: "choice", required: true, options: [
        { label: capitalised(names.servicepunt), value: "servicepunt" },
        { label: capitalised(names.expertteam), value: "expertteam" },
      ] }),
      field({ id: "urgency", label: "Urgentie", kind: "choice", required: true, options: [
        { label: "Spoed (vandaag nog)", value: "spoed" },
        { label: "Regulier", value: "regulier" },
      ] }),
      field({ id: "caseRef", label: "Casusnummer", kind: "text", required: true, placeholder: "Je eigen pseudonieme casusnummer, geen naam" }),
      field({ id: "question", label: "Je vraag", kind: "multiline", required: true }),
      field({ id: "tried", label: "Wat is al geprobeerd", kind: "multiline", required: true }),
      field({ id: "summary", label: "Samenvatting route of checklist (optioneel)", kind: "multiline", required: false }),
      field({ id: "callback", label: "Terugbelnummer (optioneel)", kind: "text", required: false, placeholder: "Je eigen werknummer, niet dat van de jongere of ouders" }),
    ],
  };
}

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
