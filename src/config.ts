import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Default corpus: the shared plan documents when present (development checkout), else ./corpus. */
export function defaultCorpusDir(cwd = process.cwd()): string {
  const shared = path.resolve(cwd, "../shared/corpus");
  return existsSync(shared) ? shared : path.resolve(cwd, "corpus");
}

/** Regions ship as content/regions/<id>.yaml; WEGWIJS_REGION must name one of them. */
export const DEFAULT_REGION = "groningen-drenthe";
/** The content shipped with Wegwijs (routes, regions, synonyms, checklists). */
export const defaultContentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../content");
const regionsDir = path.join(defaultContentDir, "regions");

export function shippedRegions(dir = regionsDir): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => f.replace(/\.ya?ml$/, ""))
      .sort();
  } catch {
    return [];
  }
}

/** 127.0.0.0/8, ::1 or localhost: reachable from this machine only. */
export function isLoopbackAddress(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: optionalString,
    REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
    WEGWIJS_REDIS_PREFIX: optionalString.pipe(z.string().regex(/^[\w.:-]*$/).optional()),
    WEGWIJS_CORPUS_DIR: optionalString,
    WEGWIJS_DATA_DIR: optionalString,
    WEGWIJS_STATE_TTL_HOURS: z.coerce.number().positive().default(72),
    WEGWIJS_ANSWER_TTL_DAYS: z.coerce.number().positive().max(366).default(30),
    WEGWIJS_FOLLOW_UP_MINUTES: z.coerce.number().min(0).max(24 * 60).default(10),
    WEGWIJS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
    WEGWIJS_RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().positive().default(300),
    WEGWIJS_ANSWER_WORKERS: optionalString.transform((v) => (v === undefined ? undefined : Number(v))).pipe(z.number().int().min(0).max(64).optional()),
    /** Spoedberaad: minutes from picking up an item to its reminder (decimals allowed, for tests). */
    WEGWIJS_CHECKLIST_REMINDER_MINUTES: z.coerce.number().positive().max(7 * 24 * 60).default(60),
    WEGWIJS_REGION: optionalString
      .transform((v) => v ?? DEFAULT_REGION)
      .refine((v) => shippedRegions().includes(v), {
        error: (issue) =>
          `"${String(issue.input)}" is geen bekende regio / is not a known region; kies uit / choose from: ${shippedRegions().join(", ")}`,
      }),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
    OPENAI_MODEL: optionalString,
    OPENAI_EMBEDDING_MODEL: optionalString,
    OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_API_URL: optionalString.pipe(z.url().optional()),
    SLACK_APP_TOKEN: optionalString,
    SLACK_SOCKET_MODE: booleanFlag,
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppTenantId: optionalString,
    TEAMS_ENABLED: booleanFlag,
    WEGWIJS_CONTENT_DIR: optionalString,
    WEGWIJS_WEB_AUTH: optionalString.pipe(z.enum(["local", "proxy", "off"]).optional()),
    WEGWIJS_WEB_USER_HEADER: optionalString,
    WEGWIJS_WEB_NAME_HEADER: optionalString,
    WEGWIJS_WEB_PROXY_SECRET: optionalString,
    WEGWIJS_ADMINS: optionalString,
    WEGWIJS_SLACK_CHANNEL_SERVICEPUNT: optionalString,
    WEGWIJS_SLACK_CHANNEL_EXPERTTEAM: optionalString,
    WEGWIJS_WEB_COORDINATORS: optionalString,
    WEGWIJS_CONSULT_BACKUP: optionalString.pipe(z.string().regex(/^(slack|teams|web):(channel|user):[\w.:@-]+$/).optional()),
    WEGWIJS_CONSULT_RETENTION_DAYS: z.coerce.number().positive().default(90),
    WEGWIJS_CONSULT_WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    WEGWIJS_CONSULT_WEBHOOK_SECRET: optionalString,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_MESSAGE_TEXT: booleanFlag,
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_SOCKET_MODE) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message: "is verplicht als SLACK_BOT_TOKEN gezet is / is required when SLACK_BOT_TOKEN is set",
      });
    }
    if (env.SLACK_SOCKET_MODE && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_APP_TOKEN"],
        message: "is verplicht voor Socket Mode (xapp-...) / is required for Socket Mode",
      });
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppPassword"],
        message: "is verplicht als MicrosoftAppId gezet is / is required when MicrosoftAppId is set",
      });
    }
    if (env.WEGWIJS_WEB_AUTH === "proxy" && (env.WEGWIJS_WEB_PROXY_SECRET ?? "").length < 16) {
      ctx.addIssue({
        code: "custom",
        path: ["WEGWIJS_WEB_PROXY_SECRET"],
        message:
          "is verplicht bij WEGWIJS_WEB_AUTH=proxy, minstens 16 tekens / is required (at least 16 characters) when WEGWIJS_WEB_AUTH=proxy",
      });
    }
    // Anonymous Teams answers whoever calls: only on this machine.
    const effectiveHost = env.HOST ?? ((env.WEGWIJS_WEB_AUTH ?? "local") === "local" ? "127.0.0.1" : "0.0.0.0");
    if (env.TEAMS_ENABLED && !env.MicrosoftAppId && !isLoopbackAddress(effectiveHost)) {
      ctx.addIssue({
        code: "custom",
        path: ["TEAMS_ENABLED"],
        message:
          "zonder MicrosoftAppId alleen op een loopback-adres (HOST=127.0.0.1) / without MicrosoftAppId only on a loopback address (HOST=127.0.0.1)",
      });
    }
    if (env.WEGWIJS_CONSULT_WEBHOOK_URL && (env.WEGWIJS_CONSULT_WEBHOOK_SECRET ?? "").length < 16) {
      ctx.addIssue({
        code: "custom",
        path: ["WEGWIJS_CONSULT_WEBHOOK_SECRET"],
        message:
          "is verplicht als WEGWIJS_CONSULT_WEBHOOK_URL gezet is, minstens 16 tekens / is required (at least 16 characters) when WEGWIJS_CONSULT_WEBHOOK_URL is set",
      });
    }
    if (env.OPENAI_MODEL && !env.OPENAI_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_API_KEY"],
        message: "is verplicht als OPENAI_MODEL gezet is / is required when OPENAI_MODEL is set",
      });
    }
    if (env.OPENAI_EMBEDDING_MODEL && !env.OPENAI_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_API_KEY"],
        message: "is verplicht als OPENAI_EMBEDDING_MODEL gezet is / is required when OPENAI_EMBEDDING_MODEL is set",
      });
    }
  });

