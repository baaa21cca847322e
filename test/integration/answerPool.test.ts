import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerMetrics } from "../../src/answerPool/answerMetrics.js";
import { BUSY_TEXT, FAILED_TEXT, PooledAskService } from "../../src/answerPool/pooledAskService.js";
import { contentDir } from "../../src/app.js";
import { defaultCorpusDir } from "../../src/config.js";
import { AskService } from "../../src/handlers/ask/askService.js";
import { KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";
import { createLogger } from "../../src/logger.js";
import { Writable } from "node:stream";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const corpusDir = defaultCorpusDir(repoRoot);
const faultyWorker = path.join(repoRoot, "test/support/faultyAnswerWorker.ts");
const QUESTIONS = ["Wat moet er bij een spoedberaad aanschuiven?", "Hoeveel plekken zijn er in de gesloten jeugdhulp?", "Wat is het telefoonnummer van de voetbalclub?"];

let dataDir: string;
let inProcess: AskService;
const logs: string[] = [];
const logger = createLogger(
  "info",
  new Writable({
    write(chunk, _e, cb) {
      logs.push(...chunk.toString().split("\n").filter(Boolean));
      cb();
    },
  }),
);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-pool-"));
  const knowledge = new KnowledgeBase({ contentDir, dataDir });
  await knowledge.ingest(corpusDir);
  inProcess = new AskService(knowledge, createLogger("silent"));
}, 60_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function pool(options: { threads?: number; maxQueue?: number; maxWaitMs?: number; timeoutMs?: number; registry?: Registry } = {}) {
  const registry = options.registry ?? new Registry();
  let service: PooledAskService | undefined;
  const metrics = createAnswerMetrics(registry, () => service!.stats);
  service = new PooledAskService({
    workerData: { contentDir, dataDir, corpusDir, logLevel: "info" },
    logger,
    metrics,
    workerFile: faultyWorker,
    threads: options.threads ?? 1,
    maxQueue: options.maxQueue,
    maxWaitMs: options.maxWaitMs,
    timeoutMs: options.timeoutMs,
  });
  return { service, registry };
}

