import type { Actor } from "../../bot/actor.js";
import { actorLabel, qualifiedUserId } from "../../bot/actor.js";
import type { DeliveryTarget } from "../../bot/delivery.js";
import type { ConversationAddress } from "../../bot/incoming.js";
import { deliverMessage } from "../../delivery/deliveryJobs.js";
import type { JobQueue } from "../../jobs/jobQueue.js";
import type { Change, HistoryEntry, OutboxMessage, RecordStore, RecordStores, StoredRecord } from "../../records/recordStore.js";
import type { ConsultFields } from "./consultForm.js";
import {
  caseHereKey,
  type ConsultLink,
  type ConsultPerson,
  type ConsultRequest,
  type ConsultStatus,
  type ConsultTarget,
  consultKind,
  counterKind,
  formatRequestId,
  linkKind,
  OPEN_STATUSES,
  samePerson,
} from "./consultModel.js";
import { personLabel, requesterStatusReply, settledQuestionReply } from "./consultReplies.js";
import { dueTimes, type ServiceLevels } from "./serviceLevels.js";

/** Job names this feature registers (see consultJobs.ts). */
export const CARD_JOB = "consult.card";
export const THREAD_JOB = "consult.thread";
export const SLA_JOB = "consult.sla";
export const WEBHOOK_JOB = "consult.webhook";

export interface CardJobData { id: string; place: DeliveryTarget }
export interface ThreadJobData { id: string; place: DeliveryTarget; text: string }
export interface SlaJobData { id: string; step: "remind" | "escalate" }
export interface WebhookJobData { event: WebhookEvent }

/** What a region's case system receives on every status change (no question text, no notes). */
export interface WebhookEvent {
  deliveryId: string;
  requestId: string;
  event: string;
  status: ConsultStatus;
  target: ConsultTarget;
  urgency: "spoed" | "regulier";
  caseRef: string;
  assignee?: string;
  at: string;
}

export interface ConsultServiceOptions {
  records: RecordStores;
  jobs: JobQueue;
  region: string;
  levels: ServiceLevels;
  retentionSeconds: number;
  /** Every coordinator place of a target: a Slack channel, a linked Teams channel, web coordinators. */
  places: (target: ConsultTarget) => Promise<DeliveryTarget[]>;
  webhook: boolean;
  now?: () => number;
}

export type ActionOutcome =
  | { ok: true; request: ConsultRequest; changed: boolean }
  | { ok: false; reason: "missing" | "forbidden" | "closed" | "taken" | "state"; request?: ConsultRequest };

/** Open requests live a year at most; a closed one for the retention period. */
const OPEN_TTL_SECONDS = 366 * 86_400;

export function personOf(actor: Actor): ConsultPerson {
  return { surface: actor.surface, userId: actor.userId, ...(actor.displayName ? { name: actor.displayName } : {}) };
}

export function isCoordinator(actor: Actor, target: ConsultTarget): boolean {
  return actor.roles.has(`coordinator:${target}`);
}

export function isRequester(actor: Actor, request: ConsultRequest): boolean {
  return samePerson(actor, request.requester);
}

/**
 * Where the requester hears back: only they do, not the colleagues in the conversation it was
 * filed from (new-user try: filed from a shared spoedberaad chat, a colleague got the
 * coordinator's question, the advice and an answer form). A Slack DM, the web user's own stream
 * (every page they have open), Teams' personal chat with the app, or where there is none yet the
 * conversation it was filed in.
 */
export function requesterTarget(request: ConsultRequest): DeliveryTarget {
  const r = request.requester;
  if (r.surface !== "teams") return { kind: "user", surface: r.surface, userId: r.userId };
  return { kind: "user", surface: "teams", userId: r.userId, orElse: { conversationId: r.conversationId, ...(r.threadId ? { threadId: r.threadId } : {}) } };
}

