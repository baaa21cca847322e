import type { Surface } from "../bot/actor.js";
import type { Reply, ReplyPart } from "../bot/reply.js";
import type { ExampleQuestion, Region } from "./route/routeSchema.js";
import { ROUTE_ACTION } from "./route/routeReplies.js";
import { itemsAsked, kindOnlyAsked } from "./ask/shorterAnswer.js";
import { ASKER_INTRODUCTION, CHAT_INTRODUCTION } from "../knowledge/analysis/personIntro.js";
import { NAMES_A_CASE } from "../bot/intentPatterns.js";

/**
 * Small talk and onboarding: a greeting, thanks, "wie ben jij?" or "help" gets a short friendly
 * reply with example questions for the region, never a search in the documents (which would
 * answer "hallo" with a random quote or send it to the Servicepunt).
 *
 * Recognised by general rules, not by listing phrases: a short message made ONLY of small-talk
 * words (greetings, thanks, words that address the bot, question and filler words) with at least
 * one word that carries the intent. One content word ("hallo, wat is een spoedberaad?") makes it
 * a question again.
 */

export type SmallTalkIntent = "greeting" | "thanks" | "identity" | "help" | "language" | "documents" | "writing" | "rephrase";

/** The region facts the replies use. */
export type SmallTalkRegion = Pick<Region, "name" | "exampleQuestions">;

/**
 * Longer messages are questions, even when every word is a small-talk word. Every word must be
 * one, so the limit only keeps a long ramble out ("hoi! wie ben jij eigenlijk en wat kan ik je
 * vragen?" has 11; new-user try: it was searched in the documents).
 */
const MAX_WORDS = 14;

const GREETING = words(
  "hoi hoihoi hallo hallootjes hai hey hee hi hello hola goedemorgen goedemiddag goedenavond goedendag goeiemorgen goeiemiddag goeienavond goeiedag goeiendag mogge dag daag morgen middag avond welkom yo",
);
/** Thanks outright: wins over other words ("bedankt voor je hulp"). */
const GRATITUDE = words("bedankt bedankje dank danku dankje dankjewel dankuwel thanks thank thanx thnx thnks thx tnx tx ty merci");
/** Approval and goodbye: answered like thanks when nothing else is asked. */
const ACKNOWLEDGE = words(
  "top toppie super fijn fijne prettige prima mooi helder duidelijk ok oke oké okay okido perfect geweldig fantastisch handig nuttig bruikbaar geholpen chill nice cool doei dag tot ziens later groetjes groeten weekend",
);
const HELP = words("help hulp helpen menu start uitleg handleiding instructie instructies");
/** Words that address or name the bot. */
const ADDRESS = words("jij je jou u jullie wegwijs bot chatbot assistent");
/** Making: with the bot addressed, asking who made it ("wie heeft jou gemaakt?"). */
const MAKING = words("heeft gemaakt ontwikkeld gebouwd bedacht");
/** Being and doing verbs that, with a question word and the bot addressed, ask who it is. */
const IDENTITY_VERBS = words("ben bent is doe doet heet");
/** What the bot may be asked to be ("ben jij een mens of een bot?"), or how far it can be trusted ("hoe betrouwbaar ben jij?"). */
const IDENTITY_NOUNS = words("mens robot computer ai persoon programma echt oud betrouwbaar betrouwbaarheid");
/** Asking which documents Wegwijs knows ("welke documenten ken jij eigenlijk?"). */
const DOCUMENTS = words("documenten document plandocumenten bronnen bron stukken index geïndexeerd geindexeerd kennisbank bestanden info informatie");
/** Asking for another language than the documents' ("kun je dat in het Engels uitleggen?"). */
const LANGUAGE = words("engels english vertalen vertaal vertaling translate taal");
/**
 * Asking to say the last answer otherwise ("kun je dat korter zeggen?", "in gewone taal graag",
 * "leg uit", "vat dat samen"): Wegwijs quotes word for word (new-user try: "kun je dat korter
 * zeggen?" was told the documents are about something else, "leg uit" got a random passage).
 */
