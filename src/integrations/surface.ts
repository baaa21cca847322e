import type { Router } from "express";
import type { Bot } from "../bot/bot.js";
import type { SmallTalkRegion } from "../handlers/smallTalk.js";
import type { Logger } from "../logger.js";
import type { KeyValueStore } from "../stores/keyValueStore.js";

/** A chat platform adapter: parses platform requests into Incoming, renders Reply back. */
export interface Surface {
  readonly name: "slack" | "teams";
  /** Mounted on the one HTTP server; parses its own request bodies. */
  readonly router: Router;
  /** Long-lived connections (Slack Socket Mode); HTTP-only surfaces need none. */
  start?(): Promise<void>;
  /** Finish in-flight work and close connections. */
  stop(): Promise<void>;
}

export interface SurfaceDeps {
  bot: Bot;
  /** Idempotency claims, conversation references, per-surface state. */
  store: KeyValueStore;
  logger: Logger;
  documentCount: () => number;
  /** The configured region (name, example questions) for onboarding, e.g. Slack's suggested prompts. */
  region?: SmallTalkRegion;
}
