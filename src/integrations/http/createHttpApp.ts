import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Router } from "express";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "../../logger.js";
import { securityHeaders } from "./securityHeaders.js";

export interface HttpAppDeps {
  logger: Logger;
  /**
   * Routers of the surfaces (web chat, Slack, Teams). Each parses its own body: Slack must
   * verify the signature over the raw bytes, so no global body parser runs before them.
   */
  routers: Router[];
  /** Serve the web chat page (off when WEGWIJS_WEB_AUTH=off). Default true. */
  servePage?: boolean;
  /**
   * Run in this order on /api/* before any router: web identity (res.locals.webUser), then the
   * rate limits (rateLimits.ts), so the per-user limit can count by user.
   */
  apiMiddleware?: RequestHandler[];
  /** Readiness: stores reachable and index loaded. */
  ready: () => Promise<{ ready: boolean; checks: Record<string, boolean> }>;
}

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../web/public");

/** One HTTP app for every surface, plus health and readiness probes. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders());
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const { ready, checks } = await deps.ready();
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks });
  });
  if (deps.apiMiddleware && deps.apiMiddleware.length > 0) app.use("/api", ...deps.apiMiddleware);
  for (const router of deps.routers) app.use(router);
  if (deps.servePage !== false) app.use(
    express.static(publicDir, {
      index: "index.html",
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ error: "Niet gevonden" });
  });
  app.use(errorHandler(deps.logger));
  return app;
}

/** Malformed or oversized bodies get a clear answer; nothing reaches a crash. */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === "number" ? error.status : 500;
    const type = typeof error?.type === "string" ? error.type : "error";
    logger.warn({ path: req.path, status, type }, "request rejected");
    if (res.headersSent) return;
    if (type === "entity.parse.failed") res.status(400).json({ error: "Ongeldige JSON in het verzoek" });
    else if (type === "entity.too.large") res.status(413).json({ error: "Verzoek is te groot (max 1 MB)" });
    else if (status >= 400 && status < 500) res.status(status).json({ error: "Ongeldig verzoek" });
    else res.status(500).json({ error: "Er ging iets mis aan onze kant" });
  };
}
