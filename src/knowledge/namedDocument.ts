import { foldText, wordTokens } from "./analysis/normalise.js";
import type { DocumentMeta } from "./types.js";

/**
 * Which document a question names: the document with the most question words among the words of
 * its title, short title, kind, region and file name, counting only words that name no other
 * document. Built once per set of documents: every question asks it.
 */
export class DocumentNames {
  private readonly naming: Array<{ meta: DocumentMeta; words: string[] }>;

  constructor(documents: readonly DocumentMeta[], isStopword: (word: string) => boolean) {
    const sets = documents.map((meta) => new Set(nameWords(meta).filter((word) => word.length >= 4 && !isStopword(word))));
    const namers = new Map<string, number>();
    for (const words of sets) for (const word of words) namers.set(word, (namers.get(word) ?? 0) + 1);
    this.naming = documents.map((meta, i) => ({ meta, words: [...sets[i]!].filter((word) => namers.get(word) === 1) }));
  }

  /**
   * The one document the question names; undefined when none or several do equally well. `clearly`:
   * by two of its words, or by its kind ("het actieplan"): one title word alone ("regio" of
   * "regiovisie jeugdhulp regio Rijnmond") is often just a word of the question.
   */
  named(question: string, clearly = false): DocumentMeta | undefined {
    // The document after "volgens" is the one asked, though the question may name another as its
    // subject ("wat is er nodig om het plan 'passende zorg voor kwetsbare jongeren' te laten slagen,
    // volgens het artikel van VWS?"; set m: answered from the plan, with "artikel" not in it).
    const source = /\bvolgens\s+((?:\S+\s+){0,4}\S+)/i.exec(question)?.[1];
    const bySource = source === undefined ? undefined : this.namedIn(source, clearly);
    return bySource ?? this.namedIn(question, clearly);
  }

  private namedIn(question: string, clearly: boolean): DocumentMeta | undefined {
    const asked = new Set(wordTokens(foldText(question)));
    const scores = this.naming.map(({ meta, words }) => {
      const found = words.filter((word) => asked.has(word)).length;
      const kind = meta.kind ? foldText(meta.kind) : undefined;
      return clearly && found < 2 && !(kind && words.includes(kind) && asked.has(kind)) ? 0 : found;
    });
    const best = Math.max(0, ...scores);
    if (best === 0 || scores.filter((score) => score === best).length > 1) return undefined;
    return this.naming[scores.indexOf(best)]!.meta;
  }
}

/** The one document the question names (see DocumentNames), for a single question. */
export function namedDocument(question: string, documents: readonly DocumentMeta[], isStopword: (word: string) => boolean): DocumentMeta | undefined {
  return new DocumentNames(documents, isStopword).named(question);
}

function nameWords(meta: DocumentMeta): string[] {
  const fileName = meta.id.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ");
  return wordTokens(foldText([meta.title, meta.shortTitle ?? "", meta.kind ?? "", meta.region ?? "", fileName].join(" ")));
}
