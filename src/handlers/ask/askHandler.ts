import { namesACase } from "../../bot/intentPatterns.js";
import type { ConversationAddress } from "../../bot/incoming.js";
import type { Reply, ReplyAction, ReplyPart, SourceCitation } from "../../bot/reply.js";
import { sourceTitle } from "../../bot/sourceTitle.js";
import { notRememberedNotice } from "../../bot/storeNotices.js";
import { consultHandoverAction } from "../../bot/consultHandover.js";
import { bestEffort } from "../../stores/keyValueStore.js";
import { randomUUID } from "node:crypto";
import { redactPersonalData, withoutFindings } from "../../privacy/personalData.js";
import type { AnswerLog, Rating } from "./answerLog.js";
import { partHolding } from "./saidBefore.js";
import { asksForSource, correctsPrevious, type FollowUpMemory, isFollowUp, type KeptQuestion, answersAsBefore, mayStandAlone, newQuotes, withoutAcknowledgement, withPrevious, withTermSwapped } from "./followUp.js";
import { unknownThingNotice } from "./unknownThing.js";
import { type AnswerOptions, type AnswerResult, askingPart, type AskService, inCitationOrder, notNamedInText } from "./askService.js";
import type { TermVerb } from "./definitionAsked.js";
import { asksForMore, asksWhatItMeans } from "./moreAsked.js";
import { shorten } from "./sentences.js";
import { QUOTED_ITEM, quoteBlocks, withoutMarkers, withShownQuote } from "./citations.js";
import { alsoInRegionNotice, askerRegion, asksNationalPlans, withoutNationalPlans, hereAsRegion, introductionOnly, isNational, leadFromOtherRegion, ofNamedRegion, ofServedRegion, onlyRegionNamed, otherRegionNotice, otherRegionOf, otherRegionSourcesNotice, otherRegionThan, type RegionContext, onlyPlaceTyped, placesNamed, servingAsker, withRegionSwapped } from "./otherRegion.js";
import { type AnswerType, askedFor, CONTACT_TYPES, containsAnswerType } from "../../knowledge/analysis/answerType.js";
import { foldText } from "../../knowledge/analysis/normalise.js";
import { asksShorter, onboardingReply } from "../smallTalk.js";
import { ROUTE_ACTION } from "../route/routeReplies.js";
import { isPlacementQuestion } from "../route/routeIntent.js";
import { asksToAct, ESCALATES, namesATool, URGENT_NOW } from "../../bot/intentPatterns.js";
import { documentFactAsked, givesDocumentFact } from "./documentFacts.js";
import { withDocumentPointedAt } from "./documentPointedAt.js";
import { firstItems, itemsAsked, kindOnlyAsked, linesAbout, linesHolding, topicOnlyAsked } from "./shorterAnswer.js";
import { asksWho } from "./actorAsked.js";

export const MORE_SOURCES_ACTION = "ask.moreSources";
/** A document chosen under "Welk plandocument bedoel je?": value = its short title. */
export const GIST_ACTION = "ask.gist";
export const FEEDBACK_ACTION = "ask.feedback";
export const FEEDBACK_REASON_ACTION = "ask.feedbackReason";
/** Form field id of the optional reason under a 👎. */
export const FEEDBACK_REASON_FIELD = "reason";
/** A reason is a remark, not a case file: longer text is cut before it is stored. */
export const FEEDBACK_REASON_CHARS = 500;

const ABSTAIN_TEXT = "De plandocumenten geven hier geen antwoord op. Ik ga niet gokken.";
/** How a question for the national plans reads as a follow-up that names the whole country (see onlyRegionNamed). */
const NATIONAL_FOLLOW_UP = "landelijk";
/** A reply to "Welk plandocument bedoel je?" names one in a few words ("die regiovisie rijnmond"). */
const ANSWER_TO_ASK_BACK_WORDS = 6;
const SERVICEPUNT_STEP = "Gaat je vraag over een jongere of een plaatsing? Leg hem dan voor aan het Servicepunt JeugdzorgPlus van je regio, hier met een consultaanvraag.";
const SERVICEPUNT_CONTACT_STEP = "Je gemeente kan je vertellen hoe je het Servicepunt JeugdzorgPlus van je regio bereikt. Een casus voorleggen kan ook hier, met een consultaanvraag.";
const HELP_STEP = "Typ „help” voor voorbeelden van vragen die ik wel kan beantwoorden.";
/** For a phone number, e-mail or address of another organisation: where to find it instead (new-user try: "Typ help" was no way on). */
const CONTACT_STEP = "Contactgegevens van organisaties staan niet in de plandocumenten. Kijk op de website van de organisatie zelf, of vraag het na bij je gemeente.";
/** The Servicepunt, also as chat writes it ("het SP"; new-user try: "tel nr van het SP" got only the help step). */
const NAMES_SERVICEPUNT = /servicepunt|\bsp\b/i;
/** Words that put a question about a young person, a family, a placement or a situation that escalates: one for the Servicepunt. */
const ABOUT_A_CASE =
  /\b(jongeren?|jeugdigen?|kind(eren)?|pleegkind\w*|meisje|jongen|cli[eë]nt\w*|pati[eë]nt\w*|leerling\w*|zoon|dochter|puber\w*|tiener\w*|gezin\w*|ouders?|\w*plaats\w*|machtiging\w*|spoed\w*|casus\w*|jz\+|jzplus|jeugdzorgplus|gesloten|opname|crisis|escal\w*|uit de hand|weglo\w*|onveilig\w*|ots|ondertoezicht\w*)(?![\p{L}\d])/iu;
/**
 * A question for figures or the law ("hoeveel jongeren zitten er nu in jz+?", "welk artikel van de
 * jeugdwet regelt de machtiging?") is no case for the Servicepunt, even when it names young people
 * or a placement (new-user try: both were sent there).
 */
const ASKS_FIGURES_OR_LAW = /\b(hoeveel|aantal|aantallen|percentage|procent|cijfers?|statistiek\w*|artikel\w*|wetsartikel\w*|wetten|wetgeving)\b/i;
/**
 * Not "the documents say nothing more": they may, in words this reading of the follow-up missed.
 * Nor "nothing more than my previous answer", which read as if that answer had answered it
 * (new-user try: "en wie beslist dat dan?").
 */
const NOTHING_NEW_TEXT = "Een antwoord daarop vind ik niet in de plandocumenten: ik vind alleen weer wat in mijn vorige antwoord staat. Bedoel je iets anders? Stel je vraag dan met het onderwerp erin.";
/**
 * A follow-up that points back ("en wie betaalt dat?") at a question the documents did not answer:
 * read alone it was answered on its one other word ("ongelijke betaling"; new-user try).
 */
const FOLLOWS_REFUSAL_TEXT = "Ook hierop geven de plandocumenten geen antwoord: je vorige vraag stond er al niet in. Gaat je vraag over iets anders? Stel hem dan met het onderwerp erin.";
/**
 * What a follow-up asked for, when it asked for a kind of answer ("hoe lang duurt dat dan?"): said
 * plainly that the documents do not give it (new-user try: "niets anders dan in mijn vorige
 * antwoord" read as dodging the question).
 */
const KIND_NOT_FOUND: Record<AnswerType, string> = {
  duration: "duur",
  date: "datum",
  number: "aantal",
  amount: "bedrag",
  percentage: "percentage",
  frequency: "frequentie",
  age: "leeftijd",
  person: "naam",
  phone: "telefoonnummer",
  email: "e-mailadres",
  address: "adres",
  article: "wetsartikel",
  hours: "openingstijden",
};
/** How much of the previous question the follow-up notice shows. */
const FOLLOW_UP_QUOTE_CHARS = 120;
/** Asking how to reach someone: a number, an address, an e-mail, when they can be reached. */
const ASKS_FOR_CONTACT = /\b(telefoon\w*|nummer|bellen|bel|mail\w*|e-mail\w*|adres\w*|bereik\w*|contact\w*|openingstijden)\b/i;
/** "wie moet ik bellen?", "waar kan ik heen bellen?": asking whom or where, in a few words. */
const WHOM_OR_WHERE = /^(?:wie|waar)\b/i;
/** Small words before it that ask nothing ("ok maar wie …", "en waar …"). */
const LEADING_PARTICLES = /^\s*(?:(?:ok|oke|oké|okee|en|maar|dan)\s+)*/i;
const SHORT_CONTACT_QUESTION_WORDS = 6;

/** "wie moet ik bellen?", "maar waar kan ik dan heen bellen?": whom or where to contact, in a few words. */
function asksWhomToContact(question: string): boolean {
  const asking = question.replace(LEADING_PARTICLES, "").trim();
  return ASKS_FOR_CONTACT.test(question) && WHOM_OR_WHERE.test(asking) && asking.split(/\s+/).length <= SHORT_CONTACT_QUESTION_WORDS;
}
const UNKNOWN_ANSWER = "Dit antwoord ken ik niet (meer); stel je vraag opnieuw.";
/** Above quotes that answer a "wie …?" question without naming anyone (see AnswerResult.noActor). */
export const NO_ACTOR_NOTICE = "Wie dat is of doet, staat niet in deze citaten. Dit zeggen de plandocumenten er wel over:";
/** Above a "wie" follow-up's quotes from the previous answer that name who is involved (see AnswerResult.namedBefore). */
export const NAMED_BEFORE_NOTICE = "Wie dat doet, zeggen de plandocumenten niet met zoveel woorden. In mijn vorige antwoord staat wel wie erbij betrokken is:";
/**
 * A follow-up that asks what follows from the answer, in words no passage holds: "en als dat niet
 * lukt?", "en waarom?", "en dan?", "wat als het niet kan?".
 */
