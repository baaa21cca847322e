import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { echoHandler } from "../fixtures/handlers/echo/echoHandler.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const SECRET = "proxy-secret-for-tests-0123456789";

async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(`${baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

const replyText = (json: any): string => json.replies.flatMap((r: any) => r.parts.filter((p: any) => p.kind === "text").map((p: any) => p.text)).join("\n");

describe("web identity behind an authenticating proxy (WEGWIJS_WEB_AUTH=proxy)", () => {
  let app: RunningWegwijs;
  beforeAll(async () => {
    app = await startWegwijs({ WEGWIJS_WEB_AUTH: "proxy", WEGWIJS_WEB_PROXY_SECRET: SECRET }, { extraHandlers: [echoHandler()] });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("refuses a request without the proxy's secret with 401, and says nothing internal", async () => {
    const attempts: Array<Record<string, string>> = [{}, { "x-auth-request-user": "alice" }, { "x-auth-request-user": "alice", "x-wegwijs-proxy-secret": "wrong" }];
    for (const headers of attempts) {
      const { status, json } = await post(app.baseUrl, { user: "alice", text: "echo hoi" }, headers);
      expect(status).toBe(401);
      expect(json).toEqual({ error: "Niet aangemeld." });
    }
    const stream = await fetch(`${app.baseUrl}/api/stream?conversation=x&user=alice`);
    expect(stream.status).toBe(401);
  });

  it("takes the user from the proxy's header, never from the body", async () => {
    const headers = { "x-wegwijs-proxy-secret": SECRET, "x-auth-request-user": "alice", "x-auth-request-preferred-username": "Alice Jansen" };
    const asked = await post(app.baseUrl, { user: "mallory", text: "echo hoi" }, headers);
    expect(asked.status).toBe(200);
    expect(replyText(asked.json)).toBe("Echo: hoi (voor Alice Jansen)");
    const pressed = await post(app.baseUrl, { user: "mallory", action: { id: "echo.press", value: "hoi" } }, headers);
    expect(replyText(pressed.json)).toBe("Ingedrukt door web:alice (hoi)");
    // Without a body user at all it works the same.
    const bare = await post(app.baseUrl, { action: { id: "echo.press", value: "x" } }, headers);
    expect(replyText(bare.json)).toBe("Ingedrukt door web:alice (x)");
  });
});

describe("web identity off (WEGWIJS_WEB_AUTH=off)", () => {
  let app: RunningWegwijs;
  beforeAll(async () => {
    app = await startWegwijs({ WEGWIJS_WEB_AUTH: "off" });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("serves neither the page nor the API", async () => {
    expect((await post(app.baseUrl, { user: "alice", text: "hallo" })).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });
});