/** How the web chat knows who is typing (see README, "Webchat en identiteit"). */
export type WebAuthConfig =
  /** Local use: the page picks a pseudonymous id and a display name; binds to loopback by default. */
  | { mode: "local" }
  /** Behind an authenticating reverse proxy (e.g. oauth2-proxy) that sets the user headers. */
  | { mode: "proxy"; userHeader: string; nameHeader: string; proxySecret: string }
  /** No web chat at all (Slack/Teams only). */
  | { mode: "off" };

export interface Config {
  port: number;
  host: string;
  /** Routes, regions, synonyms and checklists (data, validated at start). */
  contentDir: string;
  web: WebAuthConfig;
  /** Surface-qualified user ids with the admin role, e.g. "slack:U123", "teams:<aadObjectId>". */
  admins: string[];
  redisUrl?: string;
  /** Prefix for every Redis key and job queue, so several installations (or tests) share one Redis. */
  redisPrefix?: string;
  corpusDir: string;
  dataDir: string;
  /** Answer worker threads; undefined = the machine's cores, 0 = answer in the main thread. */
  answerWorkers?: number;
  stateTtlSeconds: number;
  /** How long a question is kept for a follow-up to be read with it; 0: not kept (WEGWIJS_FOLLOW_UP_MINUTES). */
  followUpTtlSeconds: number;
  /** How long answer metadata and feedback on it are kept (WEGWIJS_ANSWER_TTL_DAYS). */
  answerTtlSeconds: number;
  /** Requests per minute on /api/* per user, and per client IP. */
  rateLimit: { perUserPerMinute: number; perIpPerMinute: number };
  /** Spoedberaad: default time from picking up an item to its reminder. */
  checklistReminderMs: number;
  /** Region whose routes and contact channels apply (content/regions/<id>.yaml). */
  region: string;
  openai?: {
    apiKey: string;
    baseURL?: string;
    chatModel?: string;
    embeddingModel?: string;
    timeoutMs: number;
  };
  /** Slack surface; undefined when no bot token is configured. */
  slack?: {
    botToken: string;
    signingSecret?: string;
    apiUrl?: string;
    socketMode: boolean;
    appToken?: string;
  };
  /** Teams surface; anonymous (local testing only) when appId is unset. */
  teams?: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
  };
  /** Consult requests: where coordinators are, the backup for escalations, retention, webhook. */
  consult: ConsultConfig;
  logLevel: string;
  logMessageText: boolean;
}

