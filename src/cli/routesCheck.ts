import path from "node:path";
import { defaultContentDir as contentDir } from "../config.js";
import { ConfigError, loadConfig } from "../config.js";
import { loadRegionDir, loadRouteDir } from "../handlers/route/routeLoader.js";
import { SourcePassages } from "../handlers/route/sourcePassages.js";
import { formatProblem, validateRoutes } from "../handlers/route/validateRoutes.js";
import { KnowledgeBase } from "../knowledge/knowledgeBase.js";
import { formatChecklistProblem, loadChecklistForRegions, validateChecklistSources } from "../handlers/spoedberaad/checklistContent.js";
import { parseArgs } from "./args.js";

const USAGE = "Gebruik: npm run routes:check -- [--routes <map>] [--regions <map>] [--corpus <map>]";

/**
 * Checks route content: schema, graph (reachable, ends in an outcome, no cycle without exit)
 * and every source against the indexed corpus. Exit code 1 names each route and node at fault.
 * With --routes but without --regions, regions are not checked (fixtures have none).
 */
async function main(): Promise<number> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const flag = (name: string) => (typeof flags.get(name) === "string" ? (flags.get(name) as string) : undefined);
  if (flags.has("help") || positional.length > 0) {
    console.error(USAGE);
    return flags.has("help") ? 0 : 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const routesDir = path.resolve(flag("routes") ?? path.join(contentDir, "routes"));
  const checkRegions = flag("regions") !== undefined || flag("routes") === undefined;
  const regionsDir = path.resolve(flag("regions") ?? path.join(contentDir, "regions"));
  const corpusDir = path.resolve(flag("corpus") ?? config.corpusDir);

  const warnings: string[] = [];
  const knowledge = new KnowledgeBase({ contentDir, dataDir: config.dataDir, warn: (m) => warnings.push(m) });
  const ingest = await knowledge.ingest(corpusDir);
  for (const warning of warnings) console.error(`Let op: ${warning}`);

  const routes = loadRouteDir(routesDir);
  const regions = checkRegions ? loadRegionDir(regionsDir) : { values: [], problems: [] };
  const passages = new SourcePassages(knowledge);
  const problems = [
    ...routes.problems,
    ...regions.problems,
    ...validateRoutes(routes.values, {
      regions: checkRegions ? regions.values : undefined,
      resolveSource: (source) => passages.resolve(source),
    }),
  ];
  if (checkRegions && !regions.values.some((r) => r.id === config.region)) {
    problems.push({ message: `WEGWIJS_REGION "${config.region}" heeft geen regiobestand in ${regionsDir} / region file missing` });
  }

  // Checklists (spoedberaad) per region, with their sources; only with the shipped content folders.
  const checklistProblems: string[] = [];
  if (checkRegions) {
    const checklist = loadChecklistForRegions({ contentDir: path.dirname(regionsDir), id: "spoedberaad" });
    checklistProblems.push(...checklist.problems.map(formatChecklistProblem));
    for (const [region, content] of checklist.byRegion) {
      checklistProblems.push(...validateChecklistSources(content, (s) => passages.resolve(s), `spoedberaad, regio ${region}`).map(formatChecklistProblem));
      console.log(`  - checklist spoedberaad (${region}): ${content.items.length} punten`);
    }
  }
  for (const message of checklistProblems) problems.push({ message });

  console.log(`Routes: ${routesDir}`);
  if (checkRegions) console.log(`Regio's: ${regionsDir} (actief: ${config.region})`);
  console.log(`Bronnen gecontroleerd tegen ${ingest.documents} documenten in ${corpusDir}`);
  for (const route of routes.values) {
    const outcomes = route.nodes.filter((n) => n.kind === "outcome").length;
    console.log(`  - ${route.id}: ${route.nodes.length} stappen, ${outcomes} uitkomsten, ${route.items.length} punten`);
  }
  if (problems.length > 0) {
    console.error(`\n${problems.length} probleem/problemen gevonden / problems found:`);
    for (const problem of problems) console.error(`  ✗ ${formatProblem(problem)}`);
    return 1;
  }
  console.log(`\nIn orde / OK: ${routes.values.length} routes${checkRegions ? `, ${regions.values.length} regio's` : ""}.`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Routecontrole mislukt / route check failed: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
