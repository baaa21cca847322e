import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { createWegwijs, type Wegwijs } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";

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
  // One answer worker: the real pooled path, at half the start-up cost per app on a shared test machine.
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", WEGWIJS_DATA_DIR: dataDir, LOG_LEVEL: "info", WEGWIJS_ANSWER_WORKERS: "1", ...env }, repoRoot);
  const logger = createLogger(config.logLevel, collector(logs));

  let app: Wegwijs;
  try {
    app = await createWegwijs(config, logger);
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
