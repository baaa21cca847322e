import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";

const levelSchema = z
  .object({
    /** Minutes (fractions allowed, for tests) until the coordinators' channel is reminded. */
    remindAfterMinutes: z.number().positive(),
    /** Minutes until the backup is told. */
    escalateAfterMinutes: z.number().positive(),
    /** Count only working hours (regulier) or the clock (spoed). */
    workingHoursOnly: z.boolean(),
  })
  .strict();

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const serviceLevelsSchema = z
  .object({
    spoed: levelSchema.default({ remindAfterMinutes: 30, escalateAfterMinutes: 60, workingHoursOnly: false }),
    regulier: levelSchema.default({ remindAfterMinutes: 8 * 60, escalateAfterMinutes: 16 * 60, workingHoursOnly: true }),
    workingHours: z
      .object({
        timeZone: z.string().default("Europe/Amsterdam"),
        /** ISO weekdays, 1 = Monday. */
        days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
        start: clock.default("08:30"),
        end: clock.default("17:00"),
      })
      .strict()
      .default({ timeZone: "Europe/Amsterdam", days: [1, 2, 3, 4, 5], start: "08:30", end: "17:00" }),
  })
  .strict();

export type ServiceLevels = z.infer<typeof serviceLevelsSchema>;
export type WorkingHours = ServiceLevels["workingHours"];

/** The region's `consult.serviceLevels` from content/regions/<region>.yaml, with the defaults. */
export function loadServiceLevels(contentDir: string, region: string): ServiceLevels {
  const file = path.join(contentDir, "regions", `${region}.yaml`);
  const raw = (parse(readFileSync(file, "utf8")) as { consult?: { serviceLevels?: unknown } } | null)?.consult?.serviceLevels ?? {};
  return serviceLevelsSchema.parse(raw);
}

/** The region's display names for the two targets. */
export function loadTargetNames(contentDir: string, region: string): { servicepunt: string; expertteam: string } {
  const file = path.join(contentDir, "regions", `${region}.yaml`);
  const raw = parse(readFileSync(file, "utf8")) as { servicepunt: { name: string }; expertteam: { name: string } };
  return { servicepunt: raw.servicepunt.name, expertteam: raw.expertteam.name };
}

/** Wall-clock parts of an instant in a time zone. */
function zoned(at: number, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "0";
  const day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1;
  return { day, minutes: Number(get("hour")) * 60 + Number(get("minute")) + Number(get("second")) / 60 };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * The instant `minutes` of working time after `from`: time outside the working days and hours does
 * not count. Steps a minute at most at a time across working periods, so daylight saving changes
 * in the zone are handled by the zone's own clock.
 */
export function addWorkingMinutes(from: number, minutes: number, hours: WorkingHours): number {
  const start = toMinutes(hours.start);
  const end = toMinutes(hours.end);
  let at = from;
  let left = minutes;
  for (let guard = 0; guard < 100_000 && left > 0; guard++) {
    const { day, minutes: now } = zoned(at, hours.timeZone);
    if (!hours.days.includes(day) || now >= end) {
      // Jump to the next midnight (approximately, then re-check), then to the start.
      at += Math.max(1, 24 * 60 - now) * 60_000;
      continue;
    }
    if (now < start) {
      at += (start - now) * 60_000;
      continue;
    }
    const available = end - now;
    const used = Math.min(available, left);
    at += used * 60_000;
    left -= used;
  }
  return Math.round(at);
}

/** When the reminder and the escalation are due for a request filed at `filedAt`. */
export function dueTimes(levels: ServiceLevels, urgency: "spoed" | "regulier", filedAt: number): { remindAt: number; escalateAt: number } {
  const level = levels[urgency];
  const after = (m: number) => (level.workingHoursOnly ? addWorkingMinutes(filedAt, m, levels.workingHours) : filedAt + m * 60_000);
  return { remindAt: after(level.remindAfterMinutes), escalateAt: after(level.escalateAfterMinutes) };
}
