import { Activity, ActivityTypes, type ConversationReference } from "@microsoft/agents-activity";
import {
  AgentApplication,
  CloudAdapter,
  type ConnectorClient,
  type NextFunction,
  type Request as AgentsRequest,
  type TurnContext,
  type TurnState,
  type WebResponse,
} from "@microsoft/agents-hosting";
import express, { Router, type RequestHandler, type Response } from "express";
import type { ConversationAddress, Incoming } from "../../bot/incoming.js";
import type { Reply } from "../../bot/reply.js";
import type { Config } from "../../config.js";
import { DuplicateCheck } from "../../stores/duplicateCheck.js";
import { storeKey } from "../../stores/keyValueStore.js";
import type { Surface, SurfaceDeps } from "../surface.js";
import type { Deliverer, DeliveryError } from "../../bot/delivery.js";
import type { DirectoryMember } from "../../bot/directory.js";
import { checkActivity } from "./activityGuard.js";
import { minimalReference, TeamsConversationReferences } from "./conversationReferences.js";
import * as actions from "./listeners/actions.js";
import * as install from "./listeners/install.js";
import * as messages from "./listeners/messages.js";
import { addressOf, errorInfo, type TeamsContext } from "./teamsContext.js";
import { createTeamsDeliverer } from "./teamsDeliverer.js";
import { createTeamsDirectory } from "./teamsDirectory.js";
import { capturedResponse, isAllowedServiceUrl, isAnonymous, outboundHostPolicy, teamsAuthConfiguration, UNAUTHORISED_BODY } from "./teamsAuth.js";
import { oversizedCards, plainMessage, teamsMessages } from "./teamsReplies.js";
import { registerTeamsFeedback, TeamsFeedbackMessages } from "./teamsFeedback.js";

export interface TeamsSurface extends Surface {
  /** Proactive sends and updates through stored conversation references. */
  readonly deliverer: Deliverer;
}

export interface TeamsSurfaceOptions {
  /**
   * Teams gives up on a turn after 15 seconds. Work still running after this long gets a short
   * "Even geduld" reply and its answer is delivered proactively when ready.
   */
  patienceAfterMs?: number;
}

export const TEAMS_MESSAGES_PATH = "/api/messages";
export const PATIENCE_TEXT = "Even geduld, ik zoek het uit…";
const DEFAULT_PATIENCE_MS = 10_000;
const MAX_BODY = "1mb";
/** Teams redelivers an activity it got no answer to; an hour covers every retry. */
const IDEMPOTENCY_TTL_SECONDS = 3600;
/** How long stop() waits for answers still being worked on. */
const DRAIN_TIMEOUT_MS = 15_000;
const TURN_FAILED_TEXT = "Er ging iets mis bij het verwerken van je bericht. Probeer het zo nog eens.";

type ContinueIdentity = Parameters<CloudAdapter["continueConversation"]>[0];

/** Enough for any chat or channel a spoedberaad runs in; owner lists stay readable. */
const ROSTER_MAX = 200;

/** GET /v3/conversations/{id}/pagedmembers, page by page (the Bot Framework roster with names). */
async function pagedMembers(connector: ConnectorClient, conversationId: string): Promise<DirectoryMember[]> {
  const members: DirectoryMember[] = [];
  let continuationToken: string | undefined;
  do {
    const response = await connector.httpClient.get<{ members?: Array<{ id?: string; aadObjectId?: string; name?: string }>; continuationToken?: string }>(
      `v3/conversations/${encodeURIComponent(conversationId)}/pagedmembers`,
      { params: { pageSize: "100", continuationToken } },
    );
    for (const m of response.data.members ?? []) {
      const userId = m.aadObjectId ?? m.id;
      if (!userId) continue;
      members.push({ userId, ...(m.name ? { name: m.name } : {}), ...(m.id && m.id !== userId ? { platformId: m.id } : {}) });
    }
    continuationToken = response.data.continuationToken || undefined;
  } while (continuationToken && members.length < ROSTER_MAX);
  return members.slice(0, ROSTER_MAX);
}

/**
 * The Teams surface: the Microsoft 365 Agents SDK (CloudAdapter + AgentApplication) behind
 * POST /api/messages on the shared server. The SDK verifies the Bot Framework JWT, strips the
 * bot's @mention and shows a typing indicator; this surface adds body limits, validation,
 * idempotency, Adaptive Card rendering, conversation references and the 15-second window.
 */
