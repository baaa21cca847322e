import { givenNames, ordinaryWords } from "../givenNames.js";
import { PERSON_WORD } from "./people.js";
import type { Match } from "./types.js";

/**
 * Names, where the text itself says it is one: a name followed by an age ("Jan de Vries (15)",
 * "Sara, 14 jaar", "Sara is 14 jaar") or by a birth hint ("Daan Veldkamp, geb. …"), a name right
 * after a person word ("mijn cliënt Jan", "moeder Fatima", "dhr. Jansen", "Jongen (Daan …"), and a
 * full name: a first name or surname the Dutch word list marks as a person's name, with a
 * capitalised word next to it ("Daan Veldkamp", "Sanne de Boer"). A name here is one to three
 * capitalised words with the usual particles; all-caps abbreviations (GI, OTS) and words with inner
 * capitals (JeugdzorgPlus) are not. Typed in lower case, as chat does ("jesse bosman (15)"), a name
 * counts with an age or after a person word when its first word is a person's name in the list.
 */

const GIVEN = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?`;
const PARTICLE = String.raw`(?:van|de|der|den|ter|ten|te|in 't|op|el|al|bin|ben|da|di|du|le|la)`;
const PARTICLE_WORD = new RegExp(String.raw`^${PARTICLE}$`);
const NAME = String.raw`${GIVEN}(?: ${PARTICLE}){0,3}(?: ${GIVEN}){0,2}`;
const AGE = String.raw`(?:[1-9]|1\d|2[0-5])`;

// "Jan de Vries (15)", "Jan (15 jaar)", "Sara, 14 jaar", "Sara is 14 jaar", "Sara van 14 jaar".
const NAME_AGE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NAME})(?: ?\( ?${AGE} ?(?:jaar|jr\.?|j\.?)? ?\)|,? (?:is |van |- )?${AGE} ?(?:jaar|jr\b\.?))(?![\p{L}\p{N}])`,
  "gu",
);
// "mijn cliënt Jan", "de jongere Sara de Boer", "dhr. Jansen", "Jongen (Daan Veldkamp, …".
const PERSON_NAME_RE = new RegExp(String.raw`(?<!\p{L})${PERSON_WORD}(?:,? | ?\( ?)(${NAME})(?![\p{L}\p{N}])`, "gu");
// "jesse bosman (15)", "mijn cliënt jesse": a name typed in lower case, as chat does, when its
// first word is a person's name in the word list (see lowerCaseName).
const LOWER = String.raw`\p{Ll}+(?:-\p{Ll}+)?`;
const LOWER_NAME = String.raw`${LOWER}(?: ${PARTICLE}){0,3}(?: ${LOWER})?`;
const LOWER_NAME_AGE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${LOWER_NAME})(?: ?\( ?${AGE} ?(?:jaar|jr\.?|j\.?)? ?\)|,? (?:is |van |- )?${AGE} ?(?:jaar|jr\b\.?))(?![\p{L}\p{N}])`,
  "gu",
);
// After a person word nothing marks where a lower-case name ends: a first name, and a surname only after a particle ("mijn cliënt jesse de vries").
const PERSON_LOWER_NAME_RE = new RegExp(String.raw`(?<!\p{L})${PERSON_WORD}(?:,? | ?\( ?)(${LOWER}(?:(?: ${PARTICLE}){1,3} ${LOWER})?)(?![\p{L}\p{N}])`, "gu");
// "Daan Veldkamp, geb. …", "Sanne (geboren …": a name before a birth hint.
const NAME_BIRTH_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NAME})(?:,? ?\(? ?)(?:geb\.?|geboren|geboortedatum)(?![\p{L}])`, "gu");
// Two or three capitalised words with particles between them: a full name when the word list says so (see isFullName).
const FULL_NAME_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])${GIVEN}(?: ${PARTICLE}){0,3} ${GIVEN}(?: ${GIVEN})?(?![\p{L}\p{N}])`, "gu");

/**
 * Capitalised words that start sentences or name things in this domain; with an age after them
 * ("Jongeren, 14 jaar") or after a person word ("de jongere Jeugdhulp") they are not names.
 */
