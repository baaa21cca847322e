import { readFileSync } from "node:fs";
import stopwordsIso from "stopwords-iso";
import { newStemmer } from "snowball-stemmers";
import { parse } from "yaml";
import { z } from "zod";
import { boundedEditDistance, differsAtEnd } from "../search/editDistance.js";
import { CompoundSplitter } from "./compoundSplitter.js";
import { foldText, wordTokens } from "./normalise.js";
import { dutchWords } from "./dutchLexicon.js";
import {
  derivedVerb,
  inflectionBase,
  infinitiveCandidates,
  numberWordValue,
  participleInfinitive,
  prefixedParticipleInfinitive,
  presentTenseForms,
  presentTenseInfinitive,
  SEPARABLE_PARTICLES,
  weakPastTenseForms,
} from "./verbForms.js";
import { agesWithinRanges } from "./ageRanges.js";
import { referencedLabelTerms } from "./sectionLabels.js";
import type { SynonymTable } from "./synonymTable.js";

const analysisFileSchema = z.object({
  keepStopwords: z.array(z.string()).default([]),
  extraStopwords: z.array(z.string()).default([]),
});

export function loadStopwords(file: string): Set<string> {
  const tuning = analysisFileSchema.parse(parse(readFileSync(file, "utf8")) ?? {});
  const keep = new Set(tuning.keepStopwords.map(foldText));
  const words = [...(stopwordsIso.nl ?? []), ...tuning.extraStopwords].map(foldText);
  return new Set(words.filter((w) => !keep.has(w)));
}

/**
 * A pointing adverb of a question ("wat zijn de regels daarvoor?", "wie betaalt hiervoor?") points
 * at what was said before; it names nothing to search for (new-user try: "daarvoor" found "Daarvoor
 * voelen we ons zeer verantwoordelijk." under a question about medication). Question side only: as
 * index stop words they moved unrelated rankings (keywordHit q −.019, b −.024, d and e −.025).
 * Measured: no figure moved on eleven sets.
 */
const POINTING_ADVERB = /^(?:daar|hier)(?:voor|mee|over|bij|aan|van|toe|door|achter|onder|tussen|naast|na|in|op|om|uit)$/;

/**
 * Verbs that after "hoe" ask how something goes, not about going: "hoe loopt de plaatsingsroute?"
 * was answered on "… als hun ontwikkeling gevaar loopt" (new-user try). So do verbs of opinion:
 * "hoe denkt rijnmond over pleegzorg?" asks what the region holds, not about thinking. Not
 * "werken": "hoe werken ze samen?" asks about working together.
 */
const HOW_VERB = /^(?:loopt|lopen|verloopt|verlopen|gaat|gaan|zit|zitten|denkt|denken|kijkt|kijken)$/;
/**
 * "geldt dat/dit/het ook voor X?" asks whether what was said holds for X: "geldt" led with "Nog
 * steeds geldt daar dat …" over the age range that answered "… voor een meisje van 15?" (new-user try).
 */
const APPLIES = /^(?:geldt|gelden)$/;
const POINTER = /^(?:dat|dit|het|hetzelfde|die|deze)$/;
/**
 * Measures that after "hoe" say what kind of answer is asked, not what about: "hoe groot mogen
 * groepen zijn?" asks a number (answerType), and "groot" matched "De grootste groep zorgvragen …"
 * (new-user try; measured: abstainRecall e +.1, nothing else moved on eleven sets). Not "lang":
 * "hoe lang" finds "langdurig" and "duur" ("hoe lang duurt …"; with it: recall@5 e −.025, MRR q −.005).
 */
const HOW_MEASURE = /^(?:groot|hoog|breed|zwaar|oud|ver|duur|klein|laag)$/;

/**
 * "verdienen" in a fixed expression where it means "deserve" ("Het verdient aanbeveling …", "…
 * verdient de voorkeur"): not indexed, so a question what someone earns does not find it (new-user
 * tries: "wat verdient een jeugdbeschermer?" was answered with "Het verdient daarom aanbeveling").
 */
