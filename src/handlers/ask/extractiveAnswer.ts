import { asksWhoIsIn, namesMembers } from "./actorAsked.js";
import type { Chunk, RetrievedPassage } from "../../knowledge/types.js";
import { foldText, wordTokens } from "../../knowledge/analysis/normalise.js";
import { rowCells } from "../../knowledge/tableRows.js";
import { containsAnswerType } from "../../knowledge/analysis/answerType.js";
import { openingQuote, REST_OF_LIST } from "./citations.js";
import { countedSetAsked, onlyNamesTheSet } from "./countedSetAsked.js";
import { termAsked } from "./definitionAsked.js";
import { questionParts } from "./questionParts.js";
import { documentText } from "./untrustedText.js";
import { ASKED, chunkLines, excerpt, isFootnote, isHeaderRow, type PassageLine, quotedLine, sentencesOf, shorten, subItemsOf, withoutSignature } from "./sentences.js";

export interface ExtractiveAnswer {
  /** Dutch answer text: the answer first, each quote once, followed by its citation marker [n]. */
  text: string;
  /** 1-based numbers of the passages quoted, in order of first use. */
  cited: number[];
  /** Per cited passage, the sentence quoted first (for the sources list). */
  quotes: Map<number, string>;
  /** Whether a well-scoring sentence has the kind of answer the question asks for. */
  hasExpectedType: boolean;
  /** The quoted text, plain (for checking what the answer covers). */
  quoted: string[];
  /**
   * The document lines quoted, each whole, even where only its best sentences are shown: what
   * another quote must not show again (a long list item cut two ways is still one item).
   */
  lines: string[];
  /** The best-scoring lines, best first (for diagnosis). */
  ranking: string[];
  /**
   * Lines of the cited passages that score well enough to be quoted, whether or not the word
   * budget left room: what the answer stands on when checking what the question is about.
   */
  eligible: string[];
}

/**
 * How a question is scored against text: the overall score, and which of the question's words
 * (by index) a text covers, with their weights. Without `covered`, an answer is one quote.
 */
export interface QuestionScorer {
  score(text: string, chunk?: Chunk): number;
  covered?(text: string, chunk?: Chunk): boolean[];
  /** The same, counting only the words as typed, not their compound parts or paraphrases. */
  coveredAsTyped?(text: string, chunk?: Chunk): boolean[];
  weights?: number[];
}

export interface ExtractiveOptions {
  /** How many top passages to take sentences from. */
  passages: number;
  /** How many quotes (a sentence, a list with its lead-in, a table row) at most. */
  maxQuotes: number;
  /** Items of a list quoted at most. */
  maxListItems: number;
  /** A further quote must score at least this share of the best sentence. */
  relativeFloor: number;
  /** How many of the best sentences may show the expected answer type. */
  typeWindow: number;
  /**
   * 1-based passage whose section the question names ("wat zegt principe G?"): the answer is
   * that section, read from the top, not its best-scoring sentences.
   */
  namedSection?: number;
  /** How a document is named (title, region): words a question uses to say which document. */
  documentNaming?: (documentId: string) => string;
  /** What a document is (`kind` in corpus.json: "actieplan", "regiovisie"), when known. */
  documentKind?: (documentId: string) => string;
  /** The question word (index into the scorer's words) that names what a "welke X" question asks for. */
  focus?: number;
  /**
   * The document the question clearly names, which of the question's words name it (per scorer
   * word), and whether the question asks what that document says ("volgens", "wat zegt …").
   */
  namedDocument?: { id: string; words: boolean[]; asSource?: boolean };
  /** Which of the question's words (per scorer word) name a place it asks about ("in groningen/drenthe"). */
  placeWords?: boolean[];
  /**
   * Per scorer word: whether only the asker's introduction uses it. No further quote is added for
   * such a word ("wij zijn een wijkteam …. hoe vragen we een machtiging aan?" got a slide line on
   * "lokale teams" under the route's steps).
   */
  contextWords?: boolean[];
  /**
   * Per scorer word: whether it names an aspect of what is asked about ("de rol van het
   * servicepunt", "de taak van"), which a line describing that thing seldom repeats.
   */
  aspectWords?: boolean[];
  /**
   * How the later question of a two-part message scores a sentence: a long list item is cut to
   * the sentences that answer either question, so the item is shown once, not cut two ways.
   */
  laterScore?: (sentence: string, chunk?: Chunk) => number;
  /** The later question of a two-part message has a quote of its own: no further quote is added for it. */
  laterAnswered?: boolean;
  /**
   * The later question names little of its own and points back at the first ("… ? en waar gaan
   * die meestal over"): it asks more about the first part's subject, so its quote comes from a
   * document already quoted; a line from another that shares its one word answers something else.
   */
  laterPointsBack?: boolean;
  /** The question asks for a kind of answer (a figure, a date): a case story's figure is not it. */
  kindAsked?: boolean;
  /** Lines that are not to be quoted (already shown by the answer this quote joins). */
  exclude?: ReadonlySet<string>;
  /**
   * A section the question names by its title that consists of subsections (principles A-G),
   * cited as passage n: its subsection titles lead the answer as a list, unless the lead quote
   * already lists them.
   */
  outline?: { n: number; title: string; items: string[] };
  /** Weight of a sentence's score when read together with its section heading. */
  headingContext: number;
  /** Score bonus for a sentence that has the expected answer type. */
  typeBonus: number;
  /** A typed sentence must cover at least this share of what the best sentence covers. */
  typeFloor: number;
  /** A further quote is added when the quotes so far miss at least this share of the question's weight. */
  missingShare: number;
  /** Further quotes are added only while the answer stays within this many words. */
  wordBudget: number;
  /** Whether room left in the word budget is filled with the next-best sentences. */
  fillBudget: boolean;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  passages: 5,
  maxQuotes: 4,
  maxListItems: 12,
  relativeFloor: 0.4,
  typeWindow: 12,
  headingContext: 0.8,
  typeBonus: 0.15,
  typeFloor: 0.3,
  missingShare: 0.2,
  wordBudget: 70,
  fillBudget: true,
};

interface Candidate {
  n: number;
  index: number;
  own: number;
  /** What the line inherits from the one before it. */
  previous: number;
  score: number;
}

/** A quote: one or more lines of one passage shown together. */
interface Quote {
  n: number;
  indexes: number[];
}

/** A lead-in longer than this starts at the question's first word (measured: 100 and 200 the same). */
const LEAD_IN_CHARS = 150;
/** What cutting a lead-in's run-up must save at least, or it is shown whole. */
const RUN_UP_CHARS = 30;
/** A further quote most of whose words the answer already shows says it again. */
const REPEATED_SHARE = 0.7;

/** The longer words of a text, folded: what it says, for telling a repetition. */
function contentWords(text: string): string[] {
  return [...new Set(wordTokens(foldText(text)).filter((word) => word.length >= 5))];
}

/** A list item longer than this is shown by its best sentences (measured: 250 and 360 did worse). */
const ITEM_CHARS = 300;
/** Characters one quotation of running sentences shows at most; the rest is cut with "…". */
const PROSE_CHARS = 600;
/**
 * Sentence openings that point back at the sentence before, or give its examples ("Denk aan: ...";
 * measured: keywordHit q2 +0.005, answerWords d +1, nothing else moved). "Die behandeling ..." too
 * (measured: keywordHit q2 +.007, lead q2 +.008, answerWords check 68 → 69, nothing else moved on
 * nine sets; a demonstrative further into the sentence, "Als …, is deze hulp …": q −.018, c −.030).
 * A sentence that opens with "En" or "Maar" goes on from the one before ("Onderwerpen van conflict
 * zijn de contractvoorwaarden …" / "En het wederzijdse gebrek aan vertrouwen …"; measured: keywordHit
 * q2 +.005, lead b +.008, answerWords f +1, nothing else moved on nine sets; with "ook", "daarnaast",
 * "bovendien", "tevens" as well: lead e −.025). "Het betreft …" / "Het gaat om …" says what the
 * sentence before names ("… verenigd in de regiegroep." / "Het betreft een aantal bestuurders …";
 * measured: lead q2 +.004, nothing else moved on eleven sets).
 */
const REFERS_BACK = /^(hier|daar)(voor|bij|mee|door|om|naast|in|op|uit|van|na)\b|^(dit|deze|dat|die|zij|ze|hij|zo)\s|^(denk aan|bijvoorbeeld|zoals|namelijk)\b|^(en|maar)\s|^het (betreft|gaat (hier )?om)\b/i;
/**
 * A sentence whose subject is a personal pronoun ("Zij lopen een relatief groot risico …") says
 * who only in the sentence before ("… speciale aandacht voor jongeren vanaf 16 jaar nodig."): it is
 * quoted with it (new-user try). Not every sentence that points back (see the README's table).
 */
const OPENS_WITH_PERSON = /^(?:zij|ze|hij)\s/i;
/** "daarin", "hiervan" inside a line: it points at what the sentence before it names. */
const POINTS_BACK_INSIDE = /\b(?:daar|hier)(?:in|van|bij|voor|mee|naast|onder|uit|op|binnen)\b/i;
/**
 * A short sentence that only says someone has a role in something ("Ten tweede heeft de
 * casusregisseur een belangrijke rol in het afschalen."): what that role is follows in the next
 * sentence of its paragraph, which comes with it (new-user try: *wat is de rol … bij afschalen?*
 * got the announcement and two other lines on the role).
 */
const ONLY_NAMES_A_ROLE = /^.{0,40}\b(?:heeft|hebben|speelt|spelen|vervult|vervullen)\s+(?:\p{L}+\s+){1,4}(?:rol|taak|functie)\s+(?:in|bij)\b[^.;:]{0,40}\.$/iu;
/**
 * A sentence whose "daar" or "hier" stands alone near its start points at the sentence before ("Hoe
 * sterker we daar worden, …" after "Stoppen met gedwongen afzonderen begint met … ondersteuning";
 * new-user try of the forty-third session: quoted alone, it said nothing). Measured: keywordHit d
 * +.025, answerWords q and g −1, nothing else moved on twelve sets.
 */
const POINTS_BACK_BARE = /^(?:\S+\s+){0,3}?(?:we|wij|ze|zij|je)\s+(?:daar|hier)\s|^(?:daar|hier)\s/iu;
/** A sub-item is shown indented under its item, as markdown nests a list (web, Teams). */
const SUB_ITEM_INDENT = "  ";
/** A sentence this short rarely says enough on its own; its successor comes with it. */
const SHORT_SENTENCE = 60;
/** A sentence that announces examples with a colon ("Denk aan: …", "Bijvoorbeeld: …"). */
const EXAMPLES_FOLLOW = /\b(?:denk aan|bijvoorbeeld|zoals)\s*:/i;
/** A sentence that sums up ends an enumeration ("Kortom: een reeks maatregelen …"). */
const SUMS_UP = /^(?:kortom|dus|samengevat|al met al)\b/i;
/**
 * Longest sentence (in words) read as one more example of such an enumeration (measured:
 * keywordHit q2 +.005, answerWords c 61 → 62, nothing else moved on eleven sets; 20 the same,
 * 12 nothing).
 */
const EXAMPLE_WORDS = 15;
/**
 * A sentence this short right after the quote in its paragraph finishes what the quote says
 * ("Door een app te gebruiken weet de huisarts …" / "Dankzij de Beschikbaarheidswijzer.") and
 * comes with it (measured: keywordHit and lead q2 +.004, lead h +.025, answerWords e and f −1,
 * nothing else moved on ten sets; 40: answerWords check +1 and h unchanged; 60: keywordHit q −.018,
 * lead e −.025).
 */
const SHORT_NEXT = 50;
/** A runner-up scoring at least this share of the lead is quoted too: it may be the answer. */
const RUNNER_UP = 0.9;
/**
 * How much more of the question a line from another passage must hold itself to come before the
 * lead's runner-up (measured: 1.5 and 2 the same; without this, keywordHit h −.008).
 */
const CLEARLY_MORE = 1.5;
/** Share of the previous line's own score a line inherits (measured: 0.3 beat 0, 0.5 and 0.7). */
const PREVIOUS_WEIGHT = 0.3;
/** An answer shorter than this reads on in its paragraph when nothing else adds to it (30: c lost its gain). */
const READ_ON_WORDS = 45;
/**
 * Who asks and how ("wat moet ik …", "wat kunnen we …"): pronouns and modal verbs, which a heading
 * that asks the same question words its own way (new-user try: "wat moet ik als wijkteam vanaf
 * morgen anders doen?" under the slide "Wat kunnen we vanaf morgen anders doen?").
 */
