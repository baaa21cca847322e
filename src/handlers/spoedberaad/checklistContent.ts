import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { loadRegionDir } from "../route/routeLoader.js";
import { routeSourceSchema, slugSchema, type RouteSource } from "../route/routeSchema.js";
import type { SourceResolution } from "../route/sourcePassages.js";

/**
 * Checklists as data (content/checklists/<id>.yaml), each item resting on a passage of the corpus.
 * A region adds, replaces or removes items under `checklists.<id>` in its region file.
 */
const itemSchema = z
  .object({
    id: slugSchema.refine((id) => id.length <= 24, "hoogstens 24 tekens / at most 24 characters"),
    /** Short: it is a line on a card with buttons next to it (Slack button rows, Teams columns). */
    label: z.string().trim().min(1).max(150),
    source: routeSourceSchema,
  })
  .strict();

export const checklistContentSchema = z
  .object({
    id: slugSchema,
    title: z.string().trim().min(1).max(60),
    // At most 15: with full notes the card still fits one Slack message (10,000 characters of block text).
    items: z.array(itemSchema).min(1).max(15),
  })
  .strict();

export const regionChecklistSchema = z
  .object({
    add: z.array(itemSchema).default([]),
    replace: z.array(itemSchema).default([]),
    remove: z.array(slugSchema).default([]),
  })
  .strict();

export type ChecklistContentItem = z.infer<typeof itemSchema>;
export type ChecklistContent = z.infer<typeof checklistContentSchema>;

export interface ChecklistProblem {
  file?: string;
  message: string;
}

/** Reads and validates one checklist file; problems name the file and the field. */
export function loadChecklistFile(file: string): { checklist?: ChecklistContent; problems: ChecklistProblem[] } {
  const name = path.basename(file);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { problems: [{ file: name, message: `niet te lezen of geen geldige YAML / unreadable or invalid YAML: ${(error as Error).message.split("\n")[0]}` }] };
  }
  const parsed = checklistContentSchema.safeParse(raw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ file: name, message: `${i.path.join(".") || "(bestand)"}: ${i.message}` })) };
  }
  const problems: ChecklistProblem[] = [];
  const seen = new Set<string>();
  for (const item of parsed.data.items) {
    if (seen.has(item.id)) problems.push({ file: name, message: `item "${item.id}" komt twee keer voor / duplicate item id` });
    seen.add(item.id);
  }
  return problems.length > 0 ? { problems } : { checklist: parsed.data, problems };
}

/** The checklist as a region uses it: replaced items keep their place, added ones come last. */
export function applyRegion(base: ChecklistContent, regionRaw: unknown, regionId: string): { checklist?: ChecklistContent; problems: ChecklistProblem[] } {
  if (regionRaw === undefined) return { checklist: base, problems: [] };
  const file = `regions/${regionId}.yaml`;
  const parsed = regionChecklistSchema.safeParse(regionRaw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ file, message: `checklists.${base.id}.${i.path.join(".")}: ${i.message}` })) };
  }
  const problems: ChecklistProblem[] = [];
  const ids = new Set(base.items.map((i) => i.id));
  for (const item of parsed.data.replace) if (!ids.has(item.id)) problems.push({ file, message: `vervangt onbekend item "${item.id}" / replaces an unknown item` });
  for (const id of parsed.data.remove) if (!ids.has(id)) problems.push({ file, message: `laat onbekend item "${id}" weg / removes an unknown item` });
  for (const item of parsed.data.add) if (ids.has(item.id)) problems.push({ file, message: `voegt bestaand item "${item.id}" toe / adds an existing item (gebruik replace)` });
  if (problems.length > 0) return { problems };
  const replaced = new Map(parsed.data.replace.map((i) => [i.id, i]));
  const items = [...base.items.filter((i) => !parsed.data.remove.includes(i.id)).map((i) => replaced.get(i.id) ?? i), ...parsed.data.add];
  if (items.length === 0 || items.length > 15) return { problems: [{ file, message: `${items.length} items; 1 tot 15 toegestaan / 1 to 15 allowed` }] };
  return { checklist: { ...base, items }, problems: [] };
}

/** The checklist `id` for every region in the regions folder (or just `region`), with each region's name. */
export function loadChecklistForRegions(options: { contentDir: string; id: string; regions?: string[] }): {
  byRegion: Map<string, ChecklistContent>;
  /** Each loaded region's name ("Rijnmond"), by its id. */
  names: Map<string, string>;
  problems: ChecklistProblem[];
} {
  const base = loadChecklistFile(path.join(options.contentDir, "checklists", `${options.id}.yaml`));
  const byRegion = new Map<string, ChecklistContent>();
  const names = new Map<string, string>();
  if (!base.checklist) return { byRegion, names, problems: base.problems };
  const problems: ChecklistProblem[] = [];
  const regions = loadRegionDir(path.join(options.contentDir, "regions"));
  for (const region of regions.values) {
    if (options.regions && !options.regions.includes(region.id)) continue;
    const result = applyRegion(base.checklist, region.checklists?.[options.id], region.id);
    problems.push(...result.problems);
    if (result.checklist) byRegion.set(region.id, result.checklist);
    names.set(region.id, region.name);
  }
  return { byRegion, names, problems };
}

/** Every item's source must resolve in the index (the quote is retrieved there, never written here). */
export function validateChecklistSources(
  checklist: ChecklistContent,
  resolve: (source: RouteSource) => SourceResolution,
  where: string,
): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  for (const item of checklist.items) {
    const found = resolve(item.source);
    if (!found.ok) problems.push({ file: where, message: `item "${item.id}": bron niet gevonden / source not found: ${found.reason}` });
  }
  return problems;
}

export function formatChecklistProblem(problem: ChecklistProblem): string {
  return problem.file ? `checklist (${problem.file}): ${problem.message}` : `checklist: ${problem.message}`;
}
