import { foldText, wordTokens } from "../../knowledge/analysis/normalise.js";
import { ASKER_INTRODUCTION } from "../../knowledge/analysis/personIntro.js";

/** Regions that mean "the whole country", whose documents hold for every region. */
const NATIONAL = /^(landelijk|nationaal|nederland)$/i;

/** Whether a region name (or a word of a question) names the whole country, not a region ("landelijk"). */
export function isNational(region: string): boolean {
  return NATIONAL.test(region.trim());
}

/** What the region check needs to know: the region Wegwijs serves and each document's region. */
export interface RegionContext {
  /** The configured region's name ("Groningen en Drenthe"), when one is configured. */
  served(): string | undefined;
  /** A document's region as corpus.json gives it ("Rijnmond", "landelijk"), or null. */
  documentRegion(documentId: string): string | null | undefined;
  /** Each document's region as corpus.json gives it ("Rijnmond", "landelijk"); national ones are left out where used. */
  regions?(): readonly string[];
  /** The ids of the indexed documents. */
  documents?(): readonly string[];
  /** Municipalities and places of a region, by its name ("Rotterdam" for "Rijnmond"), from its region file. */
  placesOf?(region: string): readonly string[];
  /** Whether the served region is where the asker said they work, not only the one Wegwijs is set up for. */
  askerSaid?: boolean;
}

/**
 * How a notice names the served region: "jouw regio" only when the asker said where they work;
 * otherwise the region Wegwijs is set up for (second new-user try of the forty-fifth session: a
 * policy adviser who never said where she worked read "niet over jouw regio (Groningen en Drenthe)"
 * under every Rijnmond answer).
 */
function notServed(served: string, askerSaid: boolean): string {
  return askerSaid ? `niet over jouw regio (${served})` : `niet over regio ${served}, waarvoor Wegwijs is ingesteld`;
}

/**
 * The region an answer comes from when that is another one than the region Wegwijs serves: every
 * document it quotes is about one other region, and the question does not name that region (new-user
 * try: a huisarts in Groningen asked "wat gaat de regio anders doen de komende jaren" and got the
 * Rijnmond plans, with nothing but the source title to say so). An answer that also quotes a
 * national document, or one of the served region, holds there too: no notice.
 */
export function otherRegionOf(documentIds: readonly string[], question: string, context: RegionContext): string | undefined {
  const served = context.served();
  if (!served || documentIds.length === 0) return undefined;
  const regions = new Set<string>();
  for (const id of documentIds) {
    const region = context.documentRegion(id)?.trim();
    if (!region || isNational(region) || sameRegion(region, served)) return undefined;
    regions.add(region);
  }
  if (regions.size !== 1) return undefined;
  const [region] = regions;
  return namesRegion(question, region!, context.placesOf?.(region!)) ? undefined : region;
}

/**
 * The other region the answer's leading quote comes from, when the rest quotes only national
 * documents (nothing from the served region) and the question does not name that region: the
 * steps of the Groningen/Drenthe route led a Rijnmond worker's "hoe vraag ik een machtiging aan?",
 * with a national line below it, and nothing said where the steps hold (new-user try).
 */
export function leadFromOtherRegion(documentIds: readonly string[], question: string, context: RegionContext): string | undefined {
  const served = context.served();
  const [lead, ...rest] = documentIds;
  if (!served || lead === undefined) return undefined;
  const region = context.documentRegion(lead)?.trim();
  if (!region || isNational(region) || sameRegion(region, served)) return undefined;
  // Another document of the served region, or of a third region, answers too: no single "where".
  for (const id of rest) {
    const other = context.documentRegion(id)?.trim();
    if (other && !isNational(other) && !sameRegion(other, region)) return undefined;
  }
  return namesRegion(question, region, context.placesOf?.(region)) ? undefined : region;
}

