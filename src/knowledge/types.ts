/** Metadata of one plan document, from corpus.json or derived from the file. */
export interface DocumentMeta {
  /** Stable id: the file name relative to the corpus folder. */
  id: string;
  title: string;
  /** How sources name the document; without it a short title is derived from the title. */
  shortTitle?: string | null;
  date: string | null;
  region: string | null;
  /** What kind of document it is ("actieplan", "presentatie"), from corpus.json. */
  kind?: string | null;
  /** Who made or published it, from corpus.json. */
  publisher?: string | null;
}

/** A document after loading: its extracted text, the base for every offset. */
export interface LoadedDocument {
  meta: DocumentMeta;
  /** Extracted text. For .md/.txt this is the file content unchanged. */
  text: string;
  /** sha256 of the file bytes, used to skip unchanged files on re-ingest. */
  contentHash: string;
}

/** A retrievable piece of a document. Offsets point into LoadedDocument.text. */
export interface Chunk {
  id: string;
  documentId: string;
  documentTitle: string;
  /** The document's configured short title (corpus.json), when there is one. */
  documentShortTitle?: string;
  /** Heading trail, e.g. ["5 Veranderopgaven", "5.2.5 Matching & plaatsing: ..."]. */
  sectionPath: string[];
  /** The header row of the table the chunk starts in, when its first lines are rows of a table begun above it. */
  tableHeader?: string;
  start: number;
  end: number;
  /** The text between start and end, cleaned for reading (inline HTML turned into plain rows). */
  text: string;
}

/** A chunk returned by retrieval, with its rank-ordered score. */
export interface RetrievedPassage {
  chunk: Chunk;
  score: number;
  /** Share (0..1) of the question's weighted terms that this passage contains. */
  coverage: number;
}
