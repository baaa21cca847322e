import { z } from "zod";
import type { ConversationAddress } from "../../bot/incoming.js";
import { type RecordKind, recordId, type RecordStore, type RecordStores } from "../../records/recordStore.js";
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
  /**
   * A message since the step was shown went on to be answered from the plans: "wat bedoelen ze
   * daarmee?" is then about that answer, not about the step (see RouteHandler.takeMessage).
   */
  away: z.boolean().optional(),
});

export type RouteSession = z.infer<typeof routeSessionSchema>;

const SCHEMA_VERSION = 1;

export function emptySession(routeId?: string, nodeId?: string): RouteSession {
  return { routeId, nodeId, records: {}, notes: [], history: [] };
}

function routeSessionKind(ttlSeconds: number): RecordKind<RouteSession> {
  return { kind: "route-session", schema: routeSessionSchema, schemaVersion: SCHEMA_VERSION, ttlSeconds };
}

/**
 * Route progress per surface, user, conversation and thread, with the admin's TTL. A record on the
 * records seam (Redis in production), so a restart of Wegwijs loses nothing.
 */
export class RouteSessionStore {
  private readonly records: RecordStore<RouteSession>;

  constructor(records: RecordStores, ttlSeconds: number) {
    this.records = records.open(routeSessionKind(ttlSeconds));
  }

  private id(address: ConversationAddress): string {
    return recordId(address.surface, address.userId, address.conversationId, address.threadId ?? "-");
  }

  async get(address: ConversationAddress): Promise<RouteSession | undefined> {
    // Data written by another release is dropped by the record store rather than trusted.
    return (await this.records.get(this.id(address)))?.value;
  }

  /** Saved by the route itself, the step is what the user looks at again: no longer away. */
  async save(address: ConversationAddress, session: RouteSession): Promise<void> {
    const { away: _away, ...here } = session;
    await this.records.update(this.id(address), () => ({ value: here }));
  }

  /** Marks that a message went past the walk to be answered elsewhere (see RouteSession.away). */
  async markAway(address: ConversationAddress, session: RouteSession): Promise<void> {
    if (session.away) return;
    await this.records.update(this.id(address), () => ({ value: { ...session, away: true } }));
  }

  async clear(address: ConversationAddress): Promise<void> {
    await this.records.delete(this.id(address));
  }
}
