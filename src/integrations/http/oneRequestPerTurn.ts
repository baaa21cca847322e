import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { TurnScheduler } from "../turnScheduler.js";

/**
 * Requests that carry work (POST: a chat message, a Slack event, a Teams activity) start one per
 * event-loop turn, first come first served; probes, pages and streams (GET) are served at once.
 *
 * Why: a burst of hundreds of requests arrives in one turn, and Express runs each one's routing,
 * headers and middleware before it yields. Started one per turn, /healthz and Slack's acks get
 * their turn between two requests instead of after all of them.
 */
export function oneRequestPerTurn(handler: RequestListener, turns = new TurnScheduler()): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") {
      handler(req, res);
      return;
    }
    void turns.run(async () => {
      handler(req, res);
    });
  };
}
