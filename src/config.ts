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
const regionsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../content/regions");

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
    HOST: z.string().default("0.0.0.0"),
    REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
    WEGWIJS_CORPUS_DIR: optionalString,
    WEGWIJS_DATA_DIR: optionalString,
    WEGWIJS_STATE_TTL_HOURS: z.coerce.number().positive().default(72),
    WEGWIJS_ANSWER_WORKERS: optionalString.transform((v) => (v === undefined ? undefined : Number(v))).pipe(z.number().int().min(0).max(64).optional()),
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

export interface Config {
  port: number;
  host: string;
  redisUrl?: string;
  corpusDir: string;
  dataDir: string;
  /** Answer worker threads; undefined = the machine's cores, 0 = answer in the main thread. */
  answerWorkers?: number;
  stateTtlSeconds: number;
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
  logLevel: string;
  logMessageText: boolean;
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
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    corpusDir: e.WEGWIJS_CORPUS_DIR ? path.resolve(cwd, e.WEGWIJS_CORPUS_DIR) : defaultCorpusDir(cwd),
    dataDir: path.resolve(cwd, e.WEGWIJS_DATA_DIR ?? "data"),
    answerWorkers: e.WEGWIJS_ANSWER_WORKERS,
    stateTtlSeconds: Math.round(e.WEGWIJS_STATE_TTL_HOURS * 3600),
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
    logLevel: e.LOG_LEVEL,
    logMessageText: e.LOG_MESSAGE_TEXT,
  };
}
