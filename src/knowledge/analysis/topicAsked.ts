/**
 * "wat staat er in het actieplan over separeren?", "wat zegt de regiovisie over pleegzorg?",
 * "vertel eens over de GVA": the question asks what the documents say about a topic, so the section
 * whose heading names that topic is where the answer starts (new-user tries: "wat staat er in het
 * actieplan over separeren" got a line from §6.2 that mentions separatie, not §5.1.2 *Stoppen met
 * gedwongen afzonderen*). The same for "wat zijn de afspraken / plannen / doelen … over X?" (new-user
 * try of the forty-ninth session: an item of the OZJ's tasks that mentions it led, not §5.1.2).
 */
const TOPIC_ASKED = /\b(?:wat\s+(?:staat|stond|staan|zegt|zeggen|lees|vind|weet)\b[^?]*?\bover|wat\s+(?:zijn|is|waren|was)\s+(?:de|het)\s+(?:afspraken|afspraak|plannen|plan|beleid|regels|ideeën|ideeen|doelen|ambities|voornemens)\b[^?]*?\bover|vertel\s+(?:eens\s+|me\s+|iets\s+|wat\s+|nog\s+)*over)\s+([^?.!,;:]+)/i;

/** The topic such a question asks about, as typed; undefined for any other question. */
export function topicAsked(question: string): string | undefined {
  return TOPIC_ASKED.exec(question)?.[1]?.trim() || undefined;
}
