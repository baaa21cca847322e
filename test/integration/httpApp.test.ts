import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { NOT_REMEMBERED_TEXT } from "../../src/bot/storeNotices.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplyPart, SourceCitation } from "../../src/bot/reply.js";
import { defaultCorpusDir } from "../../src/config.js";
import { AnswerLog } from "../../src/handlers/ask/answerLog.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

// Questions the default corpus answers, and one it does not.
const ANSWERED = "wat moet er bij een spoedberaad aanschuiven?";
// Answered with more retrieved passages than shown, so the reply offers "Meer bronnen".
const WITH_MORE = "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?";
const OTHER_WITH_MORE = "welke rol hebben gemeenten bij de transformatie van de JeugdzorgPlus?";
const UNANSWERABLE = "wat is het dagtarief voor een plek in de JeugdzorgPlus?";
/** The "Meer bronnen" action of one answer (its button carries the answer id). */
const moreSourcesOf = (parts: ReplyPart[]) => {
  const button = parts.flatMap((p) => (p.kind === "actions" ? p.actions : [])).find((a) => a.id === "ask.moreSources");
  expect(button?.value).toMatch(/^[0-9a-f-]{36}$/);
  return { id: "ask.moreSources", value: button!.value };
};
const answerIdOf = (parts: ReplyPart[]) => parts.flatMap((p) => (p.kind === "feedback" ? [p.answerId] : []))[0];

const corpusDir = defaultCorpusDir(fileURLToPath(new URL("../..", import.meta.url)));
const corpusTitles = new Map<string, string>(
  (JSON.parse(readFileSync(path.join(corpusDir, "corpus.json"), "utf8")) as { documents: Array<{ file: string; title: string }> }).documents.map(
    (d) => [d.file, d.title],
  ),
);

interface ChatResponse {
  status: number;
  body: any;
}

async function post(baseUrl: string, payload: string, headers: Record<string, string> = {}): Promise<ChatResponse> {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: payload,
  });
  const text = await response.text();
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return { status: response.status, body: JSON.parse(text) };
}

async function chat(baseUrl: string, body: object): Promise<ChatResponse> {
  return post(baseUrl, JSON.stringify(body));
}

/** Parts of the single reply to a successful chat request. */
async function replyParts(baseUrl: string, body: object): Promise<ReplyPart[]> {
  const { status, body: json } = await chat(baseUrl, body);
  expect(status).toBe(200);
  expect(json.replies).toHaveLength(1);
  return json.replies[0].parts as ReplyPart[];
}

const actionIds = (parts: ReplyPart[]) => parts.flatMap((p) => (p.kind === "actions" ? p.actions.map((a) => a.id) : []));
const ofKind = <K extends ReplyPart["kind"]>(parts: ReplyPart[], kind: K) =>
  parts.filter((p): p is Extract<ReplyPart, { kind: K }> => p.kind === kind);

function sourcesTitled(parts: ReplyPart[], title: string): SourceCitation[] | undefined {
  return ofKind(parts, "sources").find((p) => p.title === title)?.sources;
}