const ASKS_WHAT_FOLLOWS = /^(?:(?:en|maar)\s+)?(?:(?:wat\s+)?als\s+(?:dat|het|die|dit|er|ze|hij|zij)\s+(?:niet|geen)\b[^?]*|waarom(?:\s+(?:is|zijn|was)\s+(?:dat|dit|het))?(?:\s+(?:dan|eigenlijk|zo|precies))?|dan|wat\s+dan|daarna|hoe\s+verder|en\s+verder\s+dan)\s*[?!.]*\s*$/;
/** Above what the passage of the latest answer says next, asked for ("vertel eens meer"). */
const GOES_ON_NOTICE = "Zo gaat de tekst van mijn vorige antwoord verder:";
/** Above the same for "wat bedoelen ze daarmee?" (see asksWhatItMeans). */
const MEANING_GOES_ON_NOTICE = "Verder uitleggen doen de plandocumenten het niet, maar zo gaat de tekst van mijn vorige antwoord verder:";
/** "wat bedoelen ze daarmee?" when the text of the previous answer does not go on. */
const NOTHING_EXPLAINED_TEXT = "Verder dan in mijn vorige antwoord leggen de plandocumenten het niet uit. Vraag gerust naar een woord dat je niet kent, bijvoorbeeld *wat is een GVA?*";
/** Above what the passage of the previous answer says next (see AnswerResult.continuesPassage). */
export const CONTINUES_PASSAGE_NOTICE = "Met zoveel woorden vind ik daar niets over. Zo gaat de tekst van mijn vorige antwoord verder:";
/** Above a follow-up's quotes from the previous answer that hold what it asks about (see AnswerResult.saidBefore). */
export const SAID_BEFORE_NOTICE = "Daarover vind ik niets nieuws in de plandocumenten. In mijn vorige antwoord stond er dit over:";
/** Above quotes that answer "hoe doe ik …?" with no means or steps (see AnswerResult.noMeans). */
export const NO_MEANS_NOTICE = "Hoe je dat precies doet, staat niet in deze citaten. Dit zeggen de plandocumenten er wel over:";
/** Above quotes that answer "wanneer …?" with no condition, moment or date (see AnswerResult.noWhen). */
export const NO_WHEN_NOTICE = "Wanneer precies, staat niet in deze citaten. Dit zeggen de plandocumenten er wel over:";
/** "waar staat dat?" right after a refusal: that reply had no source. */
const REFUSED_HAS_NO_SOURCES_TEXT = "Op je vorige vraag gaven de plandocumenten geen antwoord, dus daar hoort geen bron bij. Stel je vraag anders, of typ *help* voor voorbeelden.";
/** "kun je dat korter zeggen?": above the previous answer's first quote, shortened. */
const SHORTER_LEAD_TEXT = "Korter: het citaat waarmee mijn vorige antwoord begint.";
/** … when there was no answer, but a refusal. */
const REFUSED_NOTHING_SHORTER_TEXT = "Op je vorige vraag gaven de plandocumenten geen antwoord, dus er is niets om korter te zeggen. Stel je vraag anders, of typ *help* voor voorbeelden.";
/** … when that answer was one short quote already. */
const ALREADY_SHORTEST_TEXT = "Mijn vorige antwoord was al één citaat. Korter kan ik het niet zeggen zonder iets weg te laten: ik citeer de plandocumenten letterlijk.";
/** The same for an answer that is one list of short points. */
const ALREADY_SHORT_LIST_TEXT =
  "Mijn vorige antwoord was al één lijst van korte punten. Korter kan ik het niet zeggen zonder punten weg te laten: ik citeer de plandocumenten letterlijk. Wil je er minder? Vraag dan bijvoorbeeld *alleen de eerste 3*.";
/** A message that only says who the asker is, naming no region of the plans. */
const INTRODUCED_TEXT = "Dank je! Wat wil je weten? Ik zoek het op in de plandocumenten. Typ *help* voor voorbeelden.";
/** Under an introduction that tells a case: the placement route's offer, as under a placement question. */
const ROUTE_FOR_STORY_TEXT = "Gaat dit over een jongere voor wie plaatsing in beeld is? Loop dan stap voor stap de plaatsingsroute door.";
/** An introduction that tells a case and asks nothing: what to ask. */
const STORY_TOLD_TEXT = "Wat wil je weten over deze situatie? Stel je vraag, dan zoek ik het op in de plandocumenten.";
/** "vertel eens meer" with no answer in this conversation to go on from. */
const NO_ANSWER_FOR_MORE_TEXT = "Meer waarover? Ik heb in dit gesprek (nog) geen antwoord gegeven om op verder te gaan. Stel je vraag, dan zoek ik het op in de plandocumenten.";
/** "vertel eens meer" right after a refusal. */
const REFUSED_NOTHING_MORE_TEXT = "Op je vorige vraag gaven de plandocumenten geen antwoord, dus er is niets meer over te vertellen. Stel je vraag anders, of typ *help* voor voorbeelden.";
/** "vertel eens meer" when the answer showed every passage that was found. */
const NOTHING_MORE_TEXT = "Meer dan in mijn vorige antwoord staat, vind ik er niet over in de plandocumenten. Vraag gerust naar iets specifieks, of typ *help* voor voorbeelden.";
/** "waar staat dat?" with no answer before it (or one that has expired). */
const NO_PREVIOUS_SOURCES_TEXT = "Ik heb in dit gesprek (nog) geen antwoord met bronnen gegeven. Stel je vraag, dan staan de bronnen onder het antwoord.";

/** `${answerId}:${rating}` as the 👍 / 👎 controls send it. */
export function feedbackValue(answerId: string, rating: Rating): string {
  return `${answerId}:${rating}`;
}

export function parseFeedbackValue(value: string | undefined): { answerId: string; rating: Rating } | undefined {
  const match = /^([0-9a-f-]{36}):(useful|not_useful)$/.exec(value ?? "");
  return match ? { answerId: match[1]!, rating: match[2] as Rating } : undefined;
}

const notice = (text: string, level: "info" | "warning" = "warning"): ReplyPart => ({ kind: "notice", level, text });

/** The placement route named ("die route", "de plaatsingsroute", "spoedroute"). */
const NAMES_THE_ROUTE = /\b(?:\p{L}*route)\b/iu;

/** "tegen die tijd", "op dat moment": a time the follow-up takes from the answer before it. */
const THAT_TIME = /\b(?:tegen\s+die\s+tijd|op\s+dat\s+moment|tegen\s+dan|rond\s+die\s+tijd)\b/i;
/** A year in a quote: "Half 2027 zijn de plekken afgebouwd", "In 2027:". */
const YEAR = /\b(20\d{2})\b/;

/**
 * The follow-up with "tegen die tijd" read as the year the previous answer led with: "en wat moet
 * er tegen die tijd bereikt zijn?" after "Half 2027 zijn de … plekken … afgebouwd" asks what must
 * be reached in 2027 (second new-user try: a line on flexible help answered).
 */
function atThatTime(followUp: string, previous: KeptQuestion): string {
  const year = previous.shortest ? YEAR.exec(previous.shortest.text)?.[1] : undefined;
  return year && THAT_TIME.test(followUp) ? followUp.replace(THAT_TIME, `in ${year}`) : followUp;
}

/** Words for the region Wegwijs serves, without naming it: "de regio", "onze regio", "bij ons", "hier in de regio". */
const MEANS_OWN_REGION = /\b(?:de|onze|mijn|deze|ons|jullie)\s+regio\b|\bbij\s+ons\b|\bhier\s+in\s+de\s+(?:regio|buurt)\b/iu;

/**
 * Turns a question into a reply with every source it cites. Each answer gets an id; its hidden
 * sources and its votes are stored under that id, so "Meer bronnen" and 👍 / 👎 under an older
 * answer act on that answer, not on the latest one.
 */
export class AskHandler {
  constructor(
    private readonly ask: Pick<AskService, "answer"> & Partial<Pick<AskService, "holdsAWordOf" | "weightHeldBy" | "namesSomeoneOn" | "continuation" | "namesAPlace" | "documentAskedAlone" | "documentNamedAnew" | "documentNamed" | "documentNamedByKind" | "asksAnAbbreviation">>,
    private readonly answers: AnswerLog,
    private readonly followUps?: FollowUpMemory,
    private readonly regions?: RegionContext,
  ) {}

  /** Marks an answer that quotes only another region's documents (see otherRegion.ts). */
  private withOtherRegion(result: AnswerResult, question: string, regions: RegionContext | undefined): AnswerResult {
    if (!regions || result.status !== "answered") return result;
    const documents = [...new Set(result.sources.map((source) => source.documentId))];
    const served = regions.served();
    const region = otherRegionOf(documents, question, regions);
    const askerSaid = regions.askerSaid === true;
    if (region && served) return { ...result, otherRegion: { region, served, askerSaid } };
    const lead = leadFromOtherRegion(documents, question, regions);
    return lead && served ? { ...result, otherRegion: { region: lead, served, leadOnly: true, askerSaid } } : result;
  }

