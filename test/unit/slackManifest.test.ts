import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HANDLED_EVENT_TYPES } from "../../src/integrations/slack/deliveryMiddleware.js";
import { SLASH_COMMAND } from "../../src/integrations/slack/listeners/commands.js";
import { stripMentions } from "../../src/integrations/slack/listeners/messages.js";
import { QUESTION_SHORTCUT } from "../../src/integrations/slack/listeners/shortcuts.js";
import { payloadKind, SLACK_EVENTS_PATH } from "../../src/integrations/slack/requestGuard.js";
import { slackApiUrl } from "../../src/integrations/slack/slackSurface.js";

const manifest = parse(readFileSync(new URL("../../manifests/slack.yaml", import.meta.url), "utf8"));

/** The Web API methods the surface calls, with the bot scope each needs (null: none). */
const METHOD_SCOPES: Record<string, string | null> = {
  "auth.test": null,
  "chat.postMessage": "chat:write",
  "chat.postEphemeral": "chat:write",
  "conversations.open": "im:write",
  "views.open": null,
  "views.publish": null,
  "assistant.threads.setStatus": "assistant:write",
  "assistant.threads.setSuggestedPrompts": "assistant:write",
};
/** Bot events and the scope Slack requires to subscribe to each. */
const EVENT_SCOPES: Record<string, string | null> = {
  app_home_opened: null,
  app_mention: "app_mentions:read",
  assistant_thread_started: "assistant:write",
  "message.im": "im:history",
};

describe("Slack app manifest", () => {
  it("subscribes to exactly the events the surface handles", () => {
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    // message.im arrives as event type "message".
    expect(new Set(events.map((e) => e.split(".")[0]))).toEqual(new Set(HANDLED_EVENT_TYPES));
    expect(new Set(events)).toEqual(new Set(Object.keys(EVENT_SCOPES)));
  });

  it("asks for exactly the scopes those events, the methods called and the commands need", () => {
    const needed = new Set(
      [...Object.values(METHOD_SCOPES), ...Object.values(EVENT_SCOPES), "commands"].filter((s): s is string => s !== null),
    );
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(needed);
  });

  it("names the command and shortcut the code listens for, and sends everything to one URL", () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: "global", callback_id: QUESTION_SHORTCUT })]);
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.features.assistant_view.assistant_description).toBeTruthy();
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: false, interactivity: { is_enabled: true } });
  });
});

describe("Slack request parsing", () => {
  it("strips mentions from a message", () => {
    expect(stripMentions("<@U0WEGWIJS> wat is  een <@U123|anna> spoedberaad?")).toBe("wat is een spoedberaad?");
    expect(stripMentions("<@U0WEGWIJS>")).toBe("");
  });

  it("recognises Slack's payload families and nothing else", () => {
    expect(payloadKind({ type: "url_verification", challenge: "x" })).toBe("url_verification");
    expect(payloadKind({ type: "event_callback", event: { type: "app_mention" } })).toBe("event");
    expect(payloadKind({ command: "/wegwijs", text: "" })).toBe("command");
    expect(payloadKind({ type: "block_actions", actions: [] })).toBe("block_actions");
    expect(payloadKind({ type: "shortcut" })).toBe("shortcut");
    expect(payloadKind({ type: "view_submission", view: {} })).toBe("view");
    expect(payloadKind({ type: "app_rate_limited", minute_rate_limited: 1 })).toBe("app_rate_limited");
    for (const other of [null, [], "x", {}, { type: "event_callback" }, { type: "block_actions" }, { type: "something_new" }]) {
      expect(payloadKind(other)).toBeUndefined();
    }
  });

  it("makes the Web API base URL end with a slash", () => {
    expect(slackApiUrl("http://127.0.0.1:9/api")).toBe("http://127.0.0.1:9/api/");
    expect(slackApiUrl("https://slack.com/api/")).toBe("https://slack.com/api/");
    expect(slackApiUrl(undefined)).toBeUndefined();
  });
});
