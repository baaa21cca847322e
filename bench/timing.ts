import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { percentile } from "../src/evaluation/metrics.js";

export interface LatencyStats {
  samples: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function latencyStats(values: number[]): LatencyStats {
  const mean = values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  return {
    samples: values.length,
    meanMs: round(mean),
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    p99Ms: round(percentile(values, 99)),
    maxMs: round(values.length === 0 ? 0 : Math.max(...values)),
  };
}

/** Wall time of one (async) call in milliseconds, with its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export interface LatencyOptions {
  /** How many of the inputs run once, untimed, first (JIT, caches); default all of them. */
  warmup?: number;
  /** Timed passes over all inputs. */
  repeats?: number;
  /**
   * Stop starting new timed passes once this much time went into them (at least one full
   * pass always runs), so a slow configuration cannot make the bench unbounded.
   */
  budgetMs?: number;
}

/**
 * Per-call latencies: an untimed warm-up over (some of) the inputs, then up to `repeats` timed
 * passes within the budget. Each call is awaited before the next starts (one user, no overlap).
 */
export async function measureLatencies<I>(
  inputs: readonly I[],
  run: (input: I) => unknown,
  { warmup = inputs.length, repeats = 5, budgetMs = Number.POSITIVE_INFINITY }: LatencyOptions = {},
): Promise<{ samples: number[]; passes: number }> {
  for (const input of inputs.slice(0, warmup)) await run(input);
  const samples: number[] = [];
  const started = performance.now();
  let passes = 0;
  while (passes < repeats && (passes === 0 || performance.now() - started < budgetMs)) {
    for (const input of inputs) {
      const t = performance.now();
      await run(input);
      samples.push(performance.now() - t);
    }
    passes++;
  }
  return { samples, passes };
}

/**
 * Latencies of two calls on the same inputs, taken in turn in one process: per input both run,
 * the one going first alternating between passes. Noise on a shared machine (another process, the
 * CPU clock) then falls on both alike, which a ratio of two runs minutes apart cannot promise.
 */
export async function measurePaired<I>(
  inputs: readonly I[],
  first: (input: I) => unknown,
  second: (input: I) => unknown,
  { warmup = inputs.length, repeats = 5, budgetMs = Number.POSITIVE_INFINITY }: LatencyOptions = {},
): Promise<{ first: number[]; second: number[]; passes: number }> {
  for (const input of inputs.slice(0, warmup)) {
    await first(input);
    await second(input);
  }
  const samples = { first: [] as number[], second: [] as number[] };
  const started = performance.now();
  let passes = 0;
  while (passes < repeats && (passes === 0 || performance.now() - started < budgetMs)) {
    for (const input of inputs) {
      const order = passes % 2 === 0 ? (["first", "second"] as const) : (["second", "first"] as const);
      for (const which of order) {
        const t = performance.now();
        await (which === "first" ? first(input) : second(input));
        samples[which].push(performance.now() - t);
      }
    }
    passes++;
  }
  return { ...samples, passes };
}

export interface MemoryFigures {
  /** Peak resident set size of the process so far (monotonic). */
  maxRssMb: number;
  rssMb: number;
  heapUsedMb: number;
  /** Heap reserved by V8 (used + free pages it keeps). */
  heapTotalMb: number;
  /** Memory outside the JS heap (Buffers, ArrayBuffers). */
  externalMb: number;
}

let gcFunction: (() => void) | undefined | null = null;

/** A handle on the garbage collector without needing `--expose-gc` on the command line. */
export function collectGarbage(): void {
  if (gcFunction === null) {
    try {
      setFlagsFromString("--expose-gc");
      gcFunction = runInNewContext("gc") as () => void;
    } catch {
      gcFunction = undefined;
    }
  }
  gcFunction?.();
}

/** Memory after a phase; collects garbage first so heapUsed is what is still alive. */
export function memoryFigures(): MemoryFigures {
  collectGarbage();
  const usage = process.memoryUsage();
  return {
    maxRssMb: round(process.resourceUsage().maxRSS / 1024, 1), // maxRSS is in KiB
    rssMb: round(usage.rss / 1024 / 1024, 1),
    heapUsedMb: round(usage.heapUsed / 1024 / 1024, 1),
    heapTotalMb: round(usage.heapTotal / 1024 / 1024, 1),
    externalMb: round(usage.external / 1024 / 1024, 1),
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A ratio rounded for display; "n/a" when the denominator is zero. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? round(a / b, 2) : null;
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function formatTable(headers: string[], rows: Array<Array<string | number | null>>): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? "n/a" : typeof c === "number" ? formatNumber(c) : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(1) : n.toFixed(2);
}

/** Progress for humans on stderr; stdout stays for the report. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
