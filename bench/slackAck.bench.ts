/**
 * Ack latency of the Slack surface under load: signed app_mention events on loopback at a
 * fixed, open-loop rate (bounded count and time), against the real app with Redis idempotency
 * and a fake Slack Web API. Baseline in the same run: a bare Bolt app that acks and posts.
 * Prints figures only; exits non-zero when an event is answered twice or not at all.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import bolt from "@slack/bolt";
import express from "express";
import { Redis } from "ioredis";
import { startFakeSlackApi, type FakeSlackApi } from "../test/support/fakeSlackApi.js";
import { nowSeconds, SlackRequests } from "../test/support/slackSigning.js";
import { startWegwijs } from "../test/support/startWegwijs.js";
import { percentile } from "../src/evaluation/metrics.js";
import { readQuestions } from "../src/evaluation/questions.js";

const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SECRET = "bench-signing-secret";
const REDIS_URL = "redis://127.0.0.1:6379";

interface RunResult {
  label: string;
  sent: number;
  acked: number;
  ack: { p50: number; p95: number; p99: number; max: number };
  once: number;
  never: number;
  twice: number;
  lastReplySeconds: number;
}

async function run(label: string, url: string, fake: FakeSlackApi, questions: string[]): Promise<RunResult> {
  const slack = new SlackRequests(url, SECRET);
  const total = RATE * SECONDS;
  const prefix = `bench${randomUUID().slice(0, 8)}`;
  const latencies: number[] = [];
  const threads: string[] = [];
  let acked = 0;
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    // Open loop: each event leaves at its scheduled time, however slow the server is.
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const ts = `${nowSeconds()}.${String(i).padStart(6, "0")}`;
    threads.push(ts);
    const event = {
      type: "event_callback",
      team_id: fake.team.id,
      api_app_id: "A0WEGWIJS",
      event_id: `Ev${prefix}${i}`,
      event_time: nowSeconds(),
      authorizations: [{ team_id: fake.team.id, user_id: fake.team.botUserId, is_bot: true }],
      event: {
        type: "app_mention",
        user: "U0BENCH",
        channel: "C0BENCH",
        text: `<@${fake.team.botUserId}> ${questions[i % questions.length]}`,
        ts,
        event_ts: ts,
      },
    };
    const sentAt = performance.now();
    inFlight.push(
      slack.event(event).then((response) => {
        latencies.push(performance.now() - sentAt);
        if (response.status === 200) acked++;
      }),
    );
  }
  await Promise.all(inFlight);
  const byThread = new Map<string, number>();
  const deadline = performance.now() + 120_000;
  let last = 0;
  while (performance.now() < deadline) {
    byThread.clear();
    for (const m of fake.messages()) {
      if (m.via === "chat.postMessage" && m.threadTs) byThread.set(m.threadTs, (byThread.get(m.threadTs) ?? 0) + 1);
    }
    const answered = threads.filter((t) => (byThread.get(t) ?? 0) > 0).length;
    if (answered === total) break;
    last = performance.now();
    await new Promise((r) => setTimeout(r, 250));
  }
  // Replies may be several messages for a long answer; "twice" means a second answer, which
  // would start with the same first message: count threads where the first text repeats.
  const firstTexts = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const m of fake.messages()) {
    if (m.via !== "chat.postMessage" || !m.threadTs) continue;
    const seen = firstTexts.get(m.threadTs) ?? new Set<string>();
    if (seen.has(m.text)) counts.set(m.threadTs, (counts.get(m.threadTs) ?? 1) + 1);
    seen.add(m.text);
    firstTexts.set(m.threadTs, seen);
  }
  const never = threads.filter((t) => !firstTexts.has(t)).length;
  const twice = threads.filter((t) => (counts.get(t) ?? 0) > 1).length;
  return {
    label,
    sent: total,
    acked,
    ack: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
    },
    once: total - never - twice,
    never,
    twice,
    lastReplySeconds: (Math.max(last, performance.now()) - started) / 1000,
  };
}

/** A bare Bolt app: ack, then post a fixed text. The floor for "ack then work" on this machine. */
async function startBaseline(fake: FakeSlackApi) {
  const receiver = new bolt.ExpressReceiver({ signingSecret: SECRET, processBeforeResponse: false });
  const app = new bolt.App({ receiver, token: "xoxb-bench", clientOptions: { slackApiUrl: fake.apiUrl }, tokenVerificationEnabled: false });
  app.event("app_mention", async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: "ok" });
  });
  const server = express().use(receiver.router).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, close: () => new Promise((r) => server.close(r)) };
}

async function main(): Promise<void> {
  const questions = (await readQuestions("../shared/eval/questions.jsonl")).map((q) => q.question);
  console.error(`bench: ${RATE} events/s × ${SECONDS} s, baseline eerst`);
  const baseFake = await startFakeSlackApi();
  const baseline = await startBaseline(baseFake);
  const base = await run("baseline (kale Bolt-app)", baseline.url, baseFake, questions);
  await baseline.close();
  await baseFake.close();

  console.error("bench: Wegwijs");
  const fake = await startFakeSlackApi();
  const app = await startWegwijs({
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    REDIS_URL,
    LOG_LEVEL: "warn",
  });
  const ours = await run("Wegwijs", `${app.baseUrl}/slack/events`, fake, questions);
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await app.close();
  await fake.close();
  const redis = new Redis(REDIS_URL);
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", "wegwijs:*bench*", "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
  redis.disconnect();

  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\nSlack ack-latentie: ${RATE} events/s gedurende ${SECONDS} s (loopback)\n`);
  console.log(`${"".padEnd(26)}${"verstuurd".padStart(10)}${"ack 200".padStart(9)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}${"p99 ms".padStart(8)}${"max ms".padStart(8)}${"1× beantwoord".padStart(15)}${"0×".padStart(5)}${"2×+".padStart(5)}`);
  for (const r of [base, ours]) {
    console.log(`${r.label.padEnd(26)}${String(r.sent).padStart(10)}${String(r.acked).padStart(9)}${f(r.ack.p50)}${f(r.ack.p95)}${f(r.ack.p99)}${f(r.ack.max)}${String(r.once).padStart(15)}${String(r.never).padStart(5)}${String(r.twice).padStart(5)}`);
  }
  console.log(`\nverhouding Wegwijs/baseline: p50 ${(ours.ack.p50 / base.ack.p50).toFixed(2)}×, p99 ${(ours.ack.p99 / base.ack.p99).toFixed(2)}×; piek-RSS ${rssMb} MB`);
  console.log(JSON.stringify({ bench: "slackAck", rate: RATE, seconds: SECONDS, baseline: base, wegwijs: ours, peakRssMb: rssMb }));
  if (ours.never > 0 || ours.twice > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`bench:slack mislukt: ${(error as Error).stack ?? error}`);
  process.exit(2);
});