/**
 * Whether the question names the region by one of its own words: "en" in "Groningen en Drenthe"
 * is not one ("wat is het verschil tussen een reguliere machtiging en een spoedmachtiging?" got the
 * Groningen/Drenthe list without a word on where it holds; new-user try of the nineteenth session).
 */
function namesRegion(question: string, region: string, places: readonly string[] = []): boolean {
  const folded = foldText(question);
  const asked = new Set(wordTokens(folded));
  return regionWords(region).some((word) => asked.has(word)) || places.some((place) => namesPlace(folded, place));
}

/** Whether a folded text names a place, as a whole word or phrase ("capelle aan den ijssel"). */
function namesPlace(folded: string, place: string): boolean {
  const phrase = wordTokens(foldText(place)).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s-]+");
  return phrase !== "" && new RegExp(`(?<![\\p{L}\\d])${phrase}(?![\\p{L}\\d])`, "u").test(folded);
}

/** A region's own words, without "en" and "regio". */
function regionWords(region: string): string[] {
  return wordTokens(foldText(region.replace(/-/g, " "))).filter((word) => word !== "en" && word !== "regio");
}

/** A document's region when it is neither national nor the served one ("Groningen en Drenthe" for Rijnmond). */
export function otherRegionThan(documentRegion: string | null | undefined, served: string): string | undefined {
  const region = documentRegion?.trim();
  return region && !isNational(region) && !sameRegion(region, served) ? region : undefined;
}

/** Whether a document's region is the served one (not national, not another region). */
export function ofServedRegion(documentRegion: string | null | undefined, served: string): boolean {
  const region = documentRegion?.trim();
  return region !== undefined && region !== "" && !isNational(region) && sameRegion(region, served);
}

/** The regions the documents are about, each once, the whole country left out. */
function documentRegions(context: RegionContext): string[] {
  return [...new Set(context.regions?.() ?? [])].filter((region) => !isNational(region));
}

/**
 * The documents' region a message names, by the region's name or one of its places ("is er voor
 * rijnmond ook een spoedroute?"), other than national; undefined when it names none or several.
 */
export function regionNamed(message: string, context: RegionContext): string | undefined {
  const regions = documentRegions(context);
  const named = regions.filter((region) => namesRegion(message, region, context.placesOf?.(region)));
  return named.length === 1 ? named[0] : undefined;
}

/** The regions a message names and the places of theirs it names ("schiedam"), folded; national left out. */
export function placesNamed(message: string, context: RegionContext): string[] {
  const folded = foldText(message);
  const asked = new Set(wordTokens(folded));
  const regions = documentRegions(context);
  return regions.flatMap((region) => [
    ...(regionWords(region).some((word) => asked.has(word)) ? [foldText(region)] : []),
    ...(context.placesOf?.(region) ?? []).filter((place) => namesPlace(folded, place)).map((place) => foldText(place)),
  ]);
}

/** Whether a document is of the region a follow-up names, or national when it names the whole country ("en landelijk?"). */
export function ofNamedRegion(documentRegion: string | null | undefined, named: string): boolean {
  return isNational(named) ? isNational(documentRegion?.trim() ?? "") : ofServedRegion(documentRegion, named);
}

/** "Groningen en Drenthe" and "groningen-drenthe" name one region: they share their words. */
function sameRegion(a: string, b: string): boolean {
  const left = new Set(regionWords(a));
  return regionWords(b).some((word) => left.has(word));
}

/** The notice above such an answer (`leadOnly`: only its leading quote is from that region). */
export function otherRegionNotice(region: string, served: string, leadOnly = false, askerSaid = false): string {
  return leadOnly
    ? `Let op: het eerste citaat komt uit een document over regio ${region}, ${notServed(served, askerSaid)}.`
    : `Let op: dit antwoord komt uit een document over regio ${region}, ${notServed(served, askerSaid)}.`;
}

/**
 * Under "Meer bronnen": which of the listed sources are about another region than the one served,
 * by their numbers as listed ("Let op: bron 2 en 3 gaan over regio Rijnmond …"), or undefined
 * (new-user try: a Rijnmond source under a Groningen answer, with nothing to say so).
 */
