import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentDir } from "../../src/app.js";
import { loadRegionDir, loadRouteDir } from "../../src/handlers/route/routeLoader.js";
import { summarize, summaryText } from "../../src/handlers/route/routeReplies.js";
import type { OutcomeNode } from "../../src/handlers/route/routeSchema.js";
import { emptySession } from "../../src/handlers/route/routeSessionStore.js";

const route = loadRouteDir(path.join(contentDir, "routes")).values.find((r) => r.id === "reguliere-machtiging")!;
const region = loadRegionDir(path.join(contentDir, "regions")).values.find((r) => r.id === "groningen-drenthe")!;

describe("the route summary", () => {
  it("names the step a note typed with a button belongs to, by the item that step records", () => {
    const outcome = route.nodes.find((n): n is OutcomeNode => n.kind === "outcome")!;
    const session = { ...emptySession(route.id, "analyse"), records: { analyse: "missing" as const }, notes: [{ nodeId: "analyse", text: "wel gestart" }] };
    const text = summaryText(summarize(route, outcome, session, region));
    // New-user try: "Aantekening: wel gestart" did not say what was started.
    expect(text).toContain("Aantekeningen:\n- Aantekening bij „Gedeelde verklarende analyse opgesteld”: wel gestart");
  });
});
