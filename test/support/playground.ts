import { type ChildProcess, spawn } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";

/**
 * Microsoft 365 Agents Playground (the Teams client emulator) driven headless through the same
 * HTTP API its web UI uses:
 * - GET  /_internal/v1/config                          tenant, bot, current user, personal chat
 * - POST /_conversation/v1/conversations/{id}/messages a user message
 * - POST /_conversation/v1/submit                      an Action.Submit press on a bot message
 * - POST /_conversation/v1/invoke                      an Action.Execute press (adaptiveCard/action)
 * - POST /_debug/conversation/{id}/installation        install: conversationUpdate with the bot added
 * - WS   /_ws_conversation/v1/conversations/stream     the bot's messages ("createMessage" events)
 * (found in the package's server bundle and web client, dist/index.js and dist/client).
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.join(repoRoot, "node_modules/@microsoft/m365agentsplayground/cli.js");

export interface CardAttachment {
  contentType: string;
  content: any;
}

/** One message the bot posted, as the playground shows it. */
export interface BotMessage {
  messageId: string;
  conversationId: string;
  text?: string;
  attachments: CardAttachment[];
  /** Every TextBlock/TextRun text of every card, joined by newlines. */
  cardText: string;
  /** Action.Submit / Action.Execute buttons of every card. */
  actions: Array<{ type: string; title: string; data?: any; verb?: string }>;
}

export interface Playground {
  baseUrl: string;
  /** The personal chat between the current user and the bot. */
  conversationId: string;
  userId: string;
  /** The current user's Entra object id, which the bot sees as from.aadObjectId. */
  userAadObjectId: string;
  botId: string;
  /** Every bot message received so far, in order. */
  messages: BotMessage[];
  /** Every stream event, for diagnostics. */
  events: unknown[];
  /** The playground's own stdout/stderr. */
  output: string[];
  install(): Promise<void>;
  sendText(text: string): Promise<{ messageId: string }>;
  /**
   * Presses an Action.Submit: `value` is the button's data (plus form input values). The card
   * message defaults to the latest bot message holding a button with exactly this data.
   */
  sendCardAction(value: Record<string, unknown>, replyToId?: string): Promise<void>;
  /** Presses an Action.Execute; returns the invoke response the playground got from the bot. */
  sendExecuteAction(verb: string, data: Record<string, unknown>, replyToId: string): Promise<unknown>;
  /** Resolves with the first bot message (already received or arriving) matching the predicate. */
  waitForReply(predicate: (message: BotMessage) => boolean, timeoutMs?: number, after?: number): Promise<BotMessage>;
  close(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's endpoint, e.g. http://127.0.0.1:1234/api/messages. */
  endpoint: string;
  startTimeoutMs?: number;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    // Port 0 is not accepted; the CLI falls back to a random free port when this one is taken.
    [CLI, "start", "-e", options.endpoint, "-c", "msteams", "-p", String(await freePortGuess()), "--disable-telemetry"],
    {
      cwd: repoRoot,
      // Its own process group, so close() reaches anything it starts.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none", BROWSER: "none", NODE_ENV: "test" },
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const port = await listeningPort(child, output, options.startTimeoutMs ?? 30_000);
    const baseUrl = `http://127.0.0.1:${port}`;
    const config = await waitForConfig(baseUrl, options.startTimeoutMs ?? 30_000);
    return await connect(child, exited, baseUrl, config, output);
  } catch (error) {
    await kill(child, exited);
    throw new Error(`playground did not start: ${(error as Error).message}\n${output.join("").slice(-2000)}`);
  }
}

interface PlaygroundConfig {
  bot: { id: string };
  currentUser: { id: string; aadObjectId: string };
  personalChat: { id: string };
}

async function connect(
  child: ChildProcess,
  exited: Promise<void>,
  baseUrl: string,
  config: PlaygroundConfig,
  output: string[],
): Promise<Playground> {
  const messages: BotMessage[] = [];
  const events: unknown[] = [];
  const waiters = new Set<() => void>();
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/_ws_conversation/v1/conversations/stream`);
  ws.on("message", (data) => {
    let event: any;
    try {
      event = JSON.parse(data.toString());
    } catch {
      return;
    }
    events.push(event);
    const message = event?.message;
    if (event?.action === "createMessage" && message?.from?.id === config.bot.id) {
      messages.push(toBotMessage(event.actionConversationId, message));
      for (const wake of waiters) wake();
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });

  const post = async (route: string, body: unknown): Promise<any> => {
    const response = await fetch(`${baseUrl}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`playground ${route}: ${response.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };

  const conversationId = config.personalChat.id;
  const userId = config.currentUser.id;

  return {
    baseUrl,
    conversationId,
    userId,
    userAadObjectId: config.currentUser.aadObjectId,
    botId: config.bot.id,
    messages,
    events,
    output,
    install: async () => {
      await post(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
    },
    sendText: async (text) => {
      const result = await post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        from: { id: userId },
        text,
        textFormat: "plain",
      });
      return { messageId: String(result?.messageId) };
    },
    sendCardAction: async (value, replyToId) => {
      const target =
        replyToId ??
        [...messages].reverse().find((m) => m.actions.some((a) => a.type === "Action.Submit" && isDeepStrictEqual(a.data, value)))?.messageId ??
        messages.at(-1)?.messageId;
      if (!target) throw new Error("no bot message to press a button on");
      await post("/_conversation/v1/submit", { conversation: { id: conversationId }, from: { id: userId }, replyToId: target, value });
    },
    sendExecuteAction: async (verb, data, replyToId) =>
      post("/_conversation/v1/invoke", {
        name: "adaptiveCard/action",
        conversation: { id: conversationId },
        from: { id: userId },
        replyToId,
        value: { action: { type: "Action.Execute", verb, data } },
      }),
    waitForReply: (predicate, timeoutMs = 30_000, after = 0) =>
      new Promise<BotMessage>((resolve, reject) => {
        const check = (): boolean => {
          const found = messages.slice(after).find(predicate);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = messages.slice(after).map((m) => (m.text ?? m.cardText).slice(0, 80));
          reject(new Error(`no matching bot message within ${timeoutMs} ms; got: ${JSON.stringify(seen)}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = (): void => void check();
        waiters.add(wake);
        check();
      }),
    close: async () => {
      ws.terminate();
      await kill(child, exited);
    },
  };
}

