/**
 * Dutch number words and the values they stand for: one list for retrieval ("twee werkdagen"
 * meets "2 werkdagen") and for checking that a sentence gives a count ("dertien regio's").
 */
const UNITS = "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig".split(" ");
const TENS: Array<[string, number]> = [
  ["dertig", 30],
  ["veertig", 40],
  ["vijftig", 50],
  ["zestig", 60],
  ["zeventig", 70],
  ["tachtig", 80],
  ["negentig", 90],
  ["honderd", 100],
  ["duizend", 1000],
];

export const NUMBER_WORD_VALUES: ReadonlyMap<string, number> = new Map([...UNITS.map((word, value) => [word, value] as [string, number]), ...TENS]);

/**
 * Number words that count something in a sentence: not "een" (nearly always the article) and
 * not "nul" (rarely a count of things; "nulmeting" is its compound).
 */
export const COUNTING_NUMBER_WORDS: readonly string[] = [...NUMBER_WORD_VALUES.keys()].filter((word) => word !== "een" && word !== "nul");
