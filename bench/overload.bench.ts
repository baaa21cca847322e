/**
 * Overload: N questions at once on the web API (POST /api/chat) while /healthz is probed every
 * PROBE_MS. Every question must get an answer or the busy message, and /healthz must stay fast:
 * the answer workers carry the load, the HTTP loop only parses, dispatches and renders.
 *
 *   npm run bench:overload
 *   BENCH_BURST=500 BENCH_CORPUS_FACTOR=100 npm run bench:overload
 *   BENCH_CPU_PROF=/tmp/prof npm run bench:overload     # CPU profile of the server process
 *
 * The server runs in a child process (the real app via startWegwijs, web only, memory store), so
 * the load generator and probe here never share its event loop. Prints figures; never fails on time.
 */
import { type ChildProcess, fork } from "node:child_process";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { readQuestions } from "../src/evaluation/questions.js";
import { formatTable, latencyStats, progress, round } from "./timing.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const ROLE_ENV = "WEGWIJS_BENCH_OVERLOAD_ROLE";
const BURST = Number(process.env.BENCH_BURST ?? 500);
const CORPUS_FACTOR = Number(process.env.BENCH_CORPUS_FACTOR ?? 1);
const PROBE_MS = 10;
const DEADLINE_MS = 10_000;
const BUSY = "Het is even druk";
const APOLOGY = "Sorry, het lukte niet";
const QUESTIONS_FILE = path.resolve(process.env.BENCH_QUESTIONS ?? path.join(repoRoot, "../shared/eval/questions.jsonl"));

async function serve(): Promise<void> {
  const { cleanAppKeys, startWegwijs } = await import("../test/support/startWegwijs.js");
  let corpusEnv: Record<string, string> = {};
  if (CORPUS_FACTOR > 1) {
    const { mkdtemp } = await import("node:fs/promises");
    const { writeSyntheticCorpus } = await import("./syntheticCorpus.js");
    const { defaultCorpusDir } = await import("../src/config.js");
    const dir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-overload-corpus-"));
    await writeSyntheticCorpus(defaultCorpusDir(repoRoot), dir, CORPUS_FACTOR);
    corpusEnv = { WEGWIJS_CORPUS_DIR: dir };
    const { rmSync } = await import("node:fs");
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  // As in production: one answer worker per core (the test helper defaults to one).
  const app = await startWegwijs({ LOG_LEVEL: "warn", WEGWIJS_ANSWER_WORKERS: String(os.availableParallelism()), ...corpusEnv });
  process.send!({ baseUrl: app.baseUrl });
  process.on("message", async (m: { type: string }) => {
    if (m.type !== "stop") return;
    await app.close(); // flushes the last busy warning
    await cleanAppKeys();
    // Busy warnings are summed per second: add up what they counted.
    const warnings = app.logs
      .filter((l) => l.includes("answer queue full"))
      .reduce((sum, l) => sum + Number((JSON.parse(l) as { turnedAway?: number }).turnedAway ?? 0), 0);
    process.send!({ busyLogLines: warnings, maxRssMb: round(process.resourceUsage().maxRSS / 1024, 1) }, () => process.exit(0));
  });
}

function post(agent: http.Agent, url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: "POST", agent, headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", (e) => resolve({ status: 0, text: e.message }));
    req.end(body);
  });
}

/**
 * Probes /healthz over one keep-alive connection, one request at a time with a pause between,
 * until told to stop; then posts the latencies back. Plain JS: a worker evaluates it as is.
 */
const PROBE_SOURCE = `
const http = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies = [];
let probing = true;
const get = () => new Promise((resolve) => {
  const req = http.get(workerData.url, { agent }, (res) => { res.resume(); res.on("end", resolve); });
  req.on("error", resolve);
});
parentPort.once("message", () => { probing = false; });
(async () => {
  await get();
  parentPort.postMessage("ready");
  while (probing) {
    const t = performance.now();
    await get();
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, workerData.everyMs));
  }
  agent.destroy();
  parentPort.postMessage(latencies);
})();
`;

