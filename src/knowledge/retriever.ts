import { expandAcronym, typedAcronyms } from "./analysis/acronyms.js";
import { topicAsked } from "./analysis/topicAsked.js";
import { type AnswerType, containsAnswerType, expectedAnswerType, kindWords } from "./analysis/answerType.js";
import { isChatToken } from "./analysis/chatTokens.js";
import { introductionBeforeQuestion } from "./analysis/personIntro.js";
import { foldText } from "./analysis/normalise.js";
import type { DutchAnalyser, QueryTermGroup } from "./analysis/dutchAnalyser.js";
import type { Embedder } from "./embedder.js";
import type { LexicalIndex } from "./lexicalIndex.js";
import type { Chunk, RetrievedPassage } from "./types.js";
import type { VectorIndex } from "./vectorIndex.js";
import { isTableRow } from "./tableRows.js";
import { TermMatcher } from "./search/termMatcher.js";
import { differsAtEnd } from "./search/editDistance.js";

/** Weight of the words an unknown acronym stands for, as for a listed abbreviation's expansion. */
const ACRONYM_WEIGHT = 0.9;
/** New acronyms looked up in the passages per question (each lookup reads them all once). */
const ACRONYM_READS = 2;
/** Weight of a typo-repaired term (the user meant it, probably). */
const REPAIRED_WEIGHT = 0.8;
/** Credit for a question term found only as the start of a longer chunk term. */
const PREFIX_CREDIT = 0.5;
/** Reciprocal rank fusion constant (the usual 60). */
const RRF_K = 60;
/** Sentence coverage kept when the sentence lacks the kind of answer asked for. */
const MISSING_TYPE_FACTOR = 0.6;
const CANDIDATES = 50;
/**
 * Weight of a word that only the asker's introduction uses (see contextOnlyWords): light, not
 * left out, as the introduction may name what the question is about. Measured: MRR h +.013, i
 * +.012, keywordHit and lead i +.025, answerWords i 68 → 65, h 66 → 67, nothing else moved on
 * eleven sets; the same at 0.1 and 0.35 (answerWords i unchanged at 0.1); at 0.5 lead q2 +.010 but
 * MRR g −.010. Left out entirely, a word the index knows would weigh as one it does not.
 */
const CONTEXT_WEIGHT = 0.25;
/** Share of its weight that a word asking for the kind of answer gets from an answer of that kind. */
const KIND_CREDIT = 0.6;
/** A term weighs this much or more when it is the word as typed or a listed expansion of it (0.9), not a compound part (0.5) or paraphrase (0.6). */
export const TYPED_WEIGHT = 0.9;
/**
 * What a passage under headings that name the topic asked about (see topicAsked) adds to its
 * rerank score (of at most 1): such a question asks for that section (new-user try: "wat staat er
 * in het actieplan over separeren?" got §6.2, which mentions separatie; at 0.15 and 0.3 §5.1.2
 * *Stoppen met gedwongen afzonderen* stayed below it; no figure moved on eleven sets at any of them).
 */
const TOPIC_HEADING_BONUS = 0.5;

/** The heading of a table of contents. */
const CONTENTS_HEADING = /^(inhoud|inhoudsopgave|inhoudstafel|table of contents|contents)$/i;

/** Whether a passage lies in a document's table of contents. */
function isContents(chunk: Chunk): boolean {
  return chunk.sectionPath.some((heading) => CONTENTS_HEADING.test(heading.trim()));
}

/** How candidates are reranked; measured with `npm run eval` (see README). */
export interface RerankOptions {
  /** How many BM25 candidates are reranked. */
  depth: number;
  /** Weight of the chunk's coverage of the question. */
  coverageWeight: number;
  /** Weight of the best single sentence's coverage; BM25 gets the rest. */
  sentenceWeight: number;
  /** Rarity weighting in coverage: idf^power (below 1 keeps rare chat words from dominating). */
  idfPower: number;
  /** How many of BM25's best candidates always stay in the top k (reordered, never dropped). */
  keepBm25Top: number;
}

