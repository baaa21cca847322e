import type { PostingsData } from "./postingsIndex.js";

/**
 * Postings in a JSON snapshot: each typed array as one base64 string. Parsing a few long
 * strings and copying their bytes is far cheaper than parsing millions of JSON numbers.
 */
export interface EncodedPostings {
  fieldCount: number;
  docCount: number;
  terms: string[];
  offsets: string[];
  docs: string[];
  tfs: string[];
  fieldLengths: string[];
  averageFieldLengths: number[];
}

export function encodePostings(data: PostingsData): EncodedPostings {
  return {
    fieldCount: data.fieldCount,
    docCount: data.docCount,
    terms: data.terms,
    offsets: data.offsets.map(toBase64),
    docs: data.docs.map(toBase64),
    tfs: data.tfs.map(toBase64),
    fieldLengths: data.fieldLengths.map(toBase64),
    averageFieldLengths: data.averageFieldLengths,
  };
}

export function decodePostings(encoded: EncodedPostings): PostingsData {
  const data: PostingsData = {
    fieldCount: encoded.fieldCount,
    docCount: encoded.docCount,
    terms: encoded.terms,
    offsets: encoded.offsets.map((s) => new Uint32Array(fromBase64(s))),
    docs: encoded.docs.map((s) => new Uint32Array(fromBase64(s))),
    tfs: encoded.tfs.map((s) => new Uint16Array(fromBase64(s))),
    fieldLengths: encoded.fieldLengths.map((s) => new Uint32Array(fromBase64(s))),
    averageFieldLengths: encoded.averageFieldLengths,
  };
  checkShape(data);
  return data;
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

function toBase64(array: Uint32Array | Uint16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

/** A fresh, aligned ArrayBuffer (Buffer.from may return a pooled, unaligned slice). */
function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, "base64");
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}
