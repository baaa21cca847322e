import { foldText } from "../../knowledge/analysis/normalise.js";

/** Words around a typed choice that do not change it: "ok verder", "ja hoor", "nee nog niet dan". */
const FILLER = new Set(["ok", "oke", "okee", "okay", "prima", "goed", "top", "hoor", "dan", "graag", "aub", "svp", "maar"]);
/** What "Verder" is also typed as, on a step that only goes on. */
const GO_ON = new Set(["verder", "volgende", "door", "ga door", "ga verder", "door naar de volgende"]);

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
  return byFirst.length === 1 ? byFirst[0] : undefined;
}
