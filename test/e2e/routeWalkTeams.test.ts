import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplyPart } from "../../src/bot/reply.js";
import { type BotMessage, type Playground, startPlayground, toBotMessage } from "../support/playground.js";
import { cleanPrefix, REDIS_URL, testPrefix } from "../support/redis.js";
import { storeKey } from "../../src/stores/keyValueStore.js";
import {
  enumeratePaths,
  expectOutcome,
  findAction,
  outcomeSection,
  type RouteDriver,
  type SeenReply,
  seenFromParts,
  shippedRegions,
  shippedRoutes,
  shownStep,
  walkPath,
} from "../support/routePaths.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/**
 * Golden transcripts through Teams: the real app (TEAMS_ENABLED, anonymous) behind the Microsoft
 * 365 Agents Playground, per shipped region. "route" is typed into the personal chat, every step
 * is answered by pressing the Adaptive Card's Action.Submit button (data `{ wegwijs: { id, value } }`)
 * on the card it came with, and free-text answers are typed as messages. Each walk must reach the
 * outcome and list exactly the done / missing items the route graph gives for its path
 * (routePaths.ts, exactly like the web chat and Slack walks); the same path walked through
 * POST /api/chat on the same app must show the same outcome summary and buttons. Each Teams walk
 * ends with "Opnieuw beginnen" on the outcome card.
 *
 * EVERY path of EVERY shipped route is walked (436 at the time of writing, about 45 s on an idle
 * machine at ~10 ms a step). The playground has one user in one chat, so walks run one after
 * another, in chunks of PATHS_PER_TEST so each test stays far inside its 90 s timeout.
 */

const CARD = "application/vnd.microsoft.card.adaptive";
const REPLY_TIMEOUT_MS = 30_000;
const PATHS_PER_TEST = 50;

const routes = shippedRoutes();
const regions = shippedRegions();
const routeById = (rid: string) => routes.find((r) => r.id === rid)!;

const isCard = (m: BotMessage): boolean => m.attachments.some((a) => a.contentType === CARD);
const ourAction = (a: BotMessage["actions"][number]) =>
  (a.type === "Action.Submit" || a.type === "Action.Execute") && typeof a.data?.wegwijs?.id === "string"
    ? (a.data.wegwijs as { id: string; value?: string })
    : undefined;

/** Teams drops a lone "\n", so the cards use "\n\n" between lines; the user sees one line break. */
function seenFromTeams(messages: BotMessage[]): SeenReply {
  return {
    text: messages.map((m) => m.cardText).join("\n").replace(/\n{2,}/g, "\n"),
    actions: messages.flatMap((m) =>
      m.actions.flatMap((a) => {
        const data = ourAction(a);
        return data ? [{ id: data.id, label: a.title, ...(data.value !== undefined ? { value: data.value } : {}) }] : [];
      }),
    ),
  };
}

/** The last card of a route reply holds Terug / Opnieuw / Waarom?, "Toch kiezen", or the route list. */
function endsReply(message: BotMessage): boolean {
  const ids = message.actions.map((a) => ourAction(a)?.id);
  if (ids.includes("route.why") || ids.includes("route.resume")) return true;
  return ids.includes("route.choose") && message.cardText.includes("Kies de route die bij je situatie past");
}

