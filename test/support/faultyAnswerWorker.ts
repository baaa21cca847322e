/**
 * The real answer worker, plus two faults on request, for testing the pool's recovery:
 * "__hang__" never returns, "__crash__" kills the worker thread with an uncaught error.
 */
import answer from "../../src/answerPool/answerWorker.js";
import type { AnswerTask } from "../../src/answerPool/workerData.js";

const handler = await answer;

export default async function faulty(task: AnswerTask) {
  if (task === "__hang__") return new Promise(() => undefined);
  if (task === "__crash__") {
    setImmediate(() => {
      throw new Error("worker crashed on purpose");
    });
    return new Promise(() => undefined);
  }
  return handler(task);
}
