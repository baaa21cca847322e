import { randomBytes } from "node:crypto";
import { CASE_NUMBER, caseNumberIn } from "../../bot/caseNumber.js";
import { qualifiedUserId, type Actor } from "../../bot/actor.js";
import type { ChatHandler } from "../../bot/chatHandler.js";
import type { Directory } from "../../bot/directory.js";
import type { ConversationAddress, IncomingAction } from "../../bot/incoming.js";
import type { Reply, ReplyChoice, ReplyPart } from "../../bot/reply.js";
import type { Logger } from "../../logger.js";
import { findPersonalData, personalDataWarning, redactPersonalData } from "../../privacy/personalData.js";
import { EVENT_DATE_HINT } from "../../privacy/kinds.js";
import type { OutboxMessage, RecordStore, RecordStores, StoredRecord } from "../../records/recordStore.js";
import { userIdFor } from "./personTokens.js";
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
import {
  cardReply,
  closeConfirmReply,
  closeSlotOf,
  detailsForm,
  detailsRefusal,
  type DetailsStamp,
  detailsStamp,
  NOTE_MAX_LENGTH as NOTE_MAX,
  parseDetailsStamp,
  notice,
  personName,
  SPOEDBERAAD_ACTION,
  openItemsReply,
  sourcesReply,
  stampOf,
  summaryHandover,
  summaryReply,
  handoverSource,
} from "./spoedberaadReplies.js";
import { redrawMessage, reminderMessage, summaryMessage } from "./spoedberaadJobs.js";
import type { ResolvedSource } from "../route/sourcePassages.js";
import { z } from "zod";
import { asksForSpoedberaad } from "./spoedberaadIntent.js";
import { typedTick, type TypedTick } from "./typedTick.js";
import { otherRegionSourcesNotice, type RegionContext, servingAsker } from "../ask/otherRegion.js";
import { checklistQuestion, type ChecklistQuestion } from "./checklistQuestion.js";
import { checklistStateName } from "../../bot/checklistText.js";

const MAX_DUE_MINUTES = 7 * 24 * 60;
/** Owner choices offered where a surface has no people picker of its own (Teams). */
const PEOPLE_MAX = 50;

const NOT_HERE = "Deze checklist hoort bij een ander gesprek. Je kunt hem alleen veranderen in het gesprek waar hij loopt.";
const NOT_MEMBER = "Alleen mensen in dit gesprek kunnen de checklist veranderen.";
/**
 * Names the chair, so whoever pressed knows whom to ask; only what was tried (new-user try: the
 * handover it named has no button on any surface, only the web API).
 */
const onlyChair = (c: Checklist, tried: ChairOnly) => {
  const chair = personName(c.chair, c.conversation.surface);
  return tried === "close"
    ? `Alleen de voorzitter, ${chair}, kan de checklist afronden. Vraag ${chair} om dat te doen.`
    : `Alleen de voorzitter, ${chair}, kan een andere voorzitter kiezen.`;
};
/** What only the chair may do: close the checklist, or hand the chair over. */
type ChairOnly = "close" | "chair";
const GONE = "Deze checklist bestaat niet (meer). Typ *spoedberaad* om een nieuwe te starten.";
const CLOSED = "Deze checklist is al afgerond.";
const KEPT_OPEN = "Oké, de checklist blijft open. Rond af wanneer het team zover is.";

export interface SpoedberaadDeps {
  records: RecordStores;
  directory: Directory;
  /** The checklist for the configured region (validated at start, sources resolved). */
  content: ChecklistContent;
  /** Another region's checklist, by the name its documents give it ("Rijnmond"); undefined for the served region. */
  regionChecklist?: (regionName: string) => { name: string; content: ChecklistContent } | undefined;
  /** Where the asker said they work, earlier in this conversation (see askerRegion). */
  askerRegionOf?: (address: ConversationAddress) => Promise<string | undefined>;
  /** Resolved source passage of each item of the region's checklist (for "Waarom deze punten?"). */
  passageOf: (itemId: string, regionName?: string) => ResolvedSource | undefined;
  /** Default time from assigning an owner to the reminder (60 minutes). */
  reminderMs: number;
  /** Each document's region against the one served (see otherRegionSourcesNotice). */
  regions?: RegionContext;
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
/** One close confirmation: its answer replaces it (closeSlotOf). */
const newAskId = () => randomBytes(4).toString("base64url").replace(/[-_]/g, "x");
const ASK_ID = /^[A-Za-z0-9]{1,16}$/;

/** An answer to a close confirmation, in its slot when the button said which one it was. */
function answerToAsk(reply: Reply, checklistId: string, ask: string): Reply {
  return ASK_ID.test(ask) ? { ...reply, slot: closeSlotOf(checklistId, ask) } : reply;
}

/** A checklist closed this long ago still fills in a typed "consult" here: the same day and the next morning. */
const HANDOVER_HOURS = 24;

export class SpoedberaadService {
  readonly store: RecordStore<Checklist>;
  private readonly pointers: RecordStore<z.infer<typeof pointerSchema>>;
  private readonly now: () => number;

  constructor(private readonly deps: SpoedberaadDeps) {
    this.store = deps.records.open(CHECKLIST_KIND);
    this.pointers = deps.records.open(POINTER_KIND);
    this.now = deps.now ?? Date.now;
  }

