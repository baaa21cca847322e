import { foldText } from "../../knowledge/analysis/normalise.js";
import { questionParts } from "./questionParts.js";

/**
 * "wie beslist …?", "bij wie kan ik terecht …?": a question for a person, team or body. Only its
 * first part counts: the later part of a two-part message is checked on its own (see leftOpen).
 */
const ASKS_WHO = /(?:^|[\s,:;(])(?:(?:bij|van|aan|met|door|voor|naar)\s+)?wie\b/i;

/**
 * Words that name a person, team or body in the plan documents' language: roles, teams,
 * institutions and the parties of the youth-care field. Pronouns ("we", "zij") are not among them:
 * they say nothing of who is meant.
 */
const ACTOR_WORD =
  /\b(?:gemeenten?|(?:jeugdhulp|zorg)?aanbieders?|(?:kinder)?rechters?|rechtbank|jeugdbeschermers?|jeugdreclasseerders?|gezinsvoogd\p{L}*|wijkteams?|lokale\s+teams?|huisartsen?|ouders|opvoeders|coördinatoren?|voorzitter|ministerie|minister|staatssecretaris|kabinet|inspectie|regiegroep|stuurgroep|werkgroep|(?:jeugd)?professionals?|verwijzers?|gedragswetenschappers?|regievoerders?|casusregisseurs?|organisaties?|partijen|partners?|bestuurders?|wethouders?|expert(?:ise)?teams?|servicepunt|instellingen?|hulpverleners?|betrokkenen|raad|provincies?|mentor|ambassadeur)\b/iu;

/** An abbreviation in capitals (VNG, OZJ, GI) or a name inside a sentence ("… door Carola Bodenstaff"). */
const NAME_OR_ABBREVIATION = /(?<!\p{L})\p{Lu}{2,6}(?!\p{L})|[\p{Ll},;:]\s+\p{Lu}\p{Ll}{2,}/u;

/** Whether the message asks who (in its first question). */
export function asksWho(question: string): boolean {
  return ASKS_WHO.test(questionParts(question)?.first ?? question);
}

/** Whether a quoted text names anyone: a role, team or body, an abbreviation or a name. */
export function namesAnActor(text: string): boolean {
  return ACTOR_WORD.test(text) || NAME_OR_ABBREVIATION.test(text);
}

/**
 * Whether a text names anyone besides the words the question itself uses (`own`, folded): asked
 * who sits in the Expertteam, a line that names only the Expertteam does not say.
 */
export function namesAnActorBesides(text: string, own: ReadonlySet<string>): boolean {
  // A word counts as the question's own in any form that starts with it ("expertteams").
  const isOwn = (word: string) => {
    const folded = foldText(word);
    return own.has(folded) || [...own].some((mine) => mine.length >= OWN_PREFIX && folded.startsWith(mine));
  };
  return namesAnActor(text.replace(/[\p{L}\p{N}]+/gu, (word) => (isOwn(word) ? " " : word)));
}

/** A question's word this long or longer also covers the forms that start with it. */
const OWN_PREFIX = 5;