export function otherRegionSourcesNotice(sources: ReadonlyArray<{ documentId: string; n: number }>, context: RegionContext, question?: string): string | undefined {
  const served = context.served();
  if (!served) return undefined;
  const byRegion = new Map<string, number[]>();
  for (const { documentId, n } of sources) {
    const region = context.documentRegion(documentId)?.trim();
    // A region the question names itself is what was asked about (second new-user try: "en in
    // rijnmond?" got "bron 1 en 2 gaan over regio Rijnmond, niet over jouw regio").
    if (!region || isNational(region) || sameRegion(region, served) || (question !== undefined && namesRegion(question, region, context.placesOf?.(region)))) continue;
    byRegion.set(region, [...(byRegion.get(region) ?? []), n]);
  }
  if (byRegion.size === 0) return undefined;
  const parts = [...byRegion].map(([region, numbers]) =>
    numbers.length === 1 ? `bron ${numbers[0]} gaat over regio ${region}` : `bron ${numbers.slice(0, -1).join(", ")} en ${numbers.at(-1)} gaan over regio ${region}`,
  );
  return `Let op: ${parts.join("; ")}, ${notServed(served, context.askerSaid === true)}.`;
}

/** A role or team that says who is asking ("wijkteam", "gezinsvoogd", "GI", "huisarts"). */
const ASKER_ROLE =
  /\b(?:\w*wijkteam\w*|gebiedsteam\w*|sociaal\s+team|lokaal\s+team|cjg|gezinsvoogd\w*|jeugdbeschermer\w*|jeugdbescherming|gi|huisarts\w*|poh|praktijkondersteuner\w*|gedragswetenschapper\w*|jeugdconsulent\w*|jeugdarts|gemeente|beleidsadviseur\w*|coordinator\w*|casusregisseur\w*|jeugdhulpverlener\w*)\b/;
/** "ik werk …", "wij zitten …": the asker says who they are. */
const INTRODUCES = new RegExp(String.raw`\b${ASKER_INTRODUCTION}`);
/** A clause that asks something: it names a region to ask about it, not to say where the asker works. */
const ASKS = /\b(?:wat|wie|hoe|waar|wanneer|welke?|waarom|hoeveel)\b/;
/** A self-introduction is short: "ik werk in wijkteam rotterdam", "gezinsvoogd GI groningen hier". */
const INTRODUCTION_WORDS = 10;
/**
 * One that says "ik ben/werk/zit …" may say more ("ik ben beleidsmedewerker jeugd bij een gemeente
 * in de regio rijnmond": eleven words; new-user try of the thirty-seventh session: every answer
 * then said Rijnmond was "niet jouw regio").
 */
const STATED_INTRODUCTION_WORDS = 16;

/**
 * The region of the documents where the asker says they work, from a short clause before the
 * question that introduces them ("ik werk in wijkteam rotterdam.", "gezinsvoogd GI groningen hier.",
 * "als huisarts in Emmen: …"), by the region's name or one of its places; undefined when no such
 * clause names one. A question about a region ("wat doet het wijkteam in rotterdam?") names none.
 */
