import { AuthType, type AuthConfiguration, OutboundHostValidator } from "@microsoft/agents-hosting";
import type { Config } from "../../config.js";

export type TeamsConfig = NonNullable<Config["teams"]>;

/** The SDK's name for the default connection; every service URL maps to it. */
const CONNECTION = "serviceConnection";

/**
 * The SDK's auth configuration built from our validated config only. With an explicit
 * connection map the SDK does not go looking for Connections__* or clientId variables in the
 * environment, so what we validated is what runs.
 */
export function teamsAuthConfiguration(config: TeamsConfig): AuthConfiguration {
  const connection: AuthConfiguration = {
    // Keys are set even when undefined: the SDK spreads environment settings underneath.
    clientId: config.appId,
    clientSecret: config.appPassword,
    tenantId: config.tenantId,
    ...(config.appId ? { authType: AuthType.ClientSecret } : {}),
  };
  return {
    ...connection,
    connections: new Map([[CONNECTION, connection]]),
    connectionsMap: [{ serviceUrl: "*", connection: CONNECTION }],
  };
}

/** Anonymous only for local testing (playground, fake connector): no app id configured. */
export function isAnonymous(config: TeamsConfig): boolean {
  return !config.appId;
}

/**
 * With real credentials we only ever post to Microsoft's hosts (botframework.com,
 * smba.trafficmanager.net, ...): a forged serviceUrl cannot make us send our token elsewhere.
 * Anonymous local runs talk to the playground or a fake connector on localhost.
 */
export function outboundHostPolicy(config: TeamsConfig): OutboundHostValidator {
  return new OutboundHostValidator({ enabled: !isAnonymous(config), includeDefaultMicrosoftHosts: true });
}

/** The Bot Framework's own service hosts (public cloud, government clouds, Teams' regional hosts). */
const BOT_FRAMEWORK_HOSTS = [/^smba\.trafficmanager\.net$/, /(^|\.)botframework\.com$/, /(^|\.)botframework\.azure\.us$/, /(^|\.)botframework\.azure\.cn$/, /^smba\.infra\.gov\.teams\.microsoft\.us$/];
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Where replies may go. An activity names the serviceUrl our replies are posted to; only Bot
 * Framework hosts (HTTPS) qualify, plus loopback in anonymous test mode (the Agents Playground,
 * a fake connector). Anything else is refused before the SDK sees the activity.
 */
export function isAllowedServiceUrl(serviceUrl: string, anonymous: boolean): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (anonymous && isLoopbackHost(url.hostname)) return url.protocol === "http:" || url.protocol === "https:";
  return url.protocol === "https:" && BOT_FRAMEWORK_HOSTS.some((host) => host.test(url.hostname.toLowerCase()));
}

/** What a refused caller reads: nothing about hosts, tokens or the SDK. */
export const UNAUTHORISED_BODY = { error: "Niet geautoriseerd" } as const;

/** The part of a response the SDK's JWT check writes to (status, then send). */
export interface CapturedResponse {
  statusCode: number;
  status(code: number): CapturedResponse;
  send(body?: unknown): CapturedResponse;
  setHeader(name: string, value: unknown): CapturedResponse;
  end(): CapturedResponse;
}

/**
 * A response stand-in for the SDK's JWT check: it records the status the SDK chose and
 * swallows the body (which can name internal hosts or token details), so the caller answers
 * with UNAUTHORISED_BODY instead.
 */
export function capturedResponse(): CapturedResponse {
  const captured: CapturedResponse = {
    statusCode: 200,
    status(code) {
      captured.statusCode = code;
      return captured;
    },
    send: () => captured,
    setHeader: () => captured,
    end: () => captured,
  };
  return captured;
}
