import { foldText } from "../../knowledge/analysis/normalise.js";

/** Words around a typed choice that do not change it: "ok verder", "ja hoor", "nee nog niet dan". */
const FILLER = new Set(["ok", "oke", "okee", "okay", "prima", "goed", "top", "hoor", "dan", "graag", "aub", "svp", "maar"]);
/** What "Verder" is also typed as, on a step that only goes on ("ja": new-user try, it was refused as off-topic). */
const GO_ON = new Set(["verder", "volgende", "door", "ga door", "ga verder", "door naar de volgende", "ja", "jep", "jazeker", "ja verder"]);

/** Lower case, accents and punctuation gone, filler words dropped. */
function plain(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((word) => word !== "" && !FILLER.has(word))
    .join(" ");
}

/**
 * Which of a step's buttons a short typed message means, as the index of that button, or
 * undefined: the whole label ("nee, nog niet"), or its first word when no other button starts
 * with it ("ja", "nee", "deels"). With `goesOn`, the step's one button goes on ("verder", "ok
 * verder"). New-user try: "ja", "verder" and "ok verder" during the route were refused, read as a
 * question or as thanks.
 */
export function typedChoice(text: string, labels: string[], goesOn = false): number | undefined {
  const typed = plain(text);
  if (typed === "") return goesOn && /^\s*(?:ok|oke|okee|okay|prima|goed)\s*[.!]*\s*$/i.test(text) ? 0 : undefined;
  if (goesOn && GO_ON.has(typed)) return 0;
  const whole = labels.map(plain);
  const exact = whole.indexOf(typed);
  if (exact >= 0) return exact;
  const firsts = whole.map((label) => label.split(" ")[0] ?? "");
  const byFirst = firsts.flatMap((first, i) => (first === typed ? [i] : []));
  if (byFirst.length === 1) return byFirst[0];
  // Part of a label, from its first word on ("nee nog niet af" for "Nee, of nog niet af"; new-user
  // try: typed so, it was read as a question): every typed word is a word of that label, of no other.
  const words = typed.split(" ");
  const within = whole.flatMap((label, i) => {
    const own = label.split(" ");
    return own[0] === words[0] && words.every((word) => own.includes(word)) ? [i] : [];
  });
  if (words.length >= 2 && within.length === 1) return within[0];
  // "deels", "half": not wholly yes, so the one "Nee …" button of a yes/no step, when no label says
  // it itself (new-user try: "deels, …" at "Ja" / "Nee, of nog niet af" was refused).
  if (PARTLY.has(typed)) {
    const no = whole.flatMap((label, i) => (label.split(" ")[0] === "nee" ? [i] : []));
    if (no.length === 1 && !whole.some((label) => label.includes(typed))) return no[0];
  }
  if (words.length >= 2) return undefined;
  // One telling word that only one label has, anywhere in it ("deels" for "Nee, of maar deels";
  // new-user try: "deels, moeder wel vader niet in beeld" was read as a question).
  const word = words[0]!;
  if (word.length < TELLING_LETTERS) return undefined;
  const having = whole.flatMap((label, i) => (label.split(" ").includes(word) ? [i] : []));
  return having.length === 1 ? having[0] : undefined;
}

/** Answers that say "partly": for a yes/no step, not (wholly) yes. */
const PARTLY = new Set(["deels", "gedeeltelijk", "half", "halfje", "beetje", "een beetje", "ten dele", "deels wel", "niet helemaal", "nog niet helemaal"]);

/** Shorter than this, a word typed alone names no button unless it opens one ("of", "nog"). */
const TELLING_LETTERS = 4;

/** Shorter than this, a typed word must be a whole word of the title, not the start of one. */
const PREFIX_LETTERS = 4;

/**
 * Which title a short typed name means, as its index: every typed word is a word of that title
 * or, from four letters, the start of one ("regulier" → "Reguliere route naar een machtiging",
 * "spoed" → "Spoedroute (spoedmachtiging)"), and of no other title. New-user try: "regulier" and
 * "reguliere route" at the list of routes were answered as questions.
 */
export function typedTitle(text: string, titles: string[]): number | undefined {
  const typed = plain(text).split(" ").filter((word) => word !== "");
  // A short word alone ("een", "de") names nothing.
  if (!typed.some((word) => word.length >= PREFIX_LETTERS)) return undefined;
  const fits = titles.map((title) => {
    const words = plain(title).split(" ");
    return typed.every((word) => words.some((w) => w === word || (word.length >= PREFIX_LETTERS && w.startsWith(word))));
  });
  const matching = fits.flatMap((fit, i) => (fit ? [i] : []));
  return matching.length === 1 ? matching[0] : undefined;
}

/**
 * A button typed with a reason after a comma ("ja, mst gehad maar gestopt", "nee, vader wil
 * niet", "nee nog niet af, gw is ermee bezig"): the button, and the rest as the reason. New-user
 * try: such an answer was refused.
 */
export function typedChoiceAndNote(text: string, labels: string[]): { index: number; note: string } | undefined {
  // "ok verder, ja mst gehad maar gestopt": going on is said before the answer (new-user try: not
  // understood, though each part was on its own). Then the button may be one word without a comma.
  const after = GOING_ON_FIRST.exec(text);
  if (after) {
    const rest = text.slice(after[0].length);
    const oneWord = /^\s*([\p{L}]+)\s+(\S.*)$/su.exec(rest);
    const index = oneWord && !NOTE_ASKS.test(oneWord[2]!) ? typedChoice(oneWord[1]!, labels) : undefined;
    if (index !== undefined) return { index, note: oneWord![2]!.trim() };
    return typedChoiceAndNote(rest, labels);
  }
  // The button's words before the comma: one ("ja, …") or a few ("nee nog niet af, …").
  const match = /^\s*([\p{L}]+(?:\s+[\p{L}]+){0,4})\s*,\s*(\S.*)$/su.exec(text);
  if (!match) return undefined;
  const index = typedChoice(match[1]!, labels);
  return index === undefined ? undefined : { index, note: match[2]!.trim() };
}

