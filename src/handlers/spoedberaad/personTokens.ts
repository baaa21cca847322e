import { createHash } from "node:crypto";
import type { Surface } from "../../bot/actor.js";

/**
 * On the web a user id is the login itself (identity "local": whoever sends it is that person),
 * so a form never shows a colleague's id: the owner choices carry a stand-in per checklist, mapped
 * back when the form comes back (new-user try: the Details form's owner list held the raw ids, and
 * with one a colleague could read the requester's consult requests). Slack and Teams ids are no
 * login, and Slack's own user picker needs the real one.
 */
export function hidesUserIds(surface: Surface): boolean {
  return surface === "web";
}

/** The stand-in for one person in one checklist: not the id, and not the same in another checklist. */
export function personToken(checklistId: string, userId: string): string {
  return `p-${createHash("sha256").update(`${checklistId}\n${userId}`).digest("base64url").slice(0, 16)}`;
}

/** The user id a value from the form stands for: one of `candidates` by its stand-in, or the value itself. */
export function userIdFor(checklistId: string, value: string, candidates: readonly string[]): string {
  if (!value.startsWith("p-")) return value;
  return candidates.find((userId) => personToken(checklistId, userId) === value) ?? value;
}
