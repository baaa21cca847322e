import { createHash } from "node:crypto";
import type { ConversationAddress } from "../../bot/incoming.js";
import type { SourceCitation } from "../../bot/reply.js";
import { redactPersonalData, withoutFindings } from "../../privacy/personalData.js";
import { type KeyValueStore, storeKey } from "../../stores/keyValueStore.js";
import { QUOTED_ITEM, quoteBlocks, quoteLines } from "./citations.js";
import { termAsked } from "./definitionAsked.js";
import { questionParts } from "./questionParts.js";
import { type ShortQuote, shortestQuote } from "./shorterAnswer.js";

/**
 * A message that goes on from the one before it instead of standing alone: it opens with a
 * connective or asks "and what about …" ("en als het gewoon vrijwillige hulp is?", "en bij een
 * OTS?", "hoe zit het dan met pleegzorg?"), and it is short. On its own it names too little to
 * find its passage (new-user tries: "en als het vrijwillige hulp is?" was answered from another
 * document, although the previous reply held the answer).
 */
const GOES_ON = /^\s*(?:en|maar|of|ook|dus|wat\s+als|hoe\s+zit\s+(?:het|dat)|geldt\s+(?:dat|dit)\s+ook)\b/i;
/** A longer message says enough to stand on its own, even when it opens with "en"… */
const MAX_FOLLOW_UP_WORDS = 10;
/**
 * … unless it points back at what was asked before ("En wat moet er dan tegen die tijd allemaal
 * geregeld zijn …?" after "wanneer moet dat gebeurd zijn?"; new-user try).
 */