interface AnalysedSentence {
  terms: Set<string>;
  hasType(type: AnswerType): boolean;
}

interface TableTerms {
  /** Terms of everything but the data rows: headings, title, naming, header rows, prose. */
  around: Set<string>;
  /** Terms of each data row. */
  rows: Array<Set<string>>;
}

/** Data rows from which a passage is read row by row. */
const TABLE_ROWS = 3;

/**
 * A chunk's table rows and what surrounds them, analysed; undefined when it holds fewer than
 * TABLE_ROWS data rows. A table's first row is its header, unless the chunk starts inside a
 * table (its header is then `tableHeader`).
 */
function splitTable(chunk: Chunk, analyse: (text: string) => string[], naming: string[]): TableTerms | undefined {
  const lines = chunk.text.split("\n");
  const around: string[] = [chunk.sectionPath.join("\n"), chunk.documentTitle, chunk.tableHeader ?? ""];
  const rows: string[] = [];
  lines.forEach((line, i) => {
    const isRow = isTableRow(line);
    const continuesTable = i > 0 ? isTableRow(lines[i - 1]!) : chunk.tableHeader !== undefined;
    if (isRow && continuesTable) rows.push(line);
    else around.push(line);
  });
  if (rows.length < TABLE_ROWS) return undefined;
  return { around: new Set([...analyse(around.join("\n")), ...naming]), rows: rows.map((row) => new Set(analyse(row))) };
}

interface WeightedGroup {
  /** The terms that count on their own. */
  terms: Array<{ term: string; value: number }>;
  /** Phrases whose terms count together (see QueryTermGroup.phrases): per phrase, per word, its terms. */
  phrases?: Array<Array<Array<{ term: string; value: number }>>>;
  /** What covering this question word is worth: its rarest known term. */
  weight: number;
}

export const DEFAULT_RERANK: RerankOptions = {
  depth: 50,
  coverageWeight: 0.5,
  sentenceWeight: 0.2,
  idfPower: 0.3,
  keepBm25Top: 3,
};

export interface RetrieverDeps {
  analyser: DutchAnalyser;
  lexical: LexicalIndex;
  chunk: (id: string) => Chunk | undefined;
  embedder?: Embedder;
  /** Read on every query: the vector index is replaced after each ingest. */
  vectors?: () => VectorIndex;
  embedTimeoutMs?: number;
  onEmbedError?: (error: unknown) => void;
  rerank?: RerankOptions;
  /** How a question may name a chunk's document: its title and region (corpus.json). */
  documentNaming?: (chunk: Chunk) => string;
  /** The indexed passages' texts, read when a question types an acronym the index does not know. */
  texts?: () => Iterable<string>;
}

/**
 * Chat shorthand the documents do not use ("vlgs", "eig", "max") is noise, not a word of the
 * question: it would weigh as the rarest word and lower every passage's coverage, pushing an
 * answerable question towards a refusal. An acronym typed in capitals ("AVG") stays: it names
 * something (measured: lead q +0.018, MRR d +0.002, nothing worse on nine sets; with five letters
 * as the limit abstainRecall f fell 0.1).
 */
function isNoise(group: QueryTermGroup, lexical: LexicalIndex, typedAcronyms: ReadonlyMap<string, string>): boolean {
  const known = [...group.terms.keys()].some((term) => lexical.has(term));
  return isChatToken(group.word, known) && !typedAcronyms.has(group.word);
}

/**
 * Finds passages for a question: BM25 first; fused with vector search by reciprocal rank
 * when an embedder is configured. Every passage carries its coverage of the question.
 */
