import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { ConfigError, defaultCorpusDir, loadConfig } from "../../src/config.js";
import { loadRegionDir, loadRouteDir } from "../../src/handlers/route/routeLoader.js";
import type { RouteDefinition } from "../../src/handlers/route/routeSchema.js";
import { SourcePassages } from "../../src/handlers/route/sourcePassages.js";
import { formatProblem, type RouteProblem, validateRoutes } from "../../src/handlers/route/validateRoutes.js";
import { KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";
import { findPersonalData } from "../../src/privacy/personalData.js";
import { escalationText } from "../../src/handlers/route/routeReplies.js";
import { enumeratePaths, shippedRegions, shippedRoutes } from "../support/routePaths.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const contentDir = path.join(repoRoot, "content");
const fixturesDir = path.join(repoRoot, "test/fixtures/routes");
const corpusDir = defaultCorpusDir(repoRoot);
const GD = "nieuwe-werkwijze-plaatsing-jeugdzorgplus-groningen-drenthe.md";

let passages: SourcePassages;
beforeAll(async () => {
  const knowledge = new KnowledgeBase({ contentDir });
  await knowledge.ingest(corpusDir);
  passages = new SourcePassages(knowledge);
});

const resolveSource = (source: Parameters<SourcePassages["resolve"]>[0]) => passages.resolve(source);

describe("the shipped routes and regions", () => {
  it("load, form well-formed graphs and cite sources that exist in the indexed corpus", () => {
    const routes = loadRouteDir(path.join(contentDir, "routes"));
    const regions = loadRegionDir(path.join(contentDir, "regions"));
    expect(routes.problems).toEqual([]);
    expect(regions.problems).toEqual([]);
    expect(routes.values.map((r) => r.id).sort()).toEqual(["plaatsing-juiste-vraag", "reguliere-machtiging", "spoedmachtiging"]);
    expect(regions.values.map((r) => r.id).sort()).toEqual(["groningen-drenthe", "rijnmond"]);
    expect(validateRoutes(routes.values, { regions: regions.values, resolveSource }).map(formatProblem)).toEqual([]);
  });

  it("quote retrieved text: every source resolves to a sentence of its own document and section", () => {
    const flat = (s: string) => s.replace(/[*_`#>]/g, "").replace(/\s+/g, " ").trim();
    for (const route of shippedRoutes()) {
      for (const { source } of [...route.nodes, ...route.items]) {
        const found = passages.resolve(source);
        if (!found.ok) throw new Error(found.reason);
        expect(found.passage.documentId).toBe(source.document);
        expect(found.passage.section).toContain(source.section.split(">").pop()!.trim());
        const documentText = flat(readFileSync(path.join(corpusDir, source.document), "utf8"));
        expect(documentText).toContain(flat(found.passage.quote.replace(/…$/, "")));
      }
    }
  });

  it("reach every outcome in some region, and can record every item as done and as missing", () => {
    for (const route of shippedRoutes()) {
      const paths = shippedRegions()
        .filter((region) => region.routes.includes(route.id))
        .flatMap((region) => enumeratePaths(route, region.id));
      const outcomes = new Set(paths.map((p) => p.outcome));
      expect([...outcomes].sort(), route.id).toEqual(route.nodes.filter((n) => n.kind === "outcome").map((n) => n.id).sort());
      for (const item of route.items) {
        expect(paths.some((p) => p.done.includes(item.id)), `${route.id}/${item.id} done`).toBe(true);
        expect(paths.some((p) => p.missing.includes(item.id)), `${route.id}/${item.id} missing`).toBe(true);
      }
    }
  });

  it("never give as the next step what the walk recorded as done (no 'organiseer een spoedberaad' after 'ja, er was een spoedberaad')", () => {
    // What each recorded item would look like if the next step asked for it again.
    const askedAgain: Record<string, RegExp> = { spoedberaad: /Organiseer een spoedberaad/, hsj: /HSJ/, consult: /consultvraag/ };
    for (const route of shippedRoutes()) {
      const outcomes = new Map(route.nodes.flatMap((n) => (n.kind === "outcome" ? [[n.id, n] as const] : [])));
      for (const region of shippedRegions().filter((r) => r.routes.includes(route.id))) {
        for (const path of enumeratePaths(route, region.id)) {
          const nextStep = escalationText(outcomes.get(path.outcome)!, region, new Set(path.done));
          const repeated = path.done.filter((item) => askedAgain[item]?.test(nextStep));
          expect(repeated, `${route.id} ${region.id}: ${path.nodes.join(" > ")}: ${nextStep}`).toEqual([]);
        }
      }
    }
  });

  it("ship no phone numbers or e-mail addresses (contact channels are never made up)", () => {
    for (const dir of ["routes", "regions"]) {
      for (const file of readdirSync(path.join(contentDir, dir))) {
        const text = readFileSync(path.join(contentDir, dir, file), "utf8");
        expect(findPersonalData(text).filter((f) => f.kind === "phone" || f.kind === "email"), file).toEqual([]);
      }
    }
  });

  it("offer only existing routes per region; Rijnmond adds the expertiseteam before residential care", () => {
    const [gd, rijnmond] = ["groningen-drenthe", "rijnmond"].map((id) => shippedRegions().find((r) => r.id === id)!);
    expect(gd!.routes).toEqual(["plaatsing-juiste-vraag", "reguliere-machtiging", "spoedmachtiging"]);
    expect(rijnmond!.expertteam.name).toBe("expertiseteam Rijnmond");
    const route = shippedRoutes().find((r) => r.id === "plaatsing-juiste-vraag")!;
    const allDone = (region: string) => enumeratePaths(route, region).filter((p) => p.missing.length === 0);
    expect(new Set(allDone("groningen-drenthe").map((p) => p.outcome))).toEqual(new Set(["uitkomst-plaatsing-bespreekbaar"]));
    expect(new Set(allDone("rijnmond").map((p) => p.outcome))).toEqual(new Set(["uitkomst-second-opinion"]));
    expect(allDone("rijnmond").every((p) => p.nodes.includes("second-opinion"))).toBe(true);
  });
});

describe("broken route fixtures", () => {
  const fixtures = loadRouteDir(fixturesDir);
  const fixture = (id: string): RouteDefinition => {
    const route = fixtures.values.find((r) => r.id === id);
    if (!route) throw new Error(`fixture ${id} did not load: ${JSON.stringify(fixtures.problems)}`);
    return route;
  };
  const problemsOf = (id: string): RouteProblem[] => validateRoutes([fixture(id)], { resolveSource });

  it("load without schema errors (each is broken in its graph or sources only)", () => {
    expect(fixtures.problems).toEqual([]);
    expect(fixtures.values).toHaveLength(4);
  });

  it.each([
    ["dead-end", "vastgelopen", /^doodlopend: geen vervolg en geen uitkomst/],
    ["unreachable", "vergeten-stap", /^onbereikbaar vanaf de start/],
    ["cycle", "heen", /^cyclus zonder uitweg naar een uitkomst .*: heen → terug → heen$/],
    ["missing-source", "onvindbaar", /^bron niet gevonden .*document "bestaat-niet\.md" staat niet in de index/],
  ])("%s fails, naming node %s", (id, node, message) => {
    const problems = problemsOf(id);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.route === id)).toBe(true);
    expect(problems).toContainEqual(expect.objectContaining({ route: id, node, message: expect.stringMatching(message) }));
    expect(formatProblem(problems.find((p) => p.node === node)!)).toMatch(new RegExp(`^route "${id}", node "${node}": `));
  });

  it("names a heading that is not in the document", () => {
    expect(problemsOf("missing-source")).toContainEqual(
      expect.objectContaining({ node: "verkeerde-sectie", message: expect.stringMatching(/sectie "Hoofdstuk 99" niet gevonden/) }),
    );
  });

  it("accept a cycle that has an exit, and report options that lead nowhere", () => {
    const source = { document: GD, section: "Knelpunten (1)" };
    const route: RouteDefinition = {
      id: "lus-met-uitgang",
      title: "Lus met uitgang",
      intro: "Test.",
      urgent: false,
      start: "vraag",
      items: [],
      nodes: [
        { id: "vraag", kind: "question", text: "Nog eens?", source, options: [{ label: "Ja", next: "uitleg" }, { label: "Nee", next: "klaar" }] },
        { id: "uitleg", kind: "information", text: "Uitleg.", source, next: "vraag" },
        { id: "klaar", kind: "outcome", title: "Klaar", summary: "Klaar.", escalation: "none", source },
      ],
    };
    expect(validateRoutes([route], { resolveSource })).toEqual([]);
    const broken: RouteDefinition = {
      ...route,
      nodes: [
        { id: "vraag", kind: "question", text: "?", source, options: [{ label: "Ja", next: "nergens" }, { label: "Nee", next: "klaar" }] },
        route.nodes[2]!,
      ],
    };
    expect(validateRoutes([broken]).map(formatProblem)).toEqual([
      'route "lus-met-uitgang", node "vraag": optie 1 ("Ja") leidt naar onbekende node "nergens" / leads to a node that does not exist',
    ]);
  });

  it("require a guard-free last transition and known items, regions and placeholders", () => {
    const source = { document: GD, section: "Knelpunten (1)" };
    const route: RouteDefinition = {
      id: "voorwaarden",
      title: "Voorwaarden",
      intro: "Test.",
      urgent: false,
      start: "stap",
      items: [{ id: "a", label: "A", why: "Omdat.", source }],
      nodes: [
        {
          id: "stap",
          kind: "information",
          text: "Bel het {servicepunt-telefoon}.",
          source,
          next: [{ when: { missing: ["b"], region: ["utrecht"] }, to: "klaar" }],
        },
        { id: "klaar", kind: "outcome", title: "Klaar", summary: "Klaar.", escalation: "none", source },
      ],
    };
    // (The shipped regions also report their routes as unknown here: only this route is passed.)
    const messages = validateRoutes([route], { regions: shippedRegions() })
      .filter((p) => p.route === "voorwaarden")
      .map(formatProblem);
    expect(messages).toEqual([
      'route "voorwaarden", node "stap": next: de laatste overgang moet zonder \'when\' zijn / the last transition needs no condition',
      'route "voorwaarden", node "stap": next: onbekend item "b" in \'when.missing\' / unknown item',
      'route "voorwaarden", node "stap": next: onbekende regio "utrecht" / unknown region',
      expect.stringMatching(/^route "voorwaarden", node "stap": onbekende plaatshouder \{servicepunt-telefoon\}/),
    ]);
  });
});

describe("schema errors name the file, route and node", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "wegwijs-route-schema-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports a missing option target and a wrong kind by node id, and an id that differs from the file name", () => {
    const source = { document: GD, section: "Knelpunten (1)" };
    writeFileSync(
      path.join(dir, "kapot.yaml"),
      stringify({
        id: "kapot",
        title: "Kapot",
        intro: "Test.",
        start: "vraag",
        nodes: [
          { id: "vraag", kind: "question", text: "?", source, options: [{ label: "Ja" }] },
          { id: "raar", kind: "besluit", text: "?", source },
        ],
      }),
    );
    writeFileSync(path.join(dir, "andere-naam.yaml"), stringify({ id: "anders", title: "T", intro: "I", start: "s", nodes: [{ id: "s", kind: "outcome", title: "T", summary: "S", escalation: "none", source }] }));
    const { values, problems } = loadRouteDir(dir);
    expect(values).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ file: "kapot.yaml", route: "kapot", node: "vraag", message: expect.stringMatching(/^options\.0\.next: /) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: "kapot.yaml", route: "kapot", node: "raar", message: expect.stringMatching(/^kind: /) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: "andere-naam.yaml", message: expect.stringMatching(/moet gelijk zijn aan de bestandsnaam/) }));
  });
});

describe("npm run routes:check", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "wegwijs-routes-check-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/routesCheck.ts", ...args], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), WEGWIJS_DATA_DIR: dataDir },
      timeout: 60_000,
    });

  it("passes for the shipped routes", { timeout: 60_000 }, () => {
    const result = run();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("In orde / OK: 3 routes, 2 regio's.");
  });

  it("fails for the broken fixtures, naming each route and node", { timeout: 60_000 }, () => {
    const result = run("--routes", "test/fixtures/routes");
    expect(result.status).toBe(1);
    for (const [route, node] of [
      ["dead-end", "vastgelopen"],
      ["unreachable", "vergeten-stap"],
      ["cycle", "heen"],
      ["missing-source", "onvindbaar"],
      ["missing-source", "verkeerde-sectie"],
    ]) {
      expect(result.stderr).toContain(`✗ route "${route}", node "${node}": `);
    }
    expect(result.stderr).toMatch(/problemen gevonden \/ problems found/);
  });
});

describe("WEGWIJS_REGION", () => {
  it("defaults to Groningen/Drenthe and must name a shipped region file", () => {
    expect(loadConfig({}).region).toBe("groningen-drenthe");
    expect(loadConfig({ WEGWIJS_REGION: "rijnmond" }).region).toBe("rijnmond");
    let error: unknown;
    try {
      loadConfig({ WEGWIJS_REGION: "utrecht" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'WEGWIJS_REGION "utrecht" is geen bekende regio / is not a known region; kies uit / choose from: groningen-drenthe, rijnmond',
    ]);
  });
});
