import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplyPart } from "../../src/bot/reply.js";
import { CHECKLIST_KIND, replay, startingState, type Checklist } from "../../src/handlers/spoedberaad/checklistRecord.js";
import { cardReply } from "../../src/handlers/spoedberaad/spoedberaadReplies.js";
import { toWebReply } from "../../src/integrations/web/webReply.js";
import type { RecordStore } from "../../src/records/recordStore.js";
import { REDIS_URL } from "../support/redis.js";
import { openStream } from "../support/sseClient.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";
import { postWebChat } from "../support/webChat.js";
import { runId } from "../support/runId.js";

type ChecklistPart = Extract<ReplyPart, { kind: "checklist" }>;

/**
 * The spoedberaad checklist through the web chat's JSON API, against real Redis and real HTTP:
 * the contract, working together at once (20 people), who may change what, and the audit record.
 */
describe("spoedberaad on the web (JSON API, real Redis)", () => {
  const RUN = runId();
  let app: RunningWegwijs;
  let store: RecordStore<Checklist>;

  beforeAll(async () => {
    app = await startWegwijs({ REDIS_URL });
    store = app.app.records.open(CHECKLIST_KIND);
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = async (user: string, conversation: string, body: object, name?: string) =>
    (await postWebChat<{ replies: Array<{ parts: ReplyPart[]; slot?: string }> }>(app.baseUrl, user, conversation, body, name)).replies;
  const checklistOf = (replies: Array<{ parts: ReplyPart[] }>): ChecklistPart | undefined =>
    replies.flatMap((r) => r.parts).find((p): p is ChecklistPart => p.kind === "checklist");
  const noticeOf = (replies: Array<{ parts: ReplyPart[] }>) =>
    replies.flatMap((r) => r.parts).find((p): p is Extract<ReplyPart, { kind: "notice" }> => p.kind === "notice")?.text ?? "";
  const set = (user: string, conversation: string, part: ChecklistPart, item: string, state: string, name?: string) =>
    post(user, conversation, { action: { id: part.setStateActionId, value: `${part.checklistId}:${item}:${state}` } }, name);

  async function started(conversation: string, chair: string, casus = "CASUS-12"): Promise<ChecklistPart> {
    const part = checklistOf(await post(chair, conversation, { text: `spoedberaad ${casus}` }, "Kees"));
    expect(part).toBeDefined();
    return part!;
  }

  it("answers 'spoedberaad' with the checklist contract, and shows the same open checklist when asked again", async () => {
    const conversation = `sb-${RUN}-contract`;
    const part = await started(conversation, `chair-${RUN}-a`);
    expect(part).toMatchObject({ kind: "checklist", title: "Spoedberaad CASUS-12", status: "open", chair: "Kees", setStateActionId: "spoedberaad.set" });
    expect(part.version).toBe(1);
    expect(part.items.map((i) => i.id)).toEqual(["aanwezig", "analyse", "risicos", "alternatieven", "hsj", "regie", "perspectief", "instemming", "evaluatie"]);
    expect(part.items.every((i) => i.state === "open")).toBe(true);

    const colleague = `col-${RUN}-a`;
    const asked = await post(colleague, conversation, { text: "spoedberaad" }, "Sanne");
    expect(checklistOf(asked)?.checklistId).toBe(part.checklistId);
    // The card is redrawn where it stands, so a line says where it is.
    expect(noticeOf(asked)).toContain("Er loopt al een checklist in dit gesprek (0 van 9 punten afgehandeld).");
    const ticked = checklistOf(await set(colleague, conversation, part, "aanwezig", "done", "Sanne"));
    expect(ticked?.version).toBe(2);
    expect(ticked?.items[0]).toMatchObject({ id: "aanwezig", state: "done", changedBy: "Sanne" });
    expect(Date.parse(ticked!.items[0]!.changedAt!)).toBeGreaterThan(Date.now() - 60_000);
    // The same state again changes nothing: same version, no history entry.
    const before = (await store.history(part.checklistId)).length;
    const same = checklistOf(await set(colleague, conversation, part, "aanwezig", "done"));
    expect(same?.version).toBe(2);
    expect(await store.history(part.checklistId)).toHaveLength(before);

    const owned = checklistOf(await post(colleague, conversation, { action: { id: "spoedberaad.owner", value: `${part.checklistId}:analyse` } }, "Sanne"));
    expect(owned?.items[1]).toMatchObject({ owner: "Sanne" });
    expect(owned?.items[1]?.dueAt).toBeDefined();
  });

  it("offers the checklist under the answer about a case that escalates now, and its button starts it", async () => {
    const conversation = `sb-${RUN}-offer`;
    const replies = await post(`col-${RUN}-o`, conversation, { text: "welke alternatieven zijn er voordat je een jongere gesloten plaatst? ivm een casus waar het nu escaleert" });
    const parts = replies.flatMap((r) => r.parts);
    expect(parts.some((p) => p.kind === "text" && p.text.includes("[1]"))).toBe(true);
    const offer = parts.flatMap((p) => (p.kind === "actions" ? p.actions : [])).find((a) => a.id === "spoedberaad.start");
    expect(offer?.label).toBe("Start spoedberaad-checklist");
    const startedReplies = await post(`col-${RUN}-o`, conversation, { action: offer }, "Sanne");
    const part = checklistOf(startedReplies);
    expect(part).toMatchObject({ kind: "checklist", status: "open", chair: "Sanne", title: "Spoedberaad" });
    // Started from the button it has no casusnummer: the reply says how to add one, and typing it adds it.
    expect(noticeOf(startedReplies)).toContain("Typ *spoedberaad* met jullie eigen pseudonieme nummer erachter");
    const named = await post(`col-${RUN}-o2`, conversation, { text: "spoedberaad CASUS-77" }, "Kees");
    expect(checklistOf(named)).toMatchObject({ checklistId: part!.checklistId, title: "Spoedberaad CASUS-77", version: part!.version + 1 });
    expect(noticeOf(named)).toBe("Casusnummer CASUS-77 staat nu op de checklist in dit gesprek.");
    // Set once: another number is not taken, and the reply says which case the checklist is for.
    const other = await post(`col-${RUN}-o2`, conversation, { text: "spoedberaad CASUS-78" }, "Kees");
    expect(checklistOf(other)).toMatchObject({ title: "Spoedberaad CASUS-77", version: part!.version + 1 });
    expect(noticeOf(other)).toContain("Er loopt al een checklist in dit gesprek, voor CASUS-77 (0 van 9 punten afgehandeld).");
    const stored = (await store.get(part!.checklistId))!;
    expect(replay(startingState(stored.value), await store.history(part!.checklistId))).toEqual(stored.value);
    const calm = await post(`col-${RUN}-o`, `${conversation}-2`, { text: "wat is een spoedberaad?" });
    expect(calm.flatMap((r) => r.parts).flatMap((p) => (p.kind === "actions" ? p.actions : [])).map((a) => a.id)).not.toContain("spoedberaad.start");
  });

  it("answers a request to start one with the offer first, for the case number it names, not with 'no answer in the documents'", async () => {
    const conversation = `sb-${RUN}-request`;
    const replies = await post(`col-${RUN}-r`, conversation, { text: "kun je een checklist spoedberaad starten voor CASUS-0412" });
    const parts = replies.flatMap((r) => r.parts);
    expect(parts[0]).toMatchObject({ kind: "text", text: expect.stringContaining("casus CASUS-0412") });
    expect(JSON.stringify(parts)).not.toMatch(/geven hier geen antwoord/);
    const offer = parts.flatMap((p) => (p.kind === "actions" ? p.actions : [])).find((a) => a.label === "Start spoedberaad-checklist");
    const part = checklistOf(await post(`col-${RUN}-r`, conversation, { action: offer }, "Sanne"));
    expect(part).toMatchObject({ kind: "checklist", status: "open", title: "Spoedberaad CASUS-0412" });
  });

  it("starts the checklist at once when asked in so many words ('start een spoedberaad voor …'), with nothing quoted", async () => {
    const conversation = `sb-${RUN}-command`;
    const replies = await post(`col-${RUN}-c`, conversation, { text: "Start een spoedberaad voor CASUS-0413" }, "Sanne");
    expect(checklistOf(replies)).toMatchObject({ kind: "checklist", status: "open", title: "Spoedberaad CASUS-0413", chair: "Sanne" });
    expect(JSON.stringify(replies)).not.toContain("[1]");
  });

  it("takes a change typed in the chat ('vink punt 3 af', 'punt 4 nvt') by anyone in the conversation, and says what changed", async () => {
    const conversation = `sb-${RUN}-typed`;
    const part = await started(conversation, `chair-${RUN}-t`);
    const typed = await post(`col-${RUN}-t`, conversation, { text: "vink punt 3 af" }, "Pieter");
    expect(checklistOf(typed)?.items[2]).toMatchObject({ id: "risicos", state: "done", changedBy: "Pieter" });
    expect(noticeOf(typed)).toBe("Punt 3 staat nu op klaar. De checklist hierboven is bijgewerkt.");
    const both = checklistOf(await post(`chair-${RUN}-t`, conversation, { text: "punt 4 en 5 nvt" }, "Kees"));
    expect(both?.items.slice(3, 5).map((i) => i.state)).toEqual(["nvt", "nvt"]);
    expect(noticeOf(await post(`chair-${RUN}-t`, conversation, { text: "punt 6 nvt" }, "Kees"))).toBe("Punt 6 staat nu op n.v.t. De checklist hierboven is bijgewerkt.");
    expect(noticeOf(await post(`chair-${RUN}-t`, conversation, { text: "punt 6 weer open" }, "Kees"))).toBe("Punt 6 staat nu op open. De checklist hierboven is bijgewerkt.");
    expect((await store.get(part.checklistId))?.value.items.map((i) => i.state)).toEqual(["open", "open", "done", "nvt", "nvt", "open", "open", "open", "open"]);
    // Said with a few more words, or with a remark after it: the remark is the item's note (new-user try: both read as questions).
    const remarked = await post(`col-${RUN}-t`, conversation, { text: "punt 1 klaar, moeder en meid zijn gehoord" }, "Pieter");
    expect(checklistOf(remarked)?.items[0]).toMatchObject({ state: "done", note: "moeder en meid zijn gehoord" });
    expect(noticeOf(remarked)).toBe("Punt 1 staat nu op klaar. Je opmerking staat er als notitie bij. De checklist hierboven is bijgewerkt.");
    expect(checklistOf(await post(`col-${RUN}-t`, conversation, { text: "punt 7 is ook klaar" }, "Pieter"))?.items[6]?.state).toBe("done");
    const withPhone = await post(`col-${RUN}-t`, conversation, { text: "punt 8 klaar, moeder belt terug op 06-12345678" }, "Pieter");
    expect(checklistOf(withPhone)?.items[7]?.state).toBe("done");
    expect(checklistOf(withPhone)?.items[7]?.note).toBeUndefined();
    expect(noticeOf(withPhone)).toContain("Je opmerking is niet opgeslagen");
    expect(JSON.stringify((await store.get(part.checklistId))?.value)).not.toContain("12345678");
    for (const text of ["punt 1 weer open", "punt 7 weer open", "punt 8 weer open"]) await post(`col-${RUN}-t`, conversation, { text }, "Pieter");
    // Taking an item on, typed, with a remark (second new-user try of the twenty-seventh session: read as a question).
    const claimed = await post(`col-${RUN}-t`, conversation, { text: "ik pak punt 2 op, analyse schrijf ik voor vrijdag" }, "Pieter");
    expect(checklistOf(claimed)?.items[1]).toMatchObject({ state: "open", owner: "Pieter", note: "analyse schrijf ik voor vrijdag" });
    expect(noticeOf(claimed)).toBe("Punt 2 staat nu op jouw naam. Je opmerking staat er als notitie bij. De checklist hierboven is bijgewerkt.");
    const wrong = await post(`col-${RUN}-t`, conversation, { text: "punt 12 klaar" }, "Pieter");
    expect(checklistOf(wrong)).toBeUndefined();
    expect(noticeOf(wrong)).toBe("De checklist heeft 9 punten: kies een nummer van 1 tot 9.");
    // Where no checklist is open, the same words are a question like any other.
    const elsewhere = await post(`col-${RUN}-t`, `${conversation}-none`, { text: "vink punt 3 af" }, "Pieter");
    expect(checklistOf(elsewhere)).toBeUndefined();
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(noticeOf(elsewhere) ?? "").not.toMatch(/al afgerond/);
    // Once the checklist here is closed, a typed change says it comes too late.
    await post(`chair-${RUN}-t`, conversation, { action: { id: "spoedberaad.closeConfirmed", value: part.checklistId } }, "Kees");
    expect((await store.get(part.checklistId))?.value.status).toBe("closed");
    const late = await post(`col-${RUN}-t`, conversation, { text: "punt 9 klaar" }, "Pieter");
    expect(noticeOf(late)).toMatch(/^Het spoedberaad hier is al afgerond: punten veranderen kan niet meer\./);
    expect((await store.get(part.checklistId))?.value.items[8]?.state).toBe("open");
    // Starting again where one was closed asks first, for no casusnummer or the same one; the
    // button starts it (team try: a new checklist started at once, and a second one for the same case).
    const actionsOf = (replies: Array<{ parts: ReplyPart[] }>) => replies.flatMap((r) => r.parts).flatMap((p) => (p.kind === "actions" ? p.actions : []));
    for (const text of ["spoedberaad", "spoedberaad CASUS-12"]) {
      const again = await post(`col-${RUN}-t`, conversation, { text }, "Pieter");
      expect(checklistOf(again), text).toBeUndefined();
      expect(noticeOf(again), text).toMatch(/^Het spoedberaad voor CASUS-\d+ in dit gesprek is afgerond; de samenvatting staat hierboven\. Wil je een nieuw spoedberaad starten\?$/);
      expect(actionsOf(again).map((a) => [a.id, a.label])).toEqual([["spoedberaad.startNew", "Nieuw spoedberaad starten"]]);
    }
    const fresh = checklistOf(await post(`col-${RUN}-t`, conversation, { action: { id: "spoedberaad.startNew", value: "" } }, "Pieter"));
    expect(fresh).toMatchObject({ status: "open", chair: "Pieter" });
    expect(fresh!.checklistId).not.toBe(part.checklistId);
    // Another casusnummer after closing is a new case: started at once.
    await post(`col-${RUN}-t`, conversation, { action: { id: "spoedberaad.closeConfirmed", value: fresh!.checklistId } }, "Pieter");
    expect(checklistOf(await post(`chair-${RUN}-t`, conversation, { text: "spoedberaad CASUS-13" }, "Kees"))).toMatchObject({ title: "Spoedberaad CASUS-13", status: "open" });
  });

  it("answers questions about the open checklist typed in the chat ('welke punten staan nog open?', 'Waarom deze punten?')", async () => {
    const conversation = `sb-${RUN}-asked`;
    await started(conversation, `chair-${RUN}-q`);
    for (const text of ["punt 1 klaar", "punt 2 en 3 nvt", "punt 4 klaar", "punt 5 klaar", "punt 6 klaar", "punt 7 klaar"]) await post(`chair-${RUN}-q`, conversation, { text }, "Kees");
    const textOf = (replies: Array<{ parts: ReplyPart[] }>) => replies.flatMap((r) => r.parts).filter((p) => p.kind === "text").map((p) => (p as { text: string }).text);
    const open = await post(`col-${RUN}-q`, conversation, { text: "welke punten staan nog open?" }, "Sanne");
    expect(textOf(open)).toEqual([expect.stringMatching(/^Nog 2 punten staan open:\n• 8\. .+\n• 9\. .+$/)]);
    expect(open.flatMap((r) => r.parts).some((p) => p.kind === "sources")).toBe(false);
    // The card's button typed: each item's source.
    const why = (await post(`col-${RUN}-q`, conversation, { text: "Waarom deze punten?" }, "Sanne")).flatMap((r) => r.parts);
    expect(why.find((p) => p.kind === "sources")).toMatchObject({ title: expect.stringMatching(/^Bronnen bij Spoedberaad/) });
    // Every source is national or of the region served (Groningen en Drenthe): nothing to warn about.
    expect(why.some((p) => p.kind === "notice")).toBe(false);
    // One item's source by its number (team try: "waarom punt 8?" got a passage on governance).
    const eight = (await post(`col-${RUN}-q`, conversation, { text: "waarom punt 8?" }, "Sanne")).flatMap((r) => r.parts);
    // Its source is a bottleneck, not a rule, and the item says so (team try: it read as milder than the rest).
    expect(textOf([{ parts: eight }])).toEqual([expect.stringMatching(/^Punt 8: Besproken of jongere, ouders en gezaghebbenden .+ \(de werkwijze noemt .+ een knelpunt\) \[1\]$/)]);
    expect(eight.find((p) => p.kind === "sources")).toMatchObject({ title: expect.stringMatching(/^Bron bij punt 8 van Spoedberaad/), sources: [expect.objectContaining({ section: "Knelpunten (2)" })] });
    // Item 3 rests on what a team can do from tomorrow, not on what the region still has to organise.
    const three = (await post(`col-${RUN}-q`, conversation, { text: "waarom punt 3?" }, "Sanne")).flatMap((r) => r.parts);
    expect(three.find((p) => p.kind === "sources")).toMatchObject({ sources: [expect.objectContaining({ section: "Wat kunnen we vanaf morgen anders doen?", quote: expect.stringContaining("het goede gesprek met jongere en omgeving") })] });
    const none = (await post(`col-${RUN}-q`, conversation, { text: "wat is de bron van punt 12?" }, "Sanne")).flatMap((r) => r.parts);
    expect(none.find((p) => p.kind === "notice")).toMatchObject({ text: "Deze checklist heeft punt 1 tot en met 9. Typ bijvoorbeeld „waarom punt 2?”." });
    // Where no checklist is open, the same words are a question for the documents.
    const elsewhere = await post(`col-${RUN}-q`, `${conversation}-none`, { text: "welke punten staan nog open?" }, "Sanne");
    expect(textOf(elsewhere).join("\n")).not.toMatch(/^Nog \d+ punten? sta/);
  });

  it("tells the one who pressed 'Ik pak dit op' second that a colleague took the item, and keeps the colleague as owner", async () => {
    // Team try: Kees and Sanne pressed it at the same moment; Kees became owner, Sanne heard nothing.
    const conversation = `sb-${RUN}-claim`;
    const part = await started(conversation, `chair-${RUN}-claim`);
    await post(`col-${RUN}-claim`, conversation, { text: "spoedberaad" }, "Sanne");
    const claim = (user: string, name: string, fields?: Record<string, string>) =>
      post(user, conversation, { action: { id: part.ownerActionId!, value: `${part.checklistId}:evaluatie`, ...(fields ? { fields } : {}) } }, name);
    const [first, second] = await Promise.all([claim(`chair-${RUN}-claim`, "Kees"), claim(`col-${RUN}-claim`, "Sanne")]);
    const owner = (await store.get(part.checklistId))!.value.items.find((i) => i.id === "evaluatie")!.owner!;
    const [winner, loser] = owner.userId === `chair-${RUN}-claim` ? [first, second] : [second, first];
    const winnerName = owner.userId === `chair-${RUN}-claim` ? "Kees" : "Sanne";
    expect(noticeOf(winner)).toBe("");
    // It names the item by its number on the card (team try: "dit punt" could be any of them).
    const number = checklistOf(loser)!.items.findIndex((i) => i.id === "evaluatie") + 1;
    expect(number).toBe(9);
    expect(noticeOf(loser)).toBe(`${winnerName} heeft punt ${number} net opgepakt. Wil je het toch overnemen? Kies jezelf dan als eigenaar in Details.`);
    expect(checklistOf(loser)!.items.find((i) => i.id === "evaluatie")).toMatchObject({ owner: winnerName });
    // Naming oneself hands it over on purpose.
    const loserId = owner.userId === `chair-${RUN}-claim` ? `col-${RUN}-claim` : `chair-${RUN}-claim`;
    const loserName = winnerName === "Kees" ? "Sanne" : "Kees";
    const taken = await claim(loserId, loserName, { owner: loserId });
    expect(checklistOf(taken)!.items.find((i) => i.id === "evaluatie")).toMatchObject({ owner: loserName });
  });

  it("goes quiet and back with a button that says what it does, and says so in words", async () => {
    // Team try: after "Stil (geen herinneringen)" nothing was said, and "Herinneringen aan" read as a state.
    const conversation = `sb-${RUN}-quiet`;
    const part = await started(conversation, `chair-${RUN}-quiet`);
    await post(`chair-${RUN}-quiet`, conversation, { action: { id: part.ownerActionId, value: `${part.checklistId}:analyse` } }, "Kees");
    const quietButton = (replies: Array<{ parts: ReplyPart[] }>) =>
      replies.flatMap((r) => r.parts).flatMap((p) => (p.kind === "actions" ? p.actions : [])).find((a) => a.id === "spoedberaad.quiet");
    const on = await post(`chair-${RUN}-quiet`, conversation, { action: { id: "spoedberaad.quiet", value: `${part.checklistId}:on` } }, "Kees");
    expect(noticeOf(on)).toBe("Stil: voor deze checklist komen geen herinneringen meer. Zet ze weer aan met „Herinneringen weer aanzetten”.");
    expect(quietButton(on)).toMatchObject({ label: "Herinneringen weer aanzetten", value: `${part.checklistId}:off` });
    // A quiet checklist shows no reminder time.
    expect(checklistOf(on)!.items.find((i) => i.id === "analyse")).not.toHaveProperty("dueAt");
    const off = await post(`chair-${RUN}-quiet`, conversation, { action: { id: "spoedberaad.quiet", value: `${part.checklistId}:off` } }, "Kees");
    expect(noticeOf(off)).toBe("Herinneringen staan weer aan: wie een punt oppakt, krijgt een herinnering als het open blijft.");
    expect(quietButton(off)).toMatchObject({ label: "Stil (geen herinneringen)" });
  });

  it("says which items of a region's checklist rest on another region's plan ('Waarom deze punten?' in Rijnmond)", async () => {
    // Rijnmond keeps the default items it does not replace, with their Groningen/Drenthe sources,
    // as a route's steps do; the sources reply says which ones, as the route does.
    const rijnmond = await startWegwijs({ REDIS_URL, WEGWIJS_REGION: "rijnmond" });
    try {
      const conversation = `sb-${RUN}-rijnmond`;
      const card = checklistOf((await postWebChat<{ replies: Array<{ parts: ReplyPart[] }> }>(rijnmond.baseUrl, `chair-${RUN}-r`, conversation, { text: "spoedberaad CASUS-14" }, "Kees")).replies);
      expect(card?.items.find((i) => i.id === "regie")?.label).toMatch(/één vaste contactpersoon/);
      const why = (await postWebChat<{ replies: Array<{ parts: ReplyPart[] }> }>(rijnmond.baseUrl, `chair-${RUN}-r`, conversation, { text: "Waarom deze punten?" }, "Kees")).replies.flatMap((r) => r.parts);
      expect(why.find((p) => p.kind === "notice")).toMatchObject({ text: expect.stringMatching(/^Let op: bron 1, 2, 3, 4, 7 en 8 gaan over regio Groningen en Drenthe, niet over regio Rijnmond, waarvoor Wegwijs is ingesteld\.$/) });
    } finally {
      await rijnmond.close();
    }
  });

  it("starts the checklist of the region the asker said they work in, says so, and tells whose plans its sources follow", async () => {
    // New-user try: a Rotterdam professional on a Groningen/Drenthe Wegwijs got that region's items, without a word.
    const conversation = `sb-${RUN}-asker-region`;
    const chair = `chair-${RUN}-ar`;
    await post(chair, conversation, { text: "ik werk als gedragswetenschapper in rotterdam. wat doet het expertiseteam?" }, "Kees");
    const replies = await post(chair, conversation, { text: "spoedberaad CASUS-R17" }, "Kees");
    const card = checklistOf(replies);
    expect(card?.title).toBe("Spoedberaad CASUS-R17");
    expect(card?.items.find((i) => i.id === "regie")?.label).toMatch(/één vaste contactpersoon/);
    expect(card?.items.find((i) => i.id === "hsj")?.label).toMatch(/expertiseteam/);
    expect(noticeOf(replies)).toBe("Dit is de checklist voor regio Rijnmond: daar zei je te werken. Waar de plannen van Rijnmond niets over een punt zeggen, komt het uit andere plannen; *Waarom deze punten?* zegt welke.");
    const why = (await post(chair, conversation, { text: "Waarom deze punten?" }, "Kees")).flatMap((r) => r.parts);
    expect(why.find((p) => p.kind === "notice")).toMatchObject({ text: expect.stringMatching(/gaan over regio Groningen en Drenthe, niet over jouw regio \(Rijnmond\)\.$/) });
    // Someone who said nothing about where they work gets the served region's checklist.
    const other = checklistOf(await post(`chair-${RUN}-ar2`, `${conversation}-2`, { text: "spoedberaad CASUS-R18" }, "Sanne"));
    expect(other?.items.find((i) => i.id === "hsj")?.label).toMatch(/HSJ/);
  });

  it("shows someone without a name as 'Webgebruiker' plus four letters on the card, in the summary and in Details, never as their id", async () => {
    const conversation = `sb-${RUN}-nameless`;
    const chair = `nameless-${RUN}`;
    const part = checklistOf(await post(chair, conversation, { text: "spoedberaad CASUS-13" }))!;
    expect(part.chair).toMatch(/^Webgebruiker [A-Z]{4}$/);
    const owned = checklistOf(await post(chair, conversation, { action: { id: "spoedberaad.owner", value: `${part.checklistId}:analyse` } }));
    expect(owned?.items[1]).toMatchObject({ owner: part.chair, changedBy: part.chair });
    const details = await post(chair, conversation, { action: { id: "spoedberaad.details", value: `${part.checklistId}:regie` } });
    const confirm = await post(chair, conversation, { action: { id: "spoedberaad.close", value: part.checklistId } });
    for (const shown of [owned, details, confirm].map((r) => JSON.stringify(r))) {
      expect(shown).not.toMatch(new RegExp(`"(label|text|chair|owner|changedBy)":"[^"]*${chair}`));
    }
    expect(JSON.stringify(details)).toContain(`"label":"${part.chair}"`);
    expect(JSON.stringify(confirm)).toContain(`eigenaar: ${part.chair}`);
  });

  it("refuses a casusnummer that looks like personal data", async () => {
    const replies = await post(`chair-${RUN}-p`, `sb-${RUN}-p`, { text: "spoedberaad 111222333" });
    expect(checklistOf(replies)).toBeUndefined();
    expect(noticeOf(replies)).toMatch(/pseudoniem nummer/);
  });

  it("20 people at once: stored state = history replayed, last render = stored state, version = effective changes", { timeout: 60_000 }, async () => {
    const conversation = `sb-${RUN}-crowd`;
    const chair = `chair-${RUN}-c`;
    const part = await started(conversation, chair, "CASUS-20");
    const stream = await openStream(app.baseUrl, conversation, chair);
    const users = Array.from({ length: 20 }, (_, i) => `u${i}-${RUN}`);
    // Opening the conversation makes them members (and shows them the same checklist).
    for (const [i, user] of users.entries()) {
      expect(checklistOf(await post(user, conversation, { text: "spoedberaad" }, `Collega ${i}`))?.checklistId).toBe(part.checklistId);
    }
    const items = part.items.map((i) => i.id);
    const states = ["open", "done", "nvt"];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const plans = users.map((user) =>
      Array.from({ length: 8 }, () => {
        const item = items[random(items.length)]!;
        return random(4) === 0
          ? // Naming oneself takes an item over ("Ik pak dit op" alone leaves a colleague's item alone).
            { user, action: { id: "spoedberaad.owner", value: `${part.checklistId}:${item}`, fields: { owner: user } } }
          : { user, action: { id: "spoedberaad.set", value: `${part.checklistId}:${item}:${states[random(3)]}` } };
      }),
    );
    // Bounded: each person presses one button after another; all 20 at the same time.
    await Promise.all(
      plans.map(async (plan) => {
        for (const step of plan) {
          const replies = await post(step.user, conversation, { action: step.action });
          expect(checklistOf(replies)).toBeDefined();
        }
      }),
    );

    const stored = (await store.get(part.checklistId))!;
    const history = await store.history(part.checklistId, 1000);
    expect(history[0]!.type).toBe("start");
    const changes = history.length - 1;
    expect(changes).toBeGreaterThan(20);
    expect(changes).toBeLessThanOrEqual(160);
    expect(stored.version).toBe(1 + changes);
    expect(replay(startingState(stored.value), history)).toEqual(stored.value);

    // The last redraw (at most one per second) shows exactly the stored state.
    const expected = toWebReply(cardReply(stored));
    const lastShown = async () => {
      const pushed = stream.events.filter((e) => e.reply.slot === `spoedberaad:${part.checklistId}`).at(-1);
      return pushed?.reply;
    };
    const deadline = Date.now() + 8000;
    while (Date.now() < deadline && (await lastShown())?.parts?.[0]?.version !== stored.version) await new Promise((r) => setTimeout(r, 100));
    expect(await lastShown()).toEqual(expected);
    // Bursts were merged: far fewer redraws than changes.
    const redraws = stream.events.filter((e) => e.reply.slot === `spoedberaad:${part.checklistId}`).length;
    expect(redraws).toBeLessThan(changes);
    stream.close();
  });

  it("anyone in the conversation ticks; outsiders and other conversations cannot; only the chair closes", async () => {
    const conversation = `sb-${RUN}-auth`;
    const chair = `chair-${RUN}-x`;
    const part = await started(conversation, chair);
    const member = `member-${RUN}`;
    await post(member, conversation, { text: "spoedberaad" }, "Sanne");

    // Never opened the conversation: refused, nothing changes.
    const outsider = await set(`outsider-${RUN}`, conversation, part, "hsj", "done");
    expect(noticeOf(outsider)).toBe("Alleen mensen in dit gesprek kunnen de checklist veranderen.");
    // A member of another conversation sending this checklist's button from there: refused.
    await post(`other-${RUN}`, `sb-${RUN}-other`, { text: "hallo" });
    const elsewhere = await set(`other-${RUN}`, `sb-${RUN}-other`, part, "hsj", "done");
    expect(noticeOf(elsewhere)).toMatch(/hoort bij een ander gesprek/);
    expect((await store.get(part.checklistId))!.version).toBe(1);

    expect(checklistOf(await set(member, conversation, part, "hsj", "nvt"))?.items.find((i) => i.id === "hsj")?.state).toBe("nvt");
    const notChair = await post(member, conversation, { action: { id: "spoedberaad.close", value: part.checklistId } });
    // The button says beforehand who may press it, and the refusal names the chair.
    const closeButton = (await post(member, conversation, { text: "spoedberaad" })).flatMap((r) => r.parts).flatMap((p) => (p.kind === "actions" ? p.actions : [])).find((a) => a.id === "spoedberaad.close");
    expect(closeButton?.label).toBe("Afronden (voorzitter)");
    expect(noticeOf(notChair)).toBe("Alleen de voorzitter, Kees, kan de checklist afronden. Vraag Kees om dat te doen.");
    const notChairConfirmed = await post(member, conversation, { action: { id: "spoedberaad.closeConfirmed", value: part.checklistId } });
    expect(noticeOf(notChairConfirmed)).toBe("Alleen de voorzitter, Kees, kan de checklist afronden. Vraag Kees om dat te doen.");

    // The chair hands over (only to someone in the conversation), and hands back.
    const handOver = (by: string, to: string) => post(by, conversation, { action: { id: "spoedberaad.chair", value: part.checklistId, fields: { chair: to } } });
    expect(noticeOf(await handOver(chair, `outsider-${RUN}`))).toMatch(/zit niet in dit gesprek/);
    expect(noticeOf(await handOver(member, member))).toBe("Alleen de voorzitter, Kees, kan een andere voorzitter kiezen.");
    expect(checklistOf(await handOver(chair, member))?.chair).toBe("Sanne");
    expect(noticeOf(await post(chair, conversation, { action: { id: "spoedberaad.close", value: part.checklistId } }))).toMatch(/Alleen de voorzitter/);
    expect(checklistOf(await handOver(member, chair))?.chair).toBe("Kees");

    await set(member, conversation, part, "analyse", "done");
    // An open item with an owner and a reminder time.
    const itemsNow = (await store.get(part.checklistId))!.value.items;
    const openItem = itemsNow.find((i) => i.state === "open")!;
    const openNumber = itemsNow.indexOf(openItem) + 1;
    await post(chair, conversation, { action: { id: "spoedberaad.details", value: `${part.checklistId}:${openItem.id}`, fields: { owner: chair, dueMinutes: "60", note: "" } } });
    expect((await store.get(part.checklistId))!.value.items.find((i) => i.id === openItem.id)?.dueAt).toBeDefined();
    const stream = await openStream(app.baseUrl, conversation, chair);
    const confirm = await post(chair, conversation, { action: { id: "spoedberaad.close", value: part.checklistId } });
    const text = confirm.flatMap((r) => r.parts).map((p) => ("text" in p ? p.text : "")).join("\n");
    expect(text).toContain("Nog 7 punten staan open");
    // The open items by their number, as on the card.
    expect(text).toMatch(new RegExp(`^• ${openNumber}\\. .+ · eigenaar: Kees$`, "m"));
    const done = await post(chair, conversation, { action: { id: "spoedberaad.closeConfirmed", value: part.checklistId } });
    expect(noticeOf(done)).toMatch(/^Afgerond/);
    expect((await store.get(part.checklistId))!.value.status).toBe("closed");
    const closedCard = await waitFor(() => stream.events.find((e) => e.reply.parts?.[0]?.kind === "checklist" && e.reply.parts[0].status === "closed"));
    expect(closedCard.reply.slot).toBe(`spoedberaad:${part.checklistId}`);
    // Closed, it reminds no one, and its card shows no reminder time.
    expect(closedCard.reply.parts[0].items.find((i: { id: string }) => i.id === openItem.id)).toMatchObject({ owner: "Kees" });
    expect(closedCard.reply.parts[0].items.find((i: { id: string }) => i.id === openItem.id).dueAt).toBeUndefined();
    // The summary follows in the conversation, with the button that hands it over to a consult request.
    const summary = await waitFor(() => stream.events.find((e) => JSON.stringify(e.reply).includes("Samenvatting Spoedberaad CASUS-12")));
    const summaryText = JSON.stringify(summary.reply);
    expect(summaryText).toContain("N.v.t. (1)");
    // A record of the meeting: when it was held and who took part (team try: no date, no participants).
    const summaryBody = summary.reply.parts.find((p: any) => p.kind === "text").text as string;
    const held = new Date((await store.get(part.checklistId))!.value.createdAt).toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", weekday: "short", day: "numeric", month: "short" });
    expect(summaryBody.split("\n")[0]).toMatch(new RegExp(`^Spoedberaad CASUS-12, ${held} \\d\\d:\\d\\d-\\d\\d:\\d\\d, voorzitter `));
    expect(summaryBody.split("\n")[1]).toMatch(/^Deelnemers: .+, .+\.$/);
    // Each item with its number from the card.
    const lines = (summary.reply.parts.find((p: any) => p.kind === "text").text as string).split("\n").filter((l) => /^\S+ \d+\. /.test(l));
    expect(lines.length).toBe(part.items.length);
    expect(summaryText).toContain("Consultaanvraag indienen");
    const handover = summary.reply.parts.flatMap((p: any) => (p.kind === "actions" ? p.actions : [])).find((a: any) => a.id === "consult.new");
    expect(handover.value).toMatch(/^servicepunt\|CASUS-12\|spoed\nSpoedberaad CASUS-12, \S+ \d{1,2} \S+ \d\d:\d\d-\d\d:\d\d, voorzitter /);
    // Pressed, it opens the consult form with the target, the casusnummer and the summary filled in.
    const opened = await post(chair, conversation, { action: { id: handover.id, value: handover.value } });
    const consultForm = opened.flatMap((r) => r.parts).find((p) => p.kind === "form") as Extract<ReplyPart, { kind: "form" }>;
    const valueOf = (id: string) => consultForm.fields.find((f) => f.id === id)?.value;
    expect([valueOf("target"), valueOf("caseRef"), valueOf("urgency")]).toEqual(["servicepunt", "CASUS-12", "spoed"]);
    expect(valueOf("summary")).toMatch(/^Spoedberaad CASUS-12, \S+ \d{1,2} \S+ \d\d:\d\d-\d\d:\d\d, voorzitter /);
    // Sent as filled in, the summary is taken whole: its headings ("Klaar (1):") are no name and age
    // (new-user try: the form refused the summary it had filled in itself).
    const fields = { ...Object.fromEntries(consultForm.fields.map((f) => [f.id, f.value ?? ""])), urgency: "spoed", question: "Graag meedenken over een alternatief", tried: "Spoedberaad gehouden" };
    const sent = await post(chair, conversation, { action: { id: consultForm.submitActionId, value: consultForm.formId ?? "consult", fields } });
    expect(noticeOf(sent)).toMatch(/^Je consultaanvraag CR-\d{4}-\d{6} is ingediend/);
    expect(JSON.stringify(sent)).not.toContain("verwijderd");
    // "consult" typed here afterwards fills in the same, and says from where (team try: typed, the
    // form came empty and the case number had to be typed again).
    const typedForm = async (user: string, where: string) => {
      const replies = await post(user, where, { text: "consult" });
      const shown = replies.flatMap((r) => r.parts).find((p) => p.kind === "form") as Extract<ReplyPart, { kind: "form" }>;
      const notices = replies.flatMap((r) => r.parts).flatMap((p) => (p.kind === "notice" ? [p.text] : []));
      return { notice: notices.join("\n"), value: (id: string) => shown.fields.find((f) => f.id === id)?.value };
    };
    const typed = await typedForm(member, conversation);
    expect(typed.notice).toContain("Ingevuld met de samenvatting van het spoedberaad CASUS-12. Gaat je aanvraag over iets anders? Pas de velden dan aan.");
    // The request the chair just filed for this case from here is named, by number and status only
    // (team try: a colleague filed a second one unaware).
    const filedId = noticeOf(sent).match(/CR-\d{4}-\d{6}/)![0];
    expect(typed.notice).toContain(`Voor CASUS-12 is vanuit dit gesprek al een consultaanvraag ingediend (${filedId}, nieuw). Dien je er toch een in, dan komt die er los naast.`);
    expect(typed.notice).not.toContain("Graag meedenken");
    expect(["target", "caseRef", "urgency", "summary"].map(typed.value)).toEqual(["target", "caseRef", "urgency", "summary"].map(valueOf));
    // Elsewhere, or a day after closing, the form comes empty.
    const otherConversation = await typedForm(member, `${conversation}-other`);
    expect([otherConversation.notice, otherConversation.value("caseRef") ?? "", otherConversation.value("summary") ?? ""]).toEqual(["", "", ""]);
    await store.update(part.checklistId, (current) => current && { value: { ...current.value, closedAt: new Date(Date.now() - 25 * 3_600_000).toISOString() } });
    const dayLater = await typedForm(member, conversation);
    expect([dayLater.notice, dayLater.value("caseRef") ?? "", dayLater.value("summary") ?? ""]).toEqual(["", "", ""]);
    expect(noticeOf(await set(member, conversation, part, "hsj", "done"))).toBe("Deze checklist is al afgerond.");
    stream.close();
  });

  it("refuses notes with personal data and stores nothing of them; the audit record holds only the team's notes", async () => {
    const conversation = `sb-${RUN}-notes`;
    const chair = `chair-${RUN}-n`;
    const part = await started(conversation, chair, "CASUS-7");
    const note = (text: string) => post(chair, conversation, { action: { id: "spoedberaad.note", value: `${part.checklistId}:analyse`, fields: { note: text } } });
    for (const bad of ["BSN 111222333", "bel 06-12345678", "mail jan@example.org", "geboren 12-03-2010"]) {
      const refused = await note(`Analyse volgt, ${bad}`);
      expect(noticeOf(refused)).toMatch(/^Deze notitie is niet opgeslagen/);
      expect(noticeOf(refused)).not.toContain(bad);
      // A refused date says how to write the date of an event instead (team try).
      expect(noticeOf(refused).includes("„sinds maart”")).toBe(bad.startsWith("geboren"));
    }
    const ok = checklistOf(await note("Analyse schrijft de jeugdbeschermer, klaar op vrijdag"));
    expect(ok?.items.find((i) => i.id === "analyse")?.note).toBe("Analyse schrijft de jeugdbeschermer, klaar op vrijdag");

    const history = await store.history(part.checklistId);
    const audit = JSON.stringify(history);
    for (const bad of ["111222333", "06-12345678", "jan@example.org", "12-03-2010"]) expect(audit).not.toContain(bad);
    const stored = JSON.stringify(await store.get(part.checklistId));
    for (const bad of ["111222333", "06-12345678", "jan@example.org", "12-03-2010"]) expect(stored).not.toContain(bad);
    // No item labels or other message text in the audit: who, what, when, the casusnummer and the note.
    for (const item of part.items) expect(audit).not.toContain(item.label);
    expect(history.map((h) => h.type)).toEqual(["start", "note"]);
    expect(history[0]!.data).toMatchObject({ casus: "CASUS-7" });
    for (const line of app.logs) expect(line).not.toContain("111222333");
  });

  it("Details: the form from stored state, then owner, reminder time and note in one atomic write; a refused note stores nothing", async () => {
    const conversation = `sb-${RUN}-details`;
    const chair = `chair-${RUN}-d`;
    const member = `member-${RUN}-d`;
    const part = await started(conversation, chair, "CASUS-8");
    await post(member, conversation, { text: "spoedberaad" }, "Sanne");
    expect(part.detailsActionId).toBe("spoedberaad.details");
    const details = (fields?: Record<string, string>) =>
      post(member, conversation, { action: { id: "spoedberaad.details", value: `${part.checklistId}:analyse`, ...(fields ? { fields } : {}) } }, "Sanne");
    const formOf = (replies: Array<{ parts: ReplyPart[] }>) => replies.flatMap((r) => r.parts).find((p): p is Extract<ReplyPart, { kind: "form" }> => p.kind === "form");

    const form = formOf(await details())!;
    expect(form).toMatchObject({ submitActionId: "spoedberaad.details", cancel: { id: "spoedberaad.show", value: part.checklistId } });
    // The id says which item, and what its note and owner were when it opened (see the next test).
    expect(form.formId).toMatch(new RegExp(`^${part.checklistId}:analyse:[\\w-]{8}\\.[\\w-]{8}$`));
    expect(form.fields.map((f) => [f.id, f.kind])).toEqual([["owner", "person"], ["dueMinutes", "choice"], ["note", "text"]]);
    expect(form.fields.find((f) => f.id === "note")?.maxLength).toBe(280);
    // The people the checklist knows (here the chair) are offered as owners, each by a stand-in:
    // on the web a user id is the login itself, and a colleague's form must not show it (new-user try).
    const kees = form.fields.find((f) => f.id === "owner")?.options?.find((o) => o.label === "Kees");
    expect(kees?.value).toMatch(/^p-/);
    expect(JSON.stringify(form)).not.toContain(chair);
    // So is whoever opens the form, before they touched the checklist (team try: Sanne could not
    // make herself owner in Details).
    const sanne = form.fields.find((f) => f.id === "owner")?.options?.find((o) => o.label === "Sanne");
    expect(sanne?.value).toMatch(/^p-/);
    expect(JSON.stringify(form)).not.toContain(member);

    const versionBefore = (await store.get(part.checklistId))!.version;
    const refused = await details({ owner: kees!.value, dueMinutes: "30", note: "Analyse volgt, BSN 111222333" });
    // The reason once, next to the field; above the form only that nothing was kept.
    expect(noticeOf(refused)).toBe("Niet opgeslagen: kijk naar de opmerking bij het veld hieronder.");
    expect(formOf(refused)?.fields.find((f) => f.id === "note")?.error).toMatch(/^Niet opgeslagen: de notitie leek een BSN te bevatten/);
    expect(JSON.stringify(refused)).not.toContain("111222333");
    // What was chosen comes back as chosen; the note with only its BSN replaced.
    const kept = Object.fromEntries(formOf(refused)!.fields.map((f) => [f.id, f.value]));
    expect(kept).toEqual({ owner: kees!.value, dueMinutes: "30", note: expect.stringMatching(/^Analyse volgt, BSN \[[^\]]+\]$/) });
    expect((await store.get(part.checklistId))!.version).toBe(versionBefore);
    const fieldError = (reply: Awaited<ReturnType<typeof details>>, id: string) => formOf(reply)?.fields.find((f) => f.id === id)?.error;
    expect(fieldError(await details({ owner: `outsider-${RUN}` }), "owner")).toMatch(/zit niet in dit gesprek/);
    expect(fieldError(await details({ dueMinutes: "0" }), "dueMinutes")).toMatch(/^Kies een tijd voor de herinnering/);
    expect((await store.get(part.checklistId))!.version).toBe(versionBefore);

    const at = Date.now();
    const saved = checklistOf(await details({ owner: kees!.value, dueMinutes: "30", note: "Schrijft Kees, klaar vrijdag" }))!;
    const item = saved.items.find((i) => i.id === "analyse")!;
    expect(item).toMatchObject({ owner: "Kees", note: "Schrijft Kees, klaar vrijdag", changedBy: "Sanne" });
    expect(Math.abs(Date.parse(item.dueAt!) - (at + 30 * 60_000))).toBeLessThan(5000);
    // One write: one version more, two history entries, stored state = history replayed.
    const record = (await store.get(part.checklistId))!;
    expect(record.version).toBe(versionBefore + 1);
    const history = await store.history(part.checklistId);
    expect(history.slice(-2).map((h) => h.type)).toEqual(["owner", "note"]);
    expect(replay(startingState(record.value), history)).toEqual(record.value);
    // An empty owner and time keep what is set; the note field replaces the note.
    const noteOnly = checklistOf(await details({ owner: "", dueMinutes: "", note: "" }))!.items.find((i) => i.id === "analyse")!;
    expect(noteOnly).toMatchObject({ owner: "Kees", dueAt: item.dueAt });
    expect(noteOnly.note).toBeUndefined();
    // "Annuleren" shows the card as stored.
    expect(checklistOf(await post(member, conversation, { action: { id: "spoedberaad.show", value: part.checklistId } }))?.version).toBe(versionBefore + 2);
  });

  it("writes only what a form changed, and refuses to overwrite unseen what a colleague changed since", async () => {
    // New-user try: a form left open wiped a note saved later; a form opened before a colleague's
    // note put the older text back when only the reminder was changed.
    const conversation = `sb-${RUN}-stale`;
    const chair = `chair-${RUN}-s`;
    const member = `member-${RUN}-s`;
    const part = await started(conversation, chair, "CASUS-9");
    await post(member, conversation, { text: "spoedberaad" }, "Sanne");
    const formOf = (replies: Array<{ parts: ReplyPart[] }>) => replies.flatMap((r) => r.parts).find((p): p is Extract<ReplyPart, { kind: "form" }> => p.kind === "form")!;
    const open = async (user: string) => formOf(await post(user, conversation, { action: { id: "spoedberaad.details", value: `${part.checklistId}:analyse` } }));
    const save = (user: string, form: Extract<ReplyPart, { kind: "form" }>, fields: Record<string, string>) =>
      post(user, conversation, { action: { id: "spoedberaad.details", value: form.formId, fields } });
    const stored = async () => (await store.get(part.checklistId))!.value.items.find((i) => i.id === "analyse")!;

    const chairForm = await open(chair);
    const memberForm = await open(member);
    await save(member, memberForm, { owner: "", dueMinutes: "", note: "VA schrijft Sanne voor vrijdag" });
    expect((await stored()).note).toBe("VA schrijft Sanne voor vrijdag");

    // The chair's older form, its note left as it showed (empty), only a reminder chosen: the note stays.
    const at = Date.now();
    await save(chair, chairForm, { owner: "", dueMinutes: "60", note: "" });
    expect((await stored()).note).toBe("VA schrijft Sanne voor vrijdag");
    expect(Math.abs(Date.parse((await stored()).dueAt!) - (at + 60 * 60_000))).toBeLessThan(5000);

    // A note typed into that older form is refused, with the note as it is now; nothing is stored.
    const version = (await store.get(part.checklistId))!.version;
    const refused = await save(chair, chairForm, { owner: "", dueMinutes: "", note: "VA schrijft Kees" });
    const note = formOf(refused).fields.find((f) => f.id === "note")!;
    expect(note.error).toBe("Intussen veranderd in: „VA schrijft Sanne voor vrijdag”. Pas je tekst aan en sla opnieuw op.");
    expect(note.value).toBe("VA schrijft Kees");
    expect((await store.get(part.checklistId))!.version).toBe(version);
    // Seen now: the refused form saves.
    await save(chair, formOf(refused), { owner: "", dueMinutes: "", note: "VA schrijft Kees" });
    expect((await stored()).note).toBe("VA schrijft Kees");

    // An owner chosen in a form opened before a colleague took the item is refused too.
    const risks = async () => (await store.get(part.checklistId))!.value.items.find((i) => i.id === "risicos")!;
    const beforeTaken = formOf(await post(chair, conversation, { action: { id: "spoedberaad.details", value: `${part.checklistId}:risicos` } }));
    expect(beforeTaken.fields.find((f) => f.id === "owner")!.value).toBeUndefined();
    await post(member, conversation, { text: "ik pak punt 3 op" }, "Sanne");
    expect((await risks()).owner?.name).toBe("Sanne");
    const kees = beforeTaken.fields.find((f) => f.id === "owner")!.options!.find((o) => o.label === "Kees");
    const taken = await save(chair, beforeTaken, { owner: kees!.value, dueMinutes: "", note: "" });
    expect(formOf(taken).fields.find((f) => f.id === "owner")!.error).toBe("Intussen is Sanne eigenaar geworden. Kies opnieuw als je dat wilt veranderen.");
    expect((await risks()).owner?.name).toBe("Sanne");
    // Left as it showed, the owner stays who took it.
    await save(chair, beforeTaken, { owner: "", dueMinutes: "", note: "" });
    expect((await risks()).owner?.name).toBe("Sanne");
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}
