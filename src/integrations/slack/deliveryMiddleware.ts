import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { createHash } from "node:crypto";
import type { Logger } from "../../logger.js";
import { DuplicateCheck } from "../../stores/duplicateCheck.js";
import { type KeyValueStore, storeKey } from "../../stores/keyValueStore.js";
import type { TurnScheduler } from "../turnScheduler.js";

/** The Events API types this app subscribes to (see manifests/slack.yaml) and handles. */
export const HANDLED_EVENT_TYPES: ReadonlySet<string> = new Set([
  "message",
  "app_mention",
  "app_home_opened",
  "assistant_thread_started",
]);

/** Slack retries an event for up to about an hour; a claim must outlive the last retry. */
export const EVENT_CLAIM_TTL_SECONDS = 3600;
/** Commands and interactions are signed for five minutes; a replay inside that window is dropped. */
export const INTERACTION_CLAIM_TTL_SECONDS = 600;

export interface DeliveryOptions {
  store: KeyValueStore;
  logger: Logger;
  /** Called with all work done for a request, so stop() can wait for what runs after the ack. */
  track: (work: Promise<void>) => Promise<void>;
  /** Spaces event work over loop turns so acks for new requests are not stuck behind searches. */
  scheduler: TurnScheduler;
}

interface EventEnvelope {
  event_id?: unknown;
  event?: { type?: unknown };
  trigger_id?: unknown;
}

/** A slash command's or interaction's identity: its trigger_id, else a hash of the whole payload. */
export function interactionKey(body: EventEnvelope): string {
  if (typeof body.trigger_id === "string" && body.trigger_id !== "") return `trigger:${body.trigger_id}`;
  return `payload:${createHash("sha256").update(JSON.stringify(body)).digest("base64url")}`;
}

/**
 * First global middleware after Bolt's ignoreSelf. Events are already acked by Bolt at this
 * point; here every event_id is claimed once in the shared store (SET NX), so a retry
 * (X-Slack-Retry-Num) or a second delivery of the same event, to this or another instance,
 * never produces a second reply. Slash commands and interactions are claimed by trigger_id (or
 * a hash of the payload) for ten minutes: Slack does not redeliver them, but a replayed signed
 * request must not act twice. When the store is down, this process's memory decides.
 */
export function deliveryMiddleware(options: DeliveryOptions): Middleware<AnyMiddlewareArgs> {
  const { logger } = options;
  const duplicates = new DuplicateCheck(options.store, logger);
  // Tracked from the first line: the ack is out already, so stop() must see the claim too.
  return (args) => options.track(deliver(args));

  async function deliver(args: Parameters<Middleware<AnyMiddlewareArgs>>[0]): Promise<void> {
    const body = args.body as EventEnvelope;
    if (body.event !== undefined) {
      const eventType = typeof body.event.type === "string" ? body.event.type : "?";
      if (!HANDLED_EVENT_TYPES.has(eventType)) {
        // Acked with 200 already (a non-200 would make Slack retry and eventually disable the URL).
        logger.warn({ eventType }, "slack event type not handled");
        return;
      }
      const eventId = typeof body.event_id === "string" ? body.event_id : undefined;
      if (eventId !== undefined) {
        const first = await duplicates.first(storeKey("idempotency", "slack", eventId), EVENT_CLAIM_TTL_SECONDS);
        if (!first) {
          logger.info(
            { eventId, eventType, retryNum: args.context.retryNum, retryReason: args.context.retryReason },
            "slack duplicate delivery dropped",
          );
          return;
        }
      }
      // Events are acked before middleware runs; commands and actions ack inside their
      // listeners, so only events may wait for a turn.
      await options.scheduler.run(() => args.next());
      return;
    }
    const key = interactionKey(body);
    if (!(await duplicates.first(storeKey("idempotency", "slack-interaction", key), INTERACTION_CLAIM_TTL_SECONDS))) {
      logger.info({ kind: key.split(":")[0] }, "slack duplicate command or interaction dropped");
      // Acked here, since no listener runs for it (Slack would otherwise show an error).
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    await args.next();
  }
}
