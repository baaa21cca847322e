/**
 * Ages inside an age range a text gives ("14 jaar tot 23 jaar", "12-18 jaar", "tussen de 12 en
 * 18 jaar", "12 t/m 17-jarigen"), so that a question about one age ("een meisje van 15") finds
 * the range that holds it. Only closed ranges of ages: "vanaf 12 jaar" says nothing about 15
 * that a reader could check, and a pair of numbers without "jaar" ("Netwerk 16-27") is a name.
 */

/** Oldest age a range may end at; above it two numbers are rarely an age range. */
const OLDEST = 30;

/** Words between the two ages that make them a range (tokens: "t/m" is "t", "m"). */
const BETWEEN = [["tot"], ["t", "m"], ["tot", "en", "met"], ["en"], []];

/** The unit after an age: "14 jaar", "17-jarigen" (tokens: "17", "jarigen"). */
const YEARS = /^(jaar|jarig\w*)$/;

/** The ages strictly between the ends of every age range in the tokens (folded word tokens). */
export function agesWithinRanges(tokens: readonly string[]): string[] {
  const ages: string[] = [];
  tokens.forEach((token, i) => {
    const from = age(token);
    if (from === undefined) return;
    // "14 jaar tot 23 jaar": the unit may follow the first age too.
    const afterFrom = YEARS.test(tokens[i + 1] ?? "") ? i + 2 : i + 1;
    for (const words of BETWEEN) {
      if (!words.every((word, w) => tokens[afterFrom + w] === word)) continue;
      // "en" joins two ages only after "tussen" ("tussen de 12 en 18 jaar"), not in "12 en 18 jaar oud".
      if (words.length === 1 && words[0] === "en" && !tokens.slice(Math.max(0, i - 2), i).includes("tussen")) continue;
      const toIndex = afterFrom + words.length;
      const to = age(tokens[toIndex] ?? "");
      if (to === undefined || to <= from || !YEARS.test(tokens[toIndex + 1] ?? "")) continue;
      for (let inner = from + 1; inner < to; inner++) ages.push(String(inner));
      break;
    }
  });
  return ages;
}

function age(token: string): number | undefined {
  if (!/^\d{1,2}$/.test(token)) return undefined;
  const value = Number(token);
  return value <= OLDEST ? value : undefined;
}
