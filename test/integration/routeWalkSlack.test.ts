import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplyPart } from "../../src/bot/reply.js";
import { decodeSlackActionId } from "../../src/integrations/slack/blockKit.js";
import { slackLimitViolations } from "../../src/integrations/slack/slackLimits.js";
import { startFakeSlackApi, type FakeSlackApi, type SlackApiCall } from "../support/fakeSlackApi.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import {
  enumeratePaths,
  expectOutcome,
  outcomeSection,
  type RouteDriver,
  type RoutePath,
  type SeenReply,
  seenFromParts,
  shippedRegions,
  shippedRoutes,
  shownStep,
  walkPath,
} from "../support/routePaths.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/**
 * Golden transcripts through Slack: EVERY path of EVERY shipped route (both shipped regions, 436
 * paths at the time of writing) is walked through the real Bolt app over signed HTTP requests,
 * by pressing the buttons the app posted to the fake Slack Web API (signed `block_actions`), and
 * typing the free-text answers as DMs. Half of the walks start with a DM "route" (replies arrive
 * as chat.postMessage in the DM), the other half with `/wegwijs route` (replies arrive ephemeral
 * through the response_url, and so do the presses on those ephemeral messages). This runs in
 * about 30 s (16 walks in parallel), so no sampling is needed.
 *
 * Each walk must reach the outcome and list exactly the done / missing items that the route graph
 * gives for that path (routePaths.ts, the same expectation as the web chat test), and the same
 * path walked through POST /api/chat on the same app must show the same outcome summary and the
 * same buttons.
 */

const SECRET = `signing-${randomUUID()}`;
// Every Slack id in this file carries RUN, so the Redis keys can be found and removed afterwards.
const RUN = randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();
const WEB_USER_PREFIX = `routewalk-slack-${RUN}`;
// Key names hold hashed ids; every key of this file sits under one prefix, removed afterwards.
const PREFIX = testPrefix("routewalk-slack");
let counter = 0;
const id = (prefix: string) => `${prefix}${RUN}X${++counter}`;
const ts = () => `${nowSeconds()}.${String(++counter).padStart(6, "0")}`;
const WALKS_IN_PARALLEL = 16;
const REPLY_TIMEOUT_MS = 15_000;

const routes = shippedRoutes();
const regions = shippedRegions();
const regionById = (rid: string) => regions.find((r) => r.id === rid)!;
const routeById = (rid: string) => routes.find((r) => r.id === rid)!;

/** One Block Kit message as the user received it, with where it came from. */
interface ReceivedMessage {
  via: "chat.postMessage" | "chat.postEphemeral" | "chat.update" | "response_url";
  channel: string;
  text: string;
  blocks: any[] | undefined;
  /** The ts the fake gave out (posts) or was named (updates); made up for ephemeral messages. */
  ts: string;
}

interface SlackButton {
  action_id: string;
  block_id?: string;
  value?: string;
  text: { type: "plain_text"; text: string };
}

function slackButtons(blocks: any[] | undefined): SlackButton[] {
  return (blocks ?? []).flatMap((b: any) => [
    ...(b.type === "actions" ? b.elements.filter((e: any) => e.type === "button").map((e: any) => ({ ...e, block_id: b.block_id })) : []),
    ...(b.accessory?.type === "button" ? [{ ...b.accessory, block_id: b.block_id }] : []),
  ]);
}

/** Slack shows &, < and > for the escapes in mrkdwn. */
const unescapeMrkdwn = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The readable text of the blocks (sections, headers, context), without button labels. */
function blocksText(blocks: any[] | undefined): string[] {
  const out: string[] = [];
  for (const block of blocks ?? []) {
    switch (block.type) {
      case "section":
        if (typeof block.text?.text === "string") out.push(block.text.text);
        for (const field of block.fields ?? []) if (typeof field.text === "string") out.push(field.text);
        break;
      case "header":
        out.push(block.text.text);
        break;
      case "context":
        for (const element of block.elements ?? []) if (typeof element.text === "string") out.push(element.text);
        break;
      default:
        break;
    }
  }
  return out.map(unescapeMrkdwn);
}

/** What the user sees of the messages of one reply: their text and their buttons, our ids decoded. */
function seenFromSlack(messages: ReceivedMessage[]): SeenReply {
  return {
    text: messages.flatMap((m) => blocksText(m.blocks)).join("\n"),
    actions: messages.flatMap((m) =>
      slackButtons(m.blocks).map((b) => ({
        id: decodeSlackActionId(b.action_id),
        label: b.text.text,
        ...(b.value !== undefined ? { value: b.value } : {}),
      })),
    ),
  };
}

