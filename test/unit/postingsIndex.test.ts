import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type IndexSnapshot, readSnapshot, SNAPSHOT_VERSION, writeSnapshot } from "../../src/knowledge/indexSnapshot.js";
import { type AnalysedChunk, buildEngine, type CandidateQuery, type EngineSnapshot, loadEngine } from "../../src/knowledge/search/candidateEngine.js";

const WORDS = ["jeugd", "jeugdhulp", "jeugdhulpaanbieder", "plaats", "plaatsing", "plaatsingen", "spoed", "spoedberaad", "gesloten", "zorg", "zorgplus", "ouder", "ouders", "regio", "regiovisie"];

const chunkArb = fc.record({
  fields: fc.tuple(
    fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }),
  ),
});

const queryArb = fc.record({
  terms: fc.uniqueArray(fc.constantFrom(...WORDS, "jeugdhulpp", "plaatsingg", "onbekendwoord"), { minLength: 1, maxLength: 6 }),
  weights: fc.array(fc.constantFrom(0.5, 0.8, 0.9, 1, 3), { minLength: 6, maxLength: 6 }),
  limit: fc.integer({ min: 1, max: 60 }),
});

function query(terms: string[], weights: number[], limit: number, known: Set<string>): CandidateQuery {
  return {
    weights: new Map(terms.map((t, i) => [t, weights[i]!])),
    limit,
    fieldBoosts: [1, 0.5, 0.5, 0.3],
    bm25: { k: 1.2, b: 0.7, d: 0 },
    fuzzy: (t) => (t.length >= 6 && !known.has(t) ? 0.2 : 0),
    prefix: (t) => t.length >= 5,
  };
}

describe("typed-array postings engine", () => {
  it("ranks exactly as MiniSearch with prefix and fuzzy expansion (same ids, same order, same scores to 1e-12)", () => {
    fc.assert(
      fc.property(fc.array(chunkArb, { minLength: 1, maxLength: 40 }), fc.array(queryArb, { minLength: 1, maxLength: 5 }), (raw, queries) => {
        const chunks: AnalysedChunk[] = raw.map((c, i) => ({ id: `c${i}`, fields: c.fields }));
        const known = new Set(chunks.flatMap((c) => [...c.fields[0], ...c.fields[1], ...c.fields[2]]));
        const reference = buildEngine("minisearch", chunks);
        const postings = buildEngine("postings", chunks);
        for (const q of queries) {
          const spec = query(q.terms, q.weights, q.limit, known);
          const want = reference.search(spec);
          const got = postings.search(spec);
          expect(got).toHaveLength(want.length);
          got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 12));
          // Equal scores may be ordered differently (MiniSearch orders them by when its radix tree
          // met them); every position without a tie holds the same chunk.
          const tied = (i: number) => want.some((h, j) => j !== i && Math.abs(h.score - want[i]!.score) < 1e-9);
          want.forEach((h, i) => {
            if (!tied(i)) expect(got[i]!.chunkId).toBe(h.chunkId);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("reads back from an index snapshot file with the same results, and a snapshot without its binary file is not trusted", async () => {
    const chunks: AnalysedChunk[] = [
      { id: "a", fields: [["spoedberaad", "jeugdhulp"], ["spoed"], ["regio"], []] },
      { id: "b", fields: [["plaatsing", "jeugd"], [], ["regio"], ["spoedberaad"]] },
    ];
    const engine = buildEngine("postings", chunks);
    const dir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-postings-"));
    try {
      const file = path.join(dir, "index-test.json");
      const snapshot: IndexSnapshot = {
        version: SNAPSHOT_VERSION,
        corpusDir: dir,
        createdAt: new Date(0).toISOString(),
        documents: {},
        vocabulary: {},
        lexical: { engine: engine.toSnapshot(), documentFrequency: {}, chunkCount: 2 },
        embeddings: {},
      };
      await writeSnapshot(file, snapshot);
      const read = await readSnapshot(file, dir);
      const spec = query(["spoed", "jeugd"], [1, 1], 5, new Set(["spoedberaad", "jeugdhulp", "spoed", "regio", "plaatsing", "jeugd"]));
      expect(loadEngine(read!.lexical.engine).search(spec)).toEqual(engine.search(spec));

      await rm(file.replace(/\.json$/, ".bin"));
      expect(await readSnapshot(file, dir)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses postings whose arrays do not fit together", () => {
    const engine = buildEngine("postings", [{ id: "a", fields: [["spoed"], [], [], []] }]);
    const snapshot = engine.toSnapshot() as Extract<EngineSnapshot, { kind: "postings" }>;
    const damaged = { ...snapshot, postings: { ...snapshot.postings, docs: [new Uint32Array([7]), ...snapshot.postings.docs.slice(1)] } };
    expect(() => loadEngine(damaged)).toThrow(/damaged/);
  });
});
