import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { createWegwijs, type Wegwijs } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { afterAll } from "vitest";
import { cleanPrefix, testPrefix } from "./redis.js";

/**
 * One Redis key prefix per test file (vitest loads this module once per file): the apps a file
 * starts share state and job queue with each other (restarts, two instances), never with another
 * file's apps, whose outbox relay and workers would otherwise take this file's jobs.
 */
export const appKeyPrefix = testPrefix("app");
// Benchmarks start the app outside vitest, where there is no suite to hook into; they clean up
// through cleanAppKeys() themselves.
if (process.env.VITEST) afterAll(() => cleanPrefix(appKeyPrefix));

/** Removes every key the apps of this process wrote (for callers outside vitest). */
export function cleanAppKeys(): Promise<void> {
  return cleanPrefix(appKeyPrefix);
}

/** The repository root, so the default corpus resolves the same way as for `npm start`. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningWegwijs {
  /** e.g. "http://127.0.0.1:41234", no trailing slash. */
  baseUrl: string;
  /** Every log line written so far (raw JSON strings, one per line). */
  logs: string[];
  app: Wegwijs;
  /** Closes the server and the store, then removes the temp data dir (unless one was given). Idempotent. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Reuse this data dir instead of a fresh temp dir (it is not removed on close). */
  dataDir?: string;
  /** Share a log collector across several app instances. */
  logs?: string[];
  /** Handlers added to the registry (test features in test/fixtures/handlers/). */
  extraHandlers?: import("../../src/bot/chatHandler.js").ChatHandler[];
}

/** Collects pino's JSON lines; a chunk may hold several lines. */
function collector(lines: string[]): Writable {
  let pending = "";
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      pending += chunk.toString();
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      for (const line of parts) if (line.trim() !== "") lines.push(line);
      callback();
    },
  });
}

/**
 * Starts the real app (createWegwijs + listen) on 127.0.0.1 port 0 with a temp data dir.
 * `env` adds or overrides variables (REDIS_URL, OPENAI_*, LOG_LEVEL, ...); the process
 * environment is NOT read, so a developer's shell settings never leak into a test.
 */
export async function startWegwijs(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningWegwijs> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "wegwijs-test-")));
  const logs = options.logs ?? [];
  const config = loadConfig(
    {
      PORT: "0",
      HOST: "127.0.0.1",
      WEGWIJS_DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      WEGWIJS_REDIS_PREFIX: appKeyPrefix,
      // One answer worker: the real pooled path, at half the start-up cost per app on a shared test machine.
      WEGWIJS_ANSWER_WORKERS: "1",
      // Route walks send thousands of requests a minute from one address; rate-limit tests set their own.
      WEGWIJS_RATE_LIMIT_PER_MINUTE: "1000000",
      WEGWIJS_RATE_LIMIT_IP_PER_MINUTE: "1000000",
      ...env,
    },
    repoRoot,
  );
  const logger = createLogger(config.logLevel, collector(logs));

  let app: Wegwijs;
  try {
    app = await createWegwijs(config, logger, { extraHandlers: options.extraHandlers });
  } catch (error) {
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let server;
  try {
    server = await app.listen();
  } catch (error) {
    await app.close().catch(() => undefined);
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    app,
    close: () =>
      (closed ??= (async () => {
        try {
          await app.close();
        } finally {
          if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
        }
      })()),
  };
}
