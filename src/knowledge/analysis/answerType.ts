import { foldText } from "./normalise.js";
import { COUNTING_NUMBER_WORDS } from "./numberWords.js";

/**
 * What kind of answer a question asks for, when it asks for something checkable.
 * If the best sentences of the documents contain nothing of that kind, the documents do
 * not answer the question, however well the words match ("per welke datum ...?" answered
 * by a sentence without any date).
 */
export type AnswerType =
  | "phone"
  | "email"
  | "address"
  | "amount"
  | "article"
  | "percentage"
  | "date"
  | "person"
  | "frequency"
  | "age"
  | "duration"
  | "hours"
  | "number";

/** Kinds that ask how to reach someone: a phone number, an e-mail address, an address. */
export const CONTACT_TYPES: ReadonlySet<AnswerType> = new Set(["phone", "email", "address"]);

/** First match wins: the more specific kinds come first. */
const QUESTION_PATTERNS: Array<[AnswerType, RegExp]> = [
  // "waar/hoe bel ik …?" asks a number; "wanneer bel ik VT?", "bel ik dan VT?" ask when or whether
  // (second new-user try of the thirty-seventh session: refused for want of a phone number).
  // "hoe bereik ik ze?" asks how to get in touch, as "hoe bel ik ze?" does (third new-user try of the
  // forty-sixth session: "Route servicepunt is slecht bereikbaar" answered it).
  ["phone", /\b(telefoon\w*|tel\.?\s*nr|bellen|(waar|hoe) bel (ik|je|we)|(waar|hoe) (bereik|contacteer) (ik|je|we)|belnummer|(het|welk|hun|zijn|haar) nummer)\b/],
  ["email", /\b(e-?mail\w*|mailadres|mailen)\b/],
  // When a place is open or can be reached (new-user try of the forty-second session: "wat zijn de
  // openingstijden van het servicepunt?" got three items of a list that mentions the Servicepunt).
  ["hours", /\b(openingstijd\w*|openingsuren|bereikbaarheidstijd\w*|geopend|tot hoe laat|(hoe laat|wanneer) (is|zijn|gaat|gaan)\b[^?.!]*\b(open|dicht|bereikbaar))\b/],
  // Which place is nearest ("welke jz+ instelling zit het dichtst bij schiedam?") asks where one is,
  // as "waar zit …" does: plans that want care "zo dicht mogelijk bij huis" do not answer it
  // (second new-user try of the thirty-sixth session).
  ["address", /\b(adres|bezoekadres|postadres|waar zit\w*|locatie van|dichtstbijzijnde|(het )?dichtst ?bij)\b/],
  // "dagtarief", "uurtarief": a Dutch compound is a kind of its last part. Measured on five sets:
  // without it abstainRecall falls on three (0.83 -> 0.67, 0.88 -> 0.75, 0.60 -> 0.50).
  // What something costs in time or effort ("wat kost nog ontwikkeltijd?", "kost veel moeite") is no sum of money.
  // What someone earns, or gets per day, month or child, is (new-user try: "wat verdient een
  // jeugdbeschermer …?" got a line about jeugdbeschermers; measured: abstainRecall i .6 → .7,
  // nothing else moved on eleven sets).
  ["amount", /\b(\w*tarief|bedrag|prijs|hoeveel geld|budget|euro|(kosten|kost|kostte|kostten)(?![^?.!]*\b\w*(tijd|moeite|energie)\b)|(wat|hoeveel) verdien\w*|(wat|hoeveel) (krijg|krijgt|krijgen|ontvang|ontvangt|ontvangen)\b[^?.!]*\b(per (dag|week|maand|jaar|uur|kind|plek|verwijzing|consult)|betaald|vergoed))\b/],
  ["article", /\b(welk|welke|wat is het)\s+(wets)?artikel\b/],
  ["percentage", /\b(welk percentage|hoeveel (?:procent|%)|welk deel|welk aandeel)(?:\b|(?<=%))/],
  // A bare "wanneer" may ask for a condition ("wanneer komt het INT in beeld?"), so only
  // clearly temporal phrasings expect a date.
  ["date", /\b(welke datum|welke periode|(in )?welk jaar|\w*jaartal\w*|welke maand|(sinds|vanaf|tot|voor|van|per) wanneer|wanneer (was|werd|waren|startte|begon|start|begint|verscheen)|wanneer\b[^?.!]*\b(klaar|gereed|afgerond|opgeleverd|gehaald|bereikt|gerealiseerd|af\s+(zijn|is|wezen))\b|wanneer\s+(is|zijn)\b[^?.!]*\baf\s*$)/],
  // "wie is de programmamanager?" asks for a name; "wie is Arne Popma?" asks for a role.
  ["person", /\bwie (is|was|wordt|werd) (de|het)\b/],
  ["age", /\b((vanaf|tot|onder|boven) welke leeftijd|welke leeftijd|hoe oud)\b/],
  ["frequency", /\b(hoe vaak|hoe regelmatig|hoe frequent|om de hoeveel)\b/],
  // How long something lasts or stays valid wants a span of time, not just any figure; "hoeveel
  // tijd" and "binnen welke termijn" ask the same as "hoe lang".
  ["duration", /\b(hoe lang|hoeveel tijd|binnen welke (termijn|tijd)|\w*duur|geldigheid\w*)\b/],
  // A maximum, minimum or average asks for a figure ("de max caseload", "de gemiddelde ...").
  ["number", /\b(hoeveel|hoe groot|hoe hoog|hoe klein|hoe laag|welk aantal|max|maximale?|minimale?|gemiddelde?|(?:in |welke |concrete |harde )cijfers)\b/],
];

const MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|voorjaar|zomer|najaar|winter";
const NUMBER_WORDS = [...COUNTING_NUMBER_WORDS, "half", "halve", "helft", "kwart", "dubbel", "eerste", "tweede", "derde", "alle", "geen", "enkele"].join("|");

const ANSWER_PATTERNS: Record<Exclude<AnswerType, "person" | "number" | "frequency" | "age" | "duration">, RegExp> = {
  phone: /(\+31|0031|\b0)[\s-]?\d[\d\s-]{7,}\d/,
  email: /[\w.+-]+@[\w-]+\.[\w.]+/,
  address: /\b\d{4}\s?[a-z]{2}\b|\b[a-z]+(straat|weg|laan|plein|singel|kade|gracht|dijk)\s+\d+/,
  amount: /€|\beuro\b|\b\d+([.,]\d+)?\s*(miljoen|miljard|mln|mld)\b/,
  article: /\bartikel\s+\d/,
  percentage: /%|\bprocent\b|\b(helft|kwart|derde|meerderheid|minderheid)\b|\b\d+\s+op\s+(de\s+)?\d+\b/,
  hours: /\b\d{1,2}[.:]\d{2}\b|\b\d{1,2}\s*(?:tot|-)\s*\d{1,2}\s*uur\b|\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|werkdagen|weekend|weekenden|kantoortijden|kantooruren|dag en nacht|24\/7|24 uur per dag)\b/,
  date: new RegExp(`\\b(19|20)\\d{2}\\b|\\b(${MONTHS})\\b|\\bq[1-4]\\b|\\b\\d{1,2}[-/]\\d{1,2}[-/]\\d{2,4}\\b`),
};

/** An age: "12 jaar", "16-jarigen", "18-/18+", "meerderjarig". */
const AGE = /\b\d{1,2}\s*(jaar|jarig\w*)\b|\b\d{1,2}\s*[-+](?!\d)|\b(minderjarig\w*|meerderjarig\w*|volwassen\w*)\b/;

/** Number words that measure a span: not ordinals ("de eerste week" is when, not how long). */
const SPAN_WORDS = NUMBER_WORDS.split("|").filter((word) => !["eerste", "tweede", "derde"].includes(word)).join("|");

/**
 * A span of time: "zes weken", "een half jaar", "binnen 24 uur", "3 maanden"; not an age ("16 jaar
 * oud", "jongeren vanaf 16 jaar", "boven de 12 jaar").
 */
const DURATION = new RegExp(
  `(?<!\\b(?:vanaf|boven|onder)\\s+(?:de\\s+)?)\\b(\\d+([.,]\\d+)?|een|${SPAN_WORDS})(\\s+(half|halve|hele|paar))?\\s*(uur|uren|dag|dagen|werkdagen|week|weken|maand|maanden|jaar|jaren|kwartaal)\\b(?!\\s+oud\\b)`,
);

/** How often: "halfjaarlijks", "elke week", "geregeld", "twee keer per jaar". */
const FREQUENCY = /\b\w*(jaarlijks|maandelijks|wekelijks|dagelijks)\b|\b(geregeld|regelmatig|periodiek|telkens|steeds|elke|iedere|per (dag|week|maand|kwartaal|jaar)|keer|maal)\b/;

