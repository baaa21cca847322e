import { type Actor, qualifiedUserId, type Role, type Surface } from "./actor.js";
import type { ConversationAddress } from "./incoming.js";

/** Someone in a conversation as its surface lists them. */
export interface DirectoryMember {
  /** Platform user id, as actors have it. */
  userId: string;
  name?: string;
  /** The platform's own id when it differs (Teams `29:…`). */
  platformId?: string;
}

/** What one surface knows about its people: names and conversation membership. */
export interface SurfaceDirectory {
  readonly surface: Surface;
  /** Display name for a user, when the platform gives one (Slack users.info, Teams roster). */
  displayName(address: ConversationAddress): Promise<string | undefined>;
  /** Whether the user is a member of the conversation (Slack channel members, Teams roster). */
  isMember(conversationId: string, userId: string): Promise<boolean>;
  /**
   * The people in a conversation with their names, for surfaces without a people picker of their
   * own (Teams roster). Optional: Slack picks people itself.
   */
  members?(conversationId: string): Promise<DirectoryMember[]>;
}

/** Extra roles for an actor (coordinators of a target, from channel membership or config). */
export type RoleProvider = (actor: Omit<Actor, "roles">) => Promise<Role[]>;

export interface DirectoryOptions {
  /** Surface-qualified ids (`slack:U123`) with the admin role: WEGWIJS_ADMINS. */
  admins?: readonly string[];
  /** How long a resolved actor is reused; people's names and channels change rarely. */
  cacheMs?: number;
  now?: () => number;
}

/**
 * Resolves the actor behind every Incoming, per surface, and caches it briefly. A lookup that
 * fails (Slack down) still yields an actor with the platform id and no extra roles: a person can
 * always ask questions, but never gains a role by an error.
 */
export class Directory {
  private readonly surfaces = new Map<Surface, SurfaceDirectory>();
  private readonly roleProviders: RoleProvider[] = [];
  private readonly cache = new Map<string, { actor: Actor; until: number }>();
  private readonly admins: ReadonlySet<string>;
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(options: DirectoryOptions = {}) {
    this.admins = new Set(options.admins ?? []);
    this.cacheMs = options.cacheMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  register(directory: SurfaceDirectory): void {
    this.surfaces.set(directory.surface, directory);
  }

  addRoleProvider(provider: RoleProvider): void {
    this.roleProviders.push(provider);
  }

  async resolve(address: ConversationAddress): Promise<Actor> {
    const key = `${address.surface}\u0000${address.userId}\u0000${address.userName ?? ""}\u0000${address.platformId ?? ""}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.actor;
    const displayName = address.userName ?? (await this.surfaces.get(address.surface)?.displayName(address).catch(() => undefined));
    const base = {
      surface: address.surface,
      userId: address.userId,
      ...(displayName ? { displayName } : {}),
      ...(address.platformId ? { platformId: address.platformId } : {}),
    };
    const roles = new Set<Role>();
    if (this.admins.has(qualifiedUserId(address.surface, address.userId))) roles.add("admin");
    for (const provider of this.roleProviders) {
      for (const role of await provider(base).catch(() => [])) roles.add(role);
    }
    const actor: Actor = { ...base, roles };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { actor, until: this.now() + this.cacheMs });
    return actor;
  }

  /** The people in a conversation (names, platform ids), where the surface lists them; else none. */
  async members(surface: Surface, conversationId: string): Promise<DirectoryMember[]> {
    const directory = this.surfaces.get(surface);
    if (!directory?.members) return [];
    return directory.members(conversationId).catch(() => []);
  }

  /** Membership on the server, for every change to a shared record. Unknown surface: no. */
  async isMember(surface: Surface, conversationId: string, userId: string): Promise<boolean> {
    const directory = this.surfaces.get(surface);
    if (!directory) return false;
    return directory.isMember(conversationId, userId).catch(() => false);
  }
}