/** The same path through POST /api/chat on the same app, for the cross-surface comparison. */
function webDriver(baseUrl: string, user: string): RouteDriver {
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
function summaryOf(seen: SeenReply) {
  const lines = seen.text.split("\n").map(plain);
  return {
    step: shownStep(seen),
    done: outcomeSection(seen, "Dit is er al:"),
    missing: outcomeSection(seen, "Dit ontbreekt nog"),
    next: lines.find((l) => l.startsWith("Volgende stap:")),
    // Teams marks a notice with an icon; the web chat styles it instead.
    legal: lines.find((l) => l.includes("Dit is geen juridisch advies"))?.replace(/^(?:ℹ️|⚠️)\s*/u, ""),
    buttons: seen.actions,
  };
}

/** Types into the playground's personal chat and presses Action.Submit buttons on the bot's cards. */
class TeamsDriver implements RouteDriver {
  last: BotMessage[] = [];
  constructor(private readonly playground: Playground) {}

  async say(text: string): Promise<SeenReply> {
    const from = this.playground.messages.length;
    await this.playground.sendText(text);
    return this.collect(from);
  }

  async press(action: { id: string; value?: string }): Promise<SeenReply> {
    const found = this.last
      .flatMap((message) => message.actions.map((button) => ({ message, button })))
      .find(({ button }) => {
        const data = ourAction(button);
        return data?.id === action.id && (data.value ?? "") === (action.value ?? "");
      });
    if (!found) throw new Error(`no button ${action.id} ${action.value ?? ""} on the latest reply: ${JSON.stringify(seenFromTeams(this.last).actions)}`);
    const from = this.playground.messages.length;
    if (found.button.type === "Action.Execute") {
      // Universal Actions: the invoke response is the refreshed card, in place of the pressed one.
      const response = (await this.playground.sendExecuteAction(found.button.verb ?? "", found.button.data, found.message.messageId)) as any;
      this.executes++;
      const body = response?.body ?? response;
      if (body?.type === "application/vnd.microsoft.card.adaptive") {
        const refreshed = toBotMessage(found.message.conversationId, {
          messageId: found.message.messageId,
          attachments: [{ contentType: body.type, content: body.value }],
        });
        if (endsReply(refreshed)) {
          this.last = [refreshed];
          return seenFromTeams(this.last);
        }
      }
      return this.collect(from);
    }
    // Exactly the button's data, on the message that carries it, as the Teams client sends it.
    await this.playground.sendCardAction(found.button.data, found.message.messageId);
    return this.collect(from);
  }

  /** Presses answered with a refreshed card. */
  executes = 0;

  private async collect(from: number): Promise<SeenReply> {
    const end = await this.playground.waitForReply((m) => isCard(m) && endsReply(m), REPLY_TIMEOUT_MS, from);
    const messages = this.playground.messages.slice(from, this.playground.messages.indexOf(end) + 1);
    for (const message of messages) expect(isCard(message), `a card, not: ${message.text ?? ""}`).toBe(true);
    this.last = messages;
    return seenFromTeams(messages);
  }
}

for (const region of regions) {
  describe(`Teams in the Agents Playground, region ${region.id}: route walks reach the outcome the route graph gives`, () => {
    let app: RunningWegwijs;
    let playground: Playground;
    let sessionKeys: string | undefined;
    const webUsers = `routewalk-teams-${randomUUID().slice(0, 8)}`;
    // Key names hold hashed ids; every key of this suite sits under one prefix, removed afterwards.
    const prefix = testPrefix(`routewalk-teams-${region.id}`);
    let webCount = 0;

    beforeAll(async () => {
      app = await startWegwijs({ TEAMS_ENABLED: "true", REDIS_URL, WEGWIJS_REDIS_PREFIX: prefix, WEGWIJS_REGION: region.id });
      playground = await startPlayground({ endpoint: `${app.baseUrl}/api/messages` });
      sessionKeys = `${prefix}${storeKey("route", "teams", playground.userAadObjectId, playground.conversationId)}:`;
      // The playground's user and chat are the same every run: start without a route in progress.
      await cleanPrefix(sessionKeys);
      await playground.install();
      await playground.waitForReply((m) => isCard(m) && m.cardText.includes("Hoi! Ik ben Wegwijs"), REPLY_TIMEOUT_MS);
    }, 90_000);

    afterAll(async () => {
      try {
        expect(app?.logs.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 50) ?? []).toEqual([]);
        // Every reply was answered within the turn: no "Even geduld" detour.
        expect(playground?.messages.some((m) => m.text?.startsWith("Even geduld")) ?? false).toBe(false);
      } finally {
        await playground?.close();
        await app?.close();
        await cleanPrefix(prefix);
      }
    });

    const chunks = region.routes.flatMap((routeId) => {
      const count = enumeratePaths(routeById(routeId), region.id).length;
      return Array.from({ length: Math.ceil(count / PATHS_PER_TEST) }, (_, i) => {
        const from = i * PATHS_PER_TEST;
        return [routeId, from + 1, Math.min(from + PATHS_PER_TEST, count), count] as const;
      });
    });
    it.each(chunks)("route %s, paths %i-%i of %i: each reaches its outcome with its missing items", { timeout: 90_000 }, async (routeId, first, last, count) => {
      const route = routeById(routeId);
      const paths = enumeratePaths(route, region.id);
      expect(paths).toHaveLength(count);
      // A walk that failed in an earlier test must not leave this one in the middle of a route.
      await cleanPrefix(sessionKeys!);
      const driver = new TeamsDriver(playground);
      for (const p of paths.slice(first - 1, last)) {
        const [seen, web] = await Promise.all([
          walkPath(driver, route, region, p),
          walkPath(webDriver(app.baseUrl, `${webUsers}-${++webCount}`), route, region, p),
        ]);
        expect(shownStep(seen)).toBe(`${route.id}:${p.outcome}`);
        expectOutcome(seen, route, region, p);
        expect(summaryOf(seen)).toEqual(summaryOf(web));
        // "Opnieuw beginnen" on the outcome card asks first; then the route list again, for the next walk.
        const confirm = await driver.press(findAction(seen, "route.restart"));
        expect(confirm.text).toContain("Opnieuw beginnen?");
        const picker = await driver.press(findAction(confirm, "route.restartConfirmed"));
        expect(picker.text).toContain("We beginnen opnieuw.");
        expect(picker.actions.filter((a) => a.id === "route.choose").map((a) => a.value)).toEqual(region.routes);
      }
      // Route buttons are Universal Actions: presses came back as refreshed cards, in place.
      expect(driver.executes).toBeGreaterThan(0);
    });
  });
}
