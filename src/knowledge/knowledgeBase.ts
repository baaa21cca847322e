import { createHash } from "node:crypto";
import os from "node:os";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { dutchWords } from "./analysis/dutchLexicon.js";
import { DutchAnalyser, loadStopwords, type QueryTermGroup } from "./analysis/dutchAnalyser.js";
import { foldText, wordTokens } from "./analysis/normalise.js";
import { SynonymTable } from "./analysis/synonymTable.js";
import { chunkDocument, type ChunkingOptions, DEFAULT_CHUNKING } from "./chunker.js";
import { type CorpusMetadata, documentMeta, readCorpusMetadata } from "./corpusMetadata.js";
import { IngestPool } from "./ingest/ingestPool.js";
import type { LoadTaskResult } from "./ingest/ingestTasks.js";
import type { Embedder } from "./embedder.js";
import {
  type IndexSnapshot,
  readSnapshot,
  SNAPSHOT_VERSION,
  type SkippedFile,
  type SnapshotDocument,
  snapshotFile,
  writeSnapshot,
} from "./indexSnapshot.js";
import { LexicalIndex } from "./lexicalIndex.js";
import { DocumentNames } from "./namedDocument.js";
import { DocumentAcronyms, definedAcronyms } from "./analysis/documentAcronyms.js";
import type { EngineKind } from "./search/candidateEngine.js";
import { listDocumentFiles, loadDocumentFile } from "./loaders/loadFile.js";
import { Retriever, TYPED_WEIGHT } from "./retriever.js";
import type { Chunk, DocumentMeta, RetrievedPassage } from "./types.js";
import { VectorIndex } from "./vectorIndex.js";

export interface IngestProgress {
  phase: "lezen" | "indexeren" | "embedden";
  done: number;
  total: number;
  file?: string;
}

export interface IngestSummary {
  corpusDir: string;
  documents: number;
  chunks: number;
  reused: number;
  processed: number;
  skipped: Array<{ file: string; reason: string }>;
  seconds: number;
  fromSnapshot: boolean;
}

export interface KnowledgeBaseOptions {
  contentDir: string;
  /** Where index snapshots are kept; undefined keeps everything in memory. */
  dataDir?: string;
  embedder?: Embedder;
  chunking?: ChunkingOptions;
  warn?: (message: string) => void;
  onProgress?: (progress: IngestProgress) => void;
  /** Worker threads for a large ingest; default the cores, 1 = none. */
  ingestWorkers?: number;
  /** Files to (re)load from which ingest uses worker threads. */
  parallelMinFiles?: number;
  /** Texts per batch that an ingest worker analyses at most (default in ingestPool.ts). */
  ingestBatchSize?: number;
  /** Candidate engine behind the BM25 index (benchmarks compare them); default "postings". */
  searchEngine?: EngineKind;
}

const EMBED_BATCH = 64;
const PARALLEL_MIN_FILES = 32;
/** Re-analysing this many chunks (after one changed file in a large corpus) is also worth the workers. */
const PARALLEL_MIN_CHUNKS = 5000;
/** Weight, when choosing sentences, of question words that the document's title or region contains. */
const DOCUMENT_WORD_WEIGHT = 0.3;
/** Rarity weighting when choosing answer sentences (idf^power). */
const SENTENCE_IDF_POWER = 0.3;

/** The passages' texts one by one: a 100× corpus is read without copying it into an array. */
function* chunkTexts(chunks: Iterable<Chunk>): Iterable<string> {
  for (const chunk of chunks) yield chunk.text;
}

