import { createHash } from "node:crypto";
import { actorLabel, type Surface, unqualifiedUserId } from "../../bot/actor.js";
import { checklistMark, checklistStateName, numberedItem, reminderTime } from "../../bot/checklistText.js";
import { consultHandoverAction } from "../../bot/consultHandover.js";
import type { Reply, ReplyAction, ReplyChoice, ReplyPart, SourceCitation } from "../../bot/reply.js";
import { findPersonalData } from "../../privacy/personalData.js";
import type { StoredRecord } from "../../records/recordStore.js";
import type { Checklist, Person } from "./checklistRecord.js";
import { hidesUserIds, personToken } from "./personTokens.js";

/** Every action id of the feature; the registry routes "spoedberaad." here. */
export const SPOEDBERAAD_ACTION = {
  /** From the route outcome: value = the route summary (privacy-checked before it is kept). */
  start: "spoedberaad.start",
  /** From an offer under a message that named a case number: value = that casusnummer. */
  startCase: "spoedberaad.startCase",
  /** "Nieuw spoedberaad starten" after one here was closed: value = the casusnummer typed, if any. */
  startNew: "spoedberaad.startNew",
  set: "spoedberaad.set",
  owner: "spoedberaad.owner",
  note: "spoedberaad.note",
  quiet: "spoedberaad.quiet",
  close: "spoedberaad.close",
  /** value = `<checklistId>:<ask>` from the confirmation (a bare checklistId works too). */
  closeConfirmed: "spoedberaad.closeConfirmed",
  /** "Nog niet" under the confirmation: nothing changes, the question is closed. Same value. */
  keepOpen: "spoedberaad.keepOpen",
  /** Hand the chair over: fields.chair = the new chair's user id (web API). */
  chair: "spoedberaad.chair",
  sources: "spoedberaad.sources",
  /** Owner, reminder time and note of one item: without fields the form, with fields the change. */
  details: "spoedberaad.details",
  /** The card as stored now (Teams' card refresh; "Annuleren" in the details form). */
  show: "spoedberaad.show",
} as const;

/** Teams refreshes a card automatically for at most 60 people (refresh.userIds). */
export const MAX_WATCHERS = 60;
/** Longest note (also the input's max length on every surface). */
export const NOTE_MAX_LENGTH = 280;

/** The message slot of a checklist card: every state of it updates the one message in place. */
export const slotOf = (checklistId: string): string => `spoedberaad:${checklistId}`;

/** How someone on a checklist is shown; people on a checklist are on its conversation's surface. */
export const personName = (p: Person, surface: Surface): string => actorLabel({ displayName: p.name, userId: p.userId, surface });

function titleOf(c: Checklist): string {
  return c.casus ? `${c.title} ${c.casus}` : c.title;
}

/** The card, drawn from stored state only (never from what a button said). */
export function cardReply(record: StoredRecord<Checklist>): Reply {
  const c = record.value;
  const parts: ReplyPart[] = [
    {
      kind: "checklist",
      checklistId: c.id,
      title: titleOf(c),
      version: record.version,
      status: c.status,
      chair: personName(c.chair, c.conversation.surface),
      items: c.items.map((i) => ({
        id: i.id,
        label: i.label,
        state: i.state,
        ...(i.owner ? { owner: personName(i.owner, c.conversation.surface) } : {}),
        // A closed checklist reminds no one: its card shows no reminder time (new-user try).
        ...(i.dueAt && i.owner && !c.quiet && c.status === "open" ? { dueAt: i.dueAt } : {}),
        ...(i.note ? { note: i.note } : {}),
        ...(i.changedBy ? { changedBy: personName(i.changedBy, c.conversation.surface) } : {}),
        ...(i.changedAt ? { changedAt: i.changedAt } : {}),
      })),
      setStateActionId: SPOEDBERAAD_ACTION.set,
      ownerActionId: SPOEDBERAAD_ACTION.owner,
      ...(c.status === "open" ? { detailsActionId: SPOEDBERAAD_ACTION.details } : {}),
      ...(c.conversation.surface === "teams" ? { watchers: watchersOf(c), refreshActionId: SPOEDBERAAD_ACTION.show } : {}),
    },
  ];
  if (c.status === "open") {
    parts.push({
      kind: "actions",
      actions: [
        // Says beforehand who may press it: only the chair closes (see SpoedberaadHandler.authorised).
        { id: SPOEDBERAAD_ACTION.close, label: "Afronden (voorzitter)", value: c.id },
        c.quiet
          ? { id: SPOEDBERAAD_ACTION.quiet, label: "Herinneringen weer aanzetten", value: `${c.id}:off` }
          : { id: SPOEDBERAAD_ACTION.quiet, label: "Stil (geen herinneringen)", value: `${c.id}:on` },
        { id: SPOEDBERAAD_ACTION.sources, label: "Waarom deze punten?", value: c.id },
      ],
    });
  } else {
    parts.push({ kind: "text", text: "Afgerond. De samenvatting staat eronder in het gesprek." });
  }
  return { parts, slot: slotOf(c.id), audience: "conversation" };
}