const REPHRASE = words(
  "korter kort korte simpeler simpel simpele eenvoudiger eenvoudig eenvoudige makkelijker makkelijk makkelijke duidelijker begrijpelijker begrijpelijk gewone normale herformuleer herformuleren samenvatten vat samen leg",
);
/** Of those, asking for it shorter ("kun je dat korter zeggen?", "vat samen"): the previous answer's first quote can be given. */
const SHORTER = words("korter kort korte samenvatten vat");
const QUESTION = words("wie wat hoe waar waarmee waarvoor welke");
/** Words that make a message a question even without a question mark ("thanks, kun je ook uitleggen wat een VA is"). */
const ASKS = /^(?:wie|wat|hoe|waar\w*|wanneer|welke?|waarom|hoeveel|kun|kan|kunt|mag|moet)$/;
/** "wat kan ik vragen", "hoe werkt dit", "kun je me helpen": asking how to use Wegwijs. */
const USAGE = words("kan kun kunt kunnen mag werkt werk gebruik gebruiken vragen vraag stellen snap snapt begrijp begrijpt");
/** Asking leave to ask: "mag ik je wat vragen", "kan ik u iets vragen", "mag ik een vraag stellen". */
const ASKS_LEAVE = /\b(?:mag|kan|kun)\s+ik\s+(?:(?:je|jou|jullie|u)\s+)?(?:(?:wat|iets|even|een\s+vraag|een\s+paar\s+vragen|vragen)\s+)*(?:vragen|stellen)\b/;
/** Not understanding: "dat was niet duidelijk", "ik snap niet hoe dit werkt" asks for help, not thanks. */
const NEGATION = words("niet geen");
/** Knowing and drawing on something: with the documents named, asking which Wegwijs uses. */
const KNOWING = words("ken kent weet gebruikt haal haalt heb hebt zoek zoekt");
/** Words that carry no intent of their own. */
const FILLER = words(
  "graag aub alsjeblieft alstublieft svp please eens woorden ik me mij mijn we wij ons een de het en of nog even wel heel erg zeer enorm was waren moet moeten nu verder veel hartelijk alvast nogmaals voor daar hiervoor ervoor ook goed gaat alles met er mee paar nieuw dit dat hier zo nou ja nee oh o ah aha hm hmm he hé beste allen iedereen team eigenlijk precies allemaal iets hoor hoe's hoezo joh zijn in uit uitleggen zeggen antwoorden door doen vandaan",
);

const VOCABULARY = new Set([
  ...GREETING,
  ...GRATITUDE,
  ...ACKNOWLEDGE,
  ...HELP,
  ...ADDRESS,
  ...IDENTITY_VERBS,
  ...MAKING,
  ...IDENTITY_NOUNS,
  ...LANGUAGE,
  ...REPHRASE,
  ...DOCUMENTS,
  ...KNOWING,
  ...QUESTION,
  ...USAGE,
  ...FILLER,
  ...NEGATION,
]);
/** Emoji that say thanks or approval on their own. */
const THANKS_EMOJI = /[👍🙏👌🙂😊😀😃✅💪]/u;

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Lower-case word tokens; punctuation and emoji are not words. */
function tokens(text: string): string[] {
  return text.toLocaleLowerCase("nl").match(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu) ?? [];
}

/** "huisarts hier (uit drenthe)", "gedragswetenschapper hier": a role and "hier" say who writes (new-user try). */
const ROLE_HERE = String.raw`\p{L}[\p{L}-]+\s+hier\b`;


/**
 * What the asker adds about being new to it or pressed for time ("…, nieuw met dit soort zaken.",
 * "…, net begonnen.", "…, nooit eerder gebruikt.", "…, weinig tijd"; new-user try: "wat kun je
 * eigenlijk? ben HA, weinig tijd" was searched in the documents):
 * part of the introduction (third new-user try: the greeting was searched in the documents).
 */
const NEW_TO_IT = String.raw`(?:\s*(?:en\s+)?(?:nog\s+)?(?:(?:heel\s+)?nieuw|net\s+begonnen|pas\s+begonnen|nooit\s+eerder\s+gebruikt|(?:de\s+)?eerste\s+keer|voor\s+het\s+eerst|(?:heb\s+)?(?:weinig|geen)\s+tijd|(?:heb\s+)?haast)\b[^.!?,]*(?:[.!,]|$))?`;

/**
 * The asker saying who they are ("Ik werk bij de GI in Assen.", "ik ben nieuw in het wijkteam en
 * snap niet hoe dit werkt,"): that says who asks, not what. Up to a full stop, exclamation mark or
 * comma; what follows it decides.
 */
const SELF_INTRODUCTION = new RegExp(String.raw`(^|[.!?,]\s*)(?:${ASKER_INTRODUCTION}|${ROLE_HERE}|${CHAT_INTRODUCTION})[^.!?,]*(?:[.!,]|$)${NEW_TO_IT}`, "iu");

