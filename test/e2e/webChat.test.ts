import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerLog } from "../../src/handlers/ask/answerLog.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

// Its answer is a whole list under its lead-in (a question for one figure gets that item alone).
const QUESTION = "welke knelpunten zien ze in de aanloop naar een plaatsing in de JeugdzorgPlus?";
const LATER_QUESTION = "Wat is in Rijnmond de voorkeursvorm voor verblijf?";
const BROWSER_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SCREENSHOT = "/tmp/wegwijs-webchat.png";

describe("web chat in a real browser", () => {
  let app: RunningWegwijs;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWegwijs();
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh page on the chat, its greeting shown, and a way to type a message and get the bot's reply to it. */
  async function openChat() {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: "nl-NL" });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(app.baseUrl);
    const log = page.getByRole("log", { name: "Gesprek met Wegwijs" });
    const input = page.getByRole("textbox", { name: "Je vraag aan Wegwijs" });
    const botMessages = log.getByRole("article", { name: "Wegwijs" });
    await botMessages.first().waitFor({ timeout: 10_000 });
    /** Types a message and returns the bot's reply article that follows it. */
    const say = async (text: string) => {
      const before = await botMessages.count();
      await input.fill(text);
      await input.press("Enter");
      await botMessages.nth(before).waitFor({ timeout: 15_000 });
      return botMessages.nth(before);
    };
    return { context, page, log, input, botMessages, say, pageErrors };
  }

  it("makes letter-only ids, and replaces a stored id that the server refuses as personal data or as malformed", { timeout: 60_000 }, async () => {
    // The last: a name with a space, set by hand (new-user try: every request failed with 400).
    for (const stored of [undefined, "web-06587298-66da-4794-a87f-9eec601d0626", "Huisarts Schiedam"]) {
      const context = await browser.newContext({ locale: "nl-NL" });
      // An id an older page made from a random UUID, which happens to look like a phone number.
      if (stored) await context.addInitScript((id) => localStorage.setItem("wegwijs-user", id), stored);
      const page = await context.newPage();
      try {
        await page.goto(app.baseUrl);
        await page.getByText(/Ik ben Wegwijs/).first().waitFor({ timeout: 15_000 });
        const id = await page.evaluate(() => localStorage.getItem("wegwijs-user"));
        expect(id).toMatch(/^web-[a-z]{24}$/);
        expect(await page.locator(".notice.warning").count()).toBe(0);
      } finally {
        await context.close();
      }
    }
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
      // The privacy line stands once on the page, above the conversation, not again in the greeting.
      expect(await page.getByText(/Noem geen namen, BSN of adressen van jongeren/).count()).toBe(1);
      expect(await log.getByText(/Noem geen namen, BSN of adressen van jongeren/).count()).toBe(0);

      // Ask by typing and pressing Enter.
      await input.fill(QUESTION);
      await input.press("Enter");
      const answer = log.locator("article", { has: page.getByRole("region", { name: "Bronnen" }) });
      await answer.waitFor({ timeout: 15_000 });
      await expect(input.inputValue()).resolves.toBe("");
      // The question is shown as the user's message, the answer with its text and sources.
      expect(await log.getByRole("article", { name: "Jij" }).filter({ hasText: QUESTION }).count()).toBe(1);
      // The answer leads with the quote; no preamble.
      expect((await answer.locator("p").first().innerText()).trim()).toMatch(/^“/);
      // The quoted list under its lead-in is a real list, its items without the text dash.
      const listItems = answer.locator("ul.quoted-list > li");
      expect(await listItems.count()).toBeGreaterThan(1);
      expect((await listItems.first().innerText()).trim()).not.toMatch(/^-/);
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

  it("shows a sub-item as a list nested in the item it goes on from", { timeout: 60_000 }, async () => {
    const { context, say, pageErrors } = await openChat();
    try {
      // Regiovisie Rijnmond § 3.6: "Voor alle vormen van verblijf …" with its indented items "voor pleegzorg …", "voor residentieel …".
      const reply = await say("waarom moet bij verblijf in rijnmond altijd ambulante ondersteuning beschikbaar zijn?");
      const nested = reply.locator("ul.quoted-list > li > ul.quoted-list > li");
      expect(await nested.count()).toBeGreaterThan(1);
      expect((await nested.first().innerText()).trim()).toMatch(/^voor pleegzorg/);
      const parent = reply.locator("ul.quoted-list > li:has(> ul.quoted-list)");
      expect(await parent.count()).toBe(1);
      expect(await parent.innerText()).toMatch(/^Voor alle vormen van verblijf/);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a walk's newer step closes the older ones, also when answered by typing; only spaces say what is missing; a pasted link opens its conversation", { timeout: 60_000 }, async () => {
    const { context, page, input, botMessages, say, pageErrors } = await openChat();
    try {
      const list = await say("route");
      const regular = list.getByRole("button", { name: /Reguliere route/ });
      expect(await regular.isEnabled()).toBe(true);
      const firstStep = await say("regulier");
      expect(await firstStep.innerText()).toContain("De reguliere route geeft");
      // The list of routes is history now: its buttons are off, none marked as chosen.
      expect(await regular.isDisabled()).toBe(true);
      expect(await regular.getAttribute("aria-pressed")).toBeNull();
      const secondStep = await say("ok verder");
      expect(await secondStep.innerText()).toContain("gedeelde verklarende analyse");
      const goOn = firstStep.getByRole("button").filter({ hasText: "verder" });
      expect(await goOn.count()).toBeGreaterThan(0);
      for (const button of await goOn.all()) expect(await button.isDisabled()).toBe(true);
      expect(await secondStep.getByRole("button", { name: "Ja" }).isEnabled()).toBe(true);

      // Only spaces: nothing is sent, and the page says what is missing.
      const count = await botMessages.count();
      await input.fill("   ");
      await input.press("Enter");
      await page.getByRole("status").filter({ hasText: "Typ eerst je vraag of opdracht." }).waitFor({ timeout: 5_000 });
      expect(await botMessages.count()).toBe(count);

      // A colleague's link pasted into this open tab opens that conversation.
      await page.evaluate(() => {
        location.hash = "#gesprek=gesprek-van-een-collega";
      });
      await page.waitForFunction(() => document.getElementById("share-link")?.getAttribute("href")?.endsWith("#gesprek=gesprek-van-een-collega"), undefined, { timeout: 10_000 });
      // Clicked, it says it was copied (or gives the link to copy) and what sharing does (team try: no feedback).
      await page.getByRole("link", { name: "Link naar dit gesprek" }).click();
      await page.locator("#share-hint").filter({ hasText: "Wie hem opent" }).waitFor({ timeout: 5_000 });
      const hint = await page.locator("#share-hint").innerText();
      expect(hint).toMatch(/^(?:Link gekopieerd: stuur hem naar je collega\.|Stuur je collega deze link: http\S+#gesprek=gesprek-van-een-collega) Wie hem opent, werkt mee aan de spoedberaad-checklist van dit gesprek/);
      expect(page.url()).toMatch(/#gesprek=gesprek-van-een-collega$/);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("answers small talk with example questions, shows an older answer's own sources, and keeps one vote per answer", { timeout: 90_000 }, async () => {
    const { context, page, log, botMessages, say, pageErrors } = await openChat();
    try {

      // Small talk: short, friendly, with the region's example questions and the route button.
      for (const text of ["hallo", "bedankt!", "wie ben jij?"]) {
        const reply = await say(text);
        const shown = (await reply.innerText()).trim();
        expect(shown.length, text).toBeGreaterThan(40);
        expect(shown.length, text).toBeLessThan(900);
        expect(shown, text).toContain("Je kunt bijvoorbeeld vragen");
        expect(shown, text).toContain("Wanneer zijn de JeugdzorgPlus-plekken afgebouwd?");
        expect(shown, text).not.toMatch(/geen antwoord op|Volgende stap/);
        expect(await reply.getByRole("button", { name: "Start de plaatsingsroute" }).count(), text).toBe(1);
      }

      // Two answers; "Meer bronnen" under the OLDER one shows that answer's hidden sources.
      const older = await say(QUESTION);
      await older.getByRole("region", { name: "Bronnen" }).waitFor();
      const newer = await say(LATER_QUESTION);
      await newer.getByRole("region", { name: "Bronnen" }).waitFor();
      const olderId = await older.getByRole("group", { name: "Was dit antwoord nuttig?" }).getAttribute("data-answer-id");
      const newerId = await newer.getByRole("group", { name: "Was dit antwoord nuttig?" }).getAttribute("data-answer-id");
      expect(olderId).toMatch(/^[0-9a-f-]{36}$/);
      expect(newerId).not.toBe(olderId);
      const answers = new AnswerLog(app.app.store);
      const hidden = (await answers.answer(olderId!))!.hiddenSources!;
      expect(hidden.length).toBeGreaterThan(0);

      const before = await botMessages.count();
      const userMessages = log.getByRole("article", { name: "Jij" });
      const typed = await userMessages.count();
      await older.getByRole("button", { name: "Meer bronnen" }).click();
      await botMessages.nth(before).waitFor({ timeout: 10_000 });
      // The list is drawn right under the older answer, not at the end of the conversation, and
      // no "Meer bronnen" message of the user's own comes between them.
      /** The n-th message after the older answer (1 = right under it). */
      const underOlder = (n: number) => older.locator(`xpath=following-sibling::article[${n}]`);
      const more = underOlder(1).getByRole("region", { name: "Meer bronnen" });
      expect(await more.count()).toBe(1);
      expect(await userMessages.count()).toBe(typed);
      const items = more.getByRole("listitem");
      expect(await items.count()).toBe(hidden.length);
      for (const [i, source] of hidden.entries()) {
        expect(await items.nth(i).locator(".where").innerText()).toContain(source.section);
        expect(await items.nth(i).locator("strong").getAttribute("title")).toBe(source.documentTitle);
      }

      // 👍 then 👎 on the older answer: one vote, the last one, with the optional reason. What the
      // vote brings (the thanks, the reason form, its confirmation) is drawn under that answer,
      // after its further sources, with no message of the user's own and nothing at the end.
      const feedback = older.getByRole("group", { name: "Was dit antwoord nuttig?" });
      const newest = botMessages.last();
      const newestText = await newest.innerText();
      await feedback.getByRole("button", { name: "👍 Nuttig" }).click();
      await underOlder(2).getByText("Dank je").waitFor({ timeout: 10_000 });
      await feedback.getByRole("button", { name: "👎 Niet nuttig" }).click();
      // The changed vote replaces the thanks for the first one: the reason form is right under the sources.
      const reasonForm = underOlder(2).getByRole("form");
      await reasonForm.waitFor({ timeout: 10_000 });
      expect(await log.getByText("Dank je! Fijn dat het hielp.").count()).toBe(0);
      expect(await feedback.getByRole("button", { name: "👎 Niet nuttig" }).getAttribute("aria-pressed")).toBe("true");
      expect(await feedback.getByRole("button", { name: "👍 Nuttig" }).getAttribute("aria-pressed")).toBe("false");
      await reasonForm.getByRole("textbox", { name: "Toelichting" }).fill("Het ging over iets anders; bel 0612345678");
      await reasonForm.getByRole("button", { name: "Versturen" }).click();
      await underOlder(3).getByText("toelichting is opgeslagen").waitFor({ timeout: 10_000 });
      expect(await userMessages.count()).toBe(typed);
      expect(await botMessages.last().innerText()).toBe(newestText);

      const votes = await answers.votes(olderId!);
      expect(Object.keys(votes)).toHaveLength(1);
      const [vote] = Object.values(votes);
      expect(vote).toMatchObject({ rating: "not_useful", surface: "web" });
      // The reason went through the privacy filter before it was stored.
      expect(vote!.reason).toContain("Het ging over iets anders");
      expect(vote!.reason).not.toContain("0612345678");
      expect(await answers.votes(newerId!)).toEqual({});

      // After a reload the further sources are still drawn under the answer they belong to.
      await page.reload();
      await page.locator("body[data-restored=true]").waitFor({ timeout: 10_000 });
      const olderAgain = log.locator("article", { has: page.locator(`[data-answer-id="${olderId}"]`) });
      const underAgain = (n: number) => olderAgain.locator(`xpath=following-sibling::article[${n}]`);
      expect(await underAgain(1).getByRole("region", { name: "Meer bronnen" }).count()).toBe(1);
      expect(await underAgain(2).getByRole("form").count()).toBe(1);
      expect(await underAgain(3).innerText()).toContain("toelichting is opgeslagen");
      expect(await log.getByText("Dank je! Fijn dat het hielp.").count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("a coordinator's form for a request closed meanwhile, in a real browser", () => {
  let app: RunningWegwijs;
  let browser: Browser;
  const COORD = `coord-e2e-${process.pid}`;

  beforeAll(async () => {
    app = await startWegwijs({ WEGWIJS_WEB_COORDINATORS: COORD });
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const post = async (user: string, body: object) => {
    const res = await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user, conversation: `conv-${user}`, ...body }) });
    return JSON.stringify(await res.json());
  };

  it("says 'Niet verstuurd' on the form and gives the typed text back, not 'Verstuurd'; a confirmation's buttons go off once answered", { timeout: 60_000 }, async () => {
    const fields = { target: "servicepunt", urgency: "regulier", caseRef: "CASUS-E2E", question: "Welke plek past?", tried: "Twee aanbieders gebeld.", summary: "" };
    const id = (await post("asker-e2e", { action: { id: "consult.submit", value: "consult", fields } })).match(/CR-\d{4}-\d{6}/)![0];
    const context = await browser.newContext({ locale: "nl-NL" });
    await context.addInitScript((user) => localStorage.setItem("wegwijs-user", user), COORD);
    try {
      const page = await context.newPage();
      await page.goto(app.baseUrl);
      const log = page.getByRole("log", { name: "Gesprek met Wegwijs" });
      await log.getByRole("article", { name: "Wegwijs" }).first().waitFor({ timeout: 10_000 });
      const input = page.getByRole("textbox", { name: "Je vraag aan Wegwijs" });
      await input.fill("consulten");
      await input.press("Enter");
      await log.getByRole("button", { name: "Interne notitie" }).first().click();
      const form = log.locator("form.reply-form").last();
      await form.waitFor({ timeout: 10_000 });
      // Closed by a colleague while the form is open (new-user try: the form said "Verstuurd").
      expect(await post(COORD, { action: { id: "consult.close", value: id } })).toContain("afgerond");
      await form.getByRole("textbox").first().fill("Eerst het INT bellen.");
      await form.getByRole("button", { name: "Notitie opslaan" }).click();
      await form.getByText("Niet verstuurd; hieronder staat waarom.").waitFor({ timeout: 10_000 });
      expect(await form.innerText()).not.toContain("Verstuurd;");
      const reply = log.getByRole("article", { name: "Wegwijs" }).last();
      await reply.getByText("Je tekst is niet verstuurd").waitFor({ timeout: 10_000 });
      expect(await reply.innerText()).toContain("Eerst het INT bellen.");

      // "Afronden" asks first; after "Nog niet" that question's buttons are off (coordinator try:
      // "Ja, afronden" on it still closed the request later).
      const second = (await post("asker-e2e", { action: { id: "consult.submit", value: "consult", fields: { ...fields, caseRef: "CASUS-E2F" } } })).match(/CR-\d{4}-\d{6}/)![0];
      await input.fill(second);
      await input.press("Enter");
      const listed = log.getByRole("article", { name: "Wegwijs" }).filter({ hasText: second }).last();
      await listed.getByRole("button", { name: "Afronden", exact: true }).click();
      const confirm = log.getByRole("article", { name: "Wegwijs" }).filter({ hasText: `${second} afronden?` }).last();
      await confirm.waitFor({ timeout: 10_000 });
      await confirm.getByRole("button", { name: "Nog niet" }).click();
      await log.getByText("Niets verstuurd; de aanvraag is niet veranderd.").last().waitFor({ timeout: 10_000 });
      expect(await confirm.getByRole("button", { name: "Ja, afronden" }).isDisabled()).toBe(true);
      // Nothing changed: the request is still new.
      expect(await post(COORD, { text: second })).toContain("Status: nieuw");
    } finally {
      await context.close();
    }
  });

  /**
   * A requester's page with a consult request filed and a coordinator's question on it: the page
   * and the message that asks (with its answer form). The caller closes the context.
   */
  async function askedOnPage(user: string, caseRef: string, question: string) {
    const context = await browser.newContext({ locale: "nl-NL" });
    await context.addInitScript((id) => localStorage.setItem("wegwijs-user", id), user);
    const page = await context.newPage();
    await page.goto(app.baseUrl);
    const log = page.getByRole("log", { name: "Gesprek met Wegwijs" });
    await log.getByRole("article", { name: "Wegwijs" }).first().waitFor({ timeout: 10_000 });
    await page.locator("body[data-restored=true]").waitFor({ timeout: 10_000 });
    const fields = { target: "servicepunt", urgency: "regulier", caseRef, question: "Welke plek past?", tried: "Gebeld.", summary: "" };
    const id = (await post(user, { action: { id: "consult.submit", value: "consult", fields } })).match(/CR-\d{4}-\d{6}/)![0];
    await post(COORD, { action: { id: "consult.ask", value: id, fields: { question } } });
    const asked = log.getByRole("article", { name: "Wegwijs" }).filter({ hasText: question }).last();
    return { context, page, id, asked };
  }

  it("does not say 'Niet verstuurd' when the requester's own answer settles the question while it is being sent", { timeout: 60_000 }, async () => {
    // Second new-user try of the twenty-ninth session: "Beantwoord" and "Niet verstuurd. Dit had je getypt: …" stood together.
    const { context, page, asked } = await askedOnPage("asker-e2e-3", "CASUS-E2H", "Is de voogd op de hoogte?");
    try {
      await asked.locator("form textarea").first().fill("Ja, sinds dinsdag.");
      await asked.getByRole("button", { name: /versturen|verstuur|antwoord/i }).first().click();
      await asked.getByText(/Beantwoord/).waitFor({ timeout: 10_000 });
      // The send has come back (the page is idle again) and nothing says it was not sent.
      await page.waitForFunction(() => !document.querySelector("form[data-sending]"), undefined, { timeout: 10_000 });
      expect(await page.locator("main").innerText()).not.toContain("Niet verstuurd");
    } finally {
      await context.close();
    }
  });

  it("shows the requester what they typed in a question's form when the request is closed before they sent it", { timeout: 60_000 }, async () => {
    // Coordinator try: the form was replaced by "De aanvraag is afgerond …" and the typed answer was gone.
    const { context, id, asked } = await askedOnPage("asker-e2e-2", "CASUS-E2G", "Is school op de hoogte?");
    try {
      await asked.locator("form textarea").first().fill("Ja, sinds maandag.");
      await post(COORD, { action: { id: "consult.close", value: id } });
      await asked.getByText("De aanvraag is afgerond; een antwoord is niet meer nodig.").waitFor({ timeout: 10_000 });
      expect(await asked.innerText()).toContain("Niet verstuurd. Dit had je getypt: Ja, sinds maandag.");
    } finally {
      await context.close();
    }
  });
});