const WHO_ASKS = new Set(["ik", "je", "jij", "u", "we", "wij", "ze", "zij", "hij", "men", "jullie", "moet", "moeten", "kan", "kun", "kunt", "kunnen", "mag", "mogen", "zou", "zouden", "wil", "willen"]);
/** Score for an item under a heading that asks the question itself (measured: no figure moved on eleven sets from 0.2 to 0.5). */
const RESTATED_BONUS = 0.3;
/** Share of a question's words a question heading must hold to ask the same. */
const RESTATED_SHARE = 0.6;
/** The same within the document the question names, of the words that do not name it (see restatesInDocument). */
const RESTATED_IN_DOCUMENT_SHARE = 0.5;
/** Words of a heading that count for whether a question holds it: not "we", "de", "in". */
const HEADING_WORD_CHARS = 4;
/**
 * Score for a line that names what a "welke X" question asks for (measured: lead q2 +.005, check
 * +.013, answerWords d 62 → 65, g 63 → 65, nothing else moved on nine sets; 0.1 moved only q2,
 * 0.3 cost check falseAbstain +.04 and keywordHit −.04).
 */
const FOCUS_BONUS = 0.2;
/** A table cell that only numbers or dates its row by reference: "3", "R en 6", "VGR 4". */
const REFERENCE_CELL = /^(?:[A-Za-z]{1,4}\s*)?\d{1,2}(?:\s*(?:en|,|\/|-)\s*(?:[A-Za-z]{1,4}\s*)?\d{1,2})*$|^[A-Z](?:\s+en\s+[A-Z\d]{1,2})?$/;

/**
 * For a question what a term is, each word of a typed line (one that spells the term out or
 * defines it) adds this much, up to INFORMATIVE_WORDS words (measured: no figure moved on eleven sets).
 */
const INFORMATIVE_WORD = 0.02;
const INFORMATIVE_WORDS = 25;

/**
 * A list titled as a sequence of steps ("Huidige route aanvraag machtiging", "Stappenplan"): its
 * order is what it says.
 */
const SEQUENCE = /\b(route|stappen|stappenplan|procedure|fasen|fases|volgorde)\b/i;
/**
 * "hoe kom ik aan een machtiging?", "hoe vraag ik die aan?", "hoe krijg ik …", "hoe regel ik …":
 * asks for the steps as much as a question that names them (new-user try of the forty-seventh
 * session: the knelpunten with "spoedmachtiging … i.p.v. een reguliere machtiging" came first).
 */
const HOW_TO_GET = /\bhoe\s+(?:kom\s+(?:ik|je|jij|we|wij|u)\s+(?:\S+\s+){0,4}?aan\b|krijg\s+(?:ik|je|jij|we|wij|u)\b|vraag\s+(?:ik|je|jij|we|wij|u)\s+(?:\S+\s+){0,5}?aan\b|regel\s+(?:ik|je|jij|we|wij|u)\b)/i;
/** A step that says which one it is ("Stap 2 – Het resultaat"), as a number does: it may lead its list. */
const SELF_LABELLED = /^(?:stap|fase|etappe)\s*\d/i;
/** Question words a list's title or lead-in must hold for a two-part question to name that list. */
const LIST_NAMED_WORDS = 2;

/** A sentence this short (in words) is a fragment of its paragraph; one this long is quoted whole with it. */
const FRAGMENT_WORDS = 4;
const SHORT_PARAGRAPH_WORDS = 60;

/**
 * A question for the way something is done: "hoe" with a verb, not "hoe lang / vaak / oud / laat /
 * veel / groot / hoog" (a quantity), or "op welke manier / wijze"; also after an introduction.
 */
const HOW_QUESTION = /(?:^|[,:?.]\s*)(?:hoe\s+(?!lang|vaak|oud|laat|veel|groot|hoog|snel|kijk|denk|sta|zie)\w+|op welke (?:manier|wijze))\b/i;
/** Words that name the means by which something is done ("via de POH GGZ Jeugd", "door te …"). */
const NAMES_MEANS = /\b(via|door middel van|door te|met behulp van|bijvoorbeeld)\b/i;
/**
 * Score for a line that names means, under a how-question (measured: keywordHit and lead q +.019,
 * c +.020, e +.025, nothing else moved on eleven sets, the same from 0.2 to 0.3; 0.4: keywordHit q
 * −.013; "door het / de / een", "in de vorm van", "doordat" as means too: keywordHit check −.04).
 */
const MEANS_BONUS = 0.3;

/** "wat zijn de doelen …", "welke knelpunten …": a question for several things of a kind. */
const SEVERAL_ASKED = /\b(?:wat\s+(?:zijn|waren)\s+de|welke)\s+(?:\p{L}+\s+)?\p{L}{3,}(?:en|s)\b/iu;
const LIST_ASKED_BONUS = 0.2;
/** Score for a list under a heading that names a route or steps, when the question asks for steps (see SEQUENCE). */
const STEPS_BONUS = 0.6;
/** Score taken from a sentence that names a set asked for by its count only (see countedSetAsked). */
const COUNT_ONLY_PENALTY = 0.2;

/** A why-question: it asks for a reason. */
const WHY_QUESTION = /\bwaarom\b/i;
/**
 * Words that give a reason or a cause ("Het werkt immers alleen als …", "omdat", "doordat"), or what
 * something leads to ("Verschillende CAO's leidt tot … een lager salarisniveau"; measured: keywordHit
 * g +.006, lead g +.007, nothing else moved on eleven sets).
 */
const NAMES_REASON = /\b(omdat|doordat|immers|vanwege|daardoor|oorzaak|reden|aanleiding|leidt|leiden|gevolg|gevolgen)\b/i;
/**
 * How much of the best line's share of the question a line with a date must hold to get the
 * condition's bonus under a bare "wanneer" ("wanneer worden de productcodes vereenvoudigd?" / "…
 * streefdatum 1 januari 2022", not the milestone that only names the project; set m: keywordHit and
 * lead +.024, nothing else moved on fifteen sets, the same from 0.6 to 0.8; 0.95: nothing).
 */
const DATED_WHEN_SHARE = 0.8;
/**
 * Score for a line that gives a reason, under a why-question, as for means under a how-question
 * (measured: keywordHit and lead check +.04, nothing else moved on eleven sets, the same from 0.2
 * to 0.3; 0.1: check −.04. With "want" as well: a "want" that explains a hedge ("In principe, want
 * …") led one question of check, net nothing; with "daarmee" and "zodat": no further gain).
 */
const REASON_BONUS = 0.3;

/**
 * A question that opens with "wanneer" and asks for no date or figure in so many words may ask
 * under which condition ("wanneer noem je een wachttijd schadelijk?"): a line with a conditional
 * clause ("Wachttijden zijn schadelijk als het welzijn …") is likelier its answer than one that
 * only repeats its words ("… terugdringen van schadelijke wachttijden").
 */
const WHEN_QUESTION = /^\s*wanneer\b/i;
/**
 * A question that is only a condition ("… de voorkeur? en als er geen pleeggezin in de buurt
 * is?"): it asks what holds then, which a line with a condition of its own ("Als er geen
 * pleegzorggezinnen in de nabijheid zijn, …") says more likely than one that shares its words
 * ("… school, sport en buurt …"; test of the thirty-seventh session). A clause after a comma
 * ("als …, moet er dan …?") is a question of its own.
 */
const ONLY_A_CONDITION = /(?:^|[?.!]\s+)(?:en\s+|maar\s+|of\s+)?(?:en\s+)?(?:wat\s+)?(?:als|indien|stel\s+dat)\s+[^?,.!]+\?\s*$/i;
/**
 * "wanneer", "indien", "zodra", "mits" opening a condition, and "als" when a clause follows (a
 * pronoun or article: "als het welzijn …"). Not "als" before a bare noun or "een", where it means
 * "as" ("gemeentes als opdrachtgever" led "wanneer verdwijnen de jz+ plekken?", "een
 * woonvoorziening als een gezinshuis" led "wanneer komt dat tariefmodel uit?", lead q2 −.007).
 */
const NAMES_CONDITION = /\b(?:als\s+(?:het|er|de|je|we|wij|ze|zij|hij|u|men|iemand)|wanneer|indien|zodra|mits)\b/i;
/**
 * Measured: keywordHit and lead b +.024, g +.020, nothing else moved on eleven sets, the same at
 * 0.4; 0.2 moved nothing. For "wanneer" anywhere in the question: keywordHit d −.025.
 */
const CONDITION_BONUS = 0.3;

/**
 * "wat doet het expertiseteam?", "wat doen de regionale expertteams?", "welke rol heeft …?", "wat is
 * de taak van …?": asks what something does.
 */
const WHAT_IT_DOES = /\bwat\s+(?:doet|doen|deed|deden)\b|\bwelke\s+(?:rol|taak|taken|functies?)\s+(?:heeft|hebben|speelt|spelen|vervult|vervullen)\b|\bwat\s+(?:is|zijn)\s+de\s+(?:rol|taak|taken|functies?)\s+van\b/i;
/** Words that name what something does: its functions, tasks or role. */
const NAMES_TASKS = /\b(?:functies?|taken|taak|rol(?:len)?|verantwoordelijkheden)\b/i;
/**
 * Words naming an aspect of a thing ("de rol van het servicepunt", "de taak van"): what a line
 * about that thing says, not words it holds (see ExtractiveOptions.aspectWords).
 */
export const ASPECT_WORDS: ReadonlySet<string> = new Set(["rol", "rollen", "taak", "taken", "functie", "functies"]);
/**
 * Score for a lead-in that announces the functions or tasks of what a "wat doet X?" question names
 * ("Het expertiseteam heeft de volgende functies:"), with its list: the answer, more than a line
 * that describes X ("Het expertiseteam kijkt met een integrale blik …"; new-user try). Measured: no
 * figure moved on eleven sets.
 */
const TASKS_BONUS = 0.3;

/**
 * Score for a line that says who something is made of, under a question who is in it (see
 * asksWhoIsIn), as for a reason under a why-question (new-user try:
 * "en wie zitten daar dan in?" after the Rijnmond expertiseteam got the national line on the CCE;
 * measured: no figure moved on eleven sets).
 */
const MEMBERS_BONUS = 0.3;

/** A section that tells one child's story: "Casus", "Een voorbeeld uit de JeugdzorgPlus", "Voorbeeld". */
const CASE_STORY_HEADING = /^(?:casus|casusbeschrijving|(?:een\s+)?voorbeeld)\b/i;
/**
 * What a line of a case story loses, unless the question asks about the story (measured: no figure
 * moved on eleven sets from 0.2 to 0.4, nor on fifteen from 0.3 to 2; new-user tries: the story of a
 * girl of 15 led "waarom vinden ze dat groepsleiders meer moeten verdienen?" on "groepsleiding" and
 * "verdient", and at 0.3 still "… en waar komt ze dan terecht, welke instelling?" with "… komt ze
 * terecht in een JeugdzorgPlus instelling. Daar snijdt ze in haar arm …"; now refused).
 */
const CASE_STORY_PENALTY = 1;

/** Whether a question asks about a case story: it says so, or names someone the story names ("Ferdi"). */
function asksAboutStory(question: string, story: string): boolean {
  if (/\b(casus|voorbeeld|verhaal)\w*/i.test(question)) return true;
  const names = [...question.matchAll(/(?<![.!?:]\s|^)\b(\p{Lu}\p{Ll}{2,})\b/gu)].map((m) => m[1]!);
  return names.some((name) => new RegExp(`\\b${name}\\b`, "u").test(story));
}

/**
 * What a line of another document loses when the question asks what the named document says
 * (measured: no figure moved on eleven sets at 0.2 to 1; from 0.8 both new-user questions were
 * answered from the document they named).
 */
const OTHER_SOURCE_PENALTY = 1;

/** A further line from a document not yet quoted holds at least this many of the question's words. */
const OTHER_DOCUMENT_WORDS = 2;

/** Score per step up in retrieval rank: the lead should come from the best passage. */
const RANK_WEIGHT = 0.2;

/**
 * Answers without a language model. The sentence that answers best leads, quoted with what
 * belongs to it (the list it introduces, the list it is part of with its lead-in, a table row
 * with its header, the sentence that continues it). A second or third quote follows only when
 * the question asks two things or words of the question are still missing.
 */
