/** Exact cosine search over chunk vectors; fine for the tens of thousands of chunks a region has. */
export class VectorIndex {
  private readonly ids: string[] = [];
  private readonly vectors: Float32Array[] = [];

  add(id: string, vector: number[]): void {
    this.ids.push(id);
    this.vectors.push(normalise(vector));
  }

  get size(): number {
    return this.ids.length;
  }

  search(query: number[], limit: number): Array<{ chunkId: string; score: number }> {
    const q = normalise(query);
    const scored = this.vectors.map((v, i) => ({ chunkId: this.ids[i]!, score: dot(q, v) }));
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

function normalise(vector: number[]): Float32Array {
  const out = Float32Array.from(vector);
  const norm = Math.hypot(...out) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) sum += a[i]! * b[i]!;
  return sum;
}
