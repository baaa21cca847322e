import { questionParts } from "./questionParts.js";

/**
 * "wat is het verschil tussen een spoedmachtiging en een reguliere machtiging?", "hoe verschilt
 * X van Y?", "verschil X en Y?": a question for a difference. Quotes that name both only side by side ("… met een
 * spoedmachtiging (i.p.v. een reguliere machtiging)") do not say what the difference is.
 */
const ASKS_DIFFERENCE = [
  // "tussen" also as chat shortens it: "tss", "tsn" (new-user try: "verschil tss wijkteam en …" quoted "tss wijkteam" as a term).
  // A side ends at a comma too: "verschil tussen gesloten en open jeugdhulp, en mag afzonderen nog?"
  // asks something else after it (new-user try: "open jeugdhulp, en mag afzonderen nog" was a side).
  /\bverschil(?:len)?\s+(?:tussen|tss|tsn|tssn)\s+(.+?)\s+en\s+(.+?)\s*(?:[?.!,;]|$)/iu,
  /\bverschil(?:t|len)\s+(.+?)\s+(?:van|met)\s+(.+?)\s*(?:[?.!,;]|$)/iu,
  // In chat, without "tussen": "verschil spoedmachtiging en reguliere machtiging?" (new-user try).
  /^\s*(?:wat\s+is\s+)?(?:het\s+|t\s+|'t\s+)?verschil\s+(?!(?:tussen|tss|tsn|tssn|maken|maakt|uit)\b)(.+?)\s+(?:en|vs\.?|versus)\s+(.+?)\s*(?:[?.!,;]|$)/iu,
];

/** Words a text uses when it sets two things against each other. */
const STATES_DIFFERENCE = /\b(?:verschil\w*|verschilt|anders\s+dan|in\s+tegenstelling|terwijl|daarentegen|onderscheid\w*|onderscheiden)\b/iu;

/** An article before a side of the comparison says nothing about it. */
const ARTICLE = /^(?:een|de|het|t|'t)\s+/iu;

/**
 * The two things a question (or the first question of a message that asks two things) asks
 * to have told apart, as typed and without their article. Undefined for any other question.
 */
export function differenceAsked(question: string): { first: string; second: string } | undefined {
  const asked = questionParts(question)?.first ?? question;
  for (const pattern of ASKS_DIFFERENCE) {
    const match = pattern.exec(asked.trim());
    if (!match) continue;
    const [first, second] = [match[1]!, match[2]!].map((side) => side.replace(ARTICLE, "").trim());
    if (first && second) return { first: first!, second: second! };
  }
  return undefined;
}

/** Whether a quoted text sets things against each other at all (a line that names a difference). */
export function statesDifference(text: string): boolean {
  return STATES_DIFFERENCE.test(text);
}