/**
 * Whose copy of the card should redraw itself when they look at it (Teams refresh.userIds): the
 * chair and everyone who changed an item, by the id the platform gives them (Teams `29:…`), most
 * recent changes first, at most MAX_WATCHERS.
 */
export function watchersOf(c: Checklist): string[] {
  const changed = c.items
    .filter((i) => i.changedBy && i.changedAt)
    .sort((a, b) => b.changedAt!.localeCompare(a.changedAt!))
    .map((i) => i.changedBy!);
  const ids = [c.chair, ...changed].map((p) => p.platformId ?? p.userId);
  return [...new Set(ids)].slice(0, MAX_WATCHERS);
}

/** Reminder times offered in the details form (minutes from now). */
const DUE_CHOICES: ReplyChoice[] = [
  { label: "Over 15 minuten", value: "15" },
  { label: "Over 30 minuten", value: "30" },
  { label: "Over 1 uur", value: "60" },
  { label: "Over 2 uur", value: "120" },
  { label: "Over 4 uur", value: "240" },
  { label: "Over 24 uur", value: "1440" },
];

/**
 * An item's note and owner as they were when its details form was opened: two short hashes,
 * carried in the form's id ("<checklistId>:<itemId>:<note>.<owner>"). On save only what the person
 * changed is written, and what a colleague changed meanwhile is not overwritten unseen (new-user
 * try: a form left open wiped a note saved later; a form opened before a colleague's note put the
 * older text back).
 */
export interface DetailsStamp {
  note: string;
  owner: string;
}

/** A short hash of a text, safe inside an action value (no ":" or "."). */
export function stampOf(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 8);
}

export function detailsStamp(item: Checklist["items"][number]): DetailsStamp {
  return { note: stampOf(item.note ?? ""), owner: stampOf(item.owner?.userId ?? "") };
}

/** The stamp in a details form's id; undefined for a form from before stamps (saved as before). */
export function parseDetailsStamp(text: string): DetailsStamp | undefined {
  const match = /^([\w-]{8})\.([\w-]{8})$/.exec(text);
  return match ? { note: match[1]!, owner: match[2]! } : undefined;
}

/**
 * Owner, reminder time and note of one item, filled in from stored state. Submitting comes back as
 * { id: details, value: "<checklistId>:<itemId>:<stamp>", fields: { owner, dueMinutes, note } }.
 */
