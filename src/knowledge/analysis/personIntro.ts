/**
 * "wie is Arne Popma?" asks who a named person is: the answer is the sentence that introduces
 * them with their role, not any sentence that names them.
 */

const NOT_A_NAME = new Set(["de", "het", "een", "die", "dat", "dit", "deze", "er", "hier", "daar", "nu", "dan", "jij", "u", "je", "hij", "zij", "ze", "wie", "wat"]);

/** The name a "wie is/was <naam>?" question asks about, as its words; undefined for any other question. */
export function askedPerson(question: string): string[] | undefined {
  const match = /\bwie\s+(?:is|was)\s+([\p{L}-]+(?:\s+(?:van\s+(?:de\s+|der\s+)?|de\s+)?[\p{L}-]+)?)(?=\s*(?:[?,.!]|$|\s(?:en|precies|eigenlijk|nou|nu)\b))/iu.exec(question);
  const words = match?.[1]?.split(/\s+/);
  if (!words || words.length < 2 || NOT_A_NAME.has(words[0]!.toLowerCase())) return undefined;
  return words;
}

/**
 * Whether a sentence introduces the person with a role: "Carola Bodenstaff, senior beleidsadviseur
 * bij …" or "Als hoogleraar … onderzoekt Arne Popma …". Not "Popma is …": "is aangeschoven" is
 * no role.
 */
export function introduces(sentence: string, name: readonly string[]): boolean {
  return introductionTest(name)(sentence);
}

/** The same test, built once for a name that is checked against many sentences. */
export function introductionTest(name: readonly string[]): (sentence: string) => boolean {
  const surname = name.at(-1)?.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (!surname) return () => false;
  const after = new RegExp(`(?<![\\p{L}])${surname}\\s*,\\s*\\p{Ll}`, "iu");
  const before = new RegExp(`^als\\s+\\p{Ll}[\\p{L}-]*.*(?<![\\p{L}])${surname}(?![\\p{L}])`, "iu");
  return (sentence) => after.test(sentence) || before.test(sentence);
}

/**
 * How the asker starts to say who they are ("Ik werk bij …", "Ik ben huisarts …", "wij zitten …"),
 * as regex source: the question and small talk both read past such an introduction.
 */
export const ASKER_INTRODUCTION = String.raw`(?:ik|wij|we)\s+(?:ben|werk|zit|zijn|werken|zitten)\b`;

/**
 * Chat leaves out the "ik": "ben gw bij een jz+ aanbieder in groningen", "werk als jeugdbeschermer
 * in assen" (new-user tries: such a message was searched in the documents, and the words of "ben
 * nieuw in het wijkteam in rijnmond." weighed as much as its question). Not a question that opens
 * with the verb ("ben ik verplicht …?", "zit er …").
 */
export const CHAT_INTRODUCTION = String.raw`(?:ben|werk|zit)\s+(?!(?:ik|je|jij|u|jullie|we|wij|er|het|dat|dit|daar|hier)\b)`;

/**
 * What may come before an introduction, as regex source: a greeting of one word ("hoi ik ben …"), or
 * up to three words that end in a comma, colon or exclamation mark ("Hallo allemaal! Ik ben …", "even
 * voorstellen: ik ben …"; new-user try of the thirty-ninth session: that one was refused).
 */
export const BEFORE_INTRODUCTION = String.raw`[^\p{L}]*(?:(?:\p{L}+\s+){0,2}\p{L}+[,!:]\s+|\p{L}+\s+)?`;

/** An introduction that opens the message, after at most such a greeting. */
const OPENS_WITH_INTRODUCTION = new RegExp(String.raw`^${BEFORE_INTRODUCTION}(?:${ASKER_INTRODUCTION}|${CHAT_INTRODUCTION})`, "iu");

/** Words an introduction has at least ("ik ben huisarts." is too short to pull the search away; measured: see Retriever). */
const INTRODUCTION_WORDS = 6;

/** A sentence that goes on saying who asks: "ik ben …", "we zitten …". */
const GOES_ON_INTRODUCING = new RegExp(String.raw`^\s*${ASKER_INTRODUCTION}`, "iu");

/**
 * A question that points back at what was said before it ("Noemt het actieplan daar iets over?",
 * "Hoe werkt de plaatsing hier?", "… bij ons"): the introduction holds what it asks about.
 */
const POINTS_BACK = /\b(?:daar\p{L}*|hier\p{L}*|ons|onze|er(?:over|voor|mee|bij|in|van|aan|op|door))\b/iu;

/**
 * A message that opens by saying who asks, in sentences of their own before the question
 * ("ik werk als jeugdbeschermer bij een GI in drenthe. wat is een spoedberaad?"): those sentences,
 * and the rest from the first that does not introduce (a case told before the question stays with
 * the question: "ik werk in een wijkteam. gezin zit vrijwillig in de hulp. wie heeft …?").
 * Undefined for any other message, for an introduction joined to its question by a colon ("ik
 * ben huisarts: bestaat er een app …?"), where the role often belongs to the question, and for a
 * question that points back into it.
 */
export function introductionBeforeQuestion(message: string): { introduction: string; question: string } | undefined {
  const asks = message.indexOf("?");
  if (asks < 0 || !OPENS_WITH_INTRODUCTION.test(message)) return undefined;
  const sentences = message.slice(0, asks).split(/(?<=[.!])\s+/);
  let count = 1;
  while (count < sentences.length - 1 && GOES_ON_INTRODUCING.test(sentences[count]!)) count++;
  if (count >= sentences.length) return undefined;
  const introduction = sentences.slice(0, count).join(" ");
  const question = message.slice(message.indexOf(sentences[count]!, introduction.length));
  if (introduction.trim().split(/\s+/).length < INTRODUCTION_WORDS || POINTS_BACK.test(question)) return undefined;
  return { introduction, question };
}
