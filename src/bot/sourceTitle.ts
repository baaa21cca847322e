import type { SourceCitation } from "./reply.js";

/** Longest derived title; long enough for "Regiovisie jeugdhulp regio Rijnmond". */
export const SHORT_TITLE_CHARS = 48;

/**
 * The document title to show next to a citation: the configured `shortTitle`, else one derived
 * from the full title. A title with a subtitle ("Nabij en passend: regiovisie jeugdhulp regio
 * Rijnmond") is named by the part that says what the document is; a long one is cut at a word.
 */
export function sourceTitle(source: Pick<SourceCitation, "documentTitle" | "shortTitle">): string {
  const configured = source.shortTitle?.replace(/\s+/g, " ").trim();
  if (configured) return configured;
  return deriveShortTitle(source.documentTitle);
}

export function deriveShortTitle(title: string): string {
  const whole = title.replace(/\s+/g, " ").trim();
  const colon = whole.indexOf(": ");
  const named = colon > 0 && whole.length - colon > 12 ? whole.slice(colon + 2) : whole;
  const capitalised = named.charAt(0).toLocaleUpperCase("nl") + named.slice(1);
  return cutAtWord(capitalised, SHORT_TITLE_CHARS);
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:–-]+$/, "")}…`;
}
