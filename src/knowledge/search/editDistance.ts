/**
 * Edit distance with adjacent transpositions (optimal string alignment): "shcool" is one typing
 * slip from "school", as a missing or wrong letter is (new-user try: plain Levenshtein counted two
 * and the typo was not corrected). Gives up (returning max + 1) once it must exceed max.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether two words differ only in their last letter, or by one letter added at the end ("ondertekent" / "ondertekend"). */
export function differsAtEnd(a: string, b: string): boolean {
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  return same >= Math.max(a.length, b.length) - 1;
}
