import type { SurfaceDirectory } from "../../bot/directory.js";
import { type KeyValueStore, storeKey } from "../../stores/keyValueStore.js";

const SCHEMA_VERSION = 2;

/**
 * Who is "in" a web conversation: the people who opened it (its stream, or a message typed in it).
 * The conversation id works like a meeting link: whoever the chair shares `/#gesprek=<id>` with
 * joins by opening it. Pressing a button alone does not make someone a member, so an action posted
 * into a conversation its sender never opened is refused by handlers that check membership.
 * Behind WEGWIJS_WEB_AUTH=proxy the ids are the proxy's authenticated users.
 */
export class WebDirectory implements SurfaceDirectory {
  readonly surface = "web" as const;

  constructor(
    private readonly store: KeyValueStore,
    private readonly ttlSeconds: number,
  ) {}

  /** The name given with the event, else the one the person last used in this conversation (to show an owner or chair picked by id). */
  async displayName(address: { userName?: string; conversationId: string; userId: string }): Promise<string | undefined> {
    if (address.userName) return address.userName;
    return (await this.member(address.conversationId, address.userId))?.name;
  }

  async join(conversationId: string, userId: string, name?: string): Promise<void> {
    await this.store.set(storeKey("web-member", conversationId, userId), name ? { name } : {}, SCHEMA_VERSION, this.ttlSeconds);
  }

  async isMember(conversationId: string, userId: string): Promise<boolean> {
    return (await this.member(conversationId, userId)) !== undefined;
  }

  private member(conversationId: string, userId: string): Promise<{ name?: string } | undefined> {
    return this.store.get<{ name?: string }>(storeKey("web-member", conversationId, userId), SCHEMA_VERSION);
  }
}