export class Retriever {
  private readonly termCache = new Map<string, Set<string>>();
  /** Per document: the terms of its title and region (corpus.json), for coverage. */
  private readonly namingCache = new Map<string, string[]>();
  /** Analysed sentences per chunk: analysing them again for every question cost most of a query's time. */
  private readonly sentenceCache = new Map<string, AnalysedSentence[]>();
  /** Per chunk: its table rows' terms and the terms around them, or null when it is no table. */
  private readonly tableCache = new Map<string, TableTerms | null>();

  private readonly rerank: RerankOptions;
  private readonly acronymCache = new Map<string, string | undefined>();
  private readonly weightedCache = new WeakMap<QueryTermGroup[], Map<number, WeightedGroup[]>>();
  private readonly matcherCache = new WeakMap<WeightedGroup[], TermMatcher>();

  constructor(private readonly deps: RetrieverDeps) {
    this.rerank = deps.rerank ?? DEFAULT_RERANK;
  }

  /** Drops cached analysis; called after (re)ingest, when the vocabulary may have changed. */
  forgetAnalysedText(): void {
    this.termCache.clear();
    this.namingCache.clear();
    this.sentenceCache.clear();
    this.tableCache.clear();
    this.acronymCache.clear();
  }

  /**
   * What the documents abbreviate as an acronym (see expandAcronym), looked up once per acronym.
   * Reading the passages is allowed only `mayRead` times per question: a message full of made-up
   * capitals ("AB CD EF …") must not make a worker read a large corpus again and again.
   */
  private acronymExpansion(acronym: string, mayRead: () => boolean): string | undefined {
    if (!this.acronymCache.has(acronym)) {
      if (!mayRead()) return undefined;
      const { analyser, texts } = this.deps;
      const found = texts ? expandAcronym(acronym, texts(), (word) => analyser.isStopword(word), (word) => analyser.stem(word)) : undefined;
      if (this.acronymCache.size > 1000) this.acronymCache.clear();
      this.acronymCache.set(acronym, found);
    }
    return this.acronymCache.get(acronym);
  }

  queryGroups(question: string): QueryTermGroup[] {
    const { analyser, lexical } = this.deps;
    const acronyms = new Map(typedAcronyms(question).map((typed) => [foldText(typed), typed]));
    let reads = 0;
    const mayRead = () => reads++ < ACRONYM_READS;
    const contextOnly = this.contextOnlyWords(question);
    return analyser.queryGroups(question).map((group) => {
      const terms = new Map(group.terms);
      // An acronym the synonym table does not list ("EMB", "PvE", "VT") stands for the words the
      // documents use with those initials: they join its group, as a listed expansion would, also
      // when the documents use the acronym itself a few times (measured: q2 MRR .882→.889,
      // keywordHit q2 +.014, d +.017, falseAbstain d .05→.025, nothing worse on seven sets; only
      // for acronyms the index does not know, d did not move).
      const typedAcronym = acronyms.get(group.word);
      const unlisted = typedAcronym !== undefined && group.terms.size === 1;
      const expansion = unlisted ? this.acronymExpansion(typedAcronym, mayRead) : undefined;
      const expandedGroups = expansion ? analyser.queryGroups(expansion) : [];
      for (const expanded of expandedGroups) {
        for (const [term, weight] of expanded.terms) terms.set(term, Math.max(terms.get(term) ?? 0, Math.min(weight, ACRONYM_WEIGHT)));
      }
      // Its words count together, as a listed abbreviation's do (see QueryTermGroup.phrases).
      let { phrases, phraseOnly } = group;
      if (expandedGroups.length >= 2) {
        const parts = expandedGroups.map((expanded) => [...expanded.terms.keys()]);
        phrases = [...(phrases ?? []), parts];
        phraseOnly = new Set([...(phraseOnly ?? []), ...parts.flat().filter((term) => !group.terms.has(term))]);
      }
      // A word the corpus does not know is compared as typed with the corpus's words: a typo often
      // breaks the suffix the stemmer needs ("spoedmachtigng" stays whole as a stem). The word it
      // misspells is added with its own analysis, as if typed right (measured: at 0.8 that
      // question still went unanswered). The typed form stays: its own near matches still count.
      const unknown = [...group.terms.keys()].every((term) => !lexical.has(term));
      const nearest = unknown ? analyser.nearestWord(group.word) : undefined;
      for (const repaired of nearest ? analyser.queryGroups(nearest) : []) {
        for (const [term, weight] of repaired.terms) terms.set(term, Math.max(terms.get(term) ?? 0, weight));
      }
      // A real word the documents do not use is no typo of one they do ("gedicht" is not "gericht",
      // "hoofdstad" not "hoofdstuk"): only its last letter may differ, as a verb form's does
      // ("ondertekent" / "ondertekend").
      const realWord = analyser.knowsWord(group.word);
      for (const [term, weight] of group.terms) {
        if (weight < 1) continue;
        const repaired = lexical.nearestTerm(term);
        if (repaired && !terms.has(repaired) && (!realWord || differsAtEnd(term, repaired))) terms.set(repaired, REPAIRED_WEIGHT);
      }
      for (const quarter of quartersMeant(question, group.word)) if (!terms.has(quarter)) terms.set(quarter, QUARTER_WEIGHT);
      const together = phrases ? { phrases, phraseOnly } : {};
      if (!contextOnly.has(group.word)) return { word: group.word, terms, ...together };
      for (const [term, weight] of terms) terms.set(term, weight * CONTEXT_WEIGHT);
      return { word: group.word, terms, introduction: true, ...together };
    }).filter((group) => !isNoise(group, lexical, acronyms));
  }

