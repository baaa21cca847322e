import { foldText } from "./normalise.js";

/**
 * Labels of numbered and lettered headings ("5.2.5 Matching", "G. Als ouders ...",
 * "Actielijn 5: ...") as index terms, so "wat zegt principe G?" or "paragraaf 5.2.5" finds the
 * section itself. Plain word matching cannot: a single letter is no word, and a number
 * alone matches every table.
 */

/** Prefix that keeps label terms apart from ordinary words and numbers. */
const LABEL_MARK = "§";

/** Words professionals put in front of a label when they refer to a part of a plan. */
const REFERENCE_WORDS =
  "\\p{L}*princi\\p{L}*|paragraaf|par|hoofdstuk|h|actielijn|bouwsteen|onderdeel|punt|subdoel|doel|stap|fase|bijlage|thema|§";

const HEADING_LABEL = /^\s*(?:(actielijn|bouwsteen|bijlage|thema|stap|fase|hoofdstuk)\s+)?(\d+(?:\.\d+)*|[a-z])(?=[.:)]?\s)/;
const REFERENCE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${REFERENCE_WORDS})(?!\\p{L})\\.?\\s*(\\d+(?:\\.\\d+)*|[a-z])(?![\\p{L}\\p{N}]|\\.\\d)`, "gu");

export function labelTerm(label: string): string {
  return `${LABEL_MARK}${label}`;
}

/**
 * The label term of each heading in a section trail that starts with one. A single letter
 * counts only when followed by a full stop or colon ("A. Degelijke ..."): "A Ik laat je ..."
 * could be a sentence.
 */
export function headingLabelTerms(sectionPath: readonly string[]): string[] {
  const terms: string[] = [];
  for (const heading of sectionPath) {
    const folded = foldText(heading);
    const match = HEADING_LABEL.exec(folded);
    if (!match) continue;
    const label = match[2]!;
    if (/^[a-z]$/.test(label) && !/^\s*[a-z][.:)]\s/.test(folded)) continue;
    terms.push(labelTerm(label));
  }
  return terms;
}

/** Label terms of the parts a question refers to ("principe G", "hoofdstuk 5", "§ 5.2"). */
export function referencedLabelTerms(question: string): string[] {
  const folded = foldText(question);
  return [...folded.matchAll(REFERENCE)].map((match) => labelTerm(match[1]!));
}

/** REFERENCE on the text as typed, any case. */
const REFERENCE_AS_TYPED = new RegExp(REFERENCE.source, "giu");

/**
 * The question without its references to parts whose label is one of `labels` ("wat staat er
 * verder in paragraaf 3.5, …" when the quotes come from "3.5 …"): those words are answered by
 * where the quotes come from.
 */
export function withoutReferencesTo(question: string, labels: readonly string[]): string {
  // On the text as typed: the rest keeps its capitals ("GRJR" typed in capitals is an abbreviation).
  return question.replace(REFERENCE_AS_TYPED, (match, label: string) => (labels.includes(labelTerm(foldText(label))) ? " " : match));
}

