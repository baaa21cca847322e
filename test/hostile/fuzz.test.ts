import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasActor, parseSlackBody, payloadKind } from "../../src/integrations/slack/requestGuard.js";
import { checkActivity } from "../../src/integrations/teams/activityGuard.js";
import { findPersonalData, redactPersonalData } from "../../src/privacy/personalData.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { FUZZ_SEED } from "../support/personalDataArbitraries.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/**
 * Hostile input suite: random and malformed payloads, fixed seed, bounded runs. Nothing may
 * throw out of a parser, no request may get a 5xx, the process keeps serving, and state written
 * before the storm is intact after it.
 */

const SETTINGS = { seed: FUZZ_SEED, numRuns: 2000 } as const;
const HTTP_RUNS = 40;

/** Text with what hostile input contains: odd Unicode, control characters, markup, prototype keys. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "<script>alert(1)</script>", "\u0000", "\u202e", "{{7*7}}", "%00", "../../etc/passwd", "[5] passage"),
);

/** JSON-ish values where the known fields of a payload may have any type. */
const anyJson = fc.jsonValue({ maxDepth: 3 });
const slackShaped = fc.record(
  {
    type: fc.oneof(fc.constantFrom("event_callback", "block_actions", "shortcut", "view_submission", "url_verification", "block_suggestion", "app_rate_limited"), anyJson),
    event: fc.oneof(fc.record({ type: fc.oneof(fc.constantFrom("app_mention", "message", "app_home_opened"), anyJson), text: fc.oneof(hostileText, anyJson), user: anyJson, channel: anyJson, channel_type: anyJson, ts: anyJson }, { requiredKeys: [] }), anyJson),
    event_id: fc.oneof(fc.string({ maxLength: 20 }), anyJson),
    actions: fc.oneof(fc.array(fc.record({ action_id: fc.oneof(hostileText, anyJson), value: fc.oneof(hostileText, anyJson), type: anyJson }, { requiredKeys: [] }), { maxLength: 3 }), anyJson),
    user: fc.oneof(fc.record({ id: fc.oneof(fc.string({ maxLength: 12 }), anyJson) }, { requiredKeys: [] }), anyJson),
    team: fc.oneof(fc.record({ id: fc.oneof(fc.string({ maxLength: 12 }), anyJson) }, { requiredKeys: [] }), anyJson),
    channel: anyJson,
    container: anyJson,
    view: anyJson,
    state: anyJson,
    challenge: anyJson,
    trigger_id: anyJson,
    response_url: anyJson,
  },
  { requiredKeys: [] },
);
const slashCommand = fc.record(
  { command: fc.oneof(fc.constant("/wegwijs"), fc.string({ maxLength: 10 })), text: hostileText, user_id: fc.string({ maxLength: 12 }), team_id: fc.string({ maxLength: 12 }), channel_id: fc.string({ maxLength: 12 }) },
  { requiredKeys: [] },
);
const teamsShaped = fc.record(
  {
    type: fc.oneof(fc.constantFrom("message", "invoke", "conversationUpdate", "typing"), anyJson),
    id: fc.oneof(fc.uuid(), anyJson),
    channelId: fc.oneof(fc.constant("msteams"), anyJson),
    serviceUrl: fc.oneof(fc.constantFrom("http://127.0.0.1:9/", "https://evil.example/", "javascript:alert(1)"), anyJson),
    from: fc.oneof(fc.record({ id: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), anyJson), aadObjectId: anyJson }, { requiredKeys: [] }), anyJson),
    recipient: fc.oneof(fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }) }), anyJson),
    conversation: fc.oneof(fc.record({ id: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), anyJson), conversationType: anyJson }, { requiredKeys: [] }), anyJson),
    text: fc.oneof(hostileText, anyJson),
    value: anyJson,
    name: anyJson,
    membersAdded: anyJson,
  },
  { requiredKeys: [] },
);
const webShaped = fc.oneof(
  fc.record(
    {
      user: fc.oneof(hostileText, anyJson),
      conversation: fc.oneof(hostileText, anyJson),
      text: fc.oneof(hostileText, anyJson),
      action: fc.oneof(
        fc.record({ id: fc.oneof(fc.constantFrom("ask.feedback", "ask.moreSources", "route.start", "route.answer", "route.back", "__proto__"), hostileText, anyJson), value: fc.oneof(hostileText, anyJson), fields: fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), hostileText, { maxKeys: 4 }), anyJson) }, { requiredKeys: [] }),
        anyJson,
      ),
    },
    { requiredKeys: [] },
  ),
  anyJson,
);

