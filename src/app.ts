import { createServer, type Server } from "node:http";
import path from "node:path";
import { Delivery } from "./bot/delivery.js";
import { Directory } from "./bot/directory.js";
import type { ChatHandler } from "./bot/chatHandler.js";
import type { ConversationAddress } from "./bot/incoming.js";
import { createBot, type Bot } from "./router/router.js";
import { createRegistry } from "./router/handlers.js";
import type { Config } from "./config.js";
import { AnswerLog } from "./handlers/ask/answerLog.js";
import { FollowUpMemory } from "./handlers/ask/followUp.js";
import { AskHandler } from "./handlers/ask/askHandler.js";
import { type RegionContext, regionNamed } from "./handlers/ask/otherRegion.js";
import { AskService, DEFAULT_ASK_OPTIONS } from "./handlers/ask/askService.js";
import { createAnswerService } from "./answerPool/createAnswerService.js";
import { metricsRouter } from "./integrations/http/metricsRouter.js";
import { createRouteHandler } from "./handlers/route/routeHandler.js";
import { loadRegionDir } from "./handlers/route/routeLoader.js";
import { createConsultFeature } from "./handlers/consult/consultFeature.js";
import { createInfrastructure } from "./infrastructure.js";
import { registerDeliveryJobs } from "./delivery/deliveryJobs.js";
import { MessageSlots } from "./delivery/messageSlots.js";
import { createHttpApp } from "./integrations/http/createHttpApp.js";
import { oneRequestPerTurn } from "./integrations/http/oneRequestPerTurn.js";
import { TurnScheduler } from "./integrations/turnScheduler.js";
import { createApiRateLimits } from "./integrations/http/rateLimits.js";
import { createOpenAIEmbedder } from "./integrations/openai/embedder.js";
import { answerGeneratorFor } from "./integrations/openai/groundedAnswerer.js";
import { createSlackSurface } from "./integrations/slack/slackSurface.js";
import type { Surface, SurfaceDeps } from "./integrations/surface.js";
import { createTeamsSurface } from "./integrations/teams/teamsSurface.js";
import { chatApi } from "./integrations/web/chatApi.js";
import { createWebDeliverer } from "./integrations/web/webDeliverer.js";
import { WebDirectory } from "./integrations/web/webDirectory.js";
import { createSpoedberaad } from "./handlers/spoedberaad/createSpoedberaad.js";
import { createMemoryWebStreamHub, createRedisWebStreamHub } from "./integrations/web/webStream.js";
import { KnowledgeBase, type IngestSummary } from "./knowledge/knowledgeBase.js";
import type { Logger } from "./logger.js";
import type { JobQueue } from "./jobs/jobQueue.js";
import type { RecordStores } from "./records/recordStore.js";
import type { KeyValueStore } from "./stores/keyValueStore.js";


/** Kept for callers that predate config.contentDir. */
export { defaultContentDir as contentDir } from "./config.js";

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

export interface Wegwijs {
  bot: Bot;
  /** Posts and updates messages on any configured surface (Slack, Teams, web). */
  delivery: Delivery;
  surfaces: Surface[];
  knowledge: KnowledgeBase;
  store: KeyValueStore;
  records: RecordStores;
  jobs: JobQueue;
  ingest: IngestSummary;
  listen(): Promise<Server>;
  close(): Promise<void>;
}

/** Composition root: wires config into stores, knowledge, handlers and surfaces. */
export interface WegwijsOptions {
  /** Handlers added to the registry after the shipped ones (tests, region plug-ins). */
  extraHandlers?: readonly ChatHandler[];
}