export function createTeamsSurface(
  deps: SurfaceDeps,
  config: NonNullable<Config["teams"]>,
  options: TeamsSurfaceOptions = {},
): TeamsSurface {
  const logger = deps.logger.child({ surface: "teams" });
  const patienceMs = options.patienceAfterMs ?? DEFAULT_PATIENCE_MS;
  const anonymous = isAnonymous(config);
  if (anonymous) {
    logger.warn(
      "Teams draait ZONDER authenticatie (geen MicrosoftAppId): alleen voor lokaal testen met de playground. Zet MicrosoftAppId, MicrosoftAppPassword en MicrosoftAppTenantId voor productie.",
    );
  }

  let adapter: CloudAdapter;
  try {
    adapter = new CloudAdapter(
      teamsAuthConfiguration(config),
      undefined,
      undefined,
      // With credentials, an activity's serviceUrl must match the caller's token claim.
      { validateServiceUrl: !anonymous, emitStackTrace: false },
      outboundHostPolicy(config),
    );
  } catch (error) {
    // The SDK refuses an anonymous adapter under NODE_ENV=production.
    throw new Error(`Teams-koppeling kan niet starten: ${(error as Error).message}. Zet MicrosoftAppId voor productie.`, { cause: error });
  }
  // Proactive sends authenticate as the bot; anonymously the SDK sends without a token.
  const botIdentity: ContinueIdentity = config.appId ?? ({} as ContinueIdentity);
  const references = new TeamsConversationReferences(deps.store);
  const feedbackMessages = new TeamsFeedbackMessages(deps.store);
  const duplicates = new DuplicateCheck(deps.store, logger);

  const agent = new AgentApplication<TurnState>({
    adapter,
    agentAppId: config.appId,
    removeRecipientMention: true,
    // Typing shows only when an answer takes longer than this; fast replies stop the timer first.
    startTypingTimer: true,
    typing: { initialDelayMs: 500, intervalMs: 3000 },
  });

  /** Answers and deliveries still in flight, so stop() can let them finish. */
  const pending = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => undefined);
    return work;
  };
  let stopping = false;

  async function send(context: TurnContext, replies: Reply[], notify = false): Promise<void> {
    const activities = replies.flatMap((reply) => teamsMessages(reply, { notify }));
    if (activities.length === 0) {
      logger.warn({ replies: replies.length }, "teams reply rendered to no cards");
      return;
    }
    const oversized = oversizedCards(activities);
    if (oversized > 0) logger.warn({ oversized }, "teams card over the message limit");
    const sent = await context.sendActivities(activities);
    await feedbackMessages.rememberSent(context.activity.conversation?.id, activities, sent);
  }

  /** Sends into a stored or current conversation outside a turn (notifications, late answers). */
  async function deliver(reference: ConversationReference, replies: Reply[], notify: boolean): Promise<void> {
    // The adapter hands errors in the logic to the turn error handler; the caller needs them.
    let failure: unknown;
    await adapter.continueConversation(botIdentity, reference, async (context) => {
      // A new message in the conversation, not a reply to the (synthetic) continuation activity.
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      try {
        await send(context, replies, notify);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure;
  }

  /**
   * Runs the bot; within the window the answer is the turn's reply. After it, the turn ends with
   * "Even geduld" (Teams would otherwise retry or show an error) and the answer follows proactively.
   */
  async function answer(context: TurnContext, incoming: Incoming): Promise<void> {
    const started = performance.now();
    const reference = minimalReference(context.activity);
    const work = deps.bot.handle(incoming);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), patienceMs);
    });
    const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    if (first !== "late") {
      await send(context, first);
      return;
    }
    await context.sendActivity(plainMessage(PATIENCE_TEXT));
    logger.info({ kind: incoming.kind, windowMs: patienceMs }, "teams answer continues after the reply window");
    track(
      work
        .then((replies) => deliver(reference, replies, true))
        .then(() => logger.info({ kind: incoming.kind, ms: Math.round(performance.now() - started) }, "teams late answer delivered"))
        .catch((error: unknown) => logger.error({ ...errorInfo(error) }, "teams late answer not delivered")),
    );
  }

  const ctx: TeamsContext = { deps, logger, references, send, answer };
  const deliverer = createTeamsDeliverer({ adapter, identity: botIdentity, references, track });
  install.register(agent, ctx);
  // Teams' own feedback loop (message/submitAction) before the card actions.
  registerTeamsFeedback(agent, { bot: deps.bot, messages: feedbackMessages, logger, addressOf });
  actions.register(agent, ctx);
  messages.register(agent, ctx);

  agent.onError(async (context, error) => {
    logger.error({ ...errorInfo(error), activityType: context.activity?.type }, "teams turn failed");
    // An invoke's caller shows its own error; only messages get our apology.
    if (context.activity?.type !== ActivityTypes.Message) return;
    try {
      await context.sendActivity(plainMessage(TURN_FAILED_TEXT));
    } catch (sendError) {
      logger.warn({ ...errorInfo(sendError) }, "teams error notice not delivered");
    }
  });

  /** The SDK's JWT check, writing to a stand-in: a refusal gets our own body, never the SDK's details. */
  const authenticate: RequestHandler = async (req, res, next) => {
    let passed = false;
    const captured = capturedResponse();
    await adapter.authorizeRequest(req as unknown as AgentsRequest, captured as unknown as WebResponse, ((err?: unknown) => {
      passed = err === undefined;
    }) as NextFunction);
    if (passed) return next();
    const status = captured.statusCode >= 400 ? captured.statusCode : 401;
    logger.warn({ status }, "teams request not authorised");
    res.status(status).json(UNAUTHORISED_BODY);
  };

  // Our own parser: the shared app has no global one, and its errors must stay on this path.
  const parseJson = express.json({ limit: MAX_BODY });
  const jsonBody: RequestHandler = (req, res, next) => {
    parseJson(req, res, (error?: unknown) => {
      if (!error) return next();
      const type = (error as { type?: string }).type;
      if (type === "entity.too.large") {
        logger.warn({ status: 413, type }, "teams activity rejected");
        res.status(413).json({ error: "Bericht is te groot (max 1 MB)" });
      } else {
        logger.warn({ status: 400, type: type ?? "error" }, "teams activity rejected");
        res.status(400).json({ error: "Ongeldige JSON in het bericht" });
      }
    });
  };

  const router = Router();
  router.post(TEAMS_MESSAGES_PATH, authenticate, jsonBody, async (req, res) => {
    if (stopping) {
      res.status(503).json({ error: "Wegwijs wordt herstart; probeer het zo opnieuw" });
      return;
    }
    const check = checkActivity(req.body);
    if (!check.ok) {
      logger.warn({ status: 400, problems: check.problems }, "teams activity rejected");
      res.status(400).json({ error: "Ongeldige Teams-activity", problems: check.problems });
      return;
    }
    try {
      Activity.fromObject(req.body as object);
    } catch {
      logger.warn({ status: 400, problems: ["activity"] }, "teams activity rejected");
      res.status(400).json({ error: "Ongeldige Teams-activity", problems: ["activity"] });
      return;
    }
    const { activity } = check;
    // Replies go to the activity's serviceUrl: never to a host a caller made up.
    if (!isAllowedServiceUrl(activity.serviceUrl, anonymous)) {
      logger.warn({ status: 400, problems: ["serviceUrl"] }, "teams activity rejected");
      res.status(400).json({ error: "Ongeldige Teams-activity", problems: ["serviceUrl"] });
      return;
    }
    if (activity.id !== undefined && !(await claimed(res, activity.conversation.id, activity.id))) return;
    const started = performance.now();
    try {
      await track(adapter.process(req as unknown as AgentsRequest, res as unknown as WebResponse, (context) => agent.run(context)));
      logger.debug({ activityType: activity.type, status: res.statusCode, ms: Math.round(performance.now() - started) }, "teams activity");
    } catch (error) {
      logger.error({ ...errorInfo(error), activityType: activity.type }, "teams activity failed");
      if (!res.headersSent) res.status(500).json({ error: "Er ging iets mis aan onze kant" });
    }
  });

  /** True when this delivery is the first; a redelivery is acknowledged and dropped. */
  async function claimed(res: Response, conversationId: string, activityId: string): Promise<boolean> {
    // Teams message ids are per conversation (timestamps), so the conversation is part of the key.
    // Without the store, this process's memory decides (DuplicateCheck).
    if (await duplicates.first(storeKey("idempotency", "teams", conversationId, activityId), IDEMPOTENCY_TTL_SECONDS)) return true;
    logger.info("teams activity redelivered; ignored");
    res.status(200).end();
    return false;
  }

  return {
    name: "teams",
    router,
    deliverer: {
      surface: "teams",
      async deliver(target, reply, deliverOptions) {
        try {
          return await deliverer.deliver(target, reply, deliverOptions);
        } catch (error) {
          const status = (error as DeliveryError).details?.status;
          logger.warn({ ...errorInfo(error) }, "teams proactive message not delivered");
          // Forbidden / not found: the app was removed from that conversation.
          if (target.kind === "conversation" && (status === 403 || status === 404)) {
            await references.forget(target.conversationId).catch(() => undefined);
          }
          throw error;
        }
      },
    },
    directory: createTeamsDirectory(
      async (conversationId, userId) => {
        const reference = await references.get(conversationId);
        if (!reference) return false;
        let member = false;
        await adapter.continueConversation(botIdentity, reference, async (context) => {
          const connector = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
          try {
            member = Boolean((await connector.getConversationMember(userId, conversationId))?.id);
          } catch {
            member = false;
          }
        });
        return member;
      },
      {
        // The roster with names (what TeamsInfo.getPagedMembers reads): owner choices on cards.
        listRoster: async (conversationId) => {
          const reference = await references.get(conversationId);
          if (!reference) return [];
          let members: DirectoryMember[] = [];
          await adapter.continueConversation(botIdentity, reference, async (context) => {
            const connector = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
            try {
              members = await pagedMembers(connector, conversationId);
            } catch (error) {
              logger.warn({ ...errorInfo(error) }, "teams roster not read");
            }
          });
          return members;
        },
      },
    ),
    async stop() {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), DRAIN_TIMEOUT_MS);
      });
      // Loop: finishing work may start a delivery of its own.
      while (pending.size > 0) {
        const outcome = await Promise.race([Promise.allSettled([...pending]), timeout]);
        if (outcome === "timeout") {
          logger.warn({ pending: pending.size }, "teams stopped with work still running");
          break;
        }
      }
      clearTimeout(timer);
    },
  };
}
