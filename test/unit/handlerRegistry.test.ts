import { describe, expect, it } from "vitest";
import type { ChatHandler } from "../../src/bot/chatHandler.js";
import { HandlerRegistry } from "../../src/router/registry.js";

const handler = (over: Partial<ChatHandler> & { name: string }): ChatHandler => ({ visibility: "conversation", ...over });

function registry(): HandlerRegistry {
  return new HandlerRegistry([
    handler({ name: "help", commands: [{ name: "help", aliases: ["hulp"], help: "uitleg" }], visibility: "private" }),
    handler({ name: "ask", commands: [{ name: "vraag", help: "vraag", takesText: true }], actionPrefix: "ask." }),
    handler({ name: "route", commands: [{ name: "route", help: "route" }], actionPrefix: "route." }),
    handler({ name: "checklist", commands: [{ name: "spoedberaad", help: "checklist", takesText: /^[\w-]{1,40}$/ }], actionPrefix: "spoedberaad." }),
  ]);
}

describe("handler registry", () => {
  it("reads chat text: a command word alone, or followed by text it takes; anything else is a message", () => {
    const r = registry();
    expect(r.parseText("Vraag\u00a0 wat  is\u00a0een spoedberaad?")).toEqual({ kind: "command", name: "vraag", text: "wat is een spoedberaad?" });
    expect(r.parseText("route")).toEqual({ kind: "command", name: "route", text: "" });
    expect(r.parseText("HULP")).toEqual({ kind: "command", name: "help", text: "" });
    expect(r.parseText("route naar de rechter?")).toEqual({ kind: "message", text: "route naar de rechter?" });
    expect(r.parseText("spoedberaad CASUS-12")).toEqual({ kind: "command", name: "spoedberaad", text: "CASUS-12" });
    expect(r.parseText("spoedberaad: wie schuift er aan?")).toEqual({ kind: "message", text: "spoedberaad: wie schuift er aan?" });
    expect(r.parseText("spoedberaad wie schuift er aan?")).toEqual({ kind: "message", text: "spoedberaad wie schuift er aan?" });
  });

  it("reads a command asked for in so many words as that command, and nothing else", () => {
    const r = registry();
    expect(r.parseText("start spoedberaad")).toEqual({ kind: "command", name: "spoedberaad", text: "" });
    expect(r.parseText("Start een spoedberaad voor CASUS-0412")).toEqual({ kind: "command", name: "spoedberaad", text: "CASUS-0412" });
    expect(r.parseText("spoedberaad starten voor CASUS-0412")).toEqual({ kind: "command", name: "spoedberaad", text: "CASUS-0412" });
    expect(r.parseText("spoedberaad voor CASUS-12")).toEqual({ kind: "command", name: "spoedberaad", text: "CASUS-12" });
    // "casus" before the number (second new-user try of the thirty-eighth session: answered as a question).
    expect(r.parseText("spoedberaad casus 2024-17")).toEqual({ kind: "command", name: "spoedberaad", text: "2024-17" });
    expect(r.parseText("start spoedberaad voor casusnr: GR-0415")).toEqual({ kind: "command", name: "spoedberaad", text: "GR-0415" });
    expect(r.parseText("spoedberaad casus van de moeder")).toEqual({ kind: "message", text: "spoedberaad casus van de moeder" });
    expect(r.parseText("open de route aub")).toEqual({ kind: "command", name: "route", text: "" });
    expect(r.parseText("route graag!")).toEqual({ kind: "command", name: "route", text: "" });
    // A question, or a request about something else, stays a message.
    expect(r.parseText("start spoedberaad wie moet erbij zijn?")).toEqual({ kind: "message", text: "start spoedberaad wie moet erbij zijn?" });
    expect(r.parseText("start de jeugdhulp")).toEqual({ kind: "message", text: "start de jeugdhulp" });
    expect(r.parseText("spoedberaad starten met de ouders")).toEqual({ kind: "message", text: "spoedberaad starten met de ouders" });
  });

  it("reads /wegwijs subcommands: the rest always goes to the command, unknown or empty is help", () => {
    const r = registry();
    expect(r.parseSlash("route nu")).toEqual({ kind: "command", name: "route", text: "nu" });
    expect(r.parseSlash("")).toEqual({ kind: "command", name: "help", text: "" });
    expect(r.parseSlash("vraagje over iets")).toEqual({ kind: "command", name: "help", text: "" });
  });

  it("treats prototype names as unknown words, never as commands", () => {
    const r = registry();
    for (const word of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(r.command(word)).toBeUndefined();
      expect(r.parseSlash(word)).toEqual({ kind: "command", name: "help", text: "" });
      expect(r.parseText(word)).toEqual({ kind: "message", text: word });
    }
  });

  it("finds an action's handler by its prefix, with that handler's visibility", () => {
    const r = registry();
    expect(r.handlerForAction("route.answer")?.name).toBe("route");
    expect(r.isKnownAction("ask.feedback")).toBe(true);
    expect(r.isKnownAction("routex.answer")).toBe(false);
    expect(r.visibilityOfAction("route.answer")).toBe("conversation");
    expect(r.visibilityOfAction("unknown.x")).toBe("private");
  });

  it("refuses a second handler with a clashing word or prefix", () => {
    const r = registry();
    expect(() => r.add(handler({ name: "other", commands: [{ name: "Route", help: "x" }] }))).toThrow(/twice/);
    expect(() => r.add(handler({ name: "other2", actionPrefix: "route.sub." }))).toThrow(/overlaps/);
    expect(() => r.add(handler({ name: "help" }))).toThrow(/twice/);
  });
});
