import { z } from "zod";

/**
 * Placement routes and regions as data (content/routes/*.yaml, content/regions/*.yaml).
 * Ids are short slugs: they travel in button values ("route:node:option"), so they must
 * never contain ":" and never carry personal data.
 */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, "alleen kleine letters, cijfers en '-' / lowercase letters, digits and '-' only");

const text = z.string().trim().min(1);
/** Slack caps button text at 75 characters; Teams and the web chat are more lenient. */
const buttonLabel = z.string().trim().min(1).max(75);

/**
 * Where a node rests in the corpus: a document file and a heading as written in it. A trail
 * "3 Parent > 3.1 Child" narrows to a sub-heading. `about` picks the sentence "Waarom?"
 * quotes; without it the section's first sentence is shown.
 */
export const routeSourceSchema = z
  .object({
    document: text,
    section: text,
    about: text.optional(),
  })
  .strict();

export const itemStatusSchema = z.enum(["done", "missing"]);
/** Checklist items an answer marks as done or missing: { itemId: status }. */
const recordsSchema = z.record(slugSchema, itemStatusSchema);

/** A condition on the walk so far: every key given must hold. */
const conditionSchema = z
  .object({
    /** Only in these regions (region ids). */
    region: z.array(slugSchema).min(1).optional(),
    /** When any of these items was recorded as missing. */
    missing: z.array(slugSchema).min(1).optional(),
  })
  .strict();

/** A node id, or a list of guarded targets of which the first that holds is taken (last one unguarded). */
const transitionSchema = z.union([
  slugSchema,
  z.array(z.object({ when: conditionSchema.optional(), to: slugSchema }).strict()).min(1),
]);

const optionSchema = z.object({ label: buttonLabel, next: transitionSchema, records: recordsSchema.optional() }).strict();

const freeTextSchema = z
  .object({
    /** Button label, and the label of the answer in the summary. */
    label: buttonLabel.default("Zelf omschrijven"),
    prompt: text,
    next: transitionSchema,
    records: recordsSchema.optional(),
  })
  .strict();

const nodeBase = { id: slugSchema, source: routeSourceSchema };

const questionNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("question"),
    text,
    // Empty is allowed here so the graph check can name a dead end instead of a schema error.
    options: z.array(optionSchema).default([]),
    freeText: freeTextSchema.optional(),
  })
  .strict();

const informationNodeSchema = z
  .object({ ...nodeBase, kind: z.literal("information"), text, next: transitionSchema.optional() })
  .strict();

/** Something the professional should do now, then carry on. */
const actionNodeSchema = z
  .object({ ...nodeBase, kind: z.literal("action"), text, next: transitionSchema.optional(), records: recordsSchema.optional() })
  .strict();

export const escalationSchema = z.enum(["servicepunt", "spoedberaad", "expertteam", "none"]);

const outcomeNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("outcome"),
    title: text,
    summary: text,
    escalation: escalationSchema,
    /** Offer this route next (e.g. the regular route after "is placement the right question?"). */
    nextRoute: slugSchema.optional(),
  })
  .strict();

export const routeNodeSchema = z.discriminatedUnion("kind", [
  questionNodeSchema,
  informationNodeSchema,
  actionNodeSchema,
  outcomeNodeSchema,
]);

/** One line of the summary: what it is, and why it matters (with its own source). */
const routeItemSchema = z.object({ id: slugSchema, label: text, why: text, source: routeSourceSchema }).strict();

export const routeSchema = z
  .object({
    id: slugSchema,
    // Shown as the button that picks the route.
    title: buttonLabel,
    intro: text,
    /** The route for an emergency authorisation: a region without one says so where routes are picked. */
    urgent: z.boolean().default(false),
    start: slugSchema,
    items: z.array(routeItemSchema).default([]),
    nodes: z.array(routeNodeSchema).min(1),
  })
  .strict();

const contactSchema = z
  .object({
    /** Name without article, e.g. "Servicepunt JeugdzorgPlus"; texts say "het {name}". */
    name: text,
    /**
     * How to reach it, as a phrase that reads after "contact opnemen" ("via je gemeente ...").
     * Only what a source gives; otherwise a neutral channel, never invented numbers or addresses.
     */
    contact: text,
    /** What it does in this region, in one sentence. */
    role: text.optional(),
    source: routeSourceSchema.optional(),
  })
  .strict();

/**
 * A question the region's documents answer, offered to new users (greeting, help, Slack's
 * suggested prompts). The title is Slack's prompt label.
 */
const exampleQuestionSchema = z
  .object({
    title: z.string().trim().min(1).max(40),
    question: z.string().trim().min(1).max(200),
  })
  .strict();

export const regionSchema = z
  .object({
    id: slugSchema,
    name: text,
    /**
     * Municipalities and places in the region: someone who says they work there ("ik werk in
     * wijkteam Rotterdam") means this region.
     */
    places: z.array(z.string().trim().min(2).max(60)).max(300).optional(),
    /** 3–4 questions the documents answer; Slack's assistant panel shows up to 4 prompts. */
    exampleQuestions: z.array(exampleQuestionSchema).min(3).max(4).optional(),
    servicepunt: contactSchema,
    expertteam: contactSchema,
    /** Route ids offered in this region, in menu order. */
    routes: z.array(slugSchema).min(1),
    /** Region changes to shared checklists (added, replaced, removed items); validated by their loader. */
    checklists: z.record(slugSchema, z.unknown()).optional(),
    /** Consult requests (service levels); read by the consult feature, not by routes. */
    consult: z.unknown().optional(),
  })
  .strict();

export type RouteSource = z.infer<typeof routeSourceSchema>;
export type ItemStatus = z.infer<typeof itemStatusSchema>;
export type Escalation = z.infer<typeof escalationSchema>;
export type Transition = z.infer<typeof transitionSchema>;
export type RouteNode = z.infer<typeof routeNodeSchema>;
export type QuestionNode = z.infer<typeof questionNodeSchema>;
export type OutcomeNode = z.infer<typeof outcomeNodeSchema>;
export type RouteItem = z.infer<typeof routeItemSchema>;
export type RouteDefinition = z.infer<typeof routeSchema>;
export type Region = z.infer<typeof regionSchema>;
export type ExampleQuestion = z.infer<typeof exampleQuestionSchema>;
export type RegionContact = z.infer<typeof contactSchema>;

/** Placeholders route texts may use; filled from the region at run time. */
export const TEXT_PLACEHOLDERS = ["servicepunt", "servicepunt-contact", "expertteam", "expertteam-contact", "regio"] as const;

/** The facts a transition condition can look at. */
export interface WalkContext {
  region: string;
  records: Readonly<Record<string, ItemStatus>>;
}

/** Every target a transition may lead to, whatever the conditions (for graph checks). */
export function transitionTargets(transition: Transition | undefined): string[] {
  if (transition === undefined) return [];
  return typeof transition === "string" ? [transition] : transition.map((t) => t.to);
}

/** The target taken for this walk: the first guard that holds. */
export function resolveTransition(transition: Transition, context: WalkContext): string {
  if (typeof transition === "string") return transition;
  for (const { when, to } of transition) {
    if (!when) return to;
    const regionOk = !when.region || when.region.includes(context.region);
    const missingOk = !when.missing || when.missing.some((item) => context.records[item] === "missing");
    if (regionOk && missingOk) return to;
  }
  // The validator requires an unguarded last entry; this only guards against unvalidated data.
  return transition[transition.length - 1]!.to;
}