/**
 * Consult requests on the records seam: every change is one atomic update that also writes its
 * history entry and the outbox messages it causes (card update, requester message, webhook,
 * SLA timers), so nothing is sent for a change that was not stored and nothing stored goes unsent.
 */
export class ConsultService {
  readonly store: RecordStore<ConsultRequest>;
  private readonly counters: RecordStore<Record<string, never>>;
  readonly links: RecordStore<ConsultLink>;
  private readonly now: () => number;

  constructor(private readonly options: ConsultServiceOptions) {
    this.store = options.records.open(consultKind(OPEN_TTL_SECONDS));
    this.counters = options.records.open(counterKind);
    this.links = options.records.open(linkKind);
    this.now = options.now ?? Date.now;
  }

  /**
   * Stores a new request (status nieuw), then its card, the requester's receipt and the SLA timers go
   * out. `reached` says whether anyone hears of it: a coordinator place (a Slack channel, a linked
   * Teams channel, web coordinators) or the webhook. Without one the request is kept, but no
   * coordinator sees it until a place is set up.
   */
  async file(actor: Actor, address: ConversationAddress, fields: ConsultFields): Promise<{ request: ConsultRequest; reached: boolean }> {
    const now = this.now();
    const year = new Date(now).getUTCFullYear();
    const counter = await this.counters.update(`${this.options.region}:${year}`, () => ({ value: {} }));
    const id = formatRequestId(year, counter.record!.version);
    const at = new Date(now).toISOString();
    const request: ConsultRequest = {
      id,
      region: this.options.region,
      ...fields,
      status: "nieuw",
      requester: { ...personOf(actor), conversationId: address.conversationId, ...(address.threadId ? { threadId: address.threadId } : {}) },
      createdAt: at,
      updatedAt: at,
    };
    const places = await this.options.places(fields.target);
    const { remindAt, escalateAt } = dueTimes(this.options.levels, fields.urgency, now);
    const result = await this.store.update(id, (current) => {
      if (current) return undefined;
      return {
        value: request,
        history: [{ type: "filed", actor: qualifiedUserId(actor.surface, actor.userId), data: { target: fields.target, urgency: fields.urgency } }],
        outbox: [
          ...this.notifications(request, 1, places, "filed"),
          { type: SLA_JOB, payload: { id, step: "remind" } satisfies SlaJobData, jobId: slaJobId(id, "remind"), delayMs: Math.max(0, remindAt - now) },
          { type: SLA_JOB, payload: { id, step: "escalate" } satisfies SlaJobData, jobId: slaJobId(id, "escalate"), delayMs: Math.max(0, escalateAt - now) },
        ],
        ttlSeconds: OPEN_TTL_SECONDS,
      };
    });
    return { request: result.record!.value, reached: this.options.webhook || places.length > 0 };
  }

  async claim(actor: Actor, id: string): Promise<ActionOutcome> {
    return this.coordinatorChange(actor, id, (request) => {
      if (request.assignee && request.status !== "nieuw") {
        return samePerson(request.assignee, actor) ? "same" : "taken";
      }
      if (request.status !== "nieuw") return "state";
      const at = new Date(this.now()).toISOString();
      return { next: { ...request, status: "opgepakt", assignee: personOf(actor), claimedAt: at }, event: "claimed" };
    });
  }

  async ask(actor: Actor, id: string, question: string): Promise<ActionOutcome> {
    return this.coordinatorChange(actor, id, (request) => {
      if (request.status === "vraag uitgezet" && request.openQuestion === question) return "same";
      const at = new Date(this.now()).toISOString();
      return {
        next: { ...request, status: "vraag uitgezet", openQuestion: question, assignee: request.assignee ?? personOf(actor), claimedAt: request.claimedAt ?? at },
        event: "asked",
        data: { question },
        thread: `${request.id} · Vraag van ${actorLabel(actor)} aan de aanvrager: ${question}`,
      };
    });
  }

