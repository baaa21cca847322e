/**
 * The k best (id, score) pairs seen, in a binary min-heap: O(n log k) over n candidates
 * instead of sorting all n. Ties go to the earlier-seen id (lower `seq`), like a stable sort.
 */
export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  private readonly seqs: number[] = [];

  constructor(private readonly k: number) {}

  /** Cheap pre-check: whether offer() would keep this entry. */
  admits(score: number, seq: number): boolean {
    return this.ids.length < this.k || (this.k > 0 && this.better(score, seq, 0));
  }

  offer(id: number, score: number, seq: number): void {
    if (this.ids.length < this.k) {
      this.ids.push(id);
      this.scores.push(score);
      this.seqs.push(seq);
      this.up(this.ids.length - 1);
    } else if (this.k > 0 && this.better(score, seq, 0)) {
      this.ids[0] = id;
      this.scores[0] = score;
      this.seqs[0] = seq;
      this.down(0);
    }
  }

  /** Best first. */
  sorted(): Array<{ id: number; score: number }> {
    const order = this.ids.map((_, i) => i);
    order.sort((a, b) => this.scores[b]! - this.scores[a]! || this.seqs[a]! - this.seqs[b]!);
    return order.map((i) => ({ id: this.ids[i]!, score: this.scores[i]! }));
  }

  /** Whether (score, seq) ranks above the entry at heap position i. */
  private better(score: number, seq: number, i: number): boolean {
    return score > this.scores[i]! || (score === this.scores[i]! && seq < this.seqs[i]!);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(this.scores[parent]!, this.seqs[parent]!, i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.ids.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && !this.better(this.scores[l]!, this.seqs[l]!, worst)) worst = l;
      if (r < n && !this.better(this.scores[r]!, this.seqs[r]!, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
    [this.seqs[a], this.seqs[b]] = [this.seqs[b]!, this.seqs[a]!];
  }
}