  /**
   * An answer from another region's document, to a question that does not name that region, asked
   * again without that region's documents: the served region's and the national documents come
   * first (new-user tries: a Groningen/Drenthe guardian got Rijnmond's lines on ambulant help and
   * acute unsafety, with a notice, and never the own region's answer). Kept only when that reading
   * leads with the served region's own plan and holds as much of the question: a national
   * document's milestone that shares the question's words ("knelpunten", "plaatsing") is no
   * better answer than the other region's list of bottlenecks. The reply then says the other
   * region's plans also speak of it.
   */
  private async inServedRegion(result: AnswerResult, question: string, regions: RegionContext | undefined): Promise<AnswerResult> {
    const served = regions?.served();
    if (!regions?.documents || !served || result.status !== "answered") return result;
    const documents = [...new Set(result.sources.map((source) => source.documentId))];
    const region = otherRegionOf(documents, question, regions) ?? leadFromOtherRegion(documents, question, regions);
    if (!region) return result;
    // "de regio", "onze regio", "bij ons" mean the region served: its own plans answer, also when
    // another region's or the national ones hold a word more ("wat wil de regio bereiken in 2027?"
    // got Rijnmond's steering group; new-user try).
    const ownRegion = MEANS_OWN_REGION.test(question);
    const others = regions.documents().filter((id) => (ownRegion ? !ofServedRegion(regions.documentRegion(id), served) : otherRegionThan(regions.documentRegion(id), served) !== undefined));
    const local = nonEmpty(await this.ask.answer(question, { withoutDocuments: others }));
    // Not one that holds less of the question ("hoe vraag ik een machtiging aan?" found a subsidy
    // one may "aanvragen", without "machtiging").
    const asGood = ownRegion || (local.questionCoverage ?? 0) >= (result.questionCoverage ?? Infinity);
    const ownPlan = local.status === "answered" && local.sources[0] !== undefined && ofServedRegion(regions.documentRegion(local.sources[0].documentId), served);
    return ownPlan && local.unanswered === undefined && asGood ? { ...local, alsoInRegion: region } : result;
  }

