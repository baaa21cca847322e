import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultContentDir } from "../../src/config.js";
import { consultKind } from "../../src/handlers/consult/consultModel.js";
import { REDIS_URL } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { openSse, type SseClient } from "../support/sseClient.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RUN = runId();
const COORD = `coord-${RUN}`;
const BACKUP = `backup-${RUN}`;
const ASKER = `asker-${RUN}`;
// Short configured intervals: remind after 1.8 s, escalate after 3.6 s.
const REMIND_MS = 0.03 * 60_000;
const ESCALATE_MS = 0.06 * 60_000;

/**
 * SLA timers as version-stamped delayed jobs on real Redis: an unclaimed spoed request reminds the
 * coordinators once at its time and escalates to the configured backup once at its time; a claim
 * before the time cancels both.
 */
describe("consult service level timers", () => {
  let contentDir: string;
  let app: RunningWegwijs;
  let coord: SseClient;
  let backup: SseClient;

  beforeAll(async () => {
    contentDir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-content-"));
    await cp(defaultContentDir, contentDir, { recursive: true });
    const file = path.join(contentDir, "regions", "groningen-drenthe.yaml");
    const yaml = (await readFile(file, "utf8")).replace(
      "spoed: { remindAfterMinutes: 30, escalateAfterMinutes: 60, workingHoursOnly: false }",
      `spoed: { remindAfterMinutes: ${REMIND_MS / 60_000}, escalateAfterMinutes: ${ESCALATE_MS / 60_000}, workingHoursOnly: false }`,
    );
    expect(yaml).toContain(`remindAfterMinutes: ${REMIND_MS / 60_000}`);
    await writeFile(file, yaml);
    app = await startWegwijs({ REDIS_URL, WEGWIJS_CONTENT_DIR: contentDir, WEGWIJS_WEB_COORDINATORS: COORD, WEGWIJS_CONSULT_BACKUP: `web:user:${BACKUP}` });
    coord = await openSse(`${app.baseUrl}/api/stream?user=${COORD}&conversation=c-${COORD}`);
    backup = await openSse(`${app.baseUrl}/api/stream?user=${BACKUP}&conversation=c-${BACKUP}`);
  });
  afterAll(async () => {
    coord?.close();
    backup?.close();
    await app?.close();
    if (contentDir) await rm(contentDir, { recursive: true, force: true });
  });

  const post = async (user: string, action: object) =>
    (await (await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user, action }) })).json()) as any;
  const file = async () => {
    const reply = await post(ASKER, { id: "consult.submit", value: "consult", fields: { target: "servicepunt", urgency: "spoed", caseRef: `SLA-${RUN}`, question: "Vraag", tried: "Gebeld" } });
    return JSON.stringify(reply).match(/CR-\d{4}-\d{6}/)![0];
  };
  const arrivals = (stream: SseClient, text: string) => stream.events.filter((e) => JSON.stringify(e.data).includes(text));

  it("an unclaimed spoed request reminds once and escalates to the backup once, at their times", { timeout: 30_000 }, async () => {
    const filed = Date.now();
    const id = await file();
    const reminder = `Herinnering: consultaanvraag ${id}`;
    const escalation = `Escalatie: consultaanvraag ${id}`;
    await coord.waitFor((events) => (arrivals({ events } as SseClient, reminder).length > 0 ? true : undefined), 15_000);
    const remindedAfter = Date.now() - filed;
    await backup.waitFor((events) => (arrivals({ events } as SseClient, escalation).length > 0 ? true : undefined), 15_000);
    const escalatedAfter = Date.now() - filed;
    expect(remindedAfter).toBeGreaterThanOrEqual(REMIND_MS);
    expect(escalatedAfter).toBeGreaterThanOrEqual(ESCALATE_MS);
    expect(remindedAfter).toBeLessThan(ESCALATE_MS);
    await sleep(3000);
    expect(arrivals(coord, reminder)).toHaveLength(1);
    expect(arrivals(backup, escalation)).toHaveLength(1);
    // The backup, not the coordinators, gets the escalation.
    expect(arrivals(coord, escalation)).toHaveLength(0);
    const history = await app.app.records.open(consultKind(60)).history(id);
    expect(history.map((h) => h.type)).toEqual(["filed", "reminded", "escalated"]);
  });

  it("a claim before the time cancels both timers", { timeout: 30_000 }, async () => {
    const id = await file();
    expect(JSON.stringify(await post(COORD, { id: "consult.claim", value: id }))).toContain("opgepakt");
    await sleep(ESCALATE_MS + 2500);
    expect(arrivals(coord, `Herinnering: consultaanvraag ${id}`)).toHaveLength(0);
    expect(arrivals(backup, `Escalatie: consultaanvraag ${id}`)).toHaveLength(0);
    const history = await app.app.records.open(consultKind(60)).history(id);
    expect(history.map((h) => h.type)).toEqual(["filed", "claimed"]);
  });
});
