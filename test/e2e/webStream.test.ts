import { chromium, type Browser, type Page } from "playwright-core";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanPrefix, REDIS_URL } from "../support/redis.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/**
 * The delivery seam on the web: a message delivered to a conversation appears on every open page
 * of it (Server-Sent Events), and an update replaces it in place. Two Wegwijs processes share
 * Redis: a delivery made through one reaches pages connected to the other.
 */
describe("web pages receive pushed messages (SSE)", () => {
  const prefix = `test:webstream:${randomUUID().slice(0, 8)}:`;
  let one: RunningWegwijs;
  let two: RunningWegwijs;
  let browser: Browser;

  beforeAll(async () => {
    const env = { REDIS_URL, WEGWIJS_REDIS_PREFIX: prefix };
    one = await startWegwijs(env);
    two = await startWegwijs(env);
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await one?.close();
    await two?.close();
    await cleanPrefix(prefix);
  });

  async function openConversation(baseUrl: string, conversation: string): Promise<Page> {
    // Separate contexts: two different people (their own browser storage) in one shared conversation.
    const context = await browser.newContext({ locale: "nl-NL" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#gesprek=${conversation}`);
    await page.waitForSelector("body[data-stream=open]", { timeout: 10_000 });
    return page;
  }

  it("shows a delivered message on two open pages and updates it in place on both", { timeout: 60_000 }, async () => {
    const conversation = `gesprek-${randomUUID().slice(0, 8)}`;
    const first = await openConversation(one.baseUrl, conversation);
    const second = await openConversation(two.baseUrl, conversation);
    const elsewhere = await openConversation(one.baseUrl, `gesprek-${randomUUID().slice(0, 8)}`);

    const ref = await one.app.delivery.deliver(
      { kind: "conversation", surface: "web", conversationId: conversation },
      { parts: [{ kind: "text", text: "Checklist spoedberaad: 0 van 3 klaar" }] },
    );
    for (const page of [first, second]) {
      await page.getByText("Checklist spoedberaad: 0 van 3 klaar").waitFor({ timeout: 5000 });
    }

    // The same message, a new state, delivered through the other process.
    await two.app.delivery.deliver(
      { kind: "conversation", surface: "web", conversationId: conversation },
      { parts: [{ kind: "text", text: "Checklist spoedberaad: 1 van 3 klaar" }] },
      { replaces: ref },
    );
    for (const page of [first, second]) {
      await page.getByText("Checklist spoedberaad: 1 van 3 klaar").waitFor({ timeout: 5000 });
      expect(await page.getByText("Checklist spoedberaad: 0 van 3 klaar").count()).toBe(0);
      expect(await page.locator(`article[data-message-id="${ref.messageId}"]`).count()).toBe(1);
    }
    // A page of another conversation sees none of it.
    expect(await elsewhere.getByText(/Checklist spoedberaad/).count()).toBe(0);
  });
});
