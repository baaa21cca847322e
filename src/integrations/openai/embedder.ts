import OpenAI from "openai";
import type { Embedder } from "../../knowledge/embedder.js";

/** Inputs per embeddings request; keeps requests well under provider limits. */
export const EMBEDDING_BATCH_SIZE = 64;

export interface OpenAIEmbedderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

export function createOpenAIEmbedder(opts: OpenAIEmbedderOptions): Embedder {
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs,
    // Ingest can afford one retry; a question-time embedding falls back to lexical retrieval anyway.
    maxRetries: 1,
    // Debug logging would print the texts (questions may describe a minor).
    logLevel: "warn",
  });

  return {
    id: `openai:${opts.baseURL ?? "default"}:${opts.model}`,
    async embed(texts, signal) {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += EMBEDDING_BATCH_SIZE) {
        const batch = texts.slice(i, i + EMBEDDING_BATCH_SIZE);
        // Explicit floats: the client otherwise asks for base64, which some compatible servers lack.
        const response = await client.embeddings.create(
          { model: opts.model, input: batch, encoding_format: "float" },
          { signal },
        );
        if (response.data.length !== batch.length) {
          throw new Error(`embeddings endpoint returned ${response.data.length} vectors for ${batch.length} inputs`);
        }
        // `index` says which input a vector belongs to; the order of `data` is not guaranteed.
        const ordered = [...response.data].sort((a, b) => a.index - b.index);
        for (const item of ordered) vectors.push(item.embedding);
      }
      const dim = vectors[0]?.length;
      if (vectors.some((v) => v.length !== dim || v.length === 0)) {
        throw new Error("embeddings endpoint returned vectors of differing or zero length");
      }
      return vectors;
    },
  };
}
