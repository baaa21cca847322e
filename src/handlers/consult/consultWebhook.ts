import { createHmac, timingSafeEqual } from "node:crypto";
import { PermanentJobError, RetryAfterError } from "../../jobs/jobQueue.js";
import type { WebhookEvent } from "./consultService.js";

export const SIGNATURE_HEADER = "x-wegwijs-signature";
export const TIMESTAMP_HEADER = "x-wegwijs-timestamp";
export const DELIVERY_HEADER = "x-wegwijs-delivery";

/** `sha256=` + hex HMAC-SHA256 over "<timestamp>.<body>", with the shared secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * What a receiver does (documented in the README): recompute the signature over the timestamp
 * header, a dot and the raw body, compare in constant time, and refuse old timestamps.
 */
export function verifyWebhook(secret: string, headers: { signature?: string; timestamp?: string }, body: string, options: { toleranceSeconds?: number; now?: number } = {}): boolean {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  const age = Math.abs((options.now ?? Date.now()) / 1000 - Number(timestamp));
  if (age > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** One signed POST; a failure the receiver may recover from is retried by the job system. */
export async function postWebhook(url: string, secret: string, event: WebhookEvent, now = Date.now()): Promise<void> {
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(now / 1000));
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
        [DELIVERY_HEADER]: event.deliveryId,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new Error(`webhook unreachable: ${(error as Error).message.slice(0, 120)}`);
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.ok) return;
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after") ?? "5");
    throw new RetryAfterError("webhook rate limited", (Number.isFinite(seconds) ? seconds : 5) * 1000);
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 408) throw new PermanentJobError(`webhook refused: HTTP ${response.status}`);
  throw new Error(`webhook failed: HTTP ${response.status}`);
}