/**
 * A reply is complete when its last message holds the buttons a route reply ends with: Terug /
 * Opnieuw beginnen / Waarom? under a step or outcome, "Toch kiezen uit de knoppen" under a
 * free-text prompt, or the route list of the picker. Messages of one reply are posted in order.
 */
function replyComplete(messages: ReceivedMessage[]): boolean {
  const last = messages.at(-1);
  if (!last) return false;
  const ids = slackButtons(last.blocks).map((b) => decodeSlackActionId(b.action_id));
  if (ids.includes("route.why") || ids.includes("route.resume")) return true;
  return ids.includes("route.choose") && blocksText(last.blocks).some((t) => t.includes("Kies de route die bij je situatie past"));
}

type Mode = "dm" | "command";

describe("golden transcripts through Slack: every path of every shipped route (signed requests, fake Web API, Redis)", () => {
  let fake: FakeSlackApi;
  const apps = new Map<string, RunningWegwijs>();
  const drivers: SlackDriver[] = [];

  const envelope = (event: Record<string, unknown>) => ({
    token: "legacy-verification-token",
    team_id: fake.team.id,
    api_app_id: "A0WEGWIJS",
    event,
    type: "event_callback",
    event_id: id("Ev"),
    event_time: nowSeconds(),
    authorizations: [{ enterprise_id: null, team_id: fake.team.id, user_id: fake.team.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });

  const dm = (user: string, channel: string, text: string) => {
    const messageTs = ts();
    return { type: "message", channel, channel_type: "im", user, text, ts: messageTs, event_ts: messageTs, team: fake.team.id, client_msg_id: randomUUID() };
  };

  const slashCommand = (user: string, channel: string, text: string, responseUrl: string) => ({
    token: "legacy",
    team_id: fake.team.id,
    team_domain: "wegwijs-test",
    channel_id: channel,
    channel_name: "directmessage",
    user_id: user,
    user_name: "tester",
    command: "/wegwijs",
    text,
    api_app_id: "A0WEGWIJS",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
  });

  const blockActions = (user: string, message: ReceivedMessage, button: SlackButton, responseUrl: string) => {
    const ephemeral = message.via === "chat.postEphemeral" || message.via === "response_url";
    return {
      type: "block_actions",
      user: { id: user, username: "tester", name: "tester", team_id: fake.team.id },
      api_app_id: "A0WEGWIJS",
      token: "legacy-verification-token",
      container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: ephemeral },
      trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
      team: { id: fake.team.id, domain: "wegwijs-test" },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: message.channel, name: "directmessage" },
      // Slack sends the message itself only for messages in the conversation, not for ephemeral ones.
      ...(ephemeral
        ? {}
        : { message: { type: "message", user: fake.team.botUserId, bot_id: fake.team.botId, ts: message.ts, text: message.text, blocks: message.blocks } }),
      state: { values: {} },
      response_url: responseUrl,
      actions: [{ action_id: button.action_id, block_id: button.block_id ?? "b1", text: button.text, ...(button.value !== undefined ? { value: button.value } : {}), type: "button", action_ts: ts() }],
    };
  };

  /**
   * One Slack user in their DM with the app. `say` sends a DM (or, for "route" in command mode,
   * `/wegwijs route`); `press` presses a button of the latest reply with a signed block_actions
   * payload, exactly as rendered (numbered action_id, block_id, value).
   */
  class SlackDriver implements RouteDriver {
    readonly user = id("U");
    readonly channel = id("D");
    /** The messages of the latest reply. */
    last: ReceivedMessage[] = [];
    /** Messages taken as replies so far (checked against what the fake received, at the end). */
    received = 0;
    readonly responseIds = new Set<string>();
    /** How the replies arrived. */
    readonly vias = new Set<ReceivedMessage["via"]>();

    constructor(
      private readonly slack: SlackRequests,
      readonly mode: Mode,
    ) {}

    private newResponseUrl(): { url: string; responseId: string } {
      const url = fake.responseUrl();
      const responseId = url.slice(url.lastIndexOf("/") + 1);
      this.responseIds.add(responseId);
      return { url, responseId };
    }

    /** chat.postMessage and chat.update calls, in order. */
    readonly methods: string[] = [];
    /** Messages typed and buttons pressed. */
    interactions = 0;

    async say(text: string): Promise<SeenReply> {
      this.interactions++;
      const from = fake.messages().length;
      if (text === "route" && this.mode === "command") {
        const { url, responseId } = this.newResponseUrl();
        const response = await this.slack.command(slashCommand(this.user, this.channel, "route", url));
        expect(response.status).toBe(200);
        return this.collect(from, responseId);
      }
      const response = await this.slack.event(envelope(dm(this.user, this.channel, text)));
      expect(response.status).toBe(200);
      return this.collect(from);
    }

    async press(action: { id: string; value?: string }): Promise<SeenReply> {
      const found = this.last
        .flatMap((message) => slackButtons(message.blocks).map((button) => ({ message, button })))
        .find(({ button }) => decodeSlackActionId(button.action_id) === action.id && (button.value ?? "") === (action.value ?? ""));
      if (!found) throw new Error(`no button ${action.id} ${action.value ?? ""} on the latest reply: ${JSON.stringify(seenFromSlack(this.last).actions)}`);
      this.interactions++;
      const { url, responseId } = this.newResponseUrl();
      const from = fake.messages().length;
      const response = await this.slack.interaction(blockActions(this.user, found.message, found.button, url));
      expect(response.status).toBe(200);
      return this.collect(from, responseId);
    }

    /** Everything sent to this user since call `from`: posts in the DM, and answers to `responseId`. */
    private gather(from: number, responseId?: string): ReceivedMessage[] {
      const posts = fake.messages().slice(from).filter((m) => m.via !== "response_url" && m.channel === this.channel);
      const responses = responseId === undefined ? [] : fake.responses.filter((r) => r.id === responseId);
      return [
        ...posts.map((m, i): ReceivedMessage => ({ via: m.via as ReceivedMessage["via"], channel: this.channel, text: m.text, blocks: m.blocks, ts: m.ts ?? `${nowSeconds()}.${String(800000 + i)}` })),
        ...responses.map((r, i): ReceivedMessage => ({ via: "response_url", channel: this.channel, text: r.body.text ?? "", blocks: r.body.blocks, ts: `${nowSeconds()}.${String(900000 + i)}` })),
      ];
    }

    private async collect(from: number, responseId?: string): Promise<SeenReply> {
      let messages: ReceivedMessage[];
      try {
        messages = await fake.waitFor(() => {
          const got = this.gather(from, responseId);
          return replyComplete(got) ? got : undefined;
        }, REPLY_TIMEOUT_MS);
      } catch (error) {
        const got = this.gather(from, responseId).map((m) => `${m.via}: ${m.text.slice(0, 160)}`);
        throw new Error(`${(error as Error).message}; ${this.user} (${this.mode}) got ${JSON.stringify(got)}`);
      }
      for (const message of messages) {
        expect(message.blocks, `${message.via} without blocks: ${message.text.slice(0, 80)}`).toBeDefined();
        expect(slackLimitViolations({ text: message.text, blocks: message.blocks! }), message.via).toEqual([]);
      }
      this.last = messages;
      this.received += messages.length;
      for (const message of messages) {
        this.vias.add(message.via);
        if (message.via === "chat.postMessage" || message.via === "chat.update") this.methods.push(message.via);
      }
      return seenFromSlack(messages);
    }
  }

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    for (const region of regions) {
      apps.set(
        region.id,
        await startWegwijs({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, REDIS_URL, WEGWIJS_REDIS_PREFIX: PREFIX, WEGWIJS_REGION: region.id }),
      );
    }
  });

  afterAll(async () => {
    try {
      if (drivers.length > 0) {
        // Nothing arrives after the reply a walk took as complete: no late or extra messages.
        await fake.quietFor(1000, () => false);
        for (const driver of drivers) {
          const posts = fake.calls.filter((c) => (c.method.startsWith("chat.post") || c.method === "chat.update") && c.body.channel === driver.channel).length;
          const responses = fake.responses.filter((r) => driver.responseIds.has(r.id)).length;
          expect(posts + responses, `messages to ${driver.user}`).toBe(driver.received);
        }
        // Every Block Kit payload Slack received in this file stays within Slack's limits.
        for (const message of fake.messages()) {
          expect(message.blocks, `${message.via} without blocks: ${message.text.slice(0, 80)}`).toBeDefined();
          expect(slackLimitViolations({ text: message.text, blocks: message.blocks! }), message.via).toEqual([]);
        }
      }
      for (const app of apps.values()) {
        expect(app.logs.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 50)).toEqual([]);
      }
    } finally {
      for (const app of apps.values()) await app.close();
      await fake?.close();
      await cleanPrefix(PREFIX);
    }
  });

  /** The same path through POST /api/chat on the same app, for the cross-surface comparison. */
  function webDriver(baseUrl: string): RouteDriver {
    const user = `${WEB_USER_PREFIX}-${++counter}`;
    const chat = async (body: { text?: string; action?: { id: string; value?: string } }) => {
      const response = await fetch(`${baseUrl}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, ...body }),
      });
      expect(response.status).toBe(200);
      const json = (await response.json()) as { replies: Array<{ parts: ReplyPart[] }> };
      return seenFromParts(json.replies.flatMap((r) => r.parts));
    };
    return { say: (text) => chat({ text }), press: (action) => chat({ action: { id: action.id, value: action.value } }) };
  }

  const plain = (s: string) => s.replace(/[*_]/g, "").replace(/\s+/g, " ").trim();
  /** The parts of an outcome that must not depend on the surface. */
  const summaryOf = (seen: SeenReply) => {
    const lines = seen.text.split("\n").map(plain);
    return {
      step: shownStep(seen),
      done: outcomeSection(seen, "Dit is er al:"),
      missing: outcomeSection(seen, "Dit ontbreekt nog"),
      next: lines.find((l) => l.startsWith("Volgende stap:")),
      // Slack marks a notice with an icon; the web chat styles it instead.
      legal: lines.find((l) => l.includes("Dit is geen juridisch advies"))?.replace(/^(?:ℹ️|⚠️)\s*/u, ""),
      buttons: seen.actions,
    };
  };

  async function pool<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
    let next = 0;
    let failed = false;
    const workers = await Promise.allSettled(
      Array.from({ length: size }, async () => {
        while (!failed && next < items.length) {
          const index = next++;
          try {
            await work(items[index]!, index);
          } catch (error) {
            failed = true;
            throw error;
          }
        }
      }),
    );
    const rejected = workers.find((w): w is PromiseRejectedResult => w.status === "rejected");
    if (rejected) throw rejected.reason;
  }

  const cases = regions.flatMap((region) => region.routes.map((routeId) => [region.id, routeId] as const));
  it.each(cases)("region %s, route %s: every path reaches the web walk's outcome with the same missing items", { timeout: 300_000 }, async (regionId, routeId) => {
    const region = regionById(regionId);
    const route = routeById(routeId);
    const app = apps.get(regionId)!;
    const slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
    const paths = enumeratePaths(route, region.id);
    expect(paths.length).toBeGreaterThan(1);
    const byMode: Record<Mode, number> = { dm: 0, command: 0 };
    const walked: RoutePath[] = [];
    await pool(paths, WALKS_IN_PARALLEL, async (p, index) => {
      const mode: Mode = index % 2 === 0 ? "dm" : "command";
      const driver = new SlackDriver(slack, mode);
      drivers.push(driver);
      const [seen, web] = await Promise.all([walkPath(driver, route, region, p), walkPath(webDriver(app.baseUrl), route, region, p)]);
      // The outcome node and exactly the done / missing items the graph gives for this path.
      expect(shownStep(seen)).toBe(`${route.id}:${p.outcome}`);
      expectOutcome(seen, route, region, p);
      // And the same as the web chat shows for the same path, buttons included.
      expect(summaryOf(seen)).toEqual(summaryOf(web));
      // A DM walk is answered in the DM; a /wegwijs walk ephemerally through the response_url,
      // except the reply to a typed answer (a DM), which lands in the DM.
      // A DM walk is one message: one chat.postMessage, then one chat.update per step (typed
      // answers included). A /wegwijs walk is ephemeral and redrawn through the response_url;
      // after a typed answer (a DM) the walk continues in one DM message, updated in place.
      if (mode === "dm") {
        expect(driver.methods[0]).toBe("chat.postMessage");
        expect(driver.methods.slice(1).every((m) => m === "chat.update")).toBe(true);
        // Exactly one message per interaction, and nothing else.
        expect(driver.methods.length, JSON.stringify(driver.methods)).toBe(driver.interactions);
        expect([...driver.vias].sort()).toEqual(["chat.postMessage", "chat.update"]);
      } else {
        expect(driver.methods.filter((m) => m === "chat.postMessage").length).toBe(p.notes.length > 0 ? 1 : 0);
        expect(driver.vias.has("response_url")).toBe(true);
      }
      byMode[mode]++;
      walked.push(p);
    });
    expect(walked).toHaveLength(paths.length);
    expect(byMode.dm).toBeGreaterThan(0);
    expect(byMode.command).toBeGreaterThan(0);
  });
});
