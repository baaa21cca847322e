import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createBot, type Bot } from "./bot/bot.js";
import { ConversationStateStore } from "./bot/conversationState.js";
import type { Config } from "./config.js";
import { AnswerLog } from "./handlers/ask/answerLog.js";
import { AskHandler } from "./handlers/ask/askHandler.js";
import { AskService, DEFAULT_ASK_OPTIONS } from "./handlers/ask/askService.js";
import { createAnswerService } from "./answerPool/createAnswerService.js";
import { metricsRouter } from "./integrations/http/metricsRouter.js";
import { createRouteHandler } from "./handlers/route/routeHandler.js";
import { createHttpApp } from "./integrations/http/createHttpApp.js";
import { createOpenAIEmbedder } from "./integrations/openai/embedder.js";
import { createOpenAIAnswerGenerator } from "./integrations/openai/groundedAnswerer.js";
import { RedisKeyValueStore } from "./integrations/redis/redisKeyValueStore.js";
import { createSlackSurface } from "./integrations/slack/slackSurface.js";
import type { Surface, SurfaceDeps } from "./integrations/surface.js";
import { createTeamsSurface } from "./integrations/teams/teamsSurface.js";
import { chatApi } from "./integrations/web/chatApi.js";
import { KnowledgeBase, type IngestSummary } from "./knowledge/knowledgeBase.js";
import type { Logger } from "./logger.js";
import type { KeyValueStore } from "./stores/keyValueStore.js";
import { MemoryKeyValueStore } from "./stores/memoryKeyValueStore.js";

export const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../content");

export interface Wegwijs {
  bot: Bot;
  surfaces: Surface[];
  knowledge: KnowledgeBase;
  store: KeyValueStore;
  ingest: IngestSummary;
  listen(): Promise<Server>;
  close(): Promise<void>;
}

/** Composition root: wires config into stores, knowledge, handlers and surfaces. */
export async function createWegwijs(config: Config, logger: Logger): Promise<Wegwijs> {
  const store: KeyValueStore = config.redisUrl ? RedisKeyValueStore.connect(config.redisUrl) : new MemoryKeyValueStore();
  if (!config.redisUrl) {
    logger.warn("REDIS_URL is niet gezet: gesprekken worden alleen in het geheugen bewaard en zijn na een herstart weg.");
  }

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

  const generator =
    openai?.chatModel !== undefined
      ? createOpenAIAnswerGenerator({ apiKey: openai.apiKey, baseURL: openai.baseURL, model: openai.chatModel, timeoutMs: openai.timeoutMs })
      : undefined;
  const askService = new AskService(knowledge, logger, generator, {
    ...DEFAULT_ASK_OPTIONS,
    generatorTimeoutMs: openai?.timeoutMs ?? DEFAULT_ASK_OPTIONS.generatorTimeoutMs,
  });
  // Answers are composed in worker threads (each loads the snapshot ingest just wrote).
  const answers = await createAnswerService(config, contentDir, askService, logger);
  const state = new ConversationStateStore(store, config.stateTtlSeconds);
  const bot = createBot({
    ask: new AskHandler(answers, state, new AnswerLog(store)),
    documentCount: () => knowledge.documentCount,
    logger,
    route: createRouteHandler({ contentDir, region: config.region, index: knowledge, store, ttlSeconds: config.stateTtlSeconds, logger }),
  });

  const surfaceDeps: SurfaceDeps = { bot, store, logger, documentCount: () => knowledge.documentCount };
  const surfaces: Surface[] = [];
  if (config.slack) surfaces.push(createSlackSurface(surfaceDeps, config.slack));
  if (config.teams) surfaces.push(createTeamsSurface(surfaceDeps, config.teams));
  for (const surface of surfaces) await surface.start?.();
  logger.info({ surfaces: ["web", ...surfaces.map((s) => s.name)] }, "kanalen actief");

  const app = createHttpApp({
    logger,
    routers: [metricsRouter(answers.registry), chatApi(bot), ...surfaces.map((s) => s.router)],
    ready: async () => {
      const storeOk = await store.ping();
      return { ready: storeOk, checks: { store: storeOk, index: true } };
    },
  });

  let server: Server | undefined;
  return {
    bot,
    surfaces,
    knowledge,
    store,
    ingest,
    listen: () =>
      new Promise((resolve, reject) => {
        const s = app.listen(config.port, config.host, () => resolve(s));
        s.once("error", reject);
        server = s;
      }),
    close: async () => {
      if (server) {
        // Stop accepting, let in-flight requests finish, then close idle keep-alive sockets.
        const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
        server.closeIdleConnections();
        await closing;
      }
      for (const surface of surfaces) await surface.stop();
      await answers.close();
      await store.close();
    },
  };
}