  async question(address: ConversationAddress, typed: string): Promise<Reply> {
    const text = withoutAcknowledgement(typed);
    // "nee ik bedoel van de regiovisie" goes on from the question before; "ik bedoel: wat is een spoedberaad?" stands alone.
    const corrects = correctsPrevious(typed) && !mayStandAlone(text);
    if (this.followUps && asksForSource(text)) return this.sourcesOfPrevious(address);
    if (asksShorter(text)) return this.shorterPrevious(address, text);
    if (asksForMore(text)) return this.moreOfPrevious(address);
    if (asksWhatItMeans(text)) return this.moreOfPrevious(address, true);
    const introduced = this.regions ? introductionOnly(text, this.regions) : undefined;
    // The route's and the checklist's own offers come under a placement question or an urgent case.
    if (introduced) return this.introduction(address, introduced.region, introduced.story === true, isPlacementQuestion(text) || URGENT_NOW.test(text) || ESCALATES.test(text));
    // "en als het vrijwillige hulp is?" is read with the question before it; any other question
    // becomes the one a next follow-up goes on from.
    // "die regiovisie rijnmond" after "Welk plandocument bedoel je?" names the document to summarise.
    const short = text.trim().split(/\s+/).length <= ANSWER_TO_ASK_BACK_WORDS && !text.includes("?");
    // "en wat is hsj?" names its own subject: not read with the question before.
    const followUp = corrects || (isFollowUp(text) && !this.ask.asksAnAbbreviation?.(text));
    const stored = this.followUps ? await this.previousQuestion(address) : undefined;
    const kept = (short || followUp) && stored?.question ? stored : undefined;
    // Where the asker said they work, in this message or earlier in the conversation: that region's
    // plans are theirs (new-user try: "ik werk in wijkteam rotterdam" got "niet over jouw regio" under
    // every Rijnmond answer, and "Zet „in Rijnmond” in je vraag").
    const ownRegion = (this.regions ? askerRegion(text, this.regions) : undefined) ?? stored?.askerRegion;
    const regions = this.regions ? servingAsker(this.regions, ownRegion) : undefined;
    const chosen = short && kept?.askedBack === true;
    // "en in rijnmond?" after a question about Groningen and Drenthe asks that question of Rijnmond,
    // also when the documents had no answer for Groningen and Drenthe.
    // A region added to a question that named none, not when the previous answer already came
    // from that region's plans: that is said below.
    const regionSwapped = !chosen && followUp && kept && this.regions?.regions ? withRegionSwapped(kept.question, text, this.regions.regions(), !this.sameRegionAgain(text, kept)) : undefined;
    // "en wat zegt de voortgangsrapportage daarover?" asks the question before of that document.
    const documentSwapped = regionSwapped === undefined && !chosen && followUp && kept ? this.ask.documentAskedAlone?.(text, kept.question) : undefined;
    // "… voor die werkwijze?" names the document the previous answer came from.
    const pointedAt = !chosen && !followUp && regionSwapped === undefined ? withDocumentPointedAt(text, stored?.sources, (id) => this.ask.documentNamedByKind?.(id)) : undefined;
    // "en het expertteam?" after "wat doet het servicepunt precies?" asks that of the Expertteam.
    const termSwapped = regionSwapped === undefined && documentSwapped === undefined && !chosen && followUp && kept && kept.refused !== true ? withTermSwapped(kept.question, text) : undefined;
    const swapped = regionSwapped ?? documentSwapped?.question ?? pointedAt ?? termSwapped;
    // Going on from a question the documents did not answer, it cannot be answered either, unless
    // it names what it asks about itself ("en wanneer ga ik naar het expertteam?").
    // "maar wie moet ik dan bellen?" after a case the documents had no answer for asks whom to
    // contact: answered as itself, with the way to the Servicepunt (new-user try of the forty-second
    // session: "Ook hierop geven de plandocumenten geen antwoord", right after the Servicepunt was offered).
    const followsRefusal = !chosen && followUp && kept?.refused === true && swapped === undefined && !mayStandAlone(text) && !asksWhomToContact(text);
    let previous = !chosen && followUp && (kept?.refused !== true || swapped !== undefined) ? kept : undefined;
    let asked = chosen ? `vat ${text.trim()} samen` : swapped ?? (previous ? withPrevious(previous.question, atThatTime(text, previous)) : text);
    // "hier" is where the asker said they work: asked of that region, unless its plans have no answer.
    const here = !chosen && !followUp && ownRegion && this.regions ? hereAsRegion(askingPart(text), ownRegion, this.regions) : undefined;
    const inOwnRegion = here !== undefined ? nonEmpty(await this.ask.answer(here)) : undefined;
    if (inOwnRegion?.status === "answered") asked = here!;
    // A follow-up that names no document, after a question that named one ("wat zegt de regiovisie
    // rijnmond over pleegzorg …?" / "en wie betaalt dat dan?"), is asked of that document (new-user
    // try of the forty-third session: a progress-report list on gezinshuizen led, under "Let op: dit
    // komt uit een ander document"). When that document has no answer, all documents are asked.
    const stayIn = previous && swapped === undefined && this.ask.documentNamed?.(text) === undefined ? this.ask.documentNamed?.(previous.question) : undefined;
    const inNamed = async (question: string, options: AnswerOptions = {}): Promise<AnswerResult> => {
      const own = stayIn ? await this.fromDocumentAlone(question, stayIn, options) : undefined;
      return own?.status === "answered" ? own : nonEmpty(await this.ask.answer(question, options));
    };
    let result: AnswerResult = followsRefusal
      ? { status: "abstained", text: FOLLOWS_REFUSAL_TEXT, mode: "none", sources: [], moreSources: [], followsRefusal: true }
      : inOwnRegion?.status === "answered"
        ? inOwnRegion
        : await inNamed(asked, previous ? { followUp: withoutPersonalData(text) } : {});
    // Asked of one document ("wat zegt het actieplan daarover?"), it answers from that document
    // alone when that one says something (new-user try of the forty-first session: a line from
    // the regiovisie, asked about before, came again under the action plan's).
    if (documentSwapped && result.status === "answered" && result.sources.some((source) => source.documentId !== documentSwapped.documentId)) {
      const own = await this.fromDocumentAlone(asked, documentSwapped.documentId);
      if (own?.status === "answered") result = own;
    }
    // A follow-up that asks something of a document the question before did not name ("en is dat
    // gehaald volgens de voortgangsrapportage?") is answered from that document when it says
    // something; an answer led by another document's line reads as that document's word (new-user
    // try of the forty-second session: the action plan's target "teruggebracht met 80%" led, read
    // as "achieved").
    const namedAnew = previous && !documentSwapped && swapped === undefined ? this.ask.documentNamedAnew?.(text, previous.question) : undefined;
    if (namedAnew && result.status === "answered" && result.sources[0]?.documentId !== namedAnew) {
      const own = await this.fromDocumentAlone(asked, namedAnew, { followUp: withoutPersonalData(text) });
      // When that document says nothing of it, that is the answer ("„procent” komt in „Vijfde
      // voortgangsrapportage …” niet voor."), not the other document's line; but not "Daar gaan de
      // plandocumenten niet over", which the other documents belie.
      if (own && !own.offTopic) result = own;
    }
    // Read with the previous question, the follow-up itself may be the part left open ("en wie
    // betaalt dat allemaal?" got the casusregie list again, longer, with a note that payment was
    // not in it; new-user try): its quotes only answer the previous question again.
    const ownPartOpen = previous !== undefined && result.status === "answered" && result.unanswered !== undefined && isTheFollowUp(result.unanswered, text);
    if (previous && swapped === undefined && result.status === "answered" && (ownPartOpen || answersAsBefore(result.text, previous))) {
      // Read with the previous question it finds only that answer again; one that names what it
      // asks about, without pointing back, is asked on its own before saying there is nothing new.
      // So is one that names a place the question before did not ("en wat geldt er specifiek voor
      // ons als schiedam?" after the expertiseteam's functions; new-user try of the thirty-eighth
      // session: "nothing new", while the plans say what the MVS-gemeenten do themselves).
      // Not a place the asker named as where they work ("hoi, beleidsmedewerker jeugd gemeente
      // schiedam. … wat zegt de regiovisie over inkoop?" / "geldt dat ook voor schiedam?"; new-user
      // try of the forty-third session: "nothing new", while §1.3 says what Schiedam does itself).
      const before = this.regions ? placesNamed(askingPart(previous.question), this.regions) : [];
      const newPlace = this.regions !== undefined && placesNamed(text, this.regions).some((place) => !before.includes(place));
      const alone = mayStandAlone(text) || newPlace ? await inNamed(text) : undefined;
      // Quotes the previous answer did not show answer the follow-up only when they hold a word it
      // asks about ("en wie betaalt dat dan?" got the rest of a list on the INT; new-user try).
      const unseen = ownPartOpen ? undefined : newQuotes(result.text, previous);
      // Or, for "en wie heeft het opgesteld?", the document's details: they name the makers, not the
      // word asked (new-user try: the progress report's milestone rows with "opgesteld" answered).
      const answersFact = unseen !== undefined && documentFactAsked(text) !== undefined && givesDocumentFact(unseen);
      const fresh = unseen !== undefined && (answersFact || (this.ask.holdsAWordOf?.(text, unseen) ?? true)) ? unseen : undefined;
      if (alone?.status === "answered" && !answersAsBefore(alone.text, previous)) {
        previous = undefined;
        asked = text;
        result = alone;
      } else if (fresh) {
        // The document's details name who made it: no "Wie dat is of doet, staat niet in deze
        // citaten" above them (third new-user try: it stood above the makers).
        result = answersFact ? { ...onlyQuotes(result, fresh), noActor: undefined } : onlyQuotes(result, fresh);
      } else {
        // What else the documents say: the same reading, outside the sections already quoted.
        // Also when the follow-up was the part left open: the reading quoted the previous answer's
        // section again, while the next one holds it ("en wat is daarvan de planning, wanneer moet
        // het gestopt zijn?" after separeren: the milestones; first new-user try of the fortieth session).
        const beyond = previous.sources?.length ? await inNamed(asked, { beyond: previous.sources, followUp: withoutPersonalData(text) }) : undefined;
        // Not one that leaves the follow-up itself open: the kind it asks for must be in it ("en hoe
        // lang duurt zo'n spoedmachtiging dan?" got the bottlenecks, with no duration in them).
        const kind = askedFor(text)?.type;
        const answers =
          beyond?.status === "answered" &&
          beyond.unanswered === undefined &&
          (kind === undefined || containsAnswerType(withoutMarkers(beyond.text), kind)) &&
          (this.ask.holdsAWordOf?.(text, beyond.text) ?? true) &&
          !answersAsBefore(beyond.text, previous);
        result = answers ? beyond : (this.sameRegionAgain(text, previous, beyond) ?? (await this.partOfPrevious(previous.question, text)) ?? (await this.placeAlone(text, previous)) ?? this.passageGoesOn(previous, result.text, text) ?? nothingNew(text));
      }
    }
    // Read with its previous question, a follow-up is answered by the quotes that hold a word it
    // asks about; quotes that only answer the previous question again go, when one does (new-user
    // try: "en wie gaf daar de aanzet toe?" led with two lines on the werkwijze's region and goal).
    if (previous && swapped === undefined && result.status === "answered") result = this.onlyWhatFollowsUp(result, text);
    // Asked of a region by name and answered from plans that never name it: that region's own
    // plans are searched alone (second new-user try: the national answer came back again).
    if (swapped !== undefined && result.status === "answered" && (result.placeNotQuoted || this.quotesBeyondCountry(text, result))) result = (await this.inNamedRegion(asked, text)) ?? result;
    // Asked what the national plans say ("wat zeggen de landelijke plannen over pleegzorg?") and
    // answered from a region's plan: the national documents alone, when they answer (second
    // new-user try of the thirty-ninth session: the Rijnmond regiovisie answered).
    else if (!previous && asksNationalPlans(text) && result.status === "answered" && this.quotesBeyondCountry(NATIONAL_FOLLOW_UP, result)) result = (await this.inNamedRegion(withoutNationalPlans(asked), NATIONAL_FOLLOW_UP)) ?? result;
    // Asked to do something ("ik wil een consult aanvragen bij het servicepunt"), the offer that does
    // it leads (see the router) and one quote under it says what the plans say; further quotes were
    // lines loosely about the words of the request (new-user try of the thirty-ninth session: a case
    // story about a mother and her therapist under the consult button). Only a request for what
    // Wegwijs does by name: "kun je de doelen van het actieplan noemen?" gets no offer, and all of it.
    const lead = (answer: AnswerResult) => (!previous && asksToAct(text) && namesATool(text) ? leadQuoteOnly(answer) : answer);
    result = this.withOtherRegion(lead(await this.inServedRegion(lead(result), asked, regions)), asked, regions);
    // The id the answer is stored under, kept with the question too ("vertel eens meer" shows its other sources).
    const answerId = randomUUID();
    // The refused question stays the one to go on from: "en wie betaalt dat?", then "en wie regelt dat?".
    if (this.followUps && !previous && !followsRefusal) {
      const answer = result.status === "answered" ? result.text : "";
      // Read as asked of the asker's region ("hier"), it is kept that way: a follow-up goes on from that reading.
      await bestEffort(() => this.followUps!.remember(address, here !== undefined && asked === here ? here : text, answer, result.sources, result.asksBack === true, ownRegion, answerId));
    } else if (this.followUps && (result.status === "answered" || result.status === "abstained")) {
      // A refused follow-up has no sources: "waar staat dat?" after it is not about the answer before.
      await bestEffort(() => this.followUps!.rememberSources(address, result.status === "answered" ? result.sources : [], result.status === "abstained", result.status === "answered" ? result.text : "", answerId));
    }
    const parts = answerParts(result, asked, regions);
    if (swapped !== undefined) parts.unshift(notice(`Ik lees dit als: „${shorten(swapped, FOLLOW_UP_QUOTE_CHARS)}”`, "info"));
    else if (asked === here) parts.unshift(notice(`Ik lees „hier” als regio ${ownRegion}.`, "info"));
    // The question itself, not the story told before it (new-user try: "… dochter 15 loopt weg en blowt veel …" came back in every notice).
    else if (previous ?? (followsRefusal ? kept : undefined)) parts.unshift(notice(`Ik lees dit als vervolg op je vorige vraag: „${shorten(askingPart((previous ?? kept)!.question), FOLLOW_UP_QUOTE_CHARS)}”`, "info"));
    // Read with an answer from one document, answered from others: said, so a date or name from
    // elsewhere is not read as that document's (new-user try of the forty-first session: "en
    // wanneer moet dat klaar zijn?" after Rijnmond's agreements got a national symposium's date).
    // Not when a notice already says the quotes are not from the place asked about.
    const elsewhere = previous && swapped === undefined && result.status === "answered" && !result.placeNotQuoted ? otherDocumentNotice(previous.sources, result.sources) : undefined;
    if (elsewhere) parts.splice(1, 0, notice(elsewhere, "info"));
    // Asked about the route by someone who said they work in another region ("maar ik zit in
    // rotterdam-rijnmond, geldt die route ook voor mij?"): the route is the served region's, as the
    // route itself says (new-user try of the forty-second session: a list of obstacles came, unmarked).
    const served = this.regions?.served();
    const theirs = served && ownRegion && NAMES_THE_ROUTE.test(text) ? otherRegionThan(ownRegion, served) : undefined;
    if (theirs) parts.unshift(notice(`Let op: de plaatsingsroute in Wegwijs volgt de plannen van regio ${served}, waarvoor Wegwijs hier is ingesteld. Je zei in regio ${theirs} te werken.`, "warning"));
    // A follow-up read with the question before it: what other features offer is looked for in that reading.
    // Not the document's title put in for "die werkwijze": its words ("plaatsing") are not asked.
    const readAs = asked !== text && asked !== pointedAt ? { readAs: asked } : {};
    if (result.status !== "answered" && result.status !== "abstained") return { parts, ...readAs };

    const hidden = result.status === "answered" ? result.moreSources : [];
    // Without the store the answer still goes out, without the buttons that need it and with a notice.
    const remembered = await bestEffort(() =>
      this.answers.recordAnswer(answerId, {
        status: result.status,
        mode: result.mode,
        surface: address.surface,
        sources: result.sources.map(({ documentId, section }) => ({ documentId, section })),
        hiddenSources: hidden,
        ...(ownRegion ? { askerRegion: ownRegion } : {}),
        at: new Date().toISOString(),
      }),
    );
    if (!remembered) {
      parts.push(notRememberedNotice());
      return { parts, ...(result.status === "abstained" ? { declines: true } : {}), ...readAs };
    }
    const actions: ReplyAction[] = [];
    if (hidden.length > 0) actions.push({ id: MORE_SOURCES_ACTION, label: "Meer bronnen", value: answerId });
    if (actions.length > 0) parts.push({ kind: "actions", actions });
    parts.push({ kind: "feedback", answerId });
    return { parts, ...(result.status === "abstained" ? { declines: true } : {}), ...readAs };
  }