  async note(actor: Actor, id: string, note: string): Promise<ActionOutcome> {
    return this.coordinatorChange(actor, id, (request) => {
      if (request.lastNote === note) return "same";
      return { next: { ...request, lastNote: note }, event: "noted", data: { note }, thread: `${request.id} · Interne notitie van ${actorLabel(actor)}: ${note}`, silent: true };
    });
  }

  async close(actor: Actor, id: string, advice?: string): Promise<ActionOutcome> {
    return this.coordinatorChange(actor, id, (request) => ({
      next: { ...request, status: "afgerond", closedAt: new Date(this.now()).toISOString(), assignee: request.assignee ?? personOf(actor), closedBy: personOf(actor), ...(advice ? { advice } : {}) },
      event: "closed",
      ...(advice ? { data: { advice } } : {}),
    }));
  }

  /** The requester's answer to an open question: back to opgepakt, into the thread under the card. */
  async answer(actor: Actor, id: string, answer: string): Promise<ActionOutcome> {
    return this.change(id, (request) => {
      if (!isRequester(actor, request)) return "forbidden";
      if (request.status !== "vraag uitgezet") return "state";
      const { openQuestion: _asked, ...rest } = request;
      return { next: { ...rest, status: "opgepakt" }, event: "answered", data: { answer }, thread: `${request.id} · Antwoord van de aanvrager: ${answer}` };
    }, actor);
  }

  async cancel(actor: Actor, id: string): Promise<ActionOutcome> {
    return this.change(id, (request) => {
      if (!isRequester(actor, request)) return "forbidden";
      // Said in the thread under the card too: whoever picked it up stops working on it (team try:
      // only the card changed, and a coordinator looking at the chat saw nothing).
      const thread = `${request.id} · Ingetrokken door de aanvrager${request.assignee ? `; ${personLabel(request.assignee)} hoeft er niets meer mee te doen` : ""}.`;
      return { next: { ...request, status: "geannuleerd", closedAt: new Date(this.now()).toISOString() }, event: "cancelled", thread };
    }, actor);
  }

  /** An SLA timer fired: remind or escalate once, only while nobody has claimed the request. */
  async slaDue(id: string, step: "remind" | "escalate", backup: DeliveryTarget | undefined): Promise<boolean> {
    const places = await this.currentPlaces(id);
    const result = await this.store.update(id, (current) => {
      if (!current || current.value.status !== "nieuw") return undefined;
      const request = current.value;
      if (step === "remind" ? request.remindedAt : request.escalatedAt) return undefined;
      const at = new Date(this.now()).toISOString();
      const next: ConsultRequest = step === "remind" ? { ...request, remindedAt: at, updatedAt: at } : { ...request, escalatedAt: at, updatedAt: at };
      const version = current.version + 1;
      const text =
        step === "remind"
          ? `Herinnering: consultaanvraag ${id} (${request.urgency}) is nog door niemand opgepakt.`
          : `Escalatie: consultaanvraag ${id} (${request.urgency}) voor het ${request.target} is na de afgesproken tijd nog niet opgepakt.`;
      const recipients = step === "remind" ? places : backup ? [backup] : places;
      const outbox: OutboxMessage[] = recipients.map((place, i) =>
        deliverMessage(place, { parts: [{ kind: "notice", level: "warning", text }] }, { jobId: `consult-${step}:${id}:v${version}:${i}` }),
      );
      outbox.push(...this.webhookMessage(next, version, step === "remind" ? "reminded" : "escalated"));
      return { value: next, history: [{ type: step === "remind" ? "reminded" : "escalated" }], outbox, ttlSeconds: OPEN_TTL_SECONDS };
    });
    return result.changed;
  }

