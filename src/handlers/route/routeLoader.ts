import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { type Region, regionSchema, type RouteDefinition, routeSchema } from "./routeSchema.js";
import { type SourceIndex, SourcePassages } from "./sourcePassages.js";
import { formatProblem, type RouteProblem, validateRoutes, validateSources } from "./validateRoutes.js";

export interface Loaded<T> {
  values: T[];
  problems: RouteProblem[];
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch {
    return [];
  }
}

/** Region ids shipped in a folder (file names without extension). */
export function regionIds(dir: string): string[] {
  return yamlFiles(dir).map((f) => f.replace(/\.ya?ml$/, ""));
}

/** "nodes.3.options.0.next" -> node id of nodes[3] when the raw data has one, plus the rest of the path. */
function locate(raw: unknown, issuePath: PropertyKey[]): { node?: string; at: string } {
  if (issuePath[0] === "nodes" && typeof issuePath[1] === "number") {
    const node = (raw as { nodes?: Array<{ id?: unknown }> }).nodes?.[issuePath[1]];
    const id = typeof node?.id === "string" ? node.id : `#${issuePath[1] + 1}`;
    return { node: id, at: issuePath.slice(2).map(String).join(".") };
  }
  return { at: issuePath.map(String).join(".") };
}

function loadDir<T extends { id: string }>(dir: string, schema: z.ZodType<T>, kind: string): Loaded<T> {
  const values: T[] = [];
  const problems: RouteProblem[] = [];
  const files = yamlFiles(dir);
  if (files.length === 0) problems.push({ message: `geen ${kind}bestanden (*.yaml) in ${dir} / no ${kind} files found` });
  for (const file of files) {
    let raw: unknown;
    try {
      raw = parse(readFileSync(path.join(dir, file), "utf8"));
    } catch (error) {
      problems.push({ file, message: `geen geldige YAML / invalid YAML: ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const route = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : undefined;
      for (const issue of parsed.error.issues) {
        const { node, at } = locate(raw, issue.path);
        problems.push({ file, route, node, message: `${at || "(bestand)"}: ${issue.message}` });
      }
      continue;
    }
    const expected = file.replace(/\.ya?ml$/, "");
    if (parsed.data.id !== expected) {
      problems.push({ file, message: `id "${parsed.data.id}" moet gelijk zijn aan de bestandsnaam "${expected}" / id must match the file name` });
      continue;
    }
    values.push(parsed.data);
  }
  return { values, problems };
}

export function loadRouteDir(dir: string): Loaded<RouteDefinition> {
  return loadDir(dir, routeSchema, "route");
}

export function loadRegionDir(dir: string): Loaded<Region> {
  return loadDir(dir, regionSchema, "regio");
}

/** The routes of the configured region, validated and with their sources resolved. */
export interface RouteCatalog {
  region: Region;
  /** Offered routes in menu order. */
  routes: RouteDefinition[];
  passages: SourcePassages;
}

export class RouteContentError extends Error {
  constructor(readonly problems: RouteProblem[]) {
    super(
      "Routes ongeldig / invalid route content:\n" + problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
    this.name = "RouteContentError";
  }
}

export interface CatalogResult {
  catalog?: RouteCatalog;
  /** Content errors (schema, graph): a broken deployment. */
  contentProblems: RouteProblem[];
  /** Sources the current index cannot resolve (another corpus, missing documents). */
  sourceProblems: RouteProblem[];
}

/**
 * Loads and checks routes and regions for one region. Content errors and source errors are
 * kept apart: the first is a broken release, the second depends on the corpus in use.
 */
export function loadRouteCatalog(options: { routesDir: string; regionsDir: string; region: string; index: SourceIndex }): CatalogResult {
  const routes = loadRouteDir(options.routesDir);
  const regions = loadRegionDir(options.regionsDir);
  const contentProblems = [...routes.problems, ...regions.problems];
  const region = regions.values.find((r) => r.id === options.region);
  if (!region) {
    contentProblems.push({ message: `regio "${options.region}" niet gevonden in ${options.regionsDir} / region not found` });
  }
  contentProblems.push(...validateRoutes(routes.values, { regions: regions.values }));
  const passages = new SourcePassages(options.index);
  // Only the routes of this region (and their regions' contacts) need to resolve in this corpus.
  const offered = region ? routes.values.filter((r) => region.routes.includes(r.id)) : [];
  const sourceProblems = validateSources(offered, region ? [region] : [], (s) => passages.resolve(s));
  if (!region || contentProblems.length > 0) return { contentProblems, sourceProblems };
  const byId = new Map(offered.map((r) => [r.id, r]));
  return {
    catalog: { region, routes: region.routes.map((id) => byId.get(id)!), passages },
    contentProblems,
    sourceProblems,
  };
}
