import { describe, expect, it } from "vitest";
import type { ChatHandler } from "../../src/bot/chatHandler.js";
import type { Directory } from "../../src/bot/directory.js";
import type { Reply } from "../../src/bot/reply.js";
import { createLogger } from "../../src/logger.js";
import { HandlerRegistry } from "../../src/router/registry.js";
import { createBot } from "../../src/router/router.js";

const DECLINE: Reply = { parts: [{ kind: "text", text: "De plandocumenten geven hier geen antwoord op." }], declines: true };
const ANSWER: Reply = { parts: [{ kind: "text", text: "“Een citaat.” [1]" }] };

/** A bot whose answerer gives `reply`, with one feature that offers a button under any answer. */
function bot(reply: Reply) {
  const fallback = { name: "ask", visibility: "conversation", message: async () => [reply] } satisfies ChatHandler;
  const offering: ChatHandler = {
    name: "route",
    visibility: "conversation",
    suggest: () => [
      { kind: "text", text: "Loop de plaatsingsroute door." },
      { kind: "actions", actions: [{ id: "route.start", label: "Start de plaatsingsroute" }] },
    ],
  };
  const directory = { resolve: async (address: { surface: "web"; userId: string }) => ({ surface: address.surface, userId: address.userId }) } as unknown as Directory;
  return createBot({ registry: new HandlerRegistry([offering, fallback]), directory, fallback, logger: createLogger("silent") });
}

const say = (text: string, reply: Reply) => bot(reply).handle({ kind: "message", address: { surface: "web", userId: "u1", conversationId: "c1" }, text });

describe("offers under an answer", () => {
  it("answers 'wat moet ik doen?' that no passage answers with what Wegwijs can walk, not with a refusal", async () => {
    const replies = await say("mijn pupil escaleert, jz+ lijkt nodig. wat moet ik doen?", DECLINE);
    const texts = replies.flatMap((r) => r.parts.flatMap((p) => (p.kind === "text" ? [p.text] : [])));
    expect(texts[0]).toMatch(/^Wat jij nu moet doen, staat niet letterlijk in de plandocumenten/);
    expect(texts.join("\n")).not.toContain("geven hier geen antwoord");
    expect(replies.flatMap((r) => r.parts.flatMap((p) => (p.kind === "actions" ? p.actions.map((a) => a.id) : [])))).toEqual(["route.start"]);
  });

  it("keeps the refusal for any other question, with the offer under it, and an answer with the offer's button first", async () => {
    const declined = await say("wat zegt het plan over de wachttijd bij Ambiq?", DECLINE);
    expect(JSON.stringify(declined)).toContain("geven hier geen antwoord");
    const answered = await say("wat moet ik doen?", ANSWER);
    expect(answered[0]!.parts[0]).toEqual({ kind: "text", text: "“Een citaat.” [1]" });
  });
});