async function main(): Promise<void> {
  const questions = (await readQuestions(QUESTIONS_FILE)).map((q) => q.question);
  progress(`server starten (corpus ${CORPUS_FACTOR}×)...`);
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: [...process.execArgv, ...profile],
    env: { ...process.env, [ROLE_ENV]: "server" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const { baseUrl } = await new Promise<{ baseUrl: string }>((resolve) => server.once("message", resolve as never));
  const chatUrl = new URL("/api/chat", baseUrl);
  const healthUrl = new URL("/healthz", baseUrl);
  const loadAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  // Warm the app and the probe connection.
  await post(loadAgent, chatUrl, JSON.stringify({ user: "warm", text: questions[0] }));

  progress(`${BURST} vragen tegelijk op /api/chat, /healthz elke ${PROBE_MS} ms...`);
  // The probe has an event loop of its own: building 500 requests and reading 500 replies here
  // would otherwise delay the probe's own timers and reads, and that would count against the server.
  const prober = new Worker(PROBE_SOURCE, { eval: true, workerData: { url: healthUrl.href, everyMs: PROBE_MS } });
  await new Promise((resolve) => prober.once("message", resolve));
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const body = JSON.stringify({ user: `overload-${i}`, text: questions[i % questions.length] });
      const response = await post(loadAgent, chatUrl, body);
      return { ...response, ms: performance.now() - started };
    }),
  );
  prober.postMessage("stop");
  const probes = await new Promise<number[]>((resolve) => prober.once("message", resolve));
  await prober.terminate();
  server.send({ type: "stop" });
  const serverEnd = await new Promise<{ busyLogLines: number; maxRssMb: number }>((resolve) => server.once("message", resolve as never));
  loadAgent.destroy();

  const busy = results.filter((r) => r.status === 200 && r.text.includes(BUSY)).length;
  const apologies = results.filter((r) => r.status === 200 && r.text.includes(APOLOGY)).length;
  const answered = results.filter((r) => r.status === 200 && !r.text.includes(BUSY) && !r.text.includes(APOLOGY)).length;
  const errors = results.filter((r) => r.status !== 200).length;
  const late = results.filter((r) => r.ms > DEADLINE_MS).length;
  const times = latencyStats(results.map((r) => r.ms));
  const health = latencyStats(probes);
  console.log(
    [
      "",
      `Overbelasting: ${BURST} vragen tegelijk op POST /api/chat (corpus ${CORPUS_FACTOR}×), ${os.cpus().length} cores, loadavg ${round(os.loadavg()[0]!, 1)}`,
      formatTable(
        ["meting", "waarde"],
        [
          ["beantwoord (antwoord of 'weet ik niet')", answered],
          [`"${BUSY}..."`, busy],
          ["excuus (worker vastgelopen/gecrasht)", apologies],
          ["HTTP-fouten of geen antwoord", errors],
          [`later dan ${DEADLINE_MS / 1000} s`, late],
          ["tijd tot antwoord p50 / p99 / max (ms)", `${times.p50Ms} / ${times.p99Ms} / ${times.maxMs}`],
          [`/healthz tijdens de piek: n / p50 / p99 / max (ms)`, `${health.samples} / ${health.p50Ms} / ${health.p99Ms} / ${health.maxMs}`],
          ["afgewezen volgens de logregels 'answer queue full' (server)", serverEnd.busyLogLines],
          ["piek-RSS server (MB)", serverEnd.maxRssMb],
        ],
      ),
      `Doel (issue 13): alle ${BURST} binnen ${DEADLINE_MS / 1000} s een antwoord of de drukmelding; /healthz < 50 ms. Geen pass/fail op tijd.`,
    ].join("\n"),
  );
  console.log(JSON.stringify({ bench: "overload", burst: BURST, corpusFactor: CORPUS_FACTOR, answered, busy, apologies, errors, late, answerMs: times, healthzMs: health, server: serverEnd }));
}

if (process.env[ROLE_ENV] === "server") {
  void serve();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
