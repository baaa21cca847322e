/**
 * "welke jz+ instelling in groningen heeft nu plek?", "is er een bed vrij?": which place is free
 * today. Plan documents hold plans, not today's beds; their lines on places being built down
 * answered it as if they said (new-user try of the forty-eighth session). No question in the
 * eighteen eval sets asks it.
 */
const PLACE = String.raw`(?:plek|plekken|plaats|plaatsen|plaatsje|bed|bedden)`;
const NOW = String.raw`(?:nu|op dit moment|momenteel|vandaag|deze week|actueel)`;
const LIVE_CAPACITY = new RegExp(
  [
    String.raw`\b(?:vrije?|beschikbare?|lege?|open)\s+${PLACE}\b`,
    String.raw`\b${PLACE}\s+(?:vrij|beschikbaar)\b`,
    String.raw`\b(?:heeft|hebben|is|zijn|waar)\s+(?:er\s+)?${NOW}\s+(?:nog\s+)?(?:een\s+)?${PLACE}\b`,
    String.raw`\b(?:heeft|hebben|is|zijn)\s+(?:er\s+)?(?:nog\s+)?(?:een\s+)?${PLACE}\s+(?:\p{L}+\s+){0,3}?${NOW}\b`,
  ].join("|"),
  "iu",
);

/** Whether the message asks where or whether a place (a bed) is free now. */
export function asksLiveCapacity(question: string): boolean {
  return LIVE_CAPACITY.test(question);
}