export function toBotMessage(conversationId: string, message: any): BotMessage {
  const attachments: CardAttachment[] = Array.isArray(message.attachments) ? message.attachments : [];
  const texts: string[] = [];
  const actions: BotMessage["actions"] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const n = node as Record<string, any>;
    if ((n.type === "TextBlock" || n.type === "TextRun") && typeof n.text === "string") texts.push(n.text);
    if (n.type === "Action.Submit" || n.type === "Action.Execute") actions.push({ type: n.type, title: n.title, data: n.data, verb: n.verb });
    // An action's fallback is the same button for older clients, not a second one.
    for (const [key, child] of Object.entries(n)) if (key !== "data" && key !== "fallback" && typeof child === "object") visit(child);
  };
  visit(attachments.map((a) => a.content));
  return {
    messageId: String(message.messageId),
    conversationId,
    ...(typeof message.text === "string" ? { text: message.text } : {}),
    attachments,
    cardText: texts.join("\n"),
    actions,
  };
}

/** A port that was free a moment ago; the CLI picks another one itself if it is taken by then. */
async function freePortGuess(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Reads "Listening on <port>" from the CLI's output. */
function listeningPort(child: ChildProcess, output: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error(`no "Listening on" within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      output.push(text);
      buffer += text;
      const match = /Listening on (\d+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`playground exited early (code ${code}, signal ${signal})`));
    });
  });
}

async function waitForConfig(baseUrl: string, timeoutMs: number): Promise<PlaygroundConfig> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/_internal/v1/config`);
      if (response.ok) return ((await response.json()) as { config: PlaygroundConfig }).config;
      last = response.status;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`config not ready: ${String(last)}`);
}

/** SIGTERM to the whole process group, SIGKILL if it lingers, and to any straggler after. */
async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig);
    } catch {
      // The group is gone already.
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
  signal("SIGKILL");
}
