/** Turns texts into vectors; optional, configured only when an embeddings endpoint exists. */
export interface Embedder {
  /** Identifies model + endpoint so cached vectors from another model are never reused. */
  readonly id: string;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}
