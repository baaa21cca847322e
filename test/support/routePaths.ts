/**
 * Every path through a route, enumerated from the route graph, and a surface-neutral walker.
 * The web chat test drives it over POST /api/chat; Slack and Teams tests can reuse it with a
 * driver that sends signed Slack requests or playground activities and reads back what the
 * user would see (texts and buttons).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { ReplyPart } from "../../src/bot/reply.js";
import { loadRegionDir, loadRouteDir } from "../../src/handlers/route/routeLoader.js";
import { fillText } from "../../src/handlers/route/routeReplies.js";
import type { ItemStatus, Region, RouteDefinition, RouteNode, Transition } from "../../src/handlers/route/routeSchema.js";

const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content");

export function shippedRoutes(): RouteDefinition[] {
  const { values, problems } = loadRouteDir(path.join(contentDir, "routes"));
  if (problems.length > 0) throw new Error(`shipped routes do not load: ${JSON.stringify(problems)}`);
  return values;
}

export function shippedRegions(): Region[] {
  const { values, problems } = loadRegionDir(path.join(contentDir, "regions"));
  if (problems.length > 0) throw new Error(`shipped regions do not load: ${JSON.stringify(problems)}`);
  return values;
}

export type PathStep =
  | { kind: "option"; nodeId: string; index: number; label: string }
  /** "Verder" on an information or action node. */
  | { kind: "continue"; nodeId: string }
  | { kind: "freeText"; nodeId: string; label: string; text: string };

export interface RoutePath {
  routeId: string;
  region: string;
  steps: PathStep[];
  /** Nodes shown, in order: start first, the outcome last. */
  nodes: string[];
  outcome: string;
  /** Item ids in route order. */
  done: string[];
  missing: string[];
  /** Typed answers, in order. */
  notes: string[];
}

/**
 * Evaluates a transition on its own (not via the app's resolver), so a bug there shows up as a
 * mismatch between the walk and the expectation instead of being copied into both.
 */
function follow(transition: Transition, region: string, records: Record<string, ItemStatus>): string {
  if (typeof transition === "string") return transition;
  const hit = transition.find(
    ({ when }) =>
      !when ||
      ((when.region === undefined || when.region.includes(region)) &&
        (when.missing === undefined || when.missing.some((id) => records[id] === "missing"))),
  );
  return (hit ?? transition[transition.length - 1]!).to;
}

/**
 * All paths from start to an outcome for one region. A node is not entered twice on one path,
 * so a cycle (which the validator allows only with an exit) is walked once, not forever.
 */
export function enumeratePaths(route: RouteDefinition, region: string, typed = (nodeId: string) => `rol: mentor (${nodeId})`): RoutePath[] {
  const nodes = new Map(route.nodes.map((n) => [n.id, n] as const));
  const paths: RoutePath[] = [];
  const walk = (node: RouteNode, steps: PathStep[], seen: string[], records: Record<string, ItemStatus>, notes: string[]) => {
    const here = [...seen, node.id];
    const go = (transition: Transition, step: PathStep, add: Record<string, ItemStatus> | undefined, note?: string) => {
      const nextRecords = { ...records, ...add };
      const to = follow(transition, region, nextRecords);
      if (here.includes(to)) return;
      walk(nodes.get(to)!, [...steps, step], here, nextRecords, note === undefined ? notes : [...notes, note]);
    };
    switch (node.kind) {
      case "outcome":
        paths.push({
          routeId: route.id,
          region,
          steps,
          nodes: here,
          outcome: node.id,
          done: route.items.filter((i) => records[i.id] === "done").map((i) => i.id),
          missing: route.items.filter((i) => records[i.id] === "missing").map((i) => i.id),
          notes,
        });
        return;
      case "question":
        node.options.forEach((option, index) => go(option.next, { kind: "option", nodeId: node.id, index, label: option.label }, option.records));
        if (node.freeText) {
          const text = typed(node.id);
          go(node.freeText.next, { kind: "freeText", nodeId: node.id, label: node.freeText.label, text }, node.freeText.records, text);
        }
        return;
      case "information":
        if (node.next) go(node.next, { kind: "continue", nodeId: node.id }, undefined);
        return;
      case "action":
        if (node.next) go(node.next, { kind: "continue", nodeId: node.id }, node.records);
        return;
    }
  };
  walk(nodes.get(route.start)!, [], [], {}, []);
  return paths;
}

/** What a user sees of one reply, whatever the surface: its text and its buttons. */
export interface SeenReply {
  text: string;
  actions: Array<{ id: string; label: string; value?: string }>;
}

export interface RouteDriver {
  say(text: string): Promise<SeenReply>;
  press(action: { id: string; value?: string }): Promise<SeenReply>;
}