  /**
   * Words that only the asker's introduction before the question uses ("hoi, ik ben
   * beleidsmedewerker jeugd bij een gemeente in de regio rijnmond. wat zegt de regiovisie over
   * pleegzorg?"): they say who asks, not what. At full weight they pulled the passages on who
   * drew up the plan ahead of the one on pleegzorg (new-user try).
   */
  private contextOnlyWords(message: string): Set<string> {
    const split = introductionBeforeQuestion(message);
    if (!split) return new Set();
    // The question may use another form of the word ("verwijzingen" / "verwijzen"): the message's
    // groups keep only the first, the introduction's (new-user try of the thirty-ninth session).
    const asked = new Set(this.deps.analyser.queryGroups(split.question).flatMap((group) => [...group.terms].flatMap(([term, weight]) => (weight >= 1 ? [term] : []))));
    const introduced = this.deps.analyser.queryGroups(split.introduction);
    return new Set(introduced.filter((group) => ![...group.terms].some(([term, weight]) => weight >= 1 && asked.has(term))).map((group) => group.word));
  }

  async retrieve(question: string, k: number, signal?: AbortSignal): Promise<RetrievedPassage[]> {
    const groups = this.queryGroups(question);
    const lexicalHits = this.deps.lexical.search(groups, CANDIDATES);
    let ranked = lexicalHits.map((h) => ({ id: h.chunkId, score: h.score }));
    const vectorHits = await this.vectorSearch(question, signal);
    if (vectorHits.length > 0) ranked = fuse(ranked, vectorHits);

    // Rerank the candidates: BM25 alone favours chunks that repeat one rare word; the share
    // of the question a chunk covers favours chunks that answer all of it.
    const top = ranked[0]?.score ?? 0;
    const candidates: RetrievedPassage[] = [];
    for (const { id, score } of ranked.slice(0, this.rerank.depth)) {
      const chunk = this.deps.chunk(id);
      // A table of contents names every topic and answers none ("INHOUD: … 2.9 Betrokkenheid …; 15";
      // new-user try). Measured: answerWords b 69 → 68, c 68 → 66, nothing else moved.
      if (!chunk || isContents(chunk)) continue;
      candidates.push({ chunk, score, coverage: this.coverage(groups, chunk) });
    }
    const answerType = expectedAnswerType(question);
    // "Vanaf welke leeftijd …": a passage with an age in it ("vanaf 12 jaar") covers the word
    // "leeftijd" for the ranking. The passage's coverage as reported stays what its words cover:
    // whether the documents answer at all is not decided on an answer's kind.
    const kind = kindWords(question);
    const kindGroups = kind ? groups.filter((group) => kind.words.has(group.word)) : [];
    const sentence = new Map(candidates.map((p) => [p.chunk.id, this.bestSentenceCoverage(groups, p.chunk, answerType, kindGroups)]));
    const ranking = new Map(
      candidates.map((p) => [p.chunk.id, kindGroups.length > 0 && answerType && this.holdsType(p.chunk, answerType) ? this.coverage(groups, p.chunk, kindGroups) : p.coverage]),
    );
    const { coverageWeight, sentenceWeight } = this.rerank;
    const topic = this.topicGroups(question);
    const onTopic = new Set(topic.length > 0 ? candidates.filter((p) => this.headingsCover(topic, p.chunk.sectionPath)).map((p) => p.chunk.id) : []);
    const blended = (p: RetrievedPassage) =>
      (onTopic.has(p.chunk.id) ? TOPIC_HEADING_BONUS : 0) +
      coverageWeight * (ranking.get(p.chunk.id) ?? p.coverage) +
      sentenceWeight * (sentence.get(p.chunk.id) ?? 0) +
      (1 - coverageWeight - sentenceWeight) * (top > 0 ? p.score / top : 0);
    const reranked = [...candidates].sort((a, b) => blended(b) - blended(a));
    // BM25's own best few stay in the answer window: the rerank may reorder them, not drop them.
    const window = reranked.slice(0, k);
    const bm25Best = [...candidates].sort((a, b) => b.score - a.score).slice(0, this.rerank.keepBm25Top);
    const missing = bm25Best.filter((p) => !window.includes(p));
    if (missing.length > 0) window.splice(Math.max(0, k - missing.length), missing.length, ...missing);
    return window;
  }

