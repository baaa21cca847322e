import { type DocumentLoader, UnreadableDocumentError } from "./types.js";

/**
 * Markdown and plain text. The text is returned exactly as decoded, because chunk offsets
 * and evaluation evidence refer to it. Note: TextDecoder drops a leading UTF-8 BOM, which is
 * not content and would otherwise hide a `#` heading on the first line.
 */
export const textLoader: DocumentLoader = {
  extensions: [".md", ".markdown", ".txt"],

  async extractText(bytes: Uint8Array): Promise<string> {
    // UTF-16 files (Notepad "Unicode") are full of NULs but are text in the wrong encoding.
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    if (utf16) throw new UnreadableDocumentError("geen geldige UTF-8-tekst");
    if (bytes.includes(0)) throw new UnreadableDocumentError("binair bestand, geen tekst");

    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      throw new UnreadableDocumentError("geen geldige UTF-8-tekst", { cause: error });
    }
    if (text.trim() === "") throw new UnreadableDocumentError("leeg bestand");
    return text;
  },
};
