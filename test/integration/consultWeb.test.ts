import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consultKind } from "../../src/handlers/consult/consultModel.js";
import { REDIS_URL } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { openSse, type SseClient } from "../support/sseClient.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const RUN = runId();
const COORD = `coord-${RUN}`;
const COORD2 = `coord2-${RUN}`;
const ASKER = `asker-${RUN}`;
const OTHER = `other-${RUN}`;
const CALLER = `caller-${RUN}`;
const TYPER = `typer-${RUN}`;
const TEAM = Array.from({ length: 10 }, (_, i) => `team${i}-${RUN}`);

const VALID = { target: "servicepunt", urgency: "spoed", caseRef: `CASUS-${RUN}`, question: "Welke plek past bij deze jongere?", tried: "Twee aanbieders gebeld, geen plek.", summary: "" };

/**
 * Consult requests through the web JSON contract, against real Redis: the form, filing, the
 * coordinator card pushed to the coordinators' pages, claim (one winner of ten), ask back, answer,
 * note, close, and who may do what.
 */
describe("consult requests on the web", () => {
  let app: RunningWegwijs;
  let coordStream: SseClient;
  let askerStream: SseClient;

  const post = async (user: string, body: object) => {
    const res = await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user, conversation: `conv-${user}`, ...body }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { replies: any[] }).replies;
  };
  const text = (replies: any[]) => JSON.stringify(replies);
  const file = async (user: string, fields: object = VALID) => {
    const replies = await post(user, { action: { id: "consult.submit", value: "consult", fields } });
    const id = text(replies).match(/CR-\d{4}-\d{6}/)?.[0];
    return { replies, id };
  };

  beforeAll(async () => {
    app = await startWegwijs({ REDIS_URL, WEGWIJS_WEB_COORDINATORS: [COORD, COORD2, ...TEAM].join(",") });
    coordStream = await openSse(`${app.baseUrl}/api/stream?user=${COORD}&conversation=conv-${COORD}`);
    askerStream = await openSse(`${app.baseUrl}/api/stream?user=${ASKER}&conversation=conv-${ASKER}`);
  });
  afterAll(async () => {
    coordStream?.close();
    askerStream?.close();
    await app?.close();
  });

  it("'consult' returns the form with the contract's field ids", async () => {
    const replies = await post(ASKER, { text: "consult" });
    const form = replies.flatMap((r) => r.parts).find((p: any) => p.kind === "form");
    expect(form.submitActionId).toBe("consult.submit");
    expect(form.fields.map((f: any) => f.id)).toEqual(["target", "urgency", "caseRef", "question", "tried", "summary", "callback"]);
  });

  it("offers the form, with the team filled in, under the answer to a request in plain words", async () => {
    const replies = await post(ASKER, { text: "ik wil graag een casus inbrengen bij het expertteam, kan dat via jou?" });
    const parts = replies.flatMap((r) => r.parts);
    const offer = parts.flatMap((p: any) => p.actions ?? []).find((a: any) => a.id === "consult.new");
    expect(offer.label).toBe("Consultaanvraag indienen");
    // The answer itself is still there, above the offer.
    expect(parts.findIndex((p: any) => p.kind === "text")).toBeLessThan(parts.findIndex((p: any) => p.actions?.includes(offer)));
    const opened = await post(ASKER, { action: offer });
    const form = opened.flatMap((r) => r.parts).find((p: any) => p.kind === "form");
    expect(form.fields.find((f: any) => f.id === "target").value).toBe("expertteam");
    // Haste and a case number in the message are filled in too.
    const urgent = await post(ASKER, { text: "ik wil met spoed een casus inbrengen bij het expertteam, CASUS-0418" });
    const urgentOffer = urgent.flatMap((r) => r.parts).flatMap((p: any) => p.actions ?? []).find((a: any) => a.id === "consult.new");
    const urgentForm = (await post(ASKER, { action: urgentOffer })).flatMap((r) => r.parts).find((p: any) => p.kind === "form");
    const field = (id: string) => urgentForm.fields.find((f: any) => f.id === id).value;
    expect([field("target"), field("urgency"), field("caseRef")]).toEqual(["expertteam", "spoed", "CASUS-0418"]);
    const about = await post(ASKER, { text: "wat doet het servicepunt precies?" });
    expect(about.flatMap((r) => r.parts).flatMap((p: any) => p.actions ?? []).map((a: any) => a.id)).not.toContain("consult.new");
  });

  it("'Annuleren' under the form sends nothing and says so", async () => {
    const before = await post(OTHER, { text: "mijn consulten" });
    const opened = await post(OTHER, { text: "consult" });
    const form = opened.flatMap((r) => r.parts).find((p: any) => p.kind === "form");
    expect(form.cancel.label).toBe("Annuleren");
    const replies = await post(OTHER, { action: form.cancel });
    expect(text(replies)).toMatch(/niet verstuurd/);
    expect(text(replies)).not.toMatch(/CR-\d{4}-\d{6}/);
    // Nothing was filed: the requester's own list is as it was.
    expect(text(await post(OTHER, { text: "mijn consulten" }))).toBe(text(before));
  });

  it("refuses personal data next to the field and stores nothing of it", async () => {
    const { replies, id } = await file(ASKER, { ...VALID, question: "Bel moeder op 06-12345678", tried: "Mail naar jan@example.org" });
    expect(id).toBeUndefined();
    const form = replies.flatMap((r) => r.parts).find((p: any) => p.kind === "form");
    const byId = Object.fromEntries(form.fields.map((f: any) => [f.id, f]));
    expect(byId.question.error).toMatch(/telefoonnummer/);
    expect(byId.tried.error).toMatch(/e-mailadres/);
    // The refused data is not echoed back, the rest of the field is (not to be typed again); the
    // valid fields are kept.
    expect(byId.question.value).toMatch(/^Bel moeder op \[.+\]$/);
    expect(byId.tried.value).toMatch(/^Mail naar \[.+\]$/);
    expect(JSON.stringify(form)).not.toContain("jan@example.org");
    expect(byId.caseRef.value).toBe(VALID.caseRef);
    expect(text(replies)).not.toContain("06-12345678");
    // A full name without an age or a person word before it (new-user try: "Jongen (Daan Veldkamp, …" was filed).
    const named = await file(ASKER, { ...VALID, summary: "Daan Veldkamp loopt steeds weg van de groep." });
    expect(named.id).toBeUndefined();
    const namedForm = named.replies.flatMap((r) => r.parts).find((p: any) => p.kind === "form");
    expect(namedForm.fields.find((f: any) => f.id === "summary").error).toMatch(/een naam/);
    expect(JSON.stringify(named.replies)).not.toContain("Veldkamp");
    // The requester's own number has a field of its own, which the refusal points to (team try:
    // "bel me terug op …" in the question was refused with no way to leave a number).
    expect(byId.question.error).toMatch(/Zet je eigen nummer bij Terugbelnummer/);
    expect(byId.tried.error).not.toMatch(/Terugbelnummer/);
    // That field holds one phone number and nothing else ("moeder: 06-…" is about the family).
    const mixed = await file(ASKER, { ...VALID, callback: "moeder 06-12345678" });
    expect(mixed.id).toBeUndefined();
    const mixedField = mixed.replies.flatMap((r) => r.parts).find((p: any) => p.kind === "form").fields.find((f: any) => f.id === "callback");
    expect(mixedField.error).toBe("Vul alleen je eigen telefoonnummer in, zoals 050 123 4567 of 06 12345678.");
    expect(JSON.stringify(mixed.replies)).not.toContain("06-12345678");
    // A date of an event is refused as a full numeric date may be a date of birth, with how to write
    // it instead (team try: "sinds 12-03-2026" blocked an urgent request with no way out).
    const dated = await file(TYPER, { ...VALID, tried: "Gezinsbehandeling sinds 12-03-2026 gestopt." });
    expect(dated.id).toBeUndefined();
    const datedField = dated.replies.flatMap((r) => r.parts).find((p: any) => p.kind === "form").fields.find((f: any) => f.id === "tried");
    expect(datedField.error).toContain("Schrijf dan bijvoorbeeld „sinds maart” of „sinds 12 maart”.");
    expect((await file(`dater-${RUN}`, { ...VALID, tried: "Gezinsbehandeling sinds 12 maart gestopt." })).id).toMatch(/^CR-/);
    const missing = await file(ASKER, { ...VALID, caseRef: "", target: "nergens" });
    const errors = Object.fromEntries(missing.replies.flatMap((r) => r.parts).find((p: any) => p.kind === "form").fields.map((f: any) => [f.id, f.error]));
    expect(errors.caseRef).toMatch(/casusnummer/);
    expect(errors.target).toMatch(/Servicepunt of het Expertteam/);
  });

  it("puts the requester's own call-back number on the coordinators' card, and none when left empty", { timeout: 30_000 }, async () => {
    const { id } = await file(CALLER, { ...VALID, callback: " 050 123 4567 " });
    expect(id).toMatch(/^CR-\d{4}-\d{6}$/);
    const card = await coordStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(id!)));
    const cardText = card.data.reply.parts.filter((p: any) => p.kind === "text").map((p: any) => p.text).join("\n");
    expect(cardText).toMatch(/^\*Terugbellen op:\* 050 123 4567$/m);
    // Also later, looked up by its number or in the list (team try: only the live card showed it).
    expect(text(await post(COORD, { text: id! }))).toContain("*Terugbellen op:* 050 123 4567");
    expect(text(await post(COORD, { text: "consulten" }))).toContain("Terugbellen op: 050 123 4567");
    // The requester, looking it up by its number, sees it too, under a heading with that number (team try).
    const own = await post(CALLER, { text: id! });
    expect(own[0].parts[0]).toEqual({ kind: "heading", text: `Jouw consultaanvraag ${id}` });
    expect(text(own)).toContain("Terugbellen op: 050 123 4567");
    const plain = await file(CALLER, VALID);
    const plainCard = await coordStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(plain.id!)));
    expect(JSON.stringify(plainCard.data)).not.toContain("Terugbellen");
  });

  it("files, notifies the coordinators, and walks claim → ask → answer → close", { timeout: 30_000 }, async () => {
    const { id } = await file(ASKER);
    expect(id).toMatch(/^CR-\d{4}-\d{6}$/);
    const card = await coordStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(id!)));
    expect(JSON.stringify(card.data)).toContain("Oppakken");
    // The card says who asked (a web user without a name by a stand-in, never the raw id).
    const cardText = card.data.reply.parts.filter((p: any) => p.kind === "text").map((p: any) => p.text).join("\n");
    expect(cardText).toMatch(/^\*Aangevraagd door:\* Webgebruiker \S+$/m);
    expect(cardText).not.toContain(ASKER);
    // An urgent request stands out on the card with a warning.
    expect(card.data.reply.parts).toContainEqual({ kind: "notice", level: "warning", text: "Spoed: de aanvrager vraagt om een reactie vandaag nog." });

    // A non-coordinator sees no list and cannot act.
    expect(text(await post(ASKER, { text: "consulten" }))).toContain("alleen voor coördinatoren");
    for (const action of ["consult.claim", "consult.close", "consult.ask", "consult.note"]) {
      const refused = await post(OTHER, { action: { id: action, value: id, fields: { question: "x", note: "x" } } });
      expect(text(refused)).toContain("Dit kan alleen een coördinator van dit team. Hoor je daarbij, vraag dan je beheerder om je als coördinator in te stellen.");
    }

    // The coordinator's list carries the actions of the contract.
    const list = await post(COORD, { text: "consulten" });
    const actions = list.flatMap((r) => r.parts).filter((p: any) => p.kind === "actions").flatMap((p: any) => p.actions);
    expect(actions).toContainEqual(expect.objectContaining({ id: "consult.claim", value: id }));
    expect(actions).toContainEqual(expect.objectContaining({ id: "consult.ask", value: id }));

    const claimed = await post(COORD, { action: { id: "consult.claim", value: id } });
    expect(text(claimed)).toContain(`Je hebt ${id} opgepakt`);
    // The next steps come with the card, which reaches a web coordinator's pages; the confirmation
    // does not repeat them (team try: the same four buttons stood twice, one above the other).
    const next = claimed.flatMap((r) => r.parts).filter((p: any) => p.kind === "actions").flatMap((p: any) => p.actions);
    expect(next).toEqual([]);
    const claimedCard = await coordStream.waitFor((events) => events.find((e) => e.type === "update" && JSON.stringify(e.data).includes("opgepakt door")));
    expect(JSON.stringify(claimedCard)).toContain('"consult.ask"');
    expect(JSON.stringify(claimedCard)).toContain('"consult.confirmClose"');
    // Twice: said with its number (coordinator try: "Je had deze aanvraag al opgepakt", which one?).
    expect(text(await post(COORD, { action: { id: "consult.claim", value: id } }))).toContain(`Je had ${id} al opgepakt.`);
    // The list says which ones are this coordinator's (coordinator try: no "what I claimed" view).
    expect(text(await post(COORD, { text: "consulten" }))).toMatch(new RegExp(`Door jou opgepakt: [^"]*${id}`));
    expect(text(await post(COORD2, { text: "consulten" }))).not.toMatch(new RegExp(`Door jou opgepakt: [^"]*${id}`));
    await coordStream.waitFor((events) => events.find((e) => e.type === "update" && JSON.stringify(e.data).includes("opgepakt door")));
    await askerStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(`${id} is opgepakt`)));

    const askForm = await post(COORD, { action: { id: "consult.ask", value: id } });
    expect(askForm[0].parts[0]).toMatchObject({ kind: "form", formId: id, submitActionId: "consult.ask" });
    // The form can be left without sending: "Annuleren" changes nothing.
    expect(askForm[0].parts[0].cancel).toEqual({ id: "consult.dismiss", label: "Annuleren", value: id });
    expect(text(await post(COORD, { action: askForm[0].parts[0].cancel }))).toContain("Niets verstuurd; de aanvraag is niet veranderd.");
    expect((await app.app.records.open(consultKind(60)).get(id!))!.value.status).toBe("opgepakt");
    // A web coordinator's pages get the line under the card, so the confirmation does not repeat it
    // (team try: the coordinator read their question twice).
    const askSent = await post(COORD, { action: { id: "consult.ask", value: id, fields: { question: "Is de gemeente al betrokken?" } } });
    expect(text(askSent)).toContain(`Je vraag over ${id} is naar de aanvrager gestuurd.`);
    expect(text(askSent)).not.toContain("Is de gemeente al betrokken?");
    await coordStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(`${id} · Vraag van`) && JSON.stringify(e.data).includes("Is de gemeente al betrokken?")));
    const question = await askerStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes("Is de gemeente al betrokken?")));
    const answerForm = question.data.reply.parts.find((p: any) => p.kind === "form");
    expect(answerForm).toMatchObject({ submitActionId: "consult.answer", formId: id });

    // Someone else cannot answer for the requester, nor see their requests.
    expect(text(await post(OTHER, { action: { id: "consult.answer", value: id, fields: { answer: "nee" } } }))).toContain("niet jouw consultaanvraag");
    expect(text(await post(OTHER, { text: "mijn consulten" }))).not.toContain(id!);
    expect(text(await post(ASKER, { text: "mijn consulten" }))).toContain(id!);
    // The overview shows the question that waits for the requester, with a button that opens the answer form
    // (team try: a requester who was away had only "Intrekken" there).
    const overview = await post(ASKER, { text: "mijn consulten" });
    expect(text(overview)).toContain("Open vraag aan jou: Is de gemeente al betrokken?");
    const buttons = overview.flatMap((r) => r.parts).filter((p: any) => p.kind === "actions").flatMap((p: any) => p.actions);
    expect(buttons.map((b: any) => [b.id, b.label, b.value])).toEqual([
      ["consult.answer", "Beantwoorden", id],
      ["consult.confirmCancel", "Intrekken", id],
    ]);
    const opened = (await post(ASKER, { action: { id: "consult.answer", value: id } })).flatMap((r) => r.parts).find((p: any) => p.kind === "form") as any;
    expect(opened).toMatchObject({ submitActionId: "consult.answer", formId: id });
    expect(opened.fields[0].error).toBeUndefined();
    expect(text(await post(OTHER, { action: { id: "consult.answer", value: id } }))).toContain("niet jouw consultaanvraag");
    // And the question as the requester sent it, which the sent form no longer shows (new-user try).
    expect(text(await post(ASKER, { text: "mijn consulten" }))).toContain(`Je vraag: ${VALID.question}`);

    // An answer typed in the chat is offered in the answer form, filled in (new-user try: it was
    // searched in the plan documents); a question is still a question.
    const typed = await post(ASKER, { text: "De gemeente is sinds gisteren betrokken" });
    expect(text(typed)).toContain(`Is dit je antwoord op de vraag over ${id} („Is de gemeente al betrokken?”)?`);
    const offered = typed.flatMap((r) => r.parts).find((p: any) => p.kind === "form") as any;
    expect(offered).toMatchObject({ submitActionId: "consult.answer" });
    expect(offered.formId.startsWith(`${id}~`)).toBe(true);
    expect(offered.fields[0].value).toBe("De gemeente is sinds gisteren betrokken");
    expect(text(await post(ASKER, { text: "wat doet het servicepunt?" }))).not.toContain("Is dit je antwoord");

    // An answer refused for personal data comes back with only that data taken out (new-user try: it came back empty).
    const refusedAnswer = await post(ASKER, { action: { id: "consult.answer", value: id, fields: { answer: "Ja, sinds vorige week. BSN 111222333." } } });
    expect(JSON.stringify(refusedAnswer)).not.toContain("111222333");
    const refusedField = refusedAnswer.flatMap((r) => r.parts).find((p: any) => p.kind === "form").fields[0];
    expect(refusedField.error).toMatch(/BSN/);
    expect(refusedField.value).toBe("Ja, sinds vorige week. BSN [BSN verwijderd].");
    expect(text(await post(ASKER, { action: { id: "consult.answer", value: id, fields: { answer: "Ja, sinds vorige week." } } }))).toContain("is doorgestuurd: „Ja, sinds vorige week.”");
    await coordStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(`${id} · Antwoord van de aanvrager: Ja, sinds vorige week.`)));
    // The requester's own answer is confirmed once, by the reply above, not again on their page.
    expect(JSON.stringify(askerStream.events)).not.toContain(`Je antwoord op ${id} is doorgegeven`);

    await post(COORD, { action: { id: "consult.note", value: id, fields: { note: "Bespreken in het overleg." } } });
    await coordStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes("Bespreken in het overleg.")));
    // Looked up by its number, the request shows what was asked, answered and noted under it, in
    // order (team try: on a second device the exchange was nowhere to be found).
    const detail = text(await post(COORD, { text: id! }));
    const exchange = ["Vraag aan de aanvrager: Is de gemeente al betrokken?", "Antwoord van de aanvrager: Ja, sinds vorige week.", "Interne notitie: Bespreken in het overleg."];
    for (const line of exchange) expect(detail).toContain(line);
    expect(exchange.map((line) => detail.indexOf(line))).toEqual(exchange.map((line) => detail.indexOf(line)).sort((a, b) => a - b));
    // The requester looking it up sees the questions and their own answers, never the internal
    // note (team try: their overview showed the advice, not the exchange).
    const own = text(await post(ASKER, { text: id! }));
    expect(own).toContain("Vraag van de coördinator: Is de gemeente al betrokken?");
    expect(own).toContain("Jouw antwoord: Ja, sinds vorige week.");
    expect(own).not.toContain("Bespreken in het overleg.");

    // The card's "Afronden" asks first and changes nothing (verification try: one press closed it).
    const asked = await post(COORD, { action: { id: "consult.confirmClose", value: id } });
    expect(text(asked)).toContain(`${id} afronden? De aanvrager krijgt meteen bericht`);
    // A colleague sees whose it is (coordinator try: Dirk closed Carla's request without a word of it).
    expect(text(await post(COORD2, { action: { id: "consult.confirmClose", value: id } }))).toMatch(/heeft hem opgepakt\./);
    expect(text(asked)).not.toContain("heeft hem opgepakt");
    expect(asked.flatMap((r) => r.parts).flatMap((p: any) => p.actions ?? []).map((a: any) => [a.id, a.label])).toEqual([
      ["consult.close", "Ja, afronden"],
      ["consult.closeWithAdvice", "Afronden met advies"],
      ["consult.dismiss", "Nog niet"],
    ]);
    expect((await app.app.records.open(consultKind(60)).get(id!))!.value.status).toBe("opgepakt");
    expect(text(await post(COORD, { action: { id: "consult.close", value: id } }))).toContain("afgerond");
    // Twice is applied once.
    expect(text(await post(COORD, { action: { id: "consult.close", value: id } }))).toContain("al afgerond");
    await askerStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(`${id} is afgerond`)));
    // The internal note never reached the requester.
    expect(JSON.stringify(askerStream.events)).not.toContain("Bespreken in het overleg.");

    const history = await app.app.records.open(consultKind(60)).history(id!);
    expect(history.map((h) => h.type)).toEqual(["filed", "claimed", "asked", "answered", "noted", "closed"]);
  });

  it("a colleague may close a request another coordinator claimed, and the card and the requester name who closed it", { timeout: 30_000 }, async () => {
    const { id } = await file(ASKER);
    const claimer = `${COORD2}`;
    await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: claimer, name: "Coördinator Claim", conversation: `conv-${claimer}`, action: { id: "consult.claim", value: id } }) });
    const closed = await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: COORD, name: "Coördinator Sluit", conversation: `conv-${COORD}`, action: { id: "consult.close", value: id } }) });
    expect(text(((await closed.json()) as any).replies)).toContain("afgerond");
    const told = await askerStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(`${id} is afgerond`)));
    expect(JSON.stringify(told.data)).toContain("afgerond door Coördinator Sluit");
    const stored = await app.app.records.open(consultKind(60)).get(id!);
    expect(stored!.value).toMatchObject({ status: "afgerond", assignee: { userId: claimer }, closedBy: { userId: COORD, name: "Coördinator Sluit" } });
    const card = await coordStream.waitFor((events) => events.find((e) => e.type === "update" && JSON.stringify(e.data).includes(id!) && JSON.stringify(e.data).includes("afgerond door")));
    expect(JSON.stringify(card.data)).toContain("afgerond door Coördinator Sluit");
  });

  it("closes with advice for the requester, refusing personal data in it", { timeout: 30_000 }, async () => {
    const { id } = await file(ASKER);
    const opened = await post(COORD, { action: { id: "consult.closeWithAdvice", value: id } });
    const form = opened.flatMap((r) => r.parts).find((p: any) => p.kind === "form");
    expect(form).toMatchObject({ submitActionId: "consult.close", formId: id });
    expect(form.fields.map((f: any) => f.id)).toEqual(["advice"]);
    // Only a coordinator gets the form.
    expect(text(await post(OTHER, { action: { id: "consult.closeWithAdvice", value: id } }))).toContain("alleen een coördinator");
    const refused = await post(COORD, { action: { id: "consult.close", value: id, fields: { advice: "Bel moeder op 06-12345678" } } });
    expect(text(refused)).not.toContain("12345678");
    expect(refused.flatMap((r) => r.parts).find((p: any) => p.kind === "form").fields[0]).toMatchObject({ error: expect.stringMatching(/telefoonnummer/), value: "Bel moeder op [telefoonnummer verwijderd]" });
    expect((await app.app.records.open(consultKind(60)).get(id!))!.value.status).not.toBe("afgerond");
    const advice = "Zet de aanvraag voor ambulante hulp door en bespreek over twee weken opnieuw.";
    // Typed with the label the card prints ("Advies: …"), the label is not shown twice (new-user try).
    // The confirmation repeats what was sent: the form is empty afterwards (new-user try).
    expect(text(await post(COORD, { action: { id: "consult.close", value: id, fields: { advice: `Advies: ${advice}` } } }))).toContain(`De aanvrager heeft je advies: „${advice}”`);
    const told = await askerStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(`${id} is afgerond`)));
    expect(JSON.stringify(told.data)).toContain(`Advies: ${advice}`);
    expect(JSON.stringify(told.data)).not.toContain("Advies: Advies:");
    // The advice stays in the requester's overview.
    expect(text(await post(ASKER, { text: "mijn consulten" }))).toContain(`Advies: ${advice}`);
    // Looked up by number, the closed request is not called open, and shows who asked and the advice (coordinator try).
    const looked = text(await post(COORD, { text: id! }));
    expect(looked).toContain(`${id} · SPOED · Servicepunt`);
    expect(looked).not.toContain("Open consultaanvragen");
    expect(looked).toMatch(/Aangevraagd door:\* Webgebruiker [A-Z]{4}/);
    expect(looked).toContain(`Advies: ${advice}`);
  });

  it("shows the requests asked for in plain words or by number, each person only what is theirs to see", async () => {
    const { id } = await file(ASKER);
    // A coordinator gets the open ones, the requester their own, both with their buttons.
    const open = await post(COORD, { text: "welke aanvragen staan nog open?" });
    expect(text(open)).toContain("Open consultaanvragen");
    // A snapshot that says so, with how to renew it.
    expect(text(open)).toMatch(/Stand van \d{2}:\d{2}\. Typ \*consulten\* voor de nieuwe stand\./);
    expect(text(open)).toContain(id!);
    // With the question, to choose what to pick up first (new-user try), and who asked (coordinator try).
    expect(text(open)).toContain(`Vraag: ${VALID.question}`);
    expect(text(open)).toMatch(/Aangevraagd door: Webgebruiker [A-Z]{4}/);
    // Urgent ones first: an urgent request filed after a regular one stands before it.
    const { id: regular } = await file(ASKER, { ...VALID, urgency: "regulier", caseRef: `REG-${RUN}` });
    const { id: urgent } = await file(ASKER, { ...VALID, caseRef: `URG-${RUN}` });
    const order = text(await post(COORD, { text: "consulten" }));
    expect(order.indexOf(`*${urgent}* · spoed`)).toBeGreaterThan(-1);
    expect(order.indexOf(`*${urgent}* · spoed`)).toBeLessThan(order.indexOf(`*${regular}* · regulier`));
    const own = await post(ASKER, { text: "laat mijn openstaande consulten zien" });
    expect(text(own)).toContain("Jouw consultaanvragen");
    // By its number: the requester gets it with Intrekken, someone else nothing of it.
    const named = await post(ASKER, { text: `annuleer ${id!.toLowerCase()}` });
    expect(named.flatMap((r) => r.parts).flatMap((p: any) => p.actions ?? [])).toContainEqual({ id: "consult.confirmCancel", label: "Intrekken", value: id });
    // It asks first, and only its requester (coordinator try: one click on "Annuleren" withdrew it).
    const confirm = await post(ASKER, { action: { id: "consult.confirmCancel", value: id } });
    expect(text(confirm)).toContain(`Consultaanvraag ${id} intrekken?`);
    expect(confirm.flatMap((r) => r.parts).flatMap((p: any) => p.actions ?? []).map((a: any) => [a.id, a.label])).toEqual([["consult.cancel", "Ja, intrekken"], ["consult.dismiss", "Nog niet"]]);
    expect(text(await post(OTHER, { action: { id: "consult.confirmCancel", value: id } }))).toContain("Dit is niet jouw consultaanvraag.");
    expect((await app.app.records.open(consultKind(60)).get(id!))!.value.status).not.toBe("geannuleerd");
    // Withdrawn after a claim: the coordinators read it under the card, with who need not go on (team try: only the card changed).
    await post(COORD, { action: { id: "consult.claim", value: regular } });
    expect(text(await post(ASKER, { action: { id: "consult.cancel", value: regular } }))).toContain(`Je consultaanvraag ${regular} is geannuleerd.`);
    await coordStream.waitFor((events) => events.find((e) => new RegExp(`${regular} · Ingetrokken door de aanvrager; Webgebruiker [A-Z]{4} hoeft er niets meer mee te doen\\.`).test(JSON.stringify(e.data))));
    const stranger = await post(OTHER, { text: `hoe staat ${id} ervoor?` });
    expect(text(stranger)).toContain(`Ik vind geen consultaanvraag ${id} van jou`);
    expect(text(stranger)).not.toContain(VALID.question);
  });

  it("10 simultaneous claims: one winner, nine private refusals naming the winner, one history entry", async () => {
    const { id } = await file(ASKER);
    const results = await Promise.all(
      TEAM.map((user, i) =>
        fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user, name: `Coördinator ${i}`, action: { id: "consult.claim", value: id } }) }).then(async (r) => text(((await r.json()) as any).replies)),
      ),
    );
    const winners = results.filter((r) => r.includes("Je hebt"));
    expect(winners).toHaveLength(1);
    const winner = results.indexOf(winners[0]!);
    const refusals = results.filter((r) => r.includes(`al opgepakt door Coördinator ${winner}.`));
    expect(refusals).toHaveLength(9);
    // Private: the refusals are answers to the one who pressed; nothing of them is pushed to pages.
    expect(JSON.stringify(coordStream.events)).not.toContain("al opgepakt door");
    const stored = await app.app.records.open(consultKind(60)).get(id!);
    expect(stored!.value.assignee).toMatchObject({ userId: TEAM[winner], name: `Coördinator ${winner}` });
    const history = await app.app.records.open(consultKind(60)).history(id!);
    expect(history.filter((h) => h.type === "claimed")).toHaveLength(1);
  });
  it("filed from a shared conversation, what happens to the request reaches the requester's own pages, not the colleagues in it", { timeout: 30_000 }, async () => {
    // New-user try: filed from the spoedberaad chat, a colleague got the coordinator's question and an answer form.
    const shared = `spoedberaad-${RUN}`;
    const colleague = await openSse(`${app.baseUrl}/api/stream?user=${OTHER}&conversation=${shared}`);
    const requesterElsewhere = await openSse(`${app.baseUrl}/api/stream?user=${ASKER}&conversation=elsewhere-${RUN}`);
    try {
      const filed = await fetch(`${app.baseUrl}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user: ASKER, conversation: shared, action: { id: "consult.submit", value: "consult", fields: VALID } }),
      });
      const id = JSON.stringify(await filed.json()).match(/CR-\d{4}-\d{6}/)![0];
      await post(COORD, { action: { id: "consult.claim", value: id } });
      await post(COORD, { action: { id: "consult.ask", value: id, fields: { question: "Welke gemeente is betrokken?" } } });
      await requesterElsewhere.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes(`${id} is opgepakt`)));
      await requesterElsewhere.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes("Welke gemeente is betrokken?")));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(JSON.stringify(colleague.events)).not.toContain(id);
    } finally {
      colleague.close();
      requesterElsewhere.close();
    }
  });

  it("once closed, a question's form is taken away, old buttons open no form, and a late text comes back with the refusal", { timeout: 30_000 }, async () => {
    // New-user try: closed while a question waited, the requester's form still took an answer,
    // which was refused after "Verstuurd" and lost; an old list still opened a question form.
    const { id } = await file(ASKER);
    await post(COORD, { action: { id: "consult.claim", value: id } });
    await post(COORD, { action: { id: "consult.ask", value: id, fields: { question: "Is school op de hoogte?" } } });
    const asked = await askerStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes("Is school op de hoogte?")));
    expect(asked.data.reply.parts.some((p: any) => p.kind === "form")).toBe(true);
    // Closing asks first, and says the question still waits (coordinator try: no word of it).
    expect(text(await post(COORD, { action: { id: "consult.confirmClose", value: id } }))).toContain("De vraag aan de aanvrager staat nog open („Is school op de hoogte?”).");
    await post(COORD, { action: { id: "consult.close", value: id } });
    // The question's message is updated in place: same message, no form, says why.
    const settled = await askerStream.waitFor((events) => events.find((e) => e.type === "update" && e.data.messageId === asked.data.messageId));
    expect(settled.data.reply.parts.some((p: any) => p.kind === "form")).toBe(false);
    expect(JSON.stringify(settled.data.reply)).toContain("Is school op de hoogte?");
    expect(JSON.stringify(settled.data.reply)).toContain("afgerond; een antwoord is niet meer nodig");

    // An answer sent anyway is refused with its text, not lost.
    const late = await post(ASKER, { action: { id: "consult.answer", value: id, fields: { answer: "School weet het sinds maandag." } } });
    expect(text(late)).toContain("al afgerond. Je tekst is niet verstuurd");
    expect(text(late)).toContain("School weet het sinds maandag.");
    // The coordinator's old buttons open no form for the closed request.
    for (const action of ["consult.ask", "consult.note", "consult.closeWithAdvice"]) {
      const opened = await post(COORD, { action: { id: action, value: id } });
      expect(opened.flatMap((r) => r.parts).some((p: any) => p.kind === "form"), action).toBe(false);
      // Which request: from a list of several, the number says it (new-user try).
      expect(text(opened), action).toContain(`Consultaanvraag ${id} is al afgerond.`);
    }
    // A form opened before the close gives its text back too, without personal data in it.
    const note = await post(COORD, { action: { id: "consult.note", value: id, fields: { note: "Terugbellen op 06-12345678 morgen." } } });
    expect(text(note)).toContain("Je tekst is niet verstuurd");
    expect(text(note)).toContain("Terugbellen op");
    expect(text(note)).not.toContain("06-12345678");
    // Withdrawn by the requester, an old button says so (team try: "afgerond of geannuleerd", as if unknown).
    const withdrawn = (await file(ASKER)).id;
    await post(ASKER, { action: { id: "consult.cancel", value: withdrawn } });
    expect(text(await post(COORD, { action: { id: "consult.claim", value: withdrawn } }))).toContain(`Consultaanvraag ${withdrawn} is al geannuleerd door de aanvrager.`);
  });

  it("an answer sent unchanged from the form offered under it is confirmed without quoting it a third time", { timeout: 30_000 }, async () => {
    const { id } = await file(TYPER);
    const offer = async (question: string, typed: string) => {
      await post(COORD, { action: { id: "consult.ask", value: id, fields: { question } } });
      const replies = await post(TYPER, { text: typed });
      return replies.flatMap((r) => r.parts).find((p: any) => p.kind === "form") as any;
    };
    const first = await offer("Hoe oud is de jongere?", "De jongere is vijftien jaar oud");
    const unchanged = text(await post(TYPER, { action: { id: first.submitActionId, value: first.formId, fields: { answer: first.fields[0].value } } }));
    expect(unchanged).toContain(`Je antwoord op ${id} is doorgestuurd.`);
    expect(unchanged).not.toContain("vijftien");
    // Changed in the form, what was sent is shown: the message above no longer says it.
    const second = await offer("Is de school betrokken?", "De school is nog niet betrokken");
    const changed = text(await post(TYPER, { action: { id: second.submitActionId, value: second.formId, fields: { answer: "De school is sinds vandaag betrokken." } } }));
    expect(changed).toContain(`Je antwoord op ${id} is doorgestuurd: „De school is sinds vandaag betrokken.”`);
    const detail = text(await post(TYPER, { text: id! }));
    expect(detail).toContain("Jouw antwoord: De jongere is vijftien jaar oud");
    expect(detail).toContain("Jouw antwoord: De school is sinds vandaag betrokken.");
  });

  it("an answered question's message keeps the question and loses its form", { timeout: 30_000 }, async () => {
    const { id } = await file(ASKER);
    await post(COORD, { action: { id: "consult.ask", value: id, fields: { question: "Hoe oud is de jongere?" } } });
    const asked = await askerStream.waitFor((events) => events.find((e) => JSON.stringify(e.data).includes("Hoe oud is de jongere?")));
    await post(ASKER, { action: { id: "consult.answer", value: id, fields: { answer: "Vijftien jaar." } } });
    const settled = await askerStream.waitFor((events) => events.find((e) => e.type === "update" && e.data.messageId === asked.data.messageId));
    expect(settled.data.reply.parts.some((p: any) => p.kind === "form")).toBe(false);
    expect(JSON.stringify(settled.data.reply)).toContain("Beantwoord: je antwoord is doorgestuurd.");
    // Answering again says there is no open question, with the text.
    const again = await post(ASKER, { action: { id: "consult.answer", value: id, fields: { answer: "Nog iets." } } });
    expect(text(again)).toContain(`Bij ${id} staat geen vraag meer open. Je tekst is niet verstuurd`);
  });
});

describe("a consult request no coordinator would hear of", () => {
  it("is kept, and the requester is told that nobody gets word of it yet", async () => {
    // New-user try in Teams: "ingediend bij het Expertteam" with no coordinator channel linked, and nothing said.
    const app = await startWegwijs({ REDIS_URL, WEGWIJS_WEB_COORDINATORS: "" });
    try {
      const user = `asker-alone-${RUN}`;
      const res = await fetch(`${app.baseUrl}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, conversation: `conv-${user}`, action: { id: "consult.submit", value: "consult", fields: { ...VALID, target: "expertteam" } } }),
      });
      const replies = ((await res.json()) as { replies: any[] }).replies;
      const notices = replies.flatMap((r) => r.parts).filter((p: any) => p.kind === "notice");
      const id = JSON.stringify(replies).match(/CR-\d{4}-\d{6}/)?.[0];
      expect(id).toBeDefined();
      expect(notices.map((n: any) => n.level)).toEqual(["info", "warning"]);
      expect(notices[1].text).toMatch(/^Let op: voor het Expertteam is in Wegwijs nog geen plek ingesteld waar coördinatoren aanvragen zien\./);
      expect(await app.app.records.open(consultKind(60)).get(id!)).toBeDefined();
    } finally {
      await app.close();
    }
  });
});
