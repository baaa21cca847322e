import { describe, expect, it } from "vitest";
import { measurePaired } from "../../bench/timing.js";

describe("measurePaired", () => {
  it("times both calls on every input, in turn, and swaps who goes first each pass", async () => {
    const calls: string[] = [];
    const run = await measurePaired(
      ["a", "b"],
      (input) => calls.push(`1${input}`),
      (input) => calls.push(`2${input}`),
      { warmup: 1, repeats: 2 },
    );
    expect(run.passes).toBe(2);
    expect(run.first).toHaveLength(4);
    expect(run.second).toHaveLength(4);
    // Warm-up on the first input, then pass 1 (first before second), then pass 2 (second before first).
    expect(calls).toEqual(["1a", "2a", "1a", "2a", "1b", "2b", "2a", "1a", "2b", "1b"]);
  });
});
