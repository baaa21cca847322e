import { DeliveryError, SurfaceUnavailableError, type Delivery, type DeliveryTarget } from "../../bot/delivery.js";
import type { Surface } from "../../bot/actor.js";
import type { Reply } from "../../bot/reply.js";
import { type MessageSlots, showReply } from "../../delivery/messageSlots.js";
import { PermanentJobError, RetryAfterError, throttleSlot, type JobQueue } from "../../jobs/jobQueue.js";
import type { Logger } from "../../logger.js";
import type { OutboxMessage, RecordStore } from "../../records/recordStore.js";
import type { Checklist } from "./checklistRecord.js";
import { cardReply, reminderReply, slotOf, summaryReply } from "./spoedberaadReplies.js";

export const REDRAW_JOB = "spoedberaad.redraw";
export const REMIND_JOB = "spoedberaad.remind";
export const SUMMARY_JOB = "spoedberaad.summary";
/**
 * At most one redraw per checklist per window: one a second keeps Slack (chat.update, tier 3) and
 * Teams (updateActivity) inside their rate limits. The web has no such limit, so its window is
 * short: a tick shows on colleagues' pages well within a second.
 */
export const REDRAW_WINDOW_MS = 1000;
const REDRAW_WINDOW_MS_BY_SURFACE: Record<Surface, number> = { slack: REDRAW_WINDOW_MS, teams: REDRAW_WINDOW_MS, web: 250 };

interface ChecklistJob {
  checklistId: string;
}
interface ReminderJob extends ChecklistJob {
  itemId: string;
  /** The item's rev when the reminder was set: any later change makes this reminder stale. */
  rev: number;
}

/**
 * A redraw of the card from stored state. Changes within one window share one job id (throttleSlot),
 * so a burst of clicks is one chat.update; the job reads the state when it runs, so it shows every
 * change of its window.
 */
export function redrawMessage(checklistId: string, surface: Surface, reason: "start" | "change", now = Date.now()): OutboxMessage {
  if (reason === "start") return { type: REDRAW_JOB, payload: { checklistId } satisfies ChecklistJob, jobId: `spoedberaad-redraw:${checklistId}:start` };
  return { type: REDRAW_JOB, payload: { checklistId } satisfies ChecklistJob, ...throttleSlot(`spoedberaad-redraw:${checklistId}`, REDRAW_WINDOW_MS_BY_SURFACE[surface], now) };
}

/** Job ids carry the item's rev: a reminder for an item that changed since is a different id and finds a newer rev. */
export function reminderMessage(checklistId: string, itemId: string, rev: number, delayMs: number): OutboxMessage {
  return { type: REMIND_JOB, payload: { checklistId, itemId, rev } satisfies ReminderJob, jobId: `spoedberaad-remind:${checklistId}:${itemId}:${rev}`, delayMs };
}

export function summaryMessage(checklistId: string): OutboxMessage {
  // After the closing redraw's window, so the summary follows the closed card.
  return { type: SUMMARY_JOB, payload: { checklistId } satisfies ChecklistJob, jobId: `spoedberaad-summary:${checklistId}`, delayMs: REDRAW_WINDOW_MS + 200 };
}

function targetOf(c: Checklist): DeliveryTarget {
  const { surface, conversationId, threadId } = c.conversation;
  return { kind: "conversation", surface, conversationId, ...(threadId ? { threadId } : {}) };
}

/** Same failure mapping as the deliver job: a platform's Retry-After is honoured, a permanent refusal is a dead letter. */
function asJobError(error: unknown): unknown {
  if (error instanceof SurfaceUnavailableError) return new PermanentJobError(error.message);
  if (error instanceof DeliveryError) {
    if (error.details.permanent) return new PermanentJobError(error.message);
    if (error.details.retryAfterMs !== undefined) return new RetryAfterError(error.message, error.details.retryAfterMs);
  }
  return error;
}

export function registerSpoedberaadJobs(deps: {
  jobs: JobQueue;
  delivery: Delivery;
  slots: MessageSlots;
  store: RecordStore<Checklist>;
  logger: Logger;
}): void {
  const { jobs, delivery, slots, store, logger } = deps;

  /** In the card's thread: Slack threads hang under the card's message; elsewhere the conversation. */
  const inThread = async (c: Checklist): Promise<DeliveryTarget> => {
    const target = targetOf(c);
    if (target.kind !== "conversation" || target.surface !== "slack" || target.threadId) return target;
    const card = await slots.get(target, slotOf(c.id));
    return card ? { ...target, threadId: card.messageId } : target;
  };
  const show = async (target: DeliveryTarget, reply: Reply) => {
    try {
      await showReply(delivery, slots, target, reply);
    } catch (error) {
      throw asJobError(error);
    }
  };

  jobs.register<ChecklistJob>(
    REDRAW_JOB,
    async ({ checklistId }) => {
      const record = await store.get(checklistId);
      if (!record) return;
      await show(targetOf(record.value), cardReply(record));
      // A change that committed while this window's redraw was already running has its own redraw
      // in this window's id, which is taken: it would never be shown. Seen: under load, the last of
      // 160 concurrent changes stayed off the card. So look again, and redraw in the next window.
      const latest = await store.get(checklistId);
      if (latest && latest.version > record.version) {
        const { surface } = latest.value.conversation;
        await jobs.enqueue<ChecklistJob>(REDRAW_JOB, { checklistId }, throttleSlot(`spoedberaad-redraw:${checklistId}`, REDRAW_WINDOW_MS_BY_SURFACE[surface]));
      }
    },
    { attempts: 10, backoffMs: 1000 },
  );

  jobs.register<ReminderJob>(
    REMIND_JOB,
    async ({ checklistId, itemId, rev }) => {
      const record = await store.get(checklistId);
      const c = record?.value;
      const item = c?.items.find((i) => i.id === itemId);
      // Changed, done, n.v.t., closed or quiet since it was set: nothing to remind.
      if (!c || !item || item.rev !== rev || item.state !== "open" || !item.owner || c.status !== "open" || c.quiet) return;
      await show(await inThread(c), reminderReply(c, item));
      logger.info({ surface: c.conversation.surface }, "spoedberaad herinnering verstuurd");
    },
    { attempts: 10, backoffMs: 1000 },
  );

  jobs.register<ChecklistJob>(
    SUMMARY_JOB,
    async ({ checklistId }) => {
      const record = await store.get(checklistId);
      if (!record || record.value.status !== "closed") return;
      await show(await inThread(record.value), summaryReply(record.value));
    },
    { attempts: 10, backoffMs: 1000 },
  );
}