export function askerRegion(message: string, context: RegionContext): string | undefined {
  const regions = documentRegions(context);
  if (regions.length === 0) return undefined;
  // Only what is not asked tells about the asker: what comes before the first question mark, and a
  // sentence after a question that does not end in one ("hoi, wie ben jij? ik ben gezinsvoogd bij
  // een GI in rotterdam"; new-user try of the forty-second session: the examples and the route were
  // Groningen and Drenthe's without a word).
  const sentences = foldText(message).split(/(?<=\?)/);
  const told = [sentences[0]!.split("?")[0]!, ...sentences.slice(1).filter((sentence) => !sentence.includes("?"))].join(".");
  for (const whole of told.split(/[.,;:!\n]+/)) {
    // What the asker goes on to tell after "en" is not where they work ("ik ben beleidsmedewerker …
    // in de regio rijnmond en moet een memo schrijven …"; third new-user try of the forty-sixth
    // session: too long to count, so "Meer bronnen" called Rijnmond "niet … waarvoor Wegwijs is ingesteld").
    const stated = INTRODUCES.test(whole);
    const clause = stated ? whole.split(/\s+(?:en|maar)\s+/)[0]! : whole;
    const words = wordTokens(clause);
    if (words.length === 0 || words.length > (stated ? STATED_INTRODUCTION_WORDS : INTRODUCTION_WORDS) || ASKS.test(clause)) continue;
    if (!stated && !ASKER_ROLE.test(clause)) continue;
    const region = regions.find((r) => namesRegion(clause, r, context.placesOf?.(r)));
    if (region) return region;
  }
  return undefined;
}

/** A message that only introduces the asker is short. */
const INTRODUCTION_ONLY_WORDS = 12;
/** Without a region named, only a plain "ik ben huisarts" / "ik werk in een wijkteam". */
const BARE_INTRODUCTION_WORDS = 8;
/** A greeting before the introduction ("Hoi, ik ben …"). */
const GREETED = /^(?:hoi|hallo|hey|hi|goedemorgen|goedemiddag|goedenavond|dag|beste)\b[\s,!.]*/;

/**
 * A message that only says who the asker is and where they work, asking nothing ("ik zit in
 * rijnmond hoor, niet in groningen", "ik werk in een wijkteam in rotterdam"): `region` is the
 * documents' region it names, if any; undefined when the message asks or tells anything else.
 * New-user try of the thirty-seventh session: such a message was searched, and quotes on
 * "wijkgericht werken" or a notice about Groningen came back.
 */
export function introductionOnly(message: string, context: RegionContext): { region?: string; story?: true } | undefined {
  const folded = foldText(message).trim().replace(GREETED, "");
  if (folded === "" || folded.includes("?") || ASKS.test(folded)) return undefined;
  const words = wordTokens(folded).length;
  const region = askerRegion(folded, context);
  const introduces = new RegExp(String.raw`^${ASKER_INTRODUCTION}`).test(folded);
  // An introduction that goes on about a case, still asking nothing ("Hoi, ik ben gezinsvoogd bij
  // een GI in Drenthe. Heb een meid van 16 met OTS die steeds wegloopt."; second new-user try of
  // the thirty-seventh session: "De plandocumenten geven hier geen antwoord op").
  if (introduces && words > (region !== undefined ? INTRODUCTION_ONLY_WORDS : BARE_INTRODUCTION_WORDS)) return { ...(region !== undefined ? { region } : {}), story: true };
  if (region !== undefined) return words <= INTRODUCTION_ONLY_WORDS ? { region } : undefined;
  return introduces && words <= BARE_INTRODUCTION_WORDS ? {} : undefined;
}

/**
 * "hier" as a place: "mogen jongeren hier meebeslissen?", "hoe gaat dat hier in de regio?". Not
 * "hierover", nor "hier" that a preposition at the end makes a pointer ("wat staat hier over in?").
 */
const HERE = /\bhier(?:\s+in\s+de\s+(?:regio|buurt))?\b(?![\p{L}])/iu;
const HERE_AS_POINTER = /\bhier\b(?:\s+[\p{L}-]+){0,4}?\s+(?:over|voor|mee|bij|van|aan|op|door|uit|naar|tegen|terecht|heen|naartoe|binnen)(?:\s+in)?\s*[?.!]*\s*$/iu;

/**
 * The question with "hier" read as the region the asker said they work in ("… mogen jongeren in
 * Rijnmond meebeslissen …?"), when the question itself names no region or place of one; undefined
 * otherwise. New-user try: a Rotterdam professional's "vanaf welke leeftijd mogen jongeren hier
 * echt meebeslissen …?" got national milestones on ages, while Rijnmond's plan answers it.
 */
