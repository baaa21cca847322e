import { DeliveryError, type DeliveryTarget, type MessageRef, SurfaceUnavailableError } from "../bot/delivery.js";
import type { Reply } from "../bot/reply.js";
import { PermanentJobError, RetryAfterError, type JobQueue } from "../jobs/jobQueue.js";
import type { OutboxMessage } from "../records/recordStore.js";
import type { Logger } from "../logger.js";
import { type MessageSlots, showReply } from "./messageSlots.js";
import type { Delivery } from "../bot/delivery.js";

/** The job that turns an outbox entry into a message on a surface. */
export const DELIVER_JOB = "deliver";

export interface DeliverJobData {
  target: DeliveryTarget;
  /** A reply with a slot updates that slot's message (a checklist card, a consult card). */
  reply: Reply;
}

/** An outbox message that delivers `reply` to `target` once the record change is stored. */
export function deliverMessage(target: DeliveryTarget, reply: Reply, options: { jobId?: string; delayMs?: number } = {}): OutboxMessage {
  return { type: DELIVER_JOB, payload: { target, reply } satisfies DeliverJobData, ...options };
}

/**
 * Registers the deliver job: a failed Slack or Teams call becomes a retry (after the platform's
 * Retry-After when it gave one), a refusal that cannot change (channel gone, app removed) a
 * dead letter with its reason; the record change that caused the message is never undone.
 */
export function registerDeliveryJobs(jobs: JobQueue, delivery: Delivery, slots: MessageSlots, logger: Logger): void {
  jobs.register<DeliverJobData>(
    DELIVER_JOB,
    async ({ target, reply }, { attempt }) => {
      const ref = await showForJob(delivery, slots, target, reply, attempt, logger);
      logger.debug({ surface: ref.surface, attempt }, "delivered");
    },
    { attempts: 10, backoffMs: 1000 },
  );
}

/**
 * Shows a reply from inside a job, with the platform's failure turned into what the job system
 * understands: a retry after Retry-After, or a dead letter for a refusal that cannot change.
 * Features with their own delivery jobs (a card drawn from the current record) use it too.
 */
export async function showForJob(
  delivery: Pick<Delivery, "deliver">,
  slots: MessageSlots,
  target: DeliveryTarget,
  reply: Reply,
  attempt: number,
  logger: Logger,
): Promise<MessageRef> {
  try {
    return await showReply(delivery, slots, target, reply);
  } catch (error) {
    if (error instanceof SurfaceUnavailableError) throw new PermanentJobError(error.message);
    if (error instanceof DeliveryError) {
      logger.warn({ surface: target.surface, attempt, status: error.details.status, code: error.details.code }, "delivery failed; will retry unless permanent");
      if (error.details.permanent) throw new PermanentJobError(error.message);
      if (error.details.retryAfterMs !== undefined) throw new RetryAfterError(error.message, error.details.retryAfterMs);
    }
    throw error;
  }
}