  /**
   * Starts a checklist here, or shows the one already open in this conversation. After one here
   * was closed, "spoedberaad" (or the same casusnummer) asks first, unless `again` (its button).
   */
  async start(address: ConversationAddress, actor: Actor, casusText: string, routeSummary?: string, again = false): Promise<Reply[]> {
    const casus = casusText.trim();
    if (casus !== "" && (!CASE_NUMBER.test(casus) || findPersonalData(casus).length > 0)) {
      return [notice("Gebruik als casusnummer alleen een pseudoniem nummer (letters, cijfers en - . _, hoogstens 40 tekens), nooit een naam, BSN of geboortedatum. Bijvoorbeeld: *spoedberaad CASUS-12*.")];
    }
    const conversation = { surface: address.surface, conversationId: address.conversationId, ...(address.threadId ? { threadId: address.threadId } : {}) };
    const key = conversationKey(conversation as Checklist["conversation"]);
    for (let attempt = 0; attempt < 5; attempt++) {
      const pointer = await this.pointers.get(key);
      const existing = pointer ? await this.store.get(pointer.value.checklistId) : undefined;
      if (existing && existing.value.status === "open") {
        const items = existing.value.items;
        const done = `${items.filter((i) => i.state !== "open").length} van ${items.length} punten afgehandeld`;
        // A checklist started from a button has no casusnummer: "spoedberaad CASUS-12" gives it one
        // (new-user try: there was no way to add it later).
        if (casus !== "" && existing.value.casus === undefined) return this.named(address, actor, existing.value.id, casus);
        if (casus !== "" && existing.value.casus !== casus) {
          return this.shown(actor, existing, `Er loopt al een checklist in dit gesprek, voor ${existing.value.casus} (${done}). Een nieuwe kan pas als deze is afgerond.`);
        }
        return this.shown(actor, existing, `Er loopt al een checklist in dit gesprek (${done}).`);
      }
      // Typed again after closing, it was taken for a new checklist at once, and a colleague's
      // "spoedberaad CASUS-2291" started a second one for the same case (team try).
      if (existing && existing.value.status === "closed" && !again && (casus === "" || casus === existing.value.casus)) {
        return [startAgainQuestion(existing.value.casus, casus)];
      }
      const observed = pointer?.value.checklistId;
      const checklistId = newChecklistId();
      const won = await this.pointers.update(key, (current) =>
        current?.value.checklistId === observed ? { value: { checklistId } } : undefined,
      );
      if (!won.changed) continue; // someone else started one at the same moment: show theirs
      const at = new Date(this.now()).toISOString();
      const chair = personOf(actor);
      const summary = routeSummary ? redactedSummary(routeSummary) : undefined;
      const theirs = await this.askersChecklist(address);
      const content = theirs?.content ?? this.deps.content;
      const initial: Checklist = {
        id: checklistId,
        title: content.title,
        ...(theirs ? { region: theirs.name } : {}),
        ...(casus ? { casus } : {}),
        conversation,
        chair,
        status: "open",
        quiet: false,
        reminderMs: this.deps.reminderMs,
        ...(summary ? { routeSummary: summary } : {}),
        items: content.items.map((i) => ({ id: i.id, label: i.label, state: "open" as const, rev: 0 })),
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
      // Another region's checklist says which region's it is; started without a casusnummer (the
      // button under an answer), it says how to add one.
      const notes = [...(theirs ? [notice(regionChecklistNotice(theirs.name), "info")] : []), ...(casus ? [] : [notice(WITHOUT_CASE_NUMBER, "info")])];
      return [...this.shown(actor, created.record!), ...notes];
    }
    return [notice("Het lukte niet om de checklist te starten. Probeer het zo nog eens.")];
  }

  /** The checklist of the region the asker said they work in, when that is another one than the served region. */
  private async askersChecklist(address: ConversationAddress): Promise<{ name: string; content: ChecklistContent } | undefined> {
    if (!this.deps.askerRegionOf || !this.deps.regionChecklist) return undefined;
    const region = await this.deps.askerRegionOf(address).catch(() => undefined);
    return region ? this.deps.regionChecklist(region) : undefined;
  }

  /** Gives the open checklist here its casusnummer; the card changes in place, a line says so. */
  private async named(address: ConversationAddress, actor: Actor, checklistId: string, casus: string): Promise<Reply[]> {
    const changed = await this.change(address, actor, checklistId, { op: "casus", casus });
    if (!changed.some((r) => r.parts.some((p) => p.kind === "checklist"))) return changed;
    const said = notice(`Casusnummer ${casus} staat nu op de checklist in dit gesprek.`, "info");
    // On Slack and Teams the outbox redraws the card in place.
    return actor.surface === "web" ? [...changed, said] : [said];
  }

  /**
   * A change typed in the chat ("vink punt 3 af", "punt 4 nvt") to the checklist open in this
   * conversation; undefined when none is open here, so the words go on as a question. The card
   * changes in place; a line under the message says what changed, since the card may be far up.
   */
  async typed(address: ConversationAddress, actor: Actor, tick: TypedTick): Promise<Reply[] | undefined> {
    const record = await this.openHere(address);
    if (!record) {
      // A checklist that was closed here: the change comes too late, which is better said than
      // read as a question (new-user try: "punt 9 klaar" after closing got "geen antwoord").
      const closed = await this.latestHere(address);
      if (closed?.value.status !== "closed") return undefined;
      return [notice("Het spoedberaad hier is al afgerond: punten veranderen kan niet meer. De samenvatting staat in het gesprek. Typ *spoedberaad* voor een nieuwe checklist.", "info")];
    }
    const items = record.value.items;
    const wrong = tick.numbers.filter((n) => n < 1 || n > items.length);
    if (wrong.length > 0) return [notice(`De checklist heeft ${items.length} punten: kies een nummer van 1 tot ${items.length}.`)];
    const chosen = tick.numbers.map((n) => items[n - 1]!);
    const operations: Operation[] = chosen.map((item) =>
      tick.state === "claim" ? { op: "owner" as const, item: item.id, owner: personOf(actor) } : { op: "set" as const, item: item.id, state: tick.state },
    );
    // "punt 1 klaar, moeder en meid zijn gehoord": the remark is the item's note, checked as any
    // note (new-user try: with the remark, the tick was read as a question).
    const note = tick.remark && chosen.length === 1 ? cleanNote(tick.remark) : undefined;
    const refusedNote = note ? noteProblem(note) : undefined;
    if (note && !refusedNote) operations.push({ op: "note", item: chosen[0]!.id, note });
    const changed = await this.change(address, actor, record.value.id, operations);
    if (!changed.some((r) => r.parts.some((p) => p.kind === "checklist"))) return changed;
    const which = tick.numbers.length === 1 ? `Punt ${tick.numbers[0]} staat` : `Punten ${listed(tick.numbers)} staan`;
    const remarkSaid = !tick.remark ? "" : note && !refusedNote ? " Je opmerking staat er als notitie bij." : " Je opmerking is niet opgeslagen; zet een notitie via Details, zonder persoonsgegevens.";
    // "n.v.t." ends in its own full stop.
    const what = tick.state === "claim" ? `${which} nu op jouw naam.` : `${which} nu op ${checklistStateName(tick.state)}${tick.state === "nvt" ? "" : "."}`;
    const said = notice(`${what}${remarkSaid} De checklist hierboven is bijgewerkt.`, "info");
    // As with "spoedberaad" again: on Slack and Teams the outbox redraws the card in place.
    return actor.surface === "web" ? [...changed, said] : [said];
  }

  /**
   * Each item's source passage, as "Waarom deze punten?" shows them, and which of them are about
   * another region than the one served (new-user try: a Rijnmond source under a Groningen/Drenthe
   * item, with nothing to say so, as the route's steps do).
   */
  private sourcesOf(checklist: Checklist, only?: number): Reply {
    const items = only === undefined ? checklist.items : checklist.items.slice(only - 1, only);
    const sources = items.flatMap((i) => {
      const passage = this.deps.passageOf(i.id, checklist.region);
      return passage ? [{ ...passage, label: i.label }] : [];
    });
    const reply = sourcesReply(checklist, sources, only);
    const regions = this.deps.regions ? servingAsker(this.deps.regions, checklist.region) : undefined;
    const elsewhere = regions ? otherRegionSourcesNotice(sources.map((s, i) => ({ documentId: s.documentId, n: i + 1 })), regions) : undefined;
    return elsewhere ? { ...reply, parts: [...reply.parts, { kind: "notice", level: "info", text: elsewhere }] } : reply;
  }

  /**
   * A question about the checklist open here, typed in the chat ("welke punten staan nog open?",
   * "Waarom deze punten?"); undefined when none is open here, so the words go on as a question.
   */
  async asked(address: ConversationAddress, question: ChecklistQuestion): Promise<Reply[] | undefined> {
    const record = await this.openHere(address);
    if (!record) return undefined;
    if (question === "open") return [openItemsReply(record.value)];
    if (question === "sources") return [this.sourcesOf(record.value)];
    const count = record.value.items.length;
    if (question.item < 1 || question.item > count) return [notice(`Deze checklist heeft punt 1 tot en met ${count}. Typ bijvoorbeeld „waarom punt 2?”.`, "info")];
    return [this.sourcesOf(record.value, question.item)];
  }

  /** The checklist open in this conversation, if any. */
  private async openHere(address: ConversationAddress): Promise<StoredRecord<Checklist> | undefined> {
    return this.latestWith(address, "open");
  }

  /**
   * The latest checklist of this conversation with that status; in a thread, else the channel's: a
   * Slack mention is answered in a thread of its own (or of the card), and the channel's is meant.
   */
  private async latestWith(address: ConversationAddress, status: Checklist["status"]): Promise<StoredRecord<Checklist> | undefined> {
    const record = await this.latestHere(address);
    if (record?.value.status === status) return record;
    if (!address.threadId) return undefined;
    const { threadId: _thread, ...channel } = address;
    const outer = await this.latestHere(channel);
    return outer?.value.status === status ? outer : undefined;
  }

  /**
   * The consult hand-over of the checklist closed last in this conversation (or, for a Slack
   * thread, in its channel), when it closed less than HANDOVER_HOURS ago: "consult" typed after a
   * spoedberaad fills in its summary as the summary's button does (team try: typed, the form came
   * empty and the case number had to be typed again).
   */
  async closedHandover(address: ConversationAddress): Promise<{ value: string; source: string } | undefined> {
    const c = (await this.latestWith(address, "closed"))?.value;
    if (!c || !(this.now() - Date.parse(c.closedAt ?? "") < HANDOVER_HOURS * 3_600_000)) return undefined;
    return { value: summaryHandover(c).value ?? "", source: handoverSource(c) };
  }

  /** The latest checklist started in this conversation, open or closed. */
  private async latestHere(address: ConversationAddress): Promise<StoredRecord<Checklist> | undefined> {
    const conversation = { surface: address.surface, conversationId: address.conversationId, ...(address.threadId ? { threadId: address.threadId } : {}) };
    const pointer = await this.pointers.get(conversationKey(conversation as Checklist["conversation"]));
    const record = pointer ? await this.store.get(pointer.value.checklistId) : undefined;
    return record && sameConversation(address, record.value) ? record : undefined;
  }

  /**
   * The conversation's checklist as it stands now (the latest one started here, open or closed),
   * and its summary once closed: both are drawn from the record, exactly as they were pushed.
   */
  async current(address: ConversationAddress): Promise<Reply[]> {
    const record = await this.latestHere(address);
    if (!record) return [];
    return record.value.status === "closed" ? [cardReply(record), summaryReply(record.value)] : [cardReply(record)];
  }

  /**
   * The card: on the web as the answer (the JSON contract); Slack and Teams get it through the
   * outbox as one message in the conversation, whose later states update it in place.
   */
  private shown(actor: Actor, record: StoredRecord<Checklist>, lead?: string): Reply[] {
    const pointer = lead ? [notice(`${lead} Je vindt hem hierboven in het gesprek.`, "info")] : [];
    // On the web the card is also the answer: it is redrawn where it already stands, so the line
    // says where (new-user try: typing "spoedberaad" again seemed to do nothing).
    return actor.surface === "web" ? [cardReply(record), ...pointer] : pointer;
  }

  async action(address: ConversationAddress, actor: Actor, action: IncomingAction): Promise<Reply[]> {
    const [checklistId = "", itemId = "", third = ""] = (action.value ?? "").split(":");
    switch (action.id) {
      case SPOEDBERAAD_ACTION.start:
        return this.start(address, actor, "", action.value);
      case SPOEDBERAAD_ACTION.startCase:
        return this.start(address, actor, action.value ?? "");
      case SPOEDBERAAD_ACTION.startNew:
        return this.start(address, actor, action.value ?? "", undefined, true);
      case SPOEDBERAAD_ACTION.set: {
        if (!(ITEM_STATES as readonly string[]).includes(third)) return [notice("Deze knop ken ik niet (meer).")];
        return this.change(address, actor, checklistId, { op: "set", item: itemId, state: third as ItemState });
      }
      case SPOEDBERAAD_ACTION.owner:
        return this.assign(address, actor, checklistId, itemId, action.fields ?? {});
      case SPOEDBERAAD_ACTION.note: {
        const note = cleanNote(action.fields?.note ?? "");
        const problem = noteProblem(note);
        // Refused whole: nothing of it is stored, logged or shown back.
        if (problem) return [notice(problem)];
        return this.change(address, actor, checklistId, { op: "note", item: itemId, note });
      }
      case SPOEDBERAAD_ACTION.details:
        return this.details(address, actor, checklistId, itemId, action.fields, parseDetailsStamp(third));
      case SPOEDBERAAD_ACTION.show: {
        // The card as stored now (Teams' card refresh, "Annuleren" in the details form).
        const record = await this.store.get(checklistId);
        if (!record) return [notice(GONE)];
        if (!sameConversation(address, record.value)) return [notice(NOT_HERE)];
        return [cardReply(record)];
      }
      case SPOEDBERAAD_ACTION.quiet: {
        const quiet = itemId === "on";
        const changed = await this.change(address, actor, checklistId, { op: "quiet", quiet });
        if (!changed.some((r) => r.parts.some((p) => p.kind === "checklist"))) return changed;
        // Said in words (team try: after "Stil" nothing said so, and "Herinneringen aan" read as a state).
        const said = notice(quiet ? QUIET_ON : QUIET_OFF, "info");
        return actor.surface === "web" ? [...changed, said] : [said];
      }
      case SPOEDBERAAD_ACTION.close: {
        const found = await this.authorised(address, actor, checklistId, { chairOnly: "close" });
        if ("refusal" in found) return [found.refusal];
        const confirm = closeConfirmReply(found.record.value, newAskId());
        if (actor.surface !== "teams") return [confirm];
        // Teams shows no private card in a channel (only the invoke's text): there the question is
        // asked in the conversation, and only the chair's "Ja" counts. Without a slot: a slot reply
        // would take the pressed card's place, and that is the checklist itself.
        const { slot: _slot, ...asked } = confirm;
        return [{ ...asked, audience: "conversation" }];
      }
      case SPOEDBERAAD_ACTION.closeConfirmed: {
        const closed = await this.change(address, actor, checklistId, { op: "close" }, { chairOnly: "close" });
        // The card is redrawn in place for everyone by the outbox; the chair hears it is done, in
        // place of the question.
        return closed.some((r) => r.slot) ? [answerToAsk(notice("Afgerond. De checklist is bijgewerkt; de samenvatting volgt eronder in het gesprek.", "info"), checklistId, itemId)] : closed;
      }
      case SPOEDBERAAD_ACTION.keepOpen: {
        // "Nog niet": nothing changes; the question is answered so its buttons go.
        const record = await this.store.get(checklistId);
        if (!record) return [notice(GONE)];
        if (!sameConversation(address, record.value)) return [notice(NOT_HERE)];
        const answer = record.value.status === "closed" ? notice(CLOSED, "info") : notice(KEPT_OPEN, "info");
        return [answerToAsk(answer, checklistId, itemId)];
      }
      case SPOEDBERAAD_ACTION.chair: {
        const given = action.fields?.chair?.trim();
        const record = given ? await this.store.get(checklistId) : undefined;
        if (!given || !record) return [notice(given ? GONE : "Geef de nieuwe voorzitter op (fields.chair).")];
        const chair = await this.personInConversation(record.value, (await this.personChosen(record.value, given, actor))!, actor);
        if (!chair) return [notice("Die persoon zit niet in dit gesprek. Kies iemand uit het gesprek als voorzitter.")];
        return this.change(address, actor, checklistId, { op: "chair", chair }, { chairOnly: "chair" });
      }
      case SPOEDBERAAD_ACTION.sources: {
        const record = await this.store.get(checklistId);
        if (!record) return [notice(GONE)];
        return [this.sourcesOf(record.value)];
      }
      default:
        return [notice("Deze knop ken ik niet (meer).")];
    }
  }

  private async assign(address: ConversationAddress, actor: Actor, checklistId: string, itemId: string, fields: Record<string, string>): Promise<Reply[]> {
    let owner = personOf(actor);
    const record = await this.store.get(checklistId);
    if (!record) return [notice(GONE)];
    const wanted = await this.personChosen(record.value, fields.owner, actor);
    if (wanted && wanted !== actor.userId) {
      const found = await this.personInConversation(record.value, wanted, actor);
      if (!found) return [notice(NOT_IN_CONVERSATION)];
      owner = found;
    }
    let dueMs: number | undefined;
    if (fields.dueMinutes !== undefined) {
      dueMs = dueMsOf(fields.dueMinutes);
      if (dueMs === undefined) return [notice(BAD_DUE)];
    }
    // "Ik pak dit op" is for an item without an owner: a colleague may have taken it since the card
    // was drawn. Naming someone (Details, the API's owner field) still hands it over.
    return this.change(address, actor, checklistId, { op: "owner", item: itemId, owner }, { claim: !fields.owner?.trim() }, dueMs);
  }

  /**
   * Owner, reminder time and note of one item in one go (the "Details" form of every surface).
   * Without fields: the form, filled in from stored state. With fields: everything is checked
   * first (the owner is in the conversation, the note holds no personal data, the time is valid);
   * one refusal refuses all, with the reason next to its field and nothing stored. Otherwise one
   * atomic write. An empty owner or time keeps what is set; the note replaces the stored one.
   * `opened`: the note and owner the form showed (see DetailsStamp). A field left as it showed is
   * not written; one the person changed while a colleague changed it too is refused, with what it
   * is now, and the next save (knowing that) goes through.
   */
  private async details(
    address: ConversationAddress,
    actor: Actor,
    checklistId: string,
    itemId: string,
    fields: Record<string, string> | undefined,
    opened?: DetailsStamp,
  ): Promise<Reply[]> {
    const found = await this.authorised(address, actor, checklistId, {});
    if ("refusal" in found) return [found.refusal];
    const c = found.record.value;
    const item = c.items.find((i) => i.id === itemId);
    if (!item) return [notice("Dit punt staat niet (meer) op de checklist.")];
    if (!fields || Object.keys(fields).length === 0) {
      return [{ parts: [detailsForm(c, item, await this.people(c, actor))], audience: "private" }];
    }
    const errors: Record<string, string> = {};
    const stored = detailsStamp(item);
    /** A field this person changed that a colleague changed too since the form opened. */
    const changedSince = { note: false, owner: false };
    let note: string | undefined;
    if (fields.note !== undefined) {
      note = cleanNote(fields.note);
      const problem = noteProblem(note, true);
      if (problem) errors.note = problem;
      else if (opened && stampOf(note) === opened.note) note = undefined;
      else if (opened && opened.note !== stored.note && note !== (item.note ?? "")) {
        changedSince.note = true;
        errors.note = changedMeanwhile(item.note);
      }
    }
    let dueMs: number | undefined;
    if (fields.dueMinutes?.trim()) {
      dueMs = dueMsOf(fields.dueMinutes);
      if (dueMs === undefined) errors.dueMinutes = BAD_DUE;
    }
    let owner: Person | undefined;
    const chosen = await this.personChosen(c, fields.owner, actor);
    // Left as the form showed it: not a choice (a colleague may have taken the item since).
    const wanted = opened && stampOf(chosen ?? "") === opened.owner ? undefined : chosen;
    if (wanted && wanted !== item.owner?.userId && opened && opened.owner !== stored.owner) {
      changedSince.owner = true;
      errors.owner = item.owner ? `Intussen is ${personName(item.owner, c.conversation.surface)} eigenaar geworden. Kies opnieuw als je dat wilt veranderen.` : "Intussen heeft dit punt geen eigenaar meer. Kies opnieuw als je dat wilt veranderen.";
    } else if (wanted && wanted !== item.owner?.userId) {
      owner = await this.personInConversation(c, wanted, actor);
      if (!owner) errors.owner = NOT_IN_CONVERSATION;
    } else if (dueMs !== undefined) {
      // A new time for the reminder: of the current owner, or of whoever sets it.
      owner = item.owner ?? personOf(actor);
    }
    if (Object.keys(errors).length > 0) {
      this.deps.logger.info({ surface: address.surface, fields: Object.keys(errors) }, "spoedberaad details refused");
      const typed = {
        ...(wanted && !errors.owner ? { owner: wanted } : {}),
        ...(dueMs !== undefined ? { dueMinutes: fields.dueMinutes!.trim() } : {}),
        ...(note !== undefined ? { note: errors.note ? redactPersonalData(note).text : note } : {}),
      };
      // After a colleague's change the form shows it, and the next save may overwrite it knowingly.
      return [detailsRefusal(c, item, await this.people(c, actor), errors, typed, changedSince.note || changedSince.owner ? stored : opened)];
    }
    const operations: Operation[] = [];
    if (owner) operations.push({ op: "owner", item: itemId, owner });
    if (note !== undefined) operations.push({ op: "note", item: itemId, note });
    return this.change(address, actor, checklistId, operations, {}, dueMs);
  }

  /**
   * The details form for Slack's modal, from stored state only (no directory lookups): quick. Only
   * for a press in the checklist's own conversation; anything else goes the usual way and is refused.
   */
  async detailsFormFor(address: ConversationAddress, checklistId: string, itemId: string): Promise<Extract<ReplyPart, { kind: "form" }> | undefined> {
    const record = await this.store.get(checklistId);
    const item = record?.value.items.find((i) => i.id === itemId);
    if (!record || !item || record.value.status !== "open" || !sameConversation(address, record.value)) return undefined;
    return detailsForm(record.value, item, this.knownPeople(record.value));
  }

  /** Someone in the checklist's conversation as a Person (name, platform id), or undefined if not in it. */
  private async personInConversation(c: Checklist, userId: string, actor: Actor): Promise<Person | undefined> {
    if (actor.surface === c.conversation.surface && userId === actor.userId) return personOf(actor);
    const { surface, conversationId } = c.conversation;
    if (!(await this.deps.directory.isMember(surface, conversationId, userId))) return undefined;
    const listed = (await this.deps.directory.members(surface, conversationId)).find((m) => m.userId === userId);
    const resolved = listed?.name ? undefined : await this.deps.directory.resolve({ surface, userId, conversationId });
    // A surface that does not know other people's names (the web) may still have seen them here.
    const known = [c.chair, ...c.items.flatMap((i) => [i.owner, i.changedBy])].find((p) => p?.userId === userId);
    const name = listed?.name ?? resolved?.displayName ?? known?.name;
    const platformId = listed?.platformId ?? known?.platformId;
    return { userId, ...(name ? { name } : {}), ...(platformId ? { platformId } : {}) };
  }

  /** The user id an owner or chair field names: a stand-in from the web form mapped back (see personTokens), else as sent. */
  private async personChosen(c: Checklist, value: string | undefined, actor: Actor): Promise<string | undefined> {
    const wanted = value?.trim();
    // Only a stand-in needs the people looked up (Slack and Teams send ids).
    if (!wanted || !wanted.startsWith("p-")) return wanted || undefined;
    const candidates = [actor.userId, ...(await this.people(c)).map((p) => p.value), ...(c.items.flatMap((i) => (i.owner ? [i.owner.userId] : [])))];
    return userIdFor(c.id, wanted, candidates);
  }

  /** People the checklist knows: the chair, owners and who changed items. */
  private knownPeople(c: Checklist): ReplyChoice[] {
    const seen = new Map<string, string>();
    for (const p of [c.chair, ...c.items.flatMap((i) => [i.owner, i.changedBy])]) {
      if (p && !seen.has(p.userId)) seen.set(p.userId, personName(p, c.conversation.surface));
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }

  /**
   * Owner choices: who opened the form first (team try: someone who had not touched the checklist
   * yet could not make themselves owner in Details), then the conversation's roster where the
   * surface lists it (Teams), then the known people.
   */
  private async people(c: Checklist, opener?: Actor): Promise<ReplyChoice[]> {
    const roster = await this.deps.directory.members(c.conversation.surface, c.conversation.conversationId);
    const choices = new Map<string, string>();
    if (opener && opener.surface === c.conversation.surface) choices.set(opener.userId, personName(personOf(opener), c.conversation.surface));
    for (const m of roster) choices.set(m.userId, m.name?.trim() || m.userId);
    for (const p of this.knownPeople(c)) if (!choices.has(p.value)) choices.set(p.value, p.label);
    return [...choices].slice(0, PEOPLE_MAX).map(([value, label]) => ({ value, label }));
  }


  /** The record, if this actor may change it from this conversation; else a refusal. */
  private async authorised(
    address: ConversationAddress,
    actor: Actor,
    checklistId: string,
    options: { chairOnly?: ChairOnly },
  ): Promise<{ record: StoredRecord<Checklist> } | { refusal: Reply }> {
    const record = await this.store.get(checklistId);
    if (!record) return { refusal: notice(GONE) };
    const c = record.value;
    if (!sameConversation(address, c)) {
      this.deps.logger.warn({ surface: address.surface }, "spoedberaad change from another conversation refused");
      return { refusal: notice(NOT_HERE) };
    }
    const isChair = actor.surface === c.conversation.surface && actor.userId === c.chair.userId;
    if (options.chairOnly && !isChair) return { refusal: notice(onlyChair(c, options.chairOnly)) };
    if (!isChair && !(await this.deps.directory.isMember(c.conversation.surface, c.conversation.conversationId, actor.userId))) {
      this.deps.logger.warn({ surface: address.surface }, "spoedberaad change by a non-member refused");
      return { refusal: notice(NOT_MEMBER) };
    }
    if (c.status === "closed") return { refusal: notice(CLOSED, "info") };
    return { record };
  }

  /**
   * One atomic write: the changes, version, history entries and outbox (a throttled redraw, the
   * reminders, the summary) together. A press for the state an item already has changes nothing.
   * An item that is still open with an owner gets its reminder again under its new rev (a note
   * must not cancel it); a new owner or time schedules it from now.
   */
  private async change(
    address: ConversationAddress,
    actor: Actor,
    checklistId: string,
    operations: Operation | Operation[],
    options: { chairOnly?: ChairOnly; claim?: boolean } = {},
    dueMs?: number,
  ): Promise<Reply[]> {
    const found = await this.authorised(address, actor, checklistId, options);
    if ("refusal" in found) return [found.refusal];
    const ops = Array.isArray(operations) ? operations : [operations];
    if (ops.length === 0) return [cardReply(found.record)];
    const by = personOf(actor);
    const qualified = qualifiedUserId(actor.surface, actor.userId);
    const nowMs = this.now();
    const at = new Date(nowMs).toISOString();
    // Who had an item a claim was for, when it was not this actor (team try: two people pressed
    // "Ik pak dit op" at once; the one who lost heard nothing).
    let takenBy: Person | undefined;
    let takenItem = 0;
    const result = await this.store.update(checklistId, (current) => {
      takenBy = undefined;
      if (!current) return undefined;
      if (options.claim) {
        const claimed = ops.find((op) => op.op === "owner");
        const index = claimed && "item" in claimed ? current.value.items.findIndex((i) => i.id === claimed.item) : -1;
        const held = current.value.items[index]?.owner;
        if (held && held.userId !== by.userId) {
          takenBy = held;
          takenItem = index + 1;
          return undefined;
        }
      }
      let next = current.value;
      const applied: Operation[] = [];
      for (const operation of ops) {
        const op: Operation =
          operation.op === "owner" ? { ...operation, dueAt: new Date(nowMs + (dueMs ?? current.value.reminderMs)).toISOString() } : operation;
        const after = applyOperation(next, op, by, at);
        if (!after) continue;
        next = after;
        applied.push(op);
      }
      if (applied.length === 0) return undefined;
      // The redraw's window from the time of this attempt, not of the request: a write retried
      // after a conflict may commit after the request's window has been drawn.
      const outbox: OutboxMessage[] = [redrawMessage(checklistId, current.value.conversation.surface, "change", this.now())];
      if (applied.some((op) => op.op === "close")) outbox.push(summaryMessage(checklistId));
      for (const itemId of new Set(applied.flatMap((op) => ("item" in op ? [op.item] : [])))) {
        const item = next.items.find((i) => i.id === itemId)!;
        const before = current.value.items.find((i) => i.id === itemId);
        if (next.quiet || item.state !== "open" || !item.owner || !item.dueAt || item.rev === before?.rev) continue;
        const delay = Date.parse(item.dueAt) - nowMs;
        const scheduled = applied.some((op) => op.op === "owner" && op.item === itemId);
        if (scheduled || delay > 0) outbox.push(reminderMessage(checklistId, item.id, item.rev, Math.max(0, delay)));
      }
      return {
        value: next,
        history: applied.map((op) => ({ type: op.op, actor: qualified, data: historyData(op, by, at) })),
        outbox,
        ...(next.status === "closed" ? { ttlSeconds: CLOSED_RETENTION_SECONDS } : {}),
      };
    });
    if (!result.record) return [notice(GONE)];
    if (takenBy) {
      // Which item: on a busy checklist "dit punt" could be any of them (team try).
      const taken = notice(`${personName(takenBy, result.record.value.conversation.surface)} heeft punt ${takenItem} net opgepakt. Wil je het toch overnemen? Kies jezelf dan als eigenaar in Details.`, "info");
      return actor.surface === "web" ? [cardReply(result.record), taken] : [taken];
    }
    return [cardReply(result.record)];
  }
}

const QUIET_ON = "Stil: voor deze checklist komen geen herinneringen meer. Zet ze weer aan met „Herinneringen weer aanzetten”.";
const QUIET_OFF = "Herinneringen staan weer aan: wie een punt oppakt, krijgt een herinnering als het open blijft.";
/** Under the checklist of the region the asker said they work in, when that is not the served one. */
function regionChecklistNotice(region: string): string {
  return `Dit is de checklist voor regio ${region}: daar zei je te werken. Waar de plannen van ${region} niets over een punt zeggen, komt het uit andere plannen; *Waarom deze punten?* zegt welke.`;
}

const WITHOUT_CASE_NUMBER = "Deze checklist heeft nog geen casusnummer. Typ *spoedberaad* met jullie eigen pseudonieme nummer erachter (bijvoorbeeld *spoedberaad CASUS-12*) om het toe te voegen.";
const NOT_IN_CONVERSATION = "Die persoon zit niet in dit gesprek. Kies iemand uit het gesprek.";
const BAD_DUE = "Kies een tijd voor de herinnering: later dan nu en binnen een week.";
/** Asked before a checklist is started where one was closed: the closed one may be what was meant. */
function startAgainQuestion(closedCasus: string | undefined, casus: string): Reply {
  const which = closedCasus ? ` voor ${closedCasus}` : "";
  return {
    parts: [
      { kind: "notice", level: "info", text: `Het spoedberaad${which} in dit gesprek is afgerond; de samenvatting staat hierboven. Wil je een nieuw spoedberaad starten?` },
      { kind: "actions", once: true, actions: [{ id: SPOEDBERAAD_ACTION.startNew, label: "Nieuw spoedberaad starten", value: casus, style: "primary" }] },
    ],
    audience: "private",
  };
}

/** The note field's refusal when the stored note changed after the form was opened: what it is now. */
function changedMeanwhile(note: string | undefined): string {
  return note ? `Intussen veranderd in: „${note}”. Pas je tekst aan en sla opnieuw op.` : "Intussen veranderd: de notitie is gewist. Sla opnieuw op als je jouw tekst wilt bewaren.";
}

function sameConversation(address: ConversationAddress, c: Checklist): boolean {
  return address.surface === c.conversation.surface && address.conversationId === c.conversation.conversationId;
}

/** Minutes from now as milliseconds, or undefined when not a time from 1 minute to a week. */
function dueMsOf(text: string): number | undefined {
  const minutes = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_DUE_MINUTES) return undefined;
  return Math.round(minutes * 60_000);
}

/** "2, 3 en 5". */
function listed(numbers: number[]): string {
  return numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(", ")} en ${numbers.at(-1)}`;
}

function cleanNote(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Why a note cannot be kept (too long, or personal data: refused whole, nothing stored, logged or
 * shown back), or undefined. `short` for the line next to a form field.
 */
function noteProblem(note: string, short = false): string | undefined {
  if (note.length > NOTE_MAX) return `Een notitie is hoogstens ${NOTE_MAX} tekens.`;
  const findings = findPersonalData(note);
  if (findings.length === 0) return undefined;
  const kinds = personalDataWarning(findings)?.match(/leek (.*?) te bevatten/)?.[1] ?? "persoonsgegevens";
  // An organisation's number is refused too, and "use the case number" does not fit it (team try:
  // "Kees belt Servicepunt via 050-…").
  const phone = findings.some((finding) => finding.kind === "phone") ? " Ook geen telefoonnummer van een organisatie: Wegwijs ziet niet van wie een nummer is." : "";
  const date = findings.some((finding) => finding.kind === "dateOfBirth") ? EVENT_DATE_HINT : "";
  return short
    ? `Niet opgeslagen: de notitie leek ${kinds} te bevatten. Gebruik alleen het casusnummer.${phone}${date}`
    : `Deze notitie is niet opgeslagen: ze leek ${kinds} te bevatten. Schrijf de notitie zonder BSN, telefoonnummer, e-mailadres of geboortedatum, en gebruik alleen het casusnummer.${phone}${date}`;
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
        takesText: CASE_NUMBER,
      },
    ],
    actionPrefix: "spoedberaad.",
    // The card is for everyone in the conversation; refusals say audience "private" themselves.
    visibility: "conversation",
    async command({ address, actor, text }) {
      return service.start(address, actor, text);
    },
    // "vink punt 3 af", "punt 4 nvt": typed changes to the checklist open here.
    async message({ address, actor, text }) {
      const tick = typedTick(text);
      if (tick) return service.typed(address, actor, tick);
      // "welke punten staan nog open?", "Waarom deze punten?": about the checklist open here.
      const question = checklistQuestion(text);
      return question ? service.asked(address, question) : undefined;
    },
    async action({ address, actor, action }) {
      return service.action(address, actor, action);
    },
    async restore(address) {
      return service.current(address);
    },
    // A case escalating now, or a request to hold a spoedberaad: the answer offers the checklist.
    // A case number in the message ("… starten voor CASUS-0412") goes on the checklist the button starts.
    suggest(question) {
      if (!asksForSpoedberaad(question)) return undefined;
      const casus = caseNumberIn(question);
      return [
        { kind: "text", text: `Moet er nu iets gebeuren voor ${casus ? `casus ${casus}` : "deze jongere"}? Start dan een spoedberaad: een checklist die jullie hier samen afvinken.` },
        { kind: "actions", actions: [casus ? { id: SPOEDBERAAD_ACTION.startCase, label: "Start spoedberaad-checklist", value: casus } : { id: SPOEDBERAAD_ACTION.start, label: "Start spoedberaad-checklist" }] },
      ];
    },
    async actionForm(action, address) {
      // "Details" without fields opens the form; with fields it is the form's submit.
      if (action.id !== SPOEDBERAAD_ACTION.details || action.fields) return undefined;
      const [checklistId = "", itemId = ""] = (action.value ?? "").split(":");
      return service.detailsFormFor(address, checklistId, itemId);
    },
  };
}
