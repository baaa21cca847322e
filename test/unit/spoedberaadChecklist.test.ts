import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultContentDir } from "../../src/config.js";
import { applyRegion, loadChecklistFile, loadChecklistForRegions } from "../../src/handlers/spoedberaad/checklistContent.js";
import { applyOperation, replay, startingState, type Checklist } from "../../src/handlers/spoedberaad/checklistRecord.js";
import { reminderReply, summaryText, watchersOf } from "../../src/handlers/spoedberaad/spoedberaadReplies.js";
import { type RouteSummary, summaryText as routeSummaryText } from "../../src/handlers/route/routeReplies.js";
import { personalDataProblem } from "../../src/handlers/consult/consultForm.js";

const source = { document: "d.md", section: "S" };

describe("spoedberaad checklist content", () => {
  it("ships nine items for Groningen-Drenthe; Rijnmond replaces the HSJ and INT items in place", () => {
    const { byRegion, problems } = loadChecklistForRegions({ contentDir: defaultContentDir, id: "spoedberaad" });
    expect(problems).toEqual([]);
    const gd = byRegion.get("groningen-drenthe")!;
    const rm = byRegion.get("rijnmond")!;
    expect(gd.items).toHaveLength(9);
    expect(rm.items.map((i) => i.id)).toEqual(gd.items.map((i) => i.id));
    expect(rm.items.find((i) => i.id === "hsj")!.label).toMatch(/expertiseteam/);
    expect(rm.items.find((i) => i.id === "alternatieven")!.label).not.toMatch(/INT/);
    // HSJ knowledge via the Servicepunt is something the werkwijze still organises: the item is
    // that the team asked for it, not that it is in place (team try).
    const hsj = gd.items.find((i) => i.id === "hsj")!;
    expect(hsj.source.section).toBe("Wat moeten we organiseren?");
    expect(hsj.label).toMatch(/gevraagd/i);
    expect(hsj.label).not.toMatch(/ingeschakeld/);
    expect(hsj.label).toMatch(/organiseren/);
    // A goal for 2027 says it is one (team try: it read as a box to tick like any rule of today).
    const perspective = gd.items.find((i) => i.id === "perspectief")!;
    expect(perspective.source.section).toBe("Waar werken we naar toe?");
    expect(perspective.label).toMatch(/2027/);
  });

  it("names the file and field of broken content: schema, duplicate ids, unknown replacements", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "checklist-"));
    mkdirSync(path.join(dir, "checklists"));
    const file = path.join(dir, "checklists", "x.yaml");
    writeFileSync(file, "id: x\ntitle: X\nitems:\n  - id: A B\n    label: ''\n");
    const broken = loadChecklistFile(file);
    expect(broken.checklist).toBeUndefined();
    expect(broken.problems.map((p) => p.message).join("\n")).toMatch(/items\.0\.id/);
    writeFileSync(file, `id: x\ntitle: X\nitems:\n  - { id: a, label: A, source: { document: d.md, section: S } }\n  - { id: a, label: B, source: { document: d.md, section: S } }\n`);
    expect(loadChecklistFile(file).problems[0]!.message).toMatch(/komt twee keer voor/);

    const base = { id: "x", title: "X", items: [{ id: "a", label: "A", source }] };
    expect(applyRegion(base, { replace: [{ id: "b", label: "B", source }] }, "r").problems[0]!.message).toMatch(/onbekend item "b"/);
    expect(applyRegion(base, { add: [{ id: "a", label: "A2", source }] }, "r").problems[0]!.message).toMatch(/bestaand item "a"/);
    expect(applyRegion(base, { remove: ["a"] }, "r").problems[0]!.message).toMatch(/0 items/);
    expect(applyRegion(base, { add: [{ id: "b", label: "B", source }] }, "r").checklist!.items.map((i) => i.id)).toEqual(["a", "b"]);
  });
});

