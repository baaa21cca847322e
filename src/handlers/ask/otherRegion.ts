import { foldText, wordTokens } from "../../knowledge/analysis/normalise.js";

/** Regions that mean "the whole country", whose documents hold for every region. */
const NATIONAL = /^(landelijk|nationaal|nederland)$/i;

/** What the region check needs to know: the region Wegwijs serves and each document's region. */
export interface RegionContext {
  /** The configured region's name ("Groningen en Drenthe"), when one is configured. */
  served(): string | undefined;
  /** A document's region as corpus.json gives it ("Rijnmond", "landelijk"), or null. */
  documentRegion(documentId: string): string | null | undefined;
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
    if (!region || NATIONAL.test(region) || sameRegion(region, served)) return undefined;
    regions.add(region);
  }
  if (regions.size !== 1) return undefined;
  const [region] = regions;
  return namesRegion(question, region!) ? undefined : region;
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
  if (!region || NATIONAL.test(region) || sameRegion(region, served)) return undefined;
  // Another document of the served region, or of a third region, answers too: no single "where".
  for (const id of rest) {
    const other = context.documentRegion(id)?.trim();
    if (other && !NATIONAL.test(other) && !sameRegion(other, region)) return undefined;
  }
  return namesRegion(question, region) ? undefined : region;
}

/**
 * Whether the question names the region by one of its own words: "en" in "Groningen en Drenthe"
 * is not one ("wat is het verschil tussen een reguliere machtiging en een spoedmachtiging?" got the
 * Groningen/Drenthe list without a word on where it holds; new-user try of the nineteenth session).
 */
function namesRegion(question: string, region: string): boolean {
  const asked = new Set(wordTokens(foldText(question)));
  return regionWords(region).some((word) => asked.has(word));
}

/** A region's own words, without "en" and "regio". */
function regionWords(region: string): string[] {
  return wordTokens(foldText(region.replace(/-/g, " "))).filter((word) => word !== "en" && word !== "regio");
}

/** A document's region when it is neither national nor the served one ("Groningen en Drenthe" for Rijnmond). */
export function otherRegionThan(documentRegion: string | null | undefined, served: string): string | undefined {
  const region = documentRegion?.trim();
  return region && !NATIONAL.test(region) && !sameRegion(region, served) ? region : undefined;
}

/** "Groningen en Drenthe" and "groningen-drenthe" name one region: they share their words. */
function sameRegion(a: string, b: string): boolean {
  const left = new Set(regionWords(a));
  return regionWords(b).some((word) => left.has(word));
}

/** The notice above such an answer (`leadOnly`: only its leading quote is from that region). */
export function otherRegionNotice(region: string, served: string, leadOnly = false): string {
  return leadOnly
    ? `Let op: het eerste citaat komt uit een document over regio ${region}, niet over jouw regio (${served}).`
    : `Let op: dit antwoord komt uit een document over regio ${region}, niet over jouw regio (${served}).`;
}
