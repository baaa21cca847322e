import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "../../src/handlers/consult/consultWebhook.js";
import { REDIS_URL } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RUN = runId();
const SECRET = `webhook-secret-${randomUUID()}`;
const COORD = `coord-${RUN}`;
const ASKER = `asker-${RUN}`;

interface Received {
  body: string;
  event: any;
  valid: boolean;
}

/**
 * The outgoing webhook: one signed POST per status change, through the outbox. The receiver
 * checks every signature the way the README tells a case system to; a receiver that is down gets
 * every delivery once after it comes back.
 */
describe("consult webhook", () => {
  let receiver: Server;
  let port = 0;
  let up = true;
  let refused = 0;
  const received: Received[] = [];
  let app: RunningWegwijs;

  function listen(): Promise<void> {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (!up) {
          refused++;
          res.writeHead(503).end();
          return;
        }
        const body = Buffer.concat(chunks).toString("utf8");
        const valid = verifyWebhook(SECRET, { signature: req.headers["x-wegwijs-signature"] as string, timestamp: req.headers["x-wegwijs-timestamp"] as string }, body);
        received.push({ body, event: JSON.parse(body), valid });
        res.writeHead(valid ? 204 : 401).end();
      });
    });
    return new Promise((resolve) => receiver.listen(port, "127.0.0.1", () => resolve()));
  }

  beforeAll(async () => {
    await listen();
    port = (receiver.address() as AddressInfo).port;
    app = await startWegwijs({
      REDIS_URL, WEGWIJS_WEB_COORDINATORS: COORD,
      WEGWIJS_CONSULT_WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, WEGWIJS_CONSULT_WEBHOOK_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const post = async (user: string, action: object) =>
    (await (await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user, action }) })).json()) as any;
  const waitFor = async (check: () => boolean, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out; received ${received.length}`);
      await sleep(50);
    }
  };
  const file = async (tag: string) =>
    JSON.stringify(await post(ASKER, { id: "consult.submit", value: "consult", fields: { target: "servicepunt", urgency: "regulier", caseRef: `WH-${tag}`, question: "Geheime vraag", tried: "Gebeld" } })).match(/CR-\d{4}-\d{6}/)![0];

  it("one signed POST per status change, verified by the receiver", { timeout: 30_000 }, async () => {
    const id = await file(`a-${RUN}`);
    await post(COORD, { id: "consult.claim", value: id });
    await post(COORD, { id: "consult.close", value: id });
    await waitFor(() => received.filter((r) => r.event.requestId === id).length >= 3);
    await sleep(1000);
    const mine = received.filter((r) => r.event.requestId === id);
    expect(mine.map((r) => [r.event.event, r.event.status])).toEqual([["filed", "nieuw"], ["claimed", "opgepakt"], ["closed", "afgerond"]]);
    expect(mine.every((r) => r.valid)).toBe(true);
    // The question text stays in Wegwijs; the case system gets the status and the case number.
    expect(mine.some((r) => r.body.includes("Geheime vraag"))).toBe(false);
    // A tampered body fails the same check.
    const first = mine[0]!;
    expect(verifyWebhook(SECRET, { signature: "sha256=00", timestamp: String(Math.floor(Date.now() / 1000)) }, first.body)).toBe(false);
  });

  it("a receiver that is down gets every delivery once after it comes back", { timeout: 90_000 }, async () => {
    up = false;
    const ids = [await file(`b-${RUN}`), await file(`c-${RUN}`)];
    await post(COORD, { id: "consult.claim", value: ids[0] });
    await waitFor(() => refused >= 3);
    up = true;
    await waitFor(() => received.filter((r) => ids.includes(r.event.requestId)).length >= 3, 60_000);
    await sleep(3000);
    const mine = received.filter((r) => ids.includes(r.event.requestId));
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((r) => r.event.deliveryId)).size).toBe(3);
    expect(mine.every((r) => r.valid)).toBe(true);
  });

  it("a receiver that is not listening at all gets every delivery once after it is back on its port", { timeout: 90_000 }, async () => {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    const ids = [await file(`d-${RUN}`), await file(`e-${RUN}`)];
    await post(COORD, { id: "consult.close", value: ids[1] });
    await sleep(3000);
    expect(received.filter((r) => ids.includes(r.event.requestId))).toHaveLength(0);
    await listen();
    await waitFor(() => received.filter((r) => ids.includes(r.event.requestId)).length >= 3, 60_000);
    await sleep(3000);
    const mine = received.filter((r) => ids.includes(r.event.requestId));
    expect(mine.map((r) => r.event.deliveryId).sort()).toEqual([`${ids[0]}:v1`, `${ids[1]}:v1`, `${ids[1]}:v2`].sort());
    expect(mine.every((r) => r.valid)).toBe(true);
  });
});
