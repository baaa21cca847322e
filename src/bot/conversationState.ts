import { z } from "zod";
import type { ConversationAddress } from "./incoming.js";
import type { SourceCitation } from "./reply.js";
import { type RecordKind, recordId, type RecordStore, type RecordStores } from "../records/recordStore.js";

const sourceCitationSchema = z.object({
  n: z.number(),
  documentId: z.string(),
  documentTitle: z.string(),
  section: z.string(),
  quote: z.string(),
}) satisfies z.ZodType<SourceCitation>;

const conversationStateSchema = z.object({
  /** Sources of the last answer that were not shown yet ("meer bronnen"). */
  moreSources: z.array(sourceCitationSchema).optional(),
});

/** What the bot remembers about one conversation between messages. */
export type ConversationState = z.infer<typeof conversationStateSchema>;

const SCHEMA_VERSION = 1;

/** Per user and conversation (and thread): two users, or one user in two chats, never share state. */
export class ConversationStateStore {
  private readonly records: RecordStore<ConversationState>;

  constructor(records: RecordStores, ttlSeconds: number) {
    const kind: RecordKind<ConversationState> = { kind: "conversation-state", schema: conversationStateSchema, schemaVersion: SCHEMA_VERSION, ttlSeconds };
    this.records = records.open(kind);
  }

  private id(address: ConversationAddress): string {
    return recordId(address.surface, address.userId, address.conversationId, address.threadId ?? "-");
  }

  async get(address: ConversationAddress): Promise<ConversationState> {
    return (await this.records.get(this.id(address)))?.value ?? {};
  }

  /** Merges the change into the stored state atomically (a concurrent change is not overwritten). */
  async update(address: ConversationAddress, change: Partial<ConversationState>): Promise<void> {
    await this.records.update(this.id(address), (current) => ({ value: { ...current?.value, ...change } }));
  }
}
