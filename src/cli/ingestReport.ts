import cliProgress from "cli-progress";
import type { IngestProgress, IngestSummary } from "../knowledge/knowledgeBase.js";

const number = new Intl.NumberFormat("nl-NL");
const seconds = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function count(n: number, one: string, many: string): string {
  return `${number.format(n)} ${n === 1 ? one : many}`;
}

/** The Dutch end-of-run summary for people (stdout). */
export function formatSummary(summary: IngestSummary): string {
  const lines = [
    `Map: ${summary.corpusDir}`,
    `Geïndexeerd: ${count(summary.documents, "document", "documenten")}, ${count(summary.chunks, "passage", "passages")}.`,
    `Ongewijzigd hergebruikt: ${count(summary.reused, "bestand", "bestanden")}; opnieuw verwerkt: ${count(summary.processed, "bestand", "bestanden")}.`,
    `Opgeslagen index zonder wijziging gebruikt: ${summary.fromSnapshot ? "ja" : "nee"}.`,
  ];
  if (summary.skipped.length === 0) {
    lines.push("Overgeslagen: geen.");
  } else {
    lines.push(`Overgeslagen: ${count(summary.skipped.length, "bestand", "bestanden")}:`);
    for (const s of summary.skipped) lines.push(`  - ${s.file}: ${s.reason}`);
  }
  lines.push(`Tijd: ${seconds.format(summary.seconds)} s.`);
  return lines.join("\n");
}

/** One JSON line for scripts; the field names are those of IngestSummary. */
export function summaryJson(summary: IngestSummary): string {
  return JSON.stringify({ ...summary, seconds: Math.round(summary.seconds * 100) / 100 });
}

/** The warning KnowledgeBase gives for a skipped file; the summary already lists those. */
export function isSkipWarning(message: string, summary: IngestSummary): boolean {
  return summary.skipped.some((s) => message === `Overgeslagen: ${s.file} (${s.reason})`);
}

export interface ProgressReporter {
  update(progress: IngestProgress): void;
  stop(): void;
}

const MAX_FILE_NAME = 40;

function shortName(file: string | undefined): string {
  if (!file) return "";
  return file.length <= MAX_FILE_NAME ? file : `…${file.slice(-(MAX_FILE_NAME - 1))}`;
}

/**
 * A progress bar on a terminal; elsewhere (CI logs, pipes) plain lines, at most one per
 * ~10% of a phase, because a redrawn bar would fill a log file with control codes.
 */
export function createProgressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

function barReporter(stream: NodeJS.WritableStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{phase} [{bar}] {value}/{total} {file}",
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: string | undefined;
  return {
    update(p) {
      const payload = { phase: p.phase.padEnd(10), file: shortName(p.file) };
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.total, p.done, payload);
      } else {
        bar.setTotal(p.total);
        bar.update(p.done, payload);
      }
    },
    stop() {
      if (phase) bar.stop();
      phase = undefined;
    },
  };
}

function lineReporter(stream: NodeJS.WritableStream): ProgressReporter {
  let phase: string | undefined;
  let lastTenth = -1;
  return {
    update(p) {
      const tenth = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
      if (p.phase === phase && tenth <= lastTenth) return;
      phase = p.phase;
      lastTenth = tenth;
      const file = p.file ? ` ${p.file}` : "";
      stream.write(`${p.phase}: ${p.done}/${p.total}${file}\n`);
    },
    stop() {
      phase = undefined;
    },
  };
}