/**
 * A count: a number that is not a year, quarter, list number or ordinal ("na hun 18e verjaardag"
 * counts nothing; measured: lead q2 +.015, d +.013, e +.025, nothing else moved), or a number word.
 */
const countOf = (words: string) =>
  new RegExp(`(?<![\\w.])(?!(19|20)\\d{2}\\b)\\d+([.,]\\d+)?(?![\\w.]*\\d)(?!\\s+(${MONTHS}))(?!(e|ste|de)\\b)|\\b(${words})\\b`);
const COUNT = countOf(NUMBER_WORDS);
/**
 * A figure as a how-many, maximum or average question wants it: a count without "alle", "geen" and
 * "enkele" ("Dat geldt ook voor alle gremia …" answered "welke maximale wachttijd …?"; measured:
 * abstainRecall g .6 → .7, MRR i +.004, nothing else moved on eleven sets). A how-often question
 * still takes them ("alle jeugdigen" with the frequency in a later quote: falseAbstain b +.024).
 */
const FIGURE = countOf(NUMBER_WORDS.split("|").filter((word) => !["alle", "geen", "enkele", "eerste", "tweede", "derde"].includes(word)).join("|"));
/**
 * Two capitalised words in a row, not at the start of the sentence: a name. At the start only
 * when a comma follows, as in a signature read with its role ("Wouter Struijk, Voorzitter van de
 * stuurgroep …"; new-user try: "wie is de voorzitter …?" was refused).
 */
const PERSON = /(?<!^|[.!?:]\s)\b\p{Lu}\p{Ll}+\s+(van\s+(der?\s+)?|de\s+)?\p{Lu}\p{Ll}+|^\p{Lu}\p{Ll}+\s+(van\s+(der?\s+)?|de\s+)?\p{Lu}\p{Ll}+,/u;

/** "Is er een max duur ...?": whether something exists, which "nee, er is geen maximum" answers. */
/** What comes before a word that is the topic, not what is asked: "over de …", "over de kosten en het …". */
const NAMES_TOPIC = /\bover\s+(?:(?:de|het|die|dat|hun|zijn|haar|ons|onze)\s+)?(?:[\p{L}-]+\s+(?:en|of)\s+(?:(?:de|het)\s+)?)?$/u;

/** The question patterns, each finding every match in a part (built once). */
const EVERY_MATCH: Array<[AnswerType, RegExp]> = QUESTION_PATTERNS.map(([type, pattern]) => [type, new RegExp(pattern.source, `${pattern.flags}g`)]);

/** A phrase that asks by itself, also after "over" ("over welke periode gaat …?"). */
const ASKS_ITSELF = /^(?:welke?|wat|hoeveel|hoe|wanneer)\b/;

const EXISTENCE = /^\s*(is|zijn|bestaat|bestaan|geldt|gelden) er\b/;

/**
 * "Is de duur van … gemaximeerd?": whether something holds of what it names, which "ja" or "nee"
 * answers; its "duur" asks for no span of time. Still a request for a contact ("is het nummer …
 * bekend?") wants the number. "Klopt het dat …?" and "is het waar dat …?", also after a comma
 * ("ik werk in schiedam, klopt het dat …?"), ask whether a statement holds: "… geen grens aan hoe
 * lang …" asks no span of time (measured: keywordHit and lead f +.025, i +.025, falseAbstain
 * i .175 → .15, nothing else moved on eleven sets).
 */
const YES_NO = /^\s*(is|zijn|wordt|worden)\s+(de|het)\b|^\s*(?:[^,]*,\s*)?(klopt (het|dat)|is het (waar|zo))\b/;
const CONTACT: ReadonlySet<AnswerType> = CONTACT_TYPES;

/**
 * "Waarom kon de sector niet zeggen hoe vaak …?": a question for a reason. Its "hoe vaak" names
 * what was not known; it does not ask for a frequency. Only when the reason is asked first.
 */
const REASON = /\b(waarom|hoe (komt|kwam|kan|kon) het|wat (is|was|zijn|waren) de (reden|oorzaak|aanleiding)\w*)\b/;

export function expectedAnswerType(question: string): AnswerType | undefined {
  return askedFor(question)?.type;
}

