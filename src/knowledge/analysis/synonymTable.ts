import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { foldText, wordTokens } from "./normalise.js";

const synonymFileSchema = z.object({
  abbreviations: z.record(z.string(), z.array(z.string()).min(1)).default({}),
  shorthand: z.record(z.string(), z.array(z.string()).min(1)).default({}),
  paraphrases: z.record(z.string(), z.array(z.string()).min(1)).default({}),
  things: z.array(z.string()).default([]),
});

interface Entry {
  key: string[];
  expansion: string[];
  /** The same words per expansion as listed ("gesloten jeugdhulp" and "jeugdzorgplus" for "jz+"). */
  phrases: string[][];
}

/**
 * Phrase-aware expansion table. Abbreviations expand on both sides (documents use them
 * too); shorthand only in questions.
 */
export class SynonymTable {
  private readonly byFirstToken = new Map<string, { index: Entry[]; query: Entry[] }>();
  /** Single-word chat shorthand ("vlgs"): replaced by its expansion, not kept itself. */
  private readonly shorthandWords = new Set<string>();

  /**
   * Everyday words for what the documents call otherwise ("controleren" for "toezicht"):
   * query-only, matched on the word's stem by the analyser, weighted below what was typed.
   */
  readonly paraphrases: ReadonlyArray<{ key: string[]; expansion: string[] }>;

  /**
   * Abbreviations that name a thing (an analysis, a measure, a law, a kind of care), not a person,
   * team or body ("VA", "OTS"), folded: quoted, they do not say who (see actorAsked.ts).
   */
  readonly things: ReadonlySet<string>;
  /**
   * The words those abbreviations stand for ("verklarende", "analyse"), folded: written with
   * capitals in a sentence ("een gedeelde Verklarende Analyse"), they name the thing, not someone.
   */
  readonly thingWords: ReadonlySet<string>;

  constructor(abbreviations: Record<string, string[]>, shorthand: Record<string, string[]> = {}, paraphrases: Record<string, string[]> = {}, things: string[] = []) {
    this.things = new Set(things.map((thing) => foldText(thing)));
    this.thingWords = new Set(things.flatMap((thing) => abbreviations[thing] ?? []).flatMap((expansion) => wordTokens(foldText(expansion))));
    this.paraphrases = Object.entries(paraphrases).map(([key, expansions]) => ({
      key: wordTokens(foldText(key)),
      expansion: expansions.flatMap((e) => wordTokens(foldText(e))),
    }));
    this.add(abbreviations, true);
    this.add(shorthand, false);
    for (const key of Object.keys(shorthand)) {
      const tokens = wordTokens(foldText(key));
      if (tokens.length === 1) this.shorthandWords.add(tokens[0]!);
    }
  }

  isShorthand(token: string): boolean {
    return this.shorthandWords.has(token);
  }

  static fromFile(file: string): SynonymTable {
    const parsed = synonymFileSchema.parse(parse(readFileSync(file, "utf8")) ?? {});
    return new SynonymTable(parsed.abbreviations, parsed.shorthand, parsed.paraphrases, parsed.things);
  }

  private add(entries: Record<string, string[]>, alsoAtIndex: boolean): void {
    for (const [key, expansions] of Object.entries(entries)) {
      const keyTokens = wordTokens(foldText(key));
      const first = keyTokens[0];
      if (!first) continue;
      const phrases = expansions.map((e) => wordTokens(foldText(e)));
      const slot = this.byFirstToken.get(first) ?? { index: [], query: [] };
      const entry = { key: keyTokens, expansion: phrases.flat(), phrases };
      slot.query.push(entry);
      if (alsoAtIndex) slot.index.push(entry);
      this.byFirstToken.set(first, slot);
    }
  }

  /** Extra tokens implied by the token sequence (the originals are kept by the caller). */
  expansions(tokens: string[], mode: "index" | "query"): string[] {
    const extra: string[] = [];
    for (let i = 0; i < tokens.length; i++) extra.push(...this.expansionsAt(tokens, i, mode));
    return extra;
  }

  /** Expansions of the phrases that start at position i. */
  expansionsAt(tokens: string[], i: number, mode: "index" | "query"): string[] {
    return this.entriesAt(tokens, i, mode).flatMap((e) => e.expansion);
  }

  /** The same, one word list per expansion as listed. */
  expansionPhrasesAt(tokens: string[], i: number, mode: "index" | "query"): string[][] {
    return this.entriesAt(tokens, i, mode).flatMap((e) => e.phrases);
  }

  private entriesAt(tokens: string[], i: number, mode: "index" | "query"): Entry[] {
    const slot = this.byFirstToken.get(tokens[i]!);
    if (!slot) return [];
    return slot[mode].filter((e) => e.key.every((t, k) => tokens[i + k] === t));
  }
}
