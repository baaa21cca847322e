import { describe, expect, it } from "vitest";
import { actorLabel, anonymousWebName } from "../../src/bot/actor.js";
import { findPersonalData } from "../../src/privacy/personalData.js";

describe("actorLabel: how someone is shown to colleagues", () => {
  it("shows the chosen name", () => {
    expect(actorLabel({ surface: "web", userId: "web-abc", displayName: "  Sanne " })).toBe("Sanne");
    expect(actorLabel({ surface: "slack", userId: "U123", displayName: "Kees" })).toBe("Kees");
  });

  it("shows a web user without a name as 'Webgebruiker' plus four stable letters, never the id", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `web-${"abcdefghijklmnopqrstuvwxyz".slice(i % 20)}${i}`);
    const labels = new Set<string>();
    for (const userId of ids) {
      const label = actorLabel({ surface: "web", userId, displayName: " " });
      expect(label).toMatch(/^Webgebruiker [BCDFGHJKLMNPQRSTVWXZ]{4}$/);
      expect(label).toBe(anonymousWebName(userId)); // stable
      expect(label).not.toContain(userId);
      expect(findPersonalData(label)).toEqual([]);
      labels.add(label);
    }
    // Different people get different letters (20^4 combinations; 200 ids collide rarely).
    expect(labels.size).toBeGreaterThan(195);
  });

  it("keeps the platform id on Slack and Teams, which always give names", () => {
    expect(actorLabel({ surface: "slack", userId: "U123" })).toBe("U123");
  });
});
