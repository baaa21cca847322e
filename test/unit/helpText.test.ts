import { describe, expect, it } from "vitest";
import type { CommandSpec } from "../../src/bot/chatHandler.js";
import { helpHandler } from "../../src/handlers/help.js";

const commands: CommandSpec[] = [
  { name: "consult", help: "consultaanvraag indienen" },
  { name: "koppel", args: "servicepunt|expertteam", help: "koppel dit kanaal", helpOn: ["teams"] },
];

async function helpTextOn(surface: "web" | "slack" | "teams"): Promise<string> {
  const handler = helpHandler({ documentCount: () => 5, commands: () => commands });
  const replies = await handler.command!({ kind: "command", name: "help", text: "", address: { surface, userId: "u1", conversationId: "c1" } } as never);
  return replies.flatMap((r) => r.parts).map((p) => ("text" in p ? p.text : "")).join("\n");
}

describe("help text", () => {
  it("lists a command only on the surfaces where it means something", async () => {
    expect(await helpTextOn("teams")).toContain("*koppel servicepunt|expertteam*");
    for (const surface of ["web", "slack"] as const) {
      const text = await helpTextOn(surface);
      expect(text).toContain("consult");
      expect(text).not.toContain("koppel");
    }
  });
});
