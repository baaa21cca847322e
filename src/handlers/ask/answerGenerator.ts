import type { RetrievedPassage } from "../../knowledge/types.js";

/** A generated answer. `text` is Dutch with markers like [1]; `citations` are the 1-based passage numbers used. */
export interface GroundedAnswer {
  text: string;
  citations: number[];
}

/**
 * What the ask pipeline needs from a language model. The OpenAI-compatible implementation lives
 * in integrations/openai; the pipeline checks every answer it gets (citations, claims) anyway.
 */
export interface AnswerGenerator {
  generate(question: string, passages: RetrievedPassage[], signal?: AbortSignal): Promise<GroundedAnswer>;
}