describe("PooledAskService", () => {
  it("answers exactly as the in-process AskService does", async () => {
    const { service } = pool({ threads: 2 });
    try {
      for (const question of QUESTIONS) expect(await service.answer(question)).toEqual(await inProcess.answer(question));
    } finally {
      await service.close();
    }
  }, 60_000);

  it("answers beyond the sections an earlier answer quoted, as the in-process AskService does", async () => {
    const { service } = pool();
    try {
      const question = "wat verandert er tot 2027 met de jz+ plekken? en wat moet er dan in 2027 bereikt zijn?";
      const beyond = (await inProcess.answer(question)).sources;
      const pooled = await service.answer(question, { beyond });
      expect(pooled).toEqual(await inProcess.answer(question, { beyond }));
      expect(pooled.text).not.toEqual((await service.answer(question)).text);
    } finally {
      await service.close();
    }
  }, 60_000);

  it("answers without the documents left out, as the in-process AskService does", async () => {
    const { service } = pool();
    try {
      const question = "hoe zit het met veiligheid?";
      const left = (await inProcess.answer(question)).sources.map((s) => s.documentId).slice(0, 1);
      const pooled = await service.answer(question, { withoutDocuments: left });
      expect(pooled).toEqual(await inProcess.answer(question, { withoutDocuments: left }));
      expect(pooled.sources.some((s) => s.documentId === left[0])).toBe(false);
    } finally {
      await service.close();
    }
  }, 60_000);

  it("relays a worker's logs through the main logger, without the question", async () => {
    const { service } = pool();
    try {
      const before = logs.length;
      await service.answer("Mijn BSN is 111222333, wat is een spoedberaad?");
      const relayed = logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(relayed.some((l) => l.msg === "personal data redacted" && l.worker === true)).toBe(true);
      expect(logs.slice(before).join("\n")).not.toContain("111222333");
    } finally {
      await service.close();
    }
  }, 60_000);

  it("replaces a crashed worker, apologises for its question and answers the next one", async () => {
    const { service, registry } = pool();
    try {
      const crashed = await service.answer("__crash__");
      expect(crashed.text).toBe(FAILED_TEXT);
      const next = await service.answer(QUESTIONS[0]!);
      expect(next.status).toBe("answered");
      expect(await registry.getSingleMetricAsString("wegwijs_answers_total")).toMatch(/outcome="failed"\} 1/);
    } finally {
      await service.close();
    }
  }, 60_000);

  it("gives up on a hung worker after the timeout, apologises and keeps answering", async () => {
    // The timeout covers starting a replacement worker too, which is slow on a busy test machine.
    const { service, registry } = pool({ timeoutMs: 5000 });
    try {
      await service.ready();
      expect((await service.answer("__hang__")).text).toBe(FAILED_TEXT);
      await service.ready(); // the replacement worker has loaded the index
      expect((await service.answer(QUESTIONS[0]!)).status).toBe("answered");
      expect(await registry.getSingleMetricAsString("wegwijs_answers_total")).toMatch(/outcome="timeout"\} 1/);
      expect(logs.some((l) => l.includes("the question got an apology") && l.includes('"reason":"timeout"'))).toBe(true);
    } finally {
      await service.close();
    }
  }, 60_000);

  it("turns questions away with the busy message once the queue is full, and counts them", async () => {
    const { service, registry } = pool({ threads: 1, maxQueue: 2, timeoutMs: 3000 });
    try {
      await service.answer(QUESTIONS[0]!); // worker up and warm
      const hanging = [service.answer("__hang__"), service.answer("__hang__"), service.answer("__hang__")];
      const turnedAway = await service.answer(QUESTIONS[0]!);
      expect(turnedAway.text).toBe(BUSY_TEXT);
      expect(turnedAway.sources).toEqual([]);
      expect(await registry.getSingleMetricAsString("wegwijs_answers_total")).toMatch(/outcome="busy"\} 1/);
      expect(logs.some((l) => l.includes("answer queue full"))).toBe(true);
      // Nothing is left unanswered: the stuck ones end with an apology.
      for (const result of await Promise.all(hanging)) expect(result.text).toBe(FAILED_TEXT);
    } finally {
      await service.close();
    }
  }, 60_000);

  it("logs turned-away questions as one summed warning per second, and loses none of the count", async () => {
    const { service } = pool({ threads: 1, maxQueue: 1, timeoutMs: 3000 });
    const busyLines = () => logs.filter((l) => l.includes("answer queue full")).map((l) => JSON.parse(l) as { turnedAway: number });
    const before = busyLines().length;
    try {
      await service.answer(QUESTIONS[0]!);
      const hanging = [service.answer("__hang__"), service.answer("__hang__")];
      const turned = await Promise.all(Array.from({ length: 40 }, () => service.answer(QUESTIONS[0]!)));
      expect(turned.every((r) => r.text === BUSY_TEXT)).toBe(true);
      await Promise.all(hanging);
    } finally {
      await service.close();
    }
    const lines = busyLines().slice(before);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.reduce((sum, l) => sum + l.turnedAway, 0)).toBe(40);
  }, 60_000);

  it("sends the busy message at once when the queue ahead would take longer than the longest wait", async () => {
    const { service, registry } = pool({ threads: 1, maxWaitMs: 1, timeoutMs: 8000 });
    try {
      await service.ready();
      expect((await service.answer(QUESTIONS[0]!)).status).toBe("answered"); // measures the time per answer (well over 1 ms)
      const hanging = service.answer("__hang__");
      const turnedAway = await service.answer(QUESTIONS[1]!);
      expect(turnedAway.text).toBe(BUSY_TEXT);
      expect(await registry.getSingleMetricAsString("wegwijs_answers_total")).toMatch(/outcome="busy"\} 1/);
      expect((await hanging).text).toBe(FAILED_TEXT);
    } finally {
      await service.close();
    }
  }, 60_000);
});
