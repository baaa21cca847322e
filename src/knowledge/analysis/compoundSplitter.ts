import { infinitiveCandidates } from "./verbForms.js";

/**
 * Splits Dutch compounds ("jeugdhulpaanbieders" -> "jeugdhulp" + "aanbieders") into words
 * that occur on their own in the corpus. No dictionary ships for Dutch, so the corpus
 * vocabulary is the dictionary: a part counts only when it appears as a word by itself.
 */
export class CompoundSplitter {
  constructor(
    private readonly vocabulary: ReadonlyMap<string, number>,
    private readonly isStopword: (word: string) => boolean,
    private readonly minPart = 4,
    private readonly minFrequency = 2,
  ) {}

  /** Parts of a compound, longest decomposition first; [] when the word is not a compound. */
  split(word: string, depth = 0, verbHeads = !this.vocabulary.has(word)): string[] {
    if (depth > 2 || word.length < this.minPart * 2 || /\d/.test(word)) return [];
    let best: { parts: string[]; score: number } | undefined;
    for (let i = this.minPart; i <= word.length - this.minPart; i++) {
      const right = word.slice(i);
      const left = this.knownHead(word.slice(0, i), verbHeads);
      if (!left) continue;
      const rightFrequency = this.frequency(right);
      const rightParts = rightFrequency > 0 ? [right] : this.split(right, depth + 1, verbHeads);
      if (rightParts.length === 0) continue;
      const score = Math.min(this.frequency(left), rightFrequency || this.minFrequency);
      if (!best || score > best.score) best = { parts: [left, ...rightParts], score };
    }
    return best?.parts ?? [];
  }

  /**
   * The head as a known word, allowing the linking "s" or "e" of Dutch compounds, or as the stem
   * of a verb the corpus uses: "ontwikkeltijd" is time to develop ("ontwikkelen"), "woonvorm" a
   * form of living ("wonen").
   */
  private knownHead(head: string, verbHeads: boolean): string | undefined {
    if (this.frequency(head) > 0) return head;
    for (const link of ["s", "e", "en"]) {
      if (head.endsWith(link) && this.frequency(head.slice(0, -link.length)) > 0) {
        return head.slice(0, -link.length);
      }
    }
    if (!verbHeads || this.isStopword(head)) return undefined;
    return infinitiveCandidates(head).find((verb) => verb !== head && this.frequency(verb) > 0);
  }

  private frequency(word: string): number {
    if (word.length < this.minPart || this.isStopword(word)) return 0;
    const n = this.vocabulary.get(word) ?? 0;
    return n >= this.minFrequency ? n : 0;
  }
}