/**
 * Saying there are questions to come, without asking one yet ("Ik heb wat vragen over de JZ+ en ons
 * regionale beleid."): a new-user try's opening was searched in the documents. Not with a question
 * mark anywhere in the message: then the question is there.
 */
const ANNOUNCES_QUESTIONS = /(^|[.!,]\s*)(?:(?:ik|wij|we)\s+)?(?:heb|hebben)\s+(?:nog\s+)?(?:een|wat|een\s+paar|paar|enkele|twee|drie)\s+(?:korte\s+)?vra(?:ag|gen)\b[^.!?,]*(?:[.!,]|$)/iu;

/**
 * Asking for a text to be written ("Schrijf even een korte mail aan mijn leidinggevende over …",
 * "kun je een gedicht schrijven over jeugdzorg?"): Wegwijs quotes, it does not write (new-user
 * try: the request was refused with unrelated "closest" passages).
 */
const WRITING_TASK =
  /^\s*(?:(?:kun|kan|kunt|wil|zou)\s+(?:je|jij|u)\b|schrijf\b|maak\b|formuleer\b|herschrijf\b|stel\b)[^?]*?\b(?:mail|e-mail|mailtje|brief|memo|notitie|samenvatting|tekst|tekstje|verslag|bericht|gedicht|verhaal|opzet|presentatie)\b/iu;
/** … with a verb of writing in it ("kun je me vertellen wat er in die brief staat?" asks something). */
const WRITING_VERB = /\b(?:schrijf|schrijven|maak|maken|formuleer|formuleren|herschrijf|herschrijven|stel\b[^?]*\bop|opstellen)\b/iu;

/** The small-talk intent of a message, or undefined when it is (or may be) a real question. */
export function smallTalkIntent(text: string): SmallTalkIntent | undefined {
  const whole = text.trim();
  if (WRITING_TASK.test(whole) && WRITING_VERB.test(whole)) return "writing";
  const announced = !whole.includes("?") && ANNOUNCES_QUESTIONS.test(whole);
  // An introduction that goes on about a case ("ik ben huisarts en maak me zorgen over een
  // jongere, wat kan ik doen?") is no introduction alone: what follows asks about that case
  // (new-user try: it got the help text).
  const introduction = SELF_INTRODUCTION.exec(whole)?.[0] ?? "";
  const introduced = NAMES_A_CASE.test(introduction) ? whole : whole.replace(SELF_INTRODUCTION, "$1");
  const rest = (announced ? introduced.replace(ANNOUNCES_QUESTIONS, "$1") : introduced).trim();
  // Only who they are and that questions will follow: a welcome with examples.
  if (announced && tokens(rest).every((w) => VOCABULARY.has(w) && !ASKS.test(w))) return "greeting";
  const trimmed = tokens(rest).length > 0 ? rest : whole;
  const ws = tokens(trimmed);
  if (ws.length === 0) {
    if (trimmed === "?") return "help";
    return THANKS_EMOJI.test(trimmed) ? "thanks" : undefined;
  }
  const has = (set: Set<string>) => ws.some((w) => set.has(w));
  // Thanks that goes on about what the asker will do ("top, thnx! ik ga er mee aan de slag") asks
  // nothing: without a question mark it is thanks (new-user try: "top" found the Top 100 aanpak).
  if (ws.length <= MAX_WORDS && has(GRATITUDE) && !trimmed.includes("?") && !ws.some((w) => ASKS.test(w))) return "thanks";
  if (ws.length > MAX_WORDS || !ws.every((w) => VOCABULARY.has(w))) return undefined;
  if (has(GRATITUDE)) return "thanks";
  // "in gewone taal": plainer words, not another language.
  if (has(REPHRASE)) return ws.some((w) => LANGUAGE.has(w) && w !== "taal") ? "language" : "rephrase";
  if (has(LANGUAGE)) return "language";
  if (has(DOCUMENTS)) return "documents";
  // "ben jij een mens of een bot?", "wie heeft jou gemaakt?": about Wegwijs itself.
  if (has(ADDRESS) && (has(IDENTITY_NOUNS) || has(MAKING))) return "identity";
  // "mag ik je wat vragen?" asks leave to ask, not how Wegwijs works: a greeting, not the help
  // with every command (new-user try: "hoi, ik ben huisarts in drenthe. mag ik je wat vragen?").
  if (!has(HELP) && asksLeave(ws)) return "greeting";
  if (has(HELP) || has(USAGE) || (has(NEGATION) && has(ACKNOWLEDGE))) return "help";
  if (has(QUESTION) && has(ADDRESS) && has(IDENTITY_VERBS)) {
    // "hoe gaat het met je" is a greeting; "wie ben jij" asks who Wegwijs is.
    return ws.includes("gaat") ? "greeting" : "identity";
  }
  // "dag" and "morgen" are greetings as well as goodbyes: alone, they are greetings.
  if (has(ACKNOWLEDGE) && !ws.every((w) => GREETING.has(w) || FILLER.has(w))) return "thanks";
  if (has(GREETING)) return "greeting";
  return undefined;
}