  /**
   * Whether headings name every word of the topic a question asks about ("wat staat er in het
   * actieplan over separeren?" / "5.1.2 Stoppen met gedwongen afzonderen …"); false for a question
   * that asks about no topic (see topicAsked).
   */
  namesTopic(question: string, headings: readonly string[]): boolean {
    const topic = this.topicGroups(question);
    return topic.length > 0 && this.headingsCover(topic, headings);
  }

  /** The words of the topic a question asks about (see topicAsked); none for any other question. */
  private topicGroups(question: string): QueryTermGroup[] {
    const topic = topicAsked(question);
    return topic ? this.queryGroups(topic) : [];
  }

  /**
   * Whether headings hold each word as typed or spelled out: one of those terms, or every word of a
   * phrase it stands for ("hoogspecialistische jeugdhulp" for "HSJ"; not "specialistische jeugdhulp",
   * whose first word is only a part of the compound).
   */
  private headingsCover(groups: QueryTermGroup[], headings: readonly string[]): boolean {
    const terms = new Set(this.deps.analyser.indexTerms(headings.join("\n")));
    const holds = (group: QueryTermGroup, term: string) => (group.terms.get(term) ?? 0) >= TYPED_WEIGHT && terms.has(term);
    return groups.every(
      (group) =>
        [...group.terms.keys()].some((term) => !group.phraseOnly?.has(term) && holds(group, term)) ||
        (group.phrases ?? []).some((parts) => parts.every((part) => part.some((term) => holds(group, term)))),
    );
  }