const DESERVES = /^(?:verdient|verdienen|verdiende|verdienden)$/;
/** What is deserved, within three words ("verdient daarom aanbeveling"). */
const DESERVED = /\b(?:aanbeveling|de voorkeur|navolging)\b/;

/**
 * An ordinal after "als" says in what order ("wat moet ik als eerste doen?"), not what about: it
 * found "… aangenomen in de Eerste Kamer …" (new-user try). Question side only.
 */
const ORDER_ADVERB = /^(?:eerste|eerst|laatste|tweede|volgende)$/;

/**
 * "allemaal" in a question says how much is asked ("wat verandert er allemaal in 2027?"), not what
 * about: it got that question refused (new-user try). Question side only: as an index stop word it
 * cost check −.04 ("… het is allemaal in dat gesprek voorbijgekomen" is how a list is summed up).
 */
const HOW_MUCH_FILLER = /^allemaal$/;

/**
 * How the answer should read, not what about: "graag", and "kort" in "graag kort", "in (het) kort",
 * "kort samengevat", "kort en bondig" (new-user try of the thirty-ninth session: "Wat gaat er mis bij
 * jongeren die nu geplaatst worden? Graag kort." got a case story; without those two words, the
 * slide *Knelpunten (2)*). Question side only; "op korte termijn" still names a time.
 */
const POLITE = /^graag$/;
/** "kort", which says how to answer only with one of the words below before or after it. */
const SHORT = /^kort$/;
/** Before "kort": "graag kort", "in het kort", "in t kort", "heel kort". */
const BEFORE_SHORT = /^(?:graag|heel|even|het|t|zo|aub)$/;
/** After "kort": "kort samengevat", "kort en bondig", "kort graag", "kort uitgelegd". */
const AFTER_SHORT = /^(?:graag|samengevat|samenvatten|en|aub|alsjeblieft|alstublieft|svp|uitgelegd|uitleggen|zeggen|vertellen)$/;

/** Verbs of meaning in "wat bedoelen ze met X?" / "wat verstaan ze onder X?". */
const MEANS_VERB = /^(?:bedoel|bedoelen|bedoelt|bedoeld|versta|verstaan|verstaat)$/;
/** "daarmee", "hieronder", "ermee": what MEANS_VERB asks about, pointed at. */
const MEANS_POINTER = /^(?:daar|hier|er)(?:mee|onder)$/;

export interface QueryTermGroup {
  /** The word as typed (folded). */
  word: string;
  terms: Map<string, number>;
  /** Only the asker's introduction before the question uses this word (see Retriever.contextOnlyWords). */
  introduction?: boolean;
  /**
   * What an abbreviation stands for when that is several words ("gedeelde verklarende analyse" for
   * "GVA"): per phrase, the terms of each of its words. A passage covers the abbreviation by the
   * share of the phrase it holds, not by one of its words ("analyse" alone is not a GVA).
   */
  phrases?: string[][][];
  /** The terms that count only within their phrase (no other reading of the word gives them). */
  phraseOnly?: ReadonlySet<string>;
}