export function hereAsRegion(question: string, region: string, context: RegionContext): string | undefined {
  if (!HERE.test(question) || HERE_AS_POINTER.test(question)) return undefined;
  const regions = [...new Set([region, ...(context.regions?.() ?? [])])].filter((r) => !isNational(r));
  if (regions.some((r) => namesRegion(question, r, context.placesOf?.(r)))) return undefined;
  return question.replace(HERE, `in ${region}`);
}

/**
 * The same context, serving the region the asker said they work in, when that is another one
 * than the configured region: its plans are "jouw regio" in the notices and come first.
 */
export function servingAsker(context: RegionContext, region: string | undefined): RegionContext {
  const served = context.served();
  if (!region || !served) return context;
  return sameRegion(region, served) ? { ...context, askerSaid: true } : { ...context, served: () => region, askerSaid: true };
}

/** Under an answer from the served region's or national documents, when another region's plans also answer. */
export function alsoInRegionNotice(region: string): string {
  return `Ook de plannen van regio ${region} gaan hierop in. Zet „in ${region}” in je vraag om die te zien.`;
}

/**
 * A short follow-up that only names a place: "en in rijnmond?", "hoe zit dat in drenthe?", "en
 * rijnmond dan?", "en wat zegt rijnmond daarover?", "wat zeggen ze in drenthe daarover?".
 */
const ONLY_A_PLACE =
  /^\s*(?:(?:en|maar|of|ook)\s+)?(?:hoe\s+(?:zit|gaat|werkt|loopt)\s+(?:het|dat|dit)\s+(?:dan\s+)?|wat\s+(?:zegt|zeggen|vindt|vinden)\s+(?:ze\s+|men\s+)?)?(?:(?:in|bij|voor|binnen)\s+)?(?:de\s+)?(?:regio\s+)?([\p{L}][\p{L}\s/&-]*?)\s*(?:dan|eigenlijk|nou|daar\s*over|erover|daarvan|ervan|hierover)?\s*[?.!]*\s*$/iu;

/**
 * A question that asks for the national documents by what they are ("wat zeggen de landelijke
 * plannen over pleegzorg?", "op landelijk niveau"), not a thing that is national ("de landelijke
 * agenda", "landelijk ambassadeur").
 */
const NATIONAL_PLANS = /\blandelijke?\s+(?:plan(?:nen)?|plandocumenten|documenten|stukken|beleidsstukken)\b|\bop\s+landelijk\s+niveau\b|\blandelijk\s+gezien\b/iu;

/** Whether a question asks what the national documents say (see NATIONAL_PLANS). */
export function asksNationalPlans(question: string): boolean {
  return NATIONAL_PLANS.test(question);
}

/**
 * The question without the word that asks for the national documents ("wat zeggen de plannen over
 * pleegzorg?"), for searching those alone: "landelijk" itself pulled "Landelijk symposium …" up.
 */
export function withoutNationalPlans(question: string): string {
  const noun = /^landelijke?\s+/i;
  return question.replace(NATIONAL_PLANS, (phrase) => (noun.test(phrase) ? phrase.replace(noun, "") : "")).replace(/\s{2,}/g, " ").trim();
}

/** The whole country as a follow-up names it: "landelijk (gezien)", "(heel) nederland", "het hele land". */
const COUNTRY = /^(?:landelijk(?:\s+gezien)?|nationaal|(?:heel\s+)?nederland|het\s+hele\s+land)$/iu;
/** How a question asked of the whole country reads. */
const NATIONAL_PLACE = "landelijk";

/** Where a question names a document by what it is ("volgens het actieplan", "in de regiovisie"). */
const DOCUMENT_NAMED = /\b(?:volgens|in|uit)\s+(?:het|de|dat|die)\s+(?:actieplan|plan|regiovisie|visie|voortgangsrapportage|rapportage|artikel|presentatie|werkwijze|document)\b/iu;

