/** Candidate depth asked of each engine: the fusion planned in issue 11 reranks at least 50. */
export const CANDIDATES = 50;
