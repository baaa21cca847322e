import { describe, expect, it } from "vitest";
import { fallbackText, teamsMessages } from "../../src/integrations/teams/teamsReplies.js";

describe("Teams message text", () => {
  it("gives every card a short plain fallback, and proactive sends a visible one", () => {
    const long = "Dit is *belangrijk*: ".repeat(20);
    const reply = { parts: [{ kind: "heading" as const, text: "" }, { kind: "text" as const, text: long }] };
    const fallback = fallbackText(reply);
    expect(fallback.startsWith("Dit is belangrijk:")).toBe(true);
    expect(fallback).not.toContain("*");
    expect(fallback.length).toBeLessThanOrEqual(150);
    expect(fallbackText({ parts: [{ kind: "actions", actions: [{ id: "x", label: "Knop" }] }] })).toBe("Bericht van Wegwijs");

    const [inTurn] = teamsMessages(reply);
    expect(inTurn!.summary).toBe(fallback);
    expect(inTurn!.text).toBeUndefined();
    expect(inTurn!.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const [notification] = teamsMessages(reply, { notify: true });
    expect(notification!.text).toBe(fallback);
  });
});
