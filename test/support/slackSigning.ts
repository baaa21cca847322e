import { createHmac } from "node:crypto";

/** Slack's v0 request signature: "v0=" + hex HMAC-SHA256 of "v0:{timestamp}:{raw body}". */
export function slackSignature(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export interface SendOptions {
  /** Defaults to now; set an old value to test the replay window. */
  timestamp?: number;
  /** Overrides the computed signature (e.g. a wrong one). */
  signature?: string;
  /** Adds X-Slack-Retry-Num (and a retry reason) like Slack's redeliveries. */
  retryNum?: number;
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  contentType: string | null;
  text: string;
  /** Parsed JSON body, when there is one. */
  json?: any;
}

/** Sends signed requests to the app exactly as Slack does (same headers, same body formats). */
export class SlackRequests {
  constructor(
    private readonly url: string,
    private readonly signingSecret: string,
  ) {}

  /** Any raw body with any content type, signed over the exact bytes sent. */
  async raw(rawBody: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? nowSeconds();
    const headers: Record<string, string> = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? slackSignature(this.signingSecret, timestamp, rawBody),
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      ...(options.retryNum !== undefined
        ? { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" }
        : {}),
      ...options.headers,
    };
    const response = await fetch(this.url, { method: "POST", headers, body: rawBody });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, contentType: response.headers.get("content-type"), text, json };
  }

  /** Events API: a JSON body (event_callback, url_verification). */
  event(payload: object, options?: SendOptions): Promise<SlackResponse> {
    return this.raw(JSON.stringify(payload), "application/json", options);
  }

  /** Slash command: the fields as a form. */
  command(fields: Record<string, string>, options?: SendOptions): Promise<SlackResponse> {
    return this.raw(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", options);
  }

  /** Interactivity (block_actions, shortcut, view_submission): a form with one `payload` field holding JSON. */
  interaction(payload: object, options?: SendOptions): Promise<SlackResponse> {
    return this.raw(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded", options);
  }
}
