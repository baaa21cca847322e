import { dutchWords } from "../../knowledge/analysis/dutchLexicon.js";
import { foldText } from "../../knowledge/analysis/normalise.js";
import { afterLastQuestion, chatSentences, questionParts } from "./questionParts.js";

/**
 * "wat is t servicepunt jz+ eigenlijk?", "wat betekent een spoedmachtiging?", "wat houdt de
 * verklarende analyse in?", "wat is dat INT precies?", "wat wordt bedoeld met HSJ kennis?", "wat
 * bedoelen ze met matched care?": a question for what something is. The term is a bare noun phrase of
 * at most three words; "wat is de rol van het NJi …?" asks for more than what a thing is, and
 * "wat zijn de basisprincipes?" for a list.
 */
const ASKS_WHAT_IT_IS =
  /^\s*(?:en\s+)?(?:wat\s+(?:is|betekent|houdt)|wat\s+(?:wordt|werd)\s+(?:er\s+)?(?:eigenlijk\s+|precies\s+)?bedoeld\s+met|wat\s+(?:bedoelen|bedoelt)\s+(?:ze|je|jullie|u|men|de\s+documenten|de\s+plannen)\s+(?:(?:in|volgens)\s+(?:de|het)\s+\p{L}+\s+)?(?:eigenlijk\s+|precies\s+)?met)\s+(?:(?:een|de|het|t|'t|dat|die|dit|deze|zo'n)\s+)?['"‘„“]?([\p{L}\d+\-/]+(?:\s+[\p{L}\d+\-/]+){0,2}?)['"’”]?(?:\s+(?:eigenlijk|precies|nou|nu|dan|ook|weer|toch|even|in|eigenlijk\s+in|precies\s+in))*(?:\s+(?:in|volgens|uit)\s+(?:de|het)\s+\p{L}+(?:\s+\p{L}+)?)?\s*\??\s*$/iu;

/**
 * "wat is het belangrijkste doel?", "wat is het verschil?": a superlative or a word for a goal, a
 * difference or a plan names no term to explain but asks a fact (new-user try: "Wat „belangrijkste
 * doel” precies is, staat niet in de plandocumenten"). Nor does an adverb or particle left after a
 * pointing word ("en wat is dat precies?", "wat houdt het in?": "Wat „precies” precies is …"; first
 * new-user try of the fortieth session).
 */
const NOT_A_TERM_ALONE = new Set(
  "belangrijkste grootste voornaamste eerste laatste beste meeste huidige volgende doel doelen hoofddoel verschil idee bedoeling probleem reden plan planning status stand oplossing knelpunt advies opdracht precies eigenlijk nou nu dan ook weer toch even in"
    .split(" "),
);

/**
 * What the term is set against, after it: "wat bedoelen ze met matched care ipv stepped care?"
 * asks what matched care is (third new-user try of the thirty-sixth session: no term was read,
 * and the route slide's line answered alone).
 */
const INSTEAD_OF = /\s+(?:ipv|i\.p\.v\.?|in\s+plaats\s+van|versus|vs\.?|tegenover)\s+[^?]*\?*\s*$/iu;

/** A place after the term: "… in rijnmond", "… binnen de regio". */
const WHERE_AFTER_TERM = /\s+(?:in|binnen)\s+\S.*$/iu;

/**
 * "… waar het over gaat", "… waar ze het over hebben": a clause after the term that says where it
 * came up, not part of the term ("wat is dat INT waar het over gaat?"; new-user try of the
 * forty-second session: not read as asking what the INT is).
 */
const TALKED_ABOUT = /\s+waar(?:over)?\s+(?:het|ze|zij|jullie|je|u|hij)\b[^?]*\?*\s*$/iu;

/** Nouns that name a kind of thing, not one: after "dat" they point back at the one just named. */
const GENERIC_NOUN = /^(?:team|teams|groep|groepen|plan|plannen|aanpak|ding|document|stuk|overleg|organisatie|instantie|instelling|regeling|project|programma|methode|systeem|netwerk|orgaan|club|clubje)$/;

/** A question that asks about "dat/die/dit/deze X". */
const POINTED_AT = /^\s*(?:en\s+)?wat\s+\S+\s+(?:(?:er\s+)?(?:eigenlijk|precies)\s+)?(?:dat|die|dit|deze|zo'n)\s/iu;

/**
 * Words that make the phrase more than a name for a thing; also a pointing adverb ("wat is het doel
 * daarvan?" asks the aim of what was just named; new-user try of the thirty-ninth session: "Wat
 * „doel daarvan” precies is, staat niet in de plandocumenten").
 */
const NOT_A_TERM = /^(?:van|voor|bij|op|met|aan|tegen|over|naar|om|tot|door|zonder|er|het|dat|dit|die|deze|je|jij|u|jullie|we|wij|ze|zij|hier|daar|jouw|mijn|onze?|(?:daar|hier|er)(?:van|voor|mee|bij|in|aan|op|over|door|uit|onder|tegen|naar|om|achter|toe))$/;

/** What a question asks of a term besides what it is: what it does, or how it works (as typed: one or more). */
export type TermVerb = "doet" | "doen" | "werkt" | "werken";

/**
 * The term a question (or the first question of a message that asks two things) asks to have
 * explained: as typed, and folded for matching. Undefined for any other question.
 */
export function termAsked(message: string): { typed: string; folded: string; verb?: TermVerb } | undefined {
  // The question after what the message tells first ("in die checklist staat HSJ-kennis. wat is
  // HSJ?"; new-user try of the thirty-seventh session: no word that the plans do not explain it).
  // The first sentence that asks: it ends in a question mark or opens with a question word ("wat is
  // een GVA. wie stelt die op?" asks what a GVA is first).
  const sentences = chatSentences(message);
  const opensQuestion = (sentence: string) => /^(?:en\s+)?(?:wat|wie|hoe|welke?|waar|wanneer|waarom)\b/i.test(sentence.trim());
  const asks = sentences.findIndex((sentence) => sentence.trim().endsWith("?") || opensQuestion(sentence));
  // Without a remark after the last question mark ("… ? casusoverleg volgende week", "… ? nooit van
  // gehoord"): new-user try of the forty-fourth session, no word that the plans do not explain it.
  const remark = afterLastQuestion(sentences.slice(Math.max(asks, 0)).join(" "));
  const question = remark && !opensQuestion(remark.tail) ? remark.question : asks >= 0 ? sentences.slice(asks).join(" ") : message;
  const first = withoutQuoteMarks((questionParts(question)?.first ?? question).replace(INSTEAD_OF, "?").replace(TALKED_ABOUT, "?"));
  // Its first sentence alone, when what follows only narrows it down ("wat bedoelen ze met
  // 'evidence based'? alleen wetenschappelijk bewezen interventies of telt praktijkkennis ook?").
  const match = ASKS_WHAT_IT_IS.exec(first.trim()) ?? (asks >= 0 ? ASKS_WHAT_IT_IS.exec(withoutQuoteMarks(sentences[asks]!.trim())) : null);
  const doing = match ? undefined : ASKS_WHAT_IT_DOES.exec(first.trim());
  const working = match || doing ? undefined : ASKS_HOW_IT_WORKS.exec(first.trim());
  const bare = match || doing || working ? undefined : BARE_TERM.exec(first.trim());
  const asked = match?.[1] ?? doing?.[2] ?? working?.[2] ?? (bare && !bareNamesNoTerm(bare[1]!) ? bare[1] : undefined);
  // "wat doet het expertiseteam in rijnmond?": where it is, not part of the term (new-user try: "Wat
  // „expertiseteam in rijnmond” precies doet, staat niet in de plandocumenten").
  const phrase = asked?.replace(WHERE_AFTER_TERM, "");
  if (!phrase) return undefined;
  const words = foldText(phrase).split(/\s+/);
  if (words.some((word) => NOT_A_TERM.test(word)) || words.every((word) => NOT_A_TERM_ALONE.has(word))) return undefined;
  // "wat doet dat team dan precies?": a generic noun after "dat" points back at what was said, it
  // names no term ("wat is dat INT?" and "wat is dat servicepunt?" do; second new-user try of the
  // thirty-sixth session: "Wat „team” precies doet, staat niet in de plandocumenten" above the
  // expertiseteam's functions).
  if (words.length === 1 && POINTED_AT.test(first) && GENERIC_NOUN.test(words[0]!)) return undefined;
  const verb = (doing?.[1] ?? working?.[1])?.toLowerCase() as TermVerb | undefined;
  return { typed: phrase, folded: words.join(" "), ...(verb ? { verb } : {}) };
}

/** Quote marks around a word or words ("'gedeelde' verklarende analyse"), not an apostrophe inside one ("zo'n"). */
const QUOTE_AT_WORD_EDGE = /(^|\s)['"‘’„“”]+|['"‘’„“”]+(?=\s|[?!.,;:]|$)/gu;

/**
 * "wat bedoelen ze met 'gedeelde' verklarende analyse?": the term is the whole phrase, though the
 * quote marks stand around one word of it (new-user try of the forty-sixth session: not read as a
 * term question, and the 2027 goal came back as if it explained it).
 */
function withoutQuoteMarks(text: string): string {
  return text.replace(QUOTE_AT_WORD_EDGE, "$1");
}

/**
 * "hoe werkt het servicepunt jeugdzorgplus in groningen?": how a team, body or procedure works,
 * asked the same way (test of this session: one step of a list that names the Servicepunt came
 * back as if it told how the Servicepunt works).
 */
const ASKS_HOW_IT_WORKS =
  /^\s*(?:en\s+)?hoe\s+(werkt|werken)\s+(?:(?:een|de|het|t|'t|dat|die|dit|deze|zo'n)\s+)?(?!(?:in|binnen)\s)([\p{L}\d+\-/]+(?:\s+[\p{L}\d+\-/]+){0,2}?)(?:\s+(?:eigenlijk|precies|nou|nu|dan|in\s+de\s+praktijk))*(?:\s+(?:in|binnen)\s+\S+(?:\s+\S+)?)?(?:\s+(?:eigenlijk|precies|nou|nu|dan))*\s*\??\s*$/iu;

/**
 * "gedeelde verklarende analyse?", "matched care?", "GVA?": a term alone with a question mark asks
 * what it is, as chat does (verification try: the 2027 goal that names it answered, unmarked).
 */
const BARE_TERM = /^\s*(?:(?:een|de|het)\s+)?([\p{L}\d+\-/]+(?:\s+[\p{L}\d+\-/]+){0,2})\s*\?+\s*$/iu;

/** Words that make a bare phrase with a question mark something else than a term: a question, a reply, a place. */
const NOT_A_BARE_TERM = /^(?:en|of|maar|dus|ja|nee|ok|oke|oké|echt|klopt|zeker|hoezo|waarom|hoe|wat|welke?|wanneer|wie|waar|hoeveel|in|uit|bij|naar|voor|van|met|op|over|nu|dan|toch|niet|geen|dat|dit|die|deze|zo)$/;

function bareNamesNoTerm(phrase: string): boolean {
  const words = foldText(phrase).split(/\s+/);
  // One word only when typed as an abbreviation ("GVA?"): "spoed?", "Rijnmond?" and "machtiging?" name a topic, a place, a procedure.
  if (words.length === 1 && !/^\p{Lu}{2,6}$/u.test(phrase.trim())) return true;
  return words.some((word) => NOT_A_BARE_TERM.test(word));
}

/**
 * "wat doet het servicepunt precies?", "wat doet een gedragswetenschapper eigenlijk?": what a team,
 * body or role does, asked the same way (verification try: the route's steps answered it, because
 * one of them names the Servicepunt). The term is a bare noun phrase of at most three words.
 */
const ASKS_WHAT_IT_DOES =
  /^\s*(?:en\s+)?wat\s+(doet|doen)\s+(?:(?:een|de|het|t|'t|dat|die|dit|deze|zo'n)\s+)?([\p{L}\d+\-/]+(?:\s+[\p{L}\d+\-/]+){0,2}?)(?:\s+(?:eigenlijk|precies|nou|nu|dan|weer|toch|even|allemaal))*\s*\??\s*$/iu;

/**
 * Whether a quoted text says what the term is: the term's main word (its last, or the one before
 * a short tag like "jz+") followed within a few words by "is een", "betekent", "houdt … in",
 * "staat voor", "heeft een … functie" …; "de missie (taak, rol) van <term> is …"; "met … <term>
 * bedoelen/verstaan we"; a definition spelled out ("als volgt gedefinieerd"); or an abbreviation
 * written out next to it in brackets.
 */
export function definesTerm(text: string, term: string): boolean {
  const { head, stem } = termHead(term);
  // "X is een …", "X betekent …", "X houdt … in", "X staat voor …": not "X is afgerond". Also by
  // contrast: "Er is geen sprake van volgordelijkheid, maar van matched care" (new-user try of the
  // forty-third session: "wat bedoelen ze met matched care?" was told the plans do not say).
  const says = new RegExp(
    String.raw`\b${stem}[\p{L}-]*\b[^.;:?!]{0,40}?\b(?:(?:is|zijn)\s+(?:een|het|de)\b|betekent|betekenen|houdt\b[^.;:?!]{0,60}\bin\b|sta(?:at|an)\s+voor\b|omvat|heeft\s+(?:een|als|de\s+volgende)\b[^.;:?!]{0,40}\b(?:functie|rol|taak|taken|doel))|\b(?:missie|taak|rol|opdracht)\s+van\s+(?:de\s+|het\s+)?(?:[\p{L}-]+\s+){0,3}?${stem}[\p{L}-]*\b[^.;:?!]{0,40}?\b(?:is|zijn|bestaat)\b|\bmet\b[^.;:?!]{0,40}\b${stem}[\p{L}-]*\b[^.;:?!]{0,20}\b(?:bedoel\w*|versta\w*)\b|\b(?:geen|niet)\b[^.;:?!]{0,60}\bmaar\s+(?:van\s+|om\s+)?(?:[\p{L}-]+\s+){0,3}?${stem}`,
    "u",
  );
  // "… wordt als volgt gedefinieerd", "de definitie van …", on a line that names the term; not
  // "bij definitie" ("by definition"): a word-cloud cell "Te laat verklarende analyse Route is bij
  // definitie vertragend" passed for what a verklarende analyse is (new-user try).
  const named = new RegExp(String.raw`\b${stem}`, "u");
  const defined = /\b(?:gedefinieerd|omschreven)\b|(?<!\bbij\s)\bdefinitie\b/u;
  // An abbreviation asked for, written out next to it ("JIM (Jouw Informele Mentor)", "Integraal
  // Netwerkversterkend Team (INT)"). Not a Dutch word with a remark in brackets after it ("HSJ
  // kennis (koppelen aan Servicepunt)"; second new-user try of the twenty-seventh session).
  const short = escape(head);
  const spelledOut = /^[a-z]{2,6}$/.test(head) && !dutchWords().has(head) ? new RegExp(String.raw`\b${short}\s*\(\s*\p{L}|\p{L}{3,}\s*\(\s*${short}\s*\)`, "u") : undefined;
  // Line by line: a list's next item is no part of what the one before says.
  return foldText(text)
    .split("\n")
    .some((line) => says.test(line) || (named.test(line) && defined.test(line)) || (spelledOut?.test(line) ?? false));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Words for the parts a way of working is set out in ("onderscheidt de regio nu vier stappen:"). */
const STEPS = /\b(?:stappen|fasen|fases|etappes|onderdelen)\b[^.;?!]*:\s*$/u;

/**
 * Whether a text sets out how the term works in steps: a line that names the term and announces
 * its steps, with the list under it ("In de aanpak van casusregie onderscheidt de regio nu vier
 * stappen:" / "- Stap 1 – Vraaganalyse …"). That answers "hoe werkt casusregie?" as a definition
 * answers "wat is …?" (new-user try of the forty-third session: the lead-in alone was quoted under
 * "Hoe „casusregie” precies werkt, staat niet in de plandocumenten").
 */
export function setsOutSteps(text: string, term: string): boolean {
  const named = new RegExp(String.raw`\b${termHead(term).stem}`, "u");
  const lines = foldText(text).split("\n");
  return lines.some((line, i) => named.test(line) && STEPS.test(line.replace(/[”"]\s*(\[\d+\])?\s*$/u, "")) && /^\s*(?:-|\d+[.)])\s/u.test(lines[i + 1] ?? ""));
}

/**
 * A term's head word (its last word of four letters or more: "analyse" in "gedeelde verklarende
 * analyse") and that word's stem as a pattern, a long word without its ending ("servicepu" finds
 * "servicepunten").
 */
function termHead(term: string): { head: string; stem: string } {
  const words = term.split(" ");
  const head = [...words].reverse().find((word) => word.length >= 4) ?? words.at(-1)!;
  return { head, stem: escape(head.length > 7 ? head.slice(0, head.length - 2) : head) };
}

/** Whether the verb of "hoe werkt X?" asks how X works (not what it does). */
export function asksHowItWorks(verb: TermVerb | undefined): boolean {
  return verb === "werkt" || verb === "werken";
}
