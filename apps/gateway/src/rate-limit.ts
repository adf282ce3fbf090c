import { Redis } from "ioredis";
import type { Logger } from "pino";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { LIMITS } from "./config/limits.js";
import type { RateLimitSettings } from "./config.js";
import { rateLimitedError } from "./errors.js";
import type { Telemetry } from "./telemetry.js";
import { throttledWarning } from "./throttled-warning.js";

/** Broker mode's mint limits: per verified caller and per customer, per minute. */
export interface MintLimiter {
  /** Counts one mint; throws RATE_LIMITED (nothing is sent then) when the caller or the customer is over. */
  check(caller: string, customerGuid: string): Promise<void>;
  /** Why this replica should not get traffic (the shared store is configured but unreachable), or `null`. */
  notReadyBecause(): string | null;
  close(): Promise<void>;
}

const WINDOW_SECONDS = LIMITS.RATE_LIMIT_WINDOW_SECONDS.value;

interface Counters {
  caller: RateLimiterAbstract;
  customer: RateLimiterAbstract;
}

function memoryCounters(points: number): Counters {
  return {
    caller: new RateLimiterMemory({ keyPrefix: "caller", points, duration: WINDOW_SECONDS }),
    customer: new RateLimiterMemory({ keyPrefix: "customer", points, duration: WINDOW_SECONDS }),
  };
}

function redisCounters(redis: Redis, points: number): Counters {
  const counter = (keyPrefix: string) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `tokengate:mints:${keyPrefix}`,
      points,
      duration: WINDOW_SECONDS,
      // Fail at once while disconnected instead of waiting for a timeout.
      rejectIfRedisNotReady: true,
    });
  return { caller: counter("caller"), customer: counter("customer") };
}

/** Milliseconds until `key` may mint again, or `null` when this mint is allowed; store failures throw. */
async function consume(counter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await counter.consume(key);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return refusal.msBeforeNext;
    throw refusal;
  }
}

/**
 * At most `mintsPerMinute` mints per caller `sub` and as many per customer
 * guid, in fixed one-minute windows; a refused mint counts too. In memory,
 * or with `redisUrl` in Redis, so that every replica shares the counts.
 *
 * When Redis fails a check, the check is answered from this replica's own
 * in-memory counters (fail open to a per-replica limit, not to none), with
 * a throttled warning and `tokengate_rate_limit_store_errors_total`, and
 * `/ready` answers 503 until Redis is back. With N replicas a caller can
 * then reach N times the limit, never more.
 */
export function createMintLimiter(
  settings: RateLimitSettings,
  logger: Logger,
  telemetry: Telemetry,
): MintLimiter {
  const local = memoryCounters(settings.mintsPerMinute);
  let redis: Redis | null = null;
  let shared: Counters | null = null;
  const warn = throttledWarning(
    logger,
    "rate-limit store unreachable; counting mints on this replica only",
  );
  if (settings.redisUrl) {
    redis = new Redis(settings.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: LIMITS.REDIS_CONNECT_TIMEOUT_MS.value,
      commandTimeout: LIMITS.REDIS_COMMAND_TIMEOUT_MS.value,
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    });
    // Reconnecting errors are expected while Redis is down; each check reports too.
    redis.on("error", (error: Error) => warn({ error: error.message }));
    redis.on("ready", () => logger.info("rate-limit store connected"));
    shared = redisCounters(redis, settings.mintsPerMinute);
  }

  async function waitFor(kind: keyof Counters, key: string): Promise<number | null> {
    if (!shared) return consume(local[kind], key);
    try {
      return await consume(shared[kind], key);
    } catch (error) {
      warn({ error: (error as Error).message });
      telemetry.rateLimitStoreFailed();
      return consume(local[kind], key);
    }
  }

  return {
    async check(caller, customerGuid) {
      const waits = await Promise.all([
        waitFor("caller", caller),
        waitFor("customer", customerGuid),
      ]);
      const refused = waits.filter((wait): wait is number => wait !== null);
      if (refused.length === 0) return;
      telemetry.rateLimited();
      throw rateLimitedError(Math.max(1, Math.ceil(Math.max(...refused) / 1_000)));
    },
    notReadyBecause: () =>
      redis && redis.status !== "ready" ? "rate_limit_store_unreachable" : null,
    async close() {
      redis?.disconnect();
    },
  };
}
