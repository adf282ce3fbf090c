import { Redis } from "ioredis";
import type { Logger } from "pino";
import { throttledWarning } from "../core/throttled-warning.js";

/**
 * A Redis connection for state shared by replicas (the upstream budget, the
 * token cache): commands fail at once while disconnected instead of queueing,
 * so each caller can decide what an unreachable store means for it.
 */
export function connectSharedStore(url: string, logger: Logger, purpose: string): Redis {
  const warn = throttledWarning(logger, `${purpose} store unreachable`);
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  redis.on("error", (error: Error) => warn({ error: error.message }));
  redis.on("ready", () => logger.info(`${purpose} store connected`));
  return redis;
}