export function extractiveAnswer(
  passages: RetrievedPassage[],
  scorer: QuestionScorer | ((sentence: string, chunk?: Chunk) => number),
  hasType?: (sentence: string) => boolean,
  options = DEFAULT_EXTRACTIVE,
  question = "",
): ExtractiveAnswer {
  const q: QuestionScorer = typeof scorer === "function" ? { score: scorer } : scorer;
  const linesOf = new Map<number, PassageLine[]>();
  const candidates: Candidate[] = [];
  const focusedCandidates = new Set<Candidate>();
  const storyCandidates = new Set<Candidate>();
  const twoParts = questionParts(question) !== undefined;
  const laterPointsBack = options.laterPointsBack === true;
  const asksHow = HOW_QUESTION.test(question);
  const asksWhy = WHY_QUESTION.test(question);
  const asksForSeveral = SEVERAL_ASKED.test(question);
  const askedPerPart = wordsAskedPerPart(question);
  const asksWhen = (WHEN_QUESTION.test(question) && !options.kindAsked) || ONLY_A_CONDITION.test(question);
  const asksWhatItDoes = WHAT_IT_DOES.test(question);
  const asksSteps = SEQUENCE.test(question) || HOW_TO_GET.test(question);
  const whoIsIn = asksWhoIsIn(question);
  const countedSet = countedSetAsked(question);
  const read = passages.slice(0, options.passages);
  const passageLines = read.map((passage) => chunkLines(passage.chunk));
  const listsTheSet =
    countedSet !== undefined && passageLines.some((lines) => lines.some((line, i) => announces(line.text) && lines[i + 1]?.kind === "item" && foldText(line.text).includes(countedSet.noun)));
  // A question heading restates the question also once the words that name the passage's document
  // (title, region) and the places the question gives are set aside, when the question names that
  // document or its region: "Wat moeten we organiseren?" in the Groningen/Drenthe werkwijze
  // restates "wat moet de regio nog organiseren volgens de nieuwe werkwijze in groningen en
  // drenthe?" ("organiseren" of "regio, organiseren"; new-user tries of the forty-sixth session:
  // its line "De nieuwe werkwijze heeft … betrekking op de jeugdhulpregio Groningen en Drenthe" led).
  const questionWords = new Set(wordTokens(foldText(question)));
  const restatesInDocument = (text: string, chunk: Chunk): boolean => {
    if (!text.endsWith("?") || !q.covered) return false;
    // The question holds most of what the heading asks with, small words too: "wat is het weer
    // morgen in groningen?" shares "morgen" with "Wat kunnen we vanaf morgen anders doen?", not
    // "anders" or "doen".
    const headingWords = wordTokens(foldText(text)).filter((word) => word.length >= HEADING_WORD_CHARS && !WHO_ASKS.has(word));
    if (headingWords.length === 0 || headingWords.filter((word) => questionWords.has(word)).length < RESTATED_SHARE * headingWords.length) return false;
    const naming = q.covered(`${options.documentNaming?.(chunk.documentId) ?? ""}\n${options.documentKind?.(chunk.documentId) ?? ""}`, chunk);
    if (!naming.some(Boolean)) return false;
    const held = q.covered(text, chunk);
    const own = held.map((_, g) => !naming[g] && !options.placeWords?.[g] && !options.contextWords?.[g]);
    const asked = own.filter(Boolean).length;
    return asked > 0 && held.filter((has, g) => has && own[g]).length >= RESTATED_IN_DOCUMENT_SHARE * asked;
  };
  // Whether the heading of the n-th passage read restates the question, either way; once per passage.
  const restating = new Map<number, boolean>();
  const headingRestates = (n: number): boolean => {
    let value = restating.get(n);
    if (value === undefined) {
      const chunk = read[n - 1]?.chunk;
      const heading = chunk?.sectionPath.at(-1) ?? "";
      value = chunk !== undefined && (restates(heading, askedPerPart) || restatesInDocument(heading, chunk));
      restating.set(n, value);
    }
    return value;
  };
  read.forEach((passage, p) => {
    const lines = passageLines[p]!;
    linesOf.set(p + 1, lines);
    const heading = passage.chunk.sectionPath.at(-1) ?? "";
    const owns = lines.map((line) => q.score(line.text, passage.chunk));
    // The passage's section is titled with what a "welke X" / "wat was de X" question asks for.
    const storyOnly = CASE_STORY_HEADING.test(heading.replace(/^[\d.]+\s*/, "")) && !asksAboutStory(question, passage.chunk.text);
    const headingNames = options.focus !== undefined && heading !== "" && (q.covered?.(heading, passage.chunk)[options.focus] ?? false);
    lines.forEach((line, index) => {
      const own = owns[index]!;
      // The sentence after one that names what is asked often carries the answer ("Het betreft
      // ...", "Aanleiding? Een journalist ..."): it inherits part of its predecessor's score. Not
      // prose after a list: it does not go on from the last item ("De betrokkenheid van de GI ..."
      // outranked the item "bij ondertoezichtstelling ... bij de GI"; new-user try. Measured:
      // answerWords q 66 → 67, nothing else moved; not inheriting across paragraphs at all cost
      // keywordHit d −.025 and lead check −.04).
      const before = lines[index - 1];
      // Nor an item from the last item of another list, or from the item before a break in its own
      // (slides break a numbered list with a bare "-": item 4 outranked item 3 on item 3's words;
      // new-user try. Measured: no figure moved).
      const inherits = before !== undefined && !(line.kind === "sentence" && before.kind !== "sentence") && !(line.kind === "item" && before.kind === "item" && (before.block !== line.block || line.paragraph > before.paragraph + 1));
      const previous = inherits ? PREVIOUS_WEIGHT * owns[index - 1]! : 0;
      // A sentence that shares nothing with the question or its predecessor is never an answer,
      // unless it is an item of the list under a heading that asks the question itself (a slide
      // "Wat kunnen we vanaf morgen anders doen?" and its bullets; new-user try: that very
      // question was refused as off-topic). Not a heading that shares one word ("wat is het weer
      // morgen?"). Measured: no figure moved on nine sets.
      // The lead-in of that list too ("Waar werken we naar toe?" / "In 2027:" / its items): the
      // list's own date lost to "Half 2027 …" on another slide (new-user try of the forty-second session).
      const asksForList = (line.kind === "item" || (announces(line.text) && lines[index + 1]?.kind === "item")) && headingRestates(p + 1);
      // Nor is one, unless it opens a section titled with what a "wat was de X" question asks for
      // ("Aanleiding" / "Oproep van wethouder Molema …"; third new-user try).
      if (own <= 0 && previous <= 0 && !asksForList && !(headingNames && index === 0)) return;
      if (options.exclude?.has(line.text)) return;
      // A question the document asks is an answer only with the sentence that answers it.
      const next = lines[index + 1];
      if (ASKED.test(line.text) && !(next && next.kind === "sentence" && readsOn(line, next))) return;
      // A lead-in whose list is not in the passage ("de volgende acties:" at its end) says nothing
      // (measured: no figure moved on seven sets).
      if (isBareLeadIn(lines, index)) return;
      // A table's header row says nothing by itself ("Subdoel; Mijlpalen; Vervolgstappen"): its
      // rows are read with it instead.
      if (isHeaderRow(lines, index)) return;
      // Nor does a caption, first quote or not, unless it holds every word of the question or is a
      // signature (name, role): a word-cloud cell on a slide ("Voorlopige machtiging als norm") led
      // "wie beslist over een spoedmachtiging?" (measured: no figure moved on eleven sets).
      if (isBareCaption(lines, index) && !(q.covered?.(line.text, passage.chunk).every(Boolean) ?? true)) return;
      // Read under its heading (and a row under its table's header), a line may answer more.
      const header = line.kind === "row" ? lines.find((other) => other.block === line.block) : undefined;
      const context = header && header !== line ? `${heading}\n${header.text}` : heading;
      const underHeading = options.headingContext * q.score(`${context}\n${line.text}`, passage.chunk);
      // Earlier passages are a little more trustworthy: retrieval already weighed them.
      // "Welke kernideeën …": a line that names the kind of thing asked for is likelier the answer
      // than one that only shares the question's other words ("Als hoogleraar … onderzoekt Arne Popma …").
      const focused = options.focus !== undefined && (q.covered?.(line.text, passage.chunk)[options.focus] || headingNames) ? FOCUS_BONUS : 0;
      // A how-question ("hoe wil de regio huisartsen ondersteunen …?") asks by what means: a line
      // that names one ("Dit doen we bijvoorbeeld via de POH GGZ Jeugd …") is likelier its answer.
      // A why-question the same way: a line that gives a reason ("Het werkt immers alleen als
      // iedereen voelt dat dit een gezamenlijk plan is.") is likelier its answer, and for a
      // "wanneer" question that asks no date, a line with a condition (see WHEN_QUESTION).
      // Not a case story's line: its "omdat" tells why one child was moved ("Telkens werd ze
      // overgeplaatst omdat …"), not why the plan says what it says.
      const askedShape = (asksHow && own + previous > 0 && NAMES_MEANS.test(line.text) ? MEANS_BONUS : 0) + (asksWhy && !storyOnly && own + previous > 0 && NAMES_REASON.test(line.text) ? REASON_BONUS : 0) + (asksWhen && !storyOnly && own > 0 && NAMES_CONDITION.test(line.text) ? CONDITION_BONUS : 0) + (asksWhatItDoes && own > 0 && announces(line.text) && NAMES_TASKS.test(line.text) ? TASKS_BONUS : 0) + (whoIsIn && own > 0 && namesMembers(line.text) ? MEMBERS_BONUS : 0);
      // A case story ("Casus", "Een voorbeeld uit de JeugdzorgPlus") tells of one child in
      // everyday words that match many questions; it answers only a question about that story.
      const caseStory = storyOnly ? CASE_STORY_PENALTY : 0;
      // "wat zegt de voortgangsrapportage over …?" asks what that document says: its lines come
      // before another document's (new-user tries: the action plan answered, without a word).
      const otherSource = options.namedDocument?.asSource && passage.chunk.documentId !== options.namedDocument.id ? OTHER_SOURCE_PENALTY : 0;
      // An item under a heading that asks the question itself is its answer, more than a line
      // elsewhere that shares a word (new-user try: "wat moet ik als wijkteam vanaf morgen anders
      // doen?" got a school's story on "wijkteam", not the slide's list).
      const restated = asksForList ? RESTATED_BONUS : 0;
      // "wat zijn de doelen voor 2027?" asks for several things: a lead-in that announces a list
      // ("In 2027:") answers it better than one sentence with the same words ("Half 2027 zijn de
      // plekken afgebouwd"; new-user try of the forty-second session).
      const listAnswers = asksForSeveral && own > 0 && announces(line.text) && lines[index + 1]?.kind === "item" ? LIST_ASKED_BONUS : 0;
      // "welke vijf veranderopgaven …?": a sentence that names the set only by its count ("De vijf
      // veranderopgaven komen … aan bod.") points at the answer; the lead-in of the list that gives
      // them is it (question set k: the pointer led, the list came second; measured: lead k +.012,
      // nothing else moved on thirteen sets, the same at 0.4).
      // Only beside a list that gives it: where no passage lists the set, those sentences are all
      // there is, and the answer says so (see countedSetAsked).
      const countOnly = listsTheSet && line.kind === "sentence" && !announces(line.text) && onlyNamesTheSet(line.text, countedSet!) ? COUNT_ONLY_PENALTY : 0;
      // "welke stappen moet ik doorlopen voor een machtiging?": a list under a heading that names a
      // route or steps ("Huidige route aanvraag machtiging") answers it, more than an item elsewhere
      // that shares more of its words ("… met een spoedmachtiging … i.p.v. een reguliere machtiging";
      // second new-user try of the forty-fifth session). Measured: keywordHit b +.024, lead b +.016,
      // nothing else moved on fourteen sets; at 0.2 and 0.4 the same, without that question answered.
      const steps = asksSteps && own + previous > 0 && (line.kind === "item" || (announces(line.text) && lines[index + 1]?.kind === "item")) && SEQUENCE.test(heading) ? STEPS_BONUS : 0;
      const score = steps + Math.max(own, underHeading) + previous + 0.3 * passage.coverage + RANK_WEIGHT * (options.passages - p) + focused + askedShape + restated + listAnswers - caseStory - otherSource - countOnly;
      const candidate = { n: p + 1, index, own, previous, score };
      candidates.push(candidate);
      if (focused > 0) focusedCandidates.add(candidate);
      if (storyOnly) storyCandidates.add(candidate);
    });
  });
  const lineText = (n: number, index: number) => linesOf.get(n)?.[index]?.text ?? "";
  // A table row's reference cells ("Actielijn: 3", "Wanneer: VGR 4") number the row; they count
  // nothing. Only its other cells can hold the figure a question asks for (every milestone row
  // "had" a number, so the row with "€5 miljoen naar jaarlijks €10 miljoen" did not lead; measured:
  // lead q2 +.015, abstainRecall h .5 → .6, nothing else moved on eleven sets).
  const typeText = (n: number, index: number) => {
    const line = linesOf.get(n)?.[index];
    if (!line || line.kind !== "row") return line?.text ?? "";
    return rowCells(line.text).filter((cell) => !REFERENCE_CELL.test(cell)).join(" | ");
  };
  // What a line shows: a long list item is cut to its sentences that answer best, not to its
  // start (measured: the figure asked for was often past the cut); a long lead-in to its part
  // about the question. Worked out once per line.
  const shownLines = new Map<string, string>();
  const shownText = (n: number, index: number): string => {
    const line = linesOf.get(n)?.[index];
    if (!line) return "";
    const next = linesOf.get(n)?.[index + 1];
    // A long lead-in starts at what the question asks about (measured: lead q2 +.005, c +.006,
    // nothing else moved on seven sets; the same for every long sentence: keywordHit −.01..−.04).
    const longLeadIn = line.kind === "sentence" && line.text.length > LEAD_IN_CHARS && announces(line.text) && next !== undefined && next.kind !== "sentence";
    const longItem = line.kind === "item" && line.text.length > ITEM_CHARS;
    if (!(longLeadIn && q.covered) && !longItem) return line.text;
    const key = `${n}:${index}`;
    let text = shownLines.get(key);
    if (text === undefined) {
      const chunk = passages[n - 1]?.chunk;
      const later = options.laterScore;
      const score = (sentence: string) => Math.max(q.score(sentence, chunk), later?.(sentence, chunk) ?? 0);
      text = longItem ? excerpt(line.text, score, ITEM_CHARS, hasType) : fromFirstQuestionWord(line.text, q.covered!);
      shownLines.set(key, text);
    }
    return text;
  };
  // Between lines that score the same, the one whose best sentence holds more of the question:
  // its words stand together ("… komt de casusregie … bij de GI te liggen"), not in sentences
  // about other things ("… lokale infrastructuur … casusregie. … Veilig thuis of de GI kunnen …";
  // new-user try: the voluntary-help item led "wie heeft de casusregie als er een GI bij zit?").
  const together = new Map<Candidate, number>();
  const closeness = (c: Candidate) => {
    let value = together.get(c);
    if (value === undefined) {
      const text = lineText(c.n, c.index);
      const sentences = sentencesOf(text);
      value = sentences.length > 1 ? Math.max(...sentences.map((sentence) => q.score(sentence, passages[c.n - 1]?.chunk))) : c.own;
      together.set(c, value);
    }
    return value;
  };
  const byScore = (a: Candidate, b: Candidate) => b.score - a.score || closeness(b) - closeness(a);
  const ranked = [...candidates].sort(byScore);
  // Whether a list item holds a word of the question that its list's heading, lead-in and title
  // line do not: then the question asks for that item, not for the list (measured: requiring more
  // of the question than the heading and lead-in hold lost lead on q2, check and d). The title
  // keeps "hoe vraag ik een machtiging aan" from moving "Hulpvraag in kaart" above the route's
  // first step (new-user try; no figure moved). Numbered lists move too, their numbers shown:
  // keeping them in order cost lead q −0.037.
  const answersBeyondList = (n: number) => (item: number, intro: PassageLine | undefined) => {
    if (!q.covered) return true;
    const chunk = passages[n - 1]?.chunk;
    const lines = linesOf.get(n) ?? [];
    const title = listTitle(lines, item)?.text ?? "";
    // A list under a heading that restates the question is the answer as a whole: an item does not
    // leave it for a word of the question it holds by the way ("8. … beeld schetsen van regio …"
    // was quoted alone for "wat moet de regio nog organiseren …?"; measured: no figure moved).
    if (headingRestates(n)) return false;
    // A message that asks for a list by its name and then about one of its steps ("wat zijn de
    // stappen van de huidige route …? en wanneer stel ik een consultvraag …?") gets the list in
    // its order: the step's place in it is the answer to the second part.
    if (twoParts) {
      const name = title || (lineAboveBlock(lines, item) === undefined ? (chunk?.sectionPath.at(-1) ?? "") : "");
      // Named takes two of the question's words: a lead-in that shares one verb with the later
      // part ("Daar spreken we het volgende over af:" / "wat spreken VT en het wijkteam daarna af?")
      // is no name for the list (the item on "seksueel misbruik" stood fifth; measured: no figure moved).
      if (name !== "" && q.covered(name, chunk).filter(Boolean).length >= LIST_NAMED_WORDS) return false;
    }
    // An unnumbered list of steps keeps its order, with its title above it (see renderQuote): the
    // step that answers moved to the top read as the route's first step (new-user try: "kan ik als
    // huisarts zelf consult vragen bij het servicepunt?"; measured: no figure moved on eleven sets).
    if (lines[item]?.number === undefined && !SELF_LABELLED.test(lines[item]?.text ?? "") && SEQUENCE.test(`${chunk?.sectionPath.at(-1) ?? ""}\n${intro?.text ?? ""}\n${title}`)) return false;
    if (hasType && hasType(typeText(n, item)) && !hasType(`${chunk?.sectionPath.at(-1) ?? ""}\n${intro?.text ?? ""}\n${title}`)) return true;
    return wordsBeyondList(n)(item, intro).some(Boolean);
  };
  // The question's words a list item holds that its heading, lead-in and title do not.
  const wordsBeyondList = (n: number, asTyped = true) => (item: number, intro: PassageLine | undefined): boolean[] => {
    if (!q.covered) return [];
    const chunk = passages[n - 1]?.chunk;
    const lines = linesOf.get(n) ?? [];
    const title = listTitle(lines, item)?.text ?? "";
    const context = q.covered(`${chunk?.sectionPath.join("\n") ?? ""}\n${intro?.text ?? ""}\n${title}`, chunk);
    // The item's own words as typed: "Tijdige ambulante hulp" holds only a part of "jeugdhulp".
    const own = (asTyped ? (q.coveredAsTyped ?? q.covered) : q.covered)(lineText(n, item), chunk);
    return own.map((has, g) => has && !context[g]);
  };

  // Only a sentence that is itself about the question counts as having the answer type:
  // a figure in an unrelated sentence answers nothing.
  const bestOwn = Math.max(0, ...candidates.map((c) => c.own));
  // A bare "wanneer" may ask when as well as under which condition: among the lines that hold about
  // as much of the question as the best, one with a date gets the condition's bonus (see
  // WHEN_QUESTION). Not a line that shares a word or two ("… de jaarlijkse evaluatie … in het
  // voorjaar"): that would push a second quote into the answer.
  if (asksWhen && WHEN_QUESTION.test(question)) {
    for (const c of candidates) {
      if (c.own >= bestOwn * DATED_WHEN_SHARE && !storyCandidates.has(c) && containsAnswerType(typeText(c.n, c.index), "date")) c.score += CONDITION_BONUS;
    }
  }
  let typed = 0;
  const typedCandidates: Candidate[] = [];
  if (hasType) {
    const window = ranked.filter((c) => c.own > 0).slice(0, options.typeWindow);
    // Whether a line has that kind, read as it is quoted; worked out once per line (the window
    // and each passage's fallback ask it of the same lines).
    const holdsTypeOf = new Map<Candidate, boolean>();
    const holdsType = (c: Candidate): boolean => {
      let holds = holdsTypeOf.get(c);
      if (holds === undefined) holdsTypeOf.set(c, (holds = readsWithType(c)));
      return holds;
    };
    const readsWithType = (c: Candidate): boolean => {
      if (hasType(typeText(c.n, c.index))) return true;
      const lines = linesOf.get(c.n) ?? [];
      const next = lines[c.index + 1];
      // A lead-in is quoted with the list it introduces: that list may hold what is asked.
      const introduces = announces(lineText(c.n, c.index)) && next !== undefined && next.kind !== "sentence";
      // So is a question the document asks and answers with a list ("Meer weten over …? Neem
      // contact op met:" / the ministry, the e-mail address; see quoteAround).
      const afterNext = lines[c.index + 2];
      const answeredWithList = !introduces && next?.kind === "sentence" && announces(next.text) && lineText(c.n, c.index).endsWith("?") && afterNext !== undefined && afterNext.kind !== "sentence";
      const listed = introduces ? next : answeredWithList ? afterNext : undefined;
      // The question and its answering lead-in are quoted with the list, and say what it is about.
      const around = answeredWithList ? `${lineText(c.n, c.index)}\n${next!.text}\n` : "";
      if (listed && hasType(around + blockOf(lines, listed.block).map((i) => lines[i]!.text).join("\n"))) return true;
      // An item is quoted under its lead-in, which may hold what is asked: "In 2027:" above "Is voor
      // alle jongeren … een gedeelde verklarende analyse opgesteld" (new-user try: "wanneer moet de
      // gedeelde verklarende analyse klaar zijn?" was refused with that passage ranked first;
      // measured: no figure moved on eleven sets).
      const line = lines[c.index];
      const first = line?.kind === "item" ? blockOf(lines, line.block)[0] : undefined;
      const leadIn = first !== undefined && first > 0 && lines[first - 1]!.kind === "sentence" && announces(lines[first - 1]!.text) ? lines[first - 1]!.text : undefined;
      return leadIn !== undefined && hasType(leadIn);
    };
    const typedIn = (c: Candidate) => c.own >= bestOwn * options.typeFloor && holdsType(c);
    // When none of those has the kind of answer asked for, each passage's own best line is looked
    // at too: a long passage ranked first (a case story) must not crowd out the sentence with the
    // figure in the passage ranked fourth (measured: falseAbstain b .024→0, c .04→.02, e .05→.025;
    // keywordHit c +.02, e +.013; the rest unchanged. Always adding them: keywordHit e −.012).
    // Each passage's best line that has that kind, not its best line: a list of twenty milestones
    // filled the window, and the passage with "maximaal 6 jongeren" had a better line without a
    // figure (new-user try: a false refusal; measured: keywordHit f +.012, nothing else moved).
    if (!window.some(typedIn)) {
      for (let n = 1; n <= options.passages; n++) {
        const best = candidates.filter((c) => c.n === n && c.own > 0).sort((a, b) => b.own - a.own).find(typedIn);
        if (best && !window.includes(best)) window.push(best);
      }
    }
    for (const c of window) {
      if (c.own < bestOwn * options.typeFloor) continue;
      // A case story's figure or date is of one child ("op 14 verschillende plekken"): it answers a
      // question for a kind of answer only when that question is about the story.
      if (options.kindAsked && storyCandidates.has(c)) continue;
      const lines = linesOf.get(c.n) ?? [];
      const next = lines[c.index + 1];
      if (holdsType(c)) {
        c.score += options.typeBonus;
        typedCandidates.push(c);
        typed++;
      } else if (next && next.text.length <= 200 && hasType(next.text) && !candidates.some((o) => o.n === c.n && o.index === c.index + 1)) {
        // A heading-like line and the date or figure right under it ("Regiovisie ..." / "30 november 2020").
        const companion = { n: c.n, index: c.index + 1, own: c.own, previous: 0, score: c.score + options.typeBonus };
        candidates.push(companion);
        typedCandidates.push(companion);
        typed++;
      }
    }
  }
  ranked.splice(0, ranked.length, ...[...candidates].sort(byScore));

  const quotes: Quote[] = [];
  const used = new Set<string>();
  // Each quote appears once: a line already shown, or the same words elsewhere (a row repeated
  // in a table, a sentence repeated in another passage), is not shown again.
  const shownWords = new Set<string>();
  // The same words, also without their punctuation and spacing ("… naar 21 jaar." in a list, "…
  // naar 21 jaar" in a table cell; "Informatievoorziening" on one slide, "Informatie -voorziening"
  // on the next: the line was quoted twice; test of the thirty-seventh session).
  const wordsOf = (n: number, i: number) => lineText(n, i).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const freshIndexes = (quote: Quote) => {
    const seen = new Set<string>();
    const fresh = quote.indexes.filter((i) => {
      const words = wordsOf(quote.n, i);
      if (used.has(`${quote.n}:${i}`) || shownWords.has(words) || seen.has(words)) return false;
      seen.add(words);
      return true;
    });
    // A line that announces what follows is not left hanging when what it announces is already
    // shown ("… gevraagd om mee te werken aan het plan:" after the paragraph it introduces).
    while (fresh.length > 0 && announces(lineText(quote.n, fresh.at(-1)!))) fresh.pop();
    return fresh;
  };
  const take = (quote: Quote) => {
    const fresh = freshIndexes(quote);
    if (fresh.length === 0) return false;
    // A fragment of a few words that ends the paragraph right after the quote finishes it ("… in de
    // regio's Eemland, Lekstroom …" / "Dankzij de Beschikbaarheidswijzer."; new-user try: the app's
    // name was left out).
    const lines = linesOf.get(quote.n) ?? [];
    const last = lines[fresh.at(-1)!];
    const after = lines[fresh.at(-1)! + 1];
    if (last?.kind === "sentence" && after?.kind === "sentence" && after.paragraph === last.paragraph && after.text.split(/\s+/).length <= FRAGMENT_WORDS && !used.has(`${quote.n}:${fresh.at(-1)! + 1}`)) fresh.push(fresh.at(-1)! + 1);
    // Examples announced with a colon and written as short sentences ("Denk aan: het gesprek over
    // suïcidaliteit. Het terugdringen van separeren. Meer werken met het hele gezin …") are one
    // enumeration: quoted to its end, not cut after the first.
    if (fresh.some((i) => lines[i]?.kind === "sentence" && EXAMPLES_FOLLOW.test(lines[i]!.text))) {
      for (let i = fresh.at(-1)! + 1; i < lines.length; i++) {
        const next = lines[i]!;
        if (next.kind !== "sentence" || next.paragraph !== lines[fresh.at(-1)!]!.paragraph || next.text.split(/\s+/).length > EXAMPLE_WORDS || SUMS_UP.test(next.text) || used.has(`${quote.n}:${i}`)) break;
        fresh.push(i);
      }
    }
    fresh.forEach((i) => {
      used.add(`${quote.n}:${i}`);
      shownWords.add(wordsOf(quote.n, i));
    });
    quotes.push({ n: quote.n, indexes: fresh });
    return true;
  };

  let outline = options.outline;
  let outlineText: string | undefined;
  // The outline's words count against the budget: what follows it is shorter.
  let wordBudget = options.wordBudget;
  // A named section is read from the top, unless its best line lies further down: then the
  // question asks about that line, not about the section ("(zvdj actielijn 2) — welke organisatie
  // is gestopt als onderzoekspartner?" was answered with the section's goals. Measured: keywordHit
  // and lead q2 +.007, nothing else moved on ten sets).
  const namedLines = options.namedSection !== undefined ? (linesOf.get(options.namedSection) ?? []) : [];
  const fromTop = readFromTop(namedLines);
  const deeper = ranked[0] !== undefined && ranked[0].n === options.namedSection && !fromTop.includes(ranked[0].index);
  const named = deeper ? undefined : options.namedSection;
  if (named !== undefined) {
    take({ n: named, indexes: fromTop });
  } else if (ranked[0]) {
    // A how-many or when question gets the number or date first. A candidate whose quote shows
    // nothing (a lone item that only announces, "… regelt het volgende:") gives way to the next.
    // "wat is een INT?": of the lines that spell the term out, the one that says more about it
    // ("Versnelde toegang … door inrichten van een Integraal Netwerkversterkend Team (INT) waarbij …")
    // answers better than a heading-like one ("Ontwikkelen en inrichten … (INT)"; new-user tries).
    const asksWhatItIs = termAsked(question) !== undefined;
    const informative = (c: Candidate) => (asksWhatItIs ? INFORMATIVE_WORD * Math.min(lineText(c.n, c.index).split(/\s+/).length, INFORMATIVE_WORDS) : 0);
    const typedRank = new Map(typedCandidates.map((c) => [c, c.score + informative(c)]));
    // A lead-in whose list holds the figure or date asked for in one item ("Ontwikkelen van
    // kleinschaligheid …:" / "Maximaal 4 tot 6 personen, …") gives way to that item, which then
    // leads under it: the number first, as for any how-many question (new-user try of the
    // forty-ninth session: "hoe groot mogen de kleinschalige woonvormen …?" had it as the second of
    // seven items).
    const itemsWithType = new Set<Candidate>();
    const typedItem = (c: Candidate): Candidate => {
      if (!hasType || hasType(typeText(c.n, c.index))) return c;
      const lines = linesOf.get(c.n) ?? [];
      const line = lines[c.index];
      const next = lines[c.index + 1];
      const list = line?.kind === "item" ? line : announces(lineText(c.n, c.index)) && next?.kind === "item" ? next : undefined;
      if (!list) return c;
      // Read under its lead-in, which names what the figure is of ("Maximaal 4 tot 6 personen" holds no word of the question).
      const block = blockOf(lines, list.block);
      const intro = block[0] !== undefined && block[0] > 0 && announces(lines[block[0] - 1]!.text) ? lines[block[0] - 1]!.text : "";
      if (hasType(intro)) return c;
      const typedItems = block.filter((i) => lines[i]!.under === undefined && hasType(`${intro}\n${typeText(c.n, i)}`));
      if (typedItems.length !== 1) return c;
      const item = typedItems[0]!;
      const chosen = candidates.find((o) => o.n === c.n && o.index === item) ?? { n: c.n, index: item, own: c.own, previous: 0, score: c.score };
      itemsWithType.add(chosen);
      return chosen;
    };
    const typedFirst = [...typedCandidates].sort((a, b) => typedRank.get(b)! - typedRank.get(a)!);
    const ordered = [...typedFirst, ...ranked.filter((c) => !typedFirst.includes(c))];
    // A line in another document that holds only the words naming the document the question
    // names ("D Actieplan: De best passende zorg voor kwetsbare jongeren.") cites it: it says
    // where, not what, and leads last (new-user try; measured: keywordHit and lead b +.024,
    // nothing else moved on ten sets. Inside the named document too: keywordHit q −.019).
    const named = options.namedDocument;
    const citesTitle = (c: Candidate) => {
      const chunk = passages[c.n - 1]?.chunk;
      // In the named document too, when another line names what the question asks for ("wat was de
      // aanleiding …?": the line under "Aanleiding" leads, not "De nieuwe werkwijze heeft betrekking
      // op … Groningen en Drenthe"; measured with the two rules above: no figure moved on eleven sets).
      const elsewhere = chunk?.documentId !== named?.id || (focusedCandidates.size > 0 && !focusedCandidates.has(c));
      return named !== undefined && q.covered !== undefined && elsewhere && q.covered(lineText(c.n, c.index), chunk).every((has, g) => !has || named.words[g]);
    };
    // A line that holds only the places the question names ("De nieuwe werkwijze heeft betrekking
    // op de jeugdhulpregio Groningen en Drenthe.") says where, not what: it leads last too (new-user
    // try: it led "hoe loopt de plaatsingsroute voor jz+ in groningen/drenthe?").
    const places = options.placeWords;
    const onlyWhere = (c: Candidate) => {
      if (places === undefined || !places.some(Boolean) || q.coveredAsTyped === undefined) return false;
      // Read under its heading: the line under "Aanleiding" that names the region answers "wat was de aanleiding …?".
      const chunk = passages[c.n - 1]?.chunk;
      return q.coveredAsTyped(`${chunk?.sectionPath.at(-1) ?? ""}\n${lineText(c.n, c.index)}`, chunk).every((has, g) => !has || places[g]);
    };
    const citations = new Set(ordered.filter((c) => (named !== undefined && citesTitle(c)) || onlyWhere(c)));
    const leads = [...ordered.filter((c) => !citations.has(c)), ...citations];
    const asksOneThing = !twoParts;
    // A list item that, with its document's name, holds every word of a one-part question answers
    // it on its own: the rest of its list is padding. Not when the list's heading or lead-in is
    // needed for that ("welke knelpunten …": the question asks for the list), nor an item that
    // introduces items of its own ("De vijf thema's zijn:"). Measured: answerWords q, c, e −1,
    // check −3, d −4, nothing else moved; for two-part questions too: keywordHit g −0.010.
    const completeItem = (c: Candidate) => {
      if (!asksOneThing || !q.covered || linesOf.get(c.n)?.[c.index]?.kind !== "item" || announces(lineText(c.n, c.index))) return false;
      const chunk = passages[c.n - 1]?.chunk;
      const context = `${chunk ? (options.documentNaming?.(chunk.documentId) ?? "") : ""}\n${lineText(c.n, c.index)}`;
      const aspects = options.aspectWords;
      return q.covered(context, chunk).every((has, g) => has || aspects?.[g] === true);
    };
    const standsAlone = (c: Candidate) => (asksOneThing && typedFirst.includes(c) && hasType !== undefined && hasType(typeText(c.n, c.index))) || completeItem(c);
    // "Nu wordt dit weinig ingezet voor deze leeftijdsgroep" answers "voor welke leeftijdsgroep …?"
    // only with the sentence before it, which names the group (measured: keywordHit d +.013, h
    // +.017, i +.008, lead h +.017, i +.008, nothing else moved on eleven sets).
    const focus = options.focus;
    const pointsBack = (c: Candidate) => (text: string) =>
      focus !== undefined && q.covered !== undefined && [...text.matchAll(/\b(?:deze|die|dit|dat|zulke)\s+([\p{L}-]+)/giu)].some((m) => q.covered!(m[1]!, passages[c.n - 1]?.chunk)[focus]);
    // Such an item leads its list, and stands alone under its lead-in for a one-part question.
    const itemLeads = (c: Candidate) => (item: number, intro: PassageLine | undefined) => (itemsWithType.has(c) && item === c.index) || answersBeyondList(c.n)(item, intro);
    // Looked at only as each lead is tried: most answers take the first.
    const taken = (c: Candidate) => take(quoteAround(linesOf.get(c.n) ?? [], c, options, itemLeads(c), standsAlone(c) || (asksOneThing && itemsWithType.has(c)), pointsBack(c), wordsBeyondList(c.n, false), q.weights));
    let top = ranked[0];
    for (const lead of leads) {
      const c = typedItem(lead);
      if (taken(c)) {
        top = c;
        break;
      }
    }
    // A lead that already lists the subsections (a list in the text) needs no outline of them.
    if (outline && listsMostOf(quotes[0] ? quotes[0].indexes.map((i) => lineText(quotes[0]!.n, i)).join("\n") : "", outline.items)) outline = undefined;
    if (outline) {
      outlineText = `${outline.title.replace(/[:.]$/, "")}:\n${outline.items.map((item) => `- ${documentText(item)}`).join("\n")} [${outline.n}]`;
      wordBudget -= outlineText.split(/\s+/).length;
    }
    const best = top.score;
    const weights = q.weights;
    const covered = q.covered;
    if (weights && covered && weights.length > 0 && quotes.length > 0) {
      const total = weights.reduce((a, b) => a + b, 0);
      const meanWeight = total / weights.length;
      const chunkOf = (n: number) => passages[n - 1]?.chunk;
      const quotedDocument = (c: Candidate) => quotes.some((quote) => chunkOf(quote.n)?.documentId === chunkOf(c.n)?.documentId);
      // A quote stands for what its document is ("wat zegt het actieplan over separeren?": a line
      // of the actieplan holds "actieplan"); else a further line came in only because it writes the
      // word (first new-user try of the fortieth session). Not its title and region: keywordHit q
      // −0.003, lead q −0.010, c −0.010 (a place asked stayed missing and got its own line).
      const coveredBy = (quote: Quote) => {
        const chunk = chunkOf(quote.n);
        const naming = chunk ? (options.documentKind?.(chunk.documentId) ?? "") : "";
        const context = `${naming}\n${chunk?.sectionPath.join("\n") ?? ""}\n${quote.indexes.map((i) => shownText(quote.n, i)).join("\n")}`;
        return covered(context, chunk);
      };
      let have = coveredBy(quotes[0]!);
      // A second passage only when the question asks two things or the first quote's passage
      // (with its headings) lacks one of the question's words: otherwise fillers from elsewhere
      // answer a word of the question out of context (new-user tries: "extra quotes loosely
      // related"; measured: answerWords 1-3 lower on q, q2, d, e, f, g, no other figure moved).
      const firstChunk = chunkOf(quotes[0]!.n);
      const firstHasAll = !twoParts && firstChunk !== undefined && covered(`${firstChunk.sectionPath.join("\n")}\n${firstChunk.text}`, firstChunk).every(Boolean);
      const missingWeight = () => weights.reduce((sum, w, g) => sum + (have[g] ? 0 : w), 0);
      const twoThings = !options.laterAnswered && twoParts;
      // A filler must hold a word of the question that its document's name and its section's
      // headings do not: "De kracht van de regio Rijnmond ..." says only where it stands
      // (measured: answerWords q 67 → 65, d 69 → 68, nothing else moved on seven sets).
      const placeWords = new Map<number, boolean[]>();
      const saysMore = (c: Candidate) => {
        const chunk = chunkOf(c.n);
        let where = placeWords.get(c.n);
        if (!where) placeWords.set(c.n, (where = covered(`${chunk ? (options.documentNaming?.(chunk.documentId) ?? "") : ""}\n${chunk?.sectionPath.join("\n") ?? ""}`, chunk)));
        return covered(shownText(c.n, c.index), chunk).some((has, g) => has && !where[g] && !options.contextWords?.[g]);
      };
      const key = (c: Candidate) => `${c.n}:${c.index}`;
      // A line that would add only the place asked, which the lead's document is about already by
      // its name ("De kracht van de regio Rijnmond …" under the regiovisie Rijnmond's answer on
      // pleegzorg; two new-user tries of the forty-eighth session called it noise). Measured:
      // seven answers changed on eighteen sets, keywordHit and lead the same in each; answerWords
      // b 62 → 61, e 58 → 59 (another filler took its place).
      const firstNaming = firstChunk ? covered(options.documentNaming?.(firstChunk.documentId) ?? "", firstChunk) : [];
      const onlyANamedPlace = (gained: (g: number) => boolean) => weights.every((_, g) => !gained(g) || (options.placeWords?.[g] === true && firstNaming[g] === true));
      // Candidates whose quote did not fit the word budget are passed over, not retried.
      const tried = new Set<string>();
      // A fragment of a contact block or a list of names says nothing on its own: not a further quote.
      // A question the document asks is quoted for the sentence that answers it: once that sentence
      // is shown, the question alone adds nothing ("‘Hoe zorgen we ervoor dat kinderen helemaal niet
      // in de gesloten jeugdzorg belanden?’" after its answer; new-user try).
      const answeredQuestion = (c: Candidate) => ASKED.test(lineText(c.n, c.index)) && used.has(`${c.n}:${c.index + 1}`);
      // Worked out again only when a quote was taken: `open` is asked of every candidate on each round.
      let shown: { lines: number; words: Set<string> } | undefined;
      const shownWords = () => {
        const lines = quotes.reduce((sum, quote) => sum + quote.indexes.length, 0);
        if (shown?.lines !== lines) shown = { lines, words: new Set(quotes.flatMap((quote) => quote.indexes.flatMap((i) => contentWords(shownText(quote.n, i))))) };
        return shown.words;
      };
      const repeats = (c: Candidate) => {
        const words = contentWords(shownText(c.n, c.index));
        const shown = shownWords();
        return words.length > 0 && words.filter((word) => shown.has(word)).length >= REPEATED_SHARE * words.length;
      };
      const open = (c: Candidate) => !(firstHasAll && c.n !== quotes[0]!.n) && !used.has(key(c)) && !tried.has(key(c)) && !isFragment(linesOf.get(c.n)?.[c.index]) && !isTitleOrCaption(linesOf.get(c.n) ?? [], c.index) && !answeredQuestion(c) && !repeats(c);
      let spent = wordsIn(quotes[0]!, shownText);
      // How much of the question the lead itself holds: a filler must hold a fair share of that.
      const leadContent = top.own + top.previous;
      while (quotes.length < options.maxQuotes && spent < wordBudget) {
        const wanted =
          options.fillBudget ||
          missingWeight() >= options.missingShare * total ||
          // A second question gets its own quote, unless the first quote already holds all its words.
          (twoThings && quotes.length < 2 && missingWeight() > 0) ||
          ranked.some((c) => open(c) && c.score >= best * RUNNER_UP);
        if (!wanted) break;
        let pick: { c: Candidate; gain: number } | undefined;
        for (const c of ranked) {
          if (c.score < best * options.relativeFloor) break;
          if (!open(c)) continue;
          const got = covered(shownText(c.n, c.index), chunkOf(c.n));
          // A line from a document not yet quoted must add a fair share of the question, not one
          // common word ("aanbieders" in a list of who sits on a board; measured: keywordHit q and b
          // +.012, lead q +.013, b +.011, nothing worse on seven sets; the same at 0.15, at 0.25 q −.007),
          // and only its words that weigh at least the average count: "eruit" and "zien" from another
          // document are no reason to quote it (measured with the table rows in retrieval, see README).
          const otherDocument = !quotedDocument(c);
          const gained = (g: number) => got[g]! && !have[g] && (!otherDocument || weights[g]! >= meanWeight) && !options.contextWords?.[g];
          const gain = weights.reduce((sum, w, g) => sum + (gained(g) ? w : 0), 0);
          if (otherDocument && (laterPointsBack || gain < options.missingShare * total)) continue;
          // And hold two of the question's words itself: a line that shares one ("En dat gebeurde
          // alle daaropvolgende keren ook." for "wat moet er gebeurd zijn voordat …?", "In de
          // JeugdzorgPlus zitten kinderen …" for "… zorgen over een kind?") answers something else
          // (new-user try of the forty-ninth session: about half the answers had such a line;
          // measured: answerWords d 61 → 60, nothing else moved on eighteen sets).
          if (otherDocument && got.filter(Boolean).length < OTHER_DOCUMENT_WORDS) continue;
          if (gain > 0 && onlyANamedPlace(gained)) continue;
          if (gain > 0 && (!pick || gain > pick.gain * 1.5)) pick = { c, gain };
        }
        // The first line after the lead: a runner-up in the lead's own passage that scores nearly as
        // well often continues the answer ("Practice based is net zo belangrijk …" after the definition
        // of evidence based); it comes before a line that only adds a word of the question, unless
        // that line, from another passage, holds clearly more of the question itself.
        const continuation = quotes.length === 1 ? ranked.find((c) => open(c) && c.n === top.n && c.score >= best * RUNNER_UP) : undefined;
        if (continuation && (!pick || pick.c.n === continuation.n || pick.c.own * CLEARLY_MORE <= continuation.own)) pick = { c: continuation, gain: 0 };
        // A runner-up that scores nearly as well as the lead may be the actual answer.
        if (!pick) {
          const close = ranked.find((c) => open(c) && c.score >= best * RUNNER_UP);
          if (close) pick = { c: close, gain: 0 };
        }
        if (!pick && twoThings && quotes.length < 2 && missingWeight() > 0) {
          const next = ranked.find((c) => open(c) && c.score >= best * options.relativeFloor && c.n !== top.n && (!laterPointsBack || quotedDocument(c)));
          if (next) pick = { c: next, gain: 0 };
        }
        // Room left: the next-best sentence, which often holds the detail the lead leaves out, from
        // a document already quoted (measured: a filler from another document never added a
        // keyword on seven sets; it only answered a word of the question out of context).
        if (!pick && options.fillBudget) {
          const next = ranked.find(
            (c) => open(c) && c.score >= best * options.relativeFloor && c.own + c.previous >= leadContent * options.relativeFloor && quotedDocument(c) && saysMore(c),
          );
          if (next) pick = { c: next, gain: 0 };
        }
        // Nothing else to add and a short answer so far: read on in the paragraph of the last
        // quote that has more. The sentence after one that restates the question often answers
        // it, without a word of the question ("… vanuit verschillende stelsels." / "We denken aan
        // een vouchersysteem …"). Measured: keywordHit b +.008, c +.020, nothing worse on nine
        // sets. For every answer with room left it also gained d +.016 and g +.013, but it fired
        // in 34 answers of five sets and added a keyword in 8; a new-user try called 4 of 5 such
        // sentences noise. Only sentences with a word of the question: only b moved. Read on
        // before the other additions: q −.092 and b −.024, where the lead was the wrong one.
        let readsOnFrom: Quote | undefined;
        for (const quote of !pick && options.fillBudget && spent < READ_ON_WORDS ? [...quotes].reverse() : []) {
          const next = paragraphNext(linesOf.get(quote.n) ?? [], quote, (index) => used.has(`${quote.n}:${index}`));
          const c = next === undefined ? undefined : candidates.find((o) => o.n === quote.n && o.index === next);
          if (c && open(c)) {
            pick = { c, gain: 0 };
            readsOnFrom = quote;
            break;
          }
        }
        if (!pick) break;
        const quote = quoteAround(linesOf.get(pick.c.n) ?? [], pick.c, options, answersBeyondList(pick.c.n), false, undefined, wordsBeyondList(pick.c.n, false), q.weights);
        const fresh = { n: quote.n, indexes: freshIndexes(quote) };
        const cost = wordsIn(fresh, shownText);
        if (spent + cost > wordBudget || !take(quote)) {
          tried.add(key(pick.c));
          continue;
        }
        spent += cost;
        // A paragraph read on right after its quote is one quotation with it. After other quotes
        // it stays where it is: moved up, it pushed them out of the answer's lead (lead q −.012).
        if (readsOnFrom && quotes.at(-2) === readsOnFrom) readsOnFrom.indexes.push(...quotes.pop()!.indexes);
        const more = coveredBy(quotes.at(-1)!);
        have = have.map((h, g) => h || (more[g] ?? false));
      }
    }
  }

  const cited: number[] = [];
  const firstQuote = new Map<number, string>();
  const quoted: string[] = [];
  const quotedLines: string[] = [];
  // Rows of one table quoted one after another are shown under the table's heading once.
  const tableOf = (quote: Quote | undefined) => {
    if (!quote || quote.indexes.length !== 1) return undefined;
    const lines = linesOf.get(quote.n) ?? [];
    const line = lines[quote.indexes[0]!];
    return line?.kind === "row" ? `${quote.n}:${line.block}` : undefined;
  };
  // A list that opens its section has that section's title for a lead-in ("Huidige route aanvraag
  // machtiging"), shown above the answer's first quote when the question shares a word with it
  // (measured: keywordHit q +.007, lead q2 +.004, answerWords c and f +1, nothing else moved;
  // always: lead d −.009, q2 −.001; above later quotes too: lead q −.006). Also when the question
  // names that section by its label ("wat houdt principe A in?"): its title says what A is
  // ("A. Degelijke probleemanalyse …"; measured: keywordHit and lead q +.006, nothing else moved).
  // And when it titles a list of steps ("Huidige route …"): it says the order is the route's.
  const titleAsked = (title: string, chunk: Chunk | undefined) => q.covered?.(title, chunk).some(Boolean) ?? false;
  const rendered = quotes.map((quote, q) => {
    if (!cited.includes(quote.n)) cited.push(quote.n);
    const lines = linesOf.get(quote.n) ?? [];
    const chunk = passages[quote.n - 1]?.chunk;
    const table = tableOf(quote);
    const group = table === undefined ? undefined : { first: tableOf(quotes[q - 1]) !== table, last: tableOf(quotes[q + 1]) !== table };
    const text = group && !(group.first && group.last)
      ? renderGroupedRow(lines, quote.indexes[0]!, quote.n, chunk?.sectionPath.at(-1), group)
      : renderQuote(lines, quote.indexes, quote.n, chunk?.sectionPath.at(-1), (i) => shownText(quote.n, i), (title) => q === 0 && (titleAsked(title, chunk) || quote.n === options.namedSection || SEQUENCE.test(title)));
    // What the reader sees: a sentence cut off the end of a long quotation ("…") does not count
    // as quoted (new-user try: "… wat is het doel in cijfers?" passed for answered by a figure
    // in a sentence the reader saw as "…").
    quoted.push(...quote.indexes.map((i) => (lines[i]?.kind === "sentence" ? shownPart(shownText(quote.n, i), text) : shownText(quote.n, i))));
    quotedLines.push(...quote.indexes.map((i) => lineText(quote.n, i)));
    // The sources list quotes the quote's start, run on past a bare lead-in ("Geconstateerd wordt dat:").
    if (!firstQuote.has(quote.n)) firstQuote.set(quote.n, openingQuote(documentRun(lines, quote.indexes).map((i) => quotedLine(lines, i)))!);
    return text;
  });
  if (outline && outlineText) {
    rendered.unshift(outlineText);
    cited.splice(0, cited.length, outline.n, ...cited.filter((n) => n !== outline!.n));
    quoted.push(outline.title, ...outline.items);
    quotedLines.push(outline.title, ...outline.items);
  }
  const floor = (ranked[0]?.score ?? 0) * options.relativeFloor;
  const eligible = ranked.filter((c) => c.score >= floor && cited.includes(c.n)).map((c) => lineText(c.n, c.index));
  return {
    text: rendered.join("\n"),
    cited,
    quotes: firstQuote,
    hasExpectedType: !hasType || typed > 0,
    quoted,
    lines: quotedLines,
    ranking: ranked.slice(0, 10).map((c) => lineText(c.n, c.index)),
    eligible,
  };
}

