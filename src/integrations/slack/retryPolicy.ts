import type { webApi } from "@slack/bolt";

/**
 * What @slack/web-api throws after it has waited out a 429's Retry-After: a plain Error with this
 * message, which its own catch then wraps in a WebAPIRequestError (as `original`).
 */
const RATE_LIMITED = /^A rate limit was exceeded/;

/**
 * Retries for Web API calls made while handling a request: only what Slack certainly did not
 * carry out, i.e. a 429 (the client has already waited its Retry-After) or a connection that
 * was refused. A call that timed out or broke off may have posted; posting it again would
 * answer twice, so it fails and is logged instead.
 */
export const requestRetryPolicy: webApi.RetryOptions & { onFailedAttempt(error: Error): void } = {
  retries: 2,
  factor: 2,
  minTimeout: 300,
  maxTimeout: 2000,
  onFailedAttempt: (error: Error) => {
    if (!certainlyNotCarriedOut(error)) throw error;
  },
};

export function certainlyNotCarriedOut(error: Error): boolean {
  const original = (error as { original?: { message?: string; cause?: { code?: string } } }).original;
  if (RATE_LIMITED.test(error.message) || RATE_LIMITED.test(original?.message ?? "")) return true;
  return original?.cause?.code === "ECONNREFUSED";
}
