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
