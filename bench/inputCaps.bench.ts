/**
 * What a huge question costs the process: /healthz latency while signed Slack app_mention events
 * with a 900,000-character question are received, parsed and answered (with the cap message),
 * beside the same probes while normal questions are answered and while idle, in the same run.
 *
 *   npm run bench:caps            (BENCH_EVENTS=10 by default)
 *
 * Prints figures only; never passes or fails on time.
 */
import { randomUUID } from "node:crypto";
import { startFakeSlackApi } from "../test/support/fakeSlackApi.js";
import { nowSeconds, SlackRequests } from "../test/support/slackSigning.js";
import { cleanAppKeys, startWegwijs } from "../test/support/startWegwijs.js";
import { formatTable, latencyStats, ratio } from "./timing.js";

const EVENTS = Math.max(1, Math.min(100, Number(process.env.BENCH_EVENTS ?? 10)));
const HUGE = "wat moet er bij een spoedberaad aanschuiven ".repeat(20_455).slice(0, 900_000);
const NORMAL = "wat moet er bij een spoedberaad aanschuiven?";
const SECRET = `bench-${randomUUID()}`;

async function main(): Promise<void> {
  const fake = await startFakeSlackApi();
  const app = await startWegwijs({ SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: "silent" });
  const slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
  let counter = 0;

  /** Probes /healthz back to back while `work` runs; returns the probe latencies. */
  async function probeDuring(work: () => Promise<void>): Promise<number[]> {
    let done = false;
    const latencies: number[] = [];
    const probing = (async () => {
      while (!done) {
        const started = performance.now();
        await (await fetch(`${app.baseUrl}/healthz`)).text();
        latencies.push(performance.now() - started);
      }
    })();
    await work();
    done = true;
    await probing;
    return latencies;
  }

  async function ask(text: string): Promise<void> {
    const channel = `CBENCH${++counter}`;
    const ts = `${nowSeconds()}.${String(counter).padStart(6, "0")}`;
    await slack.event({
      type: "event_callback",
      team_id: fake.team.id,
      event_id: `Ev${randomUUID().slice(0, 12)}`,
      event: { type: "app_mention", user: "UBENCH", text: `<@${fake.team.botUserId}> ${text}`, ts, channel, event_ts: ts },
    });
    await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.body.channel === channel), 30_000);
  }

  try {
    await ask(NORMAL); // warm-up
    const idle = await probeDuring(() => new Promise((resolve) => setTimeout(resolve, 2000)));
    const normal = await probeDuring(async () => {
      for (let i = 0; i < EVENTS; i++) await ask(NORMAL);
    });
    const huge = await probeDuring(async () => {
      for (let i = 0; i < EVENTS; i++) await ask(HUGE);
    });
    const rows = [
      ["idle", idle],
      [`during ${EVENTS} normal questions`, normal],
      [`during ${EVENTS} questions of 900,000 characters`, huge],
    ] as const;
    const base = latencyStats(idle);
    console.log(`\n/healthz while Slack events are handled (${EVENTS} events per phase, in-process, loopback)\n`);
    console.log(
      formatTable(
        ["phase", "probes", "p50 ms", "p99 ms", "max ms", "p99 / idle"],
        rows.map(([name, values]) => {
          const s = latencyStats([...values]);
          return [name, s.samples, s.p50Ms, s.p99Ms, s.maxMs, ratio(s.p99Ms, base.p99Ms)];
        }),
      ),
    );
  } finally {
    await app.close();
    await cleanAppKeys();
    await fake.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:caps kon niet draaien: ${(error as Error).message}`);
  process.exit(2);
});