/** Owns the indexed plan documents: ingest, snapshot, retrieval. */
export class KnowledgeBase {
  readonly analyser: DutchAnalyser;
  private readonly lexical: LexicalIndex;
  private vectors = new VectorIndex();
  private chunks = new Map<string, Chunk>();
  /** The words of each document, per version of its chunks (a re-ingest replaces them). */
  private readonly documentWords = new WeakMap<Chunk[], Set<string>>();
  private readonly documentTexts = new WeakMap<Chunk[], string>();
  private readonly documentAcronyms = new WeakMap<Chunk[], DocumentAcronyms>();
  private documents: Record<string, SnapshotDocument> = {};
  private skipped: Record<string, SkippedFile> = {};
  private embeddingCache: Record<string, number[]> = {};
  private readonly retriever: Retriever;
  private readonly sentenceTermCache = new Map<string, Set<string>>();
  /** The words of the documents' titles and regions, for the index they were read from. */
  private namingWords: { chunks: number; words: Set<string> } | undefined;
  private regionWords: { chunks: number; words: Set<string> } | undefined;
  private capitalisedWords: { chunks: number; words: Set<string> } | undefined;
  private documentNames: { chunks: number; names: DocumentNames } | undefined;
  private corpusDir?: string;
  /** Word counts of the indexed text (the compound splitter's dictionary), kept for the snapshot. */
  private vocabulary: ReadonlyMap<string, number> = new Map();

  /** The analysis settings the index is built with: an index built with other settings is rebuilt. */
  private readonly analysisKey: string;

  constructor(private readonly options: KnowledgeBaseOptions) {
    const synonymsFile = path.join(options.contentDir, "synonyms.yaml");
    const analysisFile = path.join(options.contentDir, "dutch-analysis.yaml");
    const synonyms = SynonymTable.fromFile(synonymsFile);
    this.analyser = new DutchAnalyser(synonyms, loadStopwords(analysisFile));
    this.analysisKey = createHash("sha256").update(readFileSync(synonymsFile)).update("\0").update(readFileSync(analysisFile)).digest("hex");
    this.lexical = new LexicalIndex(this.analyser, undefined, options.searchEngine);
    this.retriever = new Retriever({
      analyser: this.analyser,
      lexical: this.lexical,
      chunk: (id) => this.chunks.get(id),
      texts: () => chunkTexts(this.chunks.values()),
      documentNaming: (chunk) => this.documentNaming(chunk.documentId),
      embedder: options.embedder,
      vectors: () => this.vectors,
      onEmbedError: () => this.warn("Embeddings niet beschikbaar; alleen op woorden gezocht."),
    });
  }

  get documentCount(): number {
    return Object.keys(this.documents).length;
  }

  get chunkCount(): number {
    return this.chunks.size;
  }

  documentTitles(): string[] {
    return Object.values(this.documents).map((d) => d.meta.title);
  }

  /** Each indexed document's details (title, kind, publisher, date, region). */
  documentMetas(): DocumentMeta[] {
    return Object.values(this.documents).map((d) => d.meta);
  }

  /** The question's analysed term groups, as retrieval uses them (benchmarks time the engines on them). */
  queryGroups(question: string): QueryTermGroup[] {
    return this.retriever.queryGroups(question);
  }

  retrieve(question: string, k = 5, signal?: AbortSignal): Promise<RetrievedPassage[]> {
    return this.retriever.retrieve(question, k, signal);
  }

  /**
   * Scores a piece of text against a question the way coverage does (rarity-weighted
   * share of the question's words it contains); used to pick answer sentences.
   */
  textScorer(question: string): (text: string, chunk?: Chunk) => number {
    const groups = withoutQuotedName(this.retriever.queryGroups(question), question);
    const perDocument = new Map<string, QueryTermGroup[]>();
    const named = this.namedDocument(question, true)?.id;
    return (text: string, chunk?: Chunk) => {
      let scored = groups;
      if (chunk) {
        let own = perDocument.get(chunk.documentId);
        if (!own) perDocument.set(chunk.documentId, (own = this.withoutDocumentWords(groups, chunk, named)));
        scored = own;
      }
      return this.retriever.coverageOfTerms(scored, this.sentenceTerms(text, chunk?.documentId), SENTENCE_IDF_POWER);
    };
  }

