import type { ChecklistItem, ReplyPart } from "./reply.js";

/**
 * The words every surface uses for a shared checklist, so Slack, Teams and the web say the same.
 * Plain text (no markup): each renderer escapes it for its own format.
 */
type ChecklistPart = Extract<ReplyPart, { kind: "checklist" }>;
export type ChecklistState = ChecklistItem["state"];

const MARKS: Record<ChecklistState, string> = { open: "⬜", done: "✅", nvt: "➖" };
/** Button labels: the state a press sets. */
const BUTTONS: Record<ChecklistState, string> = { done: "Klaar", nvt: "N.v.t.", open: "Weer open" };
const NAMES: Record<ChecklistState, string> = { open: "open", done: "klaar", nvt: "n.v.t." };

export const checklistMark = (state: ChecklistState): string => MARKS[state];
export const checklistButtonLabel = (state: ChecklistState): string => BUTTONS[state];
export const checklistStateName = (state: ChecklistState): string => NAMES[state];
/**
 * An item as the card shows it, with its number: people refer to items by number in the chat
 * ("vink punt 3 af"), so every surface numbers them the same way (the web page does it itself).
 */
export const numberedItem = (index: number, label: string): string => `${index + 1}. ${label.trim()}`;
export const OWNER_BUTTON_LABEL = "Ik pak dit op";
/** Opens owner, reminder time and note of one item. */
export const DETAILS_BUTTON_LABEL = "Details";

/** "14:05" in Dutch time; an unreadable time is left out. */
export function clockTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toLocaleTimeString("nl-NL", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit" });
}

/** The calendar day in Dutch time, as "2026-12-04". */
const amsterdamDay = (ms: number) => new Date(ms).toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });

/**
 * A reminder's time as a colleague reads it: "15:00" today, "morgen 15:00", else "wo 9 dec 15:00".
 * A bare time for a reminder a day away read as one due now (new-user try: "herinnering 23:10").
 */
export function reminderTime(iso: string | undefined, now = Date.now()): string | undefined {
  const clock = clockTime(iso);
  if (!clock) return undefined;
  const due = new Date(iso!).getTime();
  if (amsterdamDay(due) === amsterdamDay(now)) return clock;
  if (amsterdamDay(due) === amsterdamDay(now + 86_400_000)) return `morgen ${clock}`;
  const date = new Date(due).toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", weekday: "short", day: "numeric", month: "short" });
  return `${date} ${clock}`;
}

/** "3 van 9 klaar, 1 n.v.t." plus "afgerond" for a closed one; the chair after it. */
export function checklistStatusLine(part: ChecklistPart): string {
  const done = part.items.filter((i) => i.state === "done").length;
  const nvt = part.items.filter((i) => i.state === "nvt").length;
  const count = part.items.length === 0 ? "Nog geen punten." : `${done} van ${part.items.length} klaar${nvt > 0 ? `, ${nvt} n.v.t.` : ""}`;
  return `${part.status === "closed" ? "Afgerond · " : ""}${count} · voorzitter: ${part.chair}`;
}

/**
 * Who has it and who changed it when: "Sanne pakt het op (herinnering 15:00) · gewijzigd 14:02" when
 * Sanne made the last change to an open item herself, "Eigenaar: Sanne (…) · gewijzigd door Kees, 14:02"
 * when someone else did or the item is done (new-user try: the chair named a colleague owner, and
 * the card said the colleague had taken it up).
 */
export function checklistItemMeta(item: ChecklistItem): string {
  const pieces: string[] = [];
  if (item.owner) {
    const due = item.state === "open" ? reminderTime(item.dueAt) : undefined;
    // Only an open item is being taken up; a done one has an owner (team try: "Sanne pakt het op"
    // stood under a finished item).
    const ownedBy = item.state === "open" && (!item.changedBy || item.changedBy === item.owner) ? `${item.owner} pakt het op` : `Eigenaar: ${item.owner}`;
    pieces.push(`${ownedBy}${due ? ` (herinnering ${due})` : ""}`);
  }
  if (item.changedBy) {
    const at = clockTime(item.changedAt);
    // The owner's own change needs no second mention of their name ("Bram pakt het op · gewijzigd door Bram").
    if (item.changedBy !== item.owner) pieces.push(`gewijzigd door ${item.changedBy}${at ? `, ${at}` : ""}`);
    else if (at) pieces.push(`gewijzigd ${at}`);
  }
  return pieces.join(" · ");
}

/** The target states a button can set from `state` (never the state it already has). */
export function checklistTargets(state: ChecklistState): ChecklistState[] {
  return (["done", "nvt", "open"] as const).filter((s) => s !== state);
}
