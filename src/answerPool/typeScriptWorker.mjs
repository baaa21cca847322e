// Entry for a worker thread whose module is TypeScript. Node 20 does not pass tsx's loader
// (`--import tsx`) on to worker threads, so the worker registers it itself, then loads the module
// named in workerData.workerModule and hands its default export to piscina.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const loaded = await import(workerData.workerModule);
export default await loaded.default;
