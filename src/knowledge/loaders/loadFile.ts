import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { docxLoader } from "./docxLoader.js";
import { pdfLoader } from "./pdfLoader.js";
import { textLoader } from "./textLoader.js";
import { type DocumentLoader, UnreadableDocumentError } from "./types.js";

export type FileLoadResult =
  | { ok: true; file: string; text: string; contentHash: string } // file: relative to the root dir, forward slashes
  | { ok: false; file: string; reason: string };

const LOADERS: readonly DocumentLoader[] = [textLoader, pdfLoader, docxLoader];
const MAX_BYTES = 50 * 1024 * 1024;
/** Metadata for the corpus, not a document. */
const METADATA_FILE = "corpus.json";

export function supportedExtensions(): string[] {
  return LOADERS.flatMap((loader) => loader.extensions);
}

function loaderFor(extension: string): DocumentLoader | undefined {
  return LOADERS.find((loader) => loader.extensions.includes(extension));
}

/**
 * All files below rootDir, sorted, as relative paths with forward slashes. Unsupported types
 * are included so ingest can report them. Skipped: dot-files and dot-dirs, corpus.json at the
 * root, Office lock files ("~$plan.docx") and anything that is not a regular file.
 */
export async function listDocumentFiles(rootDir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    const entries = await readdir(path.join(rootDir, relativeDir), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        await walk(relative);
      } else if (entry.isFile() || (entry.isSymbolicLink() && (await isRegularFile(path.join(rootDir, relative))))) {
        // Symlinked directories are not followed: they could loop.
        if (relative !== METADATA_FILE) files.push(relative);
      }
    }
  };
  await walk("");
  // Code-unit order: the same on every machine, unlike localeCompare.
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function isRegularFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile()).catch(() => false);
}

/** Loads one file into text. Never throws: every problem becomes `{ ok: false, reason }`. */
export async function loadDocumentFile(rootDir: string, relativePath: string): Promise<FileLoadResult> {
  const file = relativePath.split(path.sep).join("/");
  const fail = (reason: string): FileLoadResult => ({ ok: false, file, reason });

  const extension = path.extname(file).toLowerCase();
  const loader = loaderFor(extension);
  if (!loader) return fail(`bestandstype wordt niet ondersteund (${extension || "geen extensie"})`);

  let bytes: Uint8Array;
  try {
    const fullPath = path.join(rootDir, relativePath);
    const info = await stat(fullPath);
    if (info.isDirectory()) return fail("bestand kan niet gelezen worden (EISDIR)");
    // A FIFO or device would block or never end.
    if (!info.isFile()) return fail("bestand kan niet gelezen worden (geen gewoon bestand)");
    if (info.size > MAX_BYTES) return fail("bestand is te groot (max 50 MB)");
    bytes = await readFile(fullPath);
    // The file may have grown between stat and read.
    if (bytes.byteLength > MAX_BYTES) return fail("bestand is te groot (max 50 MB)");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`bestand kan niet gelezen worden (${code ?? "onbekende fout"})`);
  }

  const contentHash = createHash("sha256").update(bytes).digest("hex");
  try {
    const text = await loader.extractText(bytes, path.basename(file));
    return { ok: true, file, text, contentHash };
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return fail(error.reason);
    // A loader bug must not stop ingest of the other files.
    const message = error instanceof Error ? error.message : String(error);
    return fail(`tekst kan niet uit het bestand gehaald worden (${message.split("\n")[0]})`);
  }
}
