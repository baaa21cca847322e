import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const QUESTION = "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?";
const SCREENSHOT = "/tmp/wegwijs-webchat.png";

describe("web chat in a real browser", () => {
  let app: RunningWegwijs;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWegwijs();
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("greets, answers with sources, shows more sources, and is accessible", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: "nl-NL" });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    // Every request the page makes succeeds (stylesheet, script, icon, API).
    const failedRequests: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    page.on("requestfailed", (request) => failedRequests.push(`failed ${request.url()}`));
    try {
      await page.goto(app.baseUrl);

      // Accessibility basics.
      expect(await page.locator("html").getAttribute("lang")).toBe("nl");
      const log = page.getByRole("log", { name: "Gesprek met Wegwijs" });
      await expect(log.count()).resolves.toBe(1);
      const input = page.getByRole("textbox", { name: "Je vraag aan Wegwijs" });
      await expect(input.count()).resolves.toBe(1);
      expect(await input.evaluate((node) => node.tagName)).toBe("TEXTAREA");

      // The greeting is the help reply.
      await log.locator("article", { hasText: "Hoi! Ik ben Wegwijs." }).waitFor({ timeout: 10_000 });
      expect(await log.getByText(/Noem geen namen, BSN of adressen van jongeren/).count()).toBe(1);

      // Ask by typing and pressing Enter.
      await input.fill(QUESTION);
      await input.press("Enter");
      const answer = log.locator("article", { has: page.getByRole("region", { name: "Bronnen" }) });
      await answer.waitFor({ timeout: 15_000 });
      await expect(input.inputValue()).resolves.toBe("");
      // The question is shown as the user's message, the answer with its text and sources.
      expect(await log.getByRole("article", { name: "Jij" }).filter({ hasText: QUESTION }).count()).toBe(1);
      expect(await answer.getByText(/^Dit staat erover in de plandocumenten:/).count()).toBe(1);
      const sources = answer.getByRole("region", { name: "Bronnen" });
      expect(await sources.getByRole("heading", { name: "Bronnen" }).count()).toBe(1);
      const items = sources.getByRole("listitem");
      expect(await items.count()).toBeGreaterThan(0);
      expect((await items.first().locator("strong").innerText()).trim()).not.toBe("");
      expect((await items.first().locator("blockquote").innerText()).trim()).not.toBe("");

      // "Meer bronnen" adds a message with the remaining sources.
      await answer.getByRole("button", { name: "Meer bronnen" }).click();
      const more = log.getByRole("region", { name: "Meer bronnen" });
      await more.waitFor({ timeout: 10_000 });
      expect(await more.getByRole("listitem").count()).toBeGreaterThan(0);
      expect(await more.getByRole("heading", { name: "Meer bronnen" }).count()).toBe(1);

      // Focus is back in the question box, ready for the next question.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("question");

      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(failedRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