/** How long a remark after "kun je dat korter zeggen?" may be. */
const SHORTER_REMARK_WORDS = 12;

/**
 * Whether the message asks to have the previous answer said shorter: the ask handler answers it
 * with that answer's first quote (new-user try: "kun je dat korter zeggen?" was told Wegwijs does
 * not, while the answer it asked about led with one sentence that said it all).
 */
export function asksShorter(text: string, intent = smallTalkIntent(text)): boolean {
  if (intent === "rephrase" && tokens(text).some((w) => SHORTER.has(w))) return true;
  // "kan dat in één zin?", "in 2 zinnen graag": a length and nothing else asked (new-user try of
  // the forty-second session: searched again, "ik vind alleen weer wat in mijn vorige antwoord staat").
  // "alleen de datums graag": only the lines with a date of the answer just given.
  if (ONLY_A_KIND.test(text.trim()) && kindOnlyAsked(text) !== undefined) return true;
  // "alleen de eerste 3": the first points of the list just given, which the reply to "korter?"
  // after a list of short points suggests.
  if (ONLY_FIRST_ITEMS.test(text.trim()) && itemsAsked(text) !== undefined) return true;
  const length = IN_FEW_SENTENCES.exec(text);
  if (length) {
    const rest = tokens(text.replace(length[0], " "));
    if (rest.every((w) => VOCABULARY.has(w) && !QUESTION.has(w))) return true;
  }
  // Also with a short remark after it ("kun je dat korter zeggen? in 2 zinnen voor mijn
  // teamleider"; new-user try of the thirty-seventh session: searched, and refused), or after a
  // comma ("kan dat korter, voor in de memo?"; new-user try of the forty-second session: refused
  // as off-topic).
  // A remark with a question mark asks nothing of its own ("… voor in de memo?"), one with a question word does.
  const remarked = /^([^?,]+[?,])\s*([^?]+\??)$/.exec(text.trim());
  if (remarked === null) return false;
  const remark = tokens(remarked[2]!);
  const asksItsOwn = remarked[2]!.endsWith("?") && remark.some((w) => ASKS.test(w));
  return remark.length <= SHORTER_REMARK_WORDS && !asksItsOwn && asksShorter(remarked[1]!.replace(/,$/, "?"));
}

/** A short message that asks for the first few points alone ("alleen de eerste 3", "geef de belangrijkste twee"). */
const ONLY_FIRST_ITEMS = /^(?:(?:kan|kun|kunt)\s+(?:je|dat|het)\s+)?(?:alleen|enkel|slechts|geef(?:\s+me)?|noem)?\s*(?:de\s+)?(?:eerste|belangrijkste|top)\s+(?:\d|twee|drie|vier|vijf|zes)(?:\s+(?:punten|dingen|zaken|stappen))?(?:\s+(?:graag|aub|alsjeblieft|svp|dan|even|ajb))*\s*[?.!]*$/iu;

/** A short message that asks for one kind of line alone ("alleen de datums", "enkel de namen graag"). */
const ONLY_A_KIND = /^(?:(?:kan|kun|kunt)\s+(?:je|dat|het)\s+)?(?:alleen|enkel|slechts)\s+(?:de\s+)?\p{L}+(?:\s+(?:graag|aub|alsjeblieft|svp|dan|even|ajb))*\s*[?.!]*$/iu;

/** A length asked for in sentences or words ("in één zin", "in 2 zinnen", "in een paar woorden"). */
const IN_FEW_SENTENCES = /\bin\s+(?:één|een|1|twee|2|drie|3|een\s+paar|paar|enkele|weinig)\s+(?:zin|zinnen|woorden|regel|regels|zinnetje|zinnetjes)\b/iu;