describe("spoedberaad checklist operations", () => {
  const start: Checklist = {
    id: "c1",
    title: "Spoedberaad",
    conversation: { surface: "web", conversationId: "g1" },
    chair: { userId: "kees", name: "Kees" },
    status: "open",
    quiet: false,
    reminderMs: 60_000,
    items: [
      { id: "a", label: "A", state: "open", rev: 0 },
      { id: "b", label: "B", state: "open", rev: 0 },
    ],
    createdAt: "2026-03-02T12:00:00.000Z",
  };
  const sanne = { userId: "sanne", name: "Sanne" };

  it("sets the target state; the state an item already has, an unknown item or a closed checklist change nothing", () => {
    const done = applyOperation(start, { op: "set", item: "a", state: "done" }, sanne, "t1")!;
    expect(done.items[0]).toMatchObject({ state: "done", changedBy: sanne, changedAt: "t1", rev: 1 });
    expect(applyOperation(done, { op: "set", item: "a", state: "done" }, sanne, "t2")).toBeUndefined();
    expect(applyOperation(done, { op: "set", item: "zz", state: "done" }, sanne, "t2")).toBeUndefined();
    const closed = applyOperation(done, { op: "close" }, sanne, "t3")!;
    expect(applyOperation(closed, { op: "set", item: "b", state: "nvt" }, sanne, "t4")).toBeUndefined();
  });

  it("gives a checklist without a casusnummer one, once; replay takes it from the start entry or the later entry", () => {
    const named = applyOperation(start, { op: "casus", casus: "CASUS-7" }, sanne, "t1")!;
    expect(named.casus).toBe("CASUS-7");
    expect(applyOperation(named, { op: "casus", casus: "CASUS-8" }, sanne, "t2")).toBeUndefined();
    const later = { type: "casus", data: { op: "casus", casus: "CASUS-7", by: sanne, at: "t1" } };
    expect(startingState(named).casus).toBeUndefined();
    expect(replay(startingState(named), [{ type: "start", data: { casus: null } }, later])).toEqual(named);
    expect(replay(startingState(named), [{ type: "start", data: { casus: "CASUS-7" } }])).toEqual(named);
  });

  it("closes with the route's summary as it stood before the spoedberaad, without the route's next step (which was this spoedberaad)", () => {
    const route = {
      route: { title: "Spoedroute (spoedmachtiging)" },
      outcome: { title: "Alternatief in zicht via een INT" },
      region: { name: "Groningen en Drenthe", servicepunt: { name: "Servicepunt", contact: "via de gemeente" }, expertteam: { name: "Expertteam", contact: "via het Servicepunt" } },
      done: [{ label: "INT bekeken" }],
      missing: [{ label: "Spoedberaad met de jongere en de ouders erbij" }],
      notes: [],
      nextStep: "Organiseer een spoedberaad met de jongere en de ouders erbij.",
    } as unknown as RouteSummary;
    const routeText = routeSummaryText(route);
    expect(routeText).toContain("Volgende stap: Organiseer een spoedberaad");
    const text = summaryText({ ...start, routeSummary: routeText });
    expect(text).toContain("Uit de plaatsingsroute, vóór dit spoedberaad:\nPlaatsingsroute: Spoedroute (spoedmachtiging)");
    expect(text).toContain("Nog niet gedaan:\n- Spoedberaad met de jongere en de ouders erbij");
    expect(text).not.toContain("Volgende stap");
  });

  it("fills the consult form with a summary the form accepts, the team's full names by their first word", () => {
    // Teams and Slack give full display names; the privacy filter refuses a full name in a consult request.
    const named: Checklist = { ...start, chair: { userId: "u1", name: "Sanne Jansen" }, items: [{ ...start.items[0]!, owner: { userId: "u2", name: "Daan Veldkamp" } }, start.items[1]!] };
    expect(summaryText(named)).toContain("voorzitter Sanne Jansen.");
    const forConsult = summaryText(named, true);
    expect(forConsult).toContain("voorzitter Sanne.");
    expect(forConsult).toContain("eigenaar: Daan");
    expect(personalDataProblem(forConsult)).toBeUndefined();
    expect(personalDataProblem(summaryText(named))).toBeDefined();
  });

  it("replays history entries onto the starting state", () => {
    const ops = [
      { type: "set", data: { op: "set", item: "a", state: "done", by: sanne, at: "t1" } },
      { type: "owner", data: { op: "owner", item: "b", owner: sanne, dueAt: "t9", by: sanne, at: "t2" } },
      { type: "note", data: { op: "note", item: "b", note: "volgt vrijdag", by: sanne, at: "t3" } },
      // Closing keeps when and by whom, for the summary.
      { type: "close", data: { op: "close", by: sanne, at: "t4" } },
    ];
    let state: Checklist = start;
    for (const entry of ops) {
      const { by, at, ...op } = entry.data as any;
      state = applyOperation(state, op, by, at)!;
    }
    expect(replay(startingState(state), [{ type: "start" }, ...ops])).toEqual(state);
    expect(state).toMatchObject({ status: "closed", closedAt: "t4", closedBy: sanne });
  });
});

