import type { SourceCitation } from "./reply.js";
import type { ConversationAddress } from "./incoming.js";
import { type KeyValueStore, storeKey } from "../stores/keyValueStore.js";

/** What the bot remembers about one conversation between messages. */
export interface ConversationState {
  /** Sources of the last answer that were not shown yet ("meer bronnen"). */
  moreSources?: SourceCitation[];
}

const SCHEMA_VERSION = 1;

/** Per user and conversation (and thread): two users, or one user in two chats, never share state. */
export class ConversationStateStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly ttlSeconds: number,
  ) {}

  private key(address: ConversationAddress): string {
    return storeKey("conversation", address.surface, address.userId, address.conversationId, address.threadId ?? "-");
  }

  async get(address: ConversationAddress): Promise<ConversationState> {
    return (await this.store.get<ConversationState>(this.key(address), SCHEMA_VERSION)) ?? {};
  }

  async update(address: ConversationAddress, change: Partial<ConversationState>): Promise<void> {
    const current = await this.get(address);
    await this.store.set(this.key(address), { ...current, ...change }, SCHEMA_VERSION, this.ttlSeconds);
  }
}
