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
  roles: ReadonlySet<Role>;
}

/** `slack:U123`, `teams:29:abc`, `web:alice`: how admins and coordinators are configured. */
export function qualifiedUserId(surface: Surface, userId: string): string {
  return `${surface}:${userId}`;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.has(role);
}

/** A name to show for an actor: the display name, else the platform id. */
export function actorLabel(actor: Pick<Actor, "displayName" | "userId">): string {
  return actor.displayName?.trim() || actor.userId;
}
