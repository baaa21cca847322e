import { z } from "zod";
import type { RecordKind } from "../../records/recordStore.js";

/** Who a request goes to, as the region names them in content/regions/. */
export const TARGETS = ["servicepunt", "expertteam"] as const;
export type ConsultTarget = (typeof TARGETS)[number];

export const STATUSES = ["nieuw", "opgepakt", "vraag uitgezet", "afgerond", "geannuleerd"] as const;
export type ConsultStatus = (typeof STATUSES)[number];
export const OPEN_STATUSES: readonly ConsultStatus[] = ["nieuw", "opgepakt", "vraag uitgezet"];

const person = z.object({ surface: z.enum(["web", "slack", "teams"]), userId: z.string(), name: z.string().optional() });
export type ConsultPerson = z.infer<typeof person>;

/** Whether two people (a request's requester or assignee, an actor) are the same person on the same surface. */
export function samePerson(a: { surface: string; userId: string }, b: { surface: string; userId: string }): boolean {
  return a.surface === b.surface && a.userId === b.userId;
}

export const consultRequestSchema = z.object({
  id: z.string(),
  region: z.string(),
  target: z.enum(TARGETS),
  urgency: z.enum(["spoed", "regulier"]),
  caseRef: z.string(),
  question: z.string(),
  tried: z.string(),
  summary: z.string().optional(),
  /** The requester's own phone number, when they would like a call back. */
  callback: z.string().optional(),
  status: z.enum(STATUSES),
  /** Where it was filed: status messages go back there. */
  requester: person.extend({ conversationId: z.string(), threadId: z.string().optional() }),
  assignee: person.optional(),
  /** Who closed it: a colleague of the assignee may (new-user try: the card then named the assignee). */
  closedBy: person.optional(),
  /** What the coordinator tells the requester on closing ("Afronden met advies"). */
  advice: z.string().optional(),
  /** The open question to the requester, while status is "vraag uitgezet". */
  openQuestion: z.string().optional(),
  /** Last internal note, to apply a double-submitted note once. */
  lastNote: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  claimedAt: z.string().optional(),
  closedAt: z.string().optional(),
  remindedAt: z.string().optional(),
  escalatedAt: z.string().optional(),
});
export type ConsultRequest = z.infer<typeof consultRequestSchema>;

export function consultKind(ttlSeconds: number): RecordKind<ConsultRequest> {
  return {
    kind: "consult-request",
    schema: consultRequestSchema,
    schemaVersion: 1,
    ttlSeconds,
    indexes: {
      byStatus: (v) => v.status,
      byRequester: (v) => `${v.requester.surface}:${v.requester.userId}`,
      byTarget: (v) => (OPEN_STATUSES.includes(v.status) ? `${v.target}:open` : `${v.target}:closed`),
      // A second request for the same case from the same conversation is told of the first.
      byCaseHere: (v) => caseHereKey(v.requester.surface, v.requester.conversationId, v.caseRef),
    },
  };
}

/** One counter per region and year; its version is the sequence number. */
export const counterKind: RecordKind<Record<string, never>> = {
  kind: "consult-counter",
  schema: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  schemaVersion: 1,
  ttlSeconds: 3 * 366 * 86_400,
};

/** The Teams channel an admin linked to a target ("@Wegwijs koppel servicepunt"). */
export const linkSchema = z.object({ conversationId: z.string(), linkedBy: z.string(), at: z.string() });
export type ConsultLink = z.infer<typeof linkSchema>;
export const linkKind: RecordKind<ConsultLink> = {
  kind: "consult-link",
  schema: linkSchema,
  schemaVersion: 1,
  ttlSeconds: 10 * 366 * 86_400,
};

/** `CR-2026-000123`: readable, per region and year. */
export function formatRequestId(year: number, sequence: number): string {
  return `CR-${year}-${String(sequence).padStart(6, "0")}`;
}

export const REQUEST_ID = /^CR-\d{4}-\d{6,}$/;

export const STATUS_LABEL: Record<ConsultStatus, string> = {
  nieuw: "Nieuw",
  opgepakt: "Opgepakt",
  "vraag uitgezet": "Vraag uitgezet",
  afgerond: "Afgerond",
  geannuleerd: "Geannuleerd",
};

/** The key of a case number in one conversation (see byCaseHere); case numbers compare case-insensitively. */
export function caseHereKey(surface: string, conversationId: string, caseRef: string): string {
  return `${surface}:${conversationId}:${caseRef.trim().toUpperCase()}`;
}
