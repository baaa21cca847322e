import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Message text never goes into logs by default (it may describe a
 * minor); callers log ids, kinds and counts. The redact list is a second line of defence.
 */
export function createLogger(level = "info", destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: "wegwijs" },
      redact: { paths: ["text", "*.text", "question", "*.question", "body", "*.body"], censor: "[verborgen]" },
    },
    destination ?? process.stdout,
  );
}
