import {
  type Region,
  type RouteDefinition,
  type RouteNode,
  type RouteSource,
  TEXT_PLACEHOLDERS,
  type Transition,
  transitionTargets,
} from "./routeSchema.js";
import type { SourceResolution } from "./sourcePassages.js";

/** One thing wrong with the route content; names the file, route and node where it can. */
export interface RouteProblem {
  file?: string;
  route?: string;
  node?: string;
  message: string;
}

export function formatProblem(problem: RouteProblem): string {
  const where = [
    problem.file ? `bestand ${problem.file}` : undefined,
    problem.route ? `route "${problem.route}"` : undefined,
    problem.node ? `node "${problem.node}"` : undefined,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(", ")}: ${problem.message}` : problem.message;
}

export interface ValidateOptions {
  /** Known regions: checks region conditions and that every route a region offers exists. */
  regions?: Region[];
  /** Resolves sources against the index; without it sources are not checked. */
  resolveSource?: (source: RouteSource) => SourceResolution;
}

interface Edge {
  to: string;
  /** Where the edge is written, for messages ("optie 2 (Nee)", "freeText", "next"). */
  via: string;
}

function edgesOf(node: RouteNode): Edge[] {
  const edges: Edge[] = [];
  const add = (transition: Transition | undefined, via: string) => {
    for (const to of transitionTargets(transition)) edges.push({ to, via });
  };
  switch (node.kind) {
    case "question":
      node.options.forEach((option, i) => add(option.next, `optie ${i + 1} ("${option.label}")`));
      add(node.freeText?.next, "freeText");
      break;
    case "information":
    case "action":
      add(node.next, "next");
      break;
    case "outcome":
      break;
  }
  return edges;
}

function transitionsOf(node: RouteNode): Array<{ transition: Transition; via: string }> {
  switch (node.kind) {
    case "question":
      return [
        ...node.options.map((o, i) => ({ transition: o.next, via: `optie ${i + 1}` })),
        ...(node.freeText ? [{ transition: node.freeText.next, via: "freeText" }] : []),
      ];
    case "information":
    case "action":
      return node.next ? [{ transition: node.next, via: "next" }] : [];
    case "outcome":
      return [];
  }
}

function textsOf(node: RouteNode): string[] {
  switch (node.kind) {
    case "question":
      return [node.text, ...node.options.map((o) => o.label), ...(node.freeText ? [node.freeText.prompt, node.freeText.label] : [])];
    case "information":
    case "action":
      return [node.text];
    case "outcome":
      return [node.title, node.summary];
  }
}

function recordsOf(node: RouteNode): Array<Record<string, string>> {
  switch (node.kind) {
    case "question":
      return [...node.options.flatMap((o) => (o.records ? [o.records] : [])), ...(node.freeText?.records ? [node.freeText.records] : [])];
    case "action":
      return node.records ? [node.records] : [];
    default:
      return [];
  }
}

function checkPlaceholders(texts: string[], report: (message: string) => void): void {
  for (const text of texts) {
    for (const [, name] of text.matchAll(/\{([^}]*)\}/g)) {
      if (!(TEXT_PLACEHOLDERS as readonly string[]).includes(name!)) {
        report(`onbekende plaatshouder {${name}} / unknown placeholder (bekend: ${TEXT_PLACEHOLDERS.join(", ")})`);
      }
    }
  }
}

/** Strongly connected components (Tarjan), restricted to the given nodes. */
function cyclesAmong(nodes: Set<string>, successors: (id: string) => string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of successors(v)) {
      if (!nodes.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && successors(v).includes(v);
      if (component.length > 1 || selfLoop) cycles.push(component.reverse());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return cycles;
}

/**
 * Proves each route is a well-formed graph (unique ids, every option leads to an existing
 * node, every node reachable from start, every path can end in an outcome, no cycle without
 * an exit) and that every source resolves against the index.
 */
export function validateRoutes(routes: RouteDefinition[], options: ValidateOptions = {}): RouteProblem[] {
  const problems: RouteProblem[] = [];
  const routeIds = new Set<string>();
  for (const route of routes) {
    if (routeIds.has(route.id)) problems.push({ route: route.id, message: "route-id komt twee keer voor / duplicate route id" });
    routeIds.add(route.id);
  }
  const regionIds = options.regions ? new Set(options.regions.map((r) => r.id)) : undefined;

  for (const route of routes) {
    const report = (message: string, node?: string) => problems.push({ route: route.id, node, message });
    const nodes = new Map<string, RouteNode>();
    for (const node of route.nodes) {
      if (nodes.has(node.id)) report("node-id komt twee keer voor / duplicate node id", node.id);
      else nodes.set(node.id, node);
    }
    const items = new Set<string>();
    for (const item of route.items) {
      if (items.has(item.id)) report(`item "${item.id}" komt twee keer voor / duplicate item id`);
      items.add(item.id);
    }
    checkPlaceholders([route.title, route.intro, ...route.items.flatMap((i) => [i.label, i.why])], (message) => report(message));
    if (!nodes.has(route.start)) report(`startnode "${route.start}" bestaat niet / start node does not exist`);

    // Edges, targets and references.
    const successors = new Map<string, string[]>();
    for (const node of nodes.values()) {
      const edges = edgesOf(node);
      for (const edge of edges) {
        if (!nodes.has(edge.to)) report(`${edge.via} leidt naar onbekende node "${edge.to}" / leads to a node that does not exist`, node.id);
      }
      successors.set(
        node.id,
        edges.map((e) => e.to).filter((to) => nodes.has(to)),
      );
      if (node.kind !== "outcome" && edges.length === 0) {
        report("doodlopend: geen vervolg en geen uitkomst / dead end: no way forward and not an outcome", node.id);
      }
      for (const { transition, via } of transitionsOf(node)) {
        if (typeof transition === "string") continue;
        if (transition[transition.length - 1]!.when) {
          report(`${via}: de laatste overgang moet zonder 'when' zijn / the last transition needs no condition`, node.id);
        }
        for (const { when } of transition) {
          for (const item of when?.missing ?? []) {
            if (!items.has(item)) report(`${via}: onbekend item "${item}" in 'when.missing' / unknown item`, node.id);
          }
          for (const region of when?.region ?? []) {
            if (regionIds && !regionIds.has(region)) report(`${via}: onbekende regio "${region}" / unknown region`, node.id);
          }
        }
      }
      for (const records of recordsOf(node)) {
        for (const item of Object.keys(records)) {
          if (!items.has(item)) report(`'records' noemt onbekend item "${item}" / unknown item`, node.id);
        }
      }
      checkPlaceholders(textsOf(node), (message) => report(message, node.id));
      if (node.kind === "outcome" && node.nextRoute && !routes.some((r) => r.id === node.nextRoute)) {
        report(`nextRoute "${node.nextRoute}" bestaat niet / unknown route`, node.id);
      }
    }
    const next = (id: string) => successors.get(id) ?? [];

    // Reachability from start.
    const reachable = new Set<string>();
    if (nodes.has(route.start)) {
      const queue = [route.start];
      reachable.add(route.start);
      while (queue.length > 0) {
        for (const to of next(queue.shift()!)) {
          if (!reachable.has(to)) {
            reachable.add(to);
            queue.push(to);
          }
        }
      }
      for (const id of nodes.keys()) {
        if (!reachable.has(id)) report("onbereikbaar vanaf de start / unreachable from the start node", id);
      }
    }

    // Every reachable node must be able to reach an outcome; what cannot is a cycle without exit.
    const predecessors = new Map<string, string[]>();
    for (const [from, tos] of successors) for (const to of tos) predecessors.set(to, [...(predecessors.get(to) ?? []), from]);
    const endsWell = new Set<string>([...nodes.values()].filter((n) => n.kind === "outcome").map((n) => n.id));
    const queue = [...endsWell];
    while (queue.length > 0) {
      for (const from of predecessors.get(queue.shift()!) ?? []) {
        if (!endsWell.has(from)) {
          endsWell.add(from);
          queue.push(from);
        }
      }
    }
    const stuck = new Set([...reachable].filter((id) => !endsWell.has(id)));
    for (const cycle of cyclesAmong(stuck, next)) {
      report(
        `cyclus zonder uitweg naar een uitkomst / cycle without an exit to an outcome: ${[...cycle, cycle[0]].join(" → ")}`,
        cycle[0],
      );
    }
  }

  for (const region of options.regions ?? []) {
    for (const id of region.routes) {
      if (!routeIds.has(id)) problems.push({ message: `regio "${region.id}" noemt onbekende route "${id}" / region lists an unknown route` });
    }
  }
  if (options.resolveSource) problems.push(...validateSources(routes, options.regions ?? [], options.resolveSource));
  return problems;
}

/** Every node, item and region contact rests on a passage that the index can find. */
export function validateSources(
  routes: RouteDefinition[],
  regions: Region[],
  resolveSource: (source: RouteSource) => SourceResolution,
): RouteProblem[] {
  const problems: RouteProblem[] = [];
  for (const route of routes) {
    for (const node of route.nodes) {
      const found = resolveSource(node.source);
      if (!found.ok) problems.push({ route: route.id, node: node.id, message: `bron niet gevonden / source not found: ${found.reason}` });
    }
    for (const item of route.items) {
      const found = resolveSource(item.source);
      if (!found.ok) problems.push({ route: route.id, message: `item "${item.id}": bron niet gevonden / source not found: ${found.reason}` });
    }
  }
  for (const region of regions) {
    for (const [name, contact] of [["servicepunt", region.servicepunt], ["expertteam", region.expertteam]] as const) {
      if (!contact.source) continue;
      const found = resolveSource(contact.source);
      if (!found.ok) problems.push({ message: `regio "${region.id}", ${name}: bron niet gevonden / source not found: ${found.reason}` });
    }
  }
  return problems;
}
