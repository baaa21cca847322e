import { App, type Authorize, ExpressReceiver, webApi } from "@slack/bolt";
import { Router } from "express";
import type { Config } from "../../config.js";
import type { Surface, SurfaceDeps } from "../surface.js";
import { boltLogger } from "./boltLogger.js";
import { deliveryMiddleware } from "./deliveryMiddleware.js";
import { TurnScheduler } from "../turnScheduler.js";
import { requestRetryPolicy } from "./retryPolicy.js";
import { MessageSlots } from "../../delivery/messageSlots.js";
import { createSlackDeliverer } from "./slackDeliverer.js";
import { createSlackDirectory } from "./slackDirectory.js";
import * as actions from "./listeners/actions.js";
import * as assistant from "./listeners/assistant.js";
import * as commands from "./listeners/commands.js";
import * as feedback from "./listeners/feedback.js";
import * as forms from "./listeners/forms.js";
import * as home from "./listeners/home.js";
import * as messages from "./listeners/messages.js";
import * as shortcuts from "./listeners/shortcuts.js";
import { MAX_SLACK_BODY_BYTES, SLACK_EVENTS_PATH, slackRequestGuard } from "./requestGuard.js";
import type { SlackContext } from "./slackContext.js";

type SlackConfig = NonNullable<Config["slack"]>;

/** How long stop() waits for answers still being worked on after their ack. */
const DRAIN_TIMEOUT_MS = 15_000;

/** The WebClient joins base and method name without a separator. */
export function slackApiUrl(configured: string | undefined): string | undefined {
  if (configured === undefined) return undefined;
  return configured.endsWith("/") ? configured : `${configured}/`;
}

/**
 * One workspace, one bot token. Bolt's own single-token authorize calls auth.test in the
 * constructor and leaves a rejected promise unhandled when Slack is unreachable; this one asks
 * on first use, caches the answer and asks again after a failure.
 */
function botAuthorize(token: string, client: webApi.WebClient): { authorize: Authorize<boolean>; identify: () => Promise<void> } {
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined;
  const load = () =>
    (identity ??= client.auth
      .test()
      .then((r) => ({ botUserId: r.user_id, botId: r.bot_id }))
      .catch((error: unknown) => {
        identity = undefined;
        throw error;
      }));
  return {
    authorize: async () => ({ botToken: token, ...(await load()) }),
    identify: async () => {
      await load();
    },
  };
}

/**
 * The Slack surface: a Bolt app whose ExpressReceiver router is mounted on the shared HTTP
 * server at POST /slack/events (events, slash commands and interactivity), or a Socket Mode
 * connection when configured. Listeners ack first and work afterwards.
 */
export function createSlackSurface(deps: SurfaceDeps, config: SlackConfig): Surface {
  const logger = deps.logger.child({ surface: "slack" });
  const log = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: slackApiUrl(config.apiUrl),
    // A reply that cannot be posted within seconds is better logged than retried for half an hour,
    // and one that may have been posted is never posted again (see requestRetryPolicy).
    retryConfig: requestRetryPolicy,
    timeout: 10_000,
  };
  const { authorize, identify } = botAuthorize(
    config.botToken,
    new webApi.WebClient(config.botToken, { ...clientOptions, logger: log, retryConfig: { retries: 0 } }),
  );

  const router = Router();
  let app: App;
  if (config.socketMode) {
    if (!config.appToken) throw new Error("SLACK_APP_TOKEN ontbreekt voor Socket Mode");
    // Events arrive over the socket; nothing is mounted on the HTTP server.
    app = new App({ socketMode: true, appToken: config.appToken, authorize, logger: log, clientOptions, convoStore: false });
  } else {
    if (!config.signingSecret) throw new Error("SLACK_SIGNING_SECRET ontbreekt");
    router.post(SLACK_EVENTS_PATH, slackRequestGuard({ signingSecret: config.signingSecret, logger }));
    const receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      router,
      endpoints: SLACK_EVENTS_PATH,
      // Ack goes out first; answers (search, maybe a language model) are posted afterwards.
      processBeforeResponse: false,
      bodyLimit: MAX_SLACK_BODY_BYTES,
      logger: log,
      unhandledRequestHandler: ({ request, response }) => {
        logger.warn({ path: request.url }, "slack request not acknowledged: no listener for it");
        if (response.headersSent) return;
        response.writeHead(404, { "content-type": "application/json" });
        response.end(JSON.stringify({ ok: false, error: "Geen verwerking voor dit Slack-verzoek" }));
      },
      processEventErrorHandler: async ({ error, response }) => {
        logger.error({ err: error.message, code: (error as { code?: string }).code }, "slack request failed");
        if (response.headersSent) return false;
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ ok: false, error: "Er ging iets mis aan onze kant" }));
        return true;
      },
    });
    app = new App({ receiver, authorize, logger: log, clientOptions, convoStore: false });
  }

  // Bolt's default handler logs the raw error object and rethrows; here: one line, no payload.
  app.error(async (error) => {
    logger.error({ code: error.code, err: error.message }, "slack listener failed");
  });

  const inflight = new Set<Promise<void>>();
  const track = (work: Promise<void>): Promise<void> => {
    inflight.add(work);
    const done = () => inflight.delete(work);
    work.then(done, done);
    return work;
  };
  const scheduler = new TurnScheduler({
    onBacklog: (pending) => logger.warn({ pending }, "slack events waiting for their turn; answers are delayed"),
  });
  app.use(deliveryMiddleware({ store: deps.store, logger, track, scheduler }));

  // Deliveries outside a request (outbox jobs) must not wait inside the client: a 429 comes
  // back as an error with its Retry-After, and the job system retries.
  const outboxClient = new webApi.WebClient(config.botToken, { ...clientOptions, logger: log, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const requestClient = new webApi.WebClient(config.botToken, { ...clientOptions, logger: log });
  const ctx: SlackContext = {
    deps,
    logger,
    deliverer: createSlackDeliverer(requestClient, logger),
    slots: new MessageSlots(deps.store, deps.stateTtlSeconds),
  };
  const directory = createSlackDirectory(requestClient);
  let socketOpen = false;
  // The assistant middleware must run before the message listener: it claims DM thread messages.
  assistant.register(app, ctx);
  messages.register(app, ctx);
  commands.register(app, ctx);
  shortcuts.register(app, ctx);
  feedback.register(app, ctx);
  forms.register(app, ctx);
  forms.registerActionForms(app, ctx);
  actions.register(app, ctx);
  home.register(app, ctx);

  return {
    name: "slack",
    router,
    deliverer: createSlackDeliverer(outboxClient, logger),
    directory,
    async start() {
      // Early warning for a wrong token or API URL; events retry the lookup themselves.
      identify().catch((error: Error) =>
        logger.error({ err: error.message, code: (error as { code?: string }).code }, "slack auth.test failed"),
      );
      if (config.socketMode) {
        await app.start();
        socketOpen = true;
      }
    },
    async stop() {
      if (socketOpen) {
        socketOpen = false;
        await app.stop();
      }
      // The HTTP server is closed by the app; Bolt work started after an ack may still be running.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inflight]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, DRAIN_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (inflight.size > 0) logger.warn({ pending: inflight.size }, "slack work still running at stop");
    },
  };
}