const flat = (s: string) => s.replace(/[*_`#>]/g, "").replace(/\s+/g, " ").trim();

/** A citation points at a real corpus document, and its quote is text from that document. */
function expectRealCitation(source: SourceCitation): void {
  expect(Number.isInteger(source.n) && source.n >= 1).toBe(true);
  expect(corpusTitles.get(source.documentId), `unknown document ${source.documentId}`).toBeDefined();
  expect(source.documentTitle).toBe(corpusTitles.get(source.documentId));
  expect(source.section.trim()).not.toBe("");
  const quote = flat(source.quote.replace(/…$/, ""));
  expect(quote.length).toBeGreaterThan(10);
  expect(flat(readFileSync(path.join(corpusDir, source.documentId), "utf8"))).toContain(quote);
}

// Letters only: a random UUID can look like a BSN or phone number, and such a web id is refused.
const userId = () => `test-${randomUUID().replace(/[^a-f]/g, "").padEnd(12, "x")}`;

describe("Wegwijs over real HTTP (in-memory store)", () => {
  let app: RunningWegwijs;
  const asked: string[] = [];
  const ask = (user: string, text: string) => {
    asked.push(text);
    return replyParts(app.baseUrl, { user, text });
  };

  beforeAll(async () => {
    app = await startWegwijs();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("answers a question from the documents with a sources part (titles, sections, quotes)", async () => {
    const parts = await ask(userId(), ANSWERED);
    const [text] = ofKind(parts, "text");
    // The answer leads: no preamble before the first quote.
    expect(text?.text).not.toMatch(/^Dit staat erover/);
    expect(text?.text.trim().length).toBeGreaterThan(0);
    const sources = sourcesTitled(parts, "Bronnen");
    expect(sources?.length).toBeGreaterThan(0);
    for (const source of sources!) {
      expectRealCitation(source);
      // Every listed source is cited in the answer text.
      expect(text!.text).toContain(`[${source.n}]`);
    }
    expect(ofKind(parts, "notice")).toEqual([]);
  });

  it("leads a message about a danger to someone's life with where acute help is, above what Wegwijs offers", async () => {
    const parts = await ask(userId(), "ik ben huisarts. een patiënt van 15 dreigt met suïcide en loopt weg, wat moet ik nu doen?");
    expect(parts[0]).toMatchObject({ kind: "notice", level: "warning" });
    expect((parts[0] as { text: string }).text).toContain("Bel 112");
    // A question about the plans' own topic gets no such notice.
    const plan = await ask(userId(), "wat zegt het actieplan over suïcidepreventie?");
    expect(ofKind(plan, "notice").some((n) => n.text.includes("112"))).toBe(false);
  });

  it("notes that the document a question asks about never mentions its subject, above the closest quotes", async () => {
    const parts = await ask(userId(), "wat zegt het actieplan over de rol van gedragswetenschappers?");
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("„gedragswetenschappers” komt in „De best passende zorg voor kwetsbare jongeren” niet voor. Dit zegt het er het dichtst bij:");
    // The notice comes before the quotes it introduces.
    expect(parts.findIndex((p) => p.kind === "notice")).toBeLessThan(parts.findIndex((p) => p.kind === "text"));
  });

  it("notes that a region's one plan never names what a follow-up for that region asks about", async () => {
    // New-user try of the forty-ninth session: "en in rijnmond?" after the Servicepunt's expertise
    // for a spoedberaad got the regiovisie's expertiseteam, as if it were Rijnmond's Servicepunt.
    const user = userId();
    await ask(user, "welke expertise moet er bij het servicepunt komen voor een spoedberaad in groningen/drenthe?");
    const parts = await ask(user, "en in rijnmond?");
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("„servicepunt” komt in „Regiovisie jeugdhulp regio Rijnmond” niet voor. Dit zegt het er het dichtst bij:");
    // A Rijnmond question on what its plan does name gets no such notice.
    const named = await ask(userId(), "hoe werkt de casusregie in rijnmond?");
    expect(ofKind(named, "notice").some((n) => n.text.includes("niet voor"))).toBe(false);
  });

  it("notes that no plan document uses the thing a question names, above the closest quotes", async () => {
    const parts = await ask(userId(), "betaal je als ouder een ouderbijdrage bij een uithuisplaatsing?");
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("„ouderbijdrage” komt in de plandocumenten niet voor. Dit zeggen ze er het dichtst bij:");
    expect(parts.findIndex((p) => p.kind === "notice")).toBeLessThan(parts.findIndex((p) => p.kind === "text"));
    // A thing the documents name gets no such notice.
    const named = await ask(userId(), "welke risico's heeft een aanbesteding van jeugdzorgplus?");
    expect(ofKind(named, "notice").some((n) => n.text.includes("komt in de plandocumenten niet voor"))).toBe(false);
  });

  it("answers from the other documents when the named one never mentions the subject and has only lines naming itself", async () => {
    // First new-user try of the fortieth session: "… op basis van de regiovisie" was quoted as closest.
    const parts = await ask(userId(), "wat is een spoedberaad volgens de regiovisie?");
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("„spoedberaad” komt in „Regiovisie jeugdhulp regio Rijnmond” niet voor. Dit zeggen de andere plandocumenten erover:");
    expect(ofKind(parts, "text")[0]?.text).toContain("spoedberaad");
    expect(sourcesTitled(parts, "Bronnen")?.every((s) => !s.documentId.includes("rijnmond"))).toBe(true);
    // Nothing elsewhere either: the notice alone, not "Daar gaan de plandocumenten niet over".
    const alone = await ask(userId(), "wat zegt de regiovisie over jz+?");
    expect(ofKind(alone, "text").map((p) => p.text)).toEqual(["„jz+” komt in „Regiovisie jeugdhulp regio Rijnmond” niet voor."]);
  });

  it("answers a question for the national plans from the national documents, not from a region's plan", async () => {
    // Second new-user try of the thirty-ninth session: the Rijnmond regiovisie answered.
    const parts = await ask(userId(), "wat zeggen de landelijke plannen over pleegzorg?");
    const sources = sourcesTitled(parts, "Bronnen") ?? [];
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => !s.documentId.includes("rijnmond") && !s.documentId.includes("groningen"))).toBe(true);
    expect(ofKind(parts, "text")[0]?.text.toLowerCase()).toContain("pleeg");
  });

  it("answers a follow-up whose own part the combined reading left open from the sections the previous answer did not quote", async () => {
    // First new-user try of the fortieth session: asked alone it got other milestones; read with the
    // question before, "nothing new", while the actieplan's milestones for separeren answer it.
    const user = userId();
    await ask(user, "wat zeggen de plannen over separeren");
    const parts = await ask(user, "en wat is daarvan de planning, wanneer moet het gestopt zijn?");
    expect(ofKind(parts, "notice").map((p) => p.text).join(" ")).toContain("vervolg op je vorige vraag");
    expect(ofKind(parts, "text")[0]?.text).toContain("2021 Q1: gedwongen afzonderingen teruggebracht met 80%");
  });

  it("reads 'en wat is hsj?' as a question of its own, not with the question before", async () => {
    // First new-user try of the fortieth session: read with "wat bedoelen ze met matched care …?", the route's list came first.
    const user = userId();
    await ask(user, "wat bedoelen ze met matched care ipv stepped care?");
    const parts = await ask(user, "en wat is hsj?");
    expect(ofKind(parts, "notice").map((p) => p.text).join(" ")).not.toContain("vervolg op je vorige vraag");
    expect(ofKind(parts, "text")[0]?.text).toMatch(/^“HSJ/);
  });

  it("asks a 'wat doet X?' question again of the thing a bare follow-up names ('en het expertteam?')", async () => {
    // New-user try of the forty-seventh session: read with the question before, the one line naming both came back.
    const user = userId();
    await ask(user, "wat doet het servicepunt precies");
    const parts = await ask(user, "en het expertteam?");
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("Ik lees dit als: „wat doet het expertteam precies”");
    expect(ofKind(parts, "text")[0]?.text).not.toMatch(/Servicepunt/);
  });

  it("does not ask the question before of a document a follow-up names when the follow-up asks a question of its own", async () => {
    // New-user try of the forty-eighth session: read as "wat zijn de twee doelen van de presentatie", the action plan's goals came again.
    const user = userId();
    await ask(user, "wat zijn de twee doelen van het actieplan");
    const parts = await ask(user, "en in groningen? hoe gaat plaatsing in jz+ daar");
    expect(ofKind(parts, "notice").map((p) => p.text)).not.toContain("Ik lees dit als: „wat zijn de twee doelen van de presentatie”");
    expect(ofKind(parts, "text")[0]?.text).not.toContain("We focussen daarbij op twee doelen");
  });

  it("asks the question before of the document a follow-up names ('en wat zegt de voortgangsrapportage daarover?')", async () => {
    // First new-user try of the fortieth session: read with both documents, the reading guide was quoted.
    const user = userId();
    await ask(user, "wat zegt het actieplan over separeren?");
    const parts = await ask(user, "en wat zegt de voortgangsrapportage daarover?");
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("Ik lees dit als: „wat zegt de voortgangsrapportage over separeren?”");
    expect(sourcesTitled(parts, "Bronnen")?.every((s) => s.documentId.startsWith("voortgangsrapportage"))).toBe(true);
    expect(ofKind(parts, "text")[0]?.text.toLowerCase()).toMatch(/separe|afzonder/);
    const corrected = userId();
    await ask(corrected, "wat zegt het actieplan over pleegzorg?");
    const regiovisie = await ask(corrected, "nee ik bedoel wat de regiovisie erover zegt");
    expect(ofKind(regiovisie, "notice").map((p) => p.text)).toContain("Ik lees dit als: „wat zegt de regiovisie over pleegzorg?”");
    // Only that document's lines, when it says something (new-user try of the forty-first session:
    // the regiovisie's line asked about before came again under the action plan's).
    const role = userId();
    await ask(role, "welke rol krijgen jongeren bij de keuze voor hulp volgens de regiovisie?");
    const plan = await ask(role, "wat zegt het actieplan daarover?");
    expect(sourcesTitled(plan, "Bronnen")?.length).toBeGreaterThan(0);
    expect(sourcesTitled(plan, "Bronnen")?.every((s) => s.documentId.startsWith("actieplan"))).toBe(true);
  });

  it("answers a follow-up that asks something of a document the question before did not name from that document, or says it has nothing", async () => {
    // New-user try of the forty-second session: the action plan's target "teruggebracht met 80%"
    // led the answer to "is dat gehaald volgens de voortgangsrapportage?", read as "achieved".
    const user = userId();
    await ask(user, "met hoeveel procent moesten gedwongen afzonderingen omlaag en per wanneer?");
    const parts = await ask(user, "en is dat gehaald volgens de voortgangsrapportage?");
    const text = ofKind(parts, "text").map((p) => p.text).join("\n");
    expect(text).not.toContain("teruggebracht met 80%");
    expect(text).toContain("„Vijfde voortgangsrapportage");
    // Not "Daar gaan de plandocumenten niet over" when that document says nothing: the other documents do.
    const other = userId();
    await ask(other, "wat zegt de regiovisie over pleegzorg?");
    const costs = await ask(other, "en wat zegt het actieplan over de kosten daarvan?");
    expect(ofKind(costs, "text").map((p) => p.text).join("\n")).not.toContain("Daar gaan de plandocumenten niet over");
  });

  it("reads 'stond daar niet iets over een wethouder?' as asked of the previous answer's document, named by its kind", async () => {
    // New-user try of the forty-second session: read with the question before, a line on aldermen from another document came.
    const user = userId();
    await ask(user, "wie heeft die nieuwe werkwijze opgesteld en wie gaf daar de opdracht voor?");
    const parts = await ask(user, "stond daar niet iets over een wethouder? welke gemeente was dat?");
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("Ik lees dit als: „stond in de presentatie niet iets over een wethouder? welke gemeente was dat?”");
    expect(ofKind(parts, "text")[0]?.text).toMatch(/^“Oproep van wethouder Molema/);
  });

  it("asks a question that points at the previous answer's document ('voor die werkwijze') of that document", async () => {
    // New-user try of the forty-first session: the action plan's line on "nieuwe werkwijzen" answered.
    const user = userId();
    await ask(user, "wat is het doel vd nieuwe werkwijze");
    const parts = await ask(user, "wat moet er nog georganiseerd worden voor die werkwijze?");
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("Ik lees dit als: „wat moet er nog georganiseerd worden voor de Nieuwe werkwijze plaatsing in de JeugdzorgPlus?”");
    expect(sourcesTitled(parts, "Bronnen")?.[0]?.section).toBe("Wat moeten we organiseren?");
    // The title put in is not read as a question about placement: no route offered.
    expect(actionIds(parts)).not.toContain("route.start");
  });

  it("says so when a follow-up's answer comes from another document than the answer it goes on from", async () => {
    // New-user try of the forty-first session: "en wanneer moet dat klaar zijn?" after Rijnmond's
    // agreements got a national symposium's date, read as the regiovisie's deadline.
    const user = userId();
    await ask(user, "ik ben gedragswetenschapper in rijnmond");
    await ask(user, "wat spreken gemeenten en aanbieders af over pleegzorg en gezinshuizen?");
    const parts = await ask(user, "en wanneer moet dat klaar zijn?");
    expect(sourcesTitled(parts, "Bronnen")?.some((s) => s.documentId.startsWith("regiovisie"))).toBe(false);
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("Let op: dit komt uit een ander document dan mijn vorige antwoord („Regiovisie jeugdhulp regio Rijnmond”).");
    // Not under a follow-up answered from the same document.
    const same = userId();
    await ask(same, "wie heeft de casusregie bij een ots?");
    const voluntary = await ask(same, "en bij vrijwillige hulp?");
    expect(ofKind(voluntary, "notice").map((p) => p.text).join(" ")).not.toContain("ander document");
  });

  it("answers 'waar staat dat precies?' with the sources of the answer just given, also when worded 'wat is de bron?'", async () => {
    const user = userId();
    const answer = await ask(user, ANSWERED);
    const where = await ask(user, "waar staat dat precies?");
    expect(ofKind(where, "text").map((p) => p.text)).toEqual([expect.stringMatching(/^Mijn vorige antwoord komt uit deze passages?:$/)]);
    expect(sourcesTitled(where, "Bronnen")).toEqual(sourcesTitled(answer, "Bronnen"));
    // Not the list of indexed documents (small talk), but the same sources.
    expect(sourcesTitled(await ask(user, "wat is de bron?"), "Bronnen")).toEqual(sourcesTitled(answer, "Bronnen"));
  });

  it("answers the answerable part of a two-part question and says which part it leaves open", async () => {
    const parts = await ask(userId(), "Wat doet het Expertteam? En wie betaalt de lunch bij de kerstborrel?");
    expect(ofKind(parts, "text")[0]?.text.toLowerCase()).toContain("expertteam");
    expect(ofKind(parts, "notice")).toEqual([
      // No quote says what the Expertteam does: the lines that name it, marked so.
      { kind: "notice", level: "info", text: "Wat „Expertteam” precies doet, staat niet in de plandocumenten. Dit zeggen ze er wel over:" },
      // Asked on its own the plans do not answer it either.
      { kind: "notice", level: "info", text: "Op je vraag „wie betaalt de lunch bij de kerstborrel” geven de plandocumenten geen antwoord." },
    ]);
    expect(sourcesTitled(parts, "Bronnen")?.length).toBeGreaterThan(0);
  });

  it("says the plans do not answer a later part that, asked on its own, they do not answer either", async () => {
    // New-user try: "Stel die gerust apart" under a part that asking apart would not answer.
    const parts = await ask(userId(), "wat is het doel van de nieuwe werkwijze in groningen en drenthe en wat kost een plek in de jeugdzorgplus per dag?");
    expect(ofKind(parts, "text")[0]?.text).toBeTruthy();
    expect(ofKind(parts, "notice").map((p) => p.text)).toContain("Op je vraag „wat kost een plek in de jeugdzorgplus per dag” geven de plandocumenten geen antwoord.");
  });

  it("does not send a question for figures or a law article to the Servicepunt, even when it names a placement", async () => {
    for (const question of ["welk artikel van de jeugdwet regelt de machtiging gesloten jeugdhulp?", "hoeveel jongeren zitten er nu in de jeugdzorgplus in heel nederland?"]) {
      const parts = await ask(userId(), question);
      expect(ofKind(parts, "text").map((p) => p.text), question).toEqual(["De plandocumenten geven hier geen antwoord op. Ik ga niet gokken."]);
      expect(ofKind(parts, "notice").map((p) => p.text).join(" "), question).not.toMatch(/Servicepunt/);
    }
  });

  it("says the documents do not answer an unanswerable question, with a next step", async () => {
    const parts = await ask(userId(), UNANSWERABLE);
    expect(ofKind(parts, "text").map((p) => p.text)).toEqual(["De plandocumenten geven hier geen antwoord op. Ik ga niet gokken."]);
    const notices = ofKind(parts, "notice");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: "info" });
    expect(notices[0]!.text).toMatch(/^Gaat je vraag over een jongere of een plaatsing\? Leg hem dan voor aan het Servicepunt JeugdzorgPlus/);
    // Nearby passages may be shown, but never as the sources of an answer.
    expect(sourcesTitled(parts, "Bronnen")).toBeUndefined();
    // No "Meer bronnen": there is no answer to show more sources for; the way to the Servicepunt
    // named above is a consult request, the Servicepunt filled in.
    expect(actionIds(parts)).toEqual(["consult.new"]);
    expect(parts.flatMap((p) => (p.kind === "actions" ? p.actions : []))[0]).toMatchObject({ label: "Consultaanvraag indienen", value: "servicepunt\n" });
    expect(answerIdOf(parts)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a case told and then only 'wat nu?' / 'wat moet ik doen?' with what Wegwijs can do, not with quotes that share a word with the story", async () => {
    // New-user try: "15" and "weg" drew a progress report's lines on 15 case studies and next steps.
    const wanders = await ask(userId(), "mijn patiënt loopt steeds weg. wat nu?");
    expect(ofKind(wanders, "text")[0]?.text).toBe("Wat jij nu moet doen, staat niet letterlijk in de plandocumenten. Dit kan Wegwijs met je doen:");
    // The route, and the way to the Servicepunt with its consult button.
    expect(actionIds(wanders)).toEqual(["route.start", "consult.new"]);
    expect(ofKind(wanders, "notice").map((p) => p.text).join(" ")).toMatch(/Leg hem dan voor aan het Servicepunt JeugdzorgPlus/);
    expect(sourcesTitled(wanders, "Bronnen")).toBeUndefined();
    const escalates = await ask(userId(), "ik ben huisarts. mijn patiënt (15) escaleert thuis steeds meer, agressie en weglopen. wat moet ik doen?");
    expect(ofKind(escalates, "text")[0]?.text).toBe("Wat jij nu moet doen, staat niet letterlijk in de plandocumenten. Dit kan Wegwijs met je doen:");
    expect(actionIds(escalates)).toContain("spoedberaad.start");
    expect(sourcesTitled(escalates, "Bronnen")).toBeUndefined();
    // The case told in clauses before it, in one sentence (new-user try: a case story from the plan led on "15" and "weglopen").
    const clauses = await ask(userId(), "meisje van 15, loopt steeds weg, ouders ten einde raad, wat moet ik doen?");
    expect(ofKind(clauses, "text")[0]?.text).toBe("Wat jij nu moet doen, staat niet letterlijk in de plandocumenten. Dit kan Wegwijs met je doen:");
    expect(actionIds(clauses)).toEqual(["route.start", "spoedberaad.start", "consult.new"]);
    // A condition before it names what it is about: answered from the documents.
    const condition = await ask(userId(), "als een jongere in de jz+ geplaatst moet worden, wat moet ik doen?");
    expect(ofKind(condition, "text")[0]?.text).not.toMatch(/^Wat jij nu moet doen/);
    expect(sourcesTitled(condition, "Bronnen")).toBeDefined();
    // A case told without a question asks the same (new-user try: a refusal with only the consult button),
    // without a note on the nearest passages, which are not shown here.
    const told = await ask(userId(), "casus: meisje 15, OTS, loopt steeds weg, middelengebruik, ouders willen dat ze opgesloten wordt. ambulant traject loopt 3 mnd zonder effect");
    expect(ofKind(told, "text")[0]?.text).toBe("Wat jij nu moet doen, staat niet letterlijk in de plandocumenten. Dit kan Wegwijs met je doen:");
    expect(actionIds(told)).toEqual(["route.start", "consult.new"]);
    expect(ofKind(told, "notice").map((n) => n.text).join(" ")).not.toMatch(/\bbron \d/);
    // Only what to do, with no case and nothing else: the same, not "the documents are not about that" (new-user try).
    const bare = await ask(userId(), "wat zeggen de plannen wat ik als eerste moet doen?");
    expect(ofKind(bare, "text")[0]?.text).toBe("Wat jij nu moet doen, staat niet letterlijk in de plandocumenten. Dit kan Wegwijs met je doen:");
    expect(actionIds(bare)[0]).toBe("route.start");
    // A question that names what it is about is still answered from the documents.
    const named = await ask(userId(), "wat moet ik doen als een jongere in de jz+ geplaatst moet worden?");
    expect(ofKind(named, "text").map((p) => p.text).join(" ")).not.toContain("De plandocumenten geven hier geen antwoord op");
  });

  it("puts the urgent route and the checklist first when an acute case asks what to do now, the quotes after them", async () => {
    // New-user try of the forty-second session: a 2027 goal was the first thing an acute case read.
    const parts = await ask(userId(), "het loopt uit de hand, jongere is weggelopen en er is acuut gevaar. wat moet ik nu doen voor een spoedplaatsing?");
    // Above everything, where acute help is (verification try of the forty-sixth session).
    expect(parts[0]).toMatchObject({ kind: "notice", level: "warning" });
    expect((parts[0] as { text: string }).text).toContain("0800-2000");
    expect(parts[1]).toEqual({ kind: "text", text: "Moet een jongere met spoed geplaatst worden? Loop dan stap voor stap de spoedroute door." });
    expect(parts[2]).toMatchObject({ kind: "actions", actions: [{ id: "route.start", value: "spoedmachtiging" }] });
    expect(ofKind(parts, "sources").length).toBeGreaterThan(0);
    // Not urgent: the answer leads, the offer under it.
    const calm = await ask(userId(), "wat moet ik doen voor een plaatsing in de jeugdzorgplus als er geen spoed is?");
    expect(calm[0]?.kind).toBe("text");
    expect((calm[0] as { text: string }).text).not.toContain("stap voor stap");
  });

  it("puts the way to do it first when asked how to do it oneself, the quotes after it", async () => {
    // Verification try: a list of problems led "hoe krijg ik een jongere geplaatst …?", the route's button under it.
    const parts = await ask(userId(), "hoe krijg ik een jongere geplaatst in de jeugdzorgplus?");
    expect(parts[0]).toEqual({ kind: "text", text: "Gaat dit over een jongere voor wie plaatsing in beeld is? Loop dan stap voor stap de plaatsingsroute door." });
    expect(parts[1]).toMatchObject({ kind: "actions", actions: [{ id: "route.start" }] });
    expect(ofKind(parts, "sources").length).toBeGreaterThan(0);
    // "welke stappen moet ik zetten om …" asks the same (coordinator try: a milestone list led).
    const steps = await ask(userId(), "Welke stappen moet ik zetten om een machtiging gesloten jeugdhulp aan te vragen?");
    expect(steps[1]).toMatchObject({ kind: "actions", actions: [{ id: "route.start" }] });
    // "kan ik deze casus voorleggen aan het servicepunt?": the way to do it replaces a refusal
    // (coordinator try: "Ik ga niet gokken" led, with three unrelated passages).
    const put = await ask(userId(), "Kan ik deze casus voorleggen aan het servicepunt? Het gaat om CASUS-0418.");
    // It says the plans do not describe it (new-user try: only buttons, nothing said).
    expect(ofKind(put, "text")[0]?.text).toBe("Een antwoord op precies deze vraag vind ik niet in de plandocumenten. Dit kan Wegwijs met je doen:");
    expect(ofKind(put, "text")[1]?.text).toMatch(/^Wil je een casus voorleggen aan het Servicepunt/);
    expect(ofKind(put, "text").map((p) => p.text).join(" ")).not.toContain("De plandocumenten geven hier geen antwoord op");
    expect(actionIds(put)).toEqual(["consult.new"]);
    // Asked about it, not how to do it: the answer leads, the offer under it.
    const about = await ask(userId(), "welke knelpunten zijn er bij plaatsing in de jeugdzorgplus?");
    expect(about[0]?.kind).toBe("text");
    expect((about[0] as { text: string }).text).not.toContain("plaatsingsroute door");
  });

  it("asks which document to summarise, with a button per document that quotes that document's aim", async () => {
    const user = userId();
    const parts = await ask(user, "vat het plan ff samen");
    expect(ofKind(parts, "text")[0]?.text).toMatch(/^Welk plandocument bedoel je\?/);
    const choices = parts.flatMap((p) => (p.kind === "actions" ? p.actions : [])).filter((a) => a.id === "ask.gist");
    expect(choices).toHaveLength(5);
    const chosen = choices.find((a) => /regiovisie/i.test(a.label))!;
    const gist = await replyParts(app.baseUrl, { user, action: { id: chosen.id, value: chosen.value } });
    expect(ofKind(gist, "notice")[0]?.text).toMatch(/^Samenvatten doe ik niet: ik citeer alleen letterlijk\. Dit zegt „Nabij en passend/);
    expect(sourcesTitled(gist, "Bronnen")?.every((s) => s.documentId === "regiovisie-jeugdhulp-rijnmond-2020.md")).toBe(true);
  });

  it("gives an unanswerable question about a plan, not about a young person or a placement, examples instead of the Servicepunt", async () => {
    const parts = await ask(userId(), "Hoeveel gemeenten doen mee aan het klachtenloket van de provincie?");
    expect(ofKind(parts, "text").map((p) => p.text)).toEqual(["De plandocumenten geven hier geen antwoord op. Ik ga niet gokken."]);
    expect(ofKind(parts, "notice").map((n) => n.text)).toEqual(["Typ „help” voor voorbeelden van vragen die ik wel kan beantwoorden."]);
    expect(actionIds(parts)).toEqual([]);
  });

  it("does not send a question about the Servicepunt's own contact details back to the Servicepunt", async () => {
    // Also as chat writes it: "het SP" (new-user try: it got only the help step).
    for (const question of ["wat is het telefoonnummer van het Servicepunt JZ+ in Groningen?", "wat is het telefoonnummer van het SP groningen drenthe"]) {
      const parts = await ask(userId(), question);
      expect(ofKind(parts, "text")[0]?.text).toBe("De plandocumenten geven hier geen antwoord op. Ik ga niet gokken.");
      expect(ofKind(parts, "notice").map((n) => n.text)).toEqual(["Je gemeente kan je vertellen hoe je het Servicepunt JeugdzorgPlus van je regio bereikt. Een casus voorleggen kan ook hier, met een consultaanvraag."]);
      expect(actionIds(parts)).toEqual(["consult.new"]);
    }
  });

  it("answers 'wat is het Servicepunt?' (no passage says) with lines from several sections that mention it, under the notice", async () => {
    const parts = await ask(userId(), "wat is het servicepunt?");
    expect(ofKind(parts, "notice")[0]?.text).toBe("Wat „servicepunt” precies is, staat niet in de plandocumenten. Dit zeggen ze er wel over:");
    const quotes = ofKind(parts, "text")[0]!.text.split("\n").filter((line) => /\[\d\]$/.test(line));
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    for (const quote of quotes) expect(quote.toLowerCase()).toContain("servicepunt");
    const sections = sourcesTitled(parts, "Bronnen")!.map((s) => s.section);
    expect(new Set(sections).size).toBe(sections.length);
  });

  it("offers a case told with a child's name what it offers one told without: the route and the consult, and warns about the name", async () => {
    // New-user try: with the name taken out, "… loopt weer weg, wat moet ik doen?" got the bare refusal and "Typ help".
    const parts = await ask(userId(), "jesse bosman (15) loopt weer weg, wat moet ik doen?");
    expect(actionIds(parts)).toEqual(expect.arrayContaining(["route.start", "consult.new"]));
    expect(ofKind(parts, "notice").some((n) => n.text.startsWith("Let op: je bericht leek een naam te bevatten"))).toBe(true);
    expect(JSON.stringify(parts)).not.toContain("bosman");
  });

  it("answers 'wie moet ik bellen?' with the way to the Servicepunt, not as off-topic; a contact that names something else stays off-topic", async () => {
    // New-user try: "Daar gaan de plandocumenten niet over".
    for (const question of ["wie moet ik bellen?", "wie kan ik mailen?"]) {
      const parts = await ask(userId(), question);
      expect(ofKind(parts, "text")[0]?.text).toBe("De plandocumenten geven hier geen antwoord op. Ik ga niet gokken.");
      expect(ofKind(parts, "notice").map((n) => n.text)).toEqual(["Je gemeente kan je vertellen hoe je het Servicepunt JeugdzorgPlus van je regio bereikt. Een casus voorleggen kan ook hier, met een consultaanvraag."]);
      expect(actionIds(parts)).toEqual(["consult.new"]);
    }
    const pizza = await ask(userId(), "wat is het nummer van de pizzeria?");
    expect(ofKind(pizza, "text")[0]?.text).toMatch(/^Daar gaan de plandocumenten niet over/);
    // Also after a case the documents had no answer for (new-user try of the forty-second session:
    // "Ook hierop geven de plandocumenten geen antwoord", right after the Servicepunt was offered).
    const user = userId();
    await ask(user, "ik heb een patient van 15 met ernstige problemen, wegloopt, agressie thuis. wat moet ik doen?");
    const after = await ask(user, "ok maar wie moet ik dan bellen?");
    expect(ofKind(after, "notice").map((n) => n.text)).toContain("Je gemeente kan je vertellen hoe je het Servicepunt JeugdzorgPlus van je regio bereikt. Een casus voorleggen kan ook hier, met een consultaanvraag.");
  });

  it("shows the consult button once when the answer's own way on already offers it", async () => {
    // New-user try: "kan ik het servicepunt bellen? welk nummer?" got the advice and the button twice.
    // A later try: "wat is het telnr vh servicepunt, moet vandaag nog bellen" got it twice, one filled in for spoed.
    for (const question of ["kan ik het servicepunt bellen? welk nummer?", "wat is het telnr vh servicepunt, moet vandaag nog bellen"]) {
      const parts = await ask(userId(), question);
      expect(actionIds(parts), question).toEqual(["consult.new"]);
      expect(ofKind(parts, "text").map((p) => p.text), question).toEqual(["De plandocumenten geven hier geen antwoord op. Ik ga niet gokken."]);
    }
  });

  it("tells where to find another organisation's phone number or e-mail address, instead of 'Typ help'", async () => {
    // New-user try: "wat is het telnr van veilig thuis rotterdam rijnmond" got "Typ „help” …".
    for (const question of ["wat is het telnr van veilig thuis rotterdam rijnmond", "wat is het mailadres van de GI in groningen?"]) {
      const parts = await ask(userId(), question);
      expect(ofKind(parts, "text")[0]?.text).toBe("De plandocumenten geven hier geen antwoord op. Ik ga niet gokken.");
      expect(ofKind(parts, "notice")[0]?.text).toBe("Contactgegevens van organisaties staan niet in de plandocumenten. Kijk op de website van de organisatie zelf, of vraag het na bij je gemeente.");
      expect(actionIds(parts)).toEqual([]);
    }
    // Also where the question is off-topic as a whole (verification try: "Typ „help” …").
    const offTopic = await ask(userId(), "wat is het telefoonnummer van veilig thuis?");
    expect(ofKind(offTopic, "notice").map((n) => n.text)).toEqual(["Contactgegevens van organisaties staan niet in de plandocumenten. Kijk op de website van de organisatie zelf, of vraag het na bij je gemeente."]);
  });

  it("does not send someone who works at the Servicepunt to the gemeente to reach the Servicepunt", async () => {
    const parts = await ask(userId(), "Ik ben coördinator bij het Servicepunt JeugdzorgPlus. Wat is het dagtarief voor een plek in de JeugdzorgPlus?");
    expect(ofKind(parts, "text")[0]?.text).toBe("De plandocumenten geven hier geen antwoord op. Ik ga niet gokken.");
    expect(ofKind(parts, "notice").map((n) => n.text)).toEqual(["Typ „help” voor voorbeelden van vragen die ik wel kan beantwoorden."]);
  });

  it("tells an off-topic question what Wegwijs is for, without a referral or nearby passages", async () => {
    const parts = await ask(userId(), "Wat is het weer morgen?");
    expect(ofKind(parts, "text")[0]?.text).toMatch(/^Daar gaan de plandocumenten niet over/);
    expect(ofKind(parts, "notice").map((n) => n.text)).toEqual(["Typ „help” voor voorbeelden van vragen die ik wel kan beantwoorden."]);
    expect(JSON.stringify(parts)).not.toContain("Servicepunt");
    expect(ofKind(parts, "sources")).toEqual([]);
  });

  it("shows no nearby passages under a refusal when most of the question is words the documents never use", async () => {
    // Shares "morgen" (one slide) and the place Groningen with the documents; the rest is weather and bikes.
    const parts = await ask(userId(), "Weet jij of het morgen gaat regenen in Groningen? Ik moet op huisbezoek op de fiets.");
    expect(ofKind(parts, "text")[0]?.text).toBe("De plandocumenten geven hier geen antwoord op. Ik ga niet gokken.");
    expect(ofKind(parts, "sources")).toEqual([]);
    // One word in common besides the place is too thin a link.
    expect(ofKind(await ask(userId(), "wat wordt het weer morgen in Groningen?"), "sources")).toEqual([]);
    // A question mostly in the documents' words still shows what comes closest.
    expect(sourcesTitled(await ask(userId(), UNANSWERABLE), "Wat er het dichtst bij komt (beantwoordt je vraag niet)")?.length).toBeGreaterThan(0);
  });

  it("names the indexed documents when asked which it knows", async () => {
    const parts = await ask(userId(), "welke documenten ken jij eigenlijk?");
    const text = ofKind(parts, "text")[0]?.text ?? "";
    expect(text).toMatch(/^Ik zoek alleen in deze 5 plandocumenten/);
    expect(text).toContain("• Nabij en passend: regiovisie jeugdhulp regio Rijnmond");
  });

  it("stores feedback on an answer by its id and thanks the user", async () => {
    const user = userId();
    const parts = await ask(user, WITH_MORE);
    const answerId = answerIdOf(parts);
    expect(parts.at(-1)).toEqual({ kind: "feedback", answerId });
    const thanks = await replyParts(app.baseUrl, { user, action: { id: "ask.feedback", value: `${answerId}:useful` } });
    expect(ofKind(thanks, "text")[0]?.text).toMatch(/^Dank je!/);
    // A 👎 changes the vote and asks for an optional reason, which is privacy-filtered and capped.
    const down = await replyParts(app.baseUrl, { user, action: { id: "ask.feedback", value: `${answerId}:not_useful` } });
    expect(ofKind(down, "text")[0]?.text).toMatch(/eerdere stem is aangepast/);
    const [form] = ofKind(down, "form");
    expect(form).toMatchObject({ formId: answerId, submitActionId: "ask.feedbackReason", fields: [{ id: "reason", required: false }] });
    const reason = `Mail me op iemand@example.nl ${"heel lang ".repeat(100)}`;
    const saved = await replyParts(app.baseUrl, { user, action: { id: "ask.feedbackReason", value: answerId, fields: { reason } } });
    expect(ofKind(saved, "text")[0]?.text).toMatch(/toelichting is opgeslagen/);
    const votes = await new AnswerLog(app.app.store).votes(answerId!);
    expect(Object.keys(votes)).toEqual([user]);
    expect(votes[user]!.rating).toBe("not_useful");
    expect(votes[user]!.reason).not.toContain("iemand@example.nl");
    expect(votes[user]!.reason!.length).toBeLessThanOrEqual(500);
    const unknown = await replyParts(app.baseUrl, { user, action: { id: "ask.feedback", value: "00000000-0000-0000-0000-000000000000:useful" } });
    expect(ofKind(unknown, "notice")[0]?.text).toMatch(/niet opgeslagen/);
  });

  it("answers 'help' with the help reply: example questions and the route button", async () => {
    const parts = await ask(userId(), "help");
    const [text, examples] = ofKind(parts, "text");
    expect(text?.text).toMatch(/^Hoi! Ik ben Wegwijs\./);
    expect(examples?.text).toMatch(/^Je kunt bijvoorbeeld vragen \(regio Groningen en Drenthe\):/);
    expect(actionIds(parts)).toEqual(["route.start"]);
    // The page shows the privacy line above the conversation all the time: the help does not repeat it.
    expect(ofKind(parts, "notice")).toEqual([]);
    const page = await (await fetch(app.baseUrl)).text();
    expect(page).toMatch(/<p class="privacy" role="note">Noem geen namen, BSN of adressen van jongeren\./);
  });

  it("offers the placement route as the first button under a procedure question", async () => {
    for (const question of ["hoe vraag ik een machtiging aan", "plaatsing met spoed"]) {
      const parts = await ask(userId(), question);
      expect(actionIds(parts)[0], question).toBe("route.start");
      expect(parts.at(-1)?.kind, question).toBe("feedback");
    }
  });

  it("shows the remaining sources of that answer after 'Meer bronnen'", async () => {
    const user = userId();
    const parts = await ask(user, WITH_MORE);
    expect(ofKind(parts, "actions")[0]?.actions[0]).toEqual({ id: "ask.moreSources", label: "Meer bronnen", value: answerIdOf(parts) });
    expect(actionIds(parts)).toEqual(["ask.moreSources"]);
    const shown = sourcesTitled(parts, "Bronnen")!.map((s) => s.n);

    const more = await replyParts(app.baseUrl, { user, action: moreSourcesOf(parts) });
    const extra = sourcesTitled(more, "Meer bronnen");
    expect(extra?.length).toBeGreaterThan(0);
    for (const source of extra!) {
      expectRealCitation(source);
      expect(shown).not.toContain(source.n);
    }

    // Pressed again, the same sources; a button of an answer that does not exist says so.
    expect(sourcesTitled(await replyParts(app.baseUrl, { user, action: moreSourcesOf(parts) }), "Meer bronnen")).toEqual(extra);
    const unknown = await replyParts(app.baseUrl, { user, action: { id: "ask.moreSources", value: randomUUID() } });
    expect(ofKind(unknown, "notice")[0]?.text).toMatch(/ken ik niet/);
  });

  it("still answers a question that contained personal data, searched without it, and warns", async () => {
    // 111222333 passes the 11-proef but is made up.
    const parts = await ask(userId(), `BSN 111.222.333: ${WITH_MORE}`);
    expect(parts[0]).toMatchObject({ kind: "notice", level: "warning", text: expect.stringMatching(/^Let op: je bericht leek een BSN te bevatten/) });
    expect(ofKind(parts, "text")[0]?.text.trim().length).toBeGreaterThan(0);
    expect(sourcesTitled(parts, "Bronnen")?.length).toBeGreaterThan(0);
    for (const line of app.logs) expect(line).not.toMatch(/111\.?222\.?333/);
  });

  it("rejects malformed JSON with 400 and a Dutch error", async () => {
    const { status, body } = await post(app.baseUrl, '{"user": "a", "text": ');
    expect(status).toBe(400);
    expect(body).toEqual({ error: "Ongeldige JSON in het verzoek" });
  });

  it("rejects a body over 1 MB with 413", async () => {
    const { status, body } = await post(app.baseUrl, JSON.stringify({ user: "a", text: "x".repeat(1_100_000) }));
    expect(status).toBe(413);
    expect(body).toEqual({ error: "Verzoek is te groot (max 1 MB)" });
  });

  it("rejects a request without user, or with both text and action, with 400 and details", async () => {
    const noUser = await chat(app.baseUrl, { text: ANSWERED });
    expect(noUser.status).toBe(400);
    expect(noUser.body.error).toBe("Ongeldig verzoek");
    expect(noUser.body.details).toEqual([expect.stringMatching(/^user: /)]);

    const both = await chat(app.baseUrl, { user: "a", text: ANSWERED, action: { id: "ask.moreSources" } });
    expect(both.status).toBe(400);
    expect(both.body.details).toEqual([expect.stringContaining("geef precies één van 'text' of 'action' mee")]);

    const neither = await chat(app.baseUrl, { user: "a" });
    expect(neither.status).toBe(400);
    expect(neither.body.details).toEqual([expect.stringContaining("geef precies één van 'text' of 'action' mee")]);
  });

  it("answers an unknown action with a notice instead of failing", async () => {
    const parts = await replyParts(app.baseUrl, { user: userId(), action: { id: "ask.doesNotExist", value: "1" } });
    expect(parts).toEqual([{ kind: "notice", level: "warning", text: "Deze knop ken ik niet (meer). Stel je vraag opnieuw." }]);
  });

  it("reports healthy and ready", async () => {
    const health = await fetch(`${app.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { store: true, index: true } });
  });

  it("never writes a question into the logs", async () => {
    await ask(userId(), WITH_MORE);
    // The collector does see the request logs, so the check below is not vacuous.
    expect(app.logs.some((line) => JSON.parse(line).msg === "handled")).toBe(true);
    expect(asked.length).toBeGreaterThan(1);
    for (const question of asked) {
      for (const line of app.logs) expect(line).not.toContain(question);
    }
  });
});