export function detailsForm(
  c: Checklist,
  item: Checklist["items"][number],
  people: ReplyChoice[],
  errors: Record<string, string> = {},
  /** What was typed into a refused form, kept so nothing has to be chosen again. */
  typed: Partial<Record<"owner" | "dueMinutes" | "note", string>> = {},
  /** What the person has seen of the item (see DetailsStamp): by default, the item as stored. */
  stamp: DetailsStamp = detailsStamp(item),
): Extract<ReplyPart, { kind: "form" }> {
  const listed = item.owner && !people.some((p) => p.value === item.owner!.userId) ? [{ value: item.owner.userId, label: personName(item.owner, c.conversation.surface) }, ...people] : people;
  const shown = (userId: string) => (hidesUserIds(c.conversation.surface) ? personToken(c.id, userId) : userId);
  const options = listed.map((p) => ({ ...p, value: shown(p.value) }));
  const due = item.owner && item.state === "open" && !c.quiet ? reminderTime(item.dueAt) : undefined;
  const minutes = Math.round(c.reminderMs / 60_000);
  const error = (id: string) => (errors[id] ? { error: errors[id] } : {});
  return {
    kind: "form",
    formId: `${c.id}:${item.id}:${stamp.note}.${stamp.owner}`,
    title: "Details",
    description: `${checklistMark(item.state)} ${numberedItem(c.items.indexOf(item), item.label)}`,
    submitActionId: SPOEDBERAAD_ACTION.details,
    submitLabel: "Opslaan",
    fields: [
      {
        id: "owner",
        label: "Eigenaar",
        kind: "person",
        required: false,
        placeholder: "Kies iemand uit het gesprek",
        ...(typed.owner ? { value: shown(typed.owner) } : item.owner ? { value: shown(item.owner.userId) } : {}),
        ...(options.length > 0 ? { options } : {}),
        ...error("owner"),
      },
      {
        id: "dueMinutes",
        label: "Herinnering",
        kind: "choice",
        required: false,
        placeholder: due ? `Zoals nu (${due})` : `Standaard (over ${minutes} minuten)`,
        options: DUE_CHOICES,
        ...(typed.dueMinutes ? { value: typed.dueMinutes } : {}),
        ...error("dueMinutes"),
      },
      {
        id: "note",
        label: "Notitie",
        kind: "text",
        required: false,
        maxLength: NOTE_MAX_LENGTH,
        placeholder: "Kort, met alleen het casusnummer: geen namen, BSN of geboortedatum",
        ...(typed.note !== undefined ? { value: typed.note } : item.note ? { value: item.note } : {}),
        ...error("note"),
      },
    ],
    cancel: { id: SPOEDBERAAD_ACTION.show, label: "Annuleren", value: c.id },
  };
}

/**
 * A refused details form: the first reason on top, each next to its field; what was typed and
 * allowed comes back as typed (a refused note with its personal data replaced), the rest as stored
 * (new-user try: owner and reminder went back to the defaults after a refused note).
 */
export function detailsRefusal(
  c: Checklist,
  item: Checklist["items"][number],
  people: ReplyChoice[],
  errors: Record<string, string>,
  typed: Partial<Record<"owner" | "dueMinutes" | "note", string>> = {},
  stamp?: DetailsStamp,
): Reply {
  // The reasons stand next to their fields; above the form only that nothing was kept (new-user
  // try: the same refusal twice, above the form and under the note).
  const where = Object.keys(errors).length === 1 ? "de opmerking bij het veld" : "de opmerkingen bij de velden";
  return { parts: [{ kind: "notice", level: "warning", text: `Niet opgeslagen: kijk naar ${where} hieronder.` }, detailsForm(c, item, people, errors, typed, stamp)], audience: "private" };
}

export function notice(text: string, level: "info" | "warning" = "warning"): Reply {
  return { parts: [{ kind: "notice", level, text }], audience: "private" };
}

/**
 * The message slot of one close confirmation (`ask` is new for every "Afronden" press): its answer
 * ("Ja, afronden" or "Nog niet") takes its place, so the question does not stay open with live
 * buttons (Slack replaces the private message, the web closes it, a Slack DM updates it).
 */
export const closeSlotOf = (checklistId: string, ask: string): string => `spoedberaad-close:${checklistId}:${ask}`;