/**
 * What the question asks for and the words that ask it ("hoe hoog", "welke datum"): those words
 * say what kind of answer is wanted, not what the answer is about.
 */
export function askedFor(question: string): { type: AnswerType; phrase: string } | undefined {
  // Each question of a message on its own: an existence question expects no particular kind.
  for (const part of foldText(question).split(/\?/)) {
    if (EXISTENCE.test(part)) continue;
    // The first phrase that asks for a kind, not one that names the topic ("wat zegt de regiovisie
    // over de kosten en het budget?" asks what it says, not for a sum; new-user try: refused).
    let found: { type: AnswerType; phrase: string; index: number } | undefined;
    for (const [type, pattern] of EVERY_MATCH) {
      const match = [...part.matchAll(pattern)].find((m) => ASKS_ITSELF.test(m[0]) || !NAMES_TOPIC.test(part.slice(0, m.index)));
      if (match) {
        found = { type, phrase: match[0], index: match.index! };
        break;
      }
    }
    if (!found) continue;
    // A yes/no question after a sentence about the asker ("gedragswetenschapper hier. klopt het dat
    // … geen maximale duur …?") is still one: it is read from where its own sentence starts (set m:
    // the table row that answers it was refused for want of a duration).
    if (YES_NO.test(part.split(/[.!]\s+/).at(-1)!) && !CONTACT.has(found.type)) continue;
    const reason = part.search(REASON);
    if (reason >= 0 && reason < found.index) continue;
    return { type: found.type, phrase: found.phrase };
  }
  return undefined;
}

/**
 * The nouns of an asking phrase that name the kind of answer, not its subject ("vanaf welke
 * leeftijd", "hoeveel procent", "binnen welke termijn"): a sentence with an answer of that kind
 * ("vanaf 12 jaar", "70%") says what they ask, without the word itself. Not for a bare count
 * ("hoe hoog", "maximale"), which any figure would satisfy, nor for compounds ("dagtarief"),
 * whose first part is the subject.
 */
const KIND_NOUNS: Partial<Record<AnswerType, ReadonlySet<string>>> = {
  age: new Set(["leeftijd", "oud"]),
  date: new Set(["datum", "periode", "jaar", "jaartal", "maand"]),
  percentage: new Set(["procent", "percentage", "deel", "aandeel"]),
  amount: new Set(["geld", "bedrag", "prijs", "budget", "euro", "kosten", "kost"]),
  duration: new Set(["lang", "tijd", "termijn", "duur"]),
  phone: new Set(["nummer", "telefoonnummer"]),
  email: new Set(["mailadres", "e-mailadres", "emailadres"]),
  address: new Set(["adres"]),
  // "wat is het doel in cijfers?": any figure gives what "cijfers" asks.
  number: new Set(["cijfers", "cijfer"]),
};

/** The words of the question that ask for the kind of answer (see KIND_NOUNS), folded. */
export function kindWords(question: string): { type: AnswerType; words: Set<string> } | undefined {
  const asked = askedFor(question);
  const nouns = asked ? KIND_NOUNS[asked.type] : undefined;
  if (!asked || !nouns) return undefined;
  const words = new Set(asked.phrase.split(/[^\p{L}\p{N}-]+/u).filter((word) => nouns.has(word)));
  return words.size > 0 ? { type: asked.type, words } : undefined;
}

/**
 * A text without the words that are part of a date, not a count: a quarter ("Q2") and "half" before
 * a year or month ("Half 2027 zijn de plekken afgebouwd" says when, not how many; new-user try:
 * "hoeveel plekken worden afgebouwd en wanneer?" went on as if the number were given).
 */
function withoutDateWords(folded: string): string {
  return folded.replace(/\bq[1-4]\b/g, "").replace(new RegExp(`\\bhal(?:f|ve)\\s+(?=(?:(?:19|20)\\d{2}|${MONTHS})\\b)`, "g"), "");
}

export function containsAnswerType(text: string, type: AnswerType): boolean {
  switch (type) {
    case "person":
      return PERSON.test(text);
    case "number":
      return FIGURE.test(withoutDateWords(foldText(text)));
    case "age":
      return AGE.test(foldText(text));
    case "duration":
      return DURATION.test(foldText(text));
    case "frequency":
      return FREQUENCY.test(foldText(text)) || COUNT.test(withoutDateWords(foldText(text)));
    default:
      return ANSWER_PATTERNS[type].test(foldText(text));
  }
}
