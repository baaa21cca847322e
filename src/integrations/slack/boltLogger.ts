import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/** Strings and error messages only: Bolt passes request bodies and API arguments as objects. */
function line(parts: unknown[]): string {
  return parts
    .map((part) => (part instanceof Error ? part.message : typeof part === "string" ? part : "[object]"))
    .join(" ");
}

/**
 * Bolt's and the WebClient's logger interface on top of pino. Their debug lines print request
 * bodies and API arguments (message text), so debug is never forwarded.
 */
export function boltLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => logger.info({ component: "bolt" }, line(msg)),
    warn: (...msg: unknown[]) => logger.warn({ component: "bolt" }, line(msg)),
    error: (...msg: unknown[]) => logger.error({ component: "bolt" }, line(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
