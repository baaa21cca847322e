import { consultHandoverAction } from "../../bot/consultHandover.js";
import type { Reply, ReplyAction, ReplyPart, SourceCitation } from "../../bot/reply.js";
import { type OutcomeNode, type Region, type RouteDefinition, type RouteItem, type RouteNode, type RouteSource, transitionTargets } from "./routeSchema.js";
import type { RouteSession } from "./routeSessionStore.js";
import { otherRegionThan } from "../ask/otherRegion.js";
import type { SourcePassages } from "./sourcePassages.js";

/** Action ids of the route conversation; values are ids and indexes only, never personal data. */
export const ROUTE_ACTION = {
  start: "route.start",
  choose: "route.choose",
  answer: "route.answer",
  freeText: "route.freeText",
  back: "route.back",
  restart: "route.restart",
  restartConfirmed: "route.restartConfirmed",
  why: "route.why",
  resume: "route.resume",
  escalateSpoedberaad: "route.escalate.spoedberaad",
  escalateConsult: "route.escalate.consult",
} as const;

/**
 * Says what the route is not, without a claim of its own: who asks for a (spoed)machtiging and who
 * decides on it is in no plan document (issue 11: route texts say only what a passage says; the
 * notice named the kinderrechter and who asks, and a new-user try read it as the route's answer).
 */
export const LEGAL_NOTICE =
  "Dit is geen juridisch advies. Wie een (spoed)machtiging aanvraagt en wie erover beslist, beschrijven de plandocumenten niet.";

export const PRIVACY_NOTICE = "Noem geen namen, BSN of adressen: gebruik rollen (moeder, mentor) of een eigen casusnummer.";

export function stepValue(routeId: string, nodeId: string, option?: number): string {
  return option === undefined ? `${routeId}:${nodeId}` : `${routeId}:${nodeId}:${option}`;
}

