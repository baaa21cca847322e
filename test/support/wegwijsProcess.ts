import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import os from "node:os";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The real entry point (src/main.ts, which builds the app with createWegwijs) in its own OS process. */
export interface WegwijsProcess {
  /** e.g. "http://127.0.0.1:41234". */
  baseUrl: string;
  child: ChildProcess;
  /** Every JSON log line so far. */
  logs: string[];
  /** SIGKILL: the process dies at once, no shutdown code runs. */
  kill(): Promise<void>;
  /** SIGTERM: the process's own graceful stop. */
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx src/main.ts` with exactly `env` (plus PATH and HOME; the test's own
 * environment is not passed on) and waits for its "Wegwijs draait" log line. Give PORT "0".
 */
export async function spawnWegwijs(env: Record<string, string>): Promise<WegwijsProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => reject(new Error(`Wegwijs did not start in time: ${stderr}`)), 60_000);
    // Read all output, always: a full pipe would block the child.
    child.stdout!.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line.trim() === "") continue;
        logs.push(line);
        const entry = JSON.parse(line) as { msg?: string; port?: number };
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
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill(signal);
    await exited;
  };
  return { baseUrl: `http://127.0.0.1:${port}`, child, logs, kill: () => end("SIGKILL"), stop: () => end("SIGTERM") };
}
