import { randomUUID } from "node:crypto";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_URL } from "../support/redis.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/**
 * Two people in one web conversation (`/#gesprek=<id>`, separate browser contexts, real Chromium):
 * one starts the spoedberaad checklist, both see it, and a tick on one page shows on the other
 * within a second (pushed over SSE, redrawn in place).
 */
describe("spoedberaad on two web pages", () => {
  let app: RunningWegwijs;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWegwijs({ REDIS_URL });
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A person in their own browser; without a name they never fill in the name field. */
  async function open(conversation: string, name?: string): Promise<Page> {
    const context = await browser.newContext({ locale: "nl-NL" });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/#gesprek=${conversation}`);
    await page.waitForSelector("body[data-stream=open]", { timeout: 10_000 });
    if (name) await page.fill("#display-name", name);
    return page;
  }
  const item = (page: Page, id: string) => page.locator(`section.checklist-part li[data-item="${id}"]`).last();

  it("a tick on one page shows on the other within a second; Details sets owner and note", { timeout: 60_000 }, async () => {
    const conversation = `sb-${randomUUID().slice(0, 8)}`;
    const kees = await open(conversation, "Kees");
    const sanne = await open(conversation, "Sanne");

    await kees.fill("#question", "spoedberaad CASUS-5");
    await kees.press("#question", "Enter");
    await kees.getByRole("heading", { name: "Spoedberaad CASUS-5" }).waitFor({ timeout: 5000 });
    // Pushed to the other page (one card, not one per page).
    await sanne.getByRole("heading", { name: "Spoedberaad CASUS-5" }).waitFor({ timeout: 5000 });
    expect(await sanne.locator("section.checklist-part").count()).toBe(1);

    const clicked = Date.now();
    await item(sanne, "aanwezig").getByRole("button", { name: /^Klaar/ }).click();
    await item(kees, "aanwezig").and(kees.locator('[data-state="done"]')).waitFor({ timeout: 1000 });
    const shownAfterMs = Date.now() - clicked;
    console.log(`spoedberaad web: a tick on one page shown on the other ${shownAfterMs} ms after the click`);
    expect(await item(sanne, "aanwezig").getAttribute("data-state")).toBe("done");
    expect(await item(kees, "aanwezig").innerText()).toContain("gewijzigd door Sanne");
    // Done and open read differently without an emoji font, in words (new-user try), not as a box to click.
    expect((await item(kees, "aanwezig").locator(".mark").innerText()).trim()).toBe("✓ klaar");
    expect((await item(kees, "analyse").locator(".mark").innerText()).trim()).toBe("open");
    // Label and mark read as two words, also when copied or read aloud (it read "aanwezigopen").
    expect(await item(kees, "analyse").innerText()).toMatch(/\S open\b/);
    expect(await item(kees, "aanwezig").locator(".mark").evaluate((mark) => getComputedStyle(mark).backgroundColor)).not.toBe(await item(kees, "analyse").locator(".mark").evaluate((mark) => getComputedStyle(mark).backgroundColor));

    // Still one card on each page: redrawn in place, never appended.
    for (const page of [kees, sanne]) expect(await page.locator("section.checklist-part").count()).toBe(1);

    // Details: Sanne names Kees as owner (from the people the checklist knows) and writes a note;
    // Kees sees both on his card.
    await item(sanne, "analyse").getByRole("button", { name: /^Details/ }).click();
    const form = sanne.locator("form.reply-form").last();
    await form.getByLabel("Eigenaar").selectOption({ label: "Kees" });
    await form.getByLabel("Notitie").fill("Concept staat klaar");
    expect(await form.getByLabel("Notitie").getAttribute("maxlength")).toBe("280");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await item(kees, "analyse").getByText("Notitie: Concept staat klaar").waitFor({ timeout: 5000 });
    // Named by Sanne: Kees is the owner, he has not said he took it up.
    expect(await item(kees, "analyse").innerText()).toContain("Eigenaar: Kees");
    expect(await item(kees, "analyse").innerText()).not.toContain("Kees pakt het op");
    // The sent form says where the change went: the card above, not a reply below.
    await form.getByText("Opgeslagen; de checklist hierboven is bijgewerkt.").waitFor({ timeout: 5000 });
    // It keeps only its title and that line, no greyed-out empty fields (new-user try).
    expect(await form.getByLabel("Notitie").count()).toBe(0);
    // No chat bubble with the button's label: the form says what became of it (new-user try).
    expect(await sanne.locator("article.msg.user").filter({ hasText: /^\s*Opslaan\s*$/ }).count()).toBe(0);

    // A note with a phone number is refused next to its field on a new form, which replaces the
    // sent one: no copy of it, no "Verstuurd", nothing on the page that looks saved.
    const formsBefore = await sanne.locator("form.reply-form").count();
    await item(sanne, "analyse").getByRole("button", { name: /^Details/ }).click();
    await sanne.locator("form.reply-form").nth(formsBefore).waitFor({ timeout: 5000 });
    await sanne.locator("form.reply-form").nth(formsBefore).evaluate((form) => form.setAttribute("data-test", "sent"));
    const second = sanne.locator('form.reply-form[data-test="sent"]');
    await second.getByLabel("Notitie").fill("Moeder terugbellen op 06-12345678");
    await second.getByRole("button", { name: "Opslaan" }).click();
    await sanne.locator("form.reply-form", { has: sanne.locator(".field-error") }).waitFor({ timeout: 5000 });
    // The sent form is gone with its message: the new one holds its fields, and one warning says
    // why (new-user try: the sent form's title, "Niet verstuurd" and the warning stood stacked).
    await second.waitFor({ state: "detached", timeout: 5000 });
    expect(await sanne.locator("form.reply-form").count()).toBe(formsBefore + 1);
    expect(await sanne.locator(".notice.warning").count()).toBe(1);
    expect(await sanne.locator("main").innerText()).not.toContain("06-12345678");
    expect(await item(kees, "analyse").innerText()).toContain("Notitie: Concept staat klaar");
    // After a reload it stays gone.
    await sanne.reload();
    await sanne.locator("form.reply-form", { has: sanne.locator(".field-error") }).waitFor({ timeout: 5000 });
    expect(await sanne.locator("form.reply-form").count()).toBe(formsBefore + 1);
    await sanne.locator("form.reply-form", { has: sanne.locator(".field-error") }).evaluate((form) => form.setAttribute("data-test", "refused"));
    const refused = sanne.locator('form.reply-form[data-test="refused"]');

    // The refused form keeps what was typed, with only the number replaced; sent again without
    // it, the refusal above the form and under its field go, and the note is saved.
    expect(await refused.getByLabel("Notitie").inputValue()).toMatch(/^Moeder terugbellen op \[[^\]]+\]$/);
    const refusedMessage = refused.locator("xpath=ancestor::article[1]");
    expect(await refusedMessage.locator(".notice.warning").count()).toBe(1);
    await refused.getByLabel("Notitie").fill("Moeder terugbellen vandaag");
    await refused.getByRole("button", { name: "Opslaan" }).click();
    await refused.getByText("Opgeslagen; de checklist hierboven is bijgewerkt.").waitFor({ timeout: 5000 });
    expect(await refusedMessage.locator(".notice.warning, .field-error").count()).toBe(0);
    await item(kees, "analyse").getByText("Notitie: Moeder terugbellen vandaag").waitFor({ timeout: 5000 });
  });

  it("Afronden asks first; 'Nog niet' closes the question and leaves the checklist open; 'Ja, afronden' closes it", { timeout: 60_000 }, async () => {
    const conversation = `sb-${randomUUID().slice(0, 8)}`;
    const kees = await open(conversation, "Kees");
    await kees.fill("#question", "spoedberaad CASUS-6");
    await kees.press("#question", "Enter");
    const card = kees.locator("section.checklist-part").last();
    await card.getByRole("heading", { name: "Spoedberaad CASUS-6" }).waitFor({ timeout: 5000 });
    const cardMessage = kees.locator("article.msg.bot", { has: card });
    const bots = kees.locator("article.msg.bot");

    const ask = async () => {
      const before = await bots.count();
      await cardMessage.getByRole("button", { name: "Afronden" }).click();
      const question = bots.nth(before);
      await question.getByText("Toch afronden?").waitFor({ timeout: 5000 });
      return question;
    };

    const first = await ask();
    expect(await first.getByRole("button").allInnerTexts()).toEqual(["Ja, afronden", "Nog niet"]);
    await first.getByRole("button", { name: "Nog niet" }).click();
    await kees.getByText("de checklist blijft open").waitFor({ timeout: 5000 });
    // The question is answered: its buttons are off and the choice is marked.
    expect(await first.getByRole("button", { name: "Ja, afronden" }).isDisabled()).toBe(true);
    expect(await first.getByRole("button", { name: "Nog niet" }).getAttribute("aria-pressed")).toBe("true");
    // The checklist is still open, its buttons still work.
    expect(await card.locator(".where").innerText()).not.toContain("Afgerond");
    await item(kees, "aanwezig").getByRole("button", { name: /^Klaar/ }).click();
    await item(kees, "aanwezig").and(kees.locator('[data-state="done"]')).waitFor({ timeout: 5000 });

    // Asked again, "Ja, afronden" closes it (redrawn in place, no buttons left on the card).
    const second = await ask();
    await second.getByRole("button", { name: "Ja, afronden" }).click();
    await card.locator(".where", { hasText: "Afgerond" }).waitFor({ timeout: 5000 });
    expect(await second.getByRole("button", { name: "Nog niet" }).isDisabled()).toBe(true);
    await cardMessage.getByText("Afgerond. De samenvatting").waitFor({ timeout: 5000 });
    expect(await cardMessage.getByRole("button").count()).toBe(0);
  });

  it("someone without a name shows as 'Webgebruiker' plus four letters, never as their id", { timeout: 60_000 }, async () => {
    const conversation = `sb-${randomUUID().slice(0, 8)}`;
    const kees = await open(conversation, "Kees");
    const nameless = await open(conversation);
    const id = await nameless.evaluate(() => localStorage.getItem("wegwijs-user"));
    expect(id).toMatch(/^web-[a-z]{24}$/);

    await nameless.fill("#question", "spoedberaad CASUS-7");
    await nameless.press("#question", "Enter");
    await kees.getByRole("heading", { name: "Spoedberaad CASUS-7" }).waitFor({ timeout: 5000 });
    await item(kees, "aanwezig").getByRole("button", { name: /^Klaar/ }).click();
    await item(nameless, "aanwezig").and(nameless.locator('[data-state="done"]')).waitFor({ timeout: 5000 });
    await item(nameless, "analyse").getByRole("button", { name: /^Ik pak dit op/ }).click();
    await item(kees, "analyse").getByText(/pakt het op/).waitFor({ timeout: 5000 });

    const card = await kees.locator("section.checklist-part").last().innerText();
    const shownAs = /voorzitter: (Webgebruiker [A-Z]{4})\b/.exec(card)?.[1];
    expect(shownAs, card).toBeDefined();
    expect(await item(kees, "analyse").innerText()).toContain(`${shownAs} pakt het op`);
    // Taken up by the owner: the name once, not again as who changed it.
    expect(await item(kees, "analyse").innerText()).not.toContain(`gewijzigd door ${shownAs}`);
    expect(await item(nameless, "aanwezig").innerText()).toContain("gewijzigd door Kees");
    // The same stand-in on both pages, and the id nowhere on either.
    expect(await nameless.locator("section.checklist-part").last().innerText()).toContain(`voorzitter: ${shownAs}`);
    for (const page of [kees, nameless]) expect(await page.locator("main").innerText()).not.toContain(id!);
    // The page without a name says how colleagues see this person; typing a name hides that.
    await nameless.locator("#name-hint", { hasText: `Collega's zien je nu als ${shownAs}.` }).waitFor({ timeout: 5000 });
    await nameless.fill("#display-name", "Piet");
    expect(await nameless.locator("#name-hint").innerText()).toBe("");
    // Details lists the people by that name too.
    await item(kees, "regie").getByRole("button", { name: /^Details/ }).click();
    const ownerField = kees.locator("form.reply-form").last().getByLabel("Eigenaar");
    await ownerField.waitFor({ timeout: 5000 });
    const owners = await ownerField.locator("option").allInnerTexts();
    expect(owners).toContain(shownAs);
    expect(owners.join(" ")).not.toContain(id!);
  });
});