/**
 * The lines a source quotes, so that its quote is the document's own text: the quote's lines as
 * long as they follow each other in the document. A lead-in followed by an item from further down
 * the list (the item that answers leads) is left out: the quote is that item.
 */
function documentRun(lines: PassageLine[], indexes: number[]): number[] {
  const start = indexes.length > 1 && lines[indexes[0]!]?.kind === "sentence" && indexes[1] !== indexes[0]! + 1 ? 1 : 0;
  let end = start + 1;
  while (end < indexes.length && indexes[end] === indexes[end - 1]! + 1) end++;
  return indexes.slice(start, end);
}

/** Words after "volgens" that name the source: an article and two words ("de nieuwe werkwijze"). */
const SOURCE_NAME_WORDS = 3;

/**
 * The words of a question that ask, folded: not the asker's introduction before a colon ("als
 * verwijzer in drenthe: wat kan ik morgen anders doen …"), nor the source it names after
 * "volgens" ("… volgens die nieuwe werkwijze?"). Measured in `restates`: keywordHit q2 +.015,
 * lead q2 +.005, nothing else moved on eleven sets. What follows that name still asks ("wat moet
 * er volgens de nieuwe werkwijze anders vanaf morgen"; second new-user try of the thirty-eighth
 * session: only "wat moet er" was left, and another slide answered; no figure moved).
 */
