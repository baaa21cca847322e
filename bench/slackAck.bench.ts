/**
 * Slack ack latency under load: signed `app_mention` events at a fixed, open-loop rate on
 * loopback against the real Wegwijs app (Bolt over HTTP, idempotency claims in real Redis,
 * a fake Slack Web API), beside a bare Bolt app measured the same way in the same run.
 *
 *   npm run bench:slack
 *   BENCH_RATE=100 BENCH_SECONDS=30 BENCH_REPLY_WAIT_S=60 BENCH_QUESTIONS=... npm run bench:slack
 *   BENCH_CPU_PROFILE=/tmp/wegwijs.cpuprofile npm run bench:slack   (profiles the Wegwijs phase)
 *
 * Two processes. This one hosts the app under test (Wegwijs via startWegwijs, then the
 * baseline) and nothing else. A forked child (this same file, role "client") runs the fake
 * Slack Web API and the load generator, so that signing, sending, timing and recording the
 * replies never share an event loop with the server: a server that blocks its loop can neither
 * delay the sends (the schedule stays open-loop) nor hide its own delay from the clock.
 *
 * Ack time = from handing a request to fetch until its response status line arrives.
 * Replies are matched to events by thread_ts (every event starts its own thread). An event
 * counts as answered more than once when its thread holds two distinct answers (two answer
 * ids on the feedback buttons, or the same message text twice).
 *
 * Prints figures only and never passes or fails on time. Exit status: 0 when every event of
 * both apps was answered exactly once, 1 when one was answered zero or several times (a
 * correctness failure), 2 when the bench itself could not run (e.g. no Redis).
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import bolt from "@slack/bolt";
import { Redis } from "ioredis";
import { readQuestions } from "../src/evaluation/questions.js";
import { startFakeSlackApi, type FakeSlackApi, type PostedMessage, type SlackApiCall } from "../test/support/fakeSlackApi.js";
import { slackSignature } from "../test/support/slackSigning.js";
import { formatTable, latencyStats, type LatencyStats, progress, ratio, round } from "./timing.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROLE_ENV = "WEGWIJS_BENCH_SLACK_ROLE";

const RATE = positiveNumber(process.env.BENCH_RATE, 100, 5000);
const SECONDS = positiveNumber(process.env.BENCH_SECONDS, 30, 600);
/** After the last send: how long to wait for the replies still due (acks time out sooner). */
const REPLY_WAIT_S = positiveNumber(process.env.BENCH_REPLY_WAIT_S, 60, 600);
const EVENTS = Math.max(1, Math.min(200_000, Math.round(RATE * SECONDS)));
const QUESTIONS_FILE = path.resolve(process.env.BENCH_QUESTIONS ?? path.join(repoRoot, "../shared/eval/questions.jsonl"));
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE;
/** `-- --corpus-factor 100`: Wegwijs indexes that many perturbed copies of the corpus (bench/syntheticCorpus.ts). */
const CORPUS_FACTOR = corpusFactorArg(process.argv.slice(2));
const REDIS_URL = "redis://127.0.0.1:6379";
/** A request still unanswered after this long counts as "timeout" (Slack gives up after 3 s). */
const ACK_TIMEOUT_MS = 30_000;
const SLACK_ACK_LIMIT_MS = 3000;
/** Once every event has a reply: how long to keep listening for a second one. */
const DUPLICATE_GRACE_MS = 1000;

// ---------------------------------------------------------------------------------------------
// Messages between the two processes
// ---------------------------------------------------------------------------------------------

interface LoadPlan {
  /** Where the events go; always http://127.0.0.1:<port>/slack/events. */
  url: string;
  signingSecret: string;
  rate: number;
  events: number;
  /** Unique per run and phase; event ids, user and channel all carry it. */
  idPrefix: string;
  questions: string[];
  replyWaitMs: number;
}

