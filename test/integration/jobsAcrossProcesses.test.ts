import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { OUTBOX_STREAM } from "../../src/records/redisRecordStore.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const children: ChildProcess[] = [];
const prefixes: string[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const prefix of prefixes) await cleanPrefix(prefix);
});

function newPrefix(): string {
  const prefix = testPrefix("jobs-procs");
  prefixes.push(prefix);
  return prefix;
}

/** Starts test/support/jobsProcess.ts as a real child process and waits for "ready". */
async function spawnJobsProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/jobsProcess.ts"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", REDIS_URL, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`jobs process did not start: ${stderr}`)), 30_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`jobs process exited (${code}): ${stderr}`)));
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

interface ProbeRun {
  pid: number;
  jobId: string;
  data: unknown;
}

async function probeRuns(prefix: string): Promise<ProbeRun[]> {
  const redis = new Redis(REDIS_URL, { keyPrefix: prefix });
  try {
    return (await redis.lrange("probe-runs", 0, -1)).map((line) => {
      const [pid, jobId, json] = line.split("|");
      return { pid: Number(pid), jobId: jobId!, data: JSON.parse(json!) };
    });
  } finally {
    redis.disconnect();
  }
}

async function until(predicate: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(50);
  }
}

describe("jobs across real processes (Redis)", () => {
  it("runs a delayed job enqueued before a crash once, after the restart", { timeout: 60_000 }, async () => {
    const prefix = newPrefix();
    const enqueuedAt = Date.now();
    const first = await spawnJobsProcess({
      KEY_PREFIX: prefix,
      WORK: "1",
      ENQUEUE: JSON.stringify([{ name: "probe", data: { reminder: 1 }, jobId: "remind:item-1:v3", delayMs: 2500 }]),
    });
    await kill(first, "SIGKILL");
    expect(await probeRuns(prefix)).toEqual([]);

    const second = await spawnJobsProcess({ KEY_PREFIX: prefix, WORK: "1" });
    await until(async () => (await probeRuns(prefix)).length > 0);
    const ranAt = Date.now();
    await sleep(1500);
    const runs = await probeRuns(prefix);
    expect(runs).toEqual([{ pid: second.pid, jobId: "remind:item-1:v3", data: { reminder: 1 } }]);
    expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(2500);
    await kill(second, "SIGTERM");
  });

  it("runs each job once with two processes working the same queue", { timeout: 60_000 }, async () => {
    const prefix = newPrefix();
    // Both processes schedule the same version-stamped reminder (as two processes handling one
    // event might, even after it ran): its id stays taken, so it runs once.
    const reminder = { name: "probe", data: { reminder: "shared" }, jobId: "remind:shared:v1", delayMs: 300, keepCompletedSeconds: 3600 };
    const many = Array.from({ length: 20 }, (_, i) => ({ name: "probe", data: { n: i } }));
    const a = await spawnJobsProcess({ KEY_PREFIX: prefix, WORK: "1", ENQUEUE: JSON.stringify([reminder, ...many]) });
    const b = await spawnJobsProcess({ KEY_PREFIX: prefix, WORK: "1", ENQUEUE: JSON.stringify([reminder]) });
    await until(async () => (await probeRuns(prefix)).length >= 21);
    await sleep(2000); // a duplicate would show up within this
    const runs = await probeRuns(prefix);
    expect(runs.filter((r) => r.jobId === "remind:shared:v1")).toHaveLength(1);
    const numbers = runs.map((r) => (r.data as { n?: number }).n).filter((n) => n !== undefined);
    expect(numbers.sort((x, y) => x! - y!)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(runs.every((r) => r.pid === a.pid || r.pid === b.pid)).toBe(true);
    await Promise.all([kill(a, "SIGTERM"), kill(b, "SIGTERM")]);
  });

  it("delivers outbox messages of a process killed between the record write and the relay, once", { timeout: 60_000 }, async () => {
    const prefix = newPrefix();
    // 20 record changes written, relay never started, then a hard crash.
    const writer = await spawnJobsProcess({ KEY_PREFIX: prefix, WORK: "0", UPDATES: "20" });
    await kill(writer, "SIGKILL");
    const redis = new Redis(REDIS_URL, { keyPrefix: prefix });
    try {
      expect(await redis.xlen(OUTBOX_STREAM)).toBe(20);
      // And a relay that read five entries and died before enqueueing them.
      // ioredis does not prefix XGROUP's key.
      await redis.xgroup("CREATE", `${prefix}${OUTBOX_STREAM}`, "relay", "0", "MKSTREAM");
      const read = (await redis.xreadgroup("GROUP", "relay", "dead-relay", "COUNT", 5, "STREAMS", OUTBOX_STREAM, ">")) as Array<[string, unknown[]]>;
      expect(read[0]![1]).toHaveLength(5);
    } finally {
      redis.disconnect();
    }

    const worker = await spawnJobsProcess({ KEY_PREFIX: prefix, WORK: "1", CLAIM_IDLE_MS: "500" });
    await until(async () => (await probeRuns(prefix)).length >= 20);
    await sleep(1500);
    const numbers = (await probeRuns(prefix)).map((r) => (r.data as { n: number }).n);
    expect(numbers.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await kill(worker, "SIGTERM");
  });
});
