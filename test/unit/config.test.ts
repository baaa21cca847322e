import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("starts on embedded defaults with an empty environment", () => {
    // A working directory whose parent holds no shared/ folder (a fixed path under /tmp may have one).
    const cwd = path.join(mkdtempSync(path.join(os.tmpdir(), "wegwijs-config-")), "app");
    const config = loadConfig({}, cwd);
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBeUndefined();
    expect(config.openai).toBeUndefined();
    expect(config.corpusDir).toBe(path.join(cwd, "corpus"));
    expect(config.logMessageText).toBe(false);
  });

  it("names every wrong variable in one error, in Dutch and English", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "abc", REDIS_URL: "http://localhost", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain("Ongeldige configuratie / invalid configuration");
    expect(message).toMatch(/PORT: ongeldige waarde \/ invalid value "abc"/);
    expect(message).toMatch(/REDIS_URL/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it("requires an API key when a model is configured, without echoing secrets", () => {
    expect(() => loadConfig({ OPENAI_MODEL: "gpt-4o-mini" })).toThrow(/OPENAI_API_KEY is verplicht/);
    try {
      loadConfig({ OPENAI_API_KEY: "sk-secret", OPENAI_BASE_URL: "not a url" });
    } catch (e) {
      expect((e as Error).message).not.toContain("sk-secret");
    }
  });

  it("keeps a question for follow-ups 10 minutes unless WEGWIJS_FOLLOW_UP_MINUTES says otherwise; 0 keeps none", () => {
    expect(loadConfig({}).followUpTtlSeconds).toBe(600);
    expect(loadConfig({ WEGWIJS_FOLLOW_UP_MINUTES: "0" }).followUpTtlSeconds).toBe(0);
    expect(loadConfig({ WEGWIJS_FOLLOW_UP_MINUTES: "2.5" }).followUpTtlSeconds).toBe(150);
    expect(() => loadConfig({ WEGWIJS_FOLLOW_UP_MINUTES: "-1" })).toThrow(/WEGWIJS_FOLLOW_UP_MINUTES/);
  });

  it("keeps answer records 30 days unless WEGWIJS_ANSWER_TTL_DAYS says otherwise, and reads the rate limits and key prefix", () => {
    const defaults = loadConfig({});
    expect(defaults.answerTtlSeconds).toBe(30 * 24 * 3600);
    expect(defaults.rateLimit).toEqual({ perUserPerMinute: 60, perIpPerMinute: 300 });
    expect(defaults.redisPrefix).toBeUndefined();
    const set = loadConfig({ WEGWIJS_ANSWER_TTL_DAYS: "7", WEGWIJS_RATE_LIMIT_PER_MINUTE: "10", WEGWIJS_RATE_LIMIT_IP_PER_MINUTE: "20", WEGWIJS_REDIS_PREFIX: "acc:" });
    expect(set.answerTtlSeconds).toBe(7 * 24 * 3600);
    expect(set.rateLimit).toEqual({ perUserPerMinute: 10, perIpPerMinute: 20 });
    expect(set.redisPrefix).toBe("acc:");
    expect(() => loadConfig({ WEGWIJS_ANSWER_TTL_DAYS: "0" })).toThrow(/WEGWIJS_ANSWER_TTL_DAYS/);
    expect(() => loadConfig({ WEGWIJS_REDIS_PREFIX: "met spatie" })).toThrow(/WEGWIJS_REDIS_PREFIX/);
  });

  it("reads OpenAI settings and the state TTL", () => {
    const config = loadConfig({
      OPENAI_API_KEY: "k",
      OPENAI_MODEL: "m",
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      WEGWIJS_STATE_TTL_HOURS: "2",
    });
    expect(config.openai).toMatchObject({ apiKey: "k", chatModel: "m", baseURL: "http://127.0.0.1:9/v1" });
    expect(config.stateTtlSeconds).toBe(7200);
  });
});
