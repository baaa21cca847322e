/** Question words that open a second question inside one message ("..., en hoeveel ...?"). */
const ASKS = "wie|wat|hoe|wanneer|waar|welke|welk|hoeveel|waarom|sinds|vanaf";
const PREPOSITION = "in|met|bij|voor|uit|van|op|aan|naar|over|tot|onder|door|binnen|na";
const ASKS_SOMETHING = new RegExp(`\\b(?:${ASKS})\\b`, "i");
const OPENS_QUESTION = new RegExp(`^(?:(?:${PREPOSITION})\\s+)?(?:${ASKS})\\b`, "i");
const SECOND_QUESTION = new RegExp(`(?:,\\s*|\\s)(?:en|plus|ook)\\s+((?:(?:${PREPOSITION})\\s+)?(?:${ASKS})\\b.*)$`, "i");

/**
 * Verbs that open a yes/no question ("En doet Friesland ook mee?"): after a question mark, a
 * sentence that opens with one and ends in a question mark is a second question, not a remark.
 */
const YES_NO_VERBS = "doet|doen|is|zijn|heeft|hebben|kan|kun|kunnen|mag|mogen|moet|moeten|wordt|worden|geldt|gelden|gaat|gaan|komt|komen|klopt|zit|zitten|staat|staan|valt|vallen|werkt|werken|hoort|horen|blijft|blijven";
const YES_NO_OPENING = new RegExp(`^(?:${YES_NO_VERBS})\\b`, "i");

/** A chat message's sentences: split after ".", "!" or "?" and a space. */
export function chatSentences(message: string): string[] {
  return message.trim().split(/(?<=[.!?])\s+(?=\S)/);
}

/**
 * Whether a sentence after the message's first opens a question of its own ("en in groningen? hoe
 * gaat plaatsing daar?"); not one that only asks what is said there ("… ? wat staat daarover?").
 */
export function asksMoreAfterFirstSentence(message: string): boolean {
  return chatSentences(message)
    .slice(1)
    .some((sentence) => OPENS_QUESTION.test(sentence.trim()) && !ONLY_WHAT_IT_SAYS.test(sentence.trim()));
}

/** A question that only asks what a text says on the subject before: "wat staat daarover?", "wat zeggen ze erover?". */
const ONLY_WHAT_IT_SAYS = /^wat\s+(?:zegt|zeggen|staat|stelt|noemt|vindt|vinden)\b(?:\s+(?:ze|men|er|het|die|dat))*\s+(?:daar\s*(?:over|van|bij|in)|erover|ervan|hierover)\s*[?.!]*$/i;

/** A message's text up to its last question mark and what follows it ("wat is een INT? nooit van gehoord"); undefined without such a tail. */
export function afterLastQuestion(message: string): { question: string; tail: string } | undefined {
  const match = /^(.*\?)\s*([^?]+)$/s.exec(message.trim());
  return match ? { question: match[1]!.trim(), tail: match[2]!.trim() } : undefined;
}

/**
 * What a remark after the question denies ("… ? gewoon regulier, geen spoed", "… ? dus zonder
 * spoedmachtiging") is not asked for: the denied word is left out of the message as searched
 * (new-user try of the forty-seventh session: "spoed" pulled the knelpunten on emergency
 * authorisations above the route for a regular one). Only after the last question mark: inside a
 * question, "geen" is often what it asks about ("wat als er geen perspectief is?").
 */
export function withoutDeniedInRemark(message: string): string {
  const after = afterLastQuestion(message);
  if (!after || /\?/.test(after.tail)) return message;
  const tail = after.tail.replace(DENIED, " ").replace(/\s+/g, " ").replace(/^[\s,;.]+|[\s,;]+$/g, "");
  return tail === after.tail ? message : `${after.question} ${tail}`.trim();
}

/** "geen spoed", "niet met spoed", "zonder een spoedmachtiging", "dus niet de spoedroute". */
const DENIED = /(?<![\p{L}\p{N}])(?:geen|zonder|niet(?:\s+met|\s+via|\s+de|\s+het)?)\s+(?:een\s+)?[\p{L}\p{N}+-]+/giu;

/** A message that asks two things, split in its first question and the one after it. */
export interface QuestionParts {
  first: string;
  later: string;
}

/**
 * "wie zitten erin? en hoe vaak ...?" or "hoeveel professionals ..., en in hoeveel gemeenten?"
 * split in its two questions; undefined when it asks one thing. A remark after the question
 * ("hoor steeds dat ...") is not a second question.
 */
export function questionParts(question: string): QuestionParts | undefined {
  const byMark = /^(.*?\?)\s+(?=\S)(.*)$/s.exec(question);
  const afterMark = byMark && /\p{L}{2}/u.test(byMark[2]!) ? { first: byMark[1]!, later: byMark[2]! } : undefined;
  const split: { first: string; later: string; yesNo?: true } | undefined = afterMark ?? splitOnAnd(question);
  if (!split) return undefined;
  const later = split.later.replace(/^(en|plus|ook)\s+/i, "").replace(/[?\s]+$/, "").trim();
  const first = split.first.replace(/[,\s]+$/, "").trim();
  // After a comma, only when the first part asks something itself ("ik heb een jongere, en is er plek?" asks one thing).
  // After a question mark, one that opens with "en" asks too without a mark of its own ("… ? en
  // blijft het wijkteam dan betrokken": new-user try of the forty-fourth session, left out unmentioned).
  const yesNo = afterMark !== undefined ? (/\?\s*$/.test(split.later) || /^en\s/i.test(split.later.trim())) && YES_NO_OPENING.test(later) : split.yesNo === true && ASKS_SOMETHING.test(first);
  return later && first && (OPENS_QUESTION.test(later) || yesNo) ? { first, later } : undefined;
}

/**
 * A yes/no question after a comma and "en", up to the question mark that ends the message: "wat
 * is het verschil tussen gesloten en open jeugdhulp, en mag afzonderen nog?" (new-user try: the
 * second question went unanswered and unmentioned).
 */
const SECOND_YES_NO = new RegExp(`,\\s*en\\s+((?:${YES_NO_VERBS})\\s+[^?]*\\?)\\s*$`, "i");
/**
 * The same without the comma, for a verb that cannot be read otherwise: "wat zijn de doelen voor
 * 2027 en doet friesland ook mee?" (new-user try: the first question was dropped without a word).
 * Not "zijn", which may be "his" ("wat moeten de jongere en zijn ouders doen?").
 */
const SECOND_YES_NO_BARE = new RegExp(`\\s+en\\s+((?:${YES_NO_VERBS.replace(/\|zijn\b/, "")})\\s+[^?]*\\?)\\s*$`, "i");

function splitOnAnd(question: string): { first: string; later: string; yesNo?: true } | undefined {
  const asked = SECOND_QUESTION.exec(question);
  if (asked) return { first: question.slice(0, asked.index), later: asked[1]! };
  const yesNo = SECOND_YES_NO.exec(question) ?? SECOND_YES_NO_BARE.exec(question);
  return yesNo ? { first: question.slice(0, yesNo.index), later: yesNo[1]!, yesNo: true } : undefined;
}
