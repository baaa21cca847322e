import type { RecordKind, StoredRecord } from "./recordStore.js";

/** The JSON written for a record; the version lives beside it so the compare-and-set can read it cheaply. */
interface StoredDocument {
  s: number;
  value: unknown;
  createdAt: string;
  updatedAt: string;
}

export function encodeDocument<T>(kind: RecordKind<T>, record: StoredRecord<T>): string {
  const doc: StoredDocument = { s: kind.schemaVersion, value: record.value, createdAt: record.createdAt, updatedAt: record.updatedAt };
  return JSON.stringify(doc);
}

/**
 * Parses and validates a stored document. Data written by another release (other schema version,
 * or a shape the schema rejects) is dropped rather than trusted.
 */
export function decodeDocument<T>(kind: RecordKind<T>, id: string, version: number, json: string): StoredRecord<T> | undefined {
  let doc: StoredDocument;
  try {
    doc = JSON.parse(json) as StoredDocument;
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== "object" || doc.s !== kind.schemaVersion) return undefined;
  const parsed = kind.schema.safeParse(doc.value);
  if (!parsed.success) return undefined;
  return { id, version, value: parsed.data, createdAt: String(doc.createdAt), updatedAt: String(doc.updatedAt) };
}