interface LoadResult {
  sent: number;
  /** Seconds from the first to the last send, and the rate that was actually offered. */
  sendSeconds: number;
  offeredRate: number;
  /** How late sends left against their schedule (client side; open loop). */
  sendLagP99Ms: number;
  sendLagMaxMs: number;
  /** By HTTP status, plus "timeout" and "fout" (connection error). */
  statuses: Record<string, number>;
  ack: LatencyStats;
  /** Ack p99 per consecutive 5 s of sending: a warm-up spike, a steady level or a growing queue. */
  ackP99By5s: number[];
  acksOverSlackLimit: number;
  /** chat.postMessage calls in total, and those in no thread of this run. */
  posts: number;
  strayPosts: number;
  once: number;
  never: number;
  moreThanOnce: number;
  /** Events answered with the busy message (the answer queue was full). */
  busy: number;
  /** From sending an event to its first chat.postMessage. */
  reply: LatencyStats;
  /** From the first send to the last chat.postMessage. */
  lastReplySeconds: number;
  /** Answer ids from the feedback buttons (the bench deletes their Redis records afterwards). */
  answerIds: string[];
  /** Up to five unanswered or doubly answered events, for a first look. */
  examples: string[];
}

type ToClient = { type: "start-fake" } | { type: "load"; plan: LoadPlan } | { type: "abort" } | { type: "exit" };
type FromClient =
  | { type: "fake"; apiUrl: string; botUserId: string; teamId: string }
  | { type: "result"; result: LoadResult }
  /** Answer to "abort" (outside the request/response pairs): what was posted so far. */
  | { type: "aborted"; answerIds: string[] }
  | { type: "error"; message: string };

// ---------------------------------------------------------------------------------------------
// Client process: fake Slack Web API + load generator
// ---------------------------------------------------------------------------------------------

/** Set by "abort": the send loop stops at its next event. */
let aborted = false;

async function runClient(): Promise<void> {
  let fake: FakeSlackApi | undefined;
  const reply = (message: FromClient) => process.send!(message);
  // Ctrl-C reaches the whole process group; the parent decides when this process ends.
  process.on("SIGINT", () => undefined);
  process.on("message", (raw) => {
    const message = raw as ToClient;
    void (async () => {
      try {
        if (message.type === "abort") {
          aborted = true;
          reply({ type: "aborted", answerIds: [...new Set((fake?.messages() ?? []).flatMap(answerIds))] });
        } else if (message.type === "start-fake") {
          await fake?.close();
          fake = await startFakeSlackApi();
          reply({ type: "fake", apiUrl: fake.apiUrl, botUserId: fake.team.botUserId, teamId: fake.team.id });
        } else if (message.type === "load") {
          if (!fake) throw new Error("load before start-fake");
          reply({ type: "result", result: await generateLoad(fake, message.plan) });
        } else {
          await fake?.close();
          process.disconnect();
          process.exit(0);
        }
      } catch (error) {
        reply({ type: "error", message: (error as Error).stack ?? String(error) });
      }
    })();
  });
  // The parent died: nothing left to measure for.
  process.on("disconnect", () => process.exit(0));
}

