import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalData, redactPersonalData } from "../../src/privacy/personalData.js";
import { FUZZ_SEED, plantedMessage } from "../support/personalDataArbitraries.js";

describe("privacy guard against generated formatted personal data", () => {
  it("covers every planted BSN, phone, e-mail, IBAN, postcode and date of birth completely (10,000 cases, fixed seed)", () => {
    let planted = 0;
    fc.assert(
      fc.property(plantedMessage, ({ text, start, end }) => {
        planted++;
        const findings = findPersonalData(text);
        // Every character of the planted value lies inside some finding: nothing of it is left over.
        const uncovered: number[] = [];
        for (let i = start; i < end; i++) {
          if (!/\s|\u200b/.test(text[i]!) && !findings.some((f) => f.start <= i && i < f.end)) uncovered.push(i);
        }
        expect(uncovered, JSON.stringify(text)).toEqual([]);
        const redacted = redactPersonalData(text).text;
        expect(redacted).not.toContain(text.slice(start, end));
      }),
      { seed: FUZZ_SEED, numRuns: 10_000 },
    );
    expect(planted).toBeGreaterThanOrEqual(10_000);
  });
});