describe("Wegwijs with an unreachable Redis", () => {
  it("is not ready, stays healthy, does not crash and still closes", { timeout: 15_000 }, async () => {
    const app = await startWegwijs({ REDIS_URL: "redis://127.0.0.1:1" });
    try {
      const ready = await fetch(`${app.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "not ready", checks: { store: false, index: true } });

      const health = await fetch(`${app.baseUrl}/healthz`);
      expect(health.status).toBe(200);

      // A question is still answered, with a Dutch notice that nothing is remembered (no crash, no hang).
      const parts = await replyParts(app.baseUrl, { user: userId(), text: WITH_MORE });
      expect(parts).toContainEqual(expect.objectContaining({ kind: "sources", title: "Bronnen" }));
      expect(parts).toContainEqual({ kind: "notice", level: "warning", text: NOT_REMEMBERED_TEXT });
      expect(parts.some((p) => p.kind === "actions")).toBe(false);

      // Still serving after the failures.
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      const started = performance.now();
      await app.close();
      // Closing does not hang on the store it never reached (job workers included).
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });
});

describe("Wegwijs with Redis", () => {
  // Key names hold hashed ids; every key of this block sits under one prefix, removed afterwards.
  const prefix = testPrefix("http-app");
  const users: string[] = [];
  const newUser = () => {
    const user = userId();
    users.push(user);
    return user;
  };
  const apps: RunningWegwijs[] = [];
  const start = async () => {
    const app = await startWegwijs({ REDIS_URL, WEGWIJS_REDIS_PREFIX: prefix });
    apps.push(app);
    return app;
  };

  const answerIds: string[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    await cleanPrefix(prefix);
  });

  /** Asks a question; returns its "Meer bronnen" action (asserting the button is there). */
  async function askForMore(baseUrl: string, user: string, question: string) {
    const parts = await replyParts(baseUrl, { user, text: question });
    answerIds.push(answerIdOf(parts)!);
    return moreSourcesOf(parts);
  }

  async function more(baseUrl: string, user: string, action: { id: string; value?: string }, conversation?: string): Promise<SourceCitation[] | undefined> {
    return sourcesTitled(await replyParts(baseUrl, { user, action, ...(conversation ? { conversation } : {}) }), "Meer bronnen");
  }

  it("is ready with a reachable Redis", async () => {
    const app = await start();
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { store: true, index: true } });
  });

  it("keeps 'Meer bronnen' across a restart of the app", async () => {
    const user = newUser();
    const first = await start();
    const button = await askForMore(first.baseUrl, user, WITH_MORE);
    await first.close();

    const second = await start();
    const shown = await more(second.baseUrl, user, button);
    // The same sources another user gets for the same question without a restart.
    const expected = await more(second.baseUrl, newUser(), await askForMore(second.baseUrl, newUser(), WITH_MORE));
    expect(shown?.length).toBeGreaterThan(0);
    expect(shown).toEqual(expected);

    for (const line of [...first.logs, ...second.logs]) expect(line).not.toContain(WITH_MORE);
  });

  it("says a term is not defined only when the follow-up itself asks what it is", async () => {
    const app = await start();
    const user = newUser();
    const first = await replyParts(app.baseUrl, { user, text: "wat is een GVA?" });
    expect(ofKind(first, "notice").map((n) => n.text)).toContain("Wat „GVA” (gedeelde verklarende analyse) precies is, staat niet in de plandocumenten. Dit zeggen ze er wel over:");
    // New-user try: "wie stelt die op?" got the notice about the GVA's definition again.
    const followUp = await replyParts(app.baseUrl, { user, text: "wie stelt die op?" });
    expect(ofKind(followUp, "notice")[0]?.text).toBe("Ik lees dit als vervolg op je vorige vraag: „wat is een GVA?”");
    expect(ofKind(followUp, "notice").some((n) => n.text.includes("precies is"))).toBe(false);
  });

  it("offers what the follow-up asks as read with the question before it, and sends that reading nowhere", async () => {
    const app = await start();
    const user = newUser();
    await replyParts(app.baseUrl, { user, text: "is er een expertteam?" });
    // New-user try: "hoe kom ik daar terecht" was not read as a follow-up, and offered no way to the Expertteam.
    const { body } = await chat(app.baseUrl, { user, text: "hoe kom ik daar terecht" });
    const parts = body.replies[0].parts as ReplyPart[];
    expect(ofKind(parts, "notice")[0]?.text).toBe("Ik lees dit als vervolg op je vorige vraag: „is er een expertteam?”");
    expect(parts.flatMap((p) => (p.kind === "actions" ? p.actions : [])).find((a) => a.id === "consult.new")?.value).toMatch(/^expertteam/);
    expect(JSON.stringify(body)).not.toContain("readAs");
    // Typed on its own, it offers nothing of the kind.
    const alone = await replyParts(app.baseUrl, { user: newUser(), text: "hoe kom ik daar terecht" });
    expect(actionIds(alone)).not.toContain("consult.new");
  });

  it("reads a short follow-up with the same person's previous question in that conversation, and says so", async () => {
    const app = await start();
    const user = newUser();
    const first = "bij een OTS, bij wie ligt de casusregie? mail me op j.jansen@example.org";
    const followUp = "en als het gewoon vrijwillige hulp is?";
    await replyParts(app.baseUrl, { user, text: first });
    const parts = await replyParts(app.baseUrl, { user, text: followUp });
    const [readAs] = ofKind(parts, "notice");
    expect(readAs).toEqual({ kind: "notice", level: "info", text: "Ik lees dit als vervolg op je vorige vraag: „bij een OTS, bij wie ligt de casusregie? mail me op”" });
    // The answer is the voluntary-help line of the casusregie agreements, which the follow-up alone does not find.
    const answer = ofKind(parts, "text")[0]!.text;
    expect(answer).toContain("vrijwillige hulpverlening");
    expect(answer).toContain("casusregie");
    const alone = await replyParts(app.baseUrl, { user: newUser(), text: followUp });
    expect(ofKind(alone, "notice").some((n) => n.text.startsWith("Ik lees dit als vervolg"))).toBe(false);
    expect(ofKind(alone, "text")[0]?.text ?? "").not.toContain("casusregie");
    // Another conversation of the same person has no previous question.
    const elsewhere = await replyParts(app.baseUrl, { user, text: followUp, conversation: "another-chat" });
    expect(ofKind(elsewhere, "notice").some((n) => n.text.startsWith("Ik lees dit als vervolg"))).toBe(false);

    // Kept in Redis under a hashed key, briefly, and without the e-mail address.
    const redis = new Redis(REDIS_URL);
    try {
      const keys: string[] = [];
      let cursor = "0";
      do {
        const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}wegwijs:followup:*`, "COUNT", 500);
        cursor = next;
        keys.push(...found);
      } while (cursor !== "0");
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key).not.toContain(user);
        const ttl = await redis.ttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(600);
        expect(await redis.get(key)).not.toContain("example.org");
      }
    } finally {
      redis.disconnect();
    }
    for (const line of app.logs) {
      expect(line).not.toContain(followUp);
      expect(line).not.toContain("casusregie");
    }
  });

  it("answers a 'wie' follow-up from the previous answer's quote that names who is involved, through the answer workers", async () => {
    // Second new-user try of the thirty-fourth session: "en wie schrijft die?" got "nothing new".
    const app = await start();
    const user = newUser();
    await replyParts(app.baseUrl, { user, text: "wat is een gedeelde verklarende analyse" });
    const parts = await replyParts(app.baseUrl, { user, text: "en wie schrijft die?" });
    expect(ofKind(parts, "notice").map((n) => n.text)).toContain("Wie dat doet, zeggen de plandocumenten niet met zoveel woorden. In mijn vorige antwoord staat wel wie erbij betrokken is:");
    expect(ofKind(parts, "text")[0]?.text).toMatch(/^“Trainen verwijzers en betrokken zorgprofessionals \(aanbieders\) in het opstellen van de gedeelde Verklarende Analyse/);
  });

  it("answers a follow-up that finds nothing new with the item of the previous list that holds what it asks, through the answer workers", async () => {
    // New-user try of the thirty-fifth session: "en als er een ots komt?" got "nothing new".
    const app = await start();
    const user = newUser();
    await replyParts(app.baseUrl, { user, text: "ik werk in een wijkteam. gezin zit vrijwillig in de hulp. wie heeft de casusregie, ik of de GI?" });
    const parts = await replyParts(app.baseUrl, { user, text: "en als er een ots komt?" });
    expect(ofKind(parts, "notice").map((n) => n.text)).toContain("Daarover vind ik niets nieuws in de plandocumenten. In mijn vorige antwoord stond er dit over:");
    const text = ofKind(parts, "text")[0]?.text ?? "";
    expect(text).toContain("indien er sprake is van ondertoezichtstelling bij jeugdbescherming of jeugdreclassering, komt de casusregie");
    expect(text).not.toContain("Veilig Thuis");
  });

  it("takes the region where the asker says they work as theirs for the rest of the conversation", async () => {
    // New-user try of the thirty-fifth session: a Rotterdam wijkteam worker got "niet over jouw regio
    // (Groningen en Drenthe)" under every Rijnmond answer, and the word cloud of Groningen's slides
    // for "de stappen van casusregie in de regio".
    const app = await start();
    const user = newUser();
    const first = await replyParts(app.baseUrl, { user, text: "ik werk in wijkteam rotterdam. gezin zit vrijwillig in de hulp. wie heeft de casusregie, ik of de GI?" });
    expect(ofKind(first, "notice").map((n) => n.text).join("\n")).not.toContain("niet over jouw regio");
    const steps = await replyParts(app.baseUrl, { user, text: "wat zijn de stappen van casusregie in de regio?" });
    expect(ofKind(steps, "text")[0]?.text).toMatch(/^“In de aanpak van casusregie onderscheidt de regio nu vier stappen:”/);
    // Someone else, who said nothing about where they work, is served the configured region, which
    // the notice does not call theirs (second new-user try of the forty-fifth session).
    const other = await replyParts(app.baseUrl, { user: newUser(), text: "wie heeft de casusregie bij vrijwillige hulp?" });
    expect(ofKind(other, "notice").map((n) => n.text).join("\n")).toContain("niet over regio Groningen en Drenthe, waarvoor Wegwijs is ingesteld");
    expect(ofKind(other, "notice").map((n) => n.text).join("\n")).not.toContain("jouw regio");
  });

  it("ties 'Meer bronnen' to its own answer: an older answer's button shows that answer's sources", async () => {
    const app = await start();
    const [alice, bob] = [newUser(), newUser()];
    // What each question's "Meer bronnen" holds when asked on its own.
    const expectedFirst = await more(app.baseUrl, newUser(), await askForMore(app.baseUrl, newUser(), WITH_MORE));
    const expectedSecond = await more(app.baseUrl, newUser(), await askForMore(app.baseUrl, newUser(), OTHER_WITH_MORE));
    expect(expectedFirst).not.toEqual(expectedSecond);

    // Alice asks twice, then presses the button under her FIRST answer; Bob's answer in between changes nothing.
    const olderButton = await askForMore(app.baseUrl, alice, WITH_MORE);
    await askForMore(app.baseUrl, bob, OTHER_WITH_MORE);
    const newerButton = await askForMore(app.baseUrl, alice, OTHER_WITH_MORE);
    expect(await more(app.baseUrl, alice, olderButton)).toEqual(expectedFirst);
    expect(await more(app.baseUrl, alice, newerButton)).toEqual(expectedSecond);
    // In another conversation the same button still belongs to the same answer.
    expect(await more(app.baseUrl, alice, olderButton, "another-chat")).toEqual(expectedFirst);

    for (const line of app.logs) {
      expect(line).not.toContain(WITH_MORE);
      expect(line).not.toContain(OTHER_WITH_MORE);
    }
  });
});