  /**
   * The scorer above plus, per question word, whether a text covers it and what the word
   * weighs (rarity): answers add a quote for words the first quote leaves out.
   */
  questionScorer(question: string): {
    score: (text: string, chunk?: Chunk) => number;
    covered: (text: string, chunk?: Chunk) => boolean[];
    /** The same, counting only the words as typed (and listed expansions), not compound parts or paraphrases. */
    coveredAsTyped: (text: string, chunk?: Chunk) => boolean[];
    weights: number[];
    words: string[];
    rarity: Array<{ known: boolean; share: number }>;
    /** Per word: whether only the asker's introduction before the question uses it (see Retriever.contextOnlyWords). */
    context: boolean[];
  } {
    const groups = this.retriever.queryGroups(question);
    return {
      context: groups.map((g) => g.introduction === true),
      rarity: this.retriever.groupRarity(groups),
      score: this.textScorer(question),
      covered: (text: string, chunk?: Chunk) => this.retriever.groupCoverage(groups, this.sentenceTerms(text, chunk?.documentId)),
      coveredAsTyped: (text: string, chunk?: Chunk) => this.retriever.groupCoverage(groups, this.sentenceTerms(text, chunk?.documentId), TYPED_WEIGHT),
      weights: this.retriever.groupWeights(groups, SENTENCE_IDF_POWER),
      words: groups.map((g) => g.word),
    };
  }

  /** The document's title and region, as shown and as a question may name them. */
  documentNaming(documentId: string): string {
    const meta = this.documents[documentId]?.meta;
    return `${meta?.title ?? ""}\n${meta?.region ?? ""}`;
  }

  /** The one document a question names by its title, kind, region or file name (see DocumentNames). */
  namedDocument(question: string, clearly = false): DocumentMeta | undefined {
    if (this.documentNames?.chunks !== this.chunkCount) {
      this.documentNames = { chunks: this.chunkCount, names: new DocumentNames(this.documentMetas(), (word) => this.analyser.isStopword(word)) };
    }
    return this.documentNames.names.named(question, clearly);
  }

  /** Whether a folded word is part of a document's region ("groningen", "drenthe", "rijnmond"). */
  namesARegion(word: string): boolean {
    if (this.regionWords?.chunks !== this.chunkCount) {
      const words = Object.values(this.documents).flatMap((document) => wordTokens(foldText(document.meta?.region ?? "")));
      this.regionWords = { chunks: this.chunkCount, words: new Set(words) };
    }
    return this.regionWords.words.has(word);
  }

  /**
   * Whether a folded word is a place the documents name: a region of theirs, or a word they only
   * ever write with a capital ("Rotterdam", "Zwolle" when they use it), so a question that types
   * it in lower case ("in rotterdam") still names that place.
   */
  namesAPlace(word: string): boolean {
    if (this.namesARegion(word)) return true;
    if (this.capitalisedWords?.chunks !== this.chunkCount) {
      const capitalised = new Set<string>();
      const lower = new Set<string>();
      for (const chunk of this.allChunks()) {
        for (const [token] of chunk.text.matchAll(/\p{L}[\p{L}-]*/gu)) (/^\p{Lu}/u.test(token) ? capitalised : lower).add(foldText(token));
      }
      this.capitalisedWords = { chunks: this.chunkCount, words: new Set([...capitalised].filter((w) => !lower.has(w))) };
    }
    return this.capitalisedWords.words.has(word);
  }

  /** Whether a folded word is part of a document's title or region ("groningen", "rijnmond"). */
  namesADocument(word: string): boolean {
    if (this.namingWords?.chunks !== this.chunkCount) {
      const words = Object.keys(this.documents).flatMap((id) => wordTokens(foldText(this.documentNaming(id))));
      this.namingWords = { chunks: this.chunkCount, words: new Set(words) };
    }
    return this.namingWords.words.has(word);
  }

