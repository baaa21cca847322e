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

/** An abbreviation in capitals (VNG, OZJ, GI). */
const ABBREVIATION = /(?<!\p{L})\p{Lu}{2,6}(?!\p{L})/gu;

/** A name inside a sentence ("… door Carola Bodenstaff"): a capital after a small letter or a comma. */
const NAME_IN_SENTENCE = /[\p{Ll},;:]\s+(\p{Lu}\p{Ll}{2,}\p{L}*)/gu;

/**
 * The words that ask who, up to the end of their question ("aan wie rapporteert bgzj" in "komt er
 * een eigen stuurgroep of aan wie rapporteert bgzj?"): what they name is who is asked about, not
 * an answer. The message itself when it does not ask who.
 */
export function whoClause(question: string): string {
  const first = questionParts(question)?.first ?? question;
  const at = first.search(ASKS_WHO);
  if (at < 0) return question;
  // A topic put in front ("dat INT, wie zitten daar in?") is what the question points back at:
  // it is asked about too, so a quote that names it has not named who (new-user try).
  const from = FRONTED_TOPIC.test(first.slice(0, at + 1)) ? 0 : at;
  return first.slice(from).split(/[?.!]/)[0]!.replace(CHOICE_AFTER, "").trim();
}

/**
 * The choice offered after a comma ("wie betaalt de plekken, gemeente of rijk?"): candidate answers,
 * not what the question is about, so a quote that names one names who (new-user try of the
 * forty-seventh session: "Wie dat is of doet, staat niet in deze citaten" above "… de rol en
 * positie van gemeenten, als financier …").
 */
const CHOICE_AFTER = /,\s*(?:(?:de|het|een)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s+of\s+(?:(?:de|het|een)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s*$/u;

/** A short phrase, then a comma, before the question ("dat INT, …", "het expertteam, …"). */
const FRONTED_TOPIC = /^\s*(?:de|het|dat|die|deze|dit|een)\s+[^\s,?.!]+(?:\s+[^\s,?.!]+){0,2},\s*$/iu;

/** "wie zitten er in het expertiseteam?", "uit wie bestaat de regiegroep?": who something is made of. */
const WHO_IS_IN = /\bwie\s+(?:zit|zitten|zat|zaten)\b[^?.!]*\bin\b|\buit\s+wie\s+(?:bestaat|bestaan)\b/i;
/** Words that say who or what something is made of ("bestaat uit", "vertegenwoordigd", "bundelt kennis vanuit"). */
const NAMES_MEMBERS = /\b(?:bestaat|bestaan)\s+uit\b|\bvertegenwoordigd\b|\bsamengesteld\b|\bbundelt\b|\bverenigd\b|\bzitting\b|\bhet\s+betreft\b/i;

/** Whether the message asks who something is made of (see WHO_IS_IN). */
export function asksWhoIsIn(question: string): boolean {
  return WHO_IS_IN.test(question);
}

/** Whether a text says who or what something is made of, even by fields ("jeugdhulp, GGZ, LvB"). */
export function namesMembers(text: string): boolean {
  return NAMES_MEMBERS.test(text);
}

/** Whether the message asks who (in its first question). */
export function asksWho(question: string): boolean {
  return ASKS_WHO.test(questionParts(question)?.first ?? question);
}

/**
 * Whether a quoted text names anyone: a role, team or body, an abbreviation or a name. A
 * capitalised word the documents use everywhere (`notSomeone`: "de JeugdzorgPlus") names the
 * care itself, not someone; so does an abbreviation of a thing ("VA", "HSJ"; `things` in
 * content/synonyms.yaml).
 */
export function namesAnActor(text: string, notSomeone: (word: string) => boolean = () => false): boolean {
  const named = (pattern: RegExp, group: number) => [...text.matchAll(pattern)].some((match) => !notSomeone(match[group]!));
  return ACTOR_WORD.test(text) || named(ABBREVIATION, 0) || named(NAME_IN_SENTENCE, 1);
}

/**
 * Whether a text names anyone besides the words the question itself uses (`own`, folded): asked
 * who sits in the Expertteam, a line that names only the Expertteam does not say.
 */
export function namesAnActorBesides(text: string, own: ReadonlySet<string>, notSomeone?: (word: string) => boolean): boolean {
  // A word counts as the question's own in any form that starts with it ("expertteams").
  const isOwn = (word: string) => {
    const folded = foldText(word);
    return own.has(folded) || [...own].some((mine) => mine.length >= OWN_PREFIX && folded.startsWith(mine));
  };
  return namesAnActor(text.replace(/[\p{L}\p{N}]+/gu, (word) => (isOwn(word) ? " " : word)), notSomeone);
}

/** A question's word this long or longer also covers the forms that start with it. */
const OWN_PREFIX = 5;
