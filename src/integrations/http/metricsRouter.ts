import { Router } from "express";
import type { Registry } from "prom-client";

/** GET /metrics in the Prometheus text format (answer pool, event-loop lag, memory). */
export function metricsRouter(registry: Registry): Router {
  const router = Router();
  router.get("/metrics", async (_req, res, next) => {
    try {
      res.setHeader("Content-Type", registry.contentType);
      res.send(await registry.metrics());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
