/**
 * Words that say a sentence is about a person (and often a minor). A date next to one is likely a
 * birth date; a capitalised word right after one is likely a name.
 */
export const PERSON_WORDS = [
  "cliënt", "client", "cliënte", "cliente", "jongere", "jongen", "meisje", "kind", "kindje", "pupil", "zoon",
  "dochter", "moeder", "vader", "ouder", "broer", "broertje", "zus", "zusje", "pleegkind", "pleegzoon",
  "pleegdochter", "pleegmoeder", "pleegvader", "stiefvader", "stiefmoeder", "baby", "tiener", "puber",
  "leerling", "oma", "opa", "tante", "oom", "neef", "nicht", "voogd", "mevrouw", "meneer",
];

/** Forms of address that stand before a surname, with or without a full stop. */
export const TITLES = ["mevr", "mw", "dhr", "mr", "mej"];

/** Either case for the first letter only, so the pattern can run without the `i` flag. */
const firstLetterEitherCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;

/** For patterns that must stay case-sensitive elsewhere (a name is capitalised). */
export const PERSON_WORD = String.raw`(?:${PERSON_WORDS.map(firstLetterEitherCase).join("|")}|(?:${TITLES.map(firstLetterEitherCase).join("|")})\.?)`;
