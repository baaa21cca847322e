import { anonymousWebName } from "../../src/bot/actor.js";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSlackActionId } from "../../src/integrations/slack/blockKit.js";
import { echoHandler } from "../fixtures/handlers/echo/echoHandler.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { startFakeTeamsConnector, type FakeTeamsConnector } from "../support/fakeTeamsConnector.js";
import { runId } from "../support/runId.js";
import { nowSeconds, SlackRequests } from "../support/slackSigning.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";

/**
 * The registry proves itself: a feature that lives only in test/fixtures/handlers/echo/ and is
 * added with one line (extraHandlers) answers its command and its button on the web, in Slack
 * (slash command + signed block_actions, fake Web API) and in Teams (message + Action.Submit, fake
 * connector), and shows up in each surface's help. Nothing outside its folder knows about it.
 */
describe("a handler added by one registry line works on web, Slack and Teams", () => {
  const SECRET = `signing-${randomUUID()}`;
  const RUN = runId().toUpperCase();
  let slackApi: FakeSlackApi;
  let connector: FakeTeamsConnector;
  let app: RunningWegwijs;
  let slack: SlackRequests;

  beforeAll(async () => {
    slackApi = await startFakeSlackApi();
    connector = await startFakeTeamsConnector();
    app = await startWegwijs(
      { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackApi.apiUrl, TEAMS_ENABLED: "true" },
      { extraHandlers: [echoHandler()] },
    );
    slack = new SlackRequests(`${app.baseUrl}/slack/events`, SECRET);
  });
  afterAll(async () => {
    await app?.close();
    await slackApi?.close();
    await connector?.close();
  });

  it("web: the command, its button, and the help", async () => {
    const post = async (body: object) =>
      (await fetch(`${app.baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json() as Promise<any>;
    const said = await post({ user: `web-${RUN}`, text: "echo appel" });
    // Without a name a web user is shown by a stand-in, never by their id.
    expect(said.replies[0].parts[0].text).toBe(`Echo: appel (voor ${anonymousWebName(`web-${RUN}`)})`);
    const button = said.replies[0].parts[1].actions[0];
    expect(button).toMatchObject({ id: "echo.press", label: "Druk op mij", value: "appel" });
    const pressed = await post({ user: `web-${RUN}`, action: { id: button.id, value: button.value } });
    expect(pressed.replies[0].parts[0].text).toBe(`Ingedrukt door web:web-${RUN} (appel)`);
    const help = await post({ user: `web-${RUN}`, text: "help" });
    expect(JSON.stringify(help)).toContain("testfunctie: zegt het woord terug");
  });

  it("Slack: /wegwijs echo, then its button (signed block_actions)", async () => {
    const user = `U${RUN}1`;
    const channel = `C${RUN}1`;
    slackApi.users.set(user, "Sanne");
    const responseUrl = slackApi.responseUrl();
    const ack = await slack.command({
      token: "legacy", team_id: slackApi.team.id, channel_id: channel, user_id: user, command: "/wegwijs", text: "echo peer",
      response_url: responseUrl, trigger_id: `${nowSeconds()}.1.${randomUUID()}`,
    });
    expect(ack.status).toBe(200);
    const answer = await slackApi.waitFor(() => slackApi.responses.find((r) => r.id === responseUrl.split("/").at(-1)));
    expect(answer.body.text).toContain("Echo: peer (voor Sanne)");
    const button = answer.body.blocks.flatMap((b: any) => (b.type === "actions" ? b.elements : [])).find((e: any) => e.type === "button");
    expect(decodeSlackActionId(button.action_id)).toBe("echo.press");

    const press = await slack.interaction({
      type: "block_actions",
      user: { id: user, username: "sanne", team_id: slackApi.team.id },
      team: { id: slackApi.team.id, domain: "test" },
      api_app_id: "A0WEGWIJS",
      container: { type: "message", message_ts: "1.000001", channel_id: channel, is_ephemeral: false },
      channel: { id: channel, name: "team" },
      message: { type: "message", ts: "1.000001", text: "Echo", blocks: answer.body.blocks },
      trigger_id: `${nowSeconds()}.2.${randomUUID()}`,
      response_url: slackApi.responseUrl(),
      actions: [{ action_id: button.action_id, block_id: "b", type: "button", value: button.value, text: button.text, action_ts: "1.1" }],
    });
    expect(press.status).toBe(200);
    // The handler declared its replies visible to the conversation: a real message in the channel.
    const posted = await slackApi.waitFor(() => slackApi.callsTo("chat.postMessage").find((c) => c.body.channel === channel));
    expect(posted.body.text).toContain(`Ingedrukt door slack:${user} (peer)`);

    const help = await slack.command({
      token: "legacy", team_id: slackApi.team.id, channel_id: channel, user_id: user, command: "/wegwijs", text: "help",
      response_url: slackApi.responseUrl(), trigger_id: `${nowSeconds()}.3.${randomUUID()}`,
    });
    expect(help.status).toBe(200);
    const helpText = await slackApi.waitFor(() => slackApi.responses.find((r) => String(r.body.text).includes("/wegwijs echo")));
    expect(helpText.body.text).toContain("testfunctie: zegt het woord terug");
  });

  it("Teams: 'echo …' as a message, then its Action.Submit button", async () => {
    const conversation = `conv-${RUN}`;
    const activity = (fields: object) => ({
      type: "message", id: randomUUID(), channelId: "msteams", serviceUrl: connector.serviceUrl, timestamp: new Date().toISOString(),
      from: { id: `29:${RUN}`, aadObjectId: `aad-${RUN}`, name: "Kees" }, recipient: { id: "28:wegwijs-bot", name: "Wegwijs" },
      conversation: { id: conversation, conversationType: "personal", tenantId: "tenant-1" }, channelData: { tenant: { id: "tenant-1" } },
      ...fields,
    });
    const send = (body: object) => fetch(`${app.baseUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await send(activity({ text: "echo kers" }))).status).toBe(200);
    const [card] = await connector.waitForMessages(conversation, 1);
    const content = card!.activity.attachments[0].content;
    expect(JSON.stringify(content)).toContain("Echo: kers (voor Kees)");
    const submit = JSON.stringify(content).match(/"data":(\{"wegwijs":\{[^}]*\}\})/);
    expect(submit).not.toBeNull();
    expect((await send(activity({ value: JSON.parse(submit![1]!) }))).status).toBe(200);
    const [, pressed] = await connector.waitForMessages(conversation, 2);
    expect(JSON.stringify(pressed!.activity.attachments[0].content)).toContain(`Ingedrukt door teams:aad-${RUN} (kers)`);
  });
});