function askingPart(question: string): string {
  const [asked = "", after] = foldText(question).split(":").at(-1)!.split(/\b(?:volgens|vlgs)\b/);
  return after === undefined ? asked : `${asked} ${after.trim().split(/\s+/).slice(SOURCE_NAME_WORDS).join(" ")}`;
}

/** Whether a question heading asks what the question asks: it holds most of the question's words, small words too. */
function restates(heading: string, asked: readonly string[][]): boolean {
  if (!heading.endsWith("?")) return false;
  const held = new Set(wordTokens(foldText(heading)).filter((word) => !WHO_ASKS.has(word)));
  return asked.some((words) => words.length > 0 && words.filter((word) => held.has(word)).length >= RESTATED_SHARE * words.length);
}

/**
 * The words each question of a message asks with, small words too, for `restates`: each on its
 * own, since "waar werken ze naar toe in 2027? welke doelen precies" restates "Waar werken we naar
 * toe?" in its first (new-user try of the forty-second session: the slide's 2027 list lost to
 * "Half 2027 …" on another slide).
 */
function wordsAskedPerPart(question: string): string[][] {
  const parts = question.split(/\?+/).filter((part) => part.trim() !== "");
  return (parts.length > 0 ? parts : [question]).map((part) => wordTokens(askingPart(part)).filter((word) => !WHO_ASKS.has(word)));
}

