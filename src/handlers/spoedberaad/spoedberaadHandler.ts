import { randomBytes } from "node:crypto";
import { qualifiedUserId, type Actor } from "../../bot/actor.js";
import type { ChatHandler } from "../../bot/chatHandler.js";
import type { Directory } from "../../bot/directory.js";
import type { ConversationAddress, IncomingAction } from "../../bot/incoming.js";
import type { Reply } from "../../bot/reply.js";
import type { Logger } from "../../logger.js";
import { findPersonalData, personalDataWarning, redactPersonalData } from "../../privacy/personalData.js";
import type { OutboxMessage, RecordStore, RecordStores, StoredRecord } from "../../records/recordStore.js";
import type { ChecklistContent } from "./checklistContent.js";
import {
  applyOperation,
  CHECKLIST_KIND,
  type Checklist,
  CLOSED_RETENTION_SECONDS,
  conversationKey,
  historyData,
  ITEM_STATES,
  type ItemState,
  type Operation,
  type Person,
} from "./checklistRecord.js";
import { closeConfirmReply, cardReply, notice, SPOEDBERAAD_ACTION, sourcesReply } from "./spoedberaadReplies.js";
import { redrawMessage, reminderMessage, summaryMessage } from "./spoedberaadJobs.js";
import type { ResolvedSource } from "../route/sourcePassages.js";
import { z } from "zod";

/** A casusnummer is pseudonymous: letters, digits and - . _ only, and never personal data. */
const CASUS = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const NOTE_MAX = 280;
const MAX_DUE_MINUTES = 7 * 24 * 60;

const NOT_HERE = "Deze checklist hoort bij een ander gesprek. Je kunt hem alleen veranderen in het gesprek waar hij loopt.";
const NOT_MEMBER = "Alleen mensen in dit gesprek kunnen de checklist veranderen.";
const ONLY_CHAIR = "Alleen de voorzitter kan de checklist afronden of het voorzitterschap overdragen.";
const GONE = "Deze checklist bestaat niet (meer). Typ *spoedberaad* om een nieuwe te starten.";
const CLOSED = "Deze checklist is al afgerond.";

export interface SpoedberaadDeps {
  records: RecordStores;
  directory: Directory;
  /** The checklist for the configured region (validated at start, sources resolved). */
  content: ChecklistContent;
  /** Resolved source passage of each item (for "Waarom deze punten?"). */
  passageOf: (itemId: string) => ResolvedSource | undefined;
  /** Default time from assigning an owner to the reminder (60 minutes). */
  reminderMs: number;
  logger: Logger;
  now?: () => number;
}

/** Pointer from a conversation to its open checklist, so two starts at once make one checklist. */
const pointerSchema = z.object({ checklistId: z.string() });
const POINTER_KIND = { kind: "spoedberaad-pointer", schema: pointerSchema, schemaVersion: 1, ttlSeconds: 14 * 24 * 3600 };

export function personOf(actor: Actor): Person {
  return {
    userId: actor.userId,
    ...(actor.displayName ? { name: actor.displayName } : {}),
    ...(actor.platformId ? { platformId: actor.platformId } : {}),
  };
}

const newChecklistId = () => randomBytes(6).toString("base64url").replace(/[-_]/g, "x");

export class SpoedberaadService {
  readonly store: RecordStore<Checklist>;
  private readonly pointers: RecordStore<z.infer<typeof pointerSchema>>;
  private readonly now: () => number;

  constructor(private readonly deps: SpoedberaadDeps) {
    this.store = deps.records.open(CHECKLIST_KIND);
    this.pointers = deps.records.open(POINTER_KIND);
    this.now = deps.now ?? Date.now;
  }