  /** Whether a follow-up asks for the whole country ("en landelijk?") and the answer quotes a regional plan. */
  private quotesBeyondCountry(followUp: string, result: AnswerResult): boolean {
    const regions = this.regions;
    const named = regions?.regions ? onlyRegionNamed(followUp, regions.regions()) : undefined;
    return !!regions && named !== undefined && isNational(named) && result.sources.some((source) => !ofNamedRegion(regions.documentRegion(source.documentId), named));
  }

  /** The question answered from the plans of the region a follow-up names alone (or the national ones), if they answer it. */
  private async inNamedRegion(question: string, followUp: string): Promise<AnswerResult | undefined> {
    const regions = this.regions;
    const named = regions?.regions ? onlyRegionNamed(followUp, regions.regions()) : undefined;
    if (!regions?.documents || !named) return undefined;
    const others = regions.documents().filter((id) => !ofNamedRegion(regions.documentRegion(id), named));
    // As the follow-up typed, as every other reading of it is (what it carried over is marked; see AskService.withNotInRegionDocument).
    const own = nonEmpty(await this.ask.answer(question, { withoutDocuments: others, followUp: withoutPersonalData(followUp) }));
    return own.status === "answered" ? own : undefined;
  }

  /** The answer's quotes that hold a word of the follow-up, when some do and some do not; else the answer as it is. */
  private onlyWhatFollowsUp(result: AnswerResult, followUp: string): AnswerResult {
    const blocks = quoteBlocks(result.text);
    const own = blocks.filter((block) => this.ask.holdsAWordOf?.(followUp, block.quote) ?? true);
    return own.length > 0 && own.length < blocks.length ? onlyQuotes(result, own.map((block) => block.text).join("\n")) : result;
  }

  /**
   * "en in rijnmond?" after an answer from Rijnmond's plan: that answer was already Rijnmond's
   * (new-user try: "nothing new" read as if Rijnmond had not been looked at).
   */
  private sameRegionAgain(text: string, previous: KeptQuestion, beyond?: AnswerResult): AnswerResult | undefined {
    const regions = this.regions;
    const named = regions?.regions ? onlyRegionNamed(text, regions.regions()) : undefined;
    const sources = previous.sources ?? [];
    if (!regions || !named || sources.length === 0) return undefined;
    const ofRegion = (documentId: string) => ofNamedRegion(regions.documentRegion(documentId), named);
    if (!sources.every((source) => ofRegion(source.documentId))) return undefined;
    const plans = isNational(named) ? "de landelijke plannen" : `de plannen van regio ${named}`;
    // What else those plans say, outside the sections already quoted (first new-user try of the
    // fortieth session: "Meer zeggen die er niet over" after one line on pleegzorg, while the
    // regiovisie says more in its agreements). The region's name is no word its plans need to hold.
    if (beyond?.status === "answered" && beyond.unanswered === undefined && beyond.sources.length > 0 && beyond.sources.every((source) => ofRegion(source.documentId)) && !answersAsBefore(beyond.text, previous)) {
      return { ...beyond, fromPlansAgain: plans };
    }
    return { status: "abstained", text: `Mijn vorige antwoord kwam al uit ${plans}. Meer zeggen die er niet over.`, mode: "none", sources: [], moreSources: [], nothingNew: true };
  }

  /** A document chosen under "Welk plandocument bedoel je?": what it says its aim is. */
  async gist(address: ConversationAddress, title: string | undefined): Promise<Reply> {
    return this.question(address, `waar gaat ${(title ?? "").slice(0, 200)} over?`);
  }

  /** "waar staat dat precies?": the sources of the answer just given, or a short word that there is none. */
  private async sourcesOfPrevious(address: ConversationAddress): Promise<Reply> {
    const kept = await this.previousQuestion(address);
    // Asked right after a refusal: that reply had no source (verification try: the sources of the
    // answer before it were shown as "Mijn vorige antwoord").
    if (kept?.refused || kept?.lastRefused) return { parts: [{ kind: "text", text: REFUSED_HAS_NO_SOURCES_TEXT }] };
    const sources = kept?.sources ?? [];
    if (sources.length === 0) return { parts: [{ kind: "text", text: NO_PREVIOUS_SOURCES_TEXT }] };
    const text = sources.length === 1 ? "Mijn vorige antwoord komt uit deze passage:" : "Mijn vorige antwoord komt uit deze passages:";
    return { parts: [{ kind: "text", text }, { kind: "sources", title: "Bronnen", sources }] };
  }

  /**
   * "kun je dat korter zeggen?": the latest answer's first quote, which is where the answer leads
   * (a long quotation to its first sentence, a long list to its lead-in and first item, with what
   * is left out), with its source. Without an answer to go on from, the reply says Wegwijs quotes
   * word for word.
   */
  private async shorterPrevious(address: ConversationAddress, request: string): Promise<Reply> {
    const kept = this.followUps ? await this.previousQuestion(address) : undefined;
    // After a refusal there is no answer to say shorter (third new-user try: "Korter … doe ik niet" read as a refusal to try).
    if (kept?.refused || kept?.lastRefused) return { parts: [{ kind: "text", text: REFUSED_NOTHING_SHORTER_TEXT }] };
    // "kan dat korter? alleen de datums": the previous answer's lines with a date, each with its
    // source (new-user try of the forty-second session: only the first of two milestones came).
    const only = kindOnlyAsked(request);
    if (only && kept?.quoteLines && kept.sources) return onlyLinesHolding(kept.quoteLines, kept.sources, only);
    // "… alleen wat over het expertteam gaat": the previous answer's lines that name it.
    const topic = topicOnlyAsked(request);
    if (topic && kept?.quoteLines && kept.sources) return onlyLinesAbout(kept.quoteLines, kept.sources, topic);
    const quote = kept?.shortest;
    const source = quote ? kept?.sources?.find((s) => s.n === quote.n) : undefined;
    if (!quote || !source) return onboardingReply("rephrase", undefined);
    // "alleen de belangrijkste 3": the list's first three, as the document orders them (new-user
    // try of the forty-first session: one item came, with "nog 6 punten"). The documents do not say
    // which matter most, and the reply says so.
    const count = itemsAsked(request);
    const first = count !== undefined ? firstItems(quote, count) : undefined;
    if (count !== undefined && first) {
      return {
        parts: [
          { kind: "text", text: `De eerste ${count} punten van de lijst waarmee mijn vorige antwoord begint.${/belangrijk/i.test(request) ? " Welke het belangrijkst zijn, zeggen de plandocumenten niet." : ""}` },
          { kind: "text", text: `${first.text} [1]` },
          notice(first.itemsLeft === 1 ? "De lijst heeft nog 1 punt; dat staat in mijn vorige antwoord." : `De lijst heeft nog ${first.itemsLeft} punten; die staan in mijn vorige antwoord.`, "info"),
          { kind: "sources", title: "Bron", sources: [{ ...source, n: 1 }] },
        ],
      };
    }
    if (quote.whole) return { parts: [{ kind: "text", text: quote.text.split("\n").some((line) => QUOTED_ITEM.test(line)) ? ALREADY_SHORT_LIST_TEXT : ALREADY_SHORTEST_TEXT }] };
    const parts: ReplyPart[] = [
      { kind: "text", text: SHORTER_LEAD_TEXT },
      { kind: "text", text: `${quote.text} [1]` },
    ];
    if (quote.itemsLeft) parts.push(notice(quote.itemsLeft === 1 ? "De lijst heeft nog 1 punt; dat staat in mijn vorige antwoord." : `De lijst heeft nog ${quote.itemsLeft} punten; die staan in mijn vorige antwoord.`, "info"));
    else if (quote.sentencesLeft) parts.push(notice("Dit is het begin van het citaat; de rest staat in mijn vorige antwoord.", "info"));
    else if (quote.itemsCut) parts.push(notice(quote.labelsOnly ? "Van elk punt staat hier het begin; de rest staat in mijn vorige antwoord." : "Van elk punt staat hier de eerste zin; de rest staat in mijn vorige antwoord.", "info"));
    parts.push({ kind: "sources", title: "Bron", sources: [{ ...source, n: 1 }] });
    return { parts };
  }

  /** The question answered from one document alone (the others left out); undefined when the documents are not known. */
  private async fromDocumentAlone(asked: string, documentId: string, options: { followUp?: string } = {}): Promise<AnswerResult | undefined> {
    const others = (this.regions?.documents?.() ?? []).filter((id) => id !== documentId);
    return others.length > 0 ? nonEmpty(await this.ask.answer(asked, { ...options, withoutDocuments: others })) : undefined;
  }

  /**
   * Where a message the small talk answers says the asker works ("hoi, wie ben jij? ik ben
   * gezinsvoogd bij een GI in rotterdam"): kept for the conversation, as a question's introduction
   * is. Gives the notice for a greeting's reply when that is not the region served: its example
   * questions and the route are that region's.
   */
  async regionIntroduced(address: ConversationAddress, text: string): Promise<string | undefined> {
    if (!this.regions) return undefined;
    const region = askerRegion(text, this.regions);
    if (!region) return undefined;
    if (this.followUps) await bestEffort(() => this.followUps!.rememberRegion(address, region));
    const served = this.regions.served();
    const other = served ? otherRegionThan(region, served) : undefined;
    return served && other ? `Let op: de voorbeeldvragen en de plaatsingsroute volgen de plannen van regio ${served}, waarvoor Wegwijs hier is ingesteld. Je zei in regio ${other} te werken: vraag gerust naar de plannen van die regio.` : undefined;
  }

