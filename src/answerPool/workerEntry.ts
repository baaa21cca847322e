import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const TYPESCRIPT_WORKER_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "typeScriptWorker.mjs");

/**
 * Piscina's filename and workerData for a worker module. A TypeScript module (under tsx or
 * vitest) goes through a small JS entry that registers tsx in the worker thread: Node 20 does not
 * pass `--import tsx` on to workers.
 */
export function piscinaEntry<T extends object>(workerFile: string, workerData: T): { filename: string; workerData: T } {
  if (!workerFile.endsWith(".ts")) return { filename: workerFile, workerData };
  return { filename: TYPESCRIPT_WORKER_ENTRY, workerData: { ...workerData, workerModule: pathToFileURL(workerFile).href } };
}