/**
 * The previous question with the region it names swapped for the one a short follow-up names
 * ("wat moet er in groningen/drenthe anders?" / "en in rijnmond?" → "wat moet er in rijnmond
 * anders?"), or with that region added when it named none (and `addWhenNone`). Read with the previous question, the
 * follow-up names two regions and was refused (new-user try of the twentieth session). Undefined
 * unless the follow-up names only a region of the documents, one the previous question does not.
 */
export function withRegionSwapped(previous: string, followUp: string, regions: readonly string[], addWhenNone = true): string | undefined {
  const named = placeAndRegion(followUp, regions);
  // A question that already names it ("verschil tussen rijnmond en groningen?") asks more than one region.
  if (!named || namesRegion(previous, named.region)) return undefined;
  const before = regions.filter((region) => !isNational(region)).find((region) => !sameRegion(region, named.region) && namesRegion(previous, region));
  // "wat moeten gemeenten doen volgens het actieplan?" / "en wat zegt rijnmond daarover?": the
  // place takes the named document's place (new-user try: read with both, the question was
  // refused); a question that named neither is asked of the place (second new-user try: read
  // with it, only the previous answer was found again).
  if (!before) {
    if (!addWhenNone && !DOCUMENT_NAMED.test(previous)) return undefined;
    const where = isNational(named.region) ? named.place : `in ${named.place}`;
    const asked = DOCUMENT_NAMED.test(previous) ? previous.replace(DOCUMENT_NAMED, where) : previous.replace(/\s*([?.!]*)\s*$/, ` ${where}$1`);
    return asked.replace(/\s{2,}/g, " ").trim();
  }
  const words = regionWords(before).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // "wat moet er in groningen/drenthe anders?" / "en landelijk?": "wat moet er landelijk anders?".
  const preposition = isNational(named.region) ? "(?:(?:in|bij|voor|binnen)\\s+(?:de\\s+)?(?:regio\\s+)?)?" : "";
  const run = new RegExp(`(?<![\\p{L}])${preposition}(?:${words.join("|")})(?:\\s*(?:/|&|,|-|\\ben\\b)\\s*(?:${words.join("|")}))*(?![\\p{L}])`, "giu");
  let first = true;
  const swapped = previous.replace(run, () => {
    const replacement = first ? named.place : "";
    first = false;
    return replacement;
  });
  return swapped.replace(/\s{2,}/g, " ").trim();
}

/**
 * The region a follow-up names and nothing else ("en in rijnmond?"), as the documents spell it;
 * undefined for any other message.
 */
export function onlyRegionNamed(followUp: string, regions: readonly string[]): string | undefined {
  return placeAndRegion(followUp, regions)?.region;
}

/**
 * The place a short follow-up names and nothing else ("en in friesland?"), as typed, whatever
 * region it is in; undefined for the whole country and for any other message. Whether it is a
 * place at all is for the caller to check ("en verder?" has the same shape).
 */
export function onlyPlaceTyped(followUp: string): string | undefined {
  const place = ONLY_A_PLACE.exec(followUp)?.[1]?.trim();
  return place && !COUNTRY.test(place) ? place : undefined;
}

/**
 * The place a short follow-up names, as typed, and the documents' region it is, when it names one
 * region and nothing else ("drenthe" for "Groningen en Drenthe", not "amsterdam").
 */
function placeAndRegion(followUp: string, regions: readonly string[]): { place: string; region: string } | undefined {
  const place = ONLY_A_PLACE.exec(followUp)?.[1]?.trim();
  if (!place) return undefined;
  // "en landelijk?": the national documents (new-user try: "rijnmond" stayed in the reading).
  if (COUNTRY.test(place)) return { place: NATIONAL_PLACE, region: regions.find(isNational) ?? NATIONAL_PLACE };
  const region = regions.filter((r) => !isNational(r)).find((r) => namesRegion(place, r) && regionWords(place).every((word) => regionWords(r).includes(word)));
  return region ? { place, region } : undefined;
}