  /**
   * A message that only says who the asker is ("ik zit in rijnmond hoor, niet in groningen"): the
   * region is kept for the conversation, said back, and the question asked for.
   */
  private async introduction(address: ConversationAddress, region: string | undefined, story: boolean, routeOffered: boolean): Promise<Reply> {
    if (!region && !story) return { parts: [{ kind: "text", text: INTRODUCED_TEXT }] };
    if (region && this.followUps) await bestEffort(() => this.followUps!.rememberRegion(address, region));
    const served = this.regions?.served();
    const own = region !== undefined && served !== undefined && otherRegionThan(region, served) === undefined;
    const where = region === undefined ? "" : own ? `Regio ${region}: daar is Wegwijs voor ingesteld.` : `Ik houd rekening met regio ${region}: bij je vragen gaan de plannen van die regio voor.`;
    const asked = story ? STORY_TOLD_TEXT : "Wat wil je weten?";
    const parts: ReplyPart[] = [{ kind: "text", text: ["Dank je!", where, asked].filter(Boolean).join(" ") }];
    // A case told: the placement route is there to walk through it, as under a placement question
    // (unless the route's own offer, or the urgent route's, comes under this reply anyway).
    if (story && !routeOffered) parts.push({ kind: "text", text: ROUTE_FOR_STORY_TEXT }, { kind: "actions", actions: [{ id: ROUTE_ACTION.start, label: "Start de plaatsingsroute", style: "primary" }] });
    return { parts };
  }

  /**
   * "vertel eens meer", "kun je daar meer over vertellen?": the passages found for the latest answer
   * that it did not show, as under its "Meer bronnen" button, with the question they go with. Read
   * as a question, such a request found lines on its own words ("vertellen", "meer"; test of the
   * thirty-seventh session).
   */
  /** `meaning`: asked what the previous answer means (see asksWhatItMeans), not for more of it. */
  private async moreOfPrevious(address: ConversationAddress, meaning = false): Promise<Reply> {
    const kept = this.followUps ? await this.previousQuestion(address) : undefined;
    if (kept?.refused || kept?.lastRefused) return { parts: [{ kind: "text", text: REFUSED_NOTHING_MORE_TEXT }] };
    // First what the passage says after what the latest answer showed (second new-user try of the
    // thirty-seventh session: "vertel eens meer" and "en verder?" after the casusregisseur's first
    // task said there was no more, while the section lists three more), then the other passages.
    const source = kept?.sources?.[0];
    const next = source && kept?.shown ? this.ask.continuation?.(source, kept.shown) : undefined;
    if (kept && next) {
      await bestEffort(() => this.followUps!.rememberSources(address, next.sources, false, next.text, kept.answerId));
      return { parts: [notice(meaning ? MEANING_GOES_ON_NOTICE : GOES_ON_NOTICE, "info"), { kind: "text", text: next.text }, { kind: "sources", title: "Bron", sources: next.sources }] };
    }
    // Other passages found for the question explain nothing of this answer.
    if (kept && meaning) return { parts: [{ kind: "text", text: NOTHING_EXPLAINED_TEXT }] };
    const record = kept?.answerId ? await this.answers.answer(kept.answerId) : undefined;
    if (!kept || !record) return { parts: [{ kind: "text", text: NO_ANSWER_FOR_MORE_TEXT }] };
    const hidden = record.hiddenSources ?? [];
    if (hidden.length === 0) return { parts: [{ kind: "text", text: NOTHING_MORE_TEXT }] };
    const elsewhere = this.regions ? otherRegionSourcesNotice(hidden, servingAsker(this.regions, record.askerRegion)) : undefined;
    return {
      parts: [
        { kind: "text", text: `Dit vond ik nog meer in de plandocumenten bij je vraag „${shorten(askingPart(kept.question), FOLLOW_UP_QUOTE_CHARS)}”:` },
        { kind: "sources", title: "Meer bronnen", sources: hidden },
        ...(elsewhere ? [notice(elsewhere, "info")] : []),
      ],
    };
  }

  /**
   * For a follow-up that finds only the previous answer again, the part of that answer that answers
   * it, said to be from before, rather than "nothing new": for "en wie schrijft die?" its quotes
   * that name who is involved ("Trainen verwijzers en … aanbieders …"; second new-user try of the
   * thirty-fourth session), else the quotes or list items that hold what it asks ("en als er een ots
   * komt?", "wanneer moet dat klaar zijn?"; see saidBefore). The previous answer is read again (only
   * fingerprints of its quotes are kept), and only when a part of it may answer.
   */
  private async partOfPrevious(previousQuestion: string, followUp: string): Promise<AnswerResult | undefined> {
    const asksWhom = asksWho(followUp) && this.ask.namesSomeoneOn !== undefined;
    const weight = this.weightOfAsked(followUp);
    if (!asksWhom && !weight) return undefined;
    const before = nonEmpty(await this.ask.answer(previousQuestion));
    if (before.status !== "answered") return undefined;
    return (asksWhom ? this.namedBefore(before, previousQuestion, followUp) : undefined) ?? (weight ? this.saidBefore(before, weight) : undefined);
  }

  /**
   * "en in friesland?" where, read with the question before, the plans say nothing more: what they
   * say about that place, when the documents name it (new-user try of the thirty-eighth session:
   * "nothing new", while the new way of working says Friesland is to join). Not a region the
   * documents are about: those are asked the question before (see withRegionSwapped).
   */
  private async placeAlone(followUp: string, previous: KeptQuestion): Promise<AnswerResult | undefined> {
    const place = onlyPlaceTyped(followUp);
    if (!place || !this.ask.namesAPlace?.(place)) return undefined;
    const about = nonEmpty(await this.ask.answer(place));
    if (about.status !== "answered" || answersAsBefore(about.text, previous)) return undefined;
    return { ...about, placeAlone: place.replace(/^\p{Ll}/u, (first) => first.toUpperCase()) };
  }

  /**
   * For a follow-up that finds only the previous answer again and has no part of it to point at:
   * what the passage of that answer's first quote says right after it, when that holds a word the
   * follow-up asks about, or the follow-up asks about none ("en als dat niet lukt?", "en waarom?").
   * Such follow-ups often ask for the next paragraph (new-user tries: "en als dat niet lukt?"
   * after the line on a foster family near home got "niets nieuws", while the section goes on with
   * "Als er geen pleegzorggezinnen in de nabijheid zijn, …").
   */
  private passageGoesOn(previous: KeptQuestion, shown: string, followUp: string): AnswerResult | undefined {
    const source = previous.sources?.[0];
    if (!source || !this.ask.continuation || askedFor(followUp) !== undefined) return undefined;
    const next = this.ask.continuation(source, previous.shown ?? shown);
    return next && (ASKS_WHAT_FOLLOWS.test(foldText(followUp)) || (this.ask.holdsAWordOf?.(followUp, next.text) ?? true)) ? next : undefined;
  }

  /** The previous answer's quotes that name someone besides what the two questions name; undefined when none does. */
  private namedBefore(before: AnswerResult, previousQuestion: string, followUp: string): AnswerResult | undefined {
    const asking = `${previousQuestion} ${followUp}`;
    const naming = quoteBlocks(before.text).filter((block) => this.ask.namesSomeoneOn!(previousQuestion, block.quote, asking));
    return naming.length === 0 ? undefined : { ...fromBefore(before, naming.map((block) => block.text).join("\n")), namedBefore: true };
  }

  /**
   * How much of what a follow-up asks a text holds (0 to 1): for a kind of answer ("wanneer moet dat
   * klaar zijn?") whether it gives one ("In 2027: …"); else the share of its words' weight. Undefined
   * for a follow-up with no word of its own and no kind ("waarom?").
   */
  private weightOfAsked(followUp: string): ((text: string) => number) | undefined {
    const kind = askedFor(followUp)?.type;
    if (kind) return (text) => (containsAnswerType(withoutMarkers(text), kind) ? 1 : 0);
    const weightHeldBy = this.ask.weightHeldBy;
    if (!weightHeldBy || weightHeldBy(followUp, "") === undefined) return undefined;
    return (text) => weightHeldBy(followUp, text) ?? 0;
  }

  /**
   * The previous answer's quotes (of a list: the items) that hold most of what the follow-up asks,
   * when not all of them do (see partHolding). None holding a kind asked for: that is said plainly
   * ("Een datum daarbij vind ik niet …").
   */
  private saidBefore(before: AnswerResult, weight: (text: string) => number): AnswerResult | undefined {
    const part = partHolding(before.text, weight);
    return part === undefined ? undefined : { ...fromBefore(before, part), saidBefore: true };
  }

  /** The question a follow-up goes on from; none when the store cannot be reached. */
  private async previousQuestion(address: ConversationAddress): Promise<KeptQuestion | undefined> {
    let previous: KeptQuestion | undefined;
    await bestEffort(async () => {
      previous = await this.followUps?.previous(address);
    });
    return previous;
  }

  /** Stores a 👍 / 👎 (by answer id; the question text is never kept). A 👎 asks for an optional reason. */
  async feedback(address: ConversationAddress, value: string | undefined): Promise<Reply> {
    const vote = parseFeedbackValue(value);
    if (!vote || !(await this.answers.answer(vote.answerId))) {
      return { parts: [notice("Dit antwoord ken ik niet (meer); je feedback is niet opgeslagen.")] };
    }
    const previous = await this.answers.feedback(vote.answerId, address.userId);
    await this.answers.recordVote(vote.answerId, address.userId, { rating: vote.rating, surface: address.surface, at: new Date().toISOString() });
    const changed = previous !== undefined && previous.rating !== vote.rating ? " Je eerdere stem is aangepast." : "";
    if (vote.rating === "useful") return { parts: [{ kind: "text", text: `Dank je! Fijn dat het hielp.${changed}` }] };
    return {
      parts: [
        { kind: "text", text: `Dank je voor je feedback.${changed}` },
        reasonForm(vote.answerId),
        notice("Kom je er niet uit? Leg je vraag voor aan het Servicepunt JeugdzorgPlus van je regio.", "info"),
      ],
    };
  }