/** Fills {servicepunt}, {expertteam}, ... with the region's names and channels. */
export function fillText(text: string, region: Region): string {
  const values: Record<string, string> = {
    servicepunt: region.servicepunt.name,
    "servicepunt-contact": region.servicepunt.contact,
    expertteam: region.expertteam.name,
    "expertteam-contact": region.expertteam.contact,
    regio: region.name,
  };
  return text.replace(/\{([^}]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export interface RenderContext {
  region: Region;
  /** Routes offered in the region (a nextRoute elsewhere is not offered). */
  routes: RouteDefinition[];
  passages: SourcePassages;
}

function navActions(route: RouteDefinition, nodeId: string): ReplyPart {
  return {
    kind: "actions",
    actions: [
      { id: ROUTE_ACTION.back, label: "Terug", value: stepValue(route.id, nodeId) },
      { id: ROUTE_ACTION.restart, label: "Opnieuw beginnen" },
      { id: ROUTE_ACTION.why, label: "Waarom?", value: stepValue(route.id, nodeId) },
    ],
  };
}

/** Next nodes of a node, whatever the conditions. */
function successors(node: RouteNode): string[] {
  switch (node.kind) {
    case "question":
      return [...node.options.flatMap((o) => transitionTargets(o.next)), ...(node.freeText ? transitionTargets(node.freeText.next) : [])];
    case "information":
    case "action":
      return transitionTargets(node.next);
    case "outcome":
      return [];
  }
}

const remainingCache = new WeakMap<RouteDefinition, Map<string, number>>();

/**
 * The most steps still ahead of a node on any path to an outcome (0 at an outcome). Paths are
 * followed without revisiting a node, so a loop with an exit cannot count forever.
 */
export function longestRemaining(route: RouteDefinition, nodeId: string): number {
  let cache = remainingCache.get(route);
  if (!cache) remainingCache.set(route, (cache = new Map()));
  const hit = cache.get(nodeId);
  if (hit !== undefined) return hit;
  const byId = new Map(route.nodes.map((n) => [n.id, n]));
  const walk = (id: string, onPath: Set<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    let best = 0;
    onPath.add(id);
    for (const next of successors(node)) if (!onPath.has(next)) best = Math.max(best, 1 + walk(next, onPath));
    onPath.delete(id);
    return best;
  };
  const result = walk(nodeId, new Set());
  cache.set(nodeId, result);
  return result;
}

/**
 * "stap 3 · nog hooguit 7 stappen": the step taken now, and the most it can still take to reach an
 * outcome. An upper bound, said as one: "stap 3 van 12" read as a total that shrank (12, 12, 11,
 * 10) whenever an answer skipped a step (found by a new-user try).
 */
export function stepLabel(route: RouteDefinition, nodeId: string, stepsTaken: number): string {
  const remaining = longestRemaining(route, nodeId);
  return `stap ${stepsTaken + 1} · ${remaining === 1 ? "nog 1 stap" : `nog hooguit ${remaining} stappen`}`;
}

export function restartConfirmReply(): Reply {
  return {
    parts: [
      { kind: "text", text: "*Opnieuw beginnen?* Wat je in deze route hebt ingevuld, vervalt dan." },
      {
        kind: "actions",
        actions: [
          { id: ROUTE_ACTION.restartConfirmed, label: "Ja, opnieuw beginnen", style: "danger" },
          { id: ROUTE_ACTION.resume, label: "Nee, ga verder" },
        ],
      },
    ],
  };
}

export function pickerReply(routes: RouteDefinition[], region: Region, lead?: ReplyPart[]): Reply {
  return {
    parts: [
      ...(lead ?? []),
      {
        kind: "text",
        text: `*Plaatsingsroute* · regio ${region.name}\nKies de route die bij je situatie past. Ik loop hem stap voor stap met je door; je kunt altijd terug.`,
      },
      { kind: "actions", actions: routes.map((r) => ({ id: ROUTE_ACTION.choose, label: r.title, value: r.id })) },
      ...(routes.some((r) => r.urgent) ? [] : [noUrgentRouteNotice(region)]),
      { kind: "notice", level: "info", text: PRIVACY_NOTICE },
    ],
  };
}

/**
 * A region whose documents describe no emergency route gets none (texts say only what a passage
 * says), and is told so, with what Wegwijs can do now: a user asking for "de spoedroute" saw two
 * regular choices and no word about it (new-user try, Rijnmond).
 */
function noUrgentRouteNotice(region: Region): ReplyPart {
  return {
    kind: "notice",
    level: "info",
    text: `De plandocumenten van regio ${region.name} beschrijven geen aparte spoedroute. Is het acuut? Typ *spoedberaad* voor de checklist die je team samen afvinkt, of *consult* om het ${region.servicepunt.name} om raad te vragen.`,
  };
}

/** One step: the question, information or action, its buttons, and Terug / Opnieuw / Waarom. */
export function stepReply(route: RouteDefinition, session: RouteSession, ctx: RenderContext, lead: ReplyPart[] = []): Reply {
  const node = route.nodes.find((n) => n.id === session.nodeId)!;
  if (node.kind === "outcome") return outcomeReply(route, node, session, ctx, lead);
  const answers: ReplyAction[] = [];
  switch (node.kind) {
    case "question":
      node.options.forEach((option, i) =>
        answers.push({ id: ROUTE_ACTION.answer, label: fillText(option.label, ctx.region), value: stepValue(route.id, node.id, i) }),
      );
      if (node.freeText) {
        answers.push({ id: ROUTE_ACTION.freeText, label: fillText(node.freeText.label, ctx.region), value: stepValue(route.id, node.id) });
      }
      break;
    case "information":
      answers.push({ id: ROUTE_ACTION.answer, label: "Verder", value: stepValue(route.id, node.id, 0), style: "primary" });
      break;
    case "action":
      answers.push({ id: ROUTE_ACTION.answer, label: "Oké, verder", value: stepValue(route.id, node.id, 0), style: "primary" });
      break;
  }
  return {
    parts: [
      ...lead,
      { kind: "text", text: `*${route.title}* · ${stepLabel(route, node.id, session.history.length)}\n${fillText(node.text, ctx.region)}${fromRegion(node, ctx)}` },
      { kind: "actions", actions: answers },
      navActions(route, node.id),
    ],
  };
}

export function freeTextPromptReply(route: RouteDefinition, node: RouteNode, ctx: RenderContext): Reply {
  const prompt = node.kind === "question" && node.freeText ? node.freeText.prompt : "";
  return {
    parts: [
      { kind: "text", text: `${fillText(prompt, ctx.region)}\nTyp je antwoord als gewoon bericht.` },
      { kind: "notice", level: "info", text: PRIVACY_NOTICE },
      { kind: "actions", actions: [{ id: ROUTE_ACTION.resume, label: "Toch kiezen uit de knoppen" }] },
    ],
  };
}

/**
 * Where a step's source holds, when that is another region than the one served: a route offered
 * in Rijnmond rests partly on the Groningen/Drenthe presentation, and its figures read as
 * Rijnmond's (new-user try of the nineteenth session: "circa 70%" in a route labelled Rijnmond).
 */
function fromRegion(node: Pick<RouteNode, "source">, ctx: RenderContext, which = "Dit komt"): string {
  const other = otherRegionThan(ctx.passages.regionOf(node.source), ctx.region.name);
  return other ? `\n${which} uit een document over regio ${other}.` : "";
}

export function whyReply(route: RouteDefinition, node: RouteNode, ctx: RenderContext): Reply {
  const passage = ctx.passages.passage(node.source);
  // A question that records one item of the route says why that item matters, from the item's own
  // source; the step's passage follows (new-user try: "Waarom?" at the analysis step cited only
  // the four-word line "(Gezamenlijke verklarende) Analyse opstellen").
  const recorded = node.kind === "question" ? new Set(node.options.flatMap((o) => Object.keys(o.records ?? {}))) : new Set<string>();
  const item = recorded.size === 1 ? route.items.find((i) => recorded.has(i.id)) : undefined;
  const itemPassage = item ? ctx.passages.passage(item.source) : undefined;
  // The item's reason and the step may rest on the same passage: one source, cited once (new-user
  // try: "Waarom?" listed the same quote as [1] and [2]).
  const samePassage = itemPassage !== undefined && itemPassage.quote === passage.quote && itemPassage.documentId === passage.documentId;
  const [text, sources] =
    !item || !itemPassage
      ? [`*Waarom deze stap?* Hij rust op deze passage uit de plandocumenten:${fromRegion(node, ctx)}`, [{ n: 1, ...passage }]]
      : samePassage
        ? [`*Waarom deze stap?* ${fillText(item.why, ctx.region)} [1] De stap zelf komt uit dezelfde bron.${fromRegion(node, ctx)}`, [{ n: 1, ...passage }]]
        : [
            `*Waarom deze stap?* ${fillText(item.why, ctx.region)} [1]${fromRegion(item, ctx, "Bron 1 komt")}\nDe stap zelf komt uit bron 2.${fromRegion(node, ctx, "Bron 2 komt")}`,
            [{ n: 1, ...itemPassage }, { n: 2, ...passage }],
          ];
  return {
    parts: [
      { kind: "text", text },
      { kind: "sources", title: sources.length === 1 ? "Bron" : "Bronnen", sources },
      // At an outcome the walk is done: the button goes back to it (new-user try: "Verder met de route" after the end).
      { kind: "actions", actions: [{ id: ROUTE_ACTION.resume, label: node.kind === "outcome" ? "Terug naar de uitkomst" : "Verder met de route", value: stepValue(route.id, node.id) }] },
    ],
  };
}

/** What the walk recorded, in the route's item order. */
export interface RouteSummary {
  route: RouteDefinition;
  outcome: OutcomeNode;
  region: Region;
  done: RouteItem[];
  missing: RouteItem[];
  notes: Array<{ label: string; text: string }>;
  nextStep: string;
}

export function summarize(route: RouteDefinition, outcome: OutcomeNode, session: RouteSession, region: Region): RouteSummary {
  const notes = session.notes.map((note) => {
    const node = route.nodes.find((n) => n.id === note.nodeId);
    // A note typed with a button says which step it is about by the item that step records
    // (new-user try: "Aantekening: wel gestart" did not say what was started).
    const item = node?.kind === "question" ? route.items.find((i) => node.options.some((option) => option.records?.[i.id] !== undefined)) : undefined;
    const label = node?.kind === "question" && node.freeText ? node.freeText.label : item ? `Aantekening bij „${item.label}”` : "Aantekening";
    return { label: fillText(label, region), text: note.text };
  });
  return {
    route,
    outcome,
    region,
    done: route.items.filter((i) => session.records[i.id] === "done"),
    missing: route.items.filter((i) => session.records[i.id] === "missing"),
    notes,
    nextStep: escalationText(outcome, region, new Set(Object.keys(session.records).filter((id) => session.records[id] === "done"))),
  };
}

/**
 * The next step an outcome's escalation asks for, leaving out what the walk recorded as done
 * (item ids: "hsj" is HSJ expertise already asked via the Servicepunt). Which outcome a walk
 * reaches already depends on what is missing; this keeps a shared escalation from repeating a
 * part that was done.
 */
export function escalationText(outcome: OutcomeNode, region: Region, done: ReadonlySet<string> = new Set()): string {
  const { servicepunt: sp, expertteam: et } = region;
  switch (outcome.escalation) {
    case "servicepunt":
      return `Leg een consultvraag voor aan het ${sp.name} (${sp.contact}). Doe dat op tijd, niet pas als het knelt.`;
    case "spoedberaad":
      return done.has("hsj")
        ? "Organiseer een spoedberaad met de jongere en de ouders erbij."
        : `Organiseer een spoedberaad met de jongere en de ouders erbij, en vraag het ${sp.name} (${sp.contact}) of HSJ-expertise al kan aanschuiven (de werkwijze noemt dat bij wat de regio nog organiseert).`;
    case "expertteam":
      return `Leg de casus voor aan het ${et.name} (${et.contact}).${et.role ? ` ${et.role}` : ""}`;
    case "none":
      // Not "geen escalatie nodig": after an emergency route that read as if nothing were urgent (new-user try).
      return "Deze route vraagt nu geen extra stap (geen consult, spoedberaad of Expertteam). Blijf met de jongere en de omgeving in gesprek over de risico's en de veiligheid.";
  }
}


/** Plain-text summary to paste into (later: pre-fill) a consult request. Holds no personal data. */
export function summaryText(summary: RouteSummary): string {
  const lines = [
    `Plaatsingsroute: ${summary.route.title} (regio ${summary.region.name})`,
    `Uitkomst: ${summary.outcome.title}`,
  ];
  const fill = (t: string) => fillText(t, summary.region);
  if (summary.done.length > 0) lines.push("Al gedaan:", ...summary.done.map((i) => `- ${fill(i.label)}`));
  if (summary.missing.length > 0) lines.push("Nog niet gedaan:", ...summary.missing.map((i) => `- ${fill(i.label)}`));
  if (summary.notes.length > 0) lines.push("Aantekeningen:", ...summary.notes.map((n) => `- ${n.label}: ${n.text}`));
  lines.push(`Volgende stap: ${summary.nextStep}`);
  return lines.join("\n");
}

/** Numbers citations in order of first use; one number per distinct passage. */
class Citations {
  readonly list: SourceCitation[] = [];
  private readonly numbers = new Map<string, number>();
  constructor(private readonly passages: SourcePassages) {}

  cite(source: RouteSource): number {
    const passage = this.passages.passage(source);
    // Keyed by the passage itself: two hints that land on the same sentence share a number.
    const key = JSON.stringify([passage.documentId, passage.section, passage.quote]);
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.list.length + 1;
      this.numbers.set(key, n);
      this.list.push({ n, ...passage });
    }
    return n;
  }
}

export function outcomeReply(route: RouteDefinition, outcome: OutcomeNode, session: RouteSession, ctx: RenderContext, lead: ReplyPart[] = []): Reply {
  const { region } = ctx;
  const summary = summarize(route, outcome, session, region);
  const citations = new Citations(ctx.passages);
  const fill = (t: string) => fillText(t, region);
  const parts: ReplyPart[] = [
    ...lead,
    {
      kind: "text",
      text: `*${route.title}* · uitkomst\n*${fill(outcome.title)}*\n${fill(outcome.summary)} [${citations.cite(outcome.source)}]`,
    },
  ];
  if (summary.done.length > 0) {
    parts.push({
      kind: "text",
      text: ["*Dit is er al:*", ...summary.done.map((i) => `• ${fill(i.label)} [${citations.cite(i.source)}]`)].join("\n"),
    });
  }
  if (summary.missing.length > 0) {
    parts.push({
      kind: "text",
      text: [
        "*Dit ontbreekt nog, en daarom doet het ertoe:*",
        ...summary.missing.map((i) => `• *${fill(i.label)}*: ${fill(i.why)} [${citations.cite(i.source)}]`),
      ].join("\n"),
    });
  }
  if (summary.notes.length > 0) {
    parts.push({ kind: "text", text: ["*Jouw aantekeningen:*", ...summary.notes.map((n) => `• ${n.label}: ${n.text}`)].join("\n") });
  }
  parts.push({ kind: "text", text: `*Volgende stap:* ${summary.nextStep}` });
  parts.push({ kind: "sources", title: "Bronnen", sources: citations.list });
  parts.push({ kind: "notice", level: "info", text: LEGAL_NOTICE });

  const next: ReplyAction[] = [];
  if (outcome.escalation === "spoedberaad") {
    next.push({ id: ROUTE_ACTION.escalateSpoedberaad, label: "Start checklist spoedberaad", value: route.id, style: "primary" });
  }
  if (outcome.escalation !== "none") {
    // Handed over by action to the consult feature (its contract: "<target>\n<summary>"), which
    // opens its form with the summary filled in; routes know nothing else about consults.
    const target = outcome.escalation === "expertteam" ? "expertteam" : "servicepunt";
    // From the urgent route the form starts as "spoed" (new-user try: it had to be picked again).
    next.push(consultHandoverAction(target, summaryText(summary), undefined, route.urgent ? "spoed" : undefined));
  }
  const nextRoute = ctx.routes.find((r) => r.id === outcome.nextRoute);
  if (nextRoute) next.push({ id: ROUTE_ACTION.choose, label: `Verder: ${nextRoute.title}`.slice(0, 75), value: nextRoute.id });
  if (next.length > 0) parts.push({ kind: "actions", actions: next });
  parts.push(navActions(route, outcome.id));
  return { parts };
}

/** The checklist feature's start action; its value is the route summary (kept for the consult request). */
export const SPOEDBERAAD_START_ACTION = "spoedberaad.start";

/** The hand-over to the spoedberaad checklist; until the consult form exists, the summary to use now. */
export function escalationPreviewReply(kind: "spoedberaad" | "consult", summary: RouteSummary): Reply {
  const { servicepunt: sp, expertteam: et } = summary.region;
  const target = summary.outcome.escalation === "expertteam" ? et : sp;
  const fill = (t: string) => fillText(t, summary.region);
  if (kind === "spoedberaad") {
    const open = summary.missing.map((i) => `• ${fill(i.label)}`);
    return {
      parts: [
        {
          kind: "text",
          text:
            "Start hieronder een gedeelde checklist voor het spoedberaad: iedereen in dit gesprek kan punten afvinken en oppakken. " +
            `Plan het spoedberaad met de jongere en de ouders erbij, en vraag het ${sp.name} (${sp.contact}) of HSJ-expertise al kan aanschuiven (de werkwijze noemt dat bij wat de regio nog organiseert).`,
        },
        ...(open.length > 0 ? [{ kind: "text" as const, text: ["*Breng deze punten in:*", ...open].join("\n") }] : []),
        {
          kind: "actions",
          actions: [
            // Handed over by action id: the checklist feature answers it (the route does not import it).
            { id: SPOEDBERAAD_START_ACTION, label: "Start de checklist", value: summaryText(summary).slice(0, 1900), style: "primary" },
            { id: ROUTE_ACTION.resume, label: "Terug naar de uitkomst" },
          ],
        },
      ],
    };
  }
  return {
    parts: [
      {
        kind: "text",
        text:
          `Binnenkort maakt deze knop een consultaanvraag aan het ${target.name}, met je routesamenvatting al ingevuld. ` +
          `Tot die tijd kun je contact opnemen ${target.contact} en deze samenvatting meesturen:`,
      },
      { kind: "text", text: summaryText(summary) },
      { kind: "actions", actions: [{ id: ROUTE_ACTION.resume, label: "Terug naar de uitkomst" }] },
    ],
  };
}
