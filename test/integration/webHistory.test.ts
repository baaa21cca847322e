import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply, ReplyPart } from "../../src/bot/reply.js";
import { REDIS_URL } from "../support/redis.js";
import { runId } from "../support/runId.js";
import { startWegwijs, type RunningWegwijs } from "../support/startWegwijs.js";
import { postWebChat } from "../support/webChat.js";

type ChecklistPart = Extract<ReplyPart, { kind: "checklist" }>;
interface History {
  replies: Reply[];
  keepHours: number;
  shownAs: string;
}

/**
 * GET /api/history against the real server and Redis: a page (re)opening a conversation gets its
 * shared messages as they stand now (the spoedberaad card, and its summary once closed), how long it
 * may keep its own copy, and how colleagues see this user. POST /api/chat tells the page the message
 * as Wegwijs kept it, so a browser never keeps a phone number the server took out.
 */
describe("web chat history API (real HTTP, real Redis)", () => {
  const RUN = runId();
  let app: RunningWegwijs;

  beforeAll(async () => {
    app = await startWegwijs({ REDIS_URL, WEGWIJS_STATE_TTL_HOURS: "5" });
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = (user: string, conversation: string, body: object, name?: string) =>
    postWebChat<{ replies: Reply[]; text?: string }>(app.baseUrl, user, conversation, body, name);
  const history = async (user: string, conversation: string, name?: string): Promise<History> => {
    const response = await fetch(`${app.baseUrl}/api/history?${new URLSearchParams({ user, conversation, ...(name ? { name } : {}) })}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    return (await response.json()) as History;
  };
  const checklistOf = (replies: Reply[]) => replies.flatMap((r) => r.parts).find((p): p is ChecklistPart => p.kind === "checklist");

  it("a new conversation has nothing shared; it says how long a page may keep its copy and how colleagues see the user", async () => {
    const nameless = await history(`web-nameless${RUN}`, `leeg-${RUN}`);
    expect(nameless).toEqual({ replies: [], keepHours: 5, shownAs: expect.stringMatching(/^Webgebruiker [A-Z]{4}$/) });
    expect(nameless.shownAs).not.toContain(RUN);
    expect((await history(`web-named${RUN}`, `leeg-${RUN}`, "Sanne")).shownAs).toBe("Sanne");
  });

  it("returns the spoedberaad card as it stands now, then card and summary once closed; never another conversation's", async () => {
    const conversation = `sb-${RUN}`;
    const chair = `web-chair${RUN}`;
    const colleague = `web-colleague${RUN}`;
    const started = checklistOf((await post(chair, conversation, { text: "spoedberaad CASUS-21" }, "Kees")).replies)!;
    await post(colleague, conversation, { text: "spoedberaad" }, "Sanne"); // joins the conversation
    await post(colleague, conversation, { action: { id: "spoedberaad.set", value: `${started.checklistId}:aanwezig:done` } }, "Sanne");

    // Anyone opening the conversation (a new browser of a colleague) gets the card in its current state.
    const opened = await history(`web-late${RUN}`, conversation);
    expect(opened.replies).toHaveLength(1);
    expect(opened.replies[0]!.slot).toBe(`spoedberaad:${started.checklistId}`);
    const card = checklistOf(opened.replies)!;
    expect(card.version).toBe(2);
    expect(card.items.find((i) => i.id === "aanwezig")).toMatchObject({ state: "done", changedBy: "Sanne" });
    expect(opened.replies[0]!.parts.some((p) => p.kind === "actions")).toBe(true);
    // Another conversation shows none of it.
    expect((await history(chair, `sb-${RUN}-elders`)).replies).toEqual([]);

    await post(chair, conversation, { action: { id: "spoedberaad.closeConfirmed", value: started.checklistId } });
    const closed = await history(colleague, conversation);
    expect(closed.replies).toHaveLength(2);
    expect(checklistOf(closed.replies)?.status).toBe("closed");
    const summary = JSON.stringify(closed.replies[1]);
    expect(summary).toContain("Samenvatting Spoedberaad CASUS-21");
    expect(summary).toContain("consult.new");
  });

  it("answers a typed message with the text as Wegwijs kept it; nothing of it is logged", async () => {
    const conversation = `vraag-${RUN}`;
    const typed = "Wat doet het Servicepunt? Bel me op 06-12345678 of mail jan@example.org";
    const answer = await post(`web-asker${RUN}`, conversation, { text: typed });
    expect(answer.text).toBeDefined();
    expect(answer.text).toContain("Wat doet het Servicepunt?");
    expect(answer.text).not.toContain("12345678");
    expect(answer.text).not.toContain("jan@example.org");
    // A button press has no text to keep.
    expect((await post(`web-asker${RUN}`, conversation, { action: { id: "spoedberaad.show", value: "bestaat-niet" } })).text).toBeUndefined();
    await history(`web-asker${RUN}`, conversation);
    const logs = app.logs.join("\n");
    expect(logs).not.toContain("Servicepunt? Bel");
    expect(logs).not.toContain("12345678");
    expect(logs).not.toContain(conversation);
  });

  it("checks the conversation id and the user like the stream does", async () => {
    const bad = await fetch(`${app.baseUrl}/api/history?${new URLSearchParams({ user: `web-x${RUN}`, conversation: "<script>" })}`);
    expect(bad.status).toBe(400);
    const noUser = await fetch(`${app.baseUrl}/api/history?${new URLSearchParams({ conversation: `c-${RUN}` })}`);
    expect(noUser.status).toBe(400);
  });
});
