import { CASE_NUMBER } from "./caseNumber.js";
import type { ReplyAction } from "./reply.js";

/**
 * The hand-over into a consult request from another feature (a route outcome, a closed
 * spoedberaad, an offer under an answer): a button with this action id and the value
 * "<target>[|<casusnummer>[|<urgency>]]\n<summary>" (any part may be empty). The consult
 * feature opens its form with these filled in (in Slack as a modal); the other features know
 * nothing else about consults.
 */
export const CONSULT_HANDOVER_ACTION = "consult.new";

/** Slack allows 2000 characters in a button value; the target, casusnummer and a newline come first. */
const SUMMARY_MAX = 1900;

export function consultHandoverAction(target: "servicepunt" | "expertteam" | undefined, summary: string, caseRef?: string, urgency?: "spoed" | "regulier"): ReplyAction {
  const clipped = summary.length <= SUMMARY_MAX ? summary : `${summary.slice(0, SUMMARY_MAX - 1)}…`;
  const head = [target ?? "", caseRef && CASE_NUMBER.test(caseRef) ? caseRef : "", urgency ?? ""].join("|").replace(/\|+$/, "");
  return { id: CONSULT_HANDOVER_ACTION, label: "Consultaanvraag indienen", value: `${head}\n${clipped}` };
}

/** What a hand-over button carries; an unknown target or a malformed casusnummer is left out. */
export function parseConsultHandover(value: string | undefined): { target?: "servicepunt" | "expertteam"; caseRef?: string; urgency?: "spoed" | "regulier"; summary: string } {
  const [head = "", ...summary] = (value ?? "").split("\n");
  const [target = "", caseRef = "", urgency = ""] = head.split("|");
  return {
    ...(target === "servicepunt" || target === "expertteam" ? { target } : {}),
    ...(CASE_NUMBER.test(caseRef) ? { caseRef } : {}),
    ...(urgency === "spoed" || urgency === "regulier" ? { urgency } : {}),
    summary: summary.join("\n").trim(),
  };
}
