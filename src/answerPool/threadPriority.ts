import { readlinkSync } from "node:fs";
import os from "node:os";

/**
 * Lowers the scheduling priority of the calling thread (Linux: a thread has its own nice value,
 * and /proc/thread-self names its id). Answer workers run at a lower priority than the main
 * thread, so on a busy machine the receivers' loop still gets the CPU to verify and ack at once;
 * answers take what is left. Returns false where this is not possible; nothing else changes then.
 */
export function lowerThreadPriority(niceness = 10): boolean {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, Math.min(19, os.getPriority(tid) + niceness));
    return true;
  } catch {
    return false;
  }
}