  /**
   * Share of the question's words (weighted by rarity) that the chunk contains. A word
   * the corpus does not know at all weighs the most: its absence is what makes a
   * question unanswerable ("telefoonnummer", "dagtarief").
   */
  coverage(groups: QueryTermGroup[], chunk: Chunk, credited: QueryTermGroup[] = []): number {
    const table = this.tableTerms(chunk);
    // A table is read row by row below; the kind credit reaches its rows through the best-sentence
    // coverage, where each row is a line of its own.
    if (!table) return this.coverageOfTerms(groups, this.chunkTerms(chunk), this.rerank.idfPower, credited);
    // What the text around the rows covers is read once; each row adds what it covers itself.
    const weighted = this.weighted(groups, this.rerank.idfPower);
    const total = weighted.reduce((sum, group) => sum + group.weight, 0);
    if (total === 0) return 0;
    const matcher = this.matcherOf(weighted);
    const aroundValues = matcher.values(table.around);
    const around = weighted.map((group, g) => Math.min(aroundValues[g]!, group.weight));
    let best = 0;
    for (const row of table.rows) {
      const rowValues = matcher.values(row);
      let covered = 0;
      weighted.forEach((group, g) => {
        covered += around[g]! >= group.weight ? around[g]! : Math.max(around[g]!, Math.min(rowValues[g]!, group.weight));
      });
      best = Math.max(best, covered / total);
    }
    return best;
  }

  /**
   * A passage with a table (a milestone overview): its rows are separate records, so a question is
   * covered by one row with what stands around it (headings, header row, prose), not by words
   * scattered over sixty rows (measured together with two answer rules, see README).
   */
  private tableTerms(chunk: Chunk): TableTerms | undefined {
    let table = this.tableCache.get(chunk.id);
    if (table === undefined) {
      table = splitTable(chunk, (text) => this.deps.analyser.indexTerms(text), this.namingTerms(chunk)) ?? null;
      if (this.tableCache.size > 5000) this.tableCache.clear();
      this.tableCache.set(chunk.id, table);
    }
    return table ?? undefined;
  }

  /**
   * Share of the question's weight that a set of terms covers. Credited words (the kind of answer
   * asked for, where the text holds one) count for KIND_CREDIT of their weight when absent: the
   * word itself ("periode" above "juni t/m oktober 2020") still says more.
   */
  coverageOfTerms(groups: QueryTermGroup[], terms: ReadonlySet<string>, idfPower = this.rerank.idfPower, credited: QueryTermGroup[] = []): number {
    const weighted = this.weighted(groups, idfPower);
    const values = this.matcherOf(weighted).values(terms);
    let total = 0;
    let covered = 0;
    weighted.forEach((group, g) => {
      total += group.weight;
      const got = Math.min(values[g]!, group.weight);
      covered += credited.includes(groups[g]!) ? Math.max(got, KIND_CREDIT * group.weight) : got;
    });
    return total === 0 ? 0 : covered / total;
  }

  /**
   * Which of the question's words (groups) a set of terms covers, and what each word weighs
   * (its rarity): for choosing further quotes and for deciding what an answer leaves out.
   */
  groupCoverage(groups: QueryTermGroup[], terms: ReadonlySet<string>, minWeight = 0): boolean[] {
    return groups.map((group) => {
      for (const [term, weight] of group.terms) {
        if (weight >= minWeight && (terms.has(term) || (PREFIX_CREDIT > 0 && term.length >= 5 && hasPrefix(terms, term)))) return true;
      }
      return false;
    });
  }

  /**
   * Per question word: whether the corpus knows it at all (any of its terms), and its rarity
   * as the share of passages that contain its rarest known term (1 when unknown).
   */
  groupRarity(groups: QueryTermGroup[]): Array<{ known: boolean; share: number }> {
    const { lexical } = this.deps;
    const n = Math.max(1, lexical.size);
    return groups.map((group) => {
      let share = 1;
      let known = false;
      for (const [term] of group.terms) {
        // A term that counts only with the rest of its phrase does not make the word known: "afgeven"
        // is not a word of the documents because they use "af" and "geven" (see particleVerb).
        if (!lexical.has(term) || group.phraseOnly?.has(term)) continue;
        known = true;
        // idf = ln(1 + (n - df + 0.5) / (df + 0.5)), solved for df.
        const df = (n + 1) / Math.exp(lexical.idf(term)) - 0.5;
        share = Math.min(share, Math.max(0, df) / n);
      }
      return { known, share };
    });
  }