/** Whether a text holds at least half of the titles, read without their numbering ("2.1 ", "A. "). */
function listsMostOf(text: string, titles: string[]): boolean {
  const flat = text.toLowerCase();
  const held = titles.filter((title) => flat.includes(title.replace(/^(\d+(\.\d+)*|[A-Z])\.?\s+/, "").toLowerCase()));
  return held.length * 2 >= titles.length;
}

/**
 * A prose line that stops at a comma or semicolon (a name in a list of contacts: "Carola …
 * (BGZJ)),") or holds an e-mail address. Measured: no figure moved on the six sets, and answers
 * no longer end in a contact person or an address. A footnote ("¹ AEF, Samenvatting: …") is a
 * note on the text, not what the plan says: never a further quote either (new-user try; no
 * figure moved on seven sets).
 */
function isFragment(line: PassageLine | undefined): boolean {
  return line !== undefined && ((line.kind === "sentence" && /[,;]$/.test(line.text)) || /\S@\S/.test(line.text) || isFootnote(line.text));
}

/**
 * A title or caption in the text, which says nothing as a further quote: a list of one short item
 * without a sentence's end ("3. Organisatie en aansturing"), or a short line of prose without one.
 */
function isTitleOrCaption(lines: PassageLine[], index: number): boolean {
  const line = lines[index];
  if (!line || /[.!?;:]$/.test(line.text)) return false;
  // A short line of prose without a sentence's end or a figure is a caption: "Transformatie
  // JeugdzorgPlus", "Voorzitter van de stuurgroep transformatie van de jeugdhulpregio Rijnmond"
  // (a title page's date, "… RIJNMOND" / "30 november 2020", does answer).
  if (line.kind === "sentence") {
    const next = lines[index + 1];
    const dated = /\d/.test(line.text) || (next !== undefined && /\d/.test(next.text) && next.text.length <= 40);
    // A signature ("Wouter Struijk, Voorzitter van …") is a caption with a name before it.
    return !dated && withoutSignature(line.text).split(/\s+/).length <= 10;
  }
  if (line.kind !== "item" || line.text.split(/\s+/).length > 5) return false;
  return lines.filter((other) => other.block === line.block).length === 1;
}