/** An app_mention envelope shaped like the ones Slack sends (rich_text blocks included). */
function mentionEnvelope(fake: FakeSlackApi, plan: LoadPlan, i: number, ts: string): string {
  const question = plan.questions[i % plan.questions.length]!;
  const user = `U0${plan.idPrefix}`;
  return JSON.stringify({
    token: "bench-verification-token",
    team_id: fake.team.id,
    api_app_id: "A0WEGWIJS",
    event: {
      type: "app_mention",
      user,
      text: `<@${fake.team.botUserId}> ${question}`,
      ts,
      client_msg_id: randomUUID(),
      team: fake.team.id,
      blocks: [
        {
          type: "rich_text",
          block_id: randomUUID().slice(0, 5),
          elements: [
            {
              type: "rich_text_section",
              elements: [
                { type: "user", user_id: fake.team.botUserId },
                { type: "text", text: ` ${question}` },
              ],
            },
          ],
        },
      ],
      channel: `C0${plan.idPrefix}`,
      event_ts: ts,
    },
    type: "event_callback",
    event_id: `Ev${plan.idPrefix}${String(i).padStart(6, "0")}`,
    event_time: Math.floor(Number(ts)),
    authorizations: [{ enterprise_id: null, team_id: fake.team.id, user_id: fake.team.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-bench-${plan.idPrefix}-${i}`,
  });
}

const ANSWER_ID = /^([0-9a-f-]{36}):(?:useful|not_useful)$/;

/** The answer ids on a message's feedback buttons (one per answer in Wegwijs' replies). */
function answerIds(message: PostedMessage): string[] {
  const ids: string[] = [];
  for (const block of message.blocks ?? []) {
    if (block?.type !== "actions" || !Array.isArray(block.elements)) continue;
    for (const element of block.elements) {
      const match = typeof element?.value === "string" ? ANSWER_ID.exec(element.value) : null;
      if (match) ids.push(match[1]!);
    }
  }
  return ids;
}

/** How many answers a thread holds: distinct answer ids, or the same text posted repeatedly. */
function answersInThread(messages: PostedMessage[]): number {
  if (messages.length === 0) return 0;
  const ids = new Set(messages.flatMap(answerIds));
  const texts = new Map<string, number>();
  for (const m of messages) texts.set(m.text, (texts.get(m.text) ?? 0) + 1);
  return Math.max(1, ids.size, ...texts.values());
}

async function generateLoad(fake: FakeSlackApi, plan: LoadPlan): Promise<LoadResult> {
  const n = plan.events;
  const sentAt = new Float64Array(n).fill(Number.NaN);
  const firstReplyAt = new Float64Array(n).fill(Number.NaN);
  const threadOf: string[] = [];
  const eventOfThread = new Map<string, number>();
  const lags: number[] = [];
  const ackMs: number[] = [];
  const ackWindows: number[][] = [];
  const statuses: Record<string, number> = {};
  let answered = 0;
  let lastReplyAt = Number.NaN;

  // Reply arrival times: the fake API records every call in `calls`; stamping each push gives
  // the arrival time without polling (the fake itself stays unchanged).
  const push = fake.calls.push.bind(fake.calls);
  fake.calls.push = (...items: SlackApiCall[]): number => {
    const now = performance.now();
    for (const call of items) {
      if (call.method !== "chat.postMessage") continue;
      lastReplyAt = now;
      const i = eventOfThread.get(String(call.body.thread_ts));
      if (i !== undefined && Number.isNaN(firstReplyAt[i]!)) {
        firstReplyAt[i] = now;
        answered++;
      }
    }
    return push(...items);
  };

  const startWall = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const acks: Array<Promise<void>> = [];
  let lastProgress = started;
  for (let i = 0; i < n && !aborted; i++) {
    // Open loop: event i leaves at started + i/rate whatever the server does; a late client
    // catches up at once instead of stretching the schedule.
    const due = started + (i * 1000) / plan.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));

    // Slack's ts: seconds.microseconds, advancing with the schedule; unique per event.
    const ts = `${startWall + Math.floor(i / plan.rate)}.${String(i % 1_000_000).padStart(6, "0")}`;
    threadOf.push(ts);
    eventOfThread.set(ts, i);
    const body = mentionEnvelope(fake, plan, i, ts);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(plan.signingSecret, timestamp, body),
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    };
    const t0 = performance.now();
    sentAt[i] = t0;
    lags.push(t0 - due);
    acks.push(
      fetch(plan.url, { method: "POST", headers, body, signal: AbortSignal.timeout(ACK_TIMEOUT_MS) }).then(
        async (response) => {
          const ms = performance.now() - t0;
          ackMs.push(ms);
          (ackWindows[Math.floor((t0 - started) / 5000)] ??= []).push(ms);
          statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
          await response.arrayBuffer();
        },
        (error: Error & { cause?: { code?: string } }) => {
          const kind = error.name === "TimeoutError" ? "timeout" : `fout ${error.cause?.code ?? error.message}`;
          statuses[kind] = (statuses[kind] ?? 0) + 1;
        },
      ),
    );
    if (t0 - lastProgress >= 5000) {
      lastProgress = t0;
      progress(`  ${i + 1}/${n} verstuurd, ${ackMs.length} acks, ${answered} beantwoord`);
    }
  }
  const sendEnd = performance.now();
  const sendSeconds = (sendEnd - started) / 1000;

  await Promise.all(acks);
  const deadline = sendEnd + plan.replyWaitMs;
  while (answered < n && !aborted && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (answered === n) await new Promise((r) => setTimeout(r, DUPLICATE_GRACE_MS));
  fake.calls.push = push;

  const byThread = new Map<string, PostedMessage[]>();
  let posts = 0;
  let strayPosts = 0;
  const ids = new Set<string>();
  for (const message of fake.messages()) {
    if (message.via !== "chat.postMessage") continue;
    posts++;
    for (const id of answerIds(message)) ids.add(id);
    if (message.threadTs === undefined || !eventOfThread.has(message.threadTs)) {
      strayPosts++;
      continue;
    }
    const list = byThread.get(message.threadTs) ?? [];
    list.push(message);
    byThread.set(message.threadTs, list);
  }
  let once = 0;
  let never = 0;
  let moreThanOnce = 0;
  let busy = 0;
  const examples: string[] = [];
  const replyMs: number[] = [];
  for (let i = 0; i < n; i++) {
    const thread = byThread.get(threadOf[i]!) ?? [];
    const count = answersInThread(thread);
    if (thread.some((m) => JSON.stringify(m.blocks ?? m.text).includes("Het is even druk"))) busy++;
    if (count === 1) once++;
    else if (count === 0) never++;
    else moreThanOnce++;
    if (count !== 1 && examples.length < 5) examples.push(`event ${i} (thread ${threadOf[i]}): ${count}× beantwoord`);
    if (!Number.isNaN(firstReplyAt[i]!)) replyMs.push(firstReplyAt[i]! - sentAt[i]!);
  }

  return {
    sent: n,
    sendSeconds: round(sendSeconds, 2),
    offeredRate: round(n > 1 ? (n - 1) / Math.max(1e-3, (sentAt[n - 1]! - sentAt[0]!) / 1000) : n, 1),
    sendLagP99Ms: latencyStats(lags).p99Ms,
    sendLagMaxMs: latencyStats(lags).maxMs,
    statuses,
    ack: latencyStats(ackMs),
    ackP99By5s: Array.from(ackWindows, (w) => latencyStats(w ?? []).p99Ms),
    acksOverSlackLimit: ackMs.filter((ms) => ms > SLACK_ACK_LIMIT_MS).length,
    posts,
    strayPosts,
    once,
    never,
    moreThanOnce,
    busy,
    reply: latencyStats(replyMs),
    lastReplySeconds: Number.isNaN(lastReplyAt) ? 0 : round((lastReplyAt - started) / 1000, 2),
    answerIds: [...ids],
    examples,
  };
}

// ---------------------------------------------------------------------------------------------
// Server process: the apps under test, measurement of the server side, report
// ---------------------------------------------------------------------------------------------

class ClientProcess {
  private readonly child: ChildProcess;
  private waiting: { resolve: (m: FromClient) => void; reject: (e: Error) => void } | undefined;
  private onAborted: ((ids: string[]) => void) | undefined;

  constructor() {
    this.child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, [ROLE_ENV]: "client" }, stdio: "inherit" });
    this.child.on("message", (message) => {
      const m = message as FromClient;
      if (m.type === "aborted") {
        this.onAborted?.(m.answerIds);
        return;
      }
      const waiting = this.waiting;
      this.waiting = undefined;
      if (m.type === "error") waiting?.reject(new Error(`load client: ${m.message}`));
      else waiting?.resolve(m);
    });
    this.child.on("exit", (code) => {
      this.waiting?.reject(new Error(`load client exited (${code})`));
      this.waiting = undefined;
    });
  }

  request(message: ToClient): Promise<FromClient> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.child.send(message);
    });
  }

  async startFake(): Promise<{ apiUrl: string }> {
    const m = await this.request({ type: "start-fake" });
    if (m.type !== "fake") throw new Error(`unexpected ${m.type}`);
    return m;
  }

  async load(plan: LoadPlan): Promise<LoadResult> {
    const m = await this.request({ type: "load", plan });
    if (m.type !== "result") throw new Error(`unexpected ${m.type}`);
    return m.result;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send({ type: "exit" } satisfies ToClient);
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops the sending and returns the answer ids posted so far ([] after timeoutMs). */
  abort(timeoutMs: number): Promise<string[]> {
    if (this.child.exitCode !== null || !this.child.connected) return Promise.resolve([]);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve([]), timeoutMs);
      this.onAborted = (ids) => {
        clearTimeout(timer);
        resolve(ids);
      };
      this.child.send({ type: "abort" } satisfies ToClient);
    });
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** What the server process did during a phase (its own event loop, CPU and memory). */
interface ServerFigures {
  /** Share of wall time the main event loop was busy while the load ran (sends, replies, 1 s grace). */
  eventLoopUtilization: number;
  /** Process CPU (user + system, all threads) per event. */
  cpuMsPerEvent: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  peakRssMb: number;
  /** Log lines at warn or above, by message (Wegwijs only). */
  warnings: Record<string, number>;
}

interface PhaseReport {
  label: string;
  load: LoadResult;
  server: ServerFigures;
}

function serverMeter() {
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  return (events: number): Omit<ServerFigures, "warnings"> => {
    clearInterval(sampler);
    delay.disable();
    const used = process.cpuUsage(cpu);
    return {
      eventLoopUtilization: round(performance.eventLoopUtilization(elu).utilization, 3),
      cpuMsPerEvent: round((used.user + used.system) / 1000 / events, 2),
      eventLoopDelayP99Ms: round(delay.percentile(99) / 1e6, 1),
      eventLoopDelayMaxMs: round(delay.max / 1e6, 1),
      peakRssMb: round(Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024, 1),
    };
  };
}

/** A bare Bolt 5 app (HTTPReceiver): Bolt acks the event, the listener posts a fixed text. */
async function startBaseline(apiUrl: string, signingSecret: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = new bolt.App({
    signingSecret,
    token: "xoxb-bench",
    clientOptions: { slackApiUrl: apiUrl },
    logLevel: bolt.LogLevel.ERROR,
  });
  app.event("app_mention", async ({ event, say }) => {
    await say({ text: "Ontvangen, dank je.", thread_ts: event.ts });
  });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as { address(): AddressInfo | string | null };
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => app.stop().then(() => undefined) };
}

/** The app under test right now, so an interrupt can stop it (and let its work drain) first. */
const running: { target?: { stop: () => Promise<void> }; interrupted: boolean } = { interrupted: false };

/** After an interrupt the handler ends the process; the main flow just stops here. */
function haltIfInterrupted(): Promise<void> {
  return running.interrupted ? new Promise(() => undefined) : Promise.resolve();
}

async function runPhase(
  client: ClientProcess,
  label: string,
  start: (apiUrl: string) => Promise<{ url: string; stop: () => Promise<void>; logs?: string[] }>,
  plan: Omit<LoadPlan, "url">,
  profile?: string,
): Promise<PhaseReport> {
  await haltIfInterrupted();
  const { apiUrl } = await client.startFake();
  const started = await start(apiUrl);
  let stopping: Promise<void> | undefined;
  const target = { ...started, stop: () => (stopping ??= started.stop()) };
  running.target = target;
  if (!target.url.startsWith("http://127.0.0.1:")) throw new Error(`only loopback: ${target.url}`);
  progress(`${label}: ${plan.events} events, ${plan.rate}/s naar ${target.url}`);
  let session: Session | undefined;
  if (profile) {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
  }
  const meter = serverMeter();
  let load: LoadResult;
  let server: Omit<ServerFigures, "warnings">;
  try {
    load = await client.load({ ...plan, url: target.url });
    server = meter(plan.events);
  } finally {
    if (session) {
      const { profile: cpuProfile } = await session.post("Profiler.stop");
      session.disconnect();
      await writeFile(profile!, JSON.stringify(cpuProfile));
      summariseProfile(cpuProfile, profile!);
    }
    await target.stop();
    running.target = undefined;
  }
  await haltIfInterrupted();
  return { label, load, server: { ...server, warnings: countWarnings(target.logs ?? []) } };
}

function countWarnings(lines: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { level?: number | string; msg?: string };
      const level = typeof entry.level === "number" ? entry.level : { warn: 40, error: 50, fatal: 60 }[String(entry.level)] ?? 0;
      if (level >= 40) counts[entry.msg ?? "?"] = (counts[entry.msg ?? "?"] ?? 0) + 1;
    } catch {
      counts["(geen JSON)"] = (counts["(geen JSON)"] ?? 0) + 1;
    }
  }
  return counts;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time per function and per package/directory, from a V8 CPU profile, on stderr. */
function summariseProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, file: string): void {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = nodes.get(samples[i]!);
    const us = deltas[i] ?? 0;
    if (!node) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url.replace(/^file:\/\//, "").replace(`${repoRoot}/`, "");
    const fn = `${functionName || "(anoniem)"} ${short ? `${short}:${lineNumber + 1}` : ""}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const area = !short
      ? functionName.startsWith("(") ? functionName : "(V8/native)"
      : short.includes("node_modules/")
        ? `node_modules/${short.split("node_modules/").pop()!.split("/").slice(0, short.includes("node_modules/@") ? 2 : 1).join("/")}`
        : short.startsWith("node:")
          ? short
          : path.dirname(short);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const top = (map: Map<string, number>, k: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, us]) => [name, round(us / 1000, 0), round((100 * us) / (total || 1), 1)] as [string, number, number]);
  progress(`CPU-profiel van de Wegwijs-fase: ${file} (${round(total / 1e6, 1)} s gesampled)`);
  process.stderr.write(`${formatTable(["zelftijd per gebied", "ms", "%"], top(byArea, 15))}\n\n`);
  process.stderr.write(`${formatTable(["zelftijd per functie", "ms", "%"], top(byFunction, 25))}\n\n`);
}

/** Deletes what the Wegwijs phase left in Redis: keys carrying the run id, and answer records. */
async function cleanRedis(runId: string, answerIdsToDelete: string[]): Promise<number> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let deleted = 0;
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `wegwijs:*${runId}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== "0");
    for (let i = 0; i < answerIdsToDelete.length; i += 500) {
      const keys = answerIdsToDelete.slice(i, i + 500).map((id) => `wegwijs:answer:${id}`);
      deleted += await redis.del(...keys);
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}

async function redisReachable(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Other work on the machine skews the figures; the report states how busy it was. */
const machineLoad = { start: 0, end: 0 };

function printReport(base: PhaseReport, ours: PhaseReport, cleaned: number, totalSeconds: number): void {
  const statuses = (r: LoadResult) =>
    Object.entries(r.statuses)
      .sort()
      .map(([status, count]) => `${status}: ${count}`)
      .join(", ");
  const row = (label: string, pick: (r: PhaseReport) => string | number, withRatio = false): Array<string | number | null> => {
    const a = pick(base);
    const b = pick(ours);
    return [label, a, b, withRatio && typeof a === "number" && typeof b === "number" ? `${ratio(b, a) ?? "n/a"}×` : ""];
  };
  const rows = [
    row("events verstuurd", (r) => r.load.sent),
    row("aangeboden tempo (events/s)", (r) => r.load.offeredRate),
    row("verzendvertraging p99 / max (ms)", (r) => `${r.load.sendLagP99Ms} / ${r.load.sendLagMaxMs}`),
    row("acks per status", (r) => statuses(r.load)),
    row("ack p50 (ms)", (r) => r.load.ack.p50Ms, true),
    row("ack p95 (ms)", (r) => r.load.ack.p95Ms, true),
    row("ack p99 (ms)", (r) => r.load.ack.p99Ms, true),
    row("ack max (ms)", (r) => r.load.ack.maxMs, true),
    row(`acks > ${SLACK_ACK_LIMIT_MS / 1000} s (Slack probeert opnieuw)`, (r) => r.load.acksOverSlackLimit),
    row("antwoorden gepost (chat.postMessage)", (r) => r.load.posts),
    row("precies één keer beantwoord", (r) => r.load.once),
    row("niet beantwoord", (r) => r.load.never),
    row("meer dan één keer beantwoord", (r) => r.load.moreThanOnce),
    row('waarvan "Het is even druk" (wachtrij vol)', (r) => r.load.busy),
    row("posts buiten de threads van de run", (r) => r.load.strayPosts),
    row("antwoordtijd p50 (ms, event → post)", (r) => r.load.reply.p50Ms, true),
    row("antwoordtijd p99 (ms)", (r) => r.load.reply.p99Ms, true),
    row("tijd tot laatste antwoord (s)", (r) => r.load.lastReplySeconds),
    row("event loop server bezet (ELU)", (r) => `${round(r.server.eventLoopUtilization * 100, 1)}%`),
    row("CPU serverproces per event (ms, alle threads)", (r) => r.server.cpuMsPerEvent, true),
    row("event-loop-vertraging p99 / max (ms)", (r) => `${r.server.eventLoopDelayP99Ms} / ${r.server.eventLoopDelayMaxMs}`),
    row("piek-RSS serverproces (MB)", (r) => r.server.peakRssMb),
  ];
  const out = [
    "",
    `Slack ack-latentie: ${RATE} events/s × ${SECONDS} s = ${EVENTS} ondertekende app_mention-events, open-loop, loopback (127.0.0.1)`,
    `Corpus van Wegwijs: ${CORPUS_FACTOR === 1 ? "het gewone corpus" : `${CORPUS_FACTOR}× het corpus (synthetische kopieën)`}.`,
    `Wegwijs: echte app (Bolt ExpressReceiver), idempotentie in Redis (${REDIS_URL}), nep-Slack-API. Baseline: kale Bolt 5.1 (HTTPReceiver), ack + vaste tekst posten.`,
    `Lastgenerator en nep-Slack-API draaien in een apart proces; de server heeft zijn eigen event loop.`,
    `Machine: ${os.cpus().length} cores, belasting (loadavg 1 min) bij start ${machineLoad.start}, bij einde ${machineLoad.end}.`,
    "",
    formatTable(["", base.label, ours.label, "Wegwijs/baseline"], rows),
    "",
    `Doel uit issue 3 (ter informatie, geen pass/fail op tijd): ack p99 < 100 ms → Wegwijs ${ours.load.ack.p99Ms} ms.`,
  ];
  for (const r of [base, ours]) out.push(`${r.label}: ack p99 per 5 s verzenden (ms): ${r.load.ackP99By5s.join(", ")}`);
  for (const r of [base, ours]) {
    if (r.load.examples.length > 0) out.push(`${r.label}: ${r.load.examples.join("; ")}`);
    const warnings = Object.entries(r.server.warnings);
    if (warnings.length > 0) out.push(`${r.label} logregels ≥ warn: ${warnings.map(([msg, n]) => `${n}× ${msg}`).join("; ")}`);
  }
  out.push(`Redis: ${cleaned} sleutels van deze run opgeruimd. Totale duur ${round(totalSeconds, 1)} s.`);
  console.log(out.join("\n"));
}

function phaseJson(r: PhaseReport) {
  const { answerIds: _ids, examples, ...load } = r.load;
  return { ...load, examples, server: r.server };
}

async function main(): Promise<void> {
  const begun = performance.now();
  machineLoad.start = round(os.loadavg()[0]!, 2);
  if (!(await redisReachable())) {
    console.error(`bench:slack: Redis op ${REDIS_URL} antwoordt niet (npm run test:setup start het)`);
    process.exit(2);
  }
  const questions = (await readQuestions(QUESTIONS_FILE)).map((q) => q.question);
  if (questions.length === 0) throw new Error(`${QUESTIONS_FILE}: geen vragen`);
  const runId = `BENCH${randomUUID().slice(0, 8).toUpperCase()}`;
  const signingSecret = `bench-${randomUUID()}`;
  const plan = (phase: string): Omit<LoadPlan, "url"> => ({
    signingSecret,
    rate: RATE,
    events: EVENTS,
    idPrefix: `${runId}${phase}`,
    questions,
    replyWaitMs: REPLY_WAIT_S * 1000,
  });
  progress(`${RATE} events/s × ${SECONDS} s, ${questions.length} vragen, run ${runId}`);

  const client = new ClientProcess();
  const answerIdsSeen: string[] = [];
  let cleaned = 0;
  const cleanup = async () => {
    cleaned = await cleanRedis(runId, answerIdsSeen).catch((error: Error) => {
      console.error(`bench:slack: Redis opruimen mislukt: ${error.message}`);
      return 0;
    });
  };
  process.once("SIGINT", () => {
    // Stop sending, let the app finish what it acked (its own drain is bounded), then collect
    // the answer ids posted meanwhile so their records can be deleted too. A second Ctrl-C quits.
    running.interrupted = true;
    process.once("SIGINT", () => process.exit(130));
    console.error("bench:slack: onderbroken; app stoppen en Redis opruimen (nog eens Ctrl-C: direct stoppen)");
    void (async () => {
      await client.abort(2000);
      await running.target?.stop().catch(() => undefined);
      answerIdsSeen.push(...(await client.abort(2000)));
      client.kill();
      await cleanup();
      console.error(`bench:slack: ${cleaned} sleutels opgeruimd`);
      process.exit(130);
    })();
  });

  let base: PhaseReport;
  let ours: PhaseReport;
  try {
    base = await runPhase(client, "baseline (kale Bolt)", (apiUrl) => startBaseline(apiUrl, signingSecret), plan("B"));
    ours = await runPhase(
      client,
      "Wegwijs",
      async (apiUrl) => {
        // Loaded here, not at the top: the client process needs none of the app.
        const { cleanAppKeys, startWegwijs } = await import("../test/support/startWegwijs.js");
        const corpus = CORPUS_FACTOR > 1 ? await syntheticCorpus(CORPUS_FACTOR) : undefined;
        const app = await startWegwijs({
          ...(corpus ? { WEGWIJS_CORPUS_DIR: corpus.dir } : {}),
          // As in production: one answer worker per core (the test helper defaults to one).
          WEGWIJS_ANSWER_WORKERS: String(os.availableParallelism()),
          SLACK_BOT_TOKEN: "xoxb-bench",
          SLACK_SIGNING_SECRET: signingSecret,
          SLACK_API_URL: apiUrl,
          REDIS_URL,
          LOG_LEVEL: "warn",
        });
        progress(`Wegwijs: ${app.app.ingest.documents} documenten, ${app.app.ingest.chunks} passages geïndexeerd in ${round(app.app.ingest.seconds, 1)} s`);
        return {
          url: `${app.baseUrl}/slack/events`,
          stop: async () => {
            await app.close();
            await cleanAppKeys();
            await corpus?.remove();
          },
          logs: app.logs,
        };
      },
      plan("W"),
      CPU_PROFILE,
    );
    answerIdsSeen.push(...ours.load.answerIds);
  } finally {
    await client.close();
    await cleanup();
  }

  machineLoad.end = round(os.loadavg()[0]!, 2);
  printReport(base, ours, cleaned, (performance.now() - begun) / 1000);
  const correct = (r: PhaseReport) => r.load.never === 0 && r.load.moreThanOnce === 0;
  console.log(
    JSON.stringify({
      bench: "slackAck",
      rate: RATE,
      seconds: SECONDS,
      events: EVENTS,
      corpusFactor: CORPUS_FACTOR,
      cores: os.cpus().length,
      loadAverage1m: machineLoad,
      baseline: phaseJson(base),
      wegwijs: phaseJson(ours),
      ratio: { ackP50: ratio(ours.load.ack.p50Ms, base.load.ack.p50Ms), ackP99: ratio(ours.load.ack.p99Ms, base.load.ack.p99Ms) },
      redisKeysCleaned: cleaned,
      exactlyOnce: correct(base) && correct(ours),
    }),
  );
  process.exit(correct(base) && correct(ours) ? 0 : 1);
}

function corpusFactorArg(args: string[]): number {
  const at = args.indexOf("--corpus-factor");
  const raw = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith("--corpus-factor="))?.split("=")[1];
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    console.error("bench:slack: --corpus-factor verwacht een geheel getal van 1 t/m 1000");
    process.exit(2);
  }
  return n;
}

/** A temp folder with `factor` perturbed copies of every corpus document. */
async function syntheticCorpus(factor: number): Promise<{ dir: string; remove: () => Promise<void> }> {
  const { mkdtemp, rm } = await import("node:fs/promises");
  const { defaultCorpusDir } = await import("../src/config.js");
  const { writeSyntheticCorpus } = await import("./syntheticCorpus.js");
  const dir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-slack-corpus-"));
  const written = await writeSyntheticCorpus(defaultCorpusDir(repoRoot), dir, factor);
  progress(`synthetisch corpus ${factor}×: ${written.files} bestanden, ${round(written.bytes / 1024 / 1024, 1)} MB`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function positiveNumber(raw: string | undefined, fallback: number, max: number): number {
  const n = Number(raw);
  return raw !== undefined && raw !== "" && Number.isFinite(n) && n > 0 ? Math.min(n, max) : fallback;
}

if (process.env[ROLE_ENV] === "client") {
  void runClient();
} else {
  main().catch((error: unknown) => {
    console.error(`bench:slack mislukt: ${(error as Error).stack ?? String(error)}`);
    process.exit(2);
  });
}
