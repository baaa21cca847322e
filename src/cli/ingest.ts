import { stat } from "node:fs/promises";
import path from "node:path";
import { defaultContentDir as contentDir } from "../config.js";
import { loadConfig } from "../config.js";
import { createOpenAIEmbedder } from "../integrations/openai/embedder.js";
import { KnowledgeBase } from "../knowledge/knowledgeBase.js";
import { parseArgs } from "./args.js";
import { createProgressReporter, formatSummary, isSkipWarning, summaryJson } from "./ingestReport.js";

const USAGE = "Gebruik: npm run ingest -- [map] [--json]";

async function main(): Promise<number> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  // parseArgs reads "--json <map>" as a value for --json; it is a switch.
  const jsonValue = flags.get("json");
  if (typeof jsonValue === "string") positional.unshift(jsonValue);
  if (flags.has("help") || positional.length > 1) {
    console.error(USAGE);
    return flags.has("help") ? 0 : 2;
  }
  const json = flags.has("json");
  const config = loadConfig();
  const corpusDir = positional[0] !== undefined ? path.resolve(positional[0]) : config.corpusDir;

  // KnowledgeBase tolerates a missing folder (the app must still start); here it is a mistake.
  const info = await stat(corpusDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    const problem = info ? `${corpusDir} is geen map.` : `De map ${corpusDir} bestaat niet.`;
    console.error(`${problem} Geef een map met plandocumenten op.`);
    return 1;
  }

  const openai = config.openai;
  const embedder =
    openai?.embeddingModel !== undefined
      ? createOpenAIEmbedder({ apiKey: openai.apiKey, baseURL: openai.baseURL, model: openai.embeddingModel, timeoutMs: openai.timeoutMs })
      : undefined;
  const progress = createProgressReporter(process.stderr);
  // Printed after the progress bar, which would otherwise overwrite them.
  const warnings: string[] = [];
  const knowledge = new KnowledgeBase({
    contentDir,
    dataDir: config.dataDir,
    embedder,
    warn: (message) => warnings.push(message),
    onProgress: (p) => progress.update(p),
  });
  let summary;
  try {
    summary = await knowledge.ingest(corpusDir);
  } finally {
    progress.stop();
  }

  for (const warning of warnings) if (!isSkipWarning(warning, summary)) console.error(`Let op: ${warning}`);
  console.log(json ? summaryJson(summary) : formatSummary(summary));
  if (summary.documents === 0) {
    console.error(
      summary.skipped.length > 0
        ? "Er kon niets geïndexeerd worden: geen enkel bestand was bruikbaar (zie de redenen hierboven)."
        : `Er kon niets geïndexeerd worden: de map ${corpusDir} bevat geen documenten.`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Indexeren mislukt: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