/** A caption (see isTitleOrCaption) in prose that is not a signature ("Wouter Struijk, Voorzitter van …"). */
function isBareCaption(lines: PassageLine[], index: number): boolean {
  const line = lines[index]!;
  return line.kind === "sentence" && withoutSignature(line.text) === line.text && isTitleOrCaption(lines, index);
}

/** A lead-in at the passage's end: the list it introduces is not there to quote with it. */
function isBareLeadIn(lines: PassageLine[], index: number): boolean {
  return index === lines.length - 1 && announces(lines[index]!.text);
}

/**
 * A line that announces what follows: a lead-in ("de volgende acties:") or a slide's line that
 * trails off into its list ("dan moet ik het volgende anders doen..."; new-user try: it was quoted
 * without its list. Measured: answerWords check 68 → 67, nothing else moved).
 */
function announces(text: string): boolean {
  return /(:|\.\.\.|…)$/.test(text);
}

/** Words a quote shows: its lines and its citation marker. */
function wordsIn(quote: Quote, lineText: (n: number, index: number) => string): number {
  return quote.indexes.reduce((sum, i) => sum + lineText(quote.n, i).split(/\s+/).filter(Boolean).length, 1);
}

/** The line that introduces the list or table a line belongs to ("... vier stappen:"). */
function leadIn(lines: PassageLine[], index: number): PassageLine | undefined {
  const line = lines[index];
  if (!line || line.kind === "sentence") return undefined;
  const before = lineAboveBlock(lines, index);
  if (!before || before.kind !== "sentence") return undefined;
  // A table's heading is a line that announces it or names it ("Tabel 2 Doelen"), not the last
  // sentence of the paragraph above (new-user try: a whole paragraph stood before a row's pairs).
  return announces(before.text) || (line.kind === "row" && !/[.!?;]["”’)]?$/.test(before.text)) ? before : undefined;
}

/** The line right above the block (list, table) that the line at index belongs to. */
function lineAboveBlock(lines: PassageLine[], index: number): PassageLine | undefined {
  let first = index;
  while (first > 0 && lines[first - 1]!.block === lines[index]!.block) first--;
  return lines[first - 1];
}

/**
 * The short line right above a list that names it without introducing it with a colon (a slide's
 * "Huidige route aanvraag machtiging"): not quoted, but what the list is about.
 */
function listTitle(lines: PassageLine[], index: number): PassageLine | undefined {
  const line = lines[index];
  if (!line || line.kind !== "item") return undefined;
  const before = lineAboveBlock(lines, index);
  return before && before.kind === "sentence" && before.text.length <= 80 && !/[.!?;]$/.test(before.text) ? before : undefined;
}

/** The numbered items right after an item of the same list: the sublist it introduces ("De vijf thema's zijn:" / "1. …"). */
function numberedAfter(lines: PassageLine[], index: number): number[] {
  const out: number[] = [];
  for (let i = index + 1; i < lines.length && lines[i]!.kind === "item" && lines[i]!.block === lines[index]!.block && lines[i]!.number !== undefined; i++) out.push(i);
  return out;
}

/** The item that announces the numbered run a numbered item belongs to ("… bevat 3 onderdelen:"), if any. */
function sublistParent(lines: PassageLine[], index: number): number | undefined {
  if (lines[index]?.number === undefined) return undefined;
  for (let i = index - 1; i >= 0 && lines[i]!.kind === "item" && lines[i]!.block === lines[index]!.block; i--) {
    if (lines[i]!.number !== undefined) continue;
    return announces(lines[i]!.text) && numberedAfter(lines, i).includes(index) ? i : undefined;
  }
  return undefined;
}

/** Indexes of the lines in a block. */
function blockOf(lines: PassageLine[], block: number): number[] {
  return lines.flatMap((line, i) => (line.block === block ? [i] : []));
}

/**
 * What is quoted around a chosen line: a list whole with its lead-in, a table row with its
 * header and heading, or a sentence with the one that continues it.
 */
function quoteAround(
  lines: PassageLine[],
  c: Candidate,
  options: ExtractiveOptions,
  itemLeads: (item: number, intro: PassageLine | undefined) => boolean = () => true,
  /** The item answers on its own (see above): its list's other items are left out. */
  alone = false,
  /** Whether a sentence points back at what the question asks for ("deze leeftijdsgroep"). */
  pointsBack: (text: string) => boolean = () => false,
  /** The question's words an item holds beyond its list's heading and lead-in. */
  itemWords: (item: number, intro: PassageLine | undefined) => boolean[] = () => [],
  itemWeights: number[] = [],
): Quote {
  const line = lines[c.index];
  if (!line) return { n: c.n, indexes: [] };
  if (line.kind === "item") {
    const intro = leadIn(lines, c.index);
    // The item that answers comes first, right under the lead-in, when it answers more than the
    // list's heading and lead-in do; the rest of the list follows (numbered items keep their
    // number, so the order stays visible). A list the question asks for as a whole ("welke
    // stappen ... route aanvraag machtiging") keeps its order. Measured: leadKeywordHit
    // +0.03..+0.16 on seven sets, nothing else moved. An item that holds the kind of answer a
    // one-part question asks for (the figure, the date) stands alone under its lead-in: the other
    // items are padding (new-user try: "circa 70%" came with four other bottlenecks; measured:
    // answerWords 1-5 lower on eight of nine sets, nothing else moved; with two-part questions
    // too, keywordHit q and g fell where another item answered the second part).
    const introIndex = intro ? lines.indexOf(intro) : -1;
    // A lead-in that points back ("Belangrijke ingrediënten daarin zijn dat:") is quoted with the
    // sentence it points at ("Dit doen we door de gefaseerde ketenzorg benadering toe te passen."):
    // alone it leaves the list without its subject (new-user try of the forty-second session).
    const beforeIntro = lines[introIndex - 1];
    const introPointsBack = intro !== undefined && beforeIntro?.kind === "sentence" && beforeIntro.paragraph === intro.paragraph && POINTS_BACK_INSIDE.test(intro.text);
    const introLines = introIndex < 0 ? [] : introPointsBack ? [introIndex - 1, introIndex] : [introIndex];
    const sublist = announces(line.text) && line.number === undefined ? numberedAfter(lines, c.index) : [];
    if (sublist.length >= 2) return { n: c.n, indexes: [...introLines, c.index, ...sublist.slice(0, options.maxListItems)] };
    // A numbered item of a sublist ("… bevat 3 onderdelen:" / 1, 2, 3) is quoted with the item
    // that announces it, in their order: moved above it, "2." stood before its own heading and
    // "1." (new-user try).
    const parent = sublistParent(lines, c.index);
    if (parent !== undefined) return { n: c.n, indexes: [...introLines, parent, ...numberedAfter(lines, parent).slice(0, options.maxListItems)] };
    // The chosen item is in its quote also when it stands past the first items shown: a slide's
    // word cloud of twenty cells showed its first twelve, without the two that answered (new-user try).
    // A sub-item moves with the item it goes on from, and its sub-items with it, in their order
    // (test of the thirty-seventh session: "voor pleegzorg omdat …" led the list, cut off from
    // "Voor alle vormen van verblijf …").
    const chosen = line.under ?? c.index;
    const block = blockOf(lines, line.block).filter((i) => lines[i]!.under === undefined).slice(0, options.maxListItems);
    const inOrder = block.includes(chosen) ? block : [...block.slice(0, -1), chosen];
    const groupLeads = (i: number) => itemLeads(i, intro) || subItemsOf(lines, i).some((sub) => itemLeads(sub, intro));
    const leads = line.under === undefined ? itemLeads(c.index, intro) : groupLeads(chosen);
    // After it, the other items that answer beyond the list too, then the rest, each in the
    // document's order (measured: lead f +.017, nothing else moved on eleven sets; sorting a list
    // asked for as a whole the same way: lead c −.010). Numbered items keep theirs. Of the items
    // that answer, the ones that hold more of what the chosen item lacks (by weight) come first:
    // the second part's date stood below an item that only repeated the first's words (measured:
    // lead q2 +.007, nothing else moved on twelve sets; moving up items that hold such words only
    // as compound parts too: lead h −.008).
    const rest = inOrder.filter((i) => i !== chosen);
    const groupWords = (i: number) => [i, ...subItemsOf(lines, i)].map((j) => itemWords(j, intro)).reduce((all, words) => words.map((has, g) => has || (all[g] ?? false)), [] as boolean[]);
    const chosenWords = groupWords(chosen);
    // Each item's added weight once, not in every comparison of the sort.
    const adds = new Map(rest.map((i) => [i, groupWords(i).reduce((sum, has, g) => sum + (has && !chosenWords[g] ? (itemWeights[g] ?? 1) : 0), 0)]));
    const adding = rest.filter((i) => adds.get(i)! > 0 && groupLeads(i)).sort((x, y) => adds.get(y)! - adds.get(x)!);
    const others = ownNumber(lines[chosen]!) === undefined ? [...adding, ...rest.filter((i) => !adding.includes(i) && groupLeads(i)), ...rest.filter((i) => !adding.includes(i) && !groupLeads(i))] : rest;
    const items = (leads && alone ? [chosen] : leads ? [chosen, ...others] : inOrder).flatMap((i) => [i, ...subItemsOf(lines, i)]);
    return { n: c.n, indexes: [...introLines, ...items] };
  }
  if (line.kind === "row") return { n: c.n, indexes: [c.index] };
  // A sentence chosen for what its predecessor says is read with that predecessor.
  const before = lines[c.index - 1];
  if (c.own <= 0 && before && before.kind === "sentence" && line.kind === "sentence" && readsOn(before, line)) return { n: c.n, indexes: [c.index - 1, c.index] };
  if (before && before.kind === "sentence" && line.kind === "sentence" && before.paragraph === line.paragraph && (pointsBack(line.text) || OPENS_WITH_PERSON.test(line.text) || POINTS_BACK_BARE.test(line.text))) return { n: c.n, indexes: [c.index - 1, c.index] };
  // A fragment of a few words ("Dankzij de Beschikbaarheidswijzer.") finishes its paragraph's
  // sentences and says nothing alone: a short paragraph is quoted whole (third new-user try: "wat
  // is de beschikbaarheidswijzer?" got only that line; measured: no figure moved on eleven sets;
  // up to 6 words: keywordHit −.015..−.025 on q2, b, d, f, g).
  if (line.kind === "sentence" && line.text.split(/\s+/).length <= FRAGMENT_WORDS) {
    const paragraph = lines.flatMap((other, i) => (other.kind === "sentence" && other.paragraph === line.paragraph ? [i] : []));
    const words = paragraph.reduce((sum, i) => sum + lines[i]!.text.split(/\s+/).length, 0);
    if (paragraph.length > 1 && words <= SHORT_PARAGRAPH_WORDS) return { n: c.n, indexes: paragraph };
  }
  const next = lines[c.index + 1];
  // A sentence that runs into the list under it without a stop ("… inzicht te krijgen in" / the
  // kinds of interests) introduces it as a colon would (third new-user try: quoted without it).
  const runsIntoList = next?.kind === "item" && !/[.!?;]["”’)]?$/.test(line.text);
  if ((announces(line.text) || runsIntoList) && next && next.kind !== "sentence") {
    const items = next.kind === "row" ? blockOf(lines, next.block).slice(0, 4) : blockOf(lines, next.block).slice(0, options.maxListItems);
    return { n: c.n, indexes: [c.index, ...items] };
  }
  // The next sentence points back and introduces a list ("… aanbesteed." / "Dat brengt een aantal
  // risico's met zich mee:" / the risks): the three are one quotation, not a sentence whose list
  // is left out (new-user try; measured: no figure moved on nine sets).
  const afterNext = lines[c.index + 2];
  const list = afterNext?.kind === "item" ? blockOf(lines, afterNext.block) : [];
  // The same for a question the document asks and answers with a list ("Meer weten over …? Neem
  // contact op met:" / the ministry, the e-mail address; new-user try: only the question was quoted).
  // Also a lead-in that points back inside ("Dit doen we door de gefaseerde ketenzorg benadering toe
  // te passen. Belangrijke ingrediënten daarin zijn dat:"; new-user try of the forty-second
  // session: the first sentence alone answered "wat houdt die benadering in?").
  const answersWithList = REFERS_BACK.test(next?.text ?? "") || POINTS_BACK_INSIDE.test(next?.text ?? "") || line.text.endsWith("?");
  if (next && next.kind === "sentence" && announces(next.text) && answersWithList && readsOn(line, next) && list.length >= 2) {
    return { n: c.n, indexes: [c.index, c.index + 1, ...list.slice(0, options.maxListItems)] };
  }
  const continues =
    next &&
    next.kind === "sentence" &&
    !isBareLeadIn(lines, c.index + 1) &&
    // A next sentence that announces more ("… gevraagd om mee te werken aan het plan:") would leave
    // the quote hanging on a colon (new-user try; no figure moved).
    !announces(next.text) &&
    readsOn(line, next) &&
    (REFERS_BACK.test(next.text) || line.text.endsWith("?") || line.text.endsWith(":") || line.text.length < SHORT_SENTENCE || (next.text.length < SHORT_NEXT && line.paragraph === next.paragraph) || (ONLY_NAMES_A_ROLE.test(line.text) && line.paragraph === next.paragraph));
  return { n: c.n, indexes: continues ? [c.index, c.index + 1] : [c.index] };
}

/**
 * The first sentence after a quote's last line, in the same paragraph, that is not quoted yet;
 * undefined when the quote does not end in prose or its paragraph ends there.
 */
function paragraphNext(lines: PassageLine[], quote: Quote, isUsed: (index: number) => boolean): number | undefined {
  const last = quote.indexes.at(-1);
  if (last === undefined || lines[last]?.kind !== "sentence") return undefined;
  for (let i = last + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== "sentence" || line.paragraph !== lines[last]!.paragraph) return undefined;
    if (!isUsed(i)) return i;
  }
  return undefined;
}

/** The words of a sentence that a rendered quote shows: all of them, its opening, or none. */
function shownPart(sentence: string, rendered: string): string {
  const flat = (text: string) => text.replace(/\s+/g, " ").trim();
  const shown = flat(rendered);
  const whole = flat(documentText(sentence));
  if (shown.includes(whole)) return sentence;
  const words = whole.split(" ");
  let n = words.length - 1;
  while (n > 0 && !shown.includes(words.slice(0, n).join(" "))) n--;
  return words.slice(0, n).join(" ");
}

/** The start of a named section: its first lines, a list whole. */
function readFromTop(lines: PassageLine[]): number[] {
  const indexes: number[] = [];
  let chars = 0;
  for (let i = 0; i < lines.length && chars < 700; i++) {
    indexes.push(i);
    chars += lines[i]!.text.length;
  }
  return indexes;
}

/**
 * Quotation marks inside a quote become single ones, as Dutch nests them: a testimonial that opens
 * with its own “ read as "““Opeens werd ik opgehaald …”" (second new-user try of the forty-sixth session).
 */
function nestedQuotes(text: string): string {
  return text.replace(/[“”]/g, (mark) => (mark === "“" ? "‘" : "’"));
}

/**
 * A quote as shown: sentences of one passage run together in one quotation, list items under
 * their lead-in, table rows as "header: value" pairs under the table's heading. Every quote
 * ends in its citation marker.
 */
function renderQuote(
  lines: PassageLine[],
  indexes: number[],
  n: number,
  sectionHeading: string | undefined,
  shown: (index: number) => string,
  /** Whether the title of a list that opens its section is shown as the list's lead-in. */
  asked: (title: string) => boolean = () => false,
): string {
  const out: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length > 0) out.push(`“${nestedQuotes(shorten(documentText(prose.join(" ")), PROSE_CHARS))}”`);
    prose = [];
  };
  // The section's title stands in for a lead-in line the list does not have (its number left out).
  const first = lines[indexes[0] ?? -1];
  if (first?.kind === "item" && !leadIn(lines, indexes[0]!) && sectionHeading && lineAboveBlock(lines, indexes[0]!) === undefined) {
    const title = sectionHeading.replace(/^\d+(\.\d+)*\.?\s+/, "");
    if (asked(title)) out.push(/[:?.!]$/.test(title) ? title : `${title}:`);
  }
  for (const i of indexes) {
    const line = lines[i]!;
    if (line.kind === "sentence") {
      prose.push(shown(i));
      continue;
    }
    flush();
    // The item that answers leads its numbered list (5, then 4 and 6): the rest is marked as the
    // rest, so the numbers out of order read as a choice, not as a broken list (new-user try).
    const previousIndex = indexes[indexes.indexOf(i) - 1] ?? -1;
    const previous = lines[previousIndex];
    const number = ownNumber(line);
    // Not against the item that announces this one's sublist ("Etappe 3 … bevat 3 onderdelen:" / 1, 2, 3).
    const before = previous?.kind === "item" && sublistParent(lines, i) !== previousIndex ? ownNumber(previous) : undefined;
    const backwards = number !== undefined && before !== undefined && itemOrder(number) < itemOrder(before);
    if (line.kind === "item" && backwards && !out.includes(REST_OF_LIST)) out.push(REST_OF_LIST);
    if (line.kind === "item") out.push(`${line.under !== undefined ? SUB_ITEM_INDENT : ""}${line.number ?? "-"} ${documentText(shown(i))}`);
    else {
      const heading = leadIn(lines, i)?.text ?? sectionHeading;
      const pairs = quotedLine(lines, i);
      const inline = indexes.includes(lines.indexOf(leadIn(lines, i) ?? line)) && leadIn(lines, i) !== undefined;
      out.push(inline || !heading ? `- ${shorten(documentText(pairs), 300)}` : `${heading.replace(/:$/, "")}: ${shorten(documentText(pairs), 300)}`);
    }
  }
  flush();
  const last = out.length - 1;
  if (last >= 0) out[last] = `${out[last]} [${n}]`;
  return out.join("\n");
}

