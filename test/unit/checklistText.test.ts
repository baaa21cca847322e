import { describe, expect, it } from "vitest";
import { checklistItemMeta } from "../../src/bot/checklistText.js";

const at = "2026-12-05T13:05:00Z"; // 14:05 in Amsterdam

describe("checklistItemMeta", () => {
  it("says who changed an item when, without naming the owner twice", () => {
    expect(checklistItemMeta({ id: "a", label: "A", state: "done", changedBy: "Sanne", changedAt: at })).toBe("gewijzigd door Sanne, 14:05");
    // Taken up by the owner: one mention of the name (verification try: "Bram pakt het op · gewijzigd door Bram").
    expect(checklistItemMeta({ id: "a", label: "A", state: "open", owner: "Bram", changedBy: "Bram", changedAt: at })).toBe("Bram pakt het op · gewijzigd 14:05");
    // Done, it is no longer being taken up (team try: "Sanne pakt het op" under a finished item).
    expect(checklistItemMeta({ id: "a", label: "A", state: "done", owner: "Bram", changedBy: "Bram", changedAt: at })).toBe("Eigenaar: Bram · gewijzigd 14:05");
    // Named by someone else: the owner did not say they took it up.
    expect(checklistItemMeta({ id: "a", label: "A", state: "done", owner: "Bram", changedBy: "Anna", changedAt: at })).toBe("Eigenaar: Bram · gewijzigd door Anna, 14:05");
  });
});