  /**
   * Whether the lines under a target's card (questions, notes) reach where this person acts: a web
   * coordinator's own pages, or the coordinators' channel they act in. A confirmation there need
   * not repeat what they typed (team try: the coordinator read their question twice).
   */
  async threadReaches(target: ConsultTarget, actor: Actor, conversationId: string): Promise<boolean> {
    const places = await this.options.places(target);
    return places.some((place) => place.surface === actor.surface && (place.kind === "user" ? place.userId === actor.userId : place.conversationId === conversationId));
  }

  /** What happened to a request, oldest first (filed, claimed, asked, answered, noted, closed). */
  async history(id: string): Promise<HistoryEntry[]> {
    return this.store.history(id);
  }

  async get(id: string): Promise<StoredRecord<ConsultRequest> | undefined> {
    return this.store.get(id);
  }

  async openFor(target: ConsultTarget): Promise<ConsultRequest[]> {
    return (await this.store.findBy("byTarget", `${target}:open`, 100)).map((r) => r.value);
  }

  /** Requests filed for this case number from this conversation, newest first. */
  async filedHere(address: ConversationAddress, caseRef: string): Promise<ConsultRequest[]> {
    return (await this.store.findBy("byCaseHere", caseHereKey(address.surface, address.conversationId, caseRef), 10)).map((r) => r.value);
  }

  async ownedBy(actor: Actor): Promise<ConsultRequest[]> {
    return (await this.store.findBy("byRequester", `${actor.surface}:${actor.userId}`, 50)).map((r) => r.value);
  }

  async link(target: ConsultTarget, conversationId: string, admin: Actor): Promise<void> {
    await this.links.update(target, () => ({
      value: { conversationId, linkedBy: qualifiedUserId(admin.surface, admin.userId), at: new Date(this.now()).toISOString() },
      history: [{ type: "linked", actor: qualifiedUserId(admin.surface, admin.userId) }],
    }));
  }

  private async currentPlaces(id: string): Promise<DeliveryTarget[]> {
    const current = await this.store.get(id);
    return current ? this.options.places(current.value.target) : [];
  }

  private coordinatorChange(actor: Actor, id: string, decide: Decide): Promise<ActionOutcome> {
    return this.change(id, (request) => (isCoordinator(actor, request.target) ? decide(request) : "forbidden"), actor);
  }

  /**
   * One atomic change. `decide` sees the stored request and says what happens; it may run more
   * than once under contention, so it is pure. Closed requests change no more.
   */
  private async change(id: string, decide: Decide, actor: Actor): Promise<ActionOutcome> {
    const stored = await this.store.get(id);
    if (!stored) return { ok: false, reason: "missing" };
    const places = await this.options.places(stored.value.target);
    let verdict: Exclude<ReturnType<Decide>, Decision> | undefined;
    const result = await this.store.update(id, (current) => {
      verdict = undefined;
      if (!current) {
        verdict = "missing";
        return undefined;
      }
      const request = current.value;
      if (!OPEN_STATUSES.includes(request.status)) {
        verdict = "closed";
        return undefined;
      }
      const decision = decide(request);
      if (typeof decision === "string") {
        verdict = decision;
        return undefined;
      }
      const at = new Date(this.now()).toISOString();
      const next = { ...decision.next, updatedAt: at };
      const version = current.version + 1;
      const outbox: OutboxMessage[] = [];
      if (!decision.silent) outbox.push(...this.notifications(next, version, places, decision.event));
      // A question that waited for the requester and is now answered, or whose request is closed:
      // its message loses the form (a question replaced by a new one keeps its form until then).
      const settled = request.status === "vraag uitgezet" && request.openQuestion && next.status !== "vraag uitgezet" ? SETTLING_EVENTS[decision.event] : undefined;
      if (settled) outbox.push(deliverMessage(requesterTarget(next), settledQuestionReply(next, request.openQuestion!, settled), { jobId: `consult-question-settled:${id}:v${version}` }));
      if (decision.thread) {
        places.forEach((place, i) =>
          outbox.push({ type: THREAD_JOB, payload: { id, place, text: decision.thread! } satisfies ThreadJobData, jobId: `consult-thread:${id}:v${version}:${i}` }),
        );
      }
      const closing = !OPEN_STATUSES.includes(next.status);
      const change: Change<ConsultRequest> = {
        value: next,
        history: [{ type: decision.event, actor: qualifiedUserId(actor.surface, actor.userId), ...(decision.data ? { data: decision.data } : {}) }],
        outbox,
        ttlSeconds: closing ? this.options.retentionSeconds : OPEN_TTL_SECONDS,
      };
      return change;
    });
    const request = result.record?.value ?? stored.value;
    if (result.changed) {
      if (request.status !== "nieuw") await this.cancelTimers(id);
      return { ok: true, request, changed: true };
    }
    if (verdict === "same") return { ok: true, request, changed: false };
    if (verdict === undefined) return { ok: false, reason: "state", request };
    return { ok: false, reason: verdict, request };
  }

