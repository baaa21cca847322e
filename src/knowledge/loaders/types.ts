/** Why a file could not be loaded; `reason` is shown to the admin (Dutch, short). */
export class UnreadableDocumentError extends Error {
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = "UnreadableDocumentError";
  }
}

/** Turns the bytes of one file format into plain text. Throws UnreadableDocumentError. */
export interface DocumentLoader {
  /** Lower-case extensions with dot, e.g. [".pdf"]. */
  readonly extensions: readonly string[];
  extractText(bytes: Uint8Array, fileName: string): Promise<string>;
}
