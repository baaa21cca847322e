import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { isAllowedServiceUrl, UNAUTHORISED_BODY } from "../../src/integrations/teams/teamsAuth.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { startFakeTeamsConnector, type FakeTeamsConnector } from "../support/fakeTeamsConnector.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SECRET = `signing-${randomUUID()}`;
const BOT = { id: "28:wegwijs-bot", name: "Wegwijs" };

describe("Slack edges", () => {
  let fake: FakeSlackApi;
  let app: RunningWegwijs;
  let slack: SlackRequests;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = await startWegwijs({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
    slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  const press = (extra: Record<string, unknown>) => ({
    type: "block_actions",
    api_app_id: "A0WEGWIJS",
    container: { type: "message", message_ts: "1.1", channel_id: "CEDGE", is_ephemeral: false },
    trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    channel: { id: "CEDGE" },
    response_url: fake.responseUrl(),
    actions: [{ action_id: "ask.moreSources|0", block_id: "b", type: "button", action_ts: "1.2" }],
    ...extra,
  });

  it("answers a signed block_actions payload without user or team with 400 and a body that says why, nothing internal", async () => {
    for (const payload of [press({ team: { id: fake.team.id } }), press({ user: { id: "UEDGE" } }), press({ user: {}, team: { id: "T" } })]) {
      const response = await slack.interaction(payload);
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ ok: false, error: "Verzoek zonder gebruiker of werkruimte" });
    }
    const command = await slack.command({ command: "/wegwijs", text: "help", channel_id: "CEDGE", response_url: fake.responseUrl() });
    expect(command.status).toBe(400);
    expect(fake.calls.filter((c) => c.body.channel === "CEDGE")).toHaveLength(0);
  });

  it("acts on a slash command and a button press once, however often the signed request is replayed", async () => {
    const responseUrl = fake.responseUrl();
    const fields = {
      command: "/wegwijs",
      text: "help",
      user_id: "UREPLAY",
      team_id: fake.team.id,
      channel_id: "CREPLAY",
      response_url: responseUrl,
      trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    };
    for (let i = 0; i < 3; i++) expect((await slack.command(fields)).status).toBe(200);
    const id = responseUrl.split("/").at(-1)!;
    await fake.waitFor(() => (fake.responses.some((r) => r.id === id) ? true : undefined));
    expect(await fake.quietFor(1000, (c) => "id" in c && c.id === id)).toBe(0);
    expect(fake.responses.filter((r) => r.id === id)).toHaveLength(1);

    const payload = press({ user: { id: "UREPLAY" }, team: { id: fake.team.id }, channel: { id: "CREPLAY2" }, container: { type: "message", message_ts: "1.1", channel_id: "CREPLAY2" } });
    for (let i = 0; i < 3; i++) expect((await slack.interaction(payload)).status).toBe(200);
    await fake.waitFor(() => (fake.calls.some((c) => c.body.channel === "CREPLAY2") ? true : undefined));
    await fake.quietFor(1000, (c) => "method" in c && c.body.channel === "CREPLAY2");
    expect(fake.calls.filter((c) => c.body.channel === "CREPLAY2")).toHaveLength(1);
  });
});

describe("Teams test mode edges", () => {
  let connector: FakeTeamsConnector;
  let app: RunningWegwijs;
  beforeAll(async () => {
    connector = await startFakeTeamsConnector();
    app = await startWegwijs({ TEAMS_ENABLED: "true" });
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  it("refuses an activity whose serviceUrl is not a Bot Framework host or loopback, and posts nothing there", async () => {
    const target = createServer();
    let contacted = 0;
    target.on("connection", (socket) => {
      contacted++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.2", resolve));
    try {
      for (const serviceUrl of ["https://evil.example/", "http://smba.trafficmanager.net/emea/", "https://botframework.com.evil.example/"]) {
        const response = await fetch(`${app.baseUrl}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            type: "message",
            id: randomUUID(),
            channelId: "msteams",
            serviceUrl,
            from: { id: "29:u" },
            recipient: BOT,
            conversation: { id: `conv-${randomUUID()}` },
            text: "help",
          }),
        });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ error: "Ongeldige Teams-activity", problems: ["serviceUrl"] });
      }
      expect(contacted).toBe(0);
    } finally {
      target.close();
    }
  });

  it("allows the Bot Framework hosts with HTTPS, and loopback only in test mode", () => {
    expect(isAllowedServiceUrl("https://smba.trafficmanager.net/emea/", false)).toBe(true);
    expect(isAllowedServiceUrl("https://europe.webchat.botframework.com/", false)).toBe(true);
    expect(isAllowedServiceUrl("http://127.0.0.1:3978/", true)).toBe(true);
    expect(isAllowedServiceUrl("http://127.0.0.1:3978/", false)).toBe(false);
    expect(isAllowedServiceUrl("https://evilbotframework.com/", false)).toBe(false);
    expect(isAllowedServiceUrl("not a url", true)).toBe(false);
  });

  it("will not start without an app id unless bound to loopback", () => {
    expect(() => loadConfig({ TEAMS_ENABLED: "true", HOST: "0.0.0.0" })).toThrow(ConfigError);
    expect(() => loadConfig({ TEAMS_ENABLED: "true", HOST: "192.168.1.10" })).toThrow(/loopback/);
    expect(loadConfig({ TEAMS_ENABLED: "true", HOST: "127.0.0.1" }).teams).toBeDefined();
    expect(loadConfig({ MicrosoftAppId: "a", MicrosoftAppPassword: "p", HOST: "0.0.0.0" }).teams?.appId).toBe("a");
  });
});

describe("Teams 401", () => {
  let app: RunningWegwijs;
  beforeAll(async () => {
    app = await startWegwijs({
      MicrosoftAppId: "00000000-0000-0000-0000-000000000abc",
      MicrosoftAppPassword: "not-a-real-secret",
      MicrosoftAppTenantId: "00000000-0000-0000-0000-000000000def",
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("says only that the caller is not authorised: no host, token or SDK detail", async () => {
    const body = JSON.stringify({ type: "message", id: "1", channelId: "msteams", serviceUrl: "https://smba.trafficmanager.net/emea/", from: { id: "u" }, recipient: BOT, conversation: { id: "c" }, text: "hoi" });
    for (const authorization of [undefined, "Bearer not.a.jwt", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln", "Basic abc"]) {
      const response = await fetch(`${app.baseUrl}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body,
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(UNAUTHORISED_BODY);
    }
  });
});

describe("a port already in use", () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(() => {
    blocker?.close();
  });

  it("ends Wegwijs with one Dutch/English line and exit code 78", { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-port-"));
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "silent", WEGWIJS_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(78);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Poort ${port} op 127\\.0\\.0\\.1 is al in gebruik.* / port ${port} on 127\\.0\\.0\\.1 is already in use`));
    await rm(dataDir, { recursive: true, force: true });
  });
});
