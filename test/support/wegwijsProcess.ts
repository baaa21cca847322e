import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface WegwijsProcess {
  /** e.g. "http://127.0.0.1:41234", no trailing slash. */
  baseUrl: string;
  child: ChildProcess;
  /** Every JSON log line the process wrote to stdout so far, parsed. */
  logs: Array<Record<string, unknown>>;
  /** SIGKILL: no shutdown of any kind (a crash). Idempotent. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop of `npm start`. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the real Wegwijs (`src/main.ts`, as `npm start` does) as a separate OS process and waits
 * for its "Wegwijs draait" log line. Only `env` (plus PATH and HOME) is passed: a developer's
 * shell settings never leak in. Use PORT=0 so each process gets its own port.
 */
export async function spawnWegwijs(env: Record<string, string>): Promise<WegwijsProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const logs: Array<Record<string, unknown>> = [];
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => reject(new Error(`Wegwijs did not start in time: ${stderr}`)), 30_000);
    // Read stdout for the whole life of the process, or a full pipe would block it.
    child.stdout!.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line.trim() === "") continue;
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        logs.push(entry);
        if (entry.msg?.startsWith("Wegwijs draait") && entry.port) {
          clearTimeout(timer);
          resolve(entry.port);
        }
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Wegwijs exited with ${code}: ${stderr}`));
    });
  });
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill(name);
    await exited;
  };
  return { baseUrl: `http://127.0.0.1:${port}`, child, logs, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
}
