import { randomUUID } from "node:crypto";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_URL } from "../support/redis.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const QUESTION = "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?";
const PHONE = "06-12345678";
const BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"];

/**
 * Reloading the web chat, or opening its link in another tab or browser, shows the conversation
 * again: this browser's own messages from its transcript (localStorage, personal data taken out,
 * each entry as long as the server keeps conversation state), the shared spoedberaad card as the
 * server has it now (GET /api/history), and what happened to each message (a step answered, a form
 * sent, a vote). Real Chromium, real server, real Redis.
 */
describe("web chat history after a reload or in a second tab", () => {
  let app: RunningWegwijs;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWegwijs({ REDIS_URL });
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A page of this context (one browser: one localStorage) on the conversation, ready. */
  async function openPage(context: BrowserContext, conversation?: string, name?: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/${conversation ? `#gesprek=${conversation}` : ""}`);
    await page.waitForSelector("body[data-restored=true][data-stream=open]", { timeout: 15_000 });
    if (name) await page.fill("#display-name", name);
    return page;
  }
  async function reload(page: Page): Promise<void> {
    await page.reload();
    await page.waitForSelector("body[data-restored=true][data-stream=open]", { timeout: 15_000 });
  }
  const bots = (page: Page) => page.getByRole("log", { name: "Gesprek met Wegwijs" }).getByRole("article", { name: "Wegwijs" });
  const mine = (page: Page) => page.getByRole("log", { name: "Gesprek met Wegwijs" }).getByRole("article", { name: "Jij" });
  async function say(page: Page, text: string) {
    const before = await bots(page).count();
    await page.fill("#question", text);
    await page.press("#question", "Enter");
    await bots(page).nth(before).waitFor({ timeout: 15_000 });
    return bots(page).nth(before);
  }
  const item = (page: Page, id: string) => page.locator(`section.checklist-part li[data-item="${id}"]`).last();
  const stored = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("wegwijs-transcript:")).map((k) => localStorage.getItem(k) ?? "").join("\n"));

  it("a reload shows the answers with their sources and buttons as they were, without the phone number typed by mistake", { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ locale: "nl-NL" });
    const pageErrors: string[] = [];
    try {
      const page = await openPage(context);
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await bots(page).filter({ hasText: "Hoi! Ik ben Wegwijs." }).waitFor({ timeout: 10_000 });

      const answer = await say(page, QUESTION);
      await answer.getByRole("region", { name: "Bronnen" }).waitFor();
      const sourcesBefore = await answer.getByRole("region", { name: "Bronnen" }).getByRole("listitem").count();
      let count = await bots(page).count();
      await answer.getByRole("button", { name: "Meer bronnen" }).click();
      await bots(page).nth(count).getByRole("region", { name: "Meer bronnen" }).waitFor({ timeout: 10_000 });
      count = await bots(page).count();
      await answer.getByRole("button", { name: "👍 Nuttig" }).click();
      await bots(page).nth(count).waitFor();

      // Typed by mistake: the page shows (and keeps) the message as the server kept it.
      await say(page, `Wat doet het Servicepunt? Bel me op ${PHONE}`);
      const typed = mine(page).filter({ hasText: "Wat doet het Servicepunt?" });
      await expect(typed.innerText()).resolves.not.toContain(PHONE);
      expect(await stored(page)).not.toContain(PHONE);
      expect(await stored(page)).not.toContain("12345678");

      const shownBefore = await page.locator("#log").innerText();
      const botCount = await bots(page).count();
      await reload(page);

      // The same conversation, once: no second greeting, the same messages in the same order.
      expect(await bots(page).count()).toBe(botCount);
      expect(await bots(page).filter({ hasText: "Hoi! Ik ben Wegwijs." }).count()).toBe(1);
      expect(await page.locator("#log").innerText()).toBe(shownBefore);
      expect(await mine(page).filter({ hasText: QUESTION }).count()).toBe(1);
      const restored = bots(page).filter({ has: page.getByRole("region", { name: "Bronnen" }) }).first();
      expect(await restored.getByRole("region", { name: "Bronnen" }).getByRole("listitem").count()).toBe(sourcesBefore);
      // What happened to it: "Meer bronnen" was used, the vote was 👍.
      expect(await restored.getByRole("button", { name: "Meer bronnen" }).isDisabled()).toBe(true);
      expect(await restored.getByRole("button", { name: "👍 Nuttig" }).getAttribute("aria-pressed")).toBe("true");
      expect(await page.locator("main").innerText()).not.toContain(PHONE);

      // The restored answer's buttons still work, and the chat goes on below. The changed vote's
      // reply (the reason form) takes the place of the first vote's thanks, under the answer.
      await restored.getByRole("button", { name: "👎 Niet nuttig" }).click();
      await bots(page).getByRole("form").waitFor({ timeout: 10_000 });
      expect(await bots(page).filter({ hasText: "Fijn dat het hielp" }).count()).toBe(0);
      expect(await restored.getByRole("button", { name: "👎 Niet nuttig" }).getAttribute("aria-pressed")).toBe("true");
      const next = await say(page, "hallo");
      expect(await next.innerText()).toContain("Je kunt bijvoorbeeld vragen");

      // "Wis dit gesprek hier": asks first (team try: one click wiped it), then this browser forgets
      // its copy and starts over with the greeting.
      const kept = await mine(page).count();
      await page.getByRole("button", { name: "Wis dit gesprek hier" }).click();
      expect(await mine(page).count()).toBe(kept);
      await page.getByRole("button", { name: "Zeker weten? Klik nog eens om te wissen" }).click();
      await bots(page).filter({ hasText: "Hoi! Ik ben Wegwijs." }).waitFor();
      expect(await mine(page).count()).toBe(0);
      await reload(page);
      expect(await mine(page).count()).toBe(0);
      expect(await bots(page).count()).toBe(1);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("'Nieuw gesprek' asks first, then opens a conversation of its own with its own link; the old one stays under its link", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: "nl-NL" });
    try {
      const shared = `sb-${randomUUID().slice(0, 8)}`;
      const page = await openPage(context, shared, "Kees");
      await say(page, "spoedberaad CASUS-77");
      await page.locator("section.checklist-part").first().waitFor({ timeout: 10_000 });
      await page.getByRole("button", { name: "Nieuw gesprek" }).click();
      // Nothing happened yet: it asks first.
      expect(await page.locator("section.checklist-part").count()).toBe(1);
      await page.getByRole("button", { name: "Zeker weten? Klik nog eens voor een nieuw gesprek" }).click();
      await page.waitForURL((url) => url.hash === "", { timeout: 10_000 });
      await page.waitForSelector("body[data-restored=true][data-stream=open]", { timeout: 15_000 });
      expect(await page.locator("section.checklist-part").count()).toBe(0);
      const link = await page.locator("#share-link").getAttribute("href");
      expect(link).toMatch(/#gesprek=gesprek-[A-Za-z]+$/);
      expect(link).not.toContain(shared);
      // The old conversation is still there for whoever opens its link.
      const back = await openPage(context, shared);
      await back.locator("section.checklist-part").first().waitFor({ timeout: 10_000 });
      expect(await back.locator("section.checklist-part").first().innerText()).toContain("CASUS-77");
    } finally {
      await context.close();
    }
  });

  it("a spoedberaad shows in its current state after a reload, in a second tab and in a colleague's browser; an answered question stays answered", { timeout: 90_000 }, async () => {
    const conversation = `sb-${randomUUID().slice(0, 8)}`;
    const keesBrowser = await browser.newContext({ locale: "nl-NL" });
    const sanneBrowser = await browser.newContext({ locale: "nl-NL" });
    try {
      const kees = await openPage(keesBrowser, conversation, "Kees");
      await say(kees, "spoedberaad CASUS-8");
      await kees.getByRole("heading", { name: "Spoedberaad CASUS-8" }).waitFor({ timeout: 5000 });
      await item(kees, "aanwezig").getByRole("button", { name: /^Klaar/ }).click();
      await item(kees, "aanwezig").and(kees.locator('[data-state="done"]')).waitFor({ timeout: 5000 });
      // "Afronden", then "Nog niet": the question is answered.
      const cardMessage = kees.locator("article.msg.bot", { has: kees.locator("section.checklist-part") });
      await cardMessage.getByRole("button", { name: "Afronden" }).click();
      const question = bots(kees).filter({ hasText: "Toch afronden?" });
      await question.getByRole("button", { name: "Nog niet" }).click();
      await kees.getByText("de checklist blijft open").waitFor({ timeout: 5000 });

      // The share link in a second tab of the same browser: the whole conversation, one card.
      const second = await openPage(keesBrowser, conversation);
      await second.getByRole("heading", { name: "Spoedberaad CASUS-8" }).waitFor({ timeout: 5000 });
      expect(await second.locator("section.checklist-part").count()).toBe(1);
      expect(await item(second, "aanwezig").getAttribute("data-state")).toBe("done");
      expect(await mine(second).filter({ hasText: "spoedberaad CASUS-8" }).count()).toBe(1);
      const restoredQuestion = bots(second).filter({ hasText: "Toch afronden?" });
      expect(await restoredQuestion.getByRole("button", { name: "Ja, afronden" }).isDisabled()).toBe(true);
      expect(await restoredQuestion.getByRole("button", { name: "Nog niet" }).getAttribute("aria-pressed")).toBe("true");
      // Still live: a tick in the second tab shows in the first.
      await item(second, "analyse").getByRole("button", { name: /^Klaar/ }).click();
      await item(kees, "analyse").and(kees.locator('[data-state="done"]')).waitFor({ timeout: 5000 });
      await second.close();

      // A colleague in her own browser opens the link: greeted, then the card as it stands.
      const sanne = await openPage(sanneBrowser, conversation, "Sanne");
      await sanne.getByRole("heading", { name: "Spoedberaad CASUS-8" }).waitFor({ timeout: 5000 });
      expect(await item(sanne, "analyse").getAttribute("data-state")).toBe("done");
      expect(await bots(sanne).first().innerText()).toContain("Hoi! Ik ben Wegwijs.");
      // Kees' own messages are his: not in her browser.
      expect(await mine(sanne).count()).toBe(0);

      // Kees closes his page; Sanne ticks while it is closed. Opened again, it shows her tick
      // (the card comes from the server, not from what the page kept).
      await kees.close();
      await item(sanne, "hsj").getByRole("button", { name: /^N\.v\.t\./ }).click();
      await item(sanne, "hsj").and(sanne.locator('[data-state="nvt"]')).waitFor({ timeout: 5000 });
      const again = await openPage(keesBrowser, conversation);
      expect(await item(again, "hsj").getAttribute("data-state")).toBe("nvt");
      expect(await item(again, "hsj").innerText()).toContain("gewijzigd door Sanne");
      expect(await again.locator("section.checklist-part").count()).toBe(1);

      // Closed: the summary is pushed to Sanne's page; after a reload she has card and summary once.
      const closeMessage = again.locator("article.msg.bot", { has: again.locator("section.checklist-part") });
      const questions = bots(again).filter({ hasText: "Toch afronden?" });
      expect(await questions.count()).toBe(1); // the one answered before, restored
      await closeMessage.getByRole("button", { name: "Afronden" }).click();
      await questions.nth(1).waitFor({ timeout: 10_000 });
      await questions.nth(1).getByRole("button", { name: "Ja, afronden" }).click();
      await sanne.getByRole("heading", { name: "Samenvatting Spoedberaad CASUS-8" }).waitFor({ timeout: 10_000 });
      await reload(sanne);
      expect(await sanne.getByRole("heading", { name: "Samenvatting Spoedberaad CASUS-8" }).count()).toBe(1);
      expect(await sanne.locator("section.checklist-part").count()).toBe(1);
      expect(await sanne.locator("section.checklist-part .where").innerText()).toContain("Afgerond");
      // A browser that never saw the conversation gets the closed card and its summary too.
      const late = await openPage(await browser.newContext({ locale: "nl-NL" }), conversation);
      await late.getByRole("heading", { name: "Samenvatting Spoedberaad CASUS-8" }).waitFor({ timeout: 5000 });
      expect(await late.locator("section.checklist-part .where").innerText()).toContain("Afgerond");
      await late.context().close();
    } finally {
      await keesBrowser.close();
      await sanneBrowser.close();
    }
  });

  it("forgets kept messages older than the server keeps conversation state, in this and other conversations", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: "nl-NL" });
    const conversation = `oud-${randomUUID().slice(0, 8)}`;
    const hour = 3_600_000;
    const old = (text: string, hoursAgo: number) => ({ key: `e:${text}`, who: "user", text, at: Date.now() - hoursAgo * hour });
    await context.addInitScript(
      ({ conversation, entries, other }) => {
        if (sessionStorage.getItem("seeded")) return;
        sessionStorage.setItem("seeded", "1");
        localStorage.setItem(`wegwijs-transcript:${conversation}`, JSON.stringify({ keepHours: 72, entries }));
        localStorage.setItem("wegwijs-transcript:ander-gesprek", JSON.stringify({ keepHours: 72, entries: other }));
      },
      { conversation, entries: [old("drie dagen en een uur geleden", 73), old("gisteren gevraagd", 24)], other: [old("in een ander gesprek", 80)] },
    );
    try {
      const page = await openPage(context, conversation);
      expect(await mine(page).allInnerTexts()).toEqual(["gisteren gevraagd"]);
      expect(await page.evaluate(() => localStorage.getItem("wegwijs-transcript:ander-gesprek"))).toBeNull();
      expect(await stored(page)).not.toContain("drie dagen");
    } finally {
      await context.close();
    }
  });
});
