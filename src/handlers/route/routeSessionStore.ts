import { z } from "zod";
import type { ConversationAddress } from "../../bot/incoming.js";
import { type KeyValueStore, storeKey } from "../../stores/keyValueStore.js";
import { itemStatusSchema, slugSchema } from "./routeSchema.js";

const recordsSchema = z.record(z.string(), itemStatusSchema);
const noteSchema = z.object({ nodeId: slugSchema, text: z.string().max(1000) });

/** Where one user is in a route, in one conversation (and thread). */
const routeSessionSchema = z.object({
  /** Undefined while the route is being picked. */
  routeId: slugSchema.optional(),
  nodeId: slugSchema.optional(),
  records: recordsSchema,
  /** Free-text answers, redacted of personal data before they are stored. */
  notes: z.array(noteSchema),
  /** Earlier steps for "Terug": the node and what was recorded before it was answered. */
  history: z.array(z.object({ nodeId: slugSchema, records: recordsSchema, notes: z.number().int().min(0) })),
  /** Node waiting for a typed answer (after "Zelf omschrijven"). */
  awaitingText: slugSchema.optional(),
});

export type RouteSession = z.infer<typeof routeSessionSchema>;

const SCHEMA_VERSION = 1;

export function emptySession(routeId?: string, nodeId?: string): RouteSession {
  return { routeId, nodeId, records: {}, notes: [], history: [] };
}

/**
 * Route progress per surface, user, conversation and thread, with the admin's TTL. Lives in
 * the shared KeyValueStore (Redis in production), so a restart of Wegwijs loses nothing.
 */
export class RouteSessionStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly ttlSeconds: number,
  ) {}

  private key(address: ConversationAddress): string {
    return storeKey("route", address.surface, address.userId, address.conversationId, address.threadId ?? "-");
  }

  async get(address: ConversationAddress): Promise<RouteSession | undefined> {
    const raw = await this.store.get<unknown>(this.key(address), SCHEMA_VERSION);
    if (raw === undefined) return undefined;
    // Data written by another release is dropped rather than trusted.
    const parsed = routeSessionSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }

  async save(address: ConversationAddress, session: RouteSession): Promise<void> {
    await this.store.set(this.key(address), session, SCHEMA_VERSION, this.ttlSeconds);
  }

  async clear(address: ConversationAddress): Promise<void> {
    await this.store.delete(this.key(address));
  }
}