  /**
   * Question words that name the document itself ("in de nieuwe werkwijze in Groningen") tell
   * which document, not which sentence of it answers: inside that document they weigh less. So do
   * the words naming the one document the question clearly names (`named`), in every document: a
   * line elsewhere that only cites its title ("D Actieplan: De best passende zorg voor kwetsbare
   * jongeren.") says where, not what (new-user try; measured: keywordHit q2 +0.005, lead q +0.006,
   * nothing else moved on nine sets. Doing the same in the passage ranking cost recall@5 check
   * −0.04; preferring the named document's passages for the lead cost keywordHit f −0.012).
   */
  private withoutDocumentWords(groups: QueryTermGroup[], chunk: Chunk, named?: string): QueryTermGroup[] {
    const naming = new Set(this.analyser.indexTerms(this.documentNaming(chunk.documentId) + (named ? `\n${this.documentNaming(named)}` : "")));
    return groups.map((group) =>
      [...group.terms.keys()].some((term) => naming.has(term)) ? lighter(group) : group,
    );
  }

  /**
   * Answers quote the same passages again and again: their sentences are analysed once. A line of
   * a document that uses an abbreviation the document defines ("MVS") also has the words it stands
   * for ("Maasluis, Vlaardingen en Schiedam").
   */
  private sentenceTerms(text: string, documentId?: string): Set<string> {
    const acronyms = documentId ? this.acronymsOf(documentId) : undefined;
    const spelled = acronyms && acronyms.size > 0 ? acronyms.spelledOutIn(text) : [];
    const key = spelled.length > 0 ? `${text}\u0000${spelled.join("\u0000")}` : text;
    let terms = this.sentenceTermCache.get(key);
    if (!terms) {
      terms = new Set(this.analyser.sentenceTerms(text));
      if (spelled.length > 0) for (const term of this.analyser.indexTerms(spelled.join("\n"))) terms.add(term);
      if (this.sentenceTermCache.size > 20_000) this.sentenceTermCache.clear();
      this.sentenceTermCache.set(key, terms);
    }
    return terms;
  }

  /** The abbreviations a document defines for itself (see documentAcronyms.ts), read once per ingest. */
  private acronymsOf(documentId: string): DocumentAcronyms {
    const chunks = this.chunksOf(documentId);
    let acronyms = this.documentAcronyms.get(chunks);
    if (!acronyms) this.documentAcronyms.set(chunks, (acronyms = new DocumentAcronyms(definedAcronyms(this.textOf(documentId)))));
    return acronyms;
  }

  /**
   * The subsections of a section (by its heading trail) in document order, when it has at least
   * three whose titles the document uses once (principles A-G; not "Doelstelling" / "Aanpak",
   * which every section repeats). Undefined otherwise.
   */
  subsections(documentId: string, path: readonly string[]): string[] | undefined {
    const chunks = [...this.chunksOf(documentId)].sort((a, b) => a.start - b.start);
    const uses = new Map<string, number>();
    const seenPaths = new Set<string>();
    for (const chunk of chunks) {
      chunk.sectionPath.forEach((title, d) => {
        const key = chunk.sectionPath.slice(0, d + 1).join("\u0001");
        if (seenPaths.has(key)) return;
        seenPaths.add(key);
        uses.set(title, (uses.get(title) ?? 0) + 1);
      });
    }
    const children: string[] = [];
    for (const chunk of chunks) {
      const p = chunk.sectionPath;
      if (p.length <= path.length || !path.every((t, i) => p[i] === t)) continue;
      const child = p[path.length]!;
      if (!children.includes(child)) children.push(child);
    }
    if (children.length < 3 || children.some((c) => (uses.get(c) ?? 0) > 1)) return undefined;
    return children;
  }

