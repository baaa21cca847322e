import { Counter, Gauge, Histogram, type Registry } from "prom-client";

/** Why a question got the answer it got, as counted in /metrics. */
export type AnswerOutcome = "answered" | "abstained" | "no_documents" | "empty_question" | "busy" | "failed" | "timeout";

export interface AnswerMetrics {
  outcome(outcome: AnswerOutcome, seconds?: number): void;
}

/** Counters and gauges of the answer pool, registered on the given prom-client registry. */
export function createAnswerMetrics(
  registry: Registry,
  pool: () => { queued: number; running: number; threads: number },
): AnswerMetrics {
  const answers = new Counter({
    name: "wegwijs_answers_total",
    help: "Questions answered, by outcome (busy = turned away because the answer queue was full)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "wegwijs_answer_seconds",
    help: "Time from question to answer, including time in the queue",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [registry],
  });
  new Gauge({
    name: "wegwijs_answer_queue",
    help: "Questions waiting for an answer worker",
    registers: [registry],
    collect() {
      this.set(pool().queued);
    },
  });
  new Gauge({
    name: "wegwijs_answer_running",
    help: "Questions being answered right now",
    registers: [registry],
    collect() {
      this.set(pool().running);
    },
  });
  new Gauge({
    name: "wegwijs_answer_workers",
    help: "Answer worker threads alive",
    registers: [registry],
    collect() {
      this.set(pool().threads);
    },
  });
  return {
    outcome(outcome, seconds) {
      answers.inc({ outcome });
      if (seconds !== undefined) duration.observe(seconds);
    },
  };
}
