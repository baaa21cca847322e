import type { Redis } from "ioredis";
import { StoreUnavailableError } from "../../stores/keyValueStore.js";

const states = new WeakMap<Redis, { known: boolean; ready: boolean }>();

/**
 * Runs Redis commands so that, once a connection is known to be down, they fail at once with
 * StoreUnavailableError instead of waiting in ioredis' offline queue (callers such as the route
 * handler then say the route cannot go on now, and answering continues). Any command failure is
 * reported as StoreUnavailableError too; ioredis keeps reconnecting in the background.
 */
export function failFast(redis: Redis): <T>(command: () => Promise<T>) => Promise<T> {
  let state = states.get(redis);
  if (!state) {
    const s = { known: redis.status === "ready", ready: redis.status === "ready" };
    redis.on("ready", () => {
      s.known = true;
      s.ready = true;
    });
    redis.on("close", () => {
      s.known = true;
      s.ready = false;
    });
    states.set(redis, s);
    state = s;
  }
  const current = state;
  return async (command) => {
    if (current.known && !current.ready) throw new StoreUnavailableError("redis not connected");
    try {
      return await command();
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(`redis command failed: ${(error as Error).message}`, { cause: error });
    }
  };
}