  /** Whether a document uses a word anywhere (folded, as a whole word): "Rotterdam" in the Rijnmond plan. */
  mentions(documentId: string, word: string): boolean {
    const chunks = this.chunksOf(documentId);
    let words = this.documentWords.get(chunks);
    if (!words) this.documentWords.set(chunks, (words = new Set(chunks.flatMap((chunk) => this.analyser.surfaceWords(chunk.text)))));
    return words.has(word);
  }

  /** A document's passages as one text (whole-document checks: an abbreviation spelled out somewhere in it). */
  textOf(documentId: string): string {
    const chunks = this.chunksOf(documentId);
    let text = this.documentTexts.get(chunks);
    if (text === undefined) this.documentTexts.set(chunks, (text = chunks.map((chunk) => chunk.text).join("\n")));
    return text;
  }

  /** Whether a passage's headings name the topic a question asks about (see Retriever.namesTopic). */
  namesTopic(question: string, chunk: Chunk): boolean {
    return this.retriever.namesTopic(question, chunk.sectionPath);
  }

  /** Whether no passage of the same section comes before this one in its document. */
  startsSection(chunk: Chunk): boolean {
    const path = chunk.sectionPath.join("\u0001");
    return !this.chunksOf(chunk.documentId).some((other) => other.start < chunk.start && other.sectionPath.join("\u0001") === path);
  }

  allChunks(): Chunk[] {
    return [...this.chunks.values()];
  }

  /** A document's region as corpus.json gives it ("Rijnmond", "landelijk"), or null. */
  documentRegion(documentId: string): string | null | undefined {
    return this.documents[documentId]?.meta?.region;
  }

  /** Full original text of a document (for evaluation and "show the passage"). */
  chunksOf(documentId: string): Chunk[] {
    return this.documents[documentId]?.chunks ?? [];
  }