/** "Afronden" asks first, names what is still open, and offers "Nog niet". */
/** "Nog 2 punten staan open:" and those items as numbered on the card, with their owners. */
function openItemsText(c: Checklist): string {
  const open = c.items.filter((i) => i.state === "open");
  return [
    `Nog ${open.length} ${open.length === 1 ? "punt staat" : "punten staan"} open:`,
    ...open.map((i) => `• ${numberedItem(c.items.indexOf(i), i.label)}${i.owner ? ` · eigenaar: ${personName(i.owner, c.conversation.surface)}` : ""}`),
  ].join("\n");
}

/** The answer to "welke punten staan nog open?" typed while the checklist is open. */
export function openItemsReply(c: Checklist): Reply {
  const open = c.items.filter((i) => i.state === "open");
  const text = open.length === 0 ? "Alle punten zijn klaar of n.v.t. De voorzitter kan de checklist afronden." : openItemsText(c);
  return { parts: [{ kind: "text", text }], audience: "private" };
}

export function closeConfirmReply(c: Checklist, ask: string): Reply {
  const open = c.items.filter((i) => i.state === "open");
  const value = `${c.id}:${ask}`;
  return {
    parts: [
      {
        kind: "text",
        text:
          open.length === 0
            ? "Alle punten zijn klaar of n.v.t. Wil je de checklist afronden?"
            : [openItemsText(c), "Toch afronden?"].join("\n"),
      },
      {
        kind: "actions",
        actions: [
          { id: SPOEDBERAAD_ACTION.closeConfirmed, label: "Ja, afronden", value, style: "danger" },
          { id: SPOEDBERAAD_ACTION.keepOpen, label: "Nog niet", value },
        ],
      },
    ],
    audience: "private",
    slot: closeSlotOf(c.id, ask),
  };
}

/**
 * A colleague's name as the consult form takes it: a full name the privacy filter would refuse
 * there ("Sanne Jansen", as Teams and Slack give display names) by its first word, so the summary
 * the form is filled with is not refused for the team's own names.
 */
function colleagueInConsult(name: string): string {
  return findPersonalData(name).length > 0 ? name.split(/[\s,]+/)[0]! : name;
}

/**
 * Plain summary for the thread and for the consult request: done, n.v.t., open with owner, notes.
 * Items keep their number from the card (new-user try: the summary's unnumbered items were hard to
 * match with the card's).
 */
export function summaryText(c: Checklist, forConsult = false): string {
  const name = (p: Person) => (forConsult ? colleagueInConsult(personName(p, c.conversation.surface)) : personName(p, c.conversation.surface));
  const line = (i: Checklist["items"][number]) =>
    `${checklistMark(i.state)} ${numberedItem(c.items.indexOf(i), i.label)}${i.owner ? ` · eigenaar: ${name(i.owner)}` : ""}${i.note ? ` · notitie: ${i.note}` : ""}`;
  const group = (state: Checklist["items"][number]["state"], heading: string) => {
    const items = c.items.filter((i) => i.state === state);
    return items.length > 0 ? [`${heading} (${items.length}):`, ...items.map(line)] : [];
  };
  // Who took part: the chair and everyone who took up or changed an item, each once.
  const people = new Map<string, string>();
  for (const p of [c.chair, ...c.items.flatMap((i) => [i.owner, i.changedBy])]) if (p && !people.has(p.userId)) people.set(p.userId, name(p));
  const held = c.closedAt ? `, ${meetingTime(c.createdAt, c.closedAt)}` : "";
  return [
    `${titleOf(c)}${held}, voorzitter ${name(c.chair)}.`,
    ...(people.size > 1 ? [`Deelnemers: ${[...people.values()].join(", ")}.`] : []),
    ...group("done", "Klaar"),
    ...group("nvt", "N.v.t."),
    ...group("open", "Nog open"),
    ...(c.routeSummary ? ["", "Uit de plaatsingsroute, vóór dit spoedberaad:", ...routeSummaryBefore(c.routeSummary)] : []),
  ].join("\n");
}

/**
 * When a spoedberaad was held, in Dutch time: "vr 4 dec 14:02-14:40", or with both dates when it
 * ran past midnight.
 */
