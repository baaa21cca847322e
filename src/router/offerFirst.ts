import type { Reply, ReplyAction, ReplyPart } from "../bot/reply.js";

/**
 * Merges the placement-route offer into an answer so that the route is the answer's FIRST
 * button: the offer's line goes above the answer's buttons and its button leads that row.
 * Nothing of the answer is dropped; without buttons in the answer, the offer is appended.
 */
export function withRouteOfferFirst(answer: Reply, offer: ReplyPart[]): Reply {
  const offerActions: ReplyAction[] = offer.flatMap((p) => (p.kind === "actions" ? p.actions : []));
  const offerOther = offer.filter((p) => p.kind !== "actions");
  const parts = [...answer.parts];
  // The answer's own controls (buttons and 👍 / 👎) come after the offer line.
  const firstControl = parts.findIndex((p) => p.kind === "actions" || p.kind === "feedback");
  const at = firstControl === -1 ? parts.length : firstControl;
  const existing = parts[at];
  if (existing?.kind === "actions") {
    parts.splice(at, 1, ...offerOther, { kind: "actions", actions: [...offerActions, ...existing.actions] });
  } else {
    parts.splice(at, 0, ...offerOther, ...(offerActions.length > 0 ? [{ kind: "actions" as const, actions: offerActions }] : []));
  }
  return { parts };
}