  /**
   * Indexes a folder. Unchanged files (same content hash) are reused from the snapshot;
   * when nothing changed at all the stored index is loaded as it is.
   */
  async ingest(corpusDir: string): Promise<IngestSummary> {
    const started = performance.now();
    this.corpusDir = path.resolve(corpusDir);
    const file = this.options.dataDir ? snapshotFile(this.options.dataDir, this.corpusDir) : undefined;
    const previous = file ? await readSnapshot(file, this.corpusDir) : undefined;
    const summary: IngestSummary = {
      corpusDir: this.corpusDir,
      documents: 0,
      chunks: 0,
      reused: 0,
      processed: 0,
      skipped: [],
      seconds: 0,
      fromSnapshot: false,
    };

    const exists = await stat(this.corpusDir).then((s) => s.isDirectory()).catch(() => false);
    const files = exists ? await listDocumentFiles(this.corpusDir) : [];
    if (!exists) this.warn(`Documentenmap ${this.corpusDir} bestaat niet; er zijn geen documenten geïndexeerd.`);
    const metadata = await readCorpusMetadata(this.corpusDir, (m) => this.warn(m));
    const chunking = this.options.chunking ?? DEFAULT_CHUNKING;

    const documents: Record<string, SnapshotDocument> = {};
    const skipped: Record<string, SkippedFile> = {};
    const skip = (relative: string, reason: string, hash: string | undefined): void => {
      summary.skipped.push({ file: relative, reason });
      if (hash) skipped[relative] = { contentHash: hash, reason };
      this.warn(`Overgeslagen: ${relative} (${reason})`);
    };
    let changed = !previous;
    // Decide per file, in file order (chunk order follows it): reuse, skip, or (re)load.
    const slots: Array<{ relative: string; hash?: string; reused?: SnapshotDocument }> = [];
    let finished = 0; // files read or settled, for progress
    for (const relative of files) {
      this.options.onProgress?.({ phase: "lezen", done: finished, total: files.length, file: relative });
      const hash = await hashFile(path.join(this.corpusDir, relative));
      const old = previous?.documents[relative];
      // A changed corpus.json entry (title, short title, region) is a change too: the chunks
      // carry the title, and the index holds title and region.
      if (old && hash && old.contentHash === hash && old.metadata === metadataKey(metadata, relative)) {
        slots.push({ relative, reused: old });
        summary.reused++;
        finished++;
        continue;
      }
      const failed = previous?.skipped?.[relative];
      if (failed && hash && failed.contentHash === hash) {
        // The same bytes failed before: not worth re-reading (a bad PDF can take 30 s) or a rebuild.
        skip(relative, failed.reason, hash);
        finished++;
        continue;
      }
      changed = true;
      slots.push({ relative, hash });
    }
    const toLoad = slots.filter((s) => !s.reused);
    const chunkEstimate = slots.reduce((n, s) => n + (s.reused?.chunks.length ?? 60), 0);
    const workers = this.options.ingestWorkers ?? os.availableParallelism();
    // Worker threads pay off for a large corpus; starting them costs about a second.
    const pool =
      workers > 1 && (toLoad.length >= (this.options.parallelMinFiles ?? PARALLEL_MIN_FILES) || (changed && chunkEstimate >= PARALLEL_MIN_CHUNKS))
        ? new IngestPool(this.options.contentDir, workers, this.options.ingestBatchSize)
        : undefined;
    try {
      const loadOne = async (slot: (typeof slots)[number]) => {
        if (!pool) this.options.onProgress?.({ phase: "lezen", done: finished, total: files.length, file: slot.relative });
        const result = pool
          ? await pool.load(this.corpusDir!, slot.relative, metadata, chunking)
          : await loadAndChunk(this.corpusDir!, slot.relative, metadata, chunking);
        finished++;
        if (pool) this.options.onProgress?.({ phase: "lezen", done: finished, total: files.length, file: slot.relative });
        return result;
      };
      const loaded = pool ? await Promise.all(toLoad.map(loadOne)) : await sequential(toLoad, loadOne);
      const loadedBySlot = new Map(toLoad.map((slot, i) => [slot, loaded[i]!]));
      for (const slot of slots) {
        if (slot.reused) {
          documents[slot.relative] = slot.reused;
          continue;
        }
        const result = loadedBySlot.get(slot)!;
        if (!result.ok) skip(slot.relative, result.reason, slot.hash);
        else if (result.chunks.length === 0) skip(slot.relative, "geen bruikbare tekst gevonden", slot.hash);
        else {
          documents[slot.relative] = { meta: result.meta, contentHash: result.contentHash, metadata: metadataKey(metadata, slot.relative), chunks: result.chunks };
          summary.processed++;
        }
      }
      this.options.onProgress?.({ phase: "lezen", done: files.length, total: files.length });
      if (previous && Object.keys(previous.documents).some((id) => !documents[id])) changed = true;
      if (await this.index(documents, skipped, previous, changed, summary, pool)) changed = true;
    } finally {
      await pool?.close();
    }
    const embedded = await this.embedChunks();

    if (file && (changed || embedded > 0 || !previous)) await writeSnapshot(file, this.toSnapshot(previous));
    // Read now, not on the first question with a word the documents do not use.
    dutchWords();
    summary.documents = this.documentCount;
    summary.chunks = this.chunkCount;
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  }

  /**
   * Loads the index a previous ingest stored for this corpus, without looking at the files:
   * for answer workers, which share the snapshot the main process wrote. False when there is none.
   */
  async openSnapshot(corpusDir: string): Promise<boolean> {
    this.corpusDir = path.resolve(corpusDir);
    const file = this.options.dataDir ? snapshotFile(this.options.dataDir, this.corpusDir) : undefined;
    const previous = file ? await readSnapshot(file, this.corpusDir) : undefined;
    if (!previous || previous.analysisKey !== this.analysisKey || !this.loadLexical(previous)) return false;
    this.vocabulary = new Map(Object.entries(previous.vocabulary));
    this.documents = previous.documents;
    this.skipped = previous.skipped ?? {};
    this.chunks = new Map(Object.values(previous.documents).flatMap((d) => d.chunks.map((c) => [c.id, c] as const)));
    this.embeddingCache = previous.embeddings[this.options.embedder?.id ?? ""] ?? {};
    this.sentenceTermCache.clear();
    this.retriever.forgetAnalysedText();
    this.vectors = new VectorIndex();
    for (const chunk of this.chunks.values()) {
      const v = this.embeddingCache[contentKey(chunk)];
      if (v) this.vectors.add(chunk.id, v);
    }
    dutchWords();
    return true;
  }

