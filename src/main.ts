import type { AddressInfo } from "node:net";
import { createWegwijs } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { listenErrorMessage } from "./integrations/http/listenErrors.js";
import { createLogger } from "./logger.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const wegwijs = await createWegwijs(config, logger);
  let server;
  try {
    server = await wegwijs.listen();
  } catch (error) {
    const message = listenErrorMessage(error, config.host, config.port);
    if (!message) throw error;
    console.error(message);
    await wegwijs.close().catch(() => undefined);
    process.exit(78); // EX_CONFIG: the address is a configuration matter
  }
  const { port } = server.address() as AddressInfo;
  logger.info({ port }, `Wegwijs draait: http://localhost:${port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "Wegwijs stopt; lopende verzoeken worden afgemaakt");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await wegwijs.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: (reason as Error)?.message }, "unhandled rejection");
  });
}

main().catch((error: unknown) => {
  console.error(`Wegwijs kon niet starten: ${(error as Error).message}`);
  process.exit(1);
});
