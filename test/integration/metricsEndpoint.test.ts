import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWegwijs, startWegwijs } from "../support/startWegwijs.js";

describe("GET /metrics", () => {
  let running: RunningWegwijs;
  beforeAll(async () => {
    running = await startWegwijs({ WEGWIJS_ANSWER_WORKERS: "1" });
  }, 120_000);
  afterAll(async () => {
    await running?.close();
  });

  it("counts answers by outcome and shows the answer workers", async () => {
    const chat = await fetch(`${running.baseUrl}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user: "u-metrics", text: "Wat is een spoedberaad?" }),
    });
    expect(chat.status).toBe(200);
    const response = await fetch(`${running.baseUrl}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const body = await response.text();
    expect(body).toMatch(/wegwijs_answers_total\{outcome="(answered|abstained)"\} 1/);
    expect(body).toMatch(/wegwijs_answer_workers 1/);
    expect(body).toContain("nodejs_eventloop_lag_seconds");
    expect(running.logs.some((l) => l.includes("answer workers ready"))).toBe(true);
  }, 60_000);

  it("counts answers given in the main process too (WEGWIJS_ANSWER_WORKERS=0)", async () => {
    const inProcess = await startWegwijs({ WEGWIJS_ANSWER_WORKERS: "0" });
    try {
      await fetch(`${inProcess.baseUrl}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user: "u-metrics-0", text: "Wat is een spoedberaad?" }),
      });
      const body = await (await fetch(`${inProcess.baseUrl}/metrics`)).text();
      expect(body).toMatch(/wegwijs_answers_total\{outcome="(answered|abstained)"\} 1/);
      expect(body).toMatch(/wegwijs_answer_workers 0/);
      expect(inProcess.logs.some((l) => l.includes("answer workers ready"))).toBe(false);
    } finally {
      await inProcess.close();
    }
  }, 120_000);
});
