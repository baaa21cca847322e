import { describe, expect, it } from "vitest";
import { reminderTime } from "../../src/bot/checklistText.js";

describe("reminderTime", () => {
  // 4 December 2026, 21:30 in Amsterdam (UTC+1).
  const now = Date.parse("2026-12-04T20:30:00Z");

  it("shows the time alone for a reminder later today", () => {
    expect(reminderTime("2026-12-04T22:10:00Z", now)).toBe("23:10");
  });

  it("says 'morgen' for one tomorrow in Dutch time, also when it is still today in UTC", () => {
    expect(reminderTime("2026-12-05T20:30:00Z", now)).toBe("morgen 21:30");
    expect(reminderTime("2026-12-04T23:30:00Z", now)).toBe("morgen 00:30");
  });

  it("gives the day for one further ahead, and nothing for an unreadable time", () => {
    expect(reminderTime("2026-12-09T08:00:00Z", now)).toBe("wo 9 dec 09:00");
    expect(reminderTime("geen tijd", now)).toBeUndefined();
    expect(reminderTime(undefined, now)).toBeUndefined();
  });
});