  /** Starts a checklist here, or shows the one already open in this conversation. */
  async start(address: ConversationAddress, actor: Actor, casusText: string, routeSummary?: string): Promise<Reply[]> {
    const casus = casusText.trim();
    if (casus !== "" && (!CASUS.test(casus) || findPersonalData(casus).length > 0)) {
      return [notice("Gebruik als casusnummer alleen een pseudoniem nummer (letters, cijfers en - . _, hoogstens 40 tekens), nooit een naam, BSN of geboortedatum. Bijvoorbeeld: *spoedberaad CASUS-12*.")];
    }
    const conversation = { surface: address.surface, conversationId: address.conversationId, ...(address.threadId ? { threadId: address.threadId } : {}) };
    const key = conversationKey(conversation as Checklist["conversation"]);
    for (let attempt = 0; attempt < 5; attempt++) {
      const pointer = await this.pointers.get(key);
      const existing = pointer ? await this.store.get(pointer.value.checklistId) : undefined;
      if (existing && existing.value.status === "open") return this.shown(actor, existing, "Er loopt al een checklist in dit gesprek.");
      const observed = pointer?.value.checklistId;
      const checklistId = newChecklistId();
      const won = await this.pointers.update(key, (current) =>
        current?.value.checklistId === observed ? { value: { checklistId } } : undefined,
      );
      if (!won.changed) continue; // someone else started one at the same moment: show theirs
      const at = new Date(this.now()).toISOString();
      const chair = personOf(actor);
      const summary = routeSummary ? redactedSummary(routeSummary) : undefined;
      const initial: Checklist = {
        id: checklistId,
        title: this.deps.content.title,
        ...(casus ? { casus } : {}),
        conversation,
        chair,
        status: "open",
        quiet: false,
        reminderMs: this.deps.reminderMs,
        ...(summary ? { routeSummary: summary } : {}),
        items: this.deps.content.items.map((i) => ({ id: i.id, label: i.label, state: "open" as const, rev: 0 })),
        createdAt: at,
      };
      const created = await this.store.update(checklistId, (current) =>
        current
          ? undefined
          : {
              value: initial,
              // The audit record: the casusnummer and who started it, no names of the young person.
              history: [{ type: "start", actor: qualifiedUserId(actor.surface, actor.userId), data: { casus: casus || null, by: chair, at } }],
              outbox: [redrawMessage(checklistId, address.surface, "start")],
            },
      );
      this.deps.logger.info({ surface: address.surface, items: initial.items.length }, "spoedberaad gestart");
      return this.shown(actor, created.record!);
    }
    return [notice("Het lukte niet om de checklist te starten. Probeer het zo nog eens.")];
  }

  /**
   * The card: on the web as the answer (the JSON contract); Slack and Teams get it through the
   * outbox as one message in the conversation, whose later states update it in place.
   */
  private shown(actor: Actor, record: StoredRecord<Checklist>, lead?: string): Reply[] {
    if (actor.surface === "web") return [cardReply(record)];
    return lead ? [notice(`${lead} Je vindt hem hierboven in het gesprek.`, "info")] : [];
  }

