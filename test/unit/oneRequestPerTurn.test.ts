import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { oneRequestPerTurn } from "../../src/integrations/http/oneRequestPerTurn.js";

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;
const response = {} as ServerResponse;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("oneRequestPerTurn", () => {
  it("serves a GET at once, and starts POSTs one per event-loop turn in arrival order", async () => {
    const started: string[] = [];
    const handler = oneRequestPerTurn((req) => started.push(`${req.method} ${req.url}`));
    handler(request("POST", "/api/chat#1"), response);
    handler(request("POST", "/slack/events#2"), response);
    handler(request("POST", "/api/messages#3"), response);
    handler(request("GET", "/healthz"), response);
    // The probe ran in the turn it arrived in, before any of the POSTs queued ahead of it.
    expect(started).toEqual(["GET /healthz"]);
    await nextTurn();
    expect(started).toEqual(["GET /healthz", "POST /api/chat#1"]);
    await nextTurn();
    await nextTurn();
    expect(started).toEqual(["GET /healthz", "POST /api/chat#1", "POST /slack/events#2", "POST /api/messages#3"]);
  });
});
