import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { contentDir } from "../../src/app.js";
import { loadRegionDir, loadRouteDir } from "../../src/handlers/route/routeLoader.js";
import { loadChecklistForRegions } from "../../src/handlers/spoedberaad/checklistContent.js";
import { SourcePassages } from "../../src/handlers/route/sourcePassages.js";
import { KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";

const corpus = path.resolve("../shared/corpus");
const knowledge = new KnowledgeBase({ contentDir });
const routes = loadRouteDir(path.join(contentDir, "routes")).values;
const regionName = new Map(loadRegionDir(path.join(contentDir, "regions")).values.map((r) => [r.id, r.name]));
const regionOf = new Map<string, string | null>(
  (JSON.parse(readFileSync(path.join(corpus, "corpus.json"), "utf8")) as { documents: Array<{ file: string; region: string | null }> }).documents.map(
    (d) => [d.file, d.region],
  ),
);

beforeAll(async () => {
  await knowledge.ingest(corpus);
});

/** Who a route text could claim does something: roles and bodies of the placement procedure. */
const NAMES_SOMEONE = /\b(?:GI|gemeente|kinderrechter|rechter|rechtbank|Raad voor de Kinderbescherming|Veilig Thuis|huisarts|jeugdbeschermer|gezinsvoogd|wijkteam|verwijzer)/g;

/** Every source a route shows: on its nodes and on its summary items. */
function sourcesOf(route: (typeof routes)[number]) {
  return [...route.nodes.flatMap((n) => (n.source ? [{ where: n.id, source: n.source }] : [])), ...route.items.map((i) => ({ where: i.id, source: i.source }))];
}

describe("route texts quote the documents", () => {
  it("has routes to check", () => {
    expect(routes.length).toBeGreaterThan(0);
  });

  for (const route of routes) {
    it(`route ${route.id}: every quote it shows is found verbatim in the index`, () => {
      const passages = new SourcePassages(knowledge);
      for (const { where, source } of sourcesOf(route)) {
        const resolved = passages.resolve(source);
        expect(resolved.ok, `${route.id}/${where}`).toBe(true);
        if (!resolved.ok) continue;
        const quote = resolved.passage.quote.replace(/…$/, "");
        const texts = knowledge.chunksOf(source.document).map((c) => c.text.replace(/\*+/g, "").replace(/\s+/g, " "));
        expect(texts.some((t) => t.includes(quote)), `${route.id}/${where}: "${quote}"`).toBe(true);
      }
    });

    it(`route ${route.id}: whom a step names is named in the section it cites`, () => {
      // No claims without a passage (new-user try: "Bereid nu met de GI of de gemeente de aanvraag
      // voor" cited a principle that names neither). Region placeholders ({servicepunt}) are filled
      // from the region's own contact data, not from a document.
      for (const node of route.nodes) {
        if (!node.source) continue;
        const shown = ["text" in node ? node.text : "", "summary" in node ? node.summary : "", "title" in node ? node.title : ""].join(" ").replace(/\{\w+\}/g, " ");
        const section = knowledge
          .chunksOf(node.source.document)
          .filter((c) => c.sectionPath.join(" > ").includes(node.source!.section))
          .map((c) => c.text)
          .join(" ");
        for (const [named] of shown.matchAll(NAMES_SOMEONE)) {
          expect(new RegExp(`\\b${named}`, "i").test(section), `${route.id}/${node.id}: "${named}" not in ${node.source.section}`).toBe(true);
        }
      }
    });

    it(`route ${route.id}: sources come from national documents or a region the route branches for`, () => {
      // A branch for a region (`when: { region: [rijnmond] }`) may cite that region's plan; the rest
      // of the route is for the default region, Groningen en Drenthe.
      const branches = [...JSON.stringify(route).matchAll(/"region":\[([^\]]*)\]/g)].flatMap((m) => JSON.parse(`[${m[1]}]`) as string[]);
      const allowed = new Set(["landelijk", regionName.get("groningen-drenthe"), ...branches.map((id) => regionName.get(id))]);
      for (const { where, source } of sourcesOf(route)) {
        const region = regionOf.get(source.document) ?? "landelijk";
        expect(allowed.has(region), `${route.id}/${where}: ${source.document} (${region})`).toBe(true);
      }
    });
  }
});

describe("spoedberaad checklist items quote the documents of their region", () => {
  const DEFAULT_REGION = "groningen-drenthe";
  const { byRegion, problems } = loadChecklistForRegions({ contentDir, id: "spoedberaad" });

  it("loads for every region", () => {
    expect(problems).toEqual([]);
    expect([...byRegion.keys()].sort()).toEqual([...regionName.keys()].sort());
  });

  for (const [region, checklist] of byRegion) {
    it(`region ${region}: every item's quote is found verbatim, in a national document or one of the region's own`, () => {
      // A Rijnmond passage under a Groningen/Drenthe item (new-user try) read as that region's way
      // of working. An item a region keeps from the default checklist keeps its source, as a
      // route's steps do; "Waarom deze punten?" then says which sources are about another region.
      const passages = new SourcePassages(knowledge);
      for (const item of checklist.items) {
        const inherited = region !== DEFAULT_REGION && byRegion.get(DEFAULT_REGION)?.items.some((own) => own === item);
        const resolved = passages.resolve(item.source);
        expect(resolved.ok, `${region}/${item.id}`).toBe(true);
        if (!resolved.ok) continue;
        const quote = resolved.passage.quote.replace(/…$/, "");
        const texts = knowledge.chunksOf(item.source.document).map((c) => c.text.replace(/\*+/g, "").replace(/\s+/g, " "));
        expect(texts.some((t) => t.includes(quote)), `${region}/${item.id}: "${quote}"`).toBe(true);
        const documentRegion = regionOf.get(item.source.document) ?? "landelijk";
        const allowed = ["landelijk", regionName.get(region), ...(inherited ? [regionName.get(DEFAULT_REGION)] : [])];
        expect(allowed, `${region}/${item.id}: ${item.source.document}`).toContain(documentRegion);
      }
    });

    it(`region ${region}: whom an item names is named in the section it cites`, () => {
      for (const item of checklist.items) {
        const section = knowledge
          .chunksOf(item.source.document)
          .filter((c) => c.sectionPath.join(" > ").includes(item.source.section))
          .map((c) => c.text)
          .join(" ");
        for (const [named] of item.label.matchAll(NAMES_SOMEONE)) {
          expect(new RegExp(`\\b${named}`, "i").test(section), `${region}/${item.id}: "${named}" not in ${item.source.section}`).toBe(true);
        }
      }
    });
  }
});