  /** The optional reason under a 👎: privacy-filtered and capped before it is stored. */
  async feedbackReason(address: ConversationAddress, answerId: string | undefined, fields: Record<string, string> | undefined): Promise<Reply> {
    if (!answerId || !(await this.answers.answer(answerId))) return { parts: [notice("Dit antwoord ken ik niet (meer); je toelichting is niet opgeslagen.")] };
    const { reason, redacted } = cleanReason(fields?.[FEEDBACK_REASON_FIELD] ?? "");
    if (!reason) return { parts: [{ kind: "text", text: "Dank je. Je stem is bewaard, zonder toelichting." }] };
    if (!(await this.answers.recordReason(answerId, address.userId, reason))) {
      // The reason only exists for a 👎; without a stored vote (e.g. expired) it stands for one.
      await this.answers.recordVote(answerId, address.userId, { rating: "not_useful", surface: address.surface, at: new Date().toISOString() });
      await this.answers.recordReason(answerId, address.userId, reason);
    }
    const parts: ReplyPart[] = [{ kind: "text", text: "Dank je, je toelichting is opgeslagen. Zo kunnen we Wegwijs verbeteren." }];
    if (redacted) parts.push(notice("Ik heb persoonsgegevens uit je toelichting gehaald voordat ik die bewaarde.", "info"));
    return { parts };
  }

  /** The sources of that answer (by its id) that it did not show. */
  async moreSources(answerId: string | undefined): Promise<Reply> {
    const record = answerId ? await this.answers.answer(answerId) : undefined;
    if (!record) return { parts: [notice(UNKNOWN_ANSWER)] };
    const hidden = record.hiddenSources ?? [];
    if (hidden.length === 0) return { parts: [{ kind: "text", text: "Er zijn geen andere bronnen bij dit antwoord." }] };
    const elsewhere = this.regions ? otherRegionSourcesNotice(hidden, servingAsker(this.regions, record.askerRegion)) : undefined;
    return { parts: [{ kind: "sources", title: "Meer bronnen", sources: hidden }, ...(elsewhere ? [notice(elsewhere, "info")] : [])] };
  }
}

function reasonForm(answerId: string): ReplyPart {
  return {
    kind: "form",
    formId: answerId,
    title: "Wat klopte er niet of wat miste je? (mag leeg blijven)",
    submitActionId: FEEDBACK_REASON_ACTION,
    submitLabel: "Versturen",
    fields: [
      {
        id: FEEDBACK_REASON_FIELD,
        label: "Toelichting",
        kind: "multiline",
        required: false,
        placeholder: "Bijvoorbeeld: het antwoord ging over iets anders. Noem geen namen.",
      },
    ],
  };
}

/** Personal data out, whitespace tidied, at most FEEDBACK_REASON_CHARS characters. */
export function cleanReason(raw: string): { reason: string; redacted: boolean } {
  const { text, findings } = redactPersonalData(raw);
  const tidy = text.replace(/\s+/g, " ").trim();
  const reason = tidy.length > FEEDBACK_REASON_CHARS ? `${tidy.slice(0, FEEDBACK_REASON_CHARS - 1).trimEnd()}…` : tidy;
  return { reason, redacted: findings.length > 0 };
}

/** A follow-up as the question's own words are searched: without what the privacy filter finds (a term shown back in a notice). */
function withoutPersonalData(text: string): string {
  return withoutFindings(text, redactPersonalData(text).findings);
}

/** An answer without words is no answer: it becomes an abstention, never an empty message. */
function nonEmpty(result: AnswerResult): AnswerResult {
  if (result.status !== "answered" || result.text.trim() !== "") return result;
  return { ...result, status: "abstained", mode: "none", text: ABSTAIN_TEXT, moreSources: [] };
}

/**
 * Says which part of a two-part question the quotes leave open, so nobody reads them as answering
 * it; `notInDocuments` when that part, searched on its own, is not answered by the plans either.
 */
export function unansweredNotice(part: string, notInDocuments = false): string {
  const asked = shorten(part.replace(/[*_`~]/g, ""), 120);
  return notInDocuments ? `Op je vraag „${asked}” geven de plandocumenten geen antwoord.` : `Dit antwoord gaat niet in op je vraag „${asked}”. Stel die gerust apart.`;
}

/** Says that the quotes come from another document than the one the question names. */
export function namedElsewhereNotice(title: string): string {
  return `Je vraag noemt „${shorten(title.replace(/[*_`~]/g, ""), 60)}”, maar dit antwoord komt uit een ander plandocument (zie de bronnen).`;
}

/** Says that the document a question asks about never mentions what it asks about. */
export function notNamedInNotice(word: string, title: string, elsewhere = false): string {
  return `${notNamedInText(word, title)} ${elsewhere ? "Dit zeggen de andere plandocumenten erover:" : "Dit zegt het er het dichtst bij:"}`;
}

/** Says, above the quotes, that none of them comes from a plan that names the region the question asks about. */
export function placeNotQuotedNotice(region: string): string {
  return `Geen van deze citaten komt uit een plan dat ${shorten(region.replace(/[*_`~]/g, ""), 40)} noemt. Dit zeggen de plandocumenten er wel over:`;
}

/** Says that the quotes under a "wat is het verschil …?" question name the two without telling them apart. */
export function unstatedDifferenceNotice(first: string, second: string): string {
  const plain = (side: string) => shorten(side.replace(/[*_`~]/g, ""), 50);
  return `Het verschil tussen „${plain(first)}” en „${plain(second)}” staat niet met zoveel woorden in de plandocumenten. Dit zeggen ze er wel over:`;
}

/** Says, above quotes that answer a question about a figure now, that they give none, and when they were written. */
export function figureNowNotice(years: string | undefined): string {
  const when = years ? `De plandocumenten hieronder zijn van ${years}: actuele cijfers staan er niet in. Dit schreven ze toen:` : "Actuele cijfers staan niet in de plandocumenten. Dit schrijven ze:";
  return `Je vraagt hoe het nu is. ${when}`;
}