const NOT_NAMES = new Set(
  (
    "jongeren jongere jongens jongen meisjes meisje kinderen kind cliënten cliënt client clienten ouders ouder " +
    "leeftijd artikel hoofdstuk paragraaf bijlage tabel figuur principe stap fase versie groep klas pagina punt " +
    "regel lid niveau week dag jaar maand sinds vanaf tot na voor met bij in op van de het een die dat deze dit " +
    "wat wie waar wanneer hoe hoeveel welke waarom is zijn heeft hebben wordt worden kan mag moet vanaf ongeveer " +
    "circa totaal gemiddeld bijna ruim minimaal maximaal alle veel weinig geen ook en of maar dus dan daarna " +
    "groningen drenthe friesland rijnmond nederland jeugdwet jeugdzorg jeugdhulp servicepunt expertteam " +
    "januari februari maart april mei juni juli augustus september oktober november december " +
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag " +
    // Headings of a checklist summary that a consult request carries ("Klaar (6):", "Open (3):").
    "klaar open gedaan afgerond"
  ).split(" "),
);

function isName(words: string): boolean {
  const first = words.split(" ")[0]!.toLowerCase();
  return !NOT_NAMES.has(first);
}

/**
 * "Daan Veldkamp", "Sanne de Boer", "Fatima el Amrani", "mevrouw … met Jan Jansen": a full name
 * when its first word is a person's name in the word list (see givenNames: not a place, not an
 * ordinary word), or its last is and the first is no ordinary word either or stands inside a
 * sentence. Not a name like "Veilig Thuis" (neither word is a person's name), and not after a word
 * that introduces a place ("regio Holland Rijnland").
 */
function isFullName(text: string, match: string, start: number): boolean {
  const capitalised = match.split(" ").filter((word) => /^\p{Lu}/u.test(word));
  const first = capitalised[0]!;
  const last = capitalised.at(-1)!;
  if (NOT_NAMES.has(first.toLowerCase()) || PLACE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return false;
  const names = givenNames();
  if (names.has(first)) return true;
  const insideSentence = /[\p{Ll},]\s+$/u.test(text.slice(Math.max(0, start - 3), start));
  return names.has(last) && (insideSentence || !ordinaryWords().has(first.toLowerCase()));
}

/** A word right before a name that makes it a place: "regio …", "gemeente …", "in …". */
const PLACE_BEFORE = /(?<!\p{L})(?:regio|gemeente|provincie|in|uit|te|naar|bij)\s+$/iu;

/**
 * The part of a lower-case match that is a name: its first word a person's name in the word list
 * ("jesse" as "Jesse"), then a surname that is no ordinary word ("bosman"), with particles. Undefined
 * when the first word is no such name ("gemeenten (15)", "de jongere, 15 jaar").
 */
function lowerCaseName(match: string): string | undefined {
  const words = match.split(" ");
  const first = words[0]!;
  if (!givenNames().has(first[0]!.toUpperCase() + first.slice(1)) || NOT_NAMES.has(first)) return undefined;
  const last = words.at(-1)!;
  // A surname after a particle is one, whatever it means ("jesse de vries"); without a particle an
  // ordinary word is no surname ("jesse loopt (15)").
  const afterParticle = words.length > 2 && PARTICLE_WORD.test(words.at(-2)!);
  if (words.length > 1 && !afterParticle && ordinaryWords().has(last)) return first;
  return match;
}

export function findNames(text: string): Match[] {
  const out: Match[] = [];
  for (const m of text.matchAll(LOWER_NAME_AGE_RE)) {
    const name = lowerCaseName(m[1]!);
    // The whole match, age included, when the name is all of it; the name alone otherwise.
    if (name === m[1]) out.push({ kind: "name", start: m.index, end: m.index + m[0].length });
    else if (name) out.push({ kind: "name", start: m.index + m[1]!.length - name.length, end: m.index + m[1]!.length });
  }
  for (const m of text.matchAll(PERSON_LOWER_NAME_RE)) {
    const name = lowerCaseName(m[1]!);
    if (!name) continue;
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ kind: "name", start, end: start + name.length });
  }
  for (const m of text.matchAll(NAME_AGE_RE)) {
    if (isName(m[1]!)) out.push({ kind: "name", start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(NAME_BIRTH_RE)) {
    if (isName(m[1]!)) out.push({ kind: "name", start: m.index, end: m.index + m[1]!.length });
  }
  for (const m of text.matchAll(FULL_NAME_RE)) {
    if (isFullName(text, m[0], m.index)) out.push({ kind: "name", start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PERSON_NAME_RE)) {
    const name = m[1]!;
    if (!isName(name)) continue;
    const start = m.index + m[0].length - name.length;
    out.push({ kind: "name", start, end: start + name.length });
  }
  return out;
}
