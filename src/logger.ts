import { pino, type Logger } from "pino";
import { redacted } from "./privacy/personalData.js";

export type { Logger };

/**
 * Structured JSON logs. Message text never goes into logs by default (it may describe a
 * minor); callers log ids, kinds and counts. The redact list is a second line of defence, and
 * a third: every string in a log line passes the privacy guard (an id or an error message that
 * happens to carry an e-mail address or a BSN is written redacted).
 */
export function createLogger(level = "info", destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: "wegwijs" },
      redact: { paths: ["text", "*.text", "question", "*.question", "body", "*.body"], censor: "[verborgen]" },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => guardedLogValue(arg, 0)) as Parameters<typeof method>);
        },
      },
    },
    destination ?? process.stdout,
  );
}

/** Strings redacted by the privacy guard, a few levels deep; errors and other values as they are. */
function guardedLogValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return value.length > 10_000 ? "[te lang om te loggen]" : redacted(value);
  if (depth >= 3 || value === null || typeof value !== "object" || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => guardedLogValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = guardedLogValue(v, depth + 1);
  return out;
}
