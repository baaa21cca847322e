import type { Router } from "express";
import type { Deliverer } from "../bot/delivery.js";
import type { Directory, SurfaceDirectory } from "../bot/directory.js";
import type { Bot } from "../router/router.js";
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
  /** Posts and updates messages outside a request (notifications, redraws, outbox jobs). */
  readonly deliverer?: Deliverer;
  /** Names and membership of this surface's people. */
  readonly directory?: SurfaceDirectory;
}

export interface SurfaceDeps {
  bot: Bot;
  /** Idempotency claims, conversation references, per-surface state. */
  store: KeyValueStore;
  logger: Logger;
  documentCount: () => number;
  /** Resolves actors; surfaces do not decide roles, handlers do. */
  directory: Directory;
  /** How long per-conversation state (message slots) is kept. */
  stateTtlSeconds: number;
  /** The configured region (name, example questions) for onboarding, e.g. Slack's suggested prompts. */
  region?: SmallTalkRegion;
}
