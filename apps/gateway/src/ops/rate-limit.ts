import { type Redis, ReplyError } from "ioredis";
import type { Logger } from "pino";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { LIMITS } from "../config/limits.js";
import type { RateLimitSettings } from "../config/load-config.js";
import { throttledWarning } from "../core/throttled-warning.js";
import type { SharedStore } from "./shared-store.js";
import type { Telemetry } from "./telemetry.js";

/** Broker mode's mint limits: per verified caller and per customer, per minute. */
export interface MintLimiter {
  /**
   * Counts one call: `null` when it may go, else the whole seconds (≥ 1)
   * until the window that refused it ends (the pipeline then answers
   * RATE_LIMITED and sends nothing).
   */
  check(caller: string, customerGuid: string | null): Promise<number | null>;
  /**
   * Why this replica's limits are weaker than configured (the shared store
   * is configured but failing, so each replica counts on its own), or
   * `null`. Not a reason to take the replica out: its calls are served.
   */
  degradedBecause(): string | null;
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

/**
 * A count the store answered that this limiter could not have written (a
 * string, a negative or fractional count, a key without its window's
 * expiry, another type): a store failure, never a pass.
 */
class NotACountError extends Error {
  override readonly name = "NotACountError";
}

/** Whether an answer is a count this limiter wrote: at least the point just spent, expiring within its window. */
function isCount(res: RateLimiterRes): boolean {
  return (
    Number.isSafeInteger(res.consumedPoints) &&
    res.consumedPoints >= 1 &&
    res.msBeforeNext > 0 &&
    res.msBeforeNext <= WINDOW_SECONDS * 1_000
  );
}

/**
 * Milliseconds until `key` may mint again, or `null` when this mint is
 * allowed; store failures throw, and so does a count that is not one (the
 * key is then deleted, so the next window starts from a real count).
 */
async function consume(counter: RateLimiterAbstract, key: string): Promise<number | null> {
  let res: RateLimiterRes;
  let allowed = true;
  try {
    res = await counter.consume(key);
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) {
      // Redis ran the command and refused the value (WRONGTYPE, not an integer).
      if (refusal instanceof ReplyError) await counter.delete(key).catch(() => undefined);
      throw refusal;
    }
    res = refusal;
    allowed = false;
  }
  if (!isCount(res)) {
    await counter.delete(key).catch(() => undefined);
    throw new NotACountError(`the count of ${counter.keyPrefix}:${key} is not a count`);
  }
  return allowed ? null : res.msBeforeNext;
}

/**
 * At most `mintsPerMinute` mints per caller `sub` and as many per customer
 * guid, in fixed one-minute windows; a refused mint counts too. In memory,
 * or given the shared `store`, in Redis, so that every replica shares the counts.
 *
 * When Redis fails a check, or is held off after a failure (see
 * ops/shared-store.ts), the check is answered from this replica's own
 * in-memory counters (fail open to a per-replica limit, not to none), with
 * a throttled warning and `tokengate_rate_limit_store_errors_total` (one
 * per mint counted here), and `/ready` says `degraded` (still 200: mints
 * are served). With N replicas a caller can then reach N times the limit,
 * never more.
 */
export function createMintLimiter(
  settings: Pick<RateLimitSettings, "mintsPerMinute">,
  logger: Logger,
  telemetry: Telemetry,
  store: SharedStore | null,
): MintLimiter {
  const local = memoryCounters(settings.mintsPerMinute);
  const shared = store && redisCounters(store.redis, settings.mintsPerMinute);
  const warn = throttledWarning(
    logger,
    "rate-limit store unreachable; counting mints on this replica only",
  );
  const counted = (counters: Counters, caller: string, customer: string | null) =>
    Promise.all([
      consume(counters.caller, caller),
      customer === null ? null : consume(counters.customer, customer),
    ]);

  /** Both waits from the shared store, or, while it fails, from this replica's counters (reported once per mint). */
  function waitsFor(caller: string, customer: string | null): Promise<(number | null)[]> {
    if (!store || !shared) return counted(local, caller, customer);
    return store.decide(
      () => counted(shared, caller, customer),
      () => counted(local, caller, customer),
      (error) => {
        if (error) warn({ error: error.message });
        telemetry.rateLimitStoreFailed();
      },
    );
  }

  return {
    async check(caller, customerGuid) {
      // Guids are hexadecimal in either case; both spellings are one customer.
      const waits = await waitsFor(caller, customerGuid?.toLowerCase() ?? null);
      const refused = waits.filter((wait): wait is number => wait !== null);
      if (refused.length === 0) return null;
      telemetry.rateLimited();
      return Math.max(1, Math.ceil(Math.max(...refused) / 1_000));
    },
    degradedBecause: () => (store && !store.sharing() ? "rate_limit_store_unreachable" : null),
  };
}
