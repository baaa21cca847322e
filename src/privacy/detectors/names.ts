import { PERSON_WORD } from "./people.js";
import type { Match } from "./types.js";

/**
 * Names, where the text itself says it is one: a name followed by an age ("Jan de Vries (15)",
 * "Sara, 14 jaar", "Sara is 14 jaar") or a name right after a person word ("mijn cliënt Jan",
 * "moeder Fatima", "dhr. Jansen"). A name here is one to three capitalised words with the usual
 * particles; all-caps abbreviations (GI, OTS) and words with inner capitals (JeugdzorgPlus) are not.
 */

const GIVEN = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?`;
const PARTICLE = String.raw`(?:van|de|der|den|ter|ten|te|in 't|op|el|al|bin|ben|da|di|du|le|la)`;
const NAME = String.raw`${GIVEN}(?: ${PARTICLE}){0,3}(?: ${GIVEN}){0,2}`;
const AGE = String.raw`(?:[1-9]|1\d|2[0-5])`;

// "Jan de Vries (15)", "Jan (15 jaar)", "Sara, 14 jaar", "Sara is 14 jaar", "Sara van 14 jaar".
const NAME_AGE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NAME})(?: ?\( ?${AGE} ?(?:jaar|jr\.?|j\.?)? ?\)|,? (?:is |van |- )?${AGE} ?(?:jaar|jr\b\.?))(?![\p{L}\p{N}])`,
  "gu",
);
// "mijn cliënt Jan", "de jongere Sara de Boer", "dhr. Jansen".
const PERSON_NAME_RE = new RegExp(String.raw`(?<!\p{L})${PERSON_WORD},? (${NAME})(?![\p{L}\p{N}])`, "gu");

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

export function findNames(text: string): Match[] {
  const out: Match[] = [];
  for (const m of text.matchAll(NAME_AGE_RE)) {
    if (isName(m[1]!)) out.push({ kind: "name", start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PERSON_NAME_RE)) {
    const name = m[1]!;
    if (!isName(name)) continue;
    const start = m.index + m[0].length - name.length;
    out.push({ kind: "name", start, end: start + name.length });
  }
  return out;
}