  async action(address: ConversationAddress, actor: Actor, action: IncomingAction): Promise<Reply[]> {
    const [checklistId = "", itemId = "", third = ""] = (action.value ?? "").split(":");
    switch (action.id) {
      case SPOEDBERAAD_ACTION.start:
        return this.start(address, actor, "", action.value);
      case SPOEDBERAAD_ACTION.set: {
        if (!(ITEM_STATES as readonly string[]).includes(third)) return [notice("Deze knop ken ik niet (meer).")];
        return this.change(address, actor, checklistId, { op: "set", item: itemId, state: third as ItemState });
      }
      case SPOEDBERAAD_ACTION.owner:
        return this.assign(address, actor, checklistId, itemId, action.fields ?? {});
      case SPOEDBERAAD_ACTION.note: {
        const note = (action.fields?.note ?? "").replace(/\s+/g, " ").trim();
        if (note.length > NOTE_MAX) return [notice(`Een notitie is hoogstens ${NOTE_MAX} tekens.`)];
        const findings = findPersonalData(note);
        if (findings.length > 0) {
          // Refused whole: nothing of it is stored, logged or shown back.
          const kinds = personalDataWarning(findings)?.match(/leek (.*?) te bevatten/)?.[1] ?? "persoonsgegevens";
          return [notice(`Deze notitie is niet opgeslagen: ze leek ${kinds} te bevatten. Schrijf de notitie zonder BSN, telefoonnummer, e-mailadres of geboortedatum, en gebruik alleen het casusnummer.`)];
        }
        return this.change(address, actor, checklistId, { op: "note", item: itemId, note });
      }
      case SPOEDBERAAD_ACTION.quiet:
        return this.change(address, actor, checklistId, { op: "quiet", quiet: itemId === "on" });
      case SPOEDBERAAD_ACTION.close: {
        const found = await this.authorised(address, actor, checklistId, { chairOnly: true });
        if ("refusal" in found) return [found.refusal];
        // Teams shows no private card in a channel (only the invoke's text): there the question is
        // asked in the conversation, and only the chair's "Ja" counts.
        const confirm = closeConfirmReply(found.record.value);
        return [actor.surface === "teams" ? { ...confirm, audience: "conversation" } : confirm];
      }
      case SPOEDBERAAD_ACTION.closeConfirmed: {
        const closed = await this.change(address, actor, checklistId, { op: "close" }, { chairOnly: true });
        // The card is redrawn in place for everyone by the outbox; the chair hears it is done.
        return closed.some((r) => r.slot) ? [notice("Afgerond. De checklist is bijgewerkt en de samenvatting volgt in de thread.", "info")] : closed;
      }
      case SPOEDBERAAD_ACTION.chair: {
        const wanted = action.fields?.chair?.trim();
        const record = wanted ? await this.store.get(checklistId) : undefined;
        if (!wanted || !record) return [notice(wanted ? GONE : "Geef de nieuwe voorzitter op (fields.chair).")];
        const { surface, conversationId } = record.value.conversation;
        if (!(await this.deps.directory.isMember(surface, conversationId, wanted))) {
          return [notice("Die persoon zit niet in dit gesprek. Kies iemand uit het gesprek als voorzitter.")];
        }
        const resolved = await this.deps.directory.resolve({ surface, userId: wanted, conversationId });
        const chair = { userId: wanted, ...(resolved.displayName ? { name: resolved.displayName } : {}) };
        return this.change(address, actor, checklistId, { op: "chair", chair }, { chairOnly: true });
      }
      case SPOEDBERAAD_ACTION.sources: {
        const record = await this.store.get(checklistId);
        if (!record) return [notice(GONE)];
        const sources = record.value.items.flatMap((i) => {
          const passage = this.deps.passageOf(i.id);
          return passage ? [{ ...passage, label: i.label }] : [];
        });
        return [sourcesReply(record.value, sources)];
      }
      default:
        return [notice("Deze knop ken ik niet (meer).")];
    }
  }

