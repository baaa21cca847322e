import type { Role } from "../../bot/actor.js";
import type { Delivery, DeliveryTarget } from "../../bot/delivery.js";
import type { Directory } from "../../bot/directory.js";
import type { ConsultConfig } from "../../config.js";
import { showForJob } from "../../delivery/deliveryJobs.js";
import { MessageSlots } from "../../delivery/messageSlots.js";
import type { JobQueue } from "../../jobs/jobQueue.js";
import type { Logger } from "../../logger.js";
import type { RecordStores } from "../../records/recordStore.js";
import type { KeyValueStore } from "../../stores/keyValueStore.js";
import { consultChatHandler, type RecentHandover } from "./consultChatHandler.js";
import { TARGETS, type ConsultTarget } from "./consultModel.js";
import { cardSlot, coordinatorCard } from "./consultReplies.js";
import {
  CARD_JOB,
  type CardJobData,
  ConsultService,
  SLA_JOB,
  type SlaJobData,
  THREAD_JOB,
  type ThreadJobData,
  WEBHOOK_JOB,
  type WebhookJobData,
} from "./consultService.js";
import { postWebhook } from "./consultWebhook.js";
import { loadServiceLevels, loadTargetNames } from "./serviceLevels.js";

export interface ConsultFeatureDeps {
  config: ConsultConfig;
  contentDir: string;
  region: string;
  records: RecordStores;
  store: KeyValueStore;
  jobs: JobQueue;
  delivery: Delivery;
  directory: Directory;
  logger: Logger;
  now?: () => number;
  /** What another feature just handed over in a conversation (a closed spoedberaad), for a typed "consult". */
  recentHandover?: RecentHandover;
}

/** "slack:channel:C123" / "web:user:alice" → a delivery target. */
export function parsePlace(spec: string | undefined): DeliveryTarget | undefined {
  const match = spec?.match(/^(slack|teams|web):(channel|user):(.+)$/);
  if (!match) return undefined;
  const surface = match[1] as DeliveryTarget["surface"];
  return match[2] === "channel" ? { kind: "conversation", surface, conversationId: match[3]! } : { kind: "user", surface, userId: match[3]! };
}

/**
 * Wires consult requests into the app: the service on the records seam, coordinator roles from
 * channel membership (Slack channel, linked Teams channel) or the web list, and the jobs that
 * draw the card, post into its thread, fire SLA timers and call the webhook. Register before
 * the infrastructure starts.
 */
export function createConsultFeature(deps: ConsultFeatureDeps) {
  const { config, delivery, directory, jobs, logger } = deps;
  const log = logger.child({ feature: "consult" });
  const levels = loadServiceLevels(deps.contentDir, deps.region);
  const names = loadTargetNames(deps.contentDir, deps.region);
  // Card refs live as long as a request can change.
  const slots = new MessageSlots(deps.store, config.retentionSeconds + 366 * 86_400);
  const backup = parsePlace(config.backup);

  async function places(target: ConsultTarget): Promise<DeliveryTarget[]> {
    const out: DeliveryTarget[] = [];
    const slackChannel = config.slackChannels[target];
    if (slackChannel && delivery.has("slack")) out.push({ kind: "conversation", surface: "slack", conversationId: slackChannel });
    if (delivery.has("teams")) {
      const link = await service.links.get(target);
      if (link) out.push({ kind: "conversation", surface: "teams", conversationId: link.value.conversationId });
    }
    if (delivery.has("web")) for (const userId of config.webCoordinators) out.push({ kind: "user", surface: "web", userId });
    // For the admin: a request for this target reaches no coordinator (the requester is told too).
    if (out.length === 0 && config.webhook === undefined) log.warn({ target }, "consult target has no coordinator place (Slack channel, linked Teams channel, web coordinators or webhook)");
    return out;
  }

  const service = new ConsultService({
    records: deps.records,
    jobs,
    region: deps.region,
    levels,
    retentionSeconds: config.retentionSeconds,
    places,
    webhook: config.webhook !== undefined,
    now: deps.now,
  });

  // Coordinator roles, resolved on the server for every event (the directory caches briefly).
  directory.addRoleProvider(async (actor) => {
    const roles: Role[] = [];
    for (const target of TARGETS) {
      let member = false;
      if (actor.surface === "web") member = config.webCoordinators.includes(actor.userId);
      else if (actor.surface === "slack") {
        const channel = config.slackChannels[target];
        member = channel !== undefined && (await directory.isMember("slack", channel, actor.userId));
      } else {
        const link = await service.links.get(target);
        member = link !== undefined && (await directory.isMember("teams", link.value.conversationId, actor.userId));
      }
      if (member) roles.push(`coordinator:${target}`);
    }
    return roles;
  });

  jobs.register<CardJobData>(
    CARD_JOB,
    async ({ id, place }, { attempt }) => {
      // Drawn from the stored request, so a late retry never shows an older state.
      const current = await service.get(id);
      if (!current) return;
      await showForJob(delivery, slots, place, coordinatorCard(current.value), attempt, log);
    },
    { attempts: 15, backoffMs: 1000 },
  );

  jobs.register<ThreadJobData>(
    THREAD_JOB,
    async ({ id, place, text }, { attempt }) => {
      // In a Slack or Teams channel the line goes into the thread under the card (Slack
      // thread_ts, Teams "<channel>;messageid=<card>"); the web has no threads.
      const underCard = place.kind === "conversation" && place.surface !== "web";
      const card = await slots.get(place, cardSlot(id));
      // The card goes out first; until it is there, the reply has no thread to go under.
      if (!card && underCard) throw new Error("card not delivered yet");
      const target: DeliveryTarget = underCard && card ? { ...place, threadId: card.threadId ?? card.messageId } : place;
      await showForJob(delivery, slots, target, { parts: [{ kind: "text", text }], audience: "conversation" }, attempt, log);
    },
    { attempts: 15, backoffMs: 1000 },
  );

  jobs.register<SlaJobData>(SLA_JOB, async ({ id, step }) => {
    const fired = await service.slaDue(id, step, backup);
    log.info({ step, fired }, "consult service level timer");
  });

  const webhook = config.webhook;
  if (webhook) {
    jobs.register<WebhookJobData>(WEBHOOK_JOB, async ({ event }) => postWebhook(webhook.url, webhook.secret, event), { attempts: 20, backoffMs: 1000 });
  }

  return { service, handler: consultChatHandler(service, names, deps.recentHandover), names };
}
