import type { ChatHandler } from "../../bot/chatHandler.js";
import type { ConversationAddress } from "../../bot/incoming.js";
import type { Delivery } from "../../bot/delivery.js";
import type { Directory } from "../../bot/directory.js";
import type { MessageSlots } from "../../delivery/messageSlots.js";
import type { JobQueue } from "../../jobs/jobQueue.js";
import type { Logger } from "../../logger.js";
import type { RecordStores } from "../../records/recordStore.js";
import type { RegionContext } from "../ask/otherRegion.js";
import { type SourceIndex, SourcePassages } from "../route/sourcePassages.js";
import { formatChecklistProblem, loadChecklistForRegions, validateChecklistSources } from "./checklistContent.js";
import { registerSpoedberaadJobs } from "./spoedberaadJobs.js";
import { spoedberaadChatHandler, SpoedberaadService } from "./spoedberaadHandler.js";

export class ChecklistContentError extends Error {
  constructor(problems: string[]) {
    super(`Checklist ongeldig / invalid checklist content:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ChecklistContentError";
  }
}

/**
 * Loads the region's spoedberaad checklist (zod at start: broken content stops the start, like
 * routes), resolves each item's source in the index, registers the feature's jobs and returns
 * its registry entry. Sources the current corpus lacks are logged; the checklist still works.
 */
export function createSpoedberaad(options: {
  contentDir: string;
  region: string;
  index: SourceIndex;
  records: RecordStores;
  directory: Directory;
  jobs: JobQueue;
  delivery: Delivery;
  slots: MessageSlots;
  reminderMs: number;
  /** Each document's region against the one served: an item's source from another region says so. */
  regions?: RegionContext;
  /** Where the asker said they work, earlier in the conversation: that region's checklist is theirs. */
  askerRegionOf?: (address: ConversationAddress) => Promise<string | undefined>;
  logger: Logger;
}): { handler: ChatHandler; service: SpoedberaadService } {
  // Every region's checklist: the served one is the default, another one is for an asker who said
  // they work there (new-user try: a Rotterdam professional got Groningen and Drenthe's items).
  const loaded = loadChecklistForRegions({ contentDir: options.contentDir, id: "spoedberaad" });
  const content = loaded.byRegion.get(options.region);
  if (loaded.problems.length > 0 || !content) {
    throw new ChecklistContentError(loaded.problems.length > 0 ? loaded.problems.map(formatChecklistProblem) : [`regio "${options.region}" niet gevonden`]);
  }
  const passages = new SourcePassages(options.index);
  for (const [id, checklist] of loaded.byRegion) {
    const sourceProblems = validateChecklistSources(checklist, (s) => passages.resolve(s), `spoedberaad, regio ${id}`);
    if (sourceProblems.length > 0) {
      options.logger.error({ count: sourceProblems.length, problems: sourceProblems.slice(0, 5).map(formatChecklistProblem) }, "spoedberaad: bronnen niet gevonden (npm run routes:check)");
    }
  }
  const byName = new Map([...loaded.names].filter(([id]) => id !== options.region && loaded.byRegion.has(id)).map(([id, name]) => [name.toLowerCase(), { name, content: loaded.byRegion.get(id)! }]));
  const contentOf = (regionName?: string) => (regionName ? byName.get(regionName.toLowerCase())?.content : undefined) ?? content;
  const service = new SpoedberaadService({
    records: options.records,
    directory: options.directory,
    content,
    regionChecklist: (name) => byName.get(name.toLowerCase()),
    passageOf: (itemId, regionName) => {
      const item = contentOf(regionName).items.find((i) => i.id === itemId);
      const found = item ? passages.resolve(item.source) : undefined;
      return found?.ok ? found.passage : undefined;
    },
    reminderMs: options.reminderMs,
    ...(options.regions ? { regions: options.regions } : {}),
    ...(options.askerRegionOf ? { askerRegionOf: options.askerRegionOf } : {}),
    logger: options.logger,
  });
  registerSpoedberaadJobs({ jobs: options.jobs, delivery: options.delivery, slots: options.slots, store: service.store, logger: options.logger });
  return { handler: spoedberaadChatHandler(service), service };
}
