import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { type KeyValueStore, storeKey } from "../../stores/keyValueStore.js";
import type { TurnScheduler } from "./turnScheduler.js";

/** The Events API types this app subscribes to (see manifests/slack.yaml) and handles. */
export const HANDLED_EVENT_TYPES: ReadonlySet<string> = new Set([
  "message",
  "app_mention",
  "app_home_opened",
  "assistant_thread_started",
]);

/** Slack retries an event for up to about an hour; a claim must outlive the last retry. */
export const EVENT_CLAIM_TTL_SECONDS = 3600;

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
}

/**
 * First global middleware after Bolt's ignoreSelf. Events are already acked by Bolt at this
 * point; here every event_id is claimed once in the shared store (SET NX), so a retry
 * (X-Slack-Retry-Num) or a second delivery of the same event, to this or another instance,
 * never produces a second reply. Interactive payloads are never redelivered by Slack.
 */
export function deliveryMiddleware(options: DeliveryOptions): Middleware<AnyMiddlewareArgs> {
  const { store, logger } = options;
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
        let first = true;
        try {
          first = await store.claim(storeKey("idempotency", "slack", eventId), EVENT_CLAIM_TTL_SECONDS);
        } catch (error) {
          // Fail open: without the store the bot cannot answer well anyway, but it can say so.
          logger.warn({ eventId, err: (error as Error).message }, "slack idempotency claim failed; handling anyway");
        }
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
    await args.next();
  }
}
