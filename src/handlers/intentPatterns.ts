/**
 * Building blocks for the small, conservative checks that decide which feature a message may
 * want offered under its answer (the route, a consult, a spoedberaad).
 */

/** A word pattern with letters-only boundaries: \b does not work around "JZ+" and treats "ë" as a boundary. */
export function wordPattern(pattern: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, "iu");
}

/** "How many / what percentage / how often" questions want a figure, not a walk-through or a form. */
export const ASKS_FOR_FIGURES = /%|(?<![\p{L}])(?:hoeveel|procent|percentage|aantal|cijfers?|hoe vaak)(?![\p{L}])/iu;