function dedupeGroups(groups: QueryTermGroup[]): QueryTermGroup[] {
  const seen = new Set<string>();
  return groups.filter((g) => {
    const key = [...g.terms.keys()].sort().join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Particles that also open verbs that never split ("overwegen", "doorlopen" as "to run through",
 * "ontvangen", "voorkomen"), or that are words of their own ("terecht", "binnen"): a word that
 * starts with one is not read as particle and verb (measured: "overwegen" as "over … wegen" made a
 * question on the basisprincipes a false refusal in set i).
 */
const NOT_ALWAYS_SEPARABLE = new Set(["over", "door", "om", "voor", "onder", "tegen", "binnen", "terecht"]);
/** The shortest verb left after a particle, as typed and as stemmed: "mee" + "praten" / "prat". */
const MIN_VERB_CHARS = 4;
const MIN_VERB_STEM = 3;

/**
 * A word that is a separable particle and a verb ("meepraatten"): the stems of both, for matching
 * the two apart. Undefined for any other word.
 */
function particleVerb(token: string, stem: (word: string) => string): { particle: string; verb: string } | undefined {
  const particle = [...SEPARABLE_PARTICLES].find((p) => !NOT_ALWAYS_SEPARABLE.has(p) && token.startsWith(p) && token.length - p.length >= MIN_VERB_CHARS);
  if (!particle) return undefined;
  const whole = stem(token);
  const verb = whole.startsWith(particle) ? whole.slice(particle.length) : "";
  return verb.length >= MIN_VERB_STEM ? { particle: stem(particle), verb } : undefined;
}

/** Prepositions that open a phrase after a verb's particle ("... aan voor gesloten jeugdhulp"). */
const PREPOSITIONS = new Set(["voor", "bij", "met", "in", "op", "naar", "over", "tot", "uit", "van", "zonder", "door", "tijdens", "na", "om", "binnen"]);

/** Weight of a derived query term relative to a term the user typed. */
const DERIVED_WEIGHT = 0.5;
/** Weight of a reference to a labelled part ("principe G"): it names the section outright. */
const LABEL_WEIGHT = 3;
/** Weight of what an abbreviation stands for: the user means exactly that. */
const EXPANSION_WEIGHT = 0.9;
/** Weight of a paraphrase's document words: near the typed word in meaning, not the same (measured: 0.9 made a question on set q2 answered that should abstain; 0.2 lost most of the gain). */
const PARAPHRASE_WEIGHT = 0.6;

/**
 * Dutch analysis shared by indexing and querying: fold case and accents, expand
 * abbreviations, drop stop words, split compounds, stem (Snowball).
 */
/** Pronouns that stand for the object of a verb: "dat" in "hoe pak ik dat aan?". */
const OBJECT_PRONOUNS = new Set(["dat", "dit", "het", "die", "deze"]);

export class DutchAnalyser {
  private readonly stemmer = newStemmer("dutch");
  private readonly stemCache = new Map<string, string>();
  private readonly wordCache = new Map<string, { stem: string; parts: string[] } | null>();
  private splitter: CompoundSplitter;
  private vocabulary: ReadonlyMap<string, number>;
  private readonly nearestCache = new Map<string, string>();
  /** Paraphrase expansions by the stem of a one-word key, and phrase keys by their first word. */
  private paraphraseIndex?: { byStem: Map<string, string[]>; byFirstWord: Map<string, Array<{ key: string[]; expansion: string[] }>> };

  constructor(
    readonly synonyms: SynonymTable,
    private readonly stopwords: ReadonlySet<string>,
    vocabulary: ReadonlyMap<string, number> = new Map(),
    /** Whether a folded word is a real Dutch word (then it is no typo): the OpenTaal word list. */
    private readonly isDutchWord: (word: string) => boolean = (word) => dutchWords().has(word),
  ) {
    this.vocabulary = vocabulary;
    this.splitter = this.makeSplitter(vocabulary);
  }

  /** Replace the compound dictionary (the corpus vocabulary) after (re)ingest. */
  useVocabulary(vocabulary: ReadonlyMap<string, number>): void {
    this.vocabulary = vocabulary;
    this.splitter = this.makeSplitter(vocabulary);
    this.wordCache.clear();
    this.nearestCache.clear();
  }

  /**
   * The corpus word a typed word most likely misspells: one edit away (two for words of 9 letters
   * or more), the most frequent on a tie; none for a word the Dutch word list knows (measured:
   * no figure moved on seven sets, and "betalen", "intake", "weekend" are no longer read as
   * "bepalen", "inzake", "wenkend"). Compared as typed, before stemming: a typo often breaks
   * the suffix the stemmer needs ("spoedmachtigng" keeps its whole length as a stem).
   */
  nearestWord(word: string): string | undefined {
    if (word.length < 6 || this.vocabulary.has(word) || /\d/.test(word)) return undefined;
    // A real word the documents do not use is no typo of one they do ("betalen" is not "bepalen").
    if (this.isDutchWord(word)) return undefined;
    const cached = this.nearestCache.get(word);
    if (cached !== undefined) return cached || undefined;
    // A present-tense form the word list lacks ("verschijnt") is a real word too: near it are only
    // its own other forms ("gebeurt" / "gebeurd"), not another verb ("verschilt"; see presentTenseInfinitive).
    const verbForm = presentTenseInfinitive(word, this.isDutchWord) !== undefined;
    const maxDistance = word.length >= 9 ? 2 : 1;
    let best: { word: string; distance: number; count: number } | undefined;
    for (const [candidate, count] of this.vocabulary) {
      // A typo rarely hits the first letter; a real word one letter off often does ("brachten" / "krachten").
      if (Math.abs(candidate.length - word.length) > maxDistance || candidate[0] !== word[0]) continue;
      const distance = boundedEditDistance(word, candidate, maxDistance);
      if (distance > maxDistance) continue;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
    }
    if (verbForm && best && !differsAtEnd(word, best.word)) best = undefined;
    if (this.nearestCache.size > 10_000) this.nearestCache.clear();
    this.nearestCache.set(word, best?.word ?? "");
    return best?.word;
  }

  /** Whether a folded word is a real Dutch word (the word list holds words of six letters or more). */
  knowsWord(word: string): boolean {
    return word.length >= 6 && (this.isDutchWord(word) || presentTenseInfinitive(word, this.isDutchWord) !== undefined);
  }

  /**
   * Whether a folded word is a form of a verb the word list knows: a present tense or regular past
   * participle ("bereikt", "geregeld", "bedoeld"). A verb says what happens, not what a question is about.
   */
  isVerbForm(word: string): boolean {
    return (
      presentTenseInfinitive(word, this.isDutchWord) !== undefined ||
      participleInfinitive(word, this.isDutchWord) !== undefined ||
      prefixedParticipleInfinitive(word, this.isDutchWord) !== undefined
    );
  }

  /** Whether a folded word is a stop word (carries no content of its own). */
  isStopword(word: string): boolean {
    return this.stopwords.has(word);
  }

  /** Folded surface words of a text, for building the vocabulary. */
  surfaceWords(text: string): string[] {
    return wordTokens(foldText(text));
  }

  /**
   * The ways a term is written, as folded word sequences: as typed, and what an abbreviation in the
   * synonym list stands for ("gva" and "gedeelde verklarende analyse").
   */
  phraseForms(text: string): string[][] {
    const tokens = wordTokens(foldText(text));
    const expanded = tokens.length === 1 ? this.synonyms.expansionsAt(tokens, 0, "query") : [];
    return expanded.length > 0 ? [tokens, expanded] : [tokens];
  }

  /** Terms to index for a text. */
  indexTerms(text: string): string[] {
    return this.termsOf(wordTokens(foldText(text)));
  }

  /**
   * Terms of a sentence an answer may quote: its index terms plus the ages inside an age range it
   * gives ("14 jaar tot 23 jaar" answers "een meisje van 15"). Not in the index: there, every range
   * competed with the passages that name the age itself (measured: recall@5 e −.025).
   */
  sentenceTerms(text: string): string[] {
    const tokens = wordTokens(foldText(text));
    const terms = this.termsOf(tokens);
    for (const age of agesWithinRanges(tokens)) this.pushTerms(age, terms, terms);
    return terms;
  }

  /** Terms to index for a text's folded word tokens. */
  private termsOf(tokens: string[]): string[] {
    const terms: string[] = [];
    tokens.forEach((token, i) => {
      // "Het verdient aanbeveling …" deserves, it does not earn (see DESERVES).
      if (DESERVES.test(token) && DESERVED.test(tokens.slice(i + 1, i + 4).join(" "))) return;
      this.pushTerms(token, terms, terms);
    });
    for (const token of this.synonyms.expansions(tokens, "index")) this.pushTerms(token, terms, terms);
    return terms;
  }

  /**
   * Query terms grouped per typed word: the word's stem (weight 1) with its compound parts
   * and expansions (weight DERIVED_WEIGHT). Groups let coverage ask "was each word of the
   * question found?" rather than counting derived terms twice.
   */
  queryGroups(text: string): QueryTermGroup[] {
    const tokens = wordTokens(foldText(text));
    const { verbs: separated, particles } = this.separatedVerbs(text, tokens);
    const isKnown = (word: string) => this.vocabulary.has(word);
    const groups: QueryTermGroup[] = [];
    tokens.forEach((token, i) => {
      // A pointing adverb names nothing (see POINTING_ADVERB).
      if (POINTING_ADVERB.test(token)) return;
      // A particle joined to its verb is part of that verb ("terecht" in "komen … terecht").
      if (particles.has(i)) return;
      // "hoe loopt / verloopt / gaat X?" asks how X goes: the verb names nothing (see HOW_VERB).
      // So does a measure after it ("hoe groot …?", see HOW_MEASURE).
      if (i > 0 && tokens[i - 1] === "hoe" && (HOW_VERB.test(token) || HOW_MEASURE.test(token))) return;
      // "geldt dat ook voor X?" asks whether something holds for X: the verb names nothing (see APPLIES).
      if (APPLIES.test(token) && POINTER.test(tokens[i + 1] ?? "")) return;
      // "allemaal" names nothing (see HOW_MUCH_FILLER).
      if (HOW_MUCH_FILLER.test(token)) return;
      // "graag kort" says how to answer (see POLITE).
      if (POLITE.test(token) || (SHORT.test(token) && (BEFORE_SHORT.test(tokens[i - 1] ?? "") || AFTER_SHORT.test(tokens[i + 1] ?? "")))) return;
      // "als eerste" orders, it names nothing (see ORDER_ADVERB).
      if (i > 0 && tokens[i - 1] === "als" && ORDER_ADVERB.test(token)) return;
      // "wat bedoelen ze met afschalen?", "wat wordt verstaan onder X?" ask what X means: the verb
      // names nothing ("De bedoeling van de transformatie …" answered it; new-user try).
      // So does "wat bedoelen ze daarmee?", which asks it of what was said before.
      if (MEANS_VERB.test(token)) {
        const before = tokens.slice(Math.max(0, i - 3), i);
        const after = tokens.slice(i + 1, i + 4);
        if (before.includes("wat") && (after.some((t) => t === "met" || t === "onder" || MEANS_POINTER.test(t)) || before.some((t) => MEANS_POINTER.test(t)))) return;
      }
      const direct: string[] = [];
      const derived: string[] = [];
      const expanded: string[] = [];
      if (!this.synonyms.isShorthand(token)) this.pushTerms(token, direct, derived);
      const phrases: string[][][] = [];
      const phraseTerms = new Set<string>();
      // Terms the word gives other than through a phrase: they count on their own.
      const single = new Set([...direct, ...derived]);
      for (const phrase of this.synonyms.expansionPhrasesAt(tokens, i, "query")) {
        const parts = phrase.map((word) => {
          const stem: string[] = [];
          const compound: string[] = [];
          this.pushTerms(word, stem, compound);
          expanded.push(...stem);
          derived.push(...compound);
          return [...stem, ...compound];
        }).filter((part) => part.length > 0);
        if (parts.length < 2) {
          for (const part of parts) for (const term of part) single.add(term);
          continue;
        }
        phrases.push(parts);
        for (const part of parts) for (const term of part) phraseTerms.add(term);
      }
      // A separable verb typed as one word that the documents never write joined ("meepraatten")
      // meets it split, as they write it ("uitgenodigd om mee te praten"): its particle and verb
      // count together, as a phrase (sets g, k, m and questions-2: the passage on what young people
      // brought in "toen ze meepraatten" was not found).
      const split = isKnown(token) ? undefined : particleVerb(token, (word) => this.stem(word));
      if (split) {
        phrases.push([[split.particle], [split.verb]]);
        for (const term of [split.particle, split.verb]) phraseTerms.add(term);
      }
      const paraphrased: string[] = [];
      for (const word of this.paraphrasesAt(tokens, i, direct)) this.pushTerms(word, paraphrased, []);
      // A verb split in two has its paraphrases too ("komen … terecht" as "terechtkomen").
      for (const verb of separated.get(i) ?? []) for (const word of this.paraphrasesAt([verb], 0, [this.stem(verb)])) this.pushTerms(word, paraphrased, []);
      if (direct.length === 0 && expanded.length === 0 && derived.length === 0 && paraphrased.length === 0) return;
      const terms = new Map<string, number>();
      paraphrased.forEach((t) => terms.set(t, PARAPHRASE_WEIGHT));
      derived.forEach((t) => terms.set(t, Math.max(DERIVED_WEIGHT, terms.get(t) ?? 0)));
      expanded.forEach((t) => terms.set(t, EXPANSION_WEIGHT));
      direct.forEach((t) => terms.set(t, 1));
      if (split) for (const term of [split.particle, split.verb]) if (!terms.has(term)) terms.set(term, DERIVED_WEIGHT);
      // The verb a particle further on makes of this word is what was typed (measured: recall@5
      // q2 +0.015, MRR +0.004, nothing worse on seven sets; at half weight only MRR moved).
      for (const verb of separated.get(i) ?? []) terms.set(this.stem(verb), 1);
      // An infinitive typed ("welke functies vullen de teams in?") meets the documents' present
      // tense ("vult de vier functies in"): the stemmer keeps them apart. Measured on nine sets:
      // recall@1, keywordHit and lead d, e, f +.025, g +.020, MRR d, e, f +.012, nothing else
      // moved (MRR check −.002). As typed (weight 1): check recall@5 −.04, g abstainRecall −.1.
      // Doing the same on the documents' side (present tense -> infinitive) made "zorgt" read as
      // "zorg": keywordHit b −.024, q −.018. A weak past tense ("werkten") meets the infinitive
      // and present tense the same way (measured: lead e +.025, nothing else moved on nine sets).
      // A noun with its plural in "-eren" ("kind" / "kinderen") meets its other number the same way
      // (measured: abstainRecall h .6 → .7, answerWords i 69 → 68, nothing else moved on eleven
      // sets; at weight 1: lead q2 −.014, e −.025, keywordHit d −.025).
      const derivedForms = this.stopwords.has(token) ? [] : [...presentTenseForms(token, isKnown), ...weakPastTenseForms(token, isKnown), ...erenPluralForms(token, isKnown)];
      for (const form of derivedForms) {
        const stem = this.stem(form);
        if (!terms.has(stem)) terms.set(stem, DERIVED_WEIGHT);
      }
      // A phrase's term that another reading of the word gives too (its own stem, a one-word
      // expansion, a paraphrase, a verb form) counts on its own.
      for (const term of paraphrased) single.add(term);
      for (const [term, weight] of terms) if (weight >= 1) single.add(term);
      const phraseOnly = new Set([...phraseTerms].filter((term) => !single.has(term)));
      groups.push(phrases.length > 0 ? { word: token, terms, phrases, phraseOnly } : { word: token, terms });
    });
    for (const term of referencedLabelTerms(text)) groups.push({ word: term, terms: new Map([[term, LABEL_WEIGHT]]) });
    return dedupeGroups(groups);
  }

  /**
   * Verbs a question splits in two, by token index: Dutch puts a separable verb's particle at the
   * end of its clause ("hoe vraag ik een machtiging aan?" = aanvragen, "wanneer schaal je op?" =
   * opschalen). Each word of a clause that ends in a particle is joined to it, and kept when the
   * corpus knows the joined word ("aanvraag") or its infinitive. `particles`: the token indexes of
   * the particles so joined, which are part of their verb and no question word of their own.
   */
  private separatedVerbs(text: string, tokens: string[]): { verbs: Map<number, string[]>; particles: Set<number> } {
    const found = new Map<number, string[]>();
    const particles = new Set<number>();
    let offset = 0;
    for (const clause of foldText(text).split(/[?!.,;:]+/)) {
      const words = wordTokens(clause);
      // The particle ends the clause, or only a phrase with a preposition follows it ("vraag ik
      // een machtiging aan voor gesloten jeugdhulp?"); "aan de gemeente" is a preposition itself.
      const at = words.findIndex((word, k) => k >= 2 && SEPARABLE_PARTICLES.has(word) && (k === words.length - 1 || PREPOSITIONS.has(words[k + 1]!)));
      if (at >= 0) {
        const particle = words[at]!;
        for (let k = 0; k < at; k++) {
          const word = words[k]!;
          if (word.length < 3 || this.stopwords.has(word) || /\d/.test(word)) continue;
          // With only a pronoun for its object ("hoe pak ik dat aan?"), the verb asks how to go
          // about what was said before, it names no topic: "aanpak" is not what is asked (new-user
          // try: "… aanvragen, hoe pak ik dat aan?" quoted "plan van aanpak" items). "wanneer
          // schaal je op?" has no object: the verb is what is asked, as it is when the clause asks
          // when or whether, not how ("wanneer schakel je die in?": the Expertteam just named).
          const between = words.slice(k + 1, at);
          const asksHow = words.slice(0, k).includes("hoe");
          if (asksHow && between.some((w) => OBJECT_PRONOUNS.has(w)) && between.every((w) => this.stopwords.has(w))) continue;
          const stems = word.endsWith("t") && word.length > 4 ? [word, word.slice(0, -1)] : [word];
          // The documents may only have its participle ("ingeschakeld" for "schakel … in").
          const participles = stems.flatMap((stem) => [`ge${stem}d`, `ge${stem}t`]);
          const joined = stems.flatMap((stem) => [stem, ...infinitiveCandidates(stem)]).concat(participles).map((w) => `${particle}${w}`).filter((w) => this.vocabulary.has(w));
          if (joined.length > 0) {
            found.set(offset + k, [...new Set(joined)]);
            particles.add(offset + at);
          }
        }
        // A preposition that ends its clause has no object: it is the particle of a verb the
        // documents do not use whole ("waarom kreeg het ondersteuningsteam meer vragen binnen?"),
        // not a word to find ("binnen een half jaar"; measured: check recall@1 +.04, keywordHit
        // and lead +.04, nothing else moved on thirteen sets; every particle, "vast" too: lead
        // check −.04, where the documents split the verb as well: "We leggen dit vast …").
        if (!particles.has(offset + at) && at === words.length - 1 && PREPOSITIONS.has(particle)) particles.add(offset + at);
      }
      offset += words.length;
    }
    return offset === tokens.length ? { verbs: found, particles } : { verbs: new Map(), particles: new Set() };
  }

  /**
   * Document words for the typed word at i: a one-word key matches any form of itself (its
   * stem: "controleert" finds "controleren"), a phrase matches word for word.
   */
  private paraphrasesAt(tokens: string[], i: number, stems: string[]): string[] {
    if (this.synonyms.paraphrases.length === 0) return [];
    if (!this.paraphraseIndex) {
      const index = { byStem: new Map<string, string[]>(), byFirstWord: new Map<string, Array<{ key: string[]; expansion: string[] }>>() };
      for (const entry of this.synonyms.paraphrases) {
        if (entry.key.length === 1) {
          const stem = this.stem(entry.key[0]!);
          index.byStem.set(stem, [...(index.byStem.get(stem) ?? []), ...entry.expansion]);
        } else if (entry.key.length > 1) {
          index.byFirstWord.set(entry.key[0]!, [...(index.byFirstWord.get(entry.key[0]!) ?? []), entry]);
        }
      }
      this.paraphraseIndex = index;
    }
    const { byStem, byFirstWord } = this.paraphraseIndex;
    // A verb typed in the third person ("controleert") finds the key in the infinitive ("controleren").
    const token = tokens[i]!;
    // A plural in -s after a vowel ("ruzies"; the stemmer keeps it apart) finds its singular's key ("ruzie").
    const lookups = stems.length > 0 && token.length > 5 && (token.endsWith("t") || /[aeiouy]s$/.test(token)) ? [...stems, this.stem(token.slice(0, -1))] : [...stems];
    // A plural with a doubled "l" ("separeercellen"; the stem keeps "ll", see stem) finds its singular's key ("separeercel").
    for (const stem of stems) if (stem.endsWith("ll")) lookups.push(stem.slice(0, -1));
    const found = lookups.flatMap((stem) => byStem.get(stem) ?? []);
    for (const entry of byFirstWord.get(token) ?? []) {
      if (entry.key.every((t, k) => tokens[i + k] === t)) found.push(...entry.expansion);
    }
    return [...new Set(found)];
  }

  /** Flat term -> weight map of a question, highest weight wins. */
  queryTerms(text: string): Map<string, number> {
    const weights = new Map<string, number>();
    for (const group of this.queryGroups(text)) {
      for (const [term, weight] of group.terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    }
    return weights;
  }

  private pushTerms(word: string, direct: string[], derived: string[]): void {
    let analysed = this.wordCache.get(word);
    if (analysed === undefined) {
      // Cached per word: a corpus repeats its words, and compound splitting is the costly part.
      analysed =
        this.stopwords.has(word) || (word.length < 2 && !/\d/.test(word))
          ? null
          : { stem: this.stem(word), parts: this.derivedWords(word).map((part) => this.stem(part)) };
      if (this.wordCache.size > 500_000) this.wordCache.clear();
      this.wordCache.set(word, analysed);
    }
    if (analysed === null) return;
    direct.push(analysed.stem);
    derived.push(...analysed.parts);
  }

  /** Words a word implies: its compound parts, or the verb a participle comes from. */
  private derivedWords(word: string): string[] {
    const isKnown = (w: string) => this.vocabulary.has(w);
    const base = numberWordValue(word) ?? participleInfinitive(word, isKnown) ?? inflectionBase(word, isKnown) ?? derivedVerb(word, isKnown, this.isDutchWord);
    const parts = this.splitter.split(word);
    return base ? [...parts, base] : parts;
  }

  stem(word: string): string {
    let stem = this.stemCache.get(word);
    if (stem === undefined) {
      stem = /\d/.test(word) || word.endsWith("+") ? word : this.stemmer.stem(word);
      // Snowball keeps Dutch spelling of long vowels apart ("woon" / "wonen" -> "woon" / "won");
      // one vowel in the last syllable makes them meet.
      stem = stem.replace(/(aa|ee|oo|uu)(?=[^aeiou]*$)/, (vowel) => vowel[0]!);
      // Snowball undoubles only kk, dd and tt: "plannen", "gezinnen", "stappen" kept apart from
      // "plan", "gezin", "stap" ("wat zijn de landelijke plannen …?" found no "plan"; new-user try of
      // the twentieth session). Not "ll": "stellen", "willen", "vallen" met "stel", "wil", "val"
      // (measured: MRR g +.010, i +.002, answerWords check −1, nothing else moved on eleven sets;
      // with "ll": lead c −.010, keywordHit e −.025).
      stem = stem.replace(/([bfgmnprsz])\1$/, "$1");
      // A verb's stem ends in "s" where its other forms have "z" ("ik verwijs" / "verwijzen",
      // "doorverwijzingen"): the two meet (question set l: "waar ik naar doorverwijs" found no
      // "doorverwijzingen"; measured: MRR q2 +.003, keywordHit l +.024, lead l +.016, nothing else
      // moved on fourteen sets; "v" to "f" as well: recall@1 i −.025).
      stem = stem.replace(/z$/, "s");
      if (this.stemCache.size < 200_000) this.stemCache.set(word, stem);
    }
    return stem;
  }

  private makeSplitter(vocabulary: ReadonlyMap<string, number>): CompoundSplitter {
    return new CompoundSplitter(vocabulary, (w) => this.stopwords.has(w));
  }
}

/**
 * The other number of a noun with the plural in "-eren" ("kind" / "kinderen", "pleegkind" /
 * "pleegkinderen"): the stemmer keeps the two apart. Only forms the corpus uses.
 */
function erenPluralForms(word: string, isKnown: (word: string) => boolean): string[] {
  if (word.length < 3) return [];
  if (word.endsWith("eren") && word.length > 6 && isKnown(word.slice(0, -4))) return [word.slice(0, -4)];
  return isKnown(`${word}eren`) ? [`${word}eren`] : [];
}
