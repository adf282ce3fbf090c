import { Redis } from "ioredis";
import type { Logger } from "pino";
import { LIMITS } from "../config/limits.js";
import { throttledWarning } from "../core/throttled-warning.js";

/**
 * A replica's one Redis connection, for the state replicas share (the
 * caller limits, the upstream budget, the token cache), and the one record
 * of its health that all of them read.
 */
export interface SharedStore {
  readonly redis: Redis;
  /**
   * What `shared` answers from Redis; or, when Redis fails it or is held off
   * after a recent failure, what `alone` answers from this replica's own
   * state, once `fellBack` has reported it (`error` is `null` while held off).
   */
  decide<T>(
    shared: () => Promise<T>,
    alone: () => Promise<T>,
    fellBack: (error: Error | null) => void,
  ): Promise<T>;
  /** Whether replicas share through Redis now: connected and not held off. */
  sharing(): boolean;
  close(): void;
}

/**
 * Connects to `url`. Commands fail at once while disconnected instead of
 * queueing, so each user decides what an unreachable store means for it.
 * A connected Redis that fails a command (a hang, a wrong answer) is held
 * off for `REDIS_HOLD_OFF_MS`: a hanging Redis slows one call per period,
 * not every call. One that is not connected is not held off: its commands
 * fail at once, and it is asked again as soon as it connects.
 */
export function connectSharedStore(url: string, logger: Logger): SharedStore {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: LIMITS.REDIS_CONNECT_TIMEOUT_MS.value,
    commandTimeout: LIMITS.REDIS_COMMAND_TIMEOUT_MS.value,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  // Reconnection errors are expected while Redis is down; each user also
  // warns when it falls back, naming what it then does alone.
  const warn = throttledWarning(logger, "shared store unreachable");
  redis.on("error", (error: Error) => warn({ error: error.message }));
  redis.on("ready", () => logger.info("shared store connected"));
  let failedAt = Number.NEGATIVE_INFINITY;
  const heldOff = () => Date.now() - failedAt < LIMITS.REDIS_HOLD_OFF_MS.value;
  return {
    redis,
    async decide(shared, alone, fellBack) {
      if (heldOff()) {
        fellBack(null);
        return alone();
      }
      try {
        return await shared();
      } catch (error) {
        if (redis.status === "ready") failedAt = Date.now();
        fellBack(error as Error);
        return alone();
      }
    },
    sharing: () => redis.status === "ready" && !heldOff(),
    close: () => redis.disconnect(),
  };
}
