import { describe, expect, it } from "vitest";
import { parseTeamsText } from "../../src/integrations/teams/commands.js";
import { fallbackText, teamsMessages } from "../../src/integrations/teams/teamsReplies.js";

describe("Teams message text", () => {
  it("reads the command menu's words and leaves questions alone", () => {
    expect(parseTeamsText("vraag wat is een spoedberaad?")).toEqual({ kind: "question", text: "wat is een spoedberaad?" });
    expect(parseTeamsText("Vraag\u00a0 wat  is\u00a0een spoedberaad?")).toEqual({ kind: "question", text: "wat is een spoedberaad?" });
    expect(parseTeamsText("help")).toEqual({ kind: "help" });
    expect(parseTeamsText(" \u00a0 ")).toEqual({ kind: "help" });
    expect(parseTeamsText("Spoedberaad")).toEqual({ kind: "coming", name: "spoedberaad" });
    expect(parseTeamsText("consult")).toEqual({ kind: "coming", name: "consult" });
    // The bot core walks the route; a command word inside a sentence is a question.
    expect(parseTeamsText("route")).toEqual({ kind: "question", text: "route" });
    expect(parseTeamsText("spoedberaad: wie schuift er aan?")).toEqual({ kind: "question", text: "spoedberaad: wie schuift er aan?" });
    expect(parseTeamsText("help mij met een aanvraag")).toEqual({ kind: "question", text: "help mij met een aanvraag" });
  });

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
