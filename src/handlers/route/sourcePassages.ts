import type { SourceCitation } from "../../bot/reply.js";
import type { Chunk } from "../../knowledge/types.js";
import { sectionLabel } from "../ask/citations.js";
import { passageSentences, shorten } from "../ask/sentences.js";
import type { RouteSource } from "./routeSchema.js";

/** What the index needs to offer to resolve route sources (a KnowledgeBase does). */
export interface SourceIndex {
  chunksOf(documentId: string): Chunk[];
  textScorer(question: string): (text: string) => number;
  /** A document's region as corpus.json gives it ("Rijnmond", "landelijk"), when known. */
  documentRegion?(documentId: string): string | null | undefined;
}

/** A route source found in the index: the passage "Waarom?" quotes. */
export type ResolvedSource = Omit<SourceCitation, "n">;

export type SourceResolution = { ok: true; passage: ResolvedSource } | { ok: false; reason: string };

const QUOTE_CHARS = 400;
/** An `about` hint must find at least half of its (weighted) words in one sentence. */
const MIN_ABOUT_SCORE = 0.5;

const normal = (s: string) => s.replace(/\s+/g, " ").trim().toLocaleLowerCase("nl");

export function sourceKey(source: RouteSource): string {
  return JSON.stringify([source.document, source.section, source.about ?? ""]);
}

/** Chunks whose heading trail contains every title of "A > B" in that order. */
export function findSection(index: SourceIndex, documentId: string, section: string): Chunk[] {
  const wanted = section.split(">").map(normal).filter(Boolean);
  return index.chunksOf(documentId).filter((chunk) => {
    let at = 0;
    for (const title of chunk.sectionPath) if (at < wanted.length && normal(title) === wanted[at]) at++;
    return at === wanted.length;
  });
}

/**
 * Resolves route sources against the index, once each: the quote is retrieved text (the
 * sentence of the section that best matches `about`), never text written for the route.
 */
export class SourcePassages {
  private readonly cache = new Map<string, SourceResolution>();

  constructor(private readonly index: SourceIndex) {}

  resolve(source: RouteSource): SourceResolution {
    const key = sourceKey(source);
    let found = this.cache.get(key);
    if (!found) {
      found = this.lookup(source);
      this.cache.set(key, found);
    }
    return found;
  }

  /** The region of a source's document, when the index knows it. */
  regionOf(source: RouteSource): string | undefined {
    return this.index.documentRegion?.(source.document) ?? undefined;
  }

  /** The passage of a source that validated; throws for one that did not (a programming error). */
  passage(source: RouteSource): ResolvedSource {
    const found = this.resolve(source);
    if (!found.ok) throw new Error(`unresolved route source ${sourceKey(source)}: ${found.reason}`);
    return found.passage;
  }

  private lookup(source: RouteSource): SourceResolution {
    if (this.index.chunksOf(source.document).length === 0) {
      return { ok: false, reason: `document "${source.document}" staat niet in de index / is not in the index` };
    }
    const chunks = findSection(this.index, source.document, source.section);
    if (chunks.length === 0) {
      return {
        ok: false,
        reason: `sectie "${source.section}" niet gevonden in "${source.document}" / section not found in document`,
      };
    }
    const sentences = chunks.flatMap((chunk) => passageSentences(chunk.text, chunk.sectionPath).map((sentence) => ({ chunk, sentence })));
    if (sentences.length === 0) {
      return { ok: false, reason: `sectie "${source.section}" in "${source.document}" heeft geen tekst om te citeren / has no quotable text` };
    }
    let best = sentences[0]!;
    if (source.about) {
      const score = this.index.textScorer(source.about);
      let bestScore = -1;
      for (const candidate of sentences) {
        const s = score(candidate.sentence);
        if (s > bestScore) {
          bestScore = s;
          best = candidate;
        }
      }
      if (bestScore < MIN_ABOUT_SCORE) {
        return {
          ok: false,
          reason: `geen zin over "${source.about}" in sectie "${source.section}" / no sentence matches the 'about' hint`,
        };
      }
    }
    return {
      ok: true,
      passage: {
        documentId: best.chunk.documentId,
        documentTitle: best.chunk.documentTitle,
        section: sectionLabel(best.chunk.sectionPath),
        // Stray emphasis markers from the PDF export ("regievoerder**") are not part of the text.
        quote: shorten(best.sentence.replace(/\*+/g, ""), QUOTE_CHARS),
      },
    };
  }
}