  groupWeights(groups: QueryTermGroup[], idfPower = this.rerank.idfPower): number[] {
    return this.weighted(groups, idfPower).map((group) => group.weight);
  }

  /**
   * Rarity weights of a question's terms, computed once per question: coverage is scored
   * for every sentence of every candidate, and the idf lookups dominated that.
   */
  private weighted(groups: QueryTermGroup[], idfPower = this.rerank.idfPower): WeightedGroup[] {
    let byPower = this.weightedCache.get(groups);
    if (!byPower) this.weightedCache.set(groups, (byPower = new Map()));
    let weighted = byPower.get(idfPower);
    if (weighted) return weighted;
    const { lexical } = this.deps;
    const unknownWeight = Math.pow(lexical.idf("\u0000unknown"), idfPower);
    weighted = groups.map((group) => {
      let weight = 0;
      const terms: WeightedGroup["terms"] = [];
      const valueOf = (term: string) => (group.terms.get(term) ?? 0) * Math.pow(lexical.idf(term), idfPower);
      for (const [term] of group.terms) {
        const value = valueOf(term);
        if (lexical.has(term)) weight = Math.max(weight, value);
        if (!group.phraseOnly?.has(term)) terms.push({ term, value });
      }
      const phrases = group.phrases?.map((parts) => parts.map((part) => part.map((term) => ({ term, value: valueOf(term) }))));
      // A word the corpus does not know at all weighs the most.
      return { terms, weight: weight === 0 ? unknownWeight : weight, ...(phrases ? { phrases } : {}) };
    });
    byPower.set(idfPower, weighted);
    return weighted;
  }

  /** The question's terms ready to be looked up in a set of terms, built once per weighting. */
  private matcherOf(weighted: WeightedGroup[]): TermMatcher {
    let matcher = this.matcherCache.get(weighted);
    if (!matcher) this.matcherCache.set(weighted, (matcher = new TermMatcher(weighted, PREFIX_CREDIT)));
    return matcher;
  }

  /**
   * Coverage by the single best sentence: answers tend to sit in one sentence. When the
   * question asks for a kind of answer (a number, a date), a sentence without one counts less.
   */
  private bestSentenceCoverage(groups: QueryTermGroup[], chunk: Chunk, answerType: AnswerType | undefined, kindGroups: QueryTermGroup[] = []): number {
    let best = 0;
    for (const sentence of this.sentences(chunk)) {
      const typed = answerType !== undefined && kindGroups.length > 0 && sentence.hasType(answerType);
      let value = this.coverageOfTerms(groups, sentence.terms, this.rerank.idfPower, typed ? kindGroups : []);
      if (answerType !== undefined && value > best && !sentence.hasType(answerType)) value *= MISSING_TYPE_FACTOR;
      best = Math.max(best, value);
    }
    return best;
  }

  /** Whether one of the chunk's sentences holds an answer of the kind asked for. */
  private holdsType(chunk: Chunk, type: AnswerType): boolean {
    return this.sentences(chunk).some((sentence) => sentence.hasType(type));
  }

  private sentences(chunk: Chunk): AnalysedSentence[] {
    let sentences = this.sentenceCache.get(chunk.id);
    if (!sentences) {
      sentences = chunk.text
        .split(/\n+|(?<=[.!?])\s+/)
        .filter((text) => text.length >= 15)
        .map((text) => {
          const types = new Map<AnswerType, boolean>();
          return {
            terms: new Set(this.deps.analyser.indexTerms(text)),
            hasType(type: AnswerType) {
              let has = types.get(type);
              if (has === undefined) types.set(type, (has = containsAnswerType(text, type)));
              return has;
            },
          };
        });
      if (this.sentenceCache.size > 5000) this.sentenceCache.clear();
      this.sentenceCache.set(chunk.id, sentences);
    }
    return sentences;
  }