/** "ok verder," / "oké," before an answer: going on, said first. */
const GOING_ON_FIRST = /^\s*(?:(?:ok(?:[eé]e?|ay)?|oké|prima|goed|top)(?:\s+verder)?|verder)\s*[,.!]\s*(?=\S)/iu;
/** A note that asks something is no note ("ja hoe moet dat dan"). */
const NOTE_ASKS = /^(?:hoe|wat|wie|waar|wanneer|waarom|welke?)\b/iu;

/**
 * A button typed, then a question after a stop or comma ("nee nog niet. hoe doe ik dat?"): the
 * button is the answer; the step it leads to says what to do (new-user try: the message was read as
 * a follow-up on a question asked before the walk). What stands between them is a note ("deels,
 * moeder wel vader niet in beeld. wat houdt dat in?"; new-user try: it was lost). The button's
 * index, the question and the note, or undefined.
 */
export function typedChoiceThenQuestion(text: string, labels: string[]): { index: number; question: string; note?: string } | undefined {
  const match = /^\s*([^.!,?]+?)\s*[.!,]\s*(\S[^?]*\?+)\s*$/su.exec(text);
  const index = match ? typedChoice(match[1]!, labels) : undefined;
  if (index === undefined) return undefined;
  const rest = match![2]!;
  const last = /(?:^|[.!]\s+)([^.!]*\?+)\s*$/su.exec(rest)!;
  const note = rest.slice(0, last.index + (last[0].length - last[1]!.length)).replace(/[\s.!]+$/u, "").trim();
  return { index, question: last[1]!.trim(), ...(note ? { note } : {}) };
}

/** Words that may open an answer without changing it: "eigenlijk niemand", "tja, nog niks". */
const OPENING = /^(?:(?:eigenlijk|nou|tja|hmm|helaas|volgens mij|op dit moment|momenteel|nu|er is|er zijn|nog|ook|dus|ehm|eh)\b[\s,.]*)*/u;
/** An answer that says there is none: nobody, nothing, not yet, unclear, unknown. */
const NONE = /^(?:niemand|niks|niets|geen|nee|niet|onduidelijk|onbekend|weet (?:ik )?niet|nergens)\b/u;

/**
 * Whether a typed description (after "Wie heeft de regie?", "Beschrijf de hulp") says there is
 * none: "eigenlijk niemand, wijkteam zegt de huisarts …", "geen", "onduidelijk". Read at the start
 * only: "MST, maar nog geen resultaat" describes help that is there. New-user try: "eigenlijk
 * niemand …" was recorded as the regie being clear, and went into the consult summary so.
 */
export function saysNone(text: string): boolean {
  const opening = foldText(text).trim().replace(OPENING, "");
  return NONE.test(opening);
}

/** "weet ik niet", "geen idee", "onbekend": the answer to a yes/no step is not known. */
const UNSURE = /^\s*(?:(?:dat\s+)?weet\s+ik\s+(?:eigenlijk\s+)?niet|weet\s+niet|geen\s+idee|onbekend|geen\s+flauw\s+idee|twijfel)\b[\s.!]*$/i;

/** Whether a message typed at a yes/no step says only that the answer is not known. */
export function saysUnsure(text: string): boolean {
  return UNSURE.test(text);
}

/** Longer than this, a message asks something of its own. */
const STEP_QUESTION_WORDS = 12;
/**
 * "welke expertise bedoel je?", "wat houdt dat in?", "wat is dat, een gedeelde verklarende
 * analyse?", "waarom?": in the middle of a walk these ask about the step on screen.
 */
const ABOUT_THE_STEP = [
  /\bbedoel(?:d|en|t)?\b/,
  /^\s*(?:en\s+)?wat\s+(?:is|betekent|houdt)\s+(?:dat|dit)\b/,
  /^\s*(?:en\s+)?(?:waarom|hoezo)(?:\s+(?:deze|die|dit)\s+(?:stap|vraag))?\s*\?*\s*$/,
  // "waarom is dat belangrijk?", "waarom moet dat?", "waar is dit voor nodig?" (new-user try: a
  // list of national goals answered it).
  /^\s*(?:en\s+)?(?:waarom|hoezo|waarvoor)\s+(?:\S+\s+){0,2}(?:dat|dit|die|deze)\b(?:\s+(?:belangrijk|nodig|zo|eigenlijk|dan|stap|vraag))*\s*\?*\s*$/,
  /^\s*(?:en\s+)?waar\s+(?:is|zijn)\s+(?:dat|dit|die|deze)\s+(?:eigenlijk\s+)?voor(?:\s+nodig)?\s*\?*\s*$/,
];

/**
 * Whether a message typed during a walk asks about the step itself (new-user try: "welke expertise
 * bedoel je?" got a random quote from a progress report).
 */
export function asksAboutTheStep(text: string): boolean {
  const folded = foldText(text).replace(/\s+/g, " ").trim();
  return folded.split(" ").length <= STEP_QUESTION_WORDS && ABOUT_THE_STEP.some((pattern) => pattern.test(folded));
}
