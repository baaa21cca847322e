import express from "express";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiRateLimits, RATE_LIMITED_TEXT, type ApiRateLimits } from "../../src/integrations/http/rateLimits.js";
import { CONTENT_SECURITY_POLICY } from "../../src/integrations/http/securityHeaders.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const silent = pino({ level: "silent" });

/**
 * A small app with the real limiters on /api and, in front of them, a stand-in for the web
 * identity middleware: it puts the user from a header on res.locals.webUser, as the real one will.
 */
async function limitedApp(limits: ApiRateLimits): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use("/api", limits.perIp);
  app.use("/api", (req, res, next) => {
    const user = req.headers["x-test-user"];
    if (typeof user === "string") res.locals.webUser = { id: user };
    next();
  });
  app.use("/api", limits.perUser);
  app.post("/api/chat", (_req, res) => {
    res.json({ ok: true });
  });
  app.post("/api/messages", (_req, res) => {
    res.json({ ok: true });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function burst(url: string, count: number, headers: Record<string, string> = {}): Promise<Response[]> {
  return Promise.all(Array.from({ length: count }, () => fetch(url, { method: "POST", headers })));
}

for (const backend of ["redis", "memory"] as const) {
  describe(`rate limits on /api/* (${backend} counters)`, () => {
    const prefix = testPrefix(`ratelimit-${backend}`);
    let limits: ApiRateLimits;
    let app: { url: string; server: Server };

    beforeAll(async () => {
      limits = createApiRateLimits({
        perUserPerMinute: 50,
        perIpPerMinute: 400,
        redis: backend === "redis" ? { url: REDIS_URL, keyPrefix: prefix } : undefined,
        logger: silent,
      });
      await limits.ready();
      app = await limitedApp(limits);
    });
    afterAll(async () => {
      app?.server.close();
      await limits?.close();
      await cleanPrefix(prefix);
    });

    it("answers 300 requests in a second from one user with 429 and Retry-After past the user's limit, and counts users apart", async () => {
      const responses = await burst(`${app.url}/api/chat`, 300, { "x-test-user": "user-a" });
      const limited = responses.filter((r) => r.status === 429);
      expect(responses.filter((r) => r.status === 200)).toHaveLength(50);
      expect(limited).toHaveLength(250);
      const retryAfter = Number(limited[0]!.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await limited[0]!.json()).toEqual({ error: RATE_LIMITED_TEXT });
      // Another user from the same address still gets through (the IP limit is higher).
      const other = await fetch(`${app.url}/api/chat`, { method: "POST", headers: { "x-test-user": "user-b" } });
      expect(other.status).toBe(200);
    });

    it("limits by IP when no user is known, and past the IP limit whatever the user", async () => {
      const anonymous = await burst(`${app.url}/api/chat`, 60);
      // 50 for the IP as a "user" without identity.
      expect(anonymous.filter((r) => r.status === 429).length).toBeGreaterThan(0);
      const many = await burst(`${app.url}/api/chat`, 400, { "x-test-user": `user-${Math.random()}` });
      expect(many.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    });

    it("does not count Teams' /api/messages", async () => {
      const teams = await burst(`${app.url}/api/messages`, 60);
      expect(teams.every((r) => r.status === 200)).toBe(true);
    });
  });
}

describe("rate limits when Redis cannot be reached", () => {
  it("counts from the first request after the real app starts with Redis counters", async () => {
    const started = await startWegwijs({ REDIS_URL, WEGWIJS_RATE_LIMIT_PER_MINUTE: "2", WEGWIJS_RATE_LIMIT_IP_PER_MINUTE: "1000" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${started.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "rl-first", text: "help" }) });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(started.logs.some((line) => line.includes("rate limit store error"))).toBe(false);
    } finally {
      await started.close();
    }
  });

  it("lets requests through rather than taking the API down", async () => {
    const limits = createApiRateLimits({ perUserPerMinute: 5, perIpPerMinute: 5, redis: { url: "redis://127.0.0.1:1", keyPrefix: "x:" }, logger: silent });
    const app = await limitedApp(limits);
    try {
      const responses = await burst(`${app.url}/api/chat`, 3);
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    } finally {
      app.server.close();
      await limits.close();
    }
  });
});

describe("security headers on every response of the real app", () => {
  let app: RunningWegwijs;
  beforeAll(async () => {
    app = await startWegwijs({ WEGWIJS_RATE_LIMIT_PER_MINUTE: "3", WEGWIJS_RATE_LIMIT_IP_PER_MINUTE: "1000" });
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(["/", "/healthz", "/readyz", "/chat.js", "/niet-bestaand"])("sets CSP, nosniff and frame-ancestors 'none' on GET %s, HSTS only behind TLS", async (path) => {
    const plain = await fetch(`${app.baseUrl}${path}`);
    expect(plain.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(plain.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(plain.headers.get("x-content-type-options")).toBe("nosniff");
    expect(plain.headers.get("x-frame-options")).toBe("DENY");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const tls = await fetch(`${app.baseUrl}${path}`, { headers: { "x-forwarded-proto": "https" } });
    expect(tls.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });

  it("limits /api/chat in the real app (no identity yet: by IP) with 429 and Retry-After, with the headers set", async () => {
    const post = () =>
      fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "rl", text: "help" }) });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await post();
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    // Health probes are not rate limited.
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });
});