function meetingTime(startIso: string, endIso: string): string {
  const zone = { timeZone: "Europe/Amsterdam" } as const;
  const day = (iso: string) => new Date(iso).toLocaleDateString("nl-NL", { ...zone, weekday: "short", day: "numeric", month: "short" });
  const clock = (iso: string) => new Date(iso).toLocaleTimeString("nl-NL", { ...zone, hour: "2-digit", minute: "2-digit" });
  return day(startIso) === day(endIso) ? `${day(startIso)} ${clock(startIso)}-${clock(endIso)}` : `${day(startIso)} ${clock(startIso)} - ${day(endIso)} ${clock(endIso)}`;
}

/**
 * The route's summary as it stood when the checklist started, without the route's own next step:
 * that step was this spoedberaad, and under a closed checklist it read as still to do (new-user
 * try: "Volgende stap: Organiseer een spoedberaad …" under the summary of the one just held).
 */
function routeSummaryBefore(routeSummary: string): string[] {
  return routeSummary.split("\n").filter((line) => !line.startsWith(ROUTE_NEXT_STEP));
}

/** How the route's summary names its next step (see summaryText in routeReplies). */
const ROUTE_NEXT_STEP = "Volgende stap:";

/**
 * The summary posted in the thread on closing, with the hand-over to a consult request at the
 * Servicepunt (HSJ expertise at a spoedberaad goes through it): the button opens the consult form
 * with this summary filled in.
 */
export function summaryReply(c: Checklist): Reply {
  return {
    parts: [
      { kind: "heading", text: `Samenvatting ${titleOf(c)}` },
      { kind: "text", text: summaryText(c) },
      { kind: "text", text: "Wil je het Servicepunt om raad vragen? Dien een consultaanvraag in: de samenvatting staat er dan al in." },
      { kind: "actions", actions: [summaryHandover(c)] },
    ],
    audience: "conversation",
  };
}

/** The summary's hand-over into a consult request at the Servicepunt: summary, casusnummer, spoed. */
export function summaryHandover(c: Checklist): ReplyAction {
  return consultHandoverAction("servicepunt", summaryText(c, true), c.casus, "spoed");
}

/** How a consult form filled in from this checklist's summary names where it came from. */
export function handoverSource(c: Checklist): string {
  return `de samenvatting van ${titleOf(c).replace(/^Spoedberaad/, "het spoedberaad")}`;
}

/** The owner's reminder in the card's thread: it @-mentions the owner, so they are notified. */
export function reminderReply(c: Checklist, item: Checklist["items"][number]): Reply {
  const after = `: "${item.label}" staat nog ${checklistStateName(item.state)} (${titleOf(c)}).`;
  if (!item.owner) return { parts: [{ kind: "text", text: `⏰ Herinnering voor het team${after}` }], audience: "conversation" };
  const { surface } = c.conversation;
  const person = {
    userId: unqualifiedUserId(surface, item.owner.userId),
    ...(item.owner.platformId ? { platformId: unqualifiedUserId(surface, item.owner.platformId) } : {}),
    name: personName(item.owner, c.conversation.surface),
  };
  return { parts: [{ kind: "mention", person, before: "⏰ Herinnering voor ", after }], audience: "conversation" };
}

export function sourcesReply(c: Checklist, sources: Array<Omit<SourceCitation, "n"> & { label: string }>, item?: number): Reply {
  // One item asked for ("waarom punt 8?"): its number, as the card shows it.
  const text = item !== undefined && sources.length === 1 ? `Punt ${item}: ${sources[0]!.label} [1]` : sources.map((s, i) => `[${i + 1}] ${s.label}`).join("\n");
  return {
    parts: [
      { kind: "text", text },
      { kind: "sources", title: item !== undefined ? `Bron bij punt ${item} van ${c.title}` : `Bronnen bij ${c.title}`, sources: sources.map(({ label: _label, ...s }, i) => ({ n: i + 1, ...s })) },
    ],
    audience: "private",
  };
}