  private async assign(address: ConversationAddress, actor: Actor, checklistId: string, itemId: string, fields: Record<string, string>): Promise<Reply[]> {
    let owner = personOf(actor);
    const wanted = fields.owner?.trim();
    if (wanted && wanted !== actor.userId) {
      const record = await this.store.get(checklistId);
      if (!record) return [notice(GONE)];
      const { surface, conversationId } = record.value.conversation;
      if (!(await this.deps.directory.isMember(surface, conversationId, wanted))) {
        return [notice("Die persoon zit niet in dit gesprek. Kies iemand uit het gesprek als eigenaar.")];
      }
      const resolved = await this.deps.directory.resolve({ surface, userId: wanted, conversationId });
      owner = { userId: wanted, ...(resolved.displayName ? { name: resolved.displayName } : {}) };
    }
    let dueMs: number | undefined;
    if (fields.dueMinutes !== undefined) {
      const minutes = Number(fields.dueMinutes);
      if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_DUE_MINUTES) {
        return [notice("Geef de herinnering op in minuten: meer dan 0 en hoogstens een week.")];
      }
      dueMs = Math.round(minutes * 60_000);
    }
    return this.change(address, actor, checklistId, { op: "owner", item: itemId, owner }, {}, dueMs);
  }

  /** The record, if this actor may change it from this conversation; else a refusal. */
  private async authorised(
    address: ConversationAddress,
    actor: Actor,
    checklistId: string,
    options: { chairOnly?: boolean },
  ): Promise<{ record: StoredRecord<Checklist> } | { refusal: Reply }> {
    const record = await this.store.get(checklistId);
    if (!record) return { refusal: notice(GONE) };
    const c = record.value;
    if (address.surface !== c.conversation.surface || address.conversationId !== c.conversation.conversationId) {
      this.deps.logger.warn({ surface: address.surface }, "spoedberaad change from another conversation refused");
      return { refusal: notice(NOT_HERE) };
    }
    const isChair = actor.surface === c.conversation.surface && actor.userId === c.chair.userId;
    if (options.chairOnly && !isChair) return { refusal: notice(ONLY_CHAIR) };
    if (!isChair && !(await this.deps.directory.isMember(c.conversation.surface, c.conversation.conversationId, actor.userId))) {
      this.deps.logger.warn({ surface: address.surface }, "spoedberaad change by a non-member refused");
      return { refusal: notice(NOT_MEMBER) };
    }
    if (c.status === "closed") return { refusal: notice(CLOSED, "info") };
    return { record };
  }

  /**
   * One atomic write: the change, version, history entry and outbox (a throttled redraw, a
   * reminder, the summary) together. A press for the state an item already has changes nothing.
   */
  private async change(
    address: ConversationAddress,
    actor: Actor,
    checklistId: string,
    operation: Operation,
    options: { chairOnly?: boolean } = {},
    dueMs?: number,
  ): Promise<Reply[]> {
    const found = await this.authorised(address, actor, checklistId, options);
    if ("refusal" in found) return [found.refusal];
    const by = personOf(actor);
    const nowMs = this.now();
    const at = new Date(nowMs).toISOString();
    const result = await this.store.update(checklistId, (current) => {
      if (!current) return undefined;
      let op = operation;
      if (op.op === "owner") op = { ...op, dueAt: new Date(nowMs + (dueMs ?? current.value.reminderMs)).toISOString() };
      const next = applyOperation(current.value, op, by, at);
      if (!next) return undefined;
      const outbox: OutboxMessage[] = [redrawMessage(checklistId, current.value.conversation.surface, "change", nowMs)];
      if (op.op === "close") outbox.push(summaryMessage(checklistId));
      if (op.op === "owner" && !next.quiet) {
        const item = next.items.find((i) => i.id === op.item)!;
        outbox.push(reminderMessage(checklistId, item.id, item.rev, Math.max(0, Date.parse(item.dueAt!) - nowMs)));
      }
      return {
        value: next,
        history: [{ type: op.op, actor: qualifiedUserId(actor.surface, actor.userId), data: historyData(op, by, at) }],
        outbox,
        ...(op.op === "close" ? { ttlSeconds: CLOSED_RETENTION_SECONDS } : {}),
      };
    });
    if (!result.record) return [notice(GONE)];
    return [cardReply(result.record)];
  }
}

/** A route summary may hold typed notes: whatever the guard finds is left out before it is kept. */
function redactedSummary(text: string): string | undefined {
  const clean = text.slice(0, 2000).trim();
  if (!clean) return undefined;
  return redactPersonalData(clean).text;
}

/** The feature as a registered handler: "spoedberaad [casusnummer]" and its buttons. */
export function spoedberaadChatHandler(service: SpoedberaadService): ChatHandler {
  return {
    name: "spoedberaad",
    checksPersonalData: true,
    commands: [
      {
        name: "spoedberaad",
        args: "[casusnummer]",
        help: "gedeelde checklist voor een spoedberaad, die het team samen afvinkt",
        takesText: /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
      },
    ],
    actionPrefix: "spoedberaad.",
    // The card is for everyone in the conversation; refusals say audience "private" themselves.
    visibility: "conversation",
    async command({ address, actor, text }) {
      return service.start(address, actor, text);
    },
    async action({ address, actor, action }) {
      return service.action(address, actor, action);
    },
  };
}