  /** Fills the knowledge base from the documents: the stored index when nothing changed, else a rebuild. */
  private async index(
    documents: Record<string, SnapshotDocument>,
    skipped: Record<string, SkippedFile>,
    previous: IndexSnapshot | undefined,
    changed: boolean,
    summary: IngestSummary,
    pool: IngestPool | undefined,
  ): Promise<boolean> {
    this.documents = documents;
    this.skipped = skipped;
    this.chunks = new Map(Object.values(documents).flatMap((d) => d.chunks.map((c) => [c.id, c] as const)));
    this.embeddingCache = previous?.embeddings[this.options.embedder?.id ?? ""] ?? {};

    let rebuilt = false;
    // An admin who edits the synonyms or stop words gets them in the index too, not only in questions.
    if (!changed && previous && previous.analysisKey === this.analysisKey && this.loadLexical(previous)) {
      summary.fromSnapshot = true;
      this.vocabulary = new Map(Object.entries(previous.vocabulary));
    } else {
      rebuilt = true;
      this.options.onProgress?.({ phase: "indexeren", done: 0, total: 1 });
      const chunks = [...this.chunks.values()];
      const texts = chunks.map((c) => c.text);
      this.vocabulary = pool ? await pool.surfaceCounts(texts) : buildVocabulary(this.analyser, chunks);
      this.analyser.useVocabulary(this.vocabulary);
      const textTerms = pool ? await pool.analyse(texts, this.vocabulary) : undefined;
      // The workers' heaps go before the index is built: that is when ingest needs the most memory.
      await pool?.close();
      this.lexical.build(chunks, textTerms, (chunk) => this.documentNaming(chunk.documentId));
      this.options.onProgress?.({ phase: "indexeren", done: 1, total: 1 });
    }
    // A new vocabulary splits compounds differently: analysed text from before is stale.
    this.sentenceTermCache.clear();
    this.retriever.forgetAnalysedText();
    return rebuilt;
  }

  /** Loads the stored index; false (and a rebuild) when it does not fit together. */
  private loadLexical(previous: IndexSnapshot): boolean {
    try {
      this.analyser.useVocabulary(new Map(Object.entries(previous.vocabulary)));
      this.lexical.loadSnapshot(previous.lexical);
      return true;
    } catch {
      this.warn("De opgeslagen index is beschadigd; de index wordt opnieuw opgebouwd.");
      return false;
    }
  }

  /** Embeds chunks without a cached vector (cache keyed by chunk content), then fills the vector index. */
  private async embedChunks(): Promise<number> {
    const embedder = this.options.embedder;
    this.vectors = new VectorIndex();
    if (!embedder) return 0;
    const missing = [...this.chunks.values()].filter((c) => !this.embeddingCache[contentKey(c)]);
    let done = 0;
    try {
      for (let i = 0; i < missing.length; i += EMBED_BATCH) {
        const batch = missing.slice(i, i + EMBED_BATCH);
        this.options.onProgress?.({ phase: "embedden", done: i, total: missing.length });
        const vectors = await embedder.embed(batch.map((c) => embeddingText(c)));
        batch.forEach((c, j) => {
          const v = vectors[j];
          if (v) this.embeddingCache[contentKey(c)] = v;
        });
        done += batch.length;
      }
    } catch (error) {
      this.warn(`Embeddings konden niet gemaakt worden (${(error as Error).message}); zoeken gaat op woorden.`);
    }
    for (const chunk of this.chunks.values()) {
      const v = this.embeddingCache[contentKey(chunk)];
      if (v) this.vectors.add(chunk.id, v);
    }
    return done;
  }

