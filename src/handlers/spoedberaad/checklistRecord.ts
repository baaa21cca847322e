import { z } from "zod";
import type { RecordKind } from "../../records/recordStore.js";

/**
 * A running spoedberaad checklist as stored: one record per checklist, changed only through
 * `applyOperation` (so the stored state always equals its history replayed in order).
 */
export const ITEM_STATES = ["open", "done", "nvt"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/**
 * Someone on the checklist's surface: the platform id (as the actor's userId), the name shown, and
 * the id the platform mentions them by when that differs (Teams `29:…`; mentions, card refresh).
 */
const person = z.object({ userId: z.string().min(1).max(200), name: z.string().max(200).optional(), platformId: z.string().min(1).max(200).optional() });
export type Person = z.infer<typeof person>;

const itemSchema = z.object({
  id: z.string(),
  label: z.string(),
  state: z.enum(ITEM_STATES),
  owner: person.optional(),
  /** ISO time the owner's reminder is due. */
  dueAt: z.string().optional(),
  note: z.string().optional(),
  changedBy: person.optional(),
  changedAt: z.string().optional(),
  /** Grows with every change of this item: reminder job ids carry it. */
  rev: z.number().int().nonnegative(),
});
export type StoredItem = z.infer<typeof itemSchema>;

export const checklistSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Pseudonymous case number, checked by the privacy guard; never a name. */
  casus: z.string().optional(),
  /** The region whose checklist this is, when not the served one: where the one who started it said they work ("Rijnmond"). */
  region: z.string().max(100).optional(),
  /** Where the card lives: changes, reminders and the summary go here. */
  conversation: z.object({ surface: z.enum(["web", "slack", "teams"]), conversationId: z.string(), threadId: z.string().optional() }),
  chair: person,
  status: z.enum(["open", "closed"]),
  /** "Stil": no reminders for this checklist. */
  quiet: z.boolean(),
  /** Default time from assigning an owner to the reminder, set at start. */
  reminderMs: z.number().int().positive(),
  /** The route summary this checklist was started from (route outcome button), for the consult request. */
  routeSummary: z.string().optional(),
  items: z.array(itemSchema),
  createdAt: z.string(),
  /** When and by whom it was closed: the summary is a record of the meeting (team try: no date). */
  closedAt: z.string().optional(),
  closedBy: person.optional(),
});
export type Checklist = z.infer<typeof checklistSchema>;

/** Kept after closing as the audit record for this long. */
export const CLOSED_RETENTION_SECONDS = 30 * 24 * 3600;
export const OPEN_TTL_SECONDS = 14 * 24 * 3600;

export function conversationKey(c: Checklist["conversation"]): string {
  return [c.surface, c.conversationId, c.threadId ?? "-"].map(encodeURIComponent).join("|");
}

export const CHECKLIST_KIND: RecordKind<Checklist> = {
  kind: "spoedberaad",
  schema: checklistSchema,
  schemaVersion: 1,
  ttlSeconds: OPEN_TTL_SECONDS,
  // "spoedberaad" again in the same conversation shows the open checklist, not a new one.
  indexes: { openByConversation: (c) => (c.status === "open" ? conversationKey(c.conversation) : undefined) },
};

/** One change to a checklist, exactly as written to its history (data of the entry). */
export type Operation =
  | { op: "set"; item: string; state: ItemState }
  | { op: "owner"; item: string; owner: Person; dueAt?: string }
  | { op: "note"; item: string; note: string }
  | { op: "quiet"; quiet: boolean }
  /** The chair hands over to someone else in the conversation (who may then close). */
  | { op: "chair"; chair: Person }
  /** A casusnummer for a checklist started without one (from a button): set once, never changed. */
  | { op: "casus"; casus: string }
  | { op: "close" };

export const operationSchema: z.ZodType<Operation> = z.discriminatedUnion("op", [
  z.object({ op: z.literal("set"), item: z.string(), state: z.enum(ITEM_STATES) }),
  z.object({ op: z.literal("owner"), item: z.string(), owner: person, dueAt: z.string().optional() }),
  z.object({ op: z.literal("note"), item: z.string(), note: z.string() }),
  z.object({ op: z.literal("quiet"), quiet: z.boolean() }),
  z.object({ op: z.literal("chair"), chair: person }),
  z.object({ op: z.literal("casus"), casus: z.string() }),
  z.object({ op: z.literal("close") }),
]);

const samePerson = (a: Person | undefined, b: Person | undefined) => a?.userId === b?.userId;

/**
 * The checklist after `operation` by `by` at `at`, or undefined when nothing changes (the state
 * an item already has, a closed checklist, an unknown item): no version bump, no history.
 */
export function applyOperation(checklist: Checklist, operation: Operation, by: Person, at: string): Checklist | undefined {
  if (checklist.status === "closed") return undefined;
  switch (operation.op) {
    case "quiet":
      return checklist.quiet === operation.quiet ? undefined : { ...checklist, quiet: operation.quiet };
    case "chair":
      return samePerson(checklist.chair, operation.chair) ? undefined : { ...checklist, chair: operation.chair };
    case "casus":
      return checklist.casus === undefined ? { ...checklist, casus: operation.casus } : undefined;
    case "close":
      return { ...checklist, status: "closed", closedAt: at, closedBy: by };
    default: {
      const index = checklist.items.findIndex((i) => i.id === operation.item);
      const item = checklist.items[index];
      if (!item) return undefined;
      let next: StoredItem;
      if (operation.op === "set") {
        if (item.state === operation.state) return undefined;
        next = { ...item, state: operation.state };
      } else if (operation.op === "owner") {
        if (samePerson(item.owner, operation.owner) && item.dueAt === operation.dueAt) return undefined;
        next = { ...item, owner: operation.owner, ...(operation.dueAt ? { dueAt: operation.dueAt } : {}) };
        if (!operation.dueAt) delete next.dueAt;
      } else {
        if ((item.note ?? "") === operation.note) return undefined;
        next = { ...item, note: operation.note };
        if (operation.note === "") delete next.note;
      }
      next = { ...next, changedBy: by, changedAt: at, rev: item.rev + 1 };
      const items = [...checklist.items];
      items[index] = next;
      return { ...checklist, items };
    }
  }
}

/**
 * The checklist as it was started: every item open, nobody assigned, not quiet, open, and no
 * casusnummer (the start entry, or a later "casus" entry, gives it back on replay).
 */
export function startingState(checklist: Checklist): Checklist {
  const { casus: _casus, closedAt: _closedAt, closedBy: _closedBy, ...rest } = checklist;
  return {
    ...rest,
    status: "open",
    quiet: false,
    items: checklist.items.map((i) => ({ id: i.id, label: i.label, state: "open", rev: 0 })),
  };
}

/** History entry data for an operation: the operation, who and when (for the replay and the audit). */
export function historyData(operation: Operation, by: Person, at: string): Record<string, unknown> {
  return { ...operation, by, at };
}

/** Replays history entries (oldest first) onto the starting state: must equal the stored state. */
export function replay(start: Checklist, entries: Array<{ type: string; data?: Record<string, unknown> }>): Checklist {
  let state = start;
  for (const entry of entries) {
    if (entry.type === "start") {
      const casus = entry.data?.casus;
      if (typeof casus === "string" && casus !== "") state = { ...state, casus };
      continue;
    }
    if (!entry.data) continue;
    const { by, at, ...rest } = entry.data as { by: Person; at: string } & Record<string, unknown>;
    const operation = operationSchema.parse(rest);
    state = applyOperation(state, operation, by, at) ?? state;
  }
  return state;
}