  /** A claim or close makes the SLA timers moot; they also check the status when they fire. */
  private async cancelTimers(id: string): Promise<void> {
    await Promise.all([this.options.jobs.cancel(slaJobId(id, "remind")), this.options.jobs.cancel(slaJobId(id, "escalate"))]).catch(() => undefined);
  }

  /** The card update in every coordinator place, the requester's message and the webhook. */
  private notifications(request: ConsultRequest, version: number, places: DeliveryTarget[], event: string): OutboxMessage[] {
    const out: OutboxMessage[] = places.map((place, i) => ({
      type: CARD_JOB,
      payload: { id: request.id, place } satisfies CardJobData,
      jobId: `consult-card:${request.id}:v${version}:${i}`,
    }));
    // What the requester did (filing, answering, cancelling) is confirmed by the handler's own reply
    // where they are: a second message there said it twice (new-user try). Others' changes come here.
    if (!REQUESTER_EVENTS.has(event)) out.push(deliverMessage(requesterTarget(request), requesterStatusReply(request, event), { jobId: `consult-status:${request.id}:v${version}` }));
    out.push(...this.webhookMessage(request, version, event));
    return out;
  }

  private webhookMessage(request: ConsultRequest, version: number, event: string): OutboxMessage[] {
    if (!this.options.webhook) return [];
    const deliveryId = `${request.id}:v${version}`;
    const payload: WebhookJobData = {
      event: {
        deliveryId,
        requestId: request.id,
        event,
        status: request.status,
        target: request.target,
        urgency: request.urgency,
        caseRef: request.caseRef,
        ...(request.assignee ? { assignee: personLabel(request.assignee) } : {}),
        at: request.updatedAt,
      },
    };
    return [{ type: WEBHOOK_JOB, payload, jobId: `consult-webhook:${deliveryId}` }];
  }
}

/** Changes the requester makes themselves. */
const REQUESTER_EVENTS = new Set(["filed", "answered", "cancelled"]);

/** The events that settle an open question to the requester, and how its message says so. */
const SETTLING_EVENTS: Record<string, "answered" | "closed" | "cancelled"> = { answered: "answered", closed: "closed", cancelled: "cancelled" };

interface Decision {
  next: ConsultRequest;
  event: string;
  data?: Record<string, unknown>;
  /**
   * A line for the thread under the card (questions, answers, internal notes), opening with the
   * request's number: the web shows it as a message of its own (new-user try: with several open,
   * "Antwoord van de aanvrager" alone could be any of them).
   */
  thread?: string;
  /** No card update or requester message (an internal note). */
  silent?: boolean;
}
type Decide = (request: ConsultRequest) => Decision | "same" | "taken" | "forbidden" | "state" | "missing" | "closed";

export function slaJobId(id: string, step: "remind" | "escalate"): string {
  // The request's first version: the timers belong to the filing.
  return `consult-sla:${id}:v1:${step}`;
}
