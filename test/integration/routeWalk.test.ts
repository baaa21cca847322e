import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplyPart, SourceCitation } from "../../src/bot/reply.js";
import { defaultCorpusDir } from "../../src/config.js";
import type { Region, RouteDefinition } from "../../src/handlers/route/routeSchema.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import {
  enumeratePaths,
  expectOutcome,
  findAction,
  outcomeSection,
  type RouteDriver,
  seenFromParts,
  shippedRegions,
  shippedRoutes,
  shownStep,
  walkPath,
} from "../support/routePaths.js";
import { appKeyPrefix, startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";
import { spawnWegwijs } from "../support/wegwijsProcess.js";
import { runId } from "../support/runId.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const corpusDir = defaultCorpusDir(repoRoot);
const corpusTitles = new Map<string, string>(
  (JSON.parse(readFileSync(path.join(corpusDir, "corpus.json"), "utf8")) as { documents: Array<{ file: string; title: string }> }).documents.map(
    (d) => [d.file, d.title],
  ),
);
const flat = (s: string) => s.replace(/[*_`#>]/g, "").replace(/\s+/g, " ").trim();
const flatDocuments = new Map([...corpusTitles.keys()].map((file) => [file, flat(readFileSync(path.join(corpusDir, file), "utf8"))]));

/** A citation names a real document, and its quote is text from that document. */
function expectRealCitation(source: SourceCitation): void {
  expect(corpusTitles.get(source.documentId), `unknown document ${source.documentId}`).toBe(source.documentTitle);
  expect(source.section.trim()).not.toBe("");
  const quote = flat(source.quote.replace(/…$/, ""));
  expect(quote.length).toBeGreaterThan(10);
  expect(flatDocuments.get(source.documentId)).toContain(quote);
}

const RUN = runId();
const USER_PREFIX = `routewalk-${RUN}`;
// Key names hold hashed ids; every key of this file sits under one prefix, removed afterwards.
const PREFIX = testPrefix("routewalk");
let userCount = 0;
const newUser = () => `${USER_PREFIX}-${++userCount}`;

interface ChatBody {
  user: string;
  conversation?: string;
  text?: string;
  action?: { id: string; value?: string };
}

/** The parts of every reply to one message (a route step is one reply; a started checklist adds a line). */
async function chatReplies(baseUrl: string, body: ChatBody): Promise<Array<{ parts: ReplyPart[] }>> {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { replies: Array<{ parts: ReplyPart[] }> }).replies;
}

async function chat(baseUrl: string, body: ChatBody): Promise<ReplyPart[]> {
  const replies = await chatReplies(baseUrl, body);
  expect(replies).toHaveLength(1);
  return replies[0]!.parts;
}

/** Drives the web chat API; `last` keeps the raw parts of the latest reply. */
function webDriver(baseUrl: () => string, user: string, conversation?: string): RouteDriver & { last: ReplyPart[]; user: string } {
  const driver = {
    user,
    last: [] as ReplyPart[],
    async say(text: string) {
      driver.last = await chat(baseUrl(), { user, conversation, text });
      return seenFromParts(driver.last);
    },
    async press(action: { id: string; value?: string }) {
      driver.last = await chat(baseUrl(), { user, conversation, action: { id: action.id, value: action.value } });
      return seenFromParts(driver.last);
    },
  };
  return driver;
}

/**
 * Runs work over items, `size` at a time. After a failure no new item starts, and walks in
 * flight finish before the test ends, so none writes state after the cleanup.
 */
async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const workers = await Promise.allSettled(
    Array.from({ length: size }, async () => {
      while (!failed && next < items.length) {
        try {
          await work(items[next++]!);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  const rejected = workers.find((w): w is PromiseRejectedResult => w.status === "rejected");
  if (rejected) throw rejected.reason;
}

const ofKind = <K extends ReplyPart["kind"]>(parts: ReplyPart[], kind: K) =>
  parts.filter((p): p is Extract<ReplyPart, { kind: K }> => p.kind === kind);

const routes = shippedRoutes();
const regions = shippedRegions();
const regionById = (id: string) => regions.find((r) => r.id === id)!;
const routeById = (id: string) => routes.find((r) => r.id === id)!;

afterAll(async () => {
  await cleanPrefix(PREFIX);
});

describe("golden transcripts: every path of every shipped route through POST /api/chat (Redis)", () => {
  const apps = new Map<string, RunningWegwijs>();
  beforeAll(async () => {
    for (const region of regions) apps.set(region.id, await startWegwijs({ REDIS_URL, WEGWIJS_REDIS_PREFIX: PREFIX, WEGWIJS_REGION: region.id }));
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  const cases = regions.flatMap((region) => region.routes.map((routeId) => [region.id, routeId] as const));
  it.each(cases)("region %s, route %s: each path reaches its outcome and lists its missing items", { timeout: 180_000 }, async (regionId, routeId) => {
    const region = regionById(regionId);
    const route = routeById(routeId);
    const app = apps.get(regionId)!;
    const paths = enumeratePaths(route, region.id);
    expect(paths.length).toBeGreaterThan(1);
    let walked = 0;
    await pool(paths, 12, async (p) => {
      const driver = webDriver(() => app.baseUrl, newUser());
      const seen = await walkPath(driver, route, region, p);
      expectOutcome(seen, route, region, p);
      const sources = ofKind(driver.last, "sources").flatMap((s) => s.sources);
      // The outcome, and every done or missing item, is cited.
      expect(sources.length).toBeGreaterThanOrEqual(1);
      expect(sources.length).toBeLessThanOrEqual(1 + p.done.length + p.missing.length);
      for (const source of sources) expectRealCitation(source);
      expect(new Set(sources.map((s) => s.quote)).size).toBe(sources.length);
      walked++;
    });
    expect(walked).toBe(paths.length);
  });
});

describe("the route conversation (Redis)", () => {
  let app: RunningWegwijs;
  /** A new user's walk of the regular route, at its first question (the shared analysis). */
  const atTheAnalysisStep = async () => {
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    await driver.press({ id: "route.choose", value: "reguliere-machtiging" });
    await driver.press({ id: "route.answer", value: "reguliere-machtiging:waarom-regulier:0" });
    return driver;
  };
  let rijnmond: RunningWegwijs;
  beforeAll(async () => {
    app = await startWegwijs({ REDIS_URL, WEGWIJS_REDIS_PREFIX: PREFIX });
    rijnmond = await startWegwijs({ REDIS_URL, WEGWIJS_REDIS_PREFIX: PREFIX, WEGWIJS_REGION: "rijnmond" });
  });
  afterAll(async () => {
    await app?.close();
    await rijnmond?.close();
  });
  const gd = regionById("groningen-drenthe");

  it("offers the region's routes on 'route' and names the region", async () => {
    const seen = await webDriver(() => app.baseUrl, newUser()).say("route");
    expect(seen.text).toContain("regio Groningen en Drenthe");
    expect(seen.actions.filter((a) => a.id === "route.choose").map((a) => a.value)).toEqual(gd.routes);
    const other = await webDriver(() => rijnmond.baseUrl, newUser()).say("Route");
    expect(other.text).toContain("regio Rijnmond");
    expect(other.actions.filter((a) => a.id === "route.choose").map((a) => a.value)).toEqual(regionById("rijnmond").routes);
    // A region without an emergency route says so, and what can be done now; one with it does not.
    expect(other.text).toContain("De plandocumenten van regio Rijnmond beschrijven geen aparte spoedroute.");
    expect(other.text).toContain("Typ *spoedberaad* voor de checklist");
    expect(seen.text).not.toContain("geen aparte spoedroute");
    // Asked for while telling an urgent case, the route is shown too (new-user try: it was answered as a question).
    const urgent = await webDriver(() => rijnmond.baseUrl, newUser()).say("ik heb een jongen van 15 die echt acuut gevaar loopt, spoed. kun je me de plaatsingsroute laten zien?");
    expect(urgent.actions.filter((a) => a.id === "route.choose").map((a) => a.value)).toEqual(regionById("rijnmond").routes);
    // The urgent route asked for by name starts at once where the region has one (team try: "spoedroute" got a word cloud).
    const spoed = await webDriver(() => app.baseUrl, newUser()).say("spoedroute");
    expect(spoed.text).toContain("*Spoedroute (spoedmachtiging)* · stap 1");
    expect((await webDriver(() => rijnmond.baseUrl, newUser()).say("spoedroute")).actions.filter((a) => a.id === "route.choose").map((a) => a.value)).toEqual(regionById("rijnmond").routes);
    // Asked in plain words, the route starts the same way (new-user try: it was answered as a question).
    const asked = await webDriver(() => app.baseUrl, newUser()).say("Wil je de plaatsingsroute met me doorlopen?");
    expect(asked.actions.filter((a) => a.id === "route.choose").map((a) => a.value)).toEqual(gd.routes);
  });

  it("says above the route choice when the asker said they work in another region than the routes are for", async () => {
    // Third new-user try of the thirty-sixth session: a Rotterdam professional walked Groningen and Drenthe's route without a word.
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("ik werk als gedragswetenschapper in rotterdam. wat doet het expertiseteam?");
    const seen = await driver.say("route");
    expect(seen.text).toContain("Let op: deze routes volgen de plannen van regio Groningen en Drenthe, waarvoor Wegwijs hier is ingesteld. Je zei in regio Rijnmond te werken.");
    expect(seen.actions.filter((a) => a.id === "route.choose").map((a) => a.value)).toEqual(gd.routes);
    // Someone of the region itself, or who said nothing, gets no such line.
    const own = webDriver(() => app.baseUrl, newUser());
    await own.say("ik werk als huisarts in emmen. wat doet het expertteam?");
    expect((await own.say("route")).text).not.toContain("Let op: deze routes");
    expect((await webDriver(() => app.baseUrl, newUser()).say("route")).text).not.toContain("Let op: deze routes");
  });

  it("keeps where the asker works from a greeting, says the examples are another region's, and warns at the route", async () => {
    // New-user try of the forty-second session: "hoi, wie ben jij …? ik ben gezinsvoogd bij een GI in
    // rotterdam" got Groningen and Drenthe's examples, and the route, without a word.
    const driver = webDriver(() => app.baseUrl, newUser());
    const hello = await driver.say("hoi, wie ben jij en wat kun je voor me doen? ik ben gezinsvoogd bij een GI in rotterdam");
    expect(hello.text).toContain("Je kunt bijvoorbeeld vragen (regio Groningen en Drenthe)");
    expect(hello.text).toContain("Je zei in regio Rijnmond te werken");
    expect((await driver.say("wil je de plaatsingsroute met me doorlopen?")).text).toContain("Let op: deze routes volgen de plannen van regio Groningen en Drenthe, waarvoor Wegwijs hier is ingesteld. Je zei in regio Rijnmond te werken.");
    // Asked whether the route is theirs, the answer says whose it is (the same try: a list of obstacles came, unmarked).
    const theirs = await driver.say("maar ik zit in rotterdam-rijnmond, geldt die route ook voor mij?");
    expect(theirs.text).toContain("Let op: de plaatsingsroute in Wegwijs volgt de plannen van regio Groningen en Drenthe, waarvoor Wegwijs hier is ingesteld. Je zei in regio Rijnmond te werken.");
    // A greeting from the served region says nothing of it.
    expect((await webDriver(() => app.baseUrl, newUser()).say("hoi! ik ben huisarts in emmen")).text).not.toContain("Je zei in regio");
  });

  it("says above a route started for another region that the routes are not that region's", async () => {
    // New-user try of the thirty-eighth session: the Groningen and Drenthe emergency route started as if it were Rijnmond's.
    const asked = await webDriver(() => app.baseUrl, newUser()).say("is er voor rijnmond ook een spoedroute voor jz+ plaatsing? zo ja laat zien");
    expect(asked.text).toContain("Let op: deze routes volgen de plannen van regio Groningen en Drenthe, waarvoor Wegwijs hier is ingesteld. Je vroeg naar regio Rijnmond.");
    expect(asked.text).toContain("*Spoedroute (spoedmachtiging)* · stap 1");
    // A place of that region counts too; the served region itself, or none, gets no such line.
    expect((await webDriver(() => app.baseUrl, newUser()).say("kun je me de plaatsingsroute voor schiedam laten zien?")).text).toContain("Je vroeg naar regio Rijnmond.");
    expect((await webDriver(() => app.baseUrl, newUser()).say("spoedroute voor drenthe")).text).not.toContain("Let op: deze routes");
    // A route started by the button under an answer, past the route choice, says what the choice would have said; one chosen there does not say it again.
    const rotterdam = webDriver(() => app.baseUrl, newUser());
    await rotterdam.say("ik werk als gedragswetenschapper in rotterdam. wat doet het expertiseteam?");
    expect((await rotterdam.press({ id: "route.start", value: "spoedmachtiging" })).text).toContain("Je zei in regio Rijnmond te werken.");
    const picking = webDriver(() => app.baseUrl, newUser());
    await picking.say("ik werk als gedragswetenschapper in rotterdam. wat doet het expertiseteam?");
    expect((await picking.say("route")).text).toContain("Je zei in regio Rijnmond te werken.");
    expect((await picking.press({ id: "route.choose", value: "reguliere-machtiging" })).text).not.toContain("Let op: deze routes");
  });

  it("'Waarom?' quotes the source passage of every step of every route, with document title and section", async () => {
    for (const [running, region] of [[app, gd], [rijnmond, regionById("rijnmond")]] as const) {
      const driver = webDriver(() => running.baseUrl, newUser());
      for (const routeId of region.routes) {
        for (const node of routeById(routeId).nodes) {
          await driver.press({ id: "route.why", value: `${routeId}:${node.id}` });
          const sources = ofKind(driver.last, "sources");
          expect(sources).toHaveLength(1);
          // A question that records one item first says why that item matters, from the item's source.
          const recorded = new Set(node.kind === "question" ? node.options.flatMap((o) => Object.keys(o.records ?? {})) : []);
          const item = recorded.size === 1 ? routeById(routeId).items.find((i) => recorded.has(i.id)) : undefined;
          // Each quote once: an item whose reason rests on the step's own passage cites it once.
          const quotes = sources[0]!.sources.map((cited) => `${cited.documentId}\n${cited.quote}`);
          expect(new Set(quotes).size).toBe(quotes.length);
          expect(sources[0]!.sources.length).toBe(item ? (seenFromParts(driver.last).text.includes("De stap zelf komt uit dezelfde bron.") ? 1 : 2) : 1);
          const source = sources[0]!.sources.at(-1);
          expect(source!.documentId).toBe(node.source.document);
          expect(source!.section).toContain(node.source.section.split(">").pop()!.trim());
          for (const cited of sources[0]!.sources) expectRealCitation(cited);
          // Back to the walk; at an outcome the walk is done, so back to that outcome.
          const resume = ofKind(driver.last, "actions").flatMap((p) => p.actions).find((a) => a.id === "route.resume");
          expect(resume?.label).toBe(node.kind === "outcome" ? "Terug naar de uitkomst" : "Verder met de route");
          if (item) {
            expect(sources[0]!.sources[0]!.documentId).toBe(item.source.document);
            expect(seenFromParts(driver.last).text).toContain(`[1]`);
          }
          // A source from another region's document says so; one from the region's own or a national one does not.
          const elsewhere = region.id === "rijnmond" && node.source.document.includes("groningen-drenthe");
          expect(/(Dit|Bron 2) komt uit een document over regio Groningen en Drenthe\./.test(seenFromParts(driver.last).text)).toBe(elsewhere);
        }
      }
    }
    // The step itself says it too, where it is shown.
    const walker = webDriver(() => rijnmond.baseUrl, newUser());
    await walker.say("route");
    const step = await walker.press({ id: "route.choose", value: "plaatsing-juiste-vraag" });
    const first = routeById("plaatsing-juiste-vraag").nodes[0]!;
    expect(step.text.includes("Dit komt uit een document over regio Groningen en Drenthe.")).toBe(first.source.document.includes("groningen-drenthe"));
  });

  it("goes back a step with 'Terug' (undoing the answer), and back to the route list from the first step", async () => {
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    let seen = await driver.press({ id: "route.choose", value: "reguliere-machtiging" });
    expect(seen.text).toContain("De reguliere route geeft");
    seen = await driver.press({ id: "route.answer", value: "reguliere-machtiging:waarom-regulier:0" });
    expect(seen.text).toMatch(/stap 2 · nog hooguit \d+ stappen\n/);
    seen = await driver.press({ id: "route.answer", value: "reguliere-machtiging:analyse:1" });
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse-opstellen");
    seen = await driver.press({ id: "route.back", value: "reguliere-machtiging:analyse-opstellen" });
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse");
    expect(seen.text).toMatch(/stap 2 · nog hooguit \d+ stappen\n/);
    // Answer "Ja" everywhere now: "Nee" on the analysis was undone, so nothing is missing.
    for (const node of ["analyse", "hulpvraag", "ambulant", "expertise", "matched", "consult"]) {
      seen = await driver.press({ id: "route.answer", value: `reguliere-machtiging:${node}:0` });
    }
    seen = await driver.press({ id: "route.answer", value: "reguliere-machtiging:voor-de-aanvraag:0" });
    seen = await driver.press({ id: "route.answer", value: "reguliere-machtiging:aanvraag-voorbereiden:0" });
    expect(shownStep(seen)).toBe("reguliere-machtiging:uitkomst-aanvraag");
    expect(outcomeSection(seen, "Dit ontbreekt nog")).toEqual([]);
    expect(outcomeSection(seen, "Dit is er al:")).toHaveLength(6);
    // An outcome without escalation offers no escalation buttons.
    expect(seen.actions.map((a) => a.id)).toEqual(["route.back", "route.restart", "route.why"]);

    // From the first step, "Terug" returns to the list of routes.
    await driver.press({ id: "route.choose", value: "spoedmachtiging" });
    seen = await driver.press({ id: "route.back", value: "spoedmachtiging:spoed-uitgangspunt" });
    expect(seen.actions.filter((a) => a.id === "route.choose")).toHaveLength(gd.routes.length);
  });

  it("after 'Nee, stap voor stap zwaarder' says to match the help to what is asked, citing the action plan", async () => {
    // New-user try: that answer went on to the consult question without a word.
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    await driver.press({ id: "route.choose", value: "reguliere-machtiging" });
    for (const value of ["waarom-regulier:0", "analyse:0", "hulpvraag:0", "ambulant:0", "expertise:0"]) await driver.press({ id: "route.answer", value: `reguliere-machtiging:${value}` });
    const seen = await driver.press({ id: "route.answer", value: "reguliere-machtiging:matched:1" });
    expect(shownStep(seen)).toBe("reguliere-machtiging:matched-kiezen");
    expect(seen.text).toMatch(/geen vaste volgorde van steeds zwaardere hulp \(\*matched care\*\)/);
    await driver.press({ id: "route.why", value: "reguliere-machtiging:matched-kiezen" });
    expect(ofKind(driver.last, "sources").flatMap((s) => s.sources).at(-1)!.section).toContain("3.3 De hulp, ondersteuning en behandeling is zo thuis mogelijk");
    const next = await driver.press({ id: "route.answer", value: "reguliere-machtiging:matched-kiezen:0" });
    expect(shownStep(next)).toBe("reguliere-machtiging:consult");
  });

  it("takes going on said before a button with a reason ('ok verder, ja …'), and a button followed by a question ('nee nog niet. hoe doe ik dat?')", async () => {
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    await driver.press({ id: "route.choose", value: "reguliere-machtiging" });
    for (const value of ["waarom-regulier:0", "analyse:0", "hulpvraag:0"]) await driver.press({ id: "route.answer", value: `reguliere-machtiging:${value}` });
    let seen = await driver.say("ok verder, ja mst gehad maar gestopt");
    expect(seen.text).toContain("Je koos: *Ja*. Je toelichting staat bij de samenvatting.");
    expect(shownStep(seen)).toBe("reguliere-machtiging:expertise");
    // The step the button leads to says how (new-user try: read as a follow-up on an older question).
    seen = await driver.say("nee nog niet. hoe doe ik dat?");
    expect(seen.text).toContain("Je koos: *Nee, nog niet*. Hieronder staat wat de route daarna zegt.");
    expect(shownStep(seen)).toBe("reguliere-machtiging:expertise-betrekken");
    expect(seen.text).toMatch(/betrek elkaars expertise/);
  });

  it("answers a question about the step after a typed button ('nee nog niet. wat houdt dat in?') and 'waarom is dat belangrijk?' with the step's reason", async () => {
    const driver = await atTheAnalysisStep();
    let seen = await driver.say("waarom is dat belangrijk?");
    expect(seen.text).toMatch(/^Over de stap waar je bent: „Is er een gedeelde verklarende analyse/);
    expect(seen.text).toContain("*Waarom deze stap?*");
    // New-user try: the question after the button was passed over.
    seen = await driver.say("nee nog niet. wat houdt dat in?");
    expect(seen.text).toContain("Je koos: *Nee, of nog niet af*. Over die stap zeggen de plandocumenten dit; daaronder staat wat de route daarna zegt.");
    expect(seen.text.indexOf("*Waarom deze stap?*")).toBeGreaterThan(0);
    expect(seen.text.indexOf("*Waarom deze stap?*")).toBeLessThan(seen.text.indexOf("Begin nu met de gedeelde verklarende analyse"));
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse-opstellen");
  });

  it("takes a button followed by a question of its own ('nee nog niet. wie organiseert zo'n spoedberaad eigenlijk?') and answers that question from the plans under the next step", async () => {
    // New-user try of the forty-third session: the question was passed over.
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("spoedroute");
    await driver.press({ id: "route.answer", value: "spoedmachtiging:spoed-uitgangspunt:0" });
    // Two replies: the route's step (in its slot, updated in place) and the answer from the plans after it.
    const [step, answer] = await chatReplies(app.baseUrl, { user: driver.user, text: "nee nog niet. wie organiseert zo'n spoedberaad eigenlijk, het servicepunt jz+?" });
    const seen = seenFromParts(step!.parts);
    expect(seen.text).toContain("Je koos: *Nee, nog niet*. Hieronder staat wat de route daarna zegt, en daaronder wat de plandocumenten op je vraag zeggen.");
    expect(shownStep(seen)).toBe("spoedmachtiging:spoedberaad-plannen");
    expect(seenFromParts(answer!.parts).text).toContain("Organiseren inzet HSJ kennis (koppelen aan Servicepunt)");
  });

  it("takes 'deels, <note>. wat houdt dat in?' as the button that says deels, keeps the note and answers about the step", async () => {
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    await driver.press({ id: "route.choose", value: "plaatsing-juiste-vraag" });
    await driver.press({ id: "route.answer", value: "plaatsing-juiste-vraag:uitgangspunt:0" });
    await driver.press({ id: "route.answer", value: "plaatsing-juiste-vraag:ambulant:0" });
    // New-user try: read as a question about the documents; the note was lost.
    const seen = await driver.say("deels, moeder wel vader niet in beeld (06-12345678). wat houdt dat in precies?");
    expect(seen.text).toContain("Je koos: *Nee, of maar deels*. Je toelichting staat bij de samenvatting. Over die stap zeggen de plandocumenten dit");
    expect(seen.text).toContain("*Waarom deze stap?*");
    expect(seen.text).toContain("Dat heb ik weggelaten voordat ik het bewaarde.");
    expect(JSON.stringify(seen)).not.toContain("06-12345678");
    expect(shownStep(seen)).not.toBe("plaatsing-juiste-vraag:gezin");
    // A title that ends in a question mark gets no full stop after it (new-user try: "…vraag?.").
    expect((await driver.say("route")).text).toContain("Je was bezig met *Is plaatsing de juiste vraag?* Hier ben je gebleven.");
  });

  it("records a typed button before a question about the step, also when the question says 'bedoel'", async () => {
    const driver = await atTheAnalysisStep();
    // New-user try: the step was explained but the "nee" was not recorded.
    const seen = await driver.say("nee, nog niet, moeder wil niet. wat bedoel je daarmee?");
    expect(seen.text).toContain("Je koos: *Nee, of nog niet af*. Je toelichting staat bij de samenvatting. Over die stap zeggen de plandocumenten dit");
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse-opstellen");
  });

  it("answers 'weet ik niet' at a yes/no step with which button fits, and leaves the walk where it is", async () => {
    const driver = await atTheAnalysisStep();
    // New-user try: refused like any other text.
    const seen = await driver.say("weet ik niet");
    expect(seen.text).toBe("Weet je het niet zeker? Kies dan *Nee, of nog niet af*: daarna zegt de route wat er nog moet gebeuren. Je kunt altijd een stap terug.");
    expect(shownStep(await driver.say("route"))).toBe("reguliere-machtiging:analyse");
  });

  it("answers 'weet ik niet' at a step with only 'Verder' with how to go on, and stays at that step", async () => {
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    await driver.press({ id: "route.choose", value: "reguliere-machtiging" });
    // New-user try: the off-topic refusal and "Typ help".
    const seen = await driver.say("weet ik niet");
    expect(seen.text).toBe("Hier hoef je niets te kiezen: deze stap zegt wat de plannen vragen. Kies *Verder* als je verder wilt, of *Waarom?* voor de bron. Je kunt altijd een stap terug.");
    expect(shownStep(await driver.say("route"))).toBe("reguliere-machtiging:waarom-regulier");
  });

  it("offers the other route when it is named mid-walk, and the checklist when the case escalates, without switching by itself", async () => {
    const driver = await atTheAnalysisStep();
    // New-user try: a typed "spoedroute" was refused with "kies je antwoord met de knoppen".
    let seen = await driver.say("spoedroute");
    expect(seen.text).toContain("Je zit nu in „Reguliere route naar een machtiging”. Wil je naar „Spoedroute (spoedmachtiging)”?");
    let actions = ofKind(driver.last, "actions").flatMap((a) => a.actions);
    expect(actions.find((a) => a.id === "route.choose")?.value).toBe("spoedmachtiging");
    expect(actions.map((a) => a.id)).not.toContain("spoedberaad.start");
    // Escalating, with a question: the switch and the team checklist (it got a flipchart list before).
    seen = await driver.say("het loopt nu uit de hand, hij is vannacht weggelopen en er is acuut gevaar. kan ik naar de spoedroute?");
    actions = ofKind(driver.last, "actions").flatMap((a) => a.actions);
    expect(actions.map((a) => a.id)).toEqual(expect.arrayContaining(["route.choose", "route.resume", "spoedberaad.start"]));
    expect(seen.text).toContain("Start dan een spoedberaad");
    // Offered, not done: the walk stands where it was, until the switch is pressed.
    seen = await driver.say("route");
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse");
    seen = await driver.press({ id: "route.choose", value: "spoedmachtiging" });
    expect(shownStep(seen)).toMatch(/^spoedmachtiging:/);
    // A question about a route that does not ask to go there is answered from the plans (new-user try of the thirty-seventh session).
    seen = await driver.say("waarom lukt het in de praktijk vaak niet om die reguliere route te volgen?");
    expect(seen.text).not.toContain("Wil je naar");
    expect(ofKind(driver.last, "sources").length).toBeGreaterThan(0);
    expect(shownStep(await driver.say("route"))).toMatch(/^spoedmachtiging:/);
    // In the emergency route, escalating words offer the checklist and the way on, no switch.
    seen = await driver.say("acuut gevaar!");
    actions = ofKind(driver.last, "actions").flatMap((a) => a.actions);
    expect(actions.map((a) => a.id)).toEqual(["spoedberaad.start", "route.resume"]);
  });

  it("after 'Nee, nog niet' on ambulant help, expertise or the consult, says what to do at that step, citing it", async () => {
    const driver = await atTheAnalysisStep();
    await driver.press({ id: "route.answer", value: "reguliere-machtiging:analyse:0" });
    await driver.press({ id: "route.answer", value: "reguliere-machtiging:hulpvraag:0" });
    const steps: Array<[string, string, RegExp]> = [
      ["ambulant", "ambulant-inzetten", /ambulante alternatieven af, en zet ze in/],
      ["expertise", "expertise-betrekken", /betrek elkaars expertise/],
      ["consult", "consult-inbrengen", /Breng de casus op tijd in bij het Servicepunt JeugdzorgPlus/],
    ];
    for (const [question, action, says] of steps) {
      if (question === "consult") await driver.press({ id: "route.answer", value: "reguliere-machtiging:matched:0" });
      const seen = await driver.press({ id: "route.answer", value: `reguliere-machtiging:${question}:1` });
      expect(shownStep(seen)).toBe(`reguliere-machtiging:${action}`);
      expect(seen.text).toMatch(says);
      const why = await driver.press({ id: "route.why", value: `reguliere-machtiging:${action}` });
      const cited = ofKind(driver.last, "sources").flatMap((s) => s.sources);
      expect(cited.at(-1)!.section).toContain("Wat kunnen we vanaf morgen anders doen?");
      expect(why.text.length).toBeGreaterThan(0);
      await driver.press({ id: "route.answer", value: `reguliere-machtiging:${action}:0` });
    }
  });

  it("answers an answer typed at a step that waits for a button with where the walk stands, and a question as a question", async () => {
    const driver = await atTheAnalysisStep();
    let seen = await driver.say("misschien, moeder wel, vader niet in beeld");
    expect(seen.text).toMatch(/^Je zit midden in de plaatsingsroute, bij: „/);
    expect(seen.text).toContain("Kies je antwoord met de knoppen bij die stap");
    // The walk itself did not move: "route" shows the same step.
    seen = await driver.say("route");
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse");
    // A question, thanks or a request is not taken for an answer.
    seen = await driver.say("wat is een spoedberaad?");
    expect(seen.text).not.toContain("Je zit midden in de plaatsingsroute");
    seen = await driver.say("top, bedankt!");
    expect(seen.text).not.toContain("Je zit midden in de plaatsingsroute");
    // A question about the step on screen gets that step's reason and source, and the way back.
    seen = await driver.say("welke analyse bedoel je?");
    expect(seen.text).toMatch(/^Over de stap waar je bent: „.+” Dit zeggen de plandocumenten erover\./);
    expect(seen.text).toContain("*Waarom deze stap?*");
    expect(ofKind(driver.last, "sources").flatMap((s) => s.sources).length).toBeGreaterThan(0);
    expect(ofKind(driver.last, "actions").flatMap((a) => a.actions).map((a) => a.label)).toContain("Verder met de route");
    seen = await driver.say("route");
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse");
    // After a question answered from the plans, "wat bedoelen ze daarmee?" is about that answer, not
    // the step (second new-user try of the thirty-seventh session), and other text is no missed button.
    await driver.say("wat doet het expertiseteam in rijnmond?");
    seen = await driver.say("welke taken bedoelen ze daarmee?");
    expect(seen.text).not.toMatch(/^Over de stap waar je bent/);
    seen = await driver.say("misschien, moeder wel, vader niet in beeld");
    expect(seen.text).not.toMatch(/^Je zit midden in de plaatsingsroute/);
    // Back at the step, questions about it are about it again.
    expect(shownStep(await driver.say("route"))).toBe("reguliere-machtiging:analyse");
    seen = await driver.say("wat bedoel je daarmee?");
    expect(seen.text).toMatch(/^Over de stap waar je bent/);
  });

  it("takes a button's label typed at its step ('regulier', 'ok verder', 'ja') as that button, and anything else as before", async () => {
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    let seen = await driver.say("regulier");
    expect(shownStep(seen)).toBe("reguliere-machtiging:waarom-regulier");
    seen = await driver.say("ok verder");
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse");
    // A few words of a button before a comma, with a long reason after it (new-user try: a question).
    seen = await driver.say("nee nog niet af, gw is ermee bezig samen met moeder en de mentor van school");
    expect(seen.text).toContain("Je koos: *Nee, of nog niet af*. Je toelichting staat bij de samenvatting.");
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse-opstellen");
    seen = await driver.press({ id: "route.back", value: "reguliere-machtiging:analyse-opstellen" });
    expect(shownStep(seen)).toBe("reguliere-machtiging:analyse");
    seen = await driver.say("Ja!");
    expect(seen.text).toContain("Je koos: *Ja*");
    expect(shownStep(seen)).toBe("reguliere-machtiging:hulpvraag");
    seen = await driver.say("nee");
    expect(seen.text).toContain("Je koos: *Nee, nog niet*");
    // A button with a reason after a comma: that button, the reason kept for the summary, redacted.
    seen = await driver.say("ja, mst gehad maar gestopt, moeder 06-12345678");
    expect(seen.text).toContain("Je koos: *Ja*. Je toelichting staat bij de samenvatting.");
    expect(seen.text).toMatch(/Let op: je bericht leek een telefoonnummer te bevatten/);
    expect(shownStep(seen)).toBe("reguliere-machtiging:expertise");
    expect(JSON.stringify(seen)).not.toContain("06-12345678");
    // Thanks are still thanks, and a longer message is no button.
    seen = await driver.say("top, bedankt!");
    expect(seen.text).not.toContain("Je koos");
    seen = await driver.say("ja maar de vader is nog niet gehoord in dit verhaal");
    expect(seen.text).toMatch(/^Je zit midden in de plaatsingsroute, bij: „/);
  });

  it("starts over with 'Opnieuw beginnen' and answers a button of an earlier step with the current step", async () => {
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    await driver.press({ id: "route.choose", value: "plaatsing-juiste-vraag" });
    await driver.press({ id: "route.answer", value: "plaatsing-juiste-vraag:uitgangspunt:0" });
    let seen = await driver.press({ id: "route.answer", value: "plaatsing-juiste-vraag:ambulant:1" });
    expect(shownStep(seen)).toBe("plaatsing-juiste-vraag:gezin");

    // An old button (the first question again) does not change anything.
    seen = await driver.press({ id: "route.answer", value: "plaatsing-juiste-vraag:ambulant:0" });
    expect(seen.text).toContain("Die knop hoort bij een eerdere stap");
    expect(shownStep(seen)).toBe("plaatsing-juiste-vraag:gezin");

    // Starting over asks first; "Nee" keeps everything.
    seen = await driver.press({ id: "route.restart" });
    expect(seen.text).toContain("Opnieuw beginnen?");
    expect(seen.actions.map((a) => a.id)).toEqual(["route.restartConfirmed", "route.resume"]);
    seen = await driver.press({ id: "route.resume" });
    expect(shownStep(seen)).toBe("plaatsing-juiste-vraag:gezin");
    await driver.press({ id: "route.restart" });
    seen = await driver.press({ id: "route.restartConfirmed" });
    expect(seen.text).toContain("We beginnen opnieuw.");
    expect(seen.actions.filter((a) => a.id === "route.choose")).toHaveLength(gd.routes.length);
    seen = await driver.say("route");
    expect(seen.text).not.toContain("Je was bezig");
    seen = await driver.press({ id: "route.answer", value: "plaatsing-juiste-vraag:gezin:0" });
    expect(seen.text).toContain("bij een route die verlopen is, of bij de route van een collega");
    expect(seen.actions.map((a) => a.id)).toEqual(["route.start"]);
  });

  /** A new walker on the spoedroute, at the question who has the regie. */
  async function atSpoedRegie() {
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    await driver.press({ id: "route.choose", value: "spoedmachtiging" });
    for (const value of ["spoed-uitgangspunt:0", "spoedberaad:0", "hsj:0", "int:2"]) {
      await driver.press({ id: "route.answer", value: `spoedmachtiging:${value}` });
    }
    return driver;
  }

  it("records a typed description that says there is none ('eigenlijk niemand, …') as missing, and says so", async () => {
    const driver = await atSpoedRegie();
    await driver.press({ id: "route.freeText", value: "spoedmachtiging:regie" });
    let seen = await driver.say("eigenlijk niemand, wijkteam zegt de huisarts en ik zeg het wijkteam");
    expect(seen.text).toContain("Genoteerd als „Nee, nog niet”");
    expect(shownStep(seen)).toBe("spoedmachtiging:onderwijs");
    for (const value of ["onderwijs:0", "woonplek:0", "evaluatie:0", "spoed-afronden:0"]) {
      seen = await driver.press({ id: "route.answer", value: `spoedmachtiging:${value}` });
    }
    expect(outcomeSection(seen, "Dit ontbreekt nog").map((l) => l.split(":")[0])).toContain("• Duidelijk wie de regievoerder is");
    expect(outcomeSection(seen, "Dit is er al:").map((l) => l.split(":")[0])).not.toContain("• Duidelijk wie de regievoerder is");
    expect(seen.text).toContain("Wie heeft de regie?: eigenlijk niemand");
  });

  it("takes a typed answer only after 'Zelf omschrijven', removes personal data from it and warns", async () => {
    const driver = await atSpoedRegie();
    let seen = await driver.press({ id: "route.freeText", value: "spoedmachtiging:regie" });
    expect(seen.text).toContain("Noem de rol of de organisatie, geen naam.");
    // A description that uses "bedoeld" is a description, not a question about the step.
    seen = await driver.say("de jeugdbeschermer, bedoeld als regievoerder");
    expect(seen.text).not.toContain("Over de stap waar je bent");
    expect(shownStep(seen)).toBe("spoedmachtiging:onderwijs");
    await driver.press({ id: "route.back", value: "spoedmachtiging:onderwijs" });
    seen = await driver.press({ id: "route.freeText", value: "spoedmachtiging:regie" });
    // 111222333 passes the 11-proef but is made up.
    seen = await driver.say("de jeugdbeschermer van de GI, BSN 111222333");
    expect(seen.text).toMatch(/Let op: je bericht leek een BSN te bevatten/);
    expect(shownStep(seen)).toBe("spoedmachtiging:onderwijs");
    for (const value of ["onderwijs:0", "woonplek:1", "woonperspectief-ontbreekt:0", "evaluatie:0", "spoed-afronden:0"]) {
      seen = await driver.press({ id: "route.answer", value: `spoedmachtiging:${value}` });
    }
    // There was a spoedberaad ("Ja"): the next step is not to organise one.
    expect(shownStep(seen)).toBe("spoedmachtiging:uitkomst-spoed-na-beraad");
    expect(seen.text).not.toContain("Organiseer een spoedberaad");
    expect(seen.text).toContain("Wie heeft de regie?: de jeugdbeschermer van de GI, BSN [BSN verwijderd]");
    expect(seen.text).not.toContain("111222333");
    expect(outcomeSection(seen, "Dit ontbreekt nog").map((l) => l.split(":")[0])).toEqual(["• Versnelde toegang tot een INT als alternatief bekeken", "• Perspectief op een woonplek"]);
    for (const line of app.logs) expect(line).not.toContain("111222333");
    // "Nee" on the perspective on school gets the plans' advice before the next question, as
    // "Nee" on a place to live does (new-user try: it moved on without a word).
    seen = await driver.press({ id: "route.back", value: "spoedmachtiging:uitkomst-spoed-na-beraad" });
    for (let i = 0; i < 5 && shownStep(seen) !== "spoedmachtiging:onderwijs"; i++) {
      seen = await driver.press({ id: "route.back", value: shownStep(seen) });
    }
    expect(shownStep(seen)).toBe("spoedmachtiging:onderwijs");
    seen = await driver.press({ id: "route.answer", value: "spoedmachtiging:onderwijs:1" });
    expect(shownStep(seen)).toBe("spoedmachtiging:onderwijsperspectief-ontbreekt");
    expect(seen.text).toContain("school van herkomst");

    // Without "Zelf omschrijven" a message is an ordinary question, and the route waits where it was.
    await driver.press({ id: "route.restart" });
    await driver.press({ id: "route.choose", value: "plaatsing-juiste-vraag" });
    for (const value of ["uitgangspunt:0", "ambulant:0", "gezin:0", "matched:0"]) {
      seen = await driver.press({ id: "route.answer", value: `plaatsing-juiste-vraag:${value}` });
    }
    expect(findAction(seen, "route.freeText").label).toBe("Wie doet er mee?");
    seen = await driver.say("wat moet er bij een spoedberaad aanschuiven?");
    // An answer from the documents (with its sources), not a route step.
    expect(seen.text).toMatch(/\[1\]/);
    expect(seen.text).not.toMatch(/Wie doet er mee\?/);
    expect(shownStep(await driver.say("route"))).toBe("plaatsing-juiste-vraag:netwerk");
  });

  it("the outcome names the region's escalation step and its buttons explain what will happen", async () => {
    const driver = webDriver(() => app.baseUrl, newUser());
    await driver.say("route");
    await driver.press({ id: "route.choose", value: "spoedmachtiging" });
    let seen = await driver.press({ id: "route.answer", value: "spoedmachtiging:spoed-uitgangspunt:0" });
    // No spoedberaad yet and no HSJ expertise asked: the next step asks for both.
    for (const value of ["spoedberaad:1", "spoedberaad-plannen:0", "hsj:1", "hsj-vragen:0", "int:0"]) {
      seen = await driver.press({ id: "route.answer", value: `spoedmachtiging:${value}` });
    }
    expect(shownStep(seen)).toBe("spoedmachtiging:uitkomst-alternatief");
    expect(seen.text).toContain("*Volgende stap:* Organiseer een spoedberaad");
    // HSJ expertise is what the werkwijze still organises: the step asks whether it can come yet, it
    // does not say it can (third new-user try of the forty-sixth session).
    expect(seen.text).toContain("vraag het Servicepunt JeugdzorgPlus (via je gemeente of het regionale Servicepunt) of HSJ-expertise al kan aanschuiven (de werkwijze noemt dat bij wat de regio nog organiseert)");
    const checklist = findAction(seen, "route.escalate.spoedberaad", "spoedmachtiging");
    const consult = seen.actions.find((a: { id: string }) => a.id === "consult.new")!;
    expect(consult.label).toBe("Consultaanvraag indienen");

    const preview = await driver.press(checklist);
    expect(preview.text).toMatch(/^Start hieronder een gedeelde checklist voor het spoedberaad/);
    expect(preview.text).toContain("Spoedberaad met de jongere en de ouders erbij");
    // The hand-over: the checklist feature answers its own start button, with the route summary kept.
    const start = findAction(preview, "spoedberaad.start");
    expect(start.value).toContain("Plaatsingsroute: Spoedroute (spoedmachtiging)");
    // The card, and a line on how to give it a casusnummer (it was started without one).
    const [card, hint] = await chatReplies(app.baseUrl, { user: driver.user, action: { id: start.id, value: start.value } });
    expect(seenFromParts(card!.parts).actions.map((a) => a.id)).toContain("spoedberaad.close");
    expect(seenFromParts(hint!.parts).text).toMatch(/nog geen casusnummer/);

    // Handed over to the consult form, with the target chosen and the route summary filled in.
    await driver.press(consult);
    const form = driver.last.find((p) => p.kind === "form") as any;
    const fields = Object.fromEntries(form.fields.map((f: any) => [f.id, f.value]));
    expect(fields.target).toBe("servicepunt");
    // From the spoedroute the request starts as urgent.
    expect(fields.urgency).toBe("spoed");
    expect(fields.summary).toContain("Plaatsingsroute: Spoedroute (spoedmachtiging) (regio Groningen en Drenthe)");
    expect(fields.summary).toContain("Nog niet gedaan:\n- Spoedberaad met de jongere en de ouders erbij");
    expect(fields.summary).toContain("Al gedaan:\n- Versnelde toegang tot een INT als alternatief bekeken\nNog niet gedaan:\n- Spoedberaad met de jongere en de ouders erbij\n- HSJ-expertise via het Servicepunt JeugdzorgPlus bij het spoedberaad");

    // Rijnmond: the expertiseteam as second opinion before residential care.
    const other = webDriver(() => rijnmond.baseUrl, newUser());
    await other.say("route");
    await other.press({ id: "route.choose", value: "plaatsing-juiste-vraag" });
    for (const value of ["uitgangspunt:0", "ambulant:0", "gezin:0", "matched:0", "netwerk:0", "risicoweging:0"]) {
      seen = await other.press({ id: "route.answer", value: `plaatsing-juiste-vraag:${value}` });
    }
    expect(shownStep(seen)).toBe("plaatsing-juiste-vraag:second-opinion");
    expect(seen.text).toContain("Leg de casus dan eerst voor aan het expertiseteam Rijnmond");
    seen = await other.press({ id: "route.answer", value: "plaatsing-juiste-vraag:second-opinion:0" });
    expect(seen.text).toContain("*Volgende stap:* Leg de casus voor aan het expertiseteam Rijnmond (via je gemeente).");
    expect(findAction(seen, "route.choose", "reguliere-machtiging").label).toBe("Verder: Reguliere route naar een machtiging");
    const handover = seen.actions.find((a: { id: string }) => a.id === "consult.new")!;
    await other.press(handover);
    const second = other.last.find((p) => p.kind === "form") as any;
    expect(second.fields.find((f: any) => f.id === "target").value).toBe("expertteam");
    expect(second.fields.find((f: any) => f.id === "urgency").value).toBeUndefined();
    expect(second.fields.find((f: any) => f.id === "target").options.map((o: any) => o.label)).toContain("Expertiseteam Rijnmond");

    // The spoedroute is not offered in Rijnmond.
    const refused = await other.press({ id: "route.choose", value: "spoedmachtiging" });
    expect(refused.text).toContain("Die route is er niet (meer).");
  });

  it("offers the route under the answer to a placement question, and not for a question about figures", async () => {
    const user = newUser();
    const parts = await chat(app.baseUrl, { user, text: "Hoe vraag ik een machtiging aan om een jongere in de JZ+ te plaatsen?" });
    expect(ofKind(parts, "text")[0]?.text).toBeTruthy();
    const offer = ofKind(parts, "actions").flatMap((p) => p.actions).find((a) => a.id === "route.start");
    expect(offer?.label).toBe("Start de plaatsingsroute");
    const picker = seenFromParts(await chat(app.baseUrl, { user, action: { id: "route.start" } }));
    expect(picker.actions.filter((a) => a.id === "route.choose")).toHaveLength(gd.routes.length);

    const figures = await chat(app.baseUrl, { user, text: "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?" });
    expect(ofKind(figures, "actions").flatMap((p) => p.actions).map((a) => a.id)).not.toContain("route.start");
 
    // About the urgent case: the spoedroute itself, which the button starts (new-user try: only the
    // general route was offered); with a walk in progress, the button resumes that walk instead.
    const urgentUser = newUser();
    const urgent = await chat(app.baseUrl, { user: urgentUser, text: "hoe werkt het als het een spoedmachtiging wordt, wat moet de GI dan doen" });
    const urgentOffer = ofKind(urgent, "actions").flatMap((p) => p.actions).find((a) => a.id === "route.start");
    expect(urgentOffer).toMatchObject({ label: "Start de spoedroute", value: "spoedmachtiging" });
    const started = seenFromParts(await chat(app.baseUrl, { user: urgentUser, action: urgentOffer! }));
    expect(shownStep(started)).toMatch(/^spoedmachtiging:/);
    const walking = webDriver(() => app.baseUrl, newUser());
    await walking.say("route");
    await walking.press({ id: "route.choose", value: "reguliere-machtiging" });
    const resumed = await walking.press(urgentOffer!);
    expect(shownStep(resumed)).toMatch(/^reguliere-machtiging:/);
  });

  it("two users walking at once, and one user in two conversations, never see each other's state", async () => {
    const [alice, bob] = [newUser(), newUser()];
    const aliceHere = webDriver(() => app.baseUrl, alice, "chat-a");
    const aliceThere = webDriver(() => app.baseUrl, alice, "chat-b");
    const bobDriver = webDriver(() => app.baseUrl, bob, "chat-a");

    const walk = async (driver: RouteDriver, routeId: string, values: string[]) => {
      await driver.say("route");
      await driver.press({ id: "route.choose", value: routeId });
      for (const value of values) await driver.press({ id: "route.answer", value: `${routeId}:${value}` });
    };
    // Interleaved: all three walk at the same time.
    await Promise.all([
      walk(aliceHere, "reguliere-machtiging", ["waarom-regulier:0", "analyse:0", "hulpvraag:1"]),
      walk(aliceThere, "spoedmachtiging", ["spoed-uitgangspunt:0"]),
      walk(bobDriver, "plaatsing-juiste-vraag", ["uitgangspunt:0", "ambulant:1", "gezin:1", "matched:1"]),
    ]);
    const where = async (driver: RouteDriver) => shownStep(await driver.say("route"));
    expect(await where(aliceHere)).toBe("reguliere-machtiging:ambulant");
    expect(await where(aliceThere)).toBe("spoedmachtiging:spoedberaad");
    expect(await where(bobDriver)).toBe("plaatsing-juiste-vraag:matched-kiezen");
    // A fresh conversation, a thread-less other user: nothing in progress.
    expect(await where(webDriver(() => app.baseUrl, alice, "chat-c"))).toBeUndefined();
    expect(await where(webDriver(() => app.baseUrl, newUser(), "chat-a"))).toBeUndefined();

    // Bob pressing Alice's button: Bob is not at that step, so nothing of Alice's changes.
    const pressed = await bobDriver.press({ id: "route.answer", value: "reguliere-machtiging:ambulant:0" });
    expect(pressed.text).toContain("Die knop hoort bij een eerdere stap");
    expect(shownStep(pressed)).toBe("plaatsing-juiste-vraag:matched-kiezen");
    expect(await where(aliceHere)).toBe("reguliere-machtiging:ambulant");

    // Finishing in one conversation leaves the other where it was.
    let seen = await aliceHere.press({ id: "route.answer", value: "reguliere-machtiging:ambulant:0" });
    for (const value of ["expertise:0", "matched:0", "consult:1", "consult-inbrengen:0", "voor-de-aanvraag:0"]) {
      seen = await aliceHere.press({ id: "route.answer", value: `reguliere-machtiging:${value}` });
    }
    expect(shownStep(seen)).toBe("reguliere-machtiging:uitkomst-aanvullen");
    expect(outcomeSection(seen, "Dit ontbreekt nog").map((l) => l.split(":")[0])).toEqual([
      "• Hulpvraag samen met ouders en jongere in kaart gebracht",
      "• Consultvraag gesteld aan het Servicepunt JeugdzorgPlus",
    ]);
    expect(await where(aliceThere)).toBe("spoedmachtiging:spoedberaad");
  });
});

/** The real entry point in its own process, so it can be killed without any shutdown. */
describe("a restart of Wegwijs in the middle of a route", () => {
  let dataDir: string;
  const running: Array<{ kill(): Promise<void> }> = [];
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-routes-"));
  });
  afterAll(async () => {
    for (const r of running) await r.kill();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("continues at the same step after the process is killed (SIGKILL) and started again", { timeout: 90_000 }, async () => {
    const env = { PORT: "0", HOST: "127.0.0.1", REDIS_URL, WEGWIJS_REDIS_PREFIX: PREFIX, WEGWIJS_DATA_DIR: dataDir, LOG_LEVEL: "info", WEGWIJS_RATE_LIMIT_PER_MINUTE: "1000000", WEGWIJS_RATE_LIMIT_IP_PER_MINUTE: "1000000" };
    const first = await spawnWegwijs(env);
    running.push(first);
    let baseUrl = first.baseUrl;
    const user = newUser();
    const driver = webDriver(() => baseUrl, user);
    const route: RouteDefinition = routeById("spoedmachtiging");
    const region: Region = regionById("groningen-drenthe");
    const [p] = enumeratePaths(route, region.id).filter((x) => x.steps.length >= 8 && x.steps.some((s) => s.kind === "freeText"));
    expect(p).toBeDefined();

    await driver.say("route");
    let seen = await driver.press({ id: "route.choose", value: route.id });
    // Half-way, with a typed answer pending: the process dies without any shutdown.
    for (const step of p!.steps.slice(0, 5)) {
      seen = step.kind === "continue"
        ? await driver.press({ id: "route.answer", value: `${route.id}:${step.nodeId}:0` })
        : step.kind === "option"
          ? await driver.press({ id: "route.answer", value: `${route.id}:${step.nodeId}:${step.index}` })
          : await driver.press({ id: "route.freeText", value: `${route.id}:${step.nodeId}` }).then(() => driver.say(step.text));
    }
    const before = shownStep(seen);
    const beforeText = seen.text;
    expect(before).toBe(`${route.id}:${p!.steps[5]!.nodeId}`);
    await first.kill();

    const second = await spawnWegwijs(env);
    running.push(second);
    baseUrl = second.baseUrl;
    // "route" shows where the user was, with the same step text and buttons.
    seen = await driver.say("route");
    expect(seen.text).toContain("Je was bezig met *Spoedroute (spoedmachtiging)*. Hier ben je gebleven.");
    expect(shownStep(seen)).toBe(before);
    expect(seen.text).toContain(beforeText.split("\n").slice(-1)[0]!);

    // The rest of the path, answered with the buttons of the step before the restart.
    for (const step of p!.steps.slice(5)) {
      seen = step.kind === "continue"
        ? await driver.press({ id: "route.answer", value: `${route.id}:${step.nodeId}:0` })
        : step.kind === "option"
          ? await driver.press({ id: "route.answer", value: `${route.id}:${step.nodeId}:${step.index}` })
          : await driver.press({ id: "route.freeText", value: `${route.id}:${step.nodeId}` }).then(() => driver.say(step.text));
    }
    expectOutcome(seen, route, region, p!);
    await second.kill();
  });
});

describe("routes with a corpus that lacks their sources", () => {
  it("still starts, logs which sources are missing, and says the routes are unavailable", async () => {
    const emptyCorpus = await mkdtemp(path.join(os.tmpdir(), "wegwijs-empty-corpus-"));
    const app = await startWegwijs({ WEGWIJS_CORPUS_DIR: emptyCorpus });
    try {
      const logged = app.logs.map((l) => JSON.parse(l) as { level: number; msg: string; count?: number; problems?: string[] });
      const error = logged.find((l) => l.msg.startsWith("plaatsingsroutes uitgeschakeld"));
      expect(error?.level).toBe(50);
      // Every source of every route is missing; the log names a sample and the count.
      expect(error?.count).toBeGreaterThan(50);
      expect(error?.problems).toHaveLength(5);
      expect(error?.problems?.every((p) => /^route "[a-z-]+", (node|item) "[a-z-]+": bron niet gevonden/.test(p))).toBe(true);
      const parts = await chat(app.baseUrl, { user: newUser(), text: "route" });
      expect(parts).toEqual([expect.objectContaining({ kind: "notice", level: "warning", text: expect.stringMatching(/^De plaatsingsroutes zijn nu niet beschikbaar/) })]);
    } finally {
      await app.close();
      await rm(emptyCorpus, { recursive: true, force: true });
    }
  });
});