/**
 * An item's place in its list: its number, or the one its text opens with ("Stap 2 – Het
 * resultaat"). Such items keep their order after the one that answers, as numbered ones do (new-user
 * try: "Stap 4, Stap 2, Stap 3, Stap 1").
 */
function ownNumber(line: PassageLine): string | undefined {
  return line.number ?? (SELF_LABELLED.test(line.text) ? /\d+/.exec(line.text)![0] : undefined);
}

/** A list item's number as a rank: "4." → 4, "B" → 2. */
function itemOrder(number: string): number {
  const digits = /\d+/.exec(number);
  if (digits) return Number(digits[0]);
  const letter = /[a-z]/i.exec(number);
  return letter ? letter[0].toLowerCase().charCodeAt(0) - 96 : 0;
}

/**
 * One of several rows of a table quoted together: the first under the table's heading, each as
 * "- header: value" pairs, the citation marker after the last.
 */
function renderGroupedRow(
  lines: PassageLine[],
  index: number,
  n: number,
  sectionHeading: string | undefined,
  group: { first: boolean; last: boolean },
): string {
  const heading = leadIn(lines, index)?.text ?? sectionHeading;
  const row = `- ${shorten(documentText(quotedLine(lines, index)), 300)}${group.last ? ` [${n}]` : ""}`;
  return group.first && heading ? `${heading.replace(/:$/, "")}:\n${row}` : row;
}

/**
 * Whether a line reads on into the next one: the same paragraph, or a line that ends as a
 * sentence does. A bare text line without punctuation ("Voorlopige machtiging als norm" on a
 * slide) is a fragment of its own; joining it to the next line makes a sentence nobody wrote.
 * A short line with a figure under it is a title and its date ("Regiovisie ..." / "30 november 2020").
 */
function readsOn(line: PassageLine, next: PassageLine): boolean {
  return line.paragraph === next.paragraph || /[.!?:;]["”’)]?$/.test(line.text) || (next.text.length <= 40 && /\d/.test(next.text));
}

/**
 * A long lead-in shown from the first word the question asks about ("… Leidende Principes die
 * het Algemeen Bestuur … heeft vastgesteld:"): the run-up is left out, never a word of the
 * question it holds, and only when that saves at least RUN_UP_CHARS.
 */
function fromFirstQuestionWord(text: string, covered: (text: string) => boolean[]): string {
  const words = text.split(/\s+/);
  const held = covered(text).filter(Boolean).length;
  let start = 0;
  for (let i = 1; i < words.length && held > 0; i++) {
    if (covered(words.slice(i).join(" ")).filter(Boolean).length < held) break;
    if (covered(words[i]!).some(Boolean)) start = i;
  }
  return start > 0 && words.slice(0, start).join(" ").length >= RUN_UP_CHARS ? `… ${words.slice(start).join(" ")}` : text;
}