describe("fuzz: parsers never throw on what a caller can send", () => {
  it("privacy guard: any text gives sorted, non-overlapping findings inside it, and a redaction without them", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const findings = findPersonalData(text);
        let end = 0;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(end);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          end = f.end;
        }
        const again = findPersonalData(redactPersonalData(text).text);
        expect(again).toEqual([]);
      }),
      SETTINGS,
    );
  });

  it("Slack: body parsing throws only SyntaxError, payload classification and actor checks never throw", () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, anyJson.map((v) => JSON.stringify(v)), slackShaped.map((v) => JSON.stringify(v))), fc.constantFrom("application/json", "application/x-www-form-urlencoded"), (text, mediaType) => {
        let body: unknown;
        try {
          body = parseSlackBody(text, mediaType);
        } catch (error) {
          expect(error).toBeInstanceOf(SyntaxError);
          return;
        }
        const kind = payloadKind(body);
        if (kind !== undefined) hasActor(kind, body);
      }),
      SETTINGS,
    );
  });

  it("Teams: activity validation never throws and names fields, never values", () => {
    fc.assert(
      fc.property(fc.oneof(teamsShaped, fc.anything()), (body) => {
        const check = checkActivity(body);
        if (!check.ok) for (const problem of check.problems) expect(problem.length).toBeLessThan(200);
      }),
      SETTINGS,
    );
  });
});

describe("fuzz over HTTP: the real app answers every hostile request without a 5xx and keeps its state", () => {
  const SECRET = `signing-${randomUUID()}`;
  let fake: FakeSlackApi;
  let app: RunningWegwijs;
  let slack: SlackRequests;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = await startWegwijs({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, TEAMS_ENABLED: "true", LOG_LEVEL: "warn" });
    slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  const web = (body: string) => fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("keeps a conversation's state through signed Slack payloads, Teams activities and web bodies of every shape", { timeout: 240_000 }, async () => {
    // State written before the storm: an answer with "Meer bronnen" for one web user.
    const before = (await (await web(JSON.stringify({ user: "fuzz-keeper", text: "hoeveel procent van de jongeren komt met een spoedmachtiging in de JeugdzorgPlus?" }))).json()) as any;
    expect(JSON.stringify(before)).toContain("ask.moreSources");

    await fc.assert(
      fc.asyncProperty(slackShaped, fc.boolean(), async (payload, asForm) => {
        const response = asForm ? await slack.interaction(payload) : await slack.event({ ...payload, event_time: nowSeconds() });
        expect(response.status, response.text).toBeLessThan(500);
      }),
      { seed: FUZZ_SEED, numRuns: HTTP_RUNS },
    );
    await fc.assert(
      fc.asyncProperty(slashCommand, async (fields) => {
        const response = await slack.command(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])));
        expect(response.status, response.text).toBeLessThan(500);
      }),
      { seed: FUZZ_SEED, numRuns: HTTP_RUNS },
    );
    await fc.assert(
      fc.asyncProperty(teamsShaped, async (activity) => {
        const response = await fetch(`${app.baseUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
        expect(response.status).toBeLessThan(500);
      }),
      { seed: FUZZ_SEED, numRuns: HTTP_RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(webShaped.map((v) => JSON.stringify(v)), fc.string({ maxLength: 200 })), async (body) => {
        const response = await web(body);
        expect(response.status).toBeLessThan(500);
      }),
      { seed: FUZZ_SEED, numRuns: HTTP_RUNS },
    );

    // Still serving, and the state from before is intact: "Meer bronnen" still finds its sources.
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    // The button carries its answer's id (answers keep their own hidden sources).
    const moreButton = JSON.stringify(before).match(/"id":"ask\.moreSources","label":"[^"]*","value":"([0-9a-f-]{36})"/);
    expect(moreButton).not.toBeNull();
    const more = (await (await web(JSON.stringify({ user: "fuzz-keeper", action: { id: "ask.moreSources", value: moreButton![1] } }))).json()) as any;
    expect(JSON.stringify(more)).toContain("Meer bronnen");
    expect(app.logs.filter((l) => JSON.parse(l).level >= 60)).toEqual([]);
  });
});
