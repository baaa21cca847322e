import { extractText, getDocumentProxy } from "unpdf";
import { type DocumentLoader, UnreadableDocumentError } from "./types.js";

const CORRUPT = "PDF kan niet gelezen worden (beschadigd of versleuteld)";
const NO_TEXT = "PDF bevat geen tekst (alleen afbeeldingen?)";
/** A broken PDF can make pdf.js wait forever on data that never comes. */
const EXTRACTION_TIMEOUT_MS = 30_000;

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

export const pdfLoader: DocumentLoader = {
  extensions: [".pdf"],

  async extractText(bytes: Uint8Array): Promise<string> {
    const pages = await extractPages(bytes);
    // mergePages would join pages with a single "\n"; a blank line keeps page breaks visible.
    const text = pages.map(normalisePage).filter((page) => page !== "").join("\n\n");
    if (text === "") throw new UnreadableDocumentError(NO_TEXT);
    return text;
  },
};

async function extractPages(bytes: Uint8Array): Promise<string[]> {
  let pdf: PdfDocument | undefined;
  let timedOut = false;
  const work = (async () => {
    // A copy as a plain Uint8Array: pdf.js rejects Node Buffers (what readFile returns; their
    // slice() is a view) and may detach the buffer it is given.
    const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    if (timedOut) {
      void document.destroy().catch(() => undefined);
      throw new Error("PDF opened after the timeout");
    }
    pdf = document;
    return (await extractText(document, { mergePages: false })).text;
  })();

  try {
    return await withTimeout(work, EXTRACTION_TIMEOUT_MS, () => {
      timedOut = true;
    });
  } catch (error) {
    throw new UnreadableDocumentError(CORRUPT, { cause: error });
  } finally {
    // Also ends pending page work after a timeout; its rejection is already handled by the race.
    await pdf?.destroy().catch(() => undefined);
  }
}

/** Same whitespace clean-up unpdf applies with mergePages, per page. */
function normalisePage(page: string): string {
  return page
    .replace(/\u0000/g, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`PDF extraction took longer than ${ms} ms`));
    }, ms);
  });
  try {
    // Promise.race subscribes to `work`, so a late rejection is never unhandled.
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