  private toSnapshot(previous?: IndexSnapshot): IndexSnapshot {
    const embedderId = this.options.embedder?.id;
    const embeddings = { ...(previous?.embeddings ?? {}) };
    if (embedderId) embeddings[embedderId] = this.embeddingCache;
    const vocabulary: Record<string, number> = {};
    for (const [w, n] of this.vocabulary) vocabulary[w] = n;
    return {
      version: SNAPSHOT_VERSION,
      corpusDir: this.corpusDir ?? "",
      analysisKey: this.analysisKey,
      createdAt: new Date().toISOString(),
      documents: this.documents,
      vocabulary,
      lexical: this.lexical.toSnapshot(),
      embeddings,
      skipped: this.skipped,
    };
  }

  private warn(message: string): void {
    this.options.warn?.(message);
  }
}

/** A document's corpus.json entry as stored with its chunks, to see when it changes. */
function metadataKey(metadata: CorpusMetadata, relative: string): string {
  return JSON.stringify(metadata.get(relative) ?? null);
}

async function loadAndChunk(corpusDir: string, relative: string, metadata: CorpusMetadata, chunking: ChunkingOptions): Promise<LoadTaskResult> {
  const loaded = await loadDocumentFile(corpusDir, relative);
  if (!loaded.ok) return { ok: false, reason: loaded.reason };
  const meta = documentMeta(relative, loaded.text, metadata);
  return { ok: true, meta, contentHash: loaded.contentHash, chunks: chunkDocument(meta, loaded.text, chunking) };
}

async function sequential<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await run(item));
  return out;
}

function buildVocabulary(analyser: DutchAnalyser, chunks: Iterable<Chunk>): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const chunk of chunks) {
    for (const word of analyser.surfaceWords(chunk.text)) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
  }
  return vocabulary;
}

async function hashFile(file: string): Promise<string | undefined> {
  try {
    return createHash("sha256").update(await readFile(file)).digest("hex");
  } catch {
    return undefined;
  }
}

function contentKey(chunk: Chunk): string {
  return createHash("sha1").update(embeddingText(chunk)).digest("hex");
}

function embeddingText(chunk: Chunk): string {
  return `${chunk.documentTitle}\n${chunk.sectionPath.join(" > ")}\n${chunk.text}`;
}

/**
 * The words of a name the question puts in quotes ("van wie is het plan 'de best passende zorg
 * voor kwetsbare jongeren' een initiatief?") say which thing, not what about it: in choosing
 * sentences they weigh as little as the words that name a document, when the question has
 * other words besides.
 */
function withoutQuotedName(groups: QueryTermGroup[], question: string): QueryTermGroup[] {
  const quoted = new Set<string>();
  for (const match of question.matchAll(/(?:^|[\s(])['‘“"]([^'’”"]{3,80})['’”"](?=[\s?.,!:;)]|$)/gu)) {
    const tokens = wordTokens(foldText(match[1]!));
    // A quoted term ('brandweerfunctie') is what the question asks about; a title has more words.
    if (tokens.length >= 3) for (const token of tokens) quoted.add(token);
  }
  if (quoted.size === 0 || groups.every((group) => quoted.has(group.word))) return groups;
  return groups.map((group) => (quoted.has(group.word) ? lighter(group) : group));
}

/** A question word that says which document or thing, not what about it: weighed as such. */
function lighter(group: QueryTermGroup): QueryTermGroup {
  const { word, phrases, phraseOnly } = group;
  return { word, ...(phrases ? { phrases, phraseOnly } : {}), terms: new Map([...group.terms].map(([term, weight]) => [term, weight * DOCUMENT_WORD_WEIGHT])) };
}
