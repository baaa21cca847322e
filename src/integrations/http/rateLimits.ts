import { once } from "node:events";
import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit, type Options, type Store } from "express-rate-limit";
import { Redis } from "ioredis";
import { RedisStore } from "rate-limit-redis";
import type { Logger } from "../../logger.js";
import { hashedIdPart } from "../../stores/keyValueStore.js";

export const RATE_LIMITED_TEXT = "Je stuurt te veel verzoeken achter elkaar. Wacht even en probeer het dan opnieuw.";
const WINDOW_MS = 60_000;
/** How long start-up waits for the counters' Redis; after that requests pass uncounted until it is there. */
const READY_WAIT_MS = 3000;

export interface RateLimitOptions {
  perUserPerMinute: number;
  perIpPerMinute: number;
  /** Counters in Redis (shared by every instance) when set; in memory otherwise. */
  redis?: { url: string; keyPrefix: string };
  logger: Logger;
}

export interface ApiRateLimits {
  /** Mount first on /api: counts every request per client IP. */
  perIp: RequestHandler;
  /**
   * Mount on /api after the web identity middleware: counts per `res.locals.webUser` (its id),
   * or per IP when no identity was set.
   */
  perUser: RequestHandler;
  /**
   * Resolves once the Redis counters can count (at most READY_WAIT_MS): the app awaits it before it
   * listens, so the first requests after a start are counted too.
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The web user as the identity middleware leaves it: `res.locals.webUser` is the user id, or an
 * object with an `id`. Anything else counts as no identity.
 */
export function webUserId(res: Response): string | undefined {
  const user: unknown = res.locals.webUser;
  if (typeof user === "string" && user !== "") return user;
  if (typeof user === "object" && user !== null && typeof (user as { id?: unknown }).id === "string") {
    const id = (user as { id: string }).id;
    return id === "" ? undefined : id;
  }
  return undefined;
}

const clientIp = (req: Request): string => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown");

/**
 * rate-limit-redis loads its Lua scripts once at start; a Redis that is down then (or restarted
 * empty later) would leave them missing for good. This one loads them again after a failure and
 * never leaves a rejected promise unobserved.
 */
class ReloadingRedisStore extends RedisStore {
  override async init(options: Options): Promise<void> {
    this.windowMs = options.windowMs;
    this.loadScripts();
  }

  loadScripts(): void {
    this.incrementScriptSha = this.loadIncrementScript();
    this.getScriptSha = this.loadGetScript();
    this.incrementScriptSha.catch(() => undefined);
    this.getScriptSha.catch(() => undefined);
  }

  override async increment(key: string) {
    try {
      return await super.increment(key);
    } catch (error) {
      this.loadScripts();
      throw error;
    }
  }
}

/**
 * Per-IP and per-user request limits for /api/* (express-rate-limit; counters in Redis via
 * rate-limit-redis when configured). Over the limit: 429 with Retry-After and a Dutch message.
 * Teams' /api/messages is not counted: Microsoft's servers send every user's messages, and the
 * Bot Framework token already says who may call it.
 */
export function createApiRateLimits(options: RateLimitOptions): ApiRateLimits {
  const redis = options.redis
    ? new Redis(options.redis.url, {
        // Fail fast while Redis is away (the request then passes: a limit must not take the API down).
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        retryStrategy: (times) => Math.min(times * 100, 1000),
      })
    : undefined;
  redis?.on("error", () => undefined);
  const stores: ReloadingRedisStore[] = [];
  const store = (name: string): Store | undefined => {
    if (!redis) return undefined;
    const created = new ReloadingRedisStore({
      prefix: `${options.redis!.keyPrefix}wegwijs:ratelimit:${name}:`,
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<never>,
    });
    stores.push(created);
    return created;
  };

  const common = (name: string, limit: number): Partial<Options> => ({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    passOnStoreError: true,
    // Behind a proxy without 'trust proxy' every request has the proxy's address; not an error here.
    validate: { xForwardedForHeader: false },
    skip: (req) => req.path === "/messages",
    logger: { error: (error: unknown, message?: string) => options.logger.warn({ err: String(error), limiter: name }, message ?? "rate limit store error"), warn: () => undefined },
    handler: (req, res) => {
      options.logger.warn({ limiter: name, path: req.originalUrl.split("?")[0] }, "rate limited");
      res.status(429).json({ error: RATE_LIMITED_TEXT });
    },
    ...(redis ? { store: store(name) } : {}),
  });

  return {
    perIp: rateLimit({ ...common("ip", options.perIpPerMinute), keyGenerator: (req) => clientIp(req) }),
    perUser: rateLimit({
      ...common("user", options.perUserPerMinute),
      // The user id is hashed like every other id in a key name.
      keyGenerator: (req, res) => {
        const user = webUserId(res);
        return user !== undefined ? `u:${hashedIdPart(user)}` : `ip:${clientIp(req)}`;
      },
    }),
    ready: async () => {
      if (!redis) return;
      // The stores loaded their scripts while the connection was still opening (no offline queue:
      // that failed), so the first request would have passed uncounted.
      if (redis.status !== "ready") {
        const waiting = new AbortController();
        const timer = setTimeout(() => waiting.abort(), READY_WAIT_MS);
        await once(redis, "ready", { signal: waiting.signal }).catch(() => undefined);
        clearTimeout(timer);
      }
      if (redis.status === "ready") for (const created of stores) created.loadScripts();
    },
    close: async () => {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
