import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Default corpus: the shared plan documents when present (development checkout), else ./corpus. */
export function defaultCorpusDir(cwd = process.cwd()): string {
  const shared = path.resolve(cwd, "../shared/corpus");
  return existsSync(shared) ? shared : path.resolve(cwd, "corpus");
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
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
    OPENAI_MODEL: optionalString,
    OPENAI_EMBEDDING_MODEL: optionalString,
    OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_MESSAGE_TEXT: booleanFlag,
  })
  .superRefine((env, ctx) => {
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
  stateTtlSeconds: number;
  openai?: {
    apiKey: string;
    baseURL?: string;
    chatModel?: string;
    embeddingModel?: string;
    timeoutMs: number;
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
    stateTtlSeconds: Math.round(e.WEGWIJS_STATE_TTL_HOURS * 3600),
    openai: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL,
          chatModel: e.OPENAI_MODEL,
          embeddingModel: e.OPENAI_EMBEDDING_MODEL,
          timeoutMs: e.OPENAI_TIMEOUT_MS,
        }
      : undefined,
    logLevel: e.LOG_LEVEL,
    logMessageText: e.LOG_MESSAGE_TEXT,
  };
}
