import type { ReplyAction } from "./reply.js";

/**
 * The hand-over into a consult request from another feature (a route outcome, a closed
 * spoedberaad): a button with this action id and the value "<target>\n<summary>". The consult
 * feature opens its form with both filled in (in Slack as a modal); the other features know
 * nothing else about consults.
 */
export const CONSULT_HANDOVER_ACTION = "consult.new";

/** Slack allows 2000 characters in a button value; the target and a newline come first. */
const SUMMARY_MAX = 1900;

export function consultHandoverAction(target: "servicepunt" | "expertteam", summary: string): ReplyAction {
  const clipped = summary.length <= SUMMARY_MAX ? summary : `${summary.slice(0, SUMMARY_MAX - 1)}…`;
  return { id: CONSULT_HANDOVER_ACTION, label: "Consultaanvraag indienen", value: `${target}\n${clipped}` };
}

/** The target and summary a hand-over button carries; an unknown target is left out. */
export function parseConsultHandover(value: string | undefined): { target?: "servicepunt" | "expertteam"; summary: string } {
  const [target = "", ...summary] = (value ?? "").split("\n");
  return { ...(target === "servicepunt" || target === "expertteam" ? { target } : {}), summary: summary.join("\n").trim() };
}