/** Says that the quotes under a "wat is X?" question mention X without saying what it is. */
export function undefinedTermNotice(term: string, means?: string, verb?: TermVerb): string {
  const plain = (text: string) => shorten(text.replace(/[*_`~]/g, ""), 60);
  const named = `„${plain(term)}”${means ? ` (${plain(means)})` : ""}`;
  return `${verb?.startsWith("werk") ? `Hoe ${named}` : `Wat ${named}`} precies ${verb ?? "is"}, staat niet in de plandocumenten. Dit zeggen ze er wel over:`;
}

/** Part of the previous answer, read again, without the notices that belonged to the whole of it. */
function fromBefore(before: AnswerResult, text: string): AnswerResult {
  return { ...onlyQuotes(before, text), noActor: undefined, noMeans: undefined, noWhen: undefined, undefinedTerm: undefined, undefinedTermMeans: undefined, undefinedTermVerb: undefined };
}

/** The answer cut to the quotes in `text`, with the sources they cite (the others behind "Meer bronnen"), numbered from 1. */
function onlyQuotes(result: AnswerResult, text: string): AnswerResult {
  const cited = new Set([...text.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1])));
  const sources = result.sources.filter((source) => cited.has(source.n)).map((source) => withShownQuote(source, text));
  const dropped = result.sources.filter((source) => !cited.has(source.n));
  // The notice that introduces a document's aim goes with that quote, which the previous answer showed.
  return inCitationOrder({ ...result, text, sources, moreSources: [...dropped, ...result.moreSources], unanswered: undefined, gistOf: undefined, gistAsked: undefined });
}

/** An answer cut to its first quote, the others kept as further sources; as it was when it has one. */
function leadQuoteOnly(result: AnswerResult): AnswerResult {
  const [first, second] = quoteBlocks(result.text);
  return result.status === "answered" && first && second ? onlyQuotes(result, first.text) : result;
}

/** Whether the part of a combined reading left open is the follow-up as typed (not the previous question). */
function isTheFollowUp(openPart: string, followUp: string): boolean {
  const words = (s: string) => foldText(s).split(/[^\p{L}\d+]+/u).filter(Boolean).join(" ");
  const open = words(openPart);
  return open !== "" && words(followUp).includes(open);
}

/** That a follow-up's answer quotes none of the one document the previous answer came from, naming that document. */
function otherDocumentNotice(before: readonly SourceCitation[] | undefined, now: readonly SourceCitation[]): string | undefined {
  const first = before?.[0];
  if (!first || before!.some((source) => source.documentId !== first.documentId)) return undefined;
  if (now.length === 0 || now.some((source) => source.documentId === first.documentId)) return undefined;
  return `Let op: dit komt uit een ander document dan mijn vorige antwoord („${shorten(sourceTitle(first), 60)}”).`;
}

/** A follow-up whose answer would only repeat the previous one: asked as a whole question, it may still be answered. */
function nothingNew(followUp: string): AnswerResult {
  const kind = askedFor(followUp)?.type;
  // Not "de plandocumenten noemen geen datum": they may, where this reading did not look (new-user
  // try: "sinds wanneer loopt dat?" after the Rijnmond vision, which is dated).
  const text = kind ? `Een ${KIND_NOT_FOUND[kind]} daarbij vind ik niet in de plandocumenten: ik vind alleen weer wat in mijn vorige antwoord staat.` : NOTHING_NEW_TEXT;
  return { status: "abstained", text, mode: "none", sources: [], moreSources: [], nothingNew: true };
}

function answerParts(result: AnswerResult, question: string, regions?: RegionContext): ReplyPart[] {
  const parts: ReplyPart[] = [];
  if (result.privacyWarning) parts.push(notice(result.privacyWarning));
  switch (result.status) {
    case "empty_question":
      parts.push({ kind: "text", text: "Stel je vraag in een zin, bijvoorbeeld: welke stappen horen bij de route voor een machtiging?" });
      return parts;
    case "no_documents":
      parts.push(notice(result.text));
      return parts;
    case "abstained":
      parts.push({ kind: "text", text: result.text });
      // A follow-up that only repeats the previous answer is no question for the Servicepunt, nor
      // is a question back.
      if (result.asksBack && result.choices?.length) {
        parts.push({ kind: "actions", actions: result.choices.map((title) => ({ id: GIST_ACTION, label: shorten(title, 60), value: title })) });
      }
      if (result.nothingNew || result.followsRefusal || result.asksBack) return parts;
      if (result.offTopic) {
        // A contact detail of an organisation the documents do not cover either ("wat is het
        // telefoonnummer van veilig thuis?"): where to look, not "Typ help" (verification try).
        const kind = askedFor(question)?.type;
        parts.push(notice(kind !== undefined && CONTACT_TYPES.has(kind) ? CONTACT_STEP : HELP_STEP, "info"));
        return parts;
      }
      // A question about the Servicepunt itself (its phone number) is not sent back to it, and
      // one about a plan or a region rather than a young person or a placement ("hoeveel
      // gemeenten …?") gets examples of what Wegwijs does answer (new-user try).
      // Nor is someone who works there ("Ik ben coördinator bij het Servicepunt …"; new-user try):
      // a message that names the Servicepunt gets the contact step only when it asks how to reach it.
      // "wie moet ik bellen?" names no one: in this chat it is about the asker's case, and the way
      // on is the Servicepunt (new-user try: it was told the documents are about something else).
      const kind = askedFor(question)?.type;
      const step =
        NAMES_SERVICEPUNT.test(question) || asksWhomToContact(question)
          ? ASKS_FOR_CONTACT.test(question) ? SERVICEPUNT_CONTACT_STEP : HELP_STEP
          : (ABOUT_A_CASE.test(question) || namesACase(question)) && !ASKS_FIGURES_OR_LAW.test(question)
            ? SERVICEPUNT_STEP
            : kind !== undefined && CONTACT_TYPES.has(kind) ? CONTACT_STEP : HELP_STEP;
      parts.push(notice(step, "info"));
      // Pointed to the Servicepunt: the way to reach it from here (new-user try: the reply named it
      // and offered no way to it).
      if (step !== HELP_STEP && step !== CONTACT_STEP) parts.push({ kind: "actions", actions: [consultHandoverAction("servicepunt", "")] });
      if (result.sources.length > 0) {
        parts.push({ kind: "sources", title: "Wat er het dichtst bij komt (beantwoordt je vraag niet)", sources: result.sources });
        // As under "Meer bronnen": which of them are about another region (new-user try: a Groningen
        // passage under a Rijnmond question, with nothing to say so).
        const elsewhere = regions ? otherRegionSourcesNotice(result.sources, regions, question) : undefined;
        if (elsewhere) parts.push(notice(elsewhere, "info"));
      }
      return parts;
    case "answered":
      // The answer leads; where it comes from is said by the sources (and Slack's footer).
      if (result.gistOf) {
        const title = shorten(result.gistOf.replace(/[*_`~]/g, ""), 60);
        const about = result.gistAsked === "reason" ? "over zijn aanleiding" : "over zijn doel";
        parts.push(notice(result.gistAsked ? `Dit zegt „${title}” ${about}:` : `Samenvatten doe ik niet: ik citeer alleen letterlijk. Dit zegt „${title}” ${about}:`, "info"));
      }
      if (result.undefinedTerm) parts.push(notice(undefinedTermNotice(result.undefinedTerm, result.undefinedTermMeans, result.undefinedTermVerb), "info"));
      if (result.noActor) parts.push(notice(NO_ACTOR_NOTICE, "info"));
      if (result.namedBefore) parts.push(notice(NAMED_BEFORE_NOTICE, "info"));
      if (result.saidBefore) parts.push(notice(SAID_BEFORE_NOTICE, "info"));
      if (result.continuesPassage) parts.push(notice(CONTINUES_PASSAGE_NOTICE, "info"));
      if (result.fromPlansAgain) parts.push(notice(`Mijn vorige antwoord kwam al uit ${result.fromPlansAgain}. Dit zeggen die er verder over:`, "info"));
      if (result.placeAlone) parts.push(notice(`Bij je vorige vraag vind ik niets over ${result.placeAlone}. Dit zeggen de plandocumenten wel over ${result.placeAlone}:`, "info"));
      if (result.noMeans) parts.push(notice(NO_MEANS_NOTICE, "info"));
      if (result.noWhen) parts.push(notice(NO_WHEN_NOTICE, "info"));
      if (result.listNotGiven) parts.push(notice(`De plandocumenten noemen de ${result.listNotGiven}, maar welke dat zijn, staat niet in deze citaten. Dit zeggen ze er wel over:`, "info"));
      if (result.unstatedDifference) parts.push(notice(unstatedDifferenceNotice(result.unstatedDifference.first, result.unstatedDifference.second), "info"));
      if (result.unknownThing) parts.push(notice(unknownThingNotice(result.unknownThing), "info"));
      if (result.notNamedIn) parts.push(notice(notNamedInNotice(result.notNamedIn.word, result.notNamedIn.title, result.notNamedIn.elsewhere), "info"));
      if (result.placeNotQuoted) parts.push(notice(placeNotQuotedNotice(result.placeNotQuoted), "info"));
      if (result.figureNow) parts.push(notice(figureNowNotice(result.figureNow.years), "info"));
      parts.push(result.mode === "generated" ? { kind: "text", text: result.text, generated: true } : { kind: "text", text: result.text });
      if (result.unanswered) parts.push(notice(unansweredNotice(result.unanswered, result.notInDocuments === result.unanswered), "info"));
      if (result.namedElsewhere) parts.push(notice(namedElsewhereNotice(result.namedElsewhere), "info"));
      if (result.otherRegion) parts.push(notice(otherRegionNotice(result.otherRegion.region, result.otherRegion.served, result.otherRegion.leadOnly, result.otherRegion.askerSaid), "info"));
      else {
        // A later quote from another region's plan says so too, by its source number (new-user
        // try: a Rijnmond quote under a Groningen answer, with nothing to tell them apart).
        const elsewhere = regions && !result.alsoInRegion ? otherRegionSourcesNotice(result.sources, regions, question) : undefined;
        if (elsewhere) parts.push(notice(elsewhere, "info"));
      }
      if (result.alsoInRegion) parts.push(notice(alsoInRegionNotice(result.alsoInRegion), "info"));
      parts.push({ kind: "sources", title: "Bronnen", sources: result.sources });
      return parts;
  }
}

/** The lines of the previous answer that name the topic asked for, renumbered, with their sources; or that none does. */
function onlyLinesAbout(lines: ReadonlyArray<{ n: number; text: string }>, sources: readonly SourceCitation[], topic: string): Reply {
  const about = linesAbout(lines, topic).filter((line) => sources.some((source) => source.n === line.n));
  if (about.length === 0) return { parts: [{ kind: "text", text: `In mijn vorige antwoord staat niets over „${topic}”.` }] };
  return renumberedLines(about, sources, `Alleen de regels over „${topic}” uit mijn vorige antwoord:`);
}

/**
 * The lines of the previous answer that hold the kind asked for ("alleen de datums"), renumbered
 * in the order they come, with their sources; or that there is none.
 */
function onlyLinesHolding(lines: ReadonlyArray<{ n: number; text: string }>, sources: readonly SourceCitation[], only: { type: AnswerType; named: string }): Reply {
  const held = linesHolding(lines, only.type).filter((line) => sources.some((source) => source.n === line.n));
  if (held.length === 0) return { parts: [{ kind: "text", text: `In mijn vorige antwoord staat geen ${only.named.replace(/^een\s+/, "")}.` }] };
  return renumberedLines(held, sources, `Alleen de regels met ${only.named} uit mijn vorige antwoord:`);
}

/** Lines of the previous answer under a lead, renumbered in the order they come, with their sources. */
function renumberedLines(held: ReadonlyArray<{ n: number; text: string }>, sources: readonly SourceCitation[], lead: string): Reply {
  const numbers = [...new Set(held.map((line) => line.n))];
  const renumbered = (n: number) => numbers.indexOf(n) + 1;
  return {
    parts: [
      { kind: "text", text: lead },
      { kind: "text", text: held.map((line) => `${line.text} [${renumbered(line.n)}]`).join("\n") },
      { kind: "sources", title: numbers.length === 1 ? "Bron" : "Bronnen", sources: numbers.map((n) => ({ ...sources.find((source) => source.n === n)!, n: renumbered(n) })) },
    ],
  };
}
