import { z } from "zod";

const account = z.object({ id: z.string().min(1).max(512) }).loose();

/**
 * The fields our surface and the SDK rely on. Checked before the SDK sees the body, so a
 * malformed activity gets a clear 400 instead of an exception deep inside the adapter.
 */
const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().min(1).max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
    from: account,
    recipient: account,
    text: z.string().optional(),
  })
  .loose();

export type CheckedActivity = z.infer<typeof activitySchema>;

export type ActivityCheck = { ok: true; activity: CheckedActivity } | { ok: false; problems: string[] };

/** Validates an incoming Bot Framework activity; problems name fields, never echo values. */
export function checkActivity(body: unknown): ActivityCheck {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, problems: ["body moet een JSON-object zijn"] };
  }
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const problems = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(body)"))].slice(0, 10);
  return { ok: false, problems };
}