const MAX_POINTING_BACK_WORDS = 25;
const POINTS_BACK = /\b(?:dan|daar\w*|hier\w*|dat|dit|deze|die|zo'n|zulke)\b/i;
/**
 * A short question without a connective still goes on from the previous one when it speaks of
 * "that" as a thing of its own: "dit" or "dat" at its end, before a verb or before "in", "bij" …
 * ("wie betaalt dat?", "hoe is dit geregeld in regio utrecht?", "hoe pakken ze dit in twente
 * aan?"), "die" or "deze" at its end ("wie stelt die op dan?"), or "daarover", "hiervoor" (new-user
 * tries: such questions were answered on "geregeld" or "Twente" alone). Not "dat" that opens a
 * clause ("klopt het dat de plekken verdwijnen?"), nor "die" that does ("jongeren die …").
 */
const SPEAKS_OF_THAT = [
  // "dit"/"dat" at the end, or before a verb or a preposition; not after "het", "zegt", "weet" …
  // An infinitive that ends the question takes it as its object: "hoe willen ze dat bereiken?",
  // "wie gaat dat betalen?" (new-user try: answered on "bereiken" alone).
  /(?<!\b(?:het|zegt|zeggen|denk|weet|lees|hoor)\s+)\b(?:dit|dat)(?=(?:\s+(?:dan|nou|nu|eigenlijk|precies|ook|wel|allemaal))*(?:\s*[?.!]*\s*$|\s+(?:ge\w+[dtn]|is|zijn|wordt|worden|was|werd|gaat|moet|kost|duurt|geldt|betekent|werkt|in|bij|voor|buiten|elders)\b|\s+\p{L}{2,}en(?:\s+(?:dan|nou|eigenlijk|precies))?\s*[?.!]*\s*$))/iu,
  // "die"/"deze" at the end, perhaps after a particle ("wie stelt die op dan?")
  /\b(?:die|deze)(?=(?:\s+(?:op|af|aan|in|uit|mee|door|voor|dan|nou|nu|eigenlijk|precies|ook|wel))*\s*[?.!]*\s*$)/i,
  // "daarover", "hiervoor" … and "ermee", "ervan" (new-user try of the thirty-eighth session: "wat
  // willen ze ermee bereiken" was read alone and refused); not "er" ahead of what it points to
  // ("hoe zorgen we ervoor dat …", "wat is erop tegen om …").
  /\b(?:daar|hier)(?:over|voor|mee|bij|in|van|aan|op|door)\b/i,
  /\ber(?:over|voor|mee|bij|in|van|aan|op|door)\b(?!.*\b(?:dat|om|of)\b)/i,
  // … split, as spoken Dutch does: "wie is daar verantwoordelijk voor?", "wat staat hier over in?"
  // … and where to go: "hoe kom ik daar terecht?", "hoe kom ik daar binnen?" (new-user try: not read as a follow-up)
  /\b(?:daar|hier)\b(?:\s+[\p{L}-]+){0,4}?\s+(?:over|voor|mee|bij|van|aan|op|door|uit|naar|tegen|terecht|heen|naartoe|binnen)(?:\s+in)?\s*[?.!]*\s*$/iu,
  // "dit"/"dat" as the subject right after the question word and its verb, followed by an adverb
  // or a short predicate: "waarom is dat zo veel?", "waarom gebeurt dat niet?", "waarom is dat een
  // probleem?" (new-user try: refused as off-topic after the answer it asked about), also with a
  // filler after it ("waarom is dat eigenlijk een probleem?", a later try), or a predicate that
  // ends the question ("wanneer moet dat klaar zijn?": three times taken as off-topic in a later
  // try). Not "wat is dat plan …", where "dat" goes with a noun and the question names its subject.
  /^\s*(?:(?:en|maar)\s+)?(?:waarom|hoe|wat|wanneer|waar|wie)\s+\p{L}+\s+(?:dat|dit)(?:\s+(?:eigenlijk|nou|dan|nu|precies))*\s+(?:(?:zo|zoveel|veel|weinig|er|niet|wel|ook|nog|al|echt|toch|erg|nodig)\b|een\s+\p{L}+\s*[?.!]*\s*$|\p{L}+\s+(?:zijn|worden|wezen)\s*[?.!]*\s*$)/iu,
];
/**
 * A question of its own after a comma, with the thing it asks about and nothing that points back:
 * "wat als het echt acuut is, hoe werkt een spoedmachtiging?" opens like a follow-up but asks
 * about a spoedmachtiging (new-user try: it was read with the question before and not answered).
 * "en als het vrijwillig is, wie heeft dan de regie?" still goes on from the one before.
 */
const OWN_QUESTION = /[,;:]\s*((?:hoe|wat|wie|waar|wanneer|welke?|waarom)\s+\p{L}+\s+(?:een|de|het)\s+\p{L}{4,}.*)$/iu;

/**
 * A question word with nothing to ask about ("hoe snel?", "hoe lang dan?", "waarom?", "en wie?"):
 * it can only ask about what was said before (new-user try: "hoe snel?" was answered on "snel").
 */
const BARE_QUESTION = /^\s*(?:en|maar)?\s*(?:hoe\s+(?:snel|lang|vaak|laat|dan|zo|precies)|wanneer|waarom|wie|waar|hoeveel|welke)(?:\s+(?:dan|precies|ongeveer|eigenlijk|nou|nu|zo))?\s*\?+\s*$/i;

/** A question word: a clause with one asks something. */
const QUESTION_WORD = /\b(?:wat|wie|hoe|waar|wanneer|welke?|waarom|hoeveel)\b/i;

/** At most this many words for such a question without a connective. */
const MAX_POINTING_WORDS = 10;
/**
 * A short question that ends in "dan" asks on from what was said ("stopt het wijkteam dan?", "wat
 * doe je dan?"; second new-user try of the thirty-fifth session: read alone, it was answered on
 * "stopt het geweld echt?").
 */
const ENDS_WITH_THEN = /\bdan\s*[?!.]*\s*$/i;
const MAX_THEN_WORDS = 6;
/**
 * The same "dan" further on in a short question: "kan de GI dan nog wel meedenken?", "wat is er
 * voor die groep dan nodig?" (new-user tries of the thirty-sixth session: read alone, they got a
 * sentence from the national plan and one on school). Not "dan" after a comparative ("meer dan
 * 6 weken", "anders dan", "ouder dan 18").
 */
const THEN_AFTER_SUBJECT = /^\s*\p{L}+\s+(?:[\p{L}+]+\s+){1,6}dan\b/iu;
const BEFORE_THAN = /\b(?:\p{L}+er|meer|minder|anders|ander|liever|eerder|later)\s+dan\b/iu;
const MAX_MID_THEN_WORDS = 8;

/**
 * Asks where the previous answer comes from ("waar staat dat precies?", "wat is de bron?", "uit
 * welk document komt dat?"): its sources say so, a new search does not (new-user try: "waar staat
 * dat precies?" was searched again and got other passages).
 */
const ASKS_FOR_SOURCE =
  /^\s*(?:(?:en|maar|ok[eé]?|oke|top|dank\w*)[,!]?\s+)?(?:waar\s+(?:staat|stond|lees|vind|zie)\s+(?:ik\s+|je\s+|jij\s+)?(?:dat|dit|het|die|deze)\b|waar\s+(?:heb|haal)\s+(?:je|jij)\s+(?:dat|dit|het)\s+(?:van)?daan|wat\s+(?:is|was)\s+de\s+bron\b|welke\s+bron(?:nen)?\s*\??\s*$|(?:uit|in)\s+welke?\s+(?:document|stuk|plan|bron|hoofdstuk|paragraaf)\s+(?:komt|staat|stond|kwam)\s+(?:dat|dit|het)\b|bron(?:nen)?\s*\?)/i;
/** Longer than this, a message asks something of its own. */
const MAX_SOURCE_QUESTION_WORDS = 10;

/**
 * A word that takes in the answer before the message goes on ("ok, en in groningen en drenthe
 * dan?", "top, en bij een OTS?"): with its comma or stop it says nothing about what is asked.
 */
const ACKNOWLEDGEMENT = /^\s*(?:ok(?:[eé]e?|ay)?|oké|okee|prima|top|helder|duidelijk|super|mooi|fijn|goed|thanks|bedankt|dank\s*(?:je|u)(?:\s*wel)?|ja|nee|aha|ah|oh|hm+|mm+|nou)\s*[,.!]+\s*/i;

/**
 * A greeting in front of a question ("hoi, wat houdt die nieuwe werkwijze … in?", "hallo wat is
 * een spoedberaad?"): with a comma or stop, or before a question word.
 */
const GREETING = /^\s*(?:hoi|hallo|hey|hee|hi|hai|hello|goedemorgen|goedemiddag|goedenavond|goeiemorgen|goeiemiddag|dag)(?:\s+(?:allemaal|wegwijs))?(?:\s*[,.!]+\s*|\s+(?=(?:wat|wie|hoe|waar|wanneer|welke?|waarom|hoeveel|kan|kun|kunt|mag|moet|is|zijn|klopt)\b))/i;

/**
 * Words that open a new topic ("los daarvan: welke stappen heeft casusregie in rijnmond?", "ander
 * onderwerp. wat zegt …"): the message does not go on from the one before (second new-user try of
 * the thirty-seventh session: "daarvan" made it a follow-up, refused with the question before it).
 */
const NEW_TOPIC = /^\s*(?:los\s+daarvan|(?:een\s+|even\s+|dan\s+)?(?:ander|nieuw)\s+onderwerp|(?:even\s+|dan\s+)?iets\s+anders|(?:een\s+)?(?:nieuwe|andere)\s+vraag)\s*[:,.!;-]+\s*/i;

/**
 * "nee ik bedoel …", "ik bedoel:": the asker says again what they asked, in other words (new-user
 * try of the thirty-eighth session: "nee ik bedoel wat willen ze ermee bereiken" was searched on
 * "bedoel"). What follows is read with the question before it ("nee, ik bedoel de regiovisie"),
 * unless it stands alone ("ik bedoel: wat is een spoedberaad?"; see AskHandler.question).
 */
const CORRECTION = /^\s*(?:nee\s*[,.!]?\s*)?(?:ik\s+bedoel(?:de)?|bedoel(?:de)?\s+ik)\b(?:\s+eigenlijk)?\s*[:,.!]?\s*(?=\S)/i;

/**
 * The message without an acknowledgement or greeting in front: read on its own, "ok, en in
 * drenthe?" was no follow-up and got where the new way of working applies, and "hoi, wat houdt
 * die nieuwe werkwijze … in?" was not read as asking what the werkwijze is (new-user tries).
 */
export function withoutAcknowledgement(text: string): string {
  const rest = withoutGreeting(text).replace(ACKNOWLEDGEMENT, "").replace(CORRECTION, "").replace(NEW_TOPIC, "");
  return rest.trim() === "" ? text : rest;
}

/** The message without a greeting in front (see GREETING); a greeting alone stays. */
export function withoutGreeting(text: string): string {
  const rest = text.replace(GREETING, "");
  return rest.trim() === "" ? text : rest;
}

/** Whether the message says again, in other words, what the asker asked before (see CORRECTION). */
export function correctsPrevious(text: string): boolean {
  return CORRECTION.test(withoutGreeting(text).replace(ACKNOWLEDGEMENT, ""));
}

/** Whether the message asks where the previous answer comes from (see ASKS_FOR_SOURCE). */
export function asksForSource(text: string): boolean {
  return text.trim().split(/\s+/).length <= MAX_SOURCE_QUESTION_WORDS && ASKS_FOR_SOURCE.test(text);
}

const SCHEMA_VERSION = 3;
/** "dat servicepunt", "die werkwijze": a demonstrative and the noun it goes with. */
const NAMED_BY_DEMONSTRATIVE = /^\s*(?:dat|die|deze|dit)\s+\p{L}{5,}\b/iu;
/** The previous question is cut to this length before it is kept. */
const MAX_KEPT_CHARS = 400;

export function isFollowUp(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (BARE_QUESTION.test(text)) return true;
  if (words.length < 2) return false;
  // A message that asks two things points back inside itself ("wat is het OZJ en wie zitten
  // daarin?"; new-user try: it was read as a follow-up and refused).
  // Nor one whose first clause asks a question of its own: "die" in "wat is dat servicepunt,
  // wanneer schakel ik die in?" points at the servicepunt it names (third new-user try).
  const clauses = text.split(/[,;:]/);
  const asksEarlier = clauses.slice(0, -1).some((clause) => QUESTION_WORD.test(clause));
  if (!GOES_ON.test(text)) {
    const pointsBack =
      SPEAKS_OF_THAT.some((pattern) => pattern.test(text)) ||
      (words.length <= MAX_THEN_WORDS && ENDS_WITH_THEN.test(text)) ||
      (words.length <= MAX_MID_THEN_WORDS && THEN_AFTER_SUBJECT.test(text) && !BEFORE_THAN.test(text));
    return words.length <= MAX_POINTING_WORDS && !asksEarlier && pointsBack && questionParts(text) === undefined;
  }
  const own = OWN_QUESTION.exec(text)?.[1];
  // "het" before the participle that ends it is a pronoun ("…, wanneer moet het gestopt zijn?"), and
  // a first clause that points back goes on from before whatever follows ("en wat is daarvan de
  // planning, …"; first new-user try of the fortieth session: asked alone, it got other milestones).
  const opening = text.split(/[,;:]/)[0]!;
  if (own !== undefined && !POINTS_BACK.test(own) && !IT_THEN_PARTICIPLE.test(own) && !POINTS_BACK.test(opening)) return false;
  // In its first clause: a later one points at what the message itself named ("hoe zit het met de
  // machtiging voor gesloten plaatsing, wie vraagt die aan"; new-user try: read as a follow-up), or
  // a later question ("en wat wil het rijk met de gesloten jeugdzorg? en zit daar een jaartal aan
  // vast?"; new-user try of the forty-sixth session: read with the question before, both parts lost).
  const firstClause = words.slice(1).join(" ").split(/[,;:?]/)[0]!;
  // A demonstrative before the thing it names ("en dat servicepunt uit de route, wat doet dat
  // precies?") says what the message is about: it points back, but the message stands on its own
  // (third new-user try of the forty-sixth session: read with a question on a court form, refused).
  const namesItsThing = firstClause.replace(NAMED_BY_DEMONSTRATIVE, "");
  return words.length <= MAX_FOLLOW_UP_WORDS || (words.length <= MAX_POINTING_BACK_WORDS && POINTS_BACK.test(namesItsThing));
}

/**
 * Whether a follow-up says what it asks about without pointing back ("en wanneer ga ik naar het
 * expertteam ipv het servicepunt?"): read with the previous question it may only find that
 * answer again, read alone it may be answered (new-user try: it got "nothing new").
 */
export function mayStandAlone(text: string): boolean {
  // A question word and a thing it names ("wanneer … het expertteam"), not a condition on the
  // previous question ("en als er geen ots is?": new-user try, it was answered on its own).
  return QUESTION_WORD.test(text) && NAMES_A_THING.test(text.replace(IT_THEN_PARTICIPLE, "")) && !POINTS_BACK.test(text) && !SPEAKS_OF_THAT.some((pattern) => pattern.test(text));
}

/** An article and a noun: the message names what it asks about. */
const NAMES_A_THING = /\b(?:de|het|een)\s+\p{L}{4,}/iu;
/**
 * "het" before the participle that ends the question is a pronoun, not an article: "en wie heeft
 * het opgesteld?" points back at what was asked before (new-user try: it was read alone, and
 * milestone rows with "is opgesteld" answered).
 */
const IT_THEN_PARTICIPLE = /\bhet\s+\p{L}{0,5}ge\p{L}{2,}[dt]\s*[?!.]*\s*$/iu;

/** "en het expertteam?", "en de GI?": only another thing, named in one to three words. */
const ONLY_ANOTHER_THING = /^\s*(?:en|of)\s+(?:(?:de|het|een|dat|die|t|'t)\s+)?([\p{L}\d+\-/]+(?:\s+[\p{L}\d+\-/]+){0,2})\s*\?*\s*$/iu;
/** Words that make the phrase a question or a pointer, not a thing: "en dan?", "en waarom?", "en daar?". */
const NOT_A_THING = /^(?:dan|nu|verder|zo|waarom|hoe|wat|wie|waar|wanneer|welke?|daar\p{L}*|hier\p{L}*|er\p{L}*|dit|dat|die|deze|ook|nog|toch|niet|wel|ja|nee)$/iu;

/**
 * "en het expertteam?" after "wat doet het servicepunt precies?" asks that of the Expertteam: the
 * previous question with its term replaced (new-user try of the forty-seventh session: read as
 * both questions at once, it got the one line that names both). Undefined when the previous
 * question asks no term, or the follow-up names more than another thing.
 */
export function withTermSwapped(previous: string, followUp: string): string | undefined {
  const thing = ONLY_ANOTHER_THING.exec(followUp)?.[1];
  if (!thing || thing.split(/\s+/).some((word) => NOT_A_THING.test(word))) return undefined;
  const term = termAsked(previous);
  if (!term) return undefined;
  const at = previous.toLowerCase().lastIndexOf(term.typed.toLowerCase());
  if (at < 0) return undefined;
  return `${previous.slice(0, at)}${thing}${previous.slice(at + term.typed.length)}`;
}

/** The question as it is searched: the previous question with the follow-up after it. */
export function withPrevious(previous: string, followUp: string): string {
  const joined = /[?.!]\s*$/.test(previous) ? previous.trim() : `${previous.trim()}?`;
  return `${joined} ${followUp.trim()}`;
}

/**
 * The last standalone question per person and conversation, so that a follow-up can be read with
 * it. Kept briefly (minutes), without the personal data the privacy filter finds, and under a
 * hashed key; a follow-up never replaces it, so "en bij X?" and then "en bij Y?" both go on from
 * the same question.
 */
export class FollowUpMemory {
  constructor(
    private readonly store: KeyValueStore,
    private readonly ttlSeconds: number,
  ) {}

  get enabled(): boolean {
    return this.ttlSeconds > 0;
  }

  /**
   * Keeps the question, and a fingerprint of the answer's first quote (not the quote itself). A
   * question the documents did not answer (`answer` empty) is nothing to build on: it is kept as
   * refused, so a follow-up that points back at it ("en wie betaalt dat?") is not answered on its
   * own few words, and one that names its subject stands on its own (see AskHandler).
   */
  async remember(address: ConversationAddress, question: string, answer: string, sources: readonly SourceCitation[] = [], askedBack = false, askerRegion?: string, answerId?: string): Promise<void> {
    if (!this.enabled) return;
    const refused = answer.trim() === "" && !askedBack;
    // Without what the privacy filter finds, not replaced by a placeholder, which would be searched.
    const kept = withoutFindings(question, redactPersonalData(question).findings).slice(0, MAX_KEPT_CHARS).trim();
    if (kept === "") return this.store.delete(keyOf(address));
    const regionAndId = { ...(askerRegion ? { askerRegion } : {}), ...(answerId ? { answerId } : {}) };
    const value: KeptQuestion = refused
      ? { question: kept, lead: "", refused, ...regionAndId }
      : { question: kept, lead: leadPrint(answer), quotes: quoteBlocks(answer).map((block) => print(block.quote)), sources: [...sources], ...quotedIn(answer), ...(askedBack ? { askedBack } : {}), ...regionAndId };
    await this.store.set(keyOf(address), value, SCHEMA_VERSION, this.ttlSeconds);
  }

  /**
   * The sources and first quote of the latest answer, also when it answered a follow-up (which
   * does not replace the question it went on from): "waar staat dat?" and "kun je dat korter
   * zeggen?" ask about the answer just given.
   */
  async rememberSources(address: ConversationAddress, sources: readonly SourceCitation[], refused = false, answer = "", answerId?: string): Promise<void> {
    const kept = await this.previous(address);
    if (!kept) return;
    const { lastRefused: _before, shortest: _shortest, shown: _shown, quoteLines: _lines, answerId: _id, ...rest } = kept;
    await this.store.set(keyOf(address), { ...rest, sources: [...sources], ...(refused ? { lastRefused: true } : quotedIn(answer)), ...(answerId ? { answerId } : {}) }, SCHEMA_VERSION, this.ttlSeconds);
  }

  /**
   * Where the asker said they work, from a message that said only that ("ik zit in rijnmond"): kept
   * with the question before it, or alone (no question to go on from) until a question comes.
   */
  async rememberRegion(address: ConversationAddress, askerRegion: string): Promise<void> {
    if (!this.enabled) return;
    const kept = await this.previous(address);
    await this.store.set(keyOf(address), kept ? { ...kept, askerRegion } : { question: "", lead: "", askerRegion }, SCHEMA_VERSION, this.ttlSeconds);
  }

  async previous(address: ConversationAddress): Promise<KeptQuestion | undefined> {
    if (!this.enabled) return undefined;
    return this.store.get<KeptQuestion>(keyOf(address), SCHEMA_VERSION);
  }
}

/** The question a follow-up goes on from, and the fingerprint of the answer it got. */
export interface KeptQuestion {
  /** Empty when only the asker's region is kept (see rememberRegion): there is nothing to go on from. */
  question: string;
  lead: string;
  /** Fingerprints of each quote of the answer (not the quotes), to show a follow-up only what is new. */
  quotes?: string[];
  /** The latest answer's sources (document text, never the asker's): "waar staat dat?" lists them. */
  sources?: SourceCitation[];
  /** The reply asked which document was meant: a short next message names it. */
  askedBack?: boolean;
  /** The documents did not answer it: a follow-up that points back at it cannot be answered either. */
  refused?: boolean;
  /** The latest reply, to a follow-up, was a refusal: "waar staat dat?" has no source to show. */
  lastRefused?: boolean;
  /** The latest answer's first quote, shortened (document text, never the asker's): "kun je dat korter zeggen?" gets it. */
  shortest?: ShortQuote;
  /**
   * The documents' region where the asker said they work ("ik werk in wijkteam rotterdam":
   * "Rijnmond"), kept for the next questions of the conversation; a region name, nothing personal.
   */
  askerRegion?: string;
  /** The id the latest answer is stored under (a random id, nothing personal): "vertel eens meer" shows its other sources. */
  answerId?: string;
  /**
   * The latest answer's quotes (document text, never the asker's), at most SHOWN_CHARS: "vertel
   * eens meer" and "en als dat niet lukt?" go on in the passage after what they show.
   */
  shown?: string;
  /** The same quotes line by line with their citation number: "kan dat korter? alleen de datums" picks from them. */
  quoteLines?: Array<{ n: number; text: string }>;
}

/** How much of an answer's quotes is kept (see KeptQuestion.shown). */
const SHOWN_CHARS = 3000;

/** What is kept of an answer's quotes: its first quote shortened, and the quotes as shown. */
function quotedIn(answer: string): { shortest?: ShortQuote; shown?: string; quoteLines?: Array<{ n: number; text: string }> } {
  const shortest = shortestQuote(answer);
  const blocks = quoteBlocks(answer);
  const shown = blocks.map((block) => block.quote).join("\n").slice(0, SHOWN_CHARS);
  let chars = 0;
  const lines = blocks.flatMap((block) => quoteLines(block.quote).map((text) => ({ n: block.n, text }))).filter((line) => (chars += line.text.length) <= SHOWN_CHARS);
  return { ...(shortest ? { shortest } : {}), ...(shown !== "" ? { shown, quoteLines: lines } : {}) };
}

/**
 * The quotes of a follow-up's answer that the previous answer did not show, joined as an answer;
 * undefined when there are none, or when the previous answer's quotes were not kept. "en wanneer
 * moet dat klaar zijn?" read with its question leads with that question's quote again; a quote
 * after it may be what the follow-up asks (new-user try: it was all reported as "nothing new").
 */
export function newQuotes(answer: string, previous: KeptQuestion): string | undefined {
  if (!previous.quotes) return undefined;
  const shown = new Set(previous.quotes);
  const fresh = quoteBlocks(answer).filter((block) => !shown.has(print(block.quote)));
  return fresh.length > 0 ? fresh.map((block) => block.text).join("\n") : undefined;
}

/**
 * Whether an answer to a follow-up leads with the quote the previous answer led with, or shows
 * only quotes the previous answer showed, in another order: then the documents had nothing new
 * for it, and repeating the quotes would pass them off as an answer to the follow-up (new-user
 * tries: "en wanneer moet dat klaar zijn?" got the previous quotes; "wanneer moet dat gestopt
 * zijn?" got them reordered, without a date).
 */
export function answersAsBefore(answer: string, previous: KeptQuestion): boolean {
  if (answer.trim() === "") return false;
  if (leadPrint(answer) === previous.lead) return true;
  const blocks = quoteBlocks(answer);
  const shown = new Set(previous.quotes ?? []);
  return blocks.length > 0 && blocks.every((block) => shown.has(print(block.quote)));
}

/**
 * A fingerprint of an answer's first quote (up to its citation marker, a list with its lead-in
 * and first item, see print), without the marker's number, which may differ.
 */
function leadPrint(answer: string): string {
  const lead = answer.trim().split(/\s*\[\d{1,2}\]/)[0]!.trim();
  return lead === "" ? "" : print(lead);
}

/**
 * A quote's fingerprint: its lead-in and first item as shown, its further items in any order. A
 * list shown again with another item first answers something else; with only the items after the
 * first reordered (by what a follow-up read with its question adds) it shows nothing new.
 */
function print(text: string): string {
  const lines = quoteLines(text);
  const lead = lines.findIndex((line) => QUOTED_ITEM.test(line)) + 1 || lines.length;
  const shown = [...lines.slice(0, lead), ...lines.slice(lead).sort()];
  return createHash("sha256").update(shown.join("\n")).digest("base64url").slice(0, 22);
}

function keyOf(address: ConversationAddress): string {
  return storeKey("followup", address.surface, address.conversationId, address.threadId ?? "", address.userId);
}