export async function createWegwijs(config: Config, logger: Logger, options: WegwijsOptions = {}): Promise<Wegwijs> {
  const { contentDir } = config;
  const infrastructure = createInfrastructure({ redisUrl: config.redisUrl, keyPrefix: config.redisPrefix, logger });
  const { store, records, jobs } = infrastructure;

  const openai = config.openai;
  const embedder =
    openai?.embeddingModel !== undefined
      ? createOpenAIEmbedder({ apiKey: openai.apiKey, baseURL: openai.baseURL, model: openai.embeddingModel, timeoutMs: openai.timeoutMs })
      : undefined;
  const knowledge = new KnowledgeBase({
    contentDir,
    dataDir: config.dataDir,
    embedder,
    warn: (message) => logger.warn(message),
  });
  const ingest = await knowledge.ingest(config.corpusDir);
  logger.info(
    { documents: ingest.documents, chunks: ingest.chunks, skipped: ingest.skipped.length, fromSnapshot: ingest.fromSnapshot, seconds: Number(ingest.seconds.toFixed(2)) },
    ingest.documents === 0 ? "geen documenten geïndexeerd" : "documenten geïndexeerd",
  );

  const generator = answerGeneratorFor(openai);
  const askService = new AskService(knowledge, logger, generator, {
    ...DEFAULT_ASK_OPTIONS,
    generatorTimeoutMs: openai?.timeoutMs ?? DEFAULT_ASK_OPTIONS.generatorTimeoutMs,
  });
  // Answers are composed in worker threads (each loads the snapshot ingest just wrote).
  const answers = await createAnswerService(config, contentDir, askService, logger);
  // Kept per conversation by the answers; the route choice and the spoedberaad checklist read where the asker said they work.
  const followUps = new FollowUpMemory(store, config.followUpTtlSeconds);
  const askerRegionOf = async (address: ConversationAddress) => (await followUps.previous(address))?.askerRegion;
  // `regions` is set below; the route handler reads it only when a message comes in.
  const regionNamedIn = (text: string) => regionNamed(text, regions);
  const route = createRouteHandler({ contentDir, region: config.region, index: knowledge, records, ttlSeconds: config.stateTtlSeconds, askerRegionOf, regionNamedIn, logger });
  const directory = new Directory({ admins: config.admins });
  const webMembers = new WebDirectory(store, config.stateTtlSeconds);
  if (config.web.mode !== "off") directory.register(webMembers);
  const delivery = new Delivery();
  const slots = new MessageSlots(store, config.stateTtlSeconds);
  // Which region each document is about, against the region served: answers and checklist sources say so.
  // Every region file's places: who says they work in Rotterdam means Rijnmond, whichever region is served.
  const regionFiles = loadRegionDir(path.join(contentDir, "regions")).values;
  const regions: RegionContext = {
    served: () => route.region?.name,
    documentRegion: (id) => knowledge.documentRegion(id),
    regions: () => knowledge.documentMetas().flatMap((meta) => (meta.region ? [meta.region] : [])),
    documents: () => knowledge.documentMetas().map((meta) => meta.id),
    placesOf: (name) => regionFiles.find((region) => region.name.toLowerCase() === name.trim().toLowerCase())?.places ?? [],
  };
  const spoedberaad = createSpoedberaad({
    contentDir,
    region: config.region,
    index: knowledge,
    records,
    directory,
    jobs,
    delivery,
    slots,
    reminderMs: config.checklistReminderMs,
    regions,
    askerRegionOf,
    logger,
  });
  const consult = createConsultFeature({
    config: config.consult, contentDir, region: config.region, records, store, jobs, delivery, directory, logger,
    // "consult" typed after a spoedberaad here: its summary fills the form, as the summary's button does.
    recentHandover: (address) => spoedberaad.service.closedHandover(address),
  });
  const { registry, fallback } = createRegistry({
    ask: new AskHandler(answers, new AnswerLog(store, config.answerTtlSeconds), followUps, regions),
    documentCount: () => knowledge.documentCount,
    documentTitles: () => knowledge.documentTitles(),
    route,
    spoedberaad: spoedberaad.handler,
    consult: consult.handler,
    extra: options.extraHandlers,
  });
  const bot = createBot({ registry, directory, fallback, logger });

  const surfaceDeps: SurfaceDeps = {
    bot,
    store,
    logger,
    documentCount: () => knowledge.documentCount,
    directory,
    stateTtlSeconds: config.stateTtlSeconds,
    region: route.region,
  };
  const surfaces: Surface[] = [];
  if (config.slack) surfaces.push(createSlackSurface(surfaceDeps, config.slack));
  if (config.teams) surfaces.push(createTeamsSurface(surfaceDeps, config.teams));
  for (const surface of surfaces) {
    if (surface.deliverer) delivery.register(surface.deliverer);
    if (surface.directory) directory.register(surface.directory);
  }
  const hub = config.redisUrl ? createRedisWebStreamHub(config.redisUrl, config.redisPrefix) : createMemoryWebStreamHub();
  if (config.web.mode !== "off") delivery.register(createWebDeliverer(hub));
  registerDeliveryJobs(jobs, delivery, slots, logger);
  for (const surface of surfaces) await surface.start?.();
  // Job handlers are registered above (features, deliverers); workers and the outbox relay start now.
  await infrastructure.start();
  logger.info({ surfaces: ["web", ...surfaces.map((s) => s.name)] }, "kanalen actief");

  const streams = new Set<import("express").Response>();
  if (config.web.mode === "local" && !isLoopback(config.host)) {
    logger.warn(
      { host: config.host },
      "De webchat (WEGWIJS_WEB_AUTH=local) is bereikbaar buiten deze machine en kent geen aanmelding. Gebruik WEGWIJS_WEB_AUTH=proxy achter een aanmeldende proxy, of HOST=127.0.0.1.",
    );
  }
  const rateLimits = createApiRateLimits({
    ...config.rateLimit,
    redis: config.redisUrl ? { url: config.redisUrl, keyPrefix: config.redisPrefix ?? "" } : undefined,
    logger,
  });
  await rateLimits.ready();
  const app = createHttpApp({
    logger,
    servePage: config.web.mode !== "off",
    // Per IP before anything; per user after the web identity has set res.locals.webUser (chatApi).
    apiMiddleware: [rateLimits.perIp],
    routers: [metricsRouter(answers.registry), chatApi({ bot, auth: config.web, hub, logger, streams, perUser: rateLimits.perUser, members: webMembers, keepHours: config.stateTtlSeconds / 3600 }), ...surfaces.map((s) => s.router)],
    ready: async () => {
      const storeOk = await store.ping();
      return { ready: storeOk, checks: { store: storeOk, index: true } };
    },
  });

  let server: Server | undefined;
  return {
    bot,
    delivery,
    surfaces,
    knowledge,
    store,
    records,
    jobs,
    ingest,
    listen: () =>
      new Promise((resolve, reject) => {
        const turns = new TurnScheduler({ onBacklog: (pending) => logger.warn({ pending }, "http requests waiting for their turn") });
        const s = createServer(oneRequestPerTurn(app, turns));
        s.once("error", reject); // e.g. EADDRINUSE
        s.listen(config.port, config.host, () => resolve(s));
        server = s;
      }),
    close: async () => {
      // Open streams would keep the server from closing; pages reconnect to another instance.
      for (const res of streams) res.end();
      if (server) {
        // Stop accepting, let in-flight requests finish, then close idle keep-alive sockets.
        const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
        server.closeIdleConnections();
        await closing;
      }
      // Running jobs finish first: they may still deliver through the surfaces.
      await infrastructure.stop();
      for (const surface of surfaces) await surface.stop();
      await answers.close();
      await rateLimits.close();
      await hub.close();
      await infrastructure.close();
    },
  };
}