export interface ConsultConfig {
  /** Slack channel ids whose members coordinate a target (WEGWIJS_SLACK_CHANNEL_<TARGET>). */
  slackChannels: Partial<Record<"servicepunt" | "expertteam", string>>;
  /** Web user ids with both coordinator roles (WEGWIJS_WEB_COORDINATORS). */
  webCoordinators: string[];
  /** Where an unclaimed request escalates to, e.g. "slack:channel:C123" or "web:user:alice". */
  backup?: string;
  /** How long a closed request is kept. */
  retentionSeconds: number;
  webhook?: { url: string; secret: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      "Ongeldige configuratie / invalid configuration:\n" + problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** Reads and validates the environment; throws ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "(omgeving)";
      if (issue.code === "custom") return `${name} ${issue.message}`;
      const given = issue.path.length === 1 ? env[String(issue.path[0])] : undefined;
      // Never echo secrets back into logs.
      const secret = /KEY|SECRET|PASSWORD|TOKEN/.test(name);
      const shown = given === undefined || secret ? "" : ` "${given}"`;
      return `${name}: ongeldige waarde / invalid value${shown} (${issue.message})`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const webMode = e.WEGWIJS_WEB_AUTH ?? "local";
  const web: WebAuthConfig =
    webMode === "proxy"
      ? {
          mode: "proxy",
          userHeader: (e.WEGWIJS_WEB_USER_HEADER ?? "X-Auth-Request-User").toLowerCase(),
          nameHeader: (e.WEGWIJS_WEB_NAME_HEADER ?? "X-Auth-Request-Preferred-Username").toLowerCase(),
          proxySecret: e.WEGWIJS_WEB_PROXY_SECRET!,
        }
      : { mode: webMode };
  return {
    port: e.PORT,
    // The local web chat trusts the page it serves, so by default only this machine can reach it.
    host: e.HOST ?? (webMode === "local" ? "127.0.0.1" : "0.0.0.0"),
    contentDir: e.WEGWIJS_CONTENT_DIR ? path.resolve(cwd, e.WEGWIJS_CONTENT_DIR) : defaultContentDir,
    web,
    admins: (e.WEGWIJS_ADMINS ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter((a) => a !== ""),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.WEGWIJS_REDIS_PREFIX,
    corpusDir: e.WEGWIJS_CORPUS_DIR ? path.resolve(cwd, e.WEGWIJS_CORPUS_DIR) : defaultCorpusDir(cwd),
    dataDir: path.resolve(cwd, e.WEGWIJS_DATA_DIR ?? "data"),
    answerWorkers: e.WEGWIJS_ANSWER_WORKERS,
    stateTtlSeconds: Math.round(e.WEGWIJS_STATE_TTL_HOURS * 3600),
    answerTtlSeconds: Math.round(e.WEGWIJS_ANSWER_TTL_DAYS * 24 * 3600),
    followUpTtlSeconds: Math.round(e.WEGWIJS_FOLLOW_UP_MINUTES * 60),
    rateLimit: { perUserPerMinute: e.WEGWIJS_RATE_LIMIT_PER_MINUTE, perIpPerMinute: e.WEGWIJS_RATE_LIMIT_IP_PER_MINUTE },
    checklistReminderMs: Math.round(e.WEGWIJS_CHECKLIST_REMINDER_MINUTES * 60_000),
    region: e.WEGWIJS_REGION,
    openai: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL,
          chatModel: e.OPENAI_MODEL,
          embeddingModel: e.OPENAI_EMBEDDING_MODEL,
          timeoutMs: e.OPENAI_TIMEOUT_MS,
        }
      : undefined,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          apiUrl: e.SLACK_API_URL,
          socketMode: e.SLACK_SOCKET_MODE,
          appToken: e.SLACK_APP_TOKEN,
        }
      : undefined,
    // Teams runs when an app id is configured, or explicitly for local testing (anonymous).
    teams:
      e.MicrosoftAppId || e.TEAMS_ENABLED
        ? { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, tenantId: e.MicrosoftAppTenantId }
        : undefined,
    consult: {
      slackChannels: {
        ...(e.WEGWIJS_SLACK_CHANNEL_SERVICEPUNT ? { servicepunt: e.WEGWIJS_SLACK_CHANNEL_SERVICEPUNT } : {}),
        ...(e.WEGWIJS_SLACK_CHANNEL_EXPERTTEAM ? { expertteam: e.WEGWIJS_SLACK_CHANNEL_EXPERTTEAM } : {}),
      },
      webCoordinators: (e.WEGWIJS_WEB_COORDINATORS ?? "")
        .split(",")
        .map((a) => a.trim())
        .filter((a) => a !== ""),
      backup: e.WEGWIJS_CONSULT_BACKUP,
      retentionSeconds: Math.round(e.WEGWIJS_CONSULT_RETENTION_DAYS * 86_400),
      webhook:
        e.WEGWIJS_CONSULT_WEBHOOK_URL && e.WEGWIJS_CONSULT_WEBHOOK_SECRET
          ? { url: e.WEGWIJS_CONSULT_WEBHOOK_URL, secret: e.WEGWIJS_CONSULT_WEBHOOK_SECRET }
          : undefined,
    },
    logLevel: e.LOG_LEVEL,
    logMessageText: e.LOG_MESSAGE_TEXT,
  };
}
