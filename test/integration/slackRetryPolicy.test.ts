import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestRetryPolicy } from "../../src/integrations/slack/retryPolicy.js";
import { type FakeSlackApi, startFakeSlackApi } from "../support/fakeSlackApi.js";

/** The real @slack/web-api client against the fake Web API, with the policy Wegwijs uses. */
describe("Slack request retry policy", () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
  });
  afterAll(() => fake.close());

  const client = (timeout: number) =>
    new webApi.WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, retryConfig: requestRetryPolicy, timeout, logLevel: webApi.LogLevel.ERROR });

  it("does not post again after a timeout, since the first call may have posted", async () => {
    fake.setLatency((method) => (method === "chat.postMessage" ? 600 : undefined));
    try {
      const before = fake.callsTo("chat.postMessage").length;
      await expect(client(200).chat.postMessage({ channel: "C-retry-1", text: "één keer" })).rejects.toThrow();
      // Long enough for two retries with their back-off to have arrived, had there been any.
      await fake.quietFor(2500, () => false);
      expect(fake.callsTo("chat.postMessage").length - before).toBe(1);
    } finally {
      fake.setLatency(undefined);
    }
  });

  it("retries after a 429, which Slack did not carry out, and then posts once", async () => {
    let refused = 0;
    fake.setFault((method) => (method === "chat.postMessage" && refused++ === 0 ? { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } } : undefined));
    try {
      const before = fake.messages().length;
      const result = await client(5000).chat.postMessage({ channel: "C-retry-2", text: "na de 429" });
      expect(result.ok).toBe(true);
      expect(fake.messages().length - before).toBe(1);
      expect(refused).toBe(2);
    } finally {
      fake.setFault(undefined);
    }
  });

  it("retries a refused connection, where nothing can have been posted", async () => {
    const closed = await startFakeSlackApi();
    const apiUrl = closed.apiUrl;
    await closed.close();
    const attempts: number[] = [];
    const policy = { ...requestRetryPolicy, minTimeout: 10, maxTimeout: 20, onFailedAttempt: (e: Error & { attemptNumber?: number }) => { attempts.push(e.attemptNumber ?? 0); requestRetryPolicy.onFailedAttempt(e); } };
    const refusedClient = new webApi.WebClient("xoxb-test", { slackApiUrl: apiUrl, retryConfig: policy, timeout: 2000, logLevel: webApi.LogLevel.ERROR });
    await expect(refusedClient.chat.postMessage({ channel: "C-retry-3", text: "x" })).rejects.toThrow();
    expect(attempts).toEqual([1, 2, 3]);
  });
});
