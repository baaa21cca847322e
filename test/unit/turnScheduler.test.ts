import { describe, expect, it } from "vitest";
import { TurnScheduler } from "../../src/integrations/turnScheduler.js";

describe("TurnScheduler", () => {
  it("starts jobs in order, with other loop work between two starts", async () => {
    const scheduler = new TurnScheduler();
    const seen: string[] = [];
    const jobs = ["a", "b", "c"].map((name) =>
      scheduler.run(async () => {
        seen.push(`start ${name}`);
        // Something else queued for the loop (think: an incoming request) while this job ran.
        setImmediate(() => seen.push(`io after ${name}`));
        return name;
      }),
    );
    expect(seen).toEqual([]);
    expect(await Promise.all(jobs)).toEqual(["a", "b", "c"]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(["start a", "io after a", "start b", "io after b", "start c", "io after c"]);
  });

  it("passes a job's failure to its caller and keeps running the rest", async () => {
    const scheduler = new TurnScheduler();
    const failing = scheduler.run(async () => {
      throw new Error("kapot");
    });
    const throwingSync = scheduler.run((() => {
      throw new Error("meteen kapot");
    }) as () => Promise<never>);
    const fine = scheduler.run(async () => 42);
    await expect(failing).rejects.toThrow("kapot");
    await expect(throwingSync).rejects.toThrow("meteen kapot");
    expect(await fine).toBe(42);
    expect(scheduler.pending).toBe(0);
  });

  it("reports a growing backlog once per doubling", async () => {
    const reported: number[] = [];
    const scheduler = new TurnScheduler({ warnBacklog: 3, onBacklog: (pending) => reported.push(pending) });
    const jobs = Array.from({ length: 13 }, () => scheduler.run(async () => undefined));
    expect(reported).toEqual([3, 6, 12]);
    await Promise.all(jobs);
    expect(scheduler.pending).toBe(0);
  });
});