/** Whether the words ask leave to ask, with no question word around it ("wat kan ik vragen?" asks what). */
function asksLeave(ws: string[]): boolean {
  const joined = ws.join(" ");
  const leave = ASKS_LEAVE.exec(joined);
  if (!leave) return false;
  const around = `${joined.slice(0, leave.index)} ${joined.slice(leave.index + leave[0].length)}`;
  return !tokens(around).some((w) => QUESTION.has(w));
}

const INTRO =
  "Hoi! Ik ben Wegwijs. Stel je vraag over plaatsing in de JeugdzorgPlus, dan zoek ik het antwoord op in de plandocumenten, met de bron erbij.";
const LEAD: Record<SmallTalkIntent, string> = {
  greeting: INTRO,
  thanks: "Graag gedaan! Heb je nog een vraag? Stel hem gerust.",
  identity:
    "Ik ben Wegwijs, een digitale assistent voor professionals in de jeugdhulp. Ik beantwoord vragen over plaatsing in de JeugdzorgPlus alleen uit de plandocumenten, met de bron erbij, en zeg het eerlijk als de documenten geen antwoord geven. Ik ben geen mens en geef geen juridisch advies.",
  help: `${INTRO}\nTyp je vraag in gewone woorden. Typ *route* om de plaatsingsroute stap voor stap te doorlopen.`,
  language:
    "Ik antwoord in het Nederlands: ik citeer de plandocumenten letterlijk, en die zijn Nederlands. (I answer in Dutch, quoting the Dutch plan documents word for word.)",
  documents: "Ik zoek alleen in de plandocumenten die je beheerder heeft geïndexeerd, en citeer ze letterlijk.",
  rephrase:
    "Korter of in andere woorden zeggen doe ik niet: ik citeer de plandocumenten letterlijk, zodat je precies ziet wat er staat. Het antwoord staat meestal in het eerste citaat. Stel gerust een preciezere vraag, dan zoek ik gerichter.",
  writing:
    "Teksten schrijven doe ik niet: ik zoek antwoorden op in de plandocumenten en citeer ze letterlijk, met de bron erbij. Vraag me wat je in je tekst wilt zetten, dan zoek ik het voor je op.",
};

/** Whether the surface shows the privacy line on its own page (the web chat, above the conversation). */
export function privacyOnPage(surface: Surface): boolean {
  return surface === "web";
}

/** The region's example questions (at most 4), or none when the region lists none. */
export function exampleQuestions(region: SmallTalkRegion | undefined): ExampleQuestion[] {
  return (region?.exampleQuestions ?? []).slice(0, 4);
}

/**
 * The reply for small talk: a short line for the intent, the region's example questions and the
 * route button (when a region with routes is configured). Undefined for anything else.
 */
export function smallTalkReply(text: string, region: SmallTalkRegion | undefined): Reply | undefined {
  const intent = smallTalkIntent(text);
  return intent ? onboardingReply(intent, region) : undefined;
}

/**
 * `privacyOnPage`: the surface shows the privacy line itself, all the time (the web page, above the
 * conversation), so the reply does not repeat it (new-user try: it stood twice on opening the page).
 */
export function onboardingReply(intent: SmallTalkIntent, region: SmallTalkRegion | undefined, documents: readonly string[] = [], privacyOnPage = false): Reply {
  const parts: ReplyPart[] = [{ kind: "text", text: LEAD[intent] }];
  if (intent === "documents" && documents.length > 0) {
    parts[0] = { kind: "text", text: `Ik zoek alleen in deze ${documents.length} plandocumenten, en citeer ze letterlijk:\n${documents.map((title) => `• ${title}`).join("\n")}` };
  }
  // In the middle of a conversation about an answer: no examples, no route button.
  if (intent === "rephrase") return { parts };
  const examples = exampleQuestions(region);
  if (examples.length > 0) {
    const where = region ? ` (regio ${region.name})` : "";
    parts.push({ kind: "text", text: `Je kunt bijvoorbeeld vragen${where}:\n${examples.map((e) => `• ${e.question}`).join("\n")}` });
  }
  if (region) parts.push({ kind: "actions", actions: [{ id: ROUTE_ACTION.start, label: "Start de plaatsingsroute", style: "primary" }] });
  if (intent !== "thanks" && !privacyOnPage) {
    parts.push({ kind: "notice", level: "info", text: "Noem geen namen, BSN of adressen van jongeren: gebruik een eigen casusnummer." });
  }
  return { parts };
}