  /**
   * A chunk's terms for coverage: its text, section and title, and how its document is named
   * (its region): a question that names the region ("wijkteammedewerker in Drenthe") is covered
   * there by the region's own document (measured: recall@1 q2 +.015, c +.02, d +.025; MRR q2, b,
   * c, d +.003..+.015; keywordHit q2 +.015, d +.025; lead q2 +.014, d +.025; nothing worse on
   * seven sets; a new-user try had been refused for "in Drenthe").
   */
  private chunkTerms(chunk: Chunk): Set<string> {
    let terms = this.termCache.get(chunk.id);
    if (!terms) {
      terms = this.deps.lexical.chunkTerms(chunk);
      for (const term of this.namingTerms(chunk)) terms.add(term);
      if (this.termCache.size > 5000) this.termCache.clear();
      this.termCache.set(chunk.id, terms);
    }
    return terms;
  }

  /** The analysed terms of how a chunk's document is named, analysed once per document. */
  private namingTerms(chunk: Chunk): string[] {
    let terms = this.namingCache.get(chunk.documentId);
    if (!terms) {
      terms = this.deps.analyser.indexTerms(this.deps.documentNaming?.(chunk) ?? "");
      this.namingCache.set(chunk.documentId, terms);
    }
    return terms;
  }

  private async vectorSearch(question: string, signal?: AbortSignal) {
    const { embedder } = this.deps;
    const vectors = this.deps.vectors?.();
    if (!embedder || !vectors || vectors.size === 0) return [];
    try {
      const timeout = AbortSignal.timeout(this.deps.embedTimeoutMs ?? 5000);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const [vector] = await embedder.embed([question], combined);
      return vector ? vectors.search(vector, CANDIDATES).map((h) => ({ id: h.chunkId, score: h.score })) : [];
    } catch (error) {
      // Lexical results stand on their own; a slow or failing embeddings endpoint must not block answers.
      this.deps.onEmbedError?.(error);
      return [];
    }
  }
}

/**
 * Weight of the quarter a chat word for part of a year stands for (measured: recall@5 i +.025, MRR
 * i +.013, lead f +.008, nothing else moved on eleven sets; 0.6 and 1.0 the same or a little less).
 */
const QUARTER_WEIGHT = 0.8;
const ORDINAL_QUARTER: Record<string, string> = { eerste: "q1", tweede: "q2", derde: "q3", vierde: "q4", laatste: "q4" };
const PART_OF_YEAR: Record<string, string[]> = { begin: ["q1"], eind: ["q4"], einde: ["q4"], medio: ["q2", "q3"], halverwege: ["q2", "q3"] };

/**
 * The quarters a word for part of a year stands for when a year follows it ("eind 2020" is "Q4
 * 2020", "begin 2021" is "2021 Q1"), or an ordinal before "kwartaal" ("het eerste kwartaal" is
 * Q1): the milestone tables say Q1-Q4.
 */
function quartersMeant(question: string, word: string): string[] {
  const ordinal = ORDINAL_QUARTER[word];
  if (ordinal && new RegExp(`\\b${word}\\s+kwartaal\\b`, "i").test(foldText(question))) return [ordinal];
  const quarters = PART_OF_YEAR[word];
  if (!quarters) return [];
  return new RegExp(`\\b${word}\\s+(?:van\\s+)?(?:19|20)\\d{2}\\b`, "i").test(foldText(question)) ? quarters : [];
}


function hasPrefix(terms: ReadonlySet<string>, prefix: string): boolean {
  for (const t of terms) if (t.length > prefix.length && t.startsWith(prefix)) return true;
  return false;
}

function fuse(...rankings: Array<Array<{ id: string; score: number }>>): Array<{ id: string; score: number }> {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach(({ id }, rank) => scores.set(id, (scores.get(id) ?? 0) + 1 / (RRF_K + rank + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

