import type { SourceCitation } from "../../bot/reply.js";
import { sourceTitle } from "../../bot/sourceTitle.js";

/**
 * Teams' native citations: the answer text keeps its `[n]` markers and the message carries one
 * `https://schema.org/Message` entity whose `citation` list has a Claim per marker (position n).
 * Teams turns each marker into a clickable reference with the document name and an extract.
 * Field limits from the Teams "Bot messages with AI-generated content" docs and
 * @microsoft/agents-activity's ClientCitation: name ≤ 80, abstract ≤ 160, ≤ 3 keywords of ≤ 28.
 */

export const CITATION_LIMITS = { name: 80, abstract: 160, keywords: 3, keyword: 28 } as const;

export interface TeamsClaim {
  "@type": "Claim";
  position: number;
  appearance: {
    "@type": "DigitalDocument";
    name: string;
    abstract: string;
    keywords?: string[];
  };
}

export interface TeamsMessageEntity {
  type: "https://schema.org/Message";
  "@type": "Message";
  "@context": "https://schema.org";
  "@id": "";
  citation?: TeamsClaim[];
  /** Only when a language model wrote the text: Teams then shows its "AI-generated" label. */
  additionalType?: ["AIGeneratedContent"];
}

const MARKER = /\[(\d{1,3})\]/g;

/** The citation numbers used in a text, in order of first use. */
export function citationMarkers(text: string): number[] {
  const seen: number[] = [];
  for (const match of text.matchAll(MARKER)) {
    const n = Number(match[1]);
    if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}

/**
 * The text and its Message entity. Markers without a source are removed from the text (a
 * marker Teams cannot resolve would show as a dead reference), so every `[n]` left in the text
 * has exactly one Claim with position n, and every Claim has its marker.
 */
export function citedMessage(
  text: string,
  sources: SourceCitation[],
  generated: boolean,
): { text: string; entity?: TeamsMessageEntity } {
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  const shown = text.replace(/[ \t]*\[(\d{1,3})\]/g, (marker, n: string) => (byNumber.has(Number(n)) ? marker : ""));
  const claims = citationMarkers(shown).map((n) => claim(byNumber.get(n)!));
  if (claims.length === 0 && !generated) return { text: shown };
  return {
    text: shown,
    entity: {
      type: "https://schema.org/Message",
      "@type": "Message",
      "@context": "https://schema.org",
      "@id": "",
      ...(claims.length > 0 ? { citation: claims } : {}),
      ...(generated ? { additionalType: ["AIGeneratedContent"] as ["AIGeneratedContent"] } : {}),
    },
  };
}

function claim(source: SourceCitation): TeamsClaim {
  const section = source.section.replace(/\s+/g, " ").trim();
  const quote = source.quote.replace(/\s+/g, " ").trim();
  const keyword = cut(section.split(" › ").at(-1) ?? "", CITATION_LIMITS.keyword);
  return {
    "@type": "Claim",
    position: source.n,
    appearance: {
      "@type": "DigitalDocument",
      name: cut(sourceTitle(source), CITATION_LIMITS.name),
      abstract: cut(quote ? `“${quote}”` : section || sourceTitle(source), CITATION_LIMITS.abstract),
      ...(keyword ? { keywords: [keyword] } : {}),
    },
  };
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}