describe("spoedberaad people on the card", () => {
  const base: Checklist = {
    id: "c2",
    title: "Spoedberaad",
    conversation: { surface: "teams", conversationId: "19:x@thread.v2" },
    chair: { userId: "aad-kees", name: "Kees", platformId: "29:kees" },
    status: "open",
    quiet: false,
    reminderMs: 60_000,
    items: [
      { id: "a", label: "A", state: "done", rev: 1, changedBy: { userId: "aad-sanne", name: "Sanne", platformId: "29:sanne" }, changedAt: "2026-03-02T12:01:00.000Z" },
      { id: "b", label: "B", state: "open", rev: 2, changedBy: { userId: "aad-piet", name: "Piet" }, changedAt: "2026-03-02T12:05:00.000Z" },
      { id: "c", label: "C", state: "nvt", rev: 1, changedBy: { userId: "aad-kees", name: "Kees", platformId: "29:kees" }, changedAt: "2026-03-02T12:03:00.000Z" },
      { id: "d", label: "D", state: "open", rev: 0 },
    ],
    createdAt: "2026-03-02T12:00:00.000Z",
  };

  it("watchers (Teams refresh.userIds): the chair, then who changed items (latest first), by platform id when known, once each, at most 60", () => {
    expect(watchersOf(base)).toEqual(["29:kees", "aad-piet", "29:sanne"]);
    const many = { ...base, items: Array.from({ length: 80 }, (_, i) => ({ id: `i${i}`, label: "X", state: "done" as const, rev: 1, changedBy: { userId: `u${i}` }, changedAt: new Date(Date.UTC(2026, 2, 2, 12, i)).toISOString() })) };
    const ids = watchersOf(many);
    expect(ids).toHaveLength(60);
    expect(ids.slice(0, 3)).toEqual(["29:kees", "u79", "u78"]);
  });

  it("a reminder mentions the owner by their platform id, with any surface qualification taken off", () => {
    const item = { ...base.items[3]!, owner: { userId: "teams:aad-sanne", name: "Sanne", platformId: "teams:29:sanne" }, dueAt: "2026-03-02T13:00:00.000Z" };
    const [part] = reminderReply(base, item).parts;
    expect(part).toEqual({ kind: "mention", person: { userId: "aad-sanne", platformId: "29:sanne", name: "Sanne" }, before: "⏰ Herinnering voor ", after: ': "D" staat nog open (Spoedberaad).' });
    const slack = { ...base, conversation: { surface: "slack" as const, conversationId: "C1" } };
    const [slackPart] = reminderReply(slack, { ...item, owner: { userId: "slack:U0SANNE", name: "Sanne" } }).parts;
    expect(slackPart).toMatchObject({ kind: "mention", person: { userId: "U0SANNE" } });
    // A Teams id's own colon stays: only the surface's prefix is taken off.
    const [plain] = reminderReply(base, { ...item, owner: { userId: "29:abc", name: "Sanne" } }).parts;
    expect(plain).toMatchObject({ person: { userId: "29:abc" } });
  });
});
