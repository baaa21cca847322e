import { createHash } from "node:crypto";

/**
 * Who is acting, and in what role. Surfaces never decide who may do what: they only say who
 * pressed or typed (the address); a Directory resolves the rest and handlers check roles.
 */
export type Surface = "web" | "slack" | "teams";

/** Roles a handler may require. Coordinator roles are per target (servicepunt / expertteam). */
export type Role = "admin" | `coordinator:${string}`;

export interface Actor {
  surface: Surface;
  /** Platform user id (pseudonymous; never a name). */
  userId: string;
  /** As the platform shows it, when it gives one; for shared views (checklists, cards). */
  displayName?: string;
  /**
   * The id the platform addresses this person by (mentions, Teams card refresh), when it differs
   * from userId: Teams' `29:…` id, where userId is the Entra object id.
   */
  platformId?: string;
  roles: ReadonlySet<Role>;
}

/** `slack:U123`, `teams:29:abc`, `web:alice`: how admins and coordinators are configured. */
export function qualifiedUserId(surface: Surface, userId: string): string {
  return `${surface}:${userId}`;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.has(role);
}

/**
 * A platform id from a record that may hold it surface-qualified (`slack:U123` → `U123`). Only the
 * given surface's own prefix is taken off: a Teams id such as `29:abc` keeps its colon.
 */
export function unqualifiedUserId(surface: Surface, userId: string): string {
  const prefix = `${surface}:`;
  return userId.startsWith(prefix) ? userId.slice(prefix.length) : userId;
}

/** Consonants only: a suffix never reads as a number (a BSN, a phone number) or as a word. */
const SUFFIX_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";

/**
 * What colleagues see for a web user who chose no name: "Webgebruiker" and four letters derived
 * from the id (stable, so the same person is recognisable on one card). Never the id itself: in
 * WEGWIJS_WEB_AUTH=local the id is all that identifies someone, so showing it would let anyone
 * on the card act as that person.
 */
export function anonymousWebName(userId: string): string {
  const digest = createHash("sha256").update(`wegwijs-web-name\u0000${userId}`).digest();
  const suffix = Array.from(digest.subarray(0, 4), (byte) => SUFFIX_LETTERS[byte % SUFFIX_LETTERS.length]).join("");
  return `Webgebruiker ${suffix}`;
}

/**
 * A name to show for someone on a surface: the display name; without one, on the web a friendly
 * stand-in (anonymousWebName), elsewhere the platform id (Slack and Teams always give names).
 */
export function actorLabel(actor: Pick<Actor, "displayName" | "userId" | "surface">): string {
  const name = actor.displayName?.trim();
  if (name) return name;
  return actor.surface === "web" ? anonymousWebName(actor.userId) : actor.userId;
}
