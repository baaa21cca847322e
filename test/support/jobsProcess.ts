/**
 * A Wegwijs process reduced to its infrastructure (records, jobs, outbox relay), for tests that
 * need real separate processes. Driven by environment variables:
 *   REDIS_URL, KEY_PREFIX       where everything lives
 *   WORK=1                      start the job workers and the outbox relay
 *   ENQUEUE='[{name,data,jobId?,delayMs?,keepCompletedSeconds?}]'   jobs to enqueue at start
 *   UPDATES=n                   n record updates, each with one outbox message ("probe", {n})
 *   CLAIM_IDLE_MS               outbox take-over time
 * Every "probe" job run is RPUSHed to the list "probe-runs" as "pid|jobId|json(data)".
 * Prints "ready" when set up; SIGTERM closes gracefully.
 */
import { Redis } from "ioredis";
import { z } from "zod";
import { createInfrastructure } from "../../src/infrastructure.js";
import { createLogger } from "../../src/logger.js";

const env = process.env;
const redisUrl = env.REDIS_URL!;
const keyPrefix = env.KEY_PREFIX!;
const infrastructure = createInfrastructure({
  redisUrl,
  keyPrefix,
  logger: createLogger("silent"),
  outboxClaimIdleMs: env.CLAIM_IDLE_MS ? Number(env.CLAIM_IDLE_MS) : undefined,
});
const probe = new Redis(redisUrl, { keyPrefix });

infrastructure.jobs.register("probe", async (data, ctx) => {
  await probe.rpush("probe-runs", `${process.pid}|${ctx.jobId}|${JSON.stringify(data)}`);
});

const counter = infrastructure.records.open({
  kind: "probe-counter",
  schema: z.object({ n: z.number() }),
  schemaVersion: 1,
  ttlSeconds: 600,
});

async function main(): Promise<void> {
  if (env.WORK === "1") await infrastructure.start();
  for (const job of JSON.parse(env.ENQUEUE ?? "[]") as Array<{ name: string; data: unknown; jobId?: string; delayMs?: number; keepCompletedSeconds?: number }>) {
    await infrastructure.jobs.enqueue(job.name, job.data, { jobId: job.jobId, delayMs: job.delayMs, keepCompletedSeconds: job.keepCompletedSeconds });
  }
  const updates = Number(env.UPDATES ?? 0);
  for (let i = 0; i < updates; i++) {
    await counter.update(`c${i}`, (current) => ({
      value: { n: (current?.value.n ?? 0) + 1 },
      outbox: [{ type: "probe", payload: { n: i } }],
    }));
  }
  process.stdout.write("ready\n");
}

process.on("SIGTERM", () => {
  void infrastructure
    .close()
    .then(() => probe.quit())
    .finally(() => process.exit(0));
});

main().catch((error: unknown) => {
  process.stderr.write(`jobsProcess failed: ${(error as Error).message}\n`);
  process.exit(1);
});
