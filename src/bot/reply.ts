/**
 * The platform-neutral reply model. Closed on purpose: every renderer switches over
 * ReplyPart["kind"] exhaustively, so a new part kind is a compile error until each
 * surface can show it.
 */

/** One cited source under an answer. */
export interface SourceCitation {
  /** Citation number as used in the answer text, e.g. 1 for "[1]". */
  n: number;
  documentId: string;
  documentTitle: string;
  /** Section trail joined for display, e.g. "5.2.5 Matching & plaatsing". */
  section: string;
  /** Short quote from the passage (retrieved text, never invented). */
  quote: string;
}

/** A button; the surface echoes id and value back as an IncomingAction. */
export interface ReplyAction {
  id: string;
  label: string;
  value?: string;
  style?: "primary" | "danger";
}

export type ReplyPart =
  | { kind: "text"; text: string }
  | { kind: "notice"; level: "info" | "warning"; text: string }
  | { kind: "sources"; title: string; sources: SourceCitation[] }
  | { kind: "actions"; actions: ReplyAction[] };

export interface Reply {
  parts: ReplyPart[];
}

export type ReplyPartKind = ReplyPart["kind"];

/** Compile-time guard for exhaustive switches in renderers. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled reply part: ${JSON.stringify(value)}`);
}

export function textReply(text: string): Reply {
  return { parts: [{ kind: "text", text }] };
}
