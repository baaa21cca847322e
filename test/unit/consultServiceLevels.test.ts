import { describe, expect, it } from "vitest";
import { defaultContentDir } from "../../src/config.js";
import { addWorkingMinutes, dueTimes, loadServiceLevels } from "../../src/handlers/consult/serviceLevels.js";

const hours = { timeZone: "Europe/Amsterdam", days: [1, 2, 3, 4, 5], start: "08:30", end: "17:00" };
const at = (iso: string) => Date.parse(iso);

describe("consult service levels", () => {
  it("reads the shipped regions' levels", () => {
    for (const region of ["groningen-drenthe", "rijnmond"]) {
      const levels = loadServiceLevels(defaultContentDir, region);
      expect(levels.spoed).toMatchObject({ remindAfterMinutes: 30, escalateAfterMinutes: 60, workingHoursOnly: false });
      expect(levels.regulier.workingHoursOnly).toBe(true);
    }
  });

  it("spoed counts the clock", () => {
    const levels = loadServiceLevels(defaultContentDir, "groningen-drenthe");
    const filed = at("2026-12-05T22:00:00Z"); // a Saturday night
    expect(dueTimes(levels, "spoed", filed)).toEqual({ remindAt: filed + 30 * 60_000, escalateAt: filed + 60 * 60_000 });
  });

  it("regulier counts working hours in Amsterdam, Monday to Friday 8:30-17:00", () => {
    // Friday 16:30 CET (15:30 UTC) + 60 working minutes: 30 on Friday, 30 on Monday from 8:30 → Monday 9:00 CET.
    expect(new Date(addWorkingMinutes(at("2026-12-04T15:30:00Z"), 60, hours)).toISOString()).toBe("2026-12-07T08:00:00.000Z");
    // Before opening: starts counting at 8:30.
    expect(new Date(addWorkingMinutes(at("2026-12-01T05:00:00Z"), 30, hours)).toISOString()).toBe("2026-12-01T08:00:00.000Z");
    // A full working day (510 min) from Tuesday 8:30 ends Tuesday 17:00; one more minute is Wednesday 8:31.
    expect(new Date(addWorkingMinutes(at("2026-12-01T07:30:00Z"), 511, hours)).toISOString()).toBe("2026-12-02T07:31:00.000Z");
    // Summer time: Friday 16:30 CEST (14:30 UTC) + 60 → Monday 9:00 CEST (7:00 UTC).
    expect(new Date(addWorkingMinutes(at("2026-06-05T14:30:00Z"), 60, hours)).toISOString()).toBe("2026-06-08T07:00:00.000Z");
  });
});