/** The web chat and other callers that get the Reply model itself. */
export function seenFromParts(parts: ReplyPart[]): SeenReply {
  const text: string[] = [];
  const actions: SeenReply["actions"] = [];
  for (const part of parts) {
    switch (part.kind) {
      case "text":
      case "heading":
      case "notice":
        text.push(part.text);
        break;
      case "sources":
        text.push(part.title, ...part.sources.map((s) => `${s.n} ${s.documentTitle} ${s.section} ${s.quote}`));
        break;
      case "actions":
        actions.push(...part.actions.map((a) => ({ id: a.id, label: a.label, value: a.value })));
        break;
      case "choices":
        text.push(part.prompt);
        actions.push(...part.choices.map((c) => ({ id: part.actionId, label: c.label, value: c.value })));
        break;
      default:
        break;
    }
  }
  return { text: text.join("\n"), actions };
}

const plain = (s: string) => s.replace(/[*_]/g, "").replace(/\s+/g, " ").trim();

export function findAction(seen: SeenReply, id: string, value?: string): SeenReply["actions"][number] {
  const action = seen.actions.find((a) => a.id === id && (value === undefined || a.value === value));
  expect(action, `button ${id} ${value ?? ""} in ${JSON.stringify(seen.actions)}`).toBeDefined();
  return action!;
}

/** The step a reply shows, read from its "Waarom?" button (route:node). */
export function shownStep(seen: SeenReply): string | undefined {
  return seen.actions.find((a) => a.id === "route.why")?.value;
}

/** The lines of one outcome section ("Dit is er al:" / "Dit ontbreekt nog..."), without markup. */
export function outcomeSection(seen: SeenReply, heading: "Dit is er al:" | "Dit ontbreekt nog"): string[] {
  const lines = seen.text.split("\n").map(plain);
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith("•")) break;
    out.push(line);
  }
  return out;
}

/**
 * Walks one path: "route", pick the route, then every step's button (or typed answer),
 * checking at each step that the expected node is shown with Terug / Opnieuw beginnen /
 * Waarom?. Returns the outcome reply.
 */
export async function walkPath(driver: RouteDriver, route: RouteDefinition, region: Region, p: RoutePath): Promise<SeenReply> {
  const picker = await driver.say("route");
  let seen = await driver.press(findAction(picker, "route.choose", route.id));
  const expectStep = (nodeId: string) => {
    expect(shownStep(seen), `${route.id}: expected step ${nodeId}\n${seen.text}`).toBe(`${route.id}:${nodeId}`);
    findAction(seen, "route.back", `${route.id}:${nodeId}`);
    findAction(seen, "route.restart");
  };
  for (const step of p.steps) {
    expectStep(step.nodeId);
    switch (step.kind) {
      case "option": {
        const button = findAction(seen, "route.answer", `${route.id}:${step.nodeId}:${step.index}`);
        expect(button.label).toBe(fillText(step.label, region));
        seen = await driver.press(button);
        break;
      }
      case "continue":
        seen = await driver.press(findAction(seen, "route.answer", `${route.id}:${step.nodeId}:0`));
        break;
      case "freeText": {
        const prompt = await driver.press(findAction(seen, "route.freeText", `${route.id}:${step.nodeId}`));
        expect(prompt.text).toMatch(/Typ je antwoord/);
        seen = await driver.say(step.text);
        break;
      }
    }
  }
  expectStep(p.outcome);
  return seen;
}

/** The outcome reply names the outcome and lists exactly the path's done and missing items. */
export function expectOutcome(seen: SeenReply, route: RouteDefinition, region: Region, p: RoutePath): void {
  const outcome = route.nodes.find((n) => n.id === p.outcome)!;
  if (outcome.kind !== "outcome") throw new Error(`${p.outcome} is not an outcome`);
  expect(plain(seen.text)).toContain(plain(fillText(outcome.title, region)));
  const label = (id: string) => plain(fillText(route.items.find((i) => i.id === id)!.label, region));
  const done = outcomeSection(seen, "Dit is er al:");
  const missing = outcomeSection(seen, "Dit ontbreekt nog");
  expect(done.map((l) => l.replace(/^• /, "").replace(/ \[\d+\]$/, ""))).toEqual(p.done.map(label));
  expect(missing.map((l) => l.replace(/^• /, "").split(": ")[0])).toEqual(p.missing.map(label));
  for (const note of p.notes) expect(seen.text).toContain(note);
  expect(seen.text).toContain("Dit is geen juridisch advies");
  // The notice makes no claim of its own: who asks and who decides is in no document.
  expect(seen.text).toContain("beschrijven de plandocumenten niet");
  expect(seen.text).not.toMatch(/kinderrechter/);
}
