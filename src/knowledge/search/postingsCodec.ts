import type { PostingsData } from "./postingsIndex.js";

/**
 * Postings in a snapshot: the typed arrays themselves. writeSnapshot puts them in a binary file
 * beside the JSON and readSnapshot gives them back as views on that file's bytes.
 */
export type EncodedPostings = PostingsData;

export function encodePostings(data: PostingsData): EncodedPostings {
  return data;
}

export function decodePostings(encoded: EncodedPostings): PostingsData {
  const data: PostingsData = {
    fieldCount: encoded.fieldCount,
    docCount: encoded.docCount,
    terms: encoded.terms,
    offsets: encoded.offsets.map((a) => asArray(a, Uint32Array)),
    docs: encoded.docs.map((a) => asArray(a, Uint32Array)),
    tfs: encoded.tfs.map((a) => asArray(a, Uint16Array)),
    fieldLengths: encoded.fieldLengths.map((a) => asArray(a, Uint32Array)),
    averageFieldLengths: encoded.averageFieldLengths,
  };
  checkShape(data);
  return data;
}

/** Anything but the expected typed array (e.g. a snapshot written without its binary file) is damage. */
function asArray<T extends Uint32Array | Uint16Array>(value: unknown, type: new (...args: never[]) => T): T {
  if (!(value instanceof type)) throw new Error("postings snapshot is damaged");
  return value;
}

/** A snapshot is read back only if its arrays fit together; a damaged one is rebuilt by the caller. */
function checkShape(data: PostingsData): void {
  const ok =
    data.offsets.length === data.fieldCount &&
    data.averageFieldLengths.length === data.fieldCount &&
    data.offsets.every((o, f) => o.length === data.terms.length + 1 && o[data.terms.length] === data.docs[f]?.length && data.docs[f]?.length === data.tfs[f]?.length) &&
    data.fieldLengths.every((l) => l.length === data.docCount) &&
    data.docs.every((d) => allBelow(d, data.docCount));
  if (!ok) throw new Error("postings snapshot is damaged");
}

function allBelow(values: Uint32Array, limit: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]! >= limit) return false;
  return true;
}
