import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { throttledWarning } from "../core/throttled-warning.js";
import type { SharedStore } from "./shared-store.js";
import type { UpstreamOperation } from "./telemetry.js";

/** How many calls of each upstream operation may leave per window; 0 or absent: not counted. */
export interface BudgetLimits {
  limits: Readonly<Partial<Record<UpstreamOperation, number>>>;
  windowSeconds: number;
}

/** What the budget reports, as metrics. */
export interface BudgetEvents {
  /** Calls of `operation` still allowed in the current window (as last seen). */
  remaining(operation: UpstreamOperation, left: number): void;
  /** A call refused here, before it was sent. */
  refused(operation: UpstreamOperation): void;
  /** The shared store failed; this replica answered from its own counts. */
  storeFailed(): void;
}

/**
 * The upstream's request budget for this gateway's egress IP, per upstream
 * operation. A call is admitted before it is sent; an upstream 429 pauses
 * the operation for every replica sharing the store.
 */
/**
 * A slot taken for one call, or the whole seconds (≥ 1) until one frees.
 * `answered` is called once the call has its answer (or failed): the slot is
 * then counted from that moment, so however long the call spent queued or on
 * the wire, the upstream never sees two calls a slot apart closer than a window.
 */
export type Admission = { answered(): Promise<void> } | { retryAfterSeconds: number };

export interface UpstreamBudget {
  /** Takes a slot for one call of `operation`, or says how long until one frees. */
  admit(operation: UpstreamOperation): Promise<Admission>;
  /**
   * The upstream answered 429: no call of `operation` leaves for
   * `retryAfterSeconds` (`null`: a whole window). Returns the whole seconds
   * (≥ 1) until calls may go again, which a longer pause already set may extend.
   */
  pause(operation: UpstreamOperation, retryAfterSeconds: number | null): Promise<number>;
  /**
   * Why this replica serves with less than it should (the shared store is
   * unreachable: it budgets alone), or `null`. Not a reason to take it out of
   * the balancer: a mint sent here is still served.
   */
  degradedBecause(): string | null;
  close(): Promise<void>;
}

/** `{ admitted, waitMs, left }` from one admission, wherever it was decided. */
interface Decision {
  admitted: boolean;
  waitMs: number;
  left: number;
}

/** One store of the sliding log and the pauses: memory or Redis. */
interface BudgetStore {
  /** Admits `slot` (a unique name) into the log, or says how long until one frees. */
  admit(
    operation: UpstreamOperation,
    slot: string,
    limit: number,
    windowMs: number,
  ): Promise<Decision>;
  /** Moves `slot` to now, if it is still in the log. */
  answered(operation: UpstreamOperation, slot: string, windowMs: number): Promise<void>;
  pause(operation: UpstreamOperation, ms: number): Promise<number>;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1_000));

/**
 * A sliding log per operation: a call is admitted when fewer than `limit`
 * were admitted in the last window, so no span of one window ever holds more
 * than `limit` calls, whatever window the upstream counts in; a refusal
 * waits until the oldest call in the window leaves it.
 */
function memoryStore(now: () => number = Date.now): BudgetStore {
  // Each log is in time order: a slot moved to now goes to its end.
  const logs = new Map<UpstreamOperation, { slot: string; at: number }[]>();
  const pausedUntil = new Map<UpstreamOperation, number>();
  return {
    async admit(operation, slot, limit, windowMs) {
      const at = now();
      const pause = (pausedUntil.get(operation) ?? 0) - at;
      if (pause > 0) return { admitted: false, waitMs: pause, left: 0 };
      if (limit === 0) return { admitted: true, waitMs: 0, left: 0 };
      const log = logs.get(operation) ?? [];
      logs.set(operation, log);
      while (log.length > 0 && (log[0]?.at as number) <= at - windowMs) log.shift();
      if (log.length < limit) {
        log.push({ slot, at });
        return { admitted: true, waitMs: 0, left: limit - log.length };
      }
      return { admitted: false, waitMs: (log[0]?.at as number) + windowMs - at, left: 0 };
    },
    async answered(operation, slot) {
      const log = logs.get(operation) ?? [];
      const index = log.findIndex((entry) => entry.slot === slot);
      if (index === -1) return;
      log.splice(index, 1);
      log.push({ slot, at: now() });
    },
    async pause(operation, ms) {
      const until = Math.max(pausedUntil.get(operation) ?? 0, now() + ms);
      pausedUntil.set(operation, until);
      return until - now();
    },
  };
}

/** The same sliding log in Redis, on Redis's clock, one script per decision so replicas never race. */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = redis.call('PTTL', KEYS[2])
if pause > 0 then return {0, pause, 0} end
local limit = tonumber(ARGV[1])
if limit == 0 then return {1, 0, 0} end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local used = redis.call('ZCARD', KEYS[1])
if used < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0, limit - used - 1}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now, 0}
`;

/** Moves a slot still in the log to Redis's now; the log then lives a window from now (its newest entry). */
const ANSWERED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZADD', KEYS[1], 'XX', 'CH', now, ARGV[1]) == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

/** Sets the pause unless a longer one is already set; answers the pause in force. */
const PAUSE = `
local current = redis.call('PTTL', KEYS[1])
local wanted = tonumber(ARGV[1])
if current >= wanted then return current end
redis.call('SET', KEYS[1], '1', 'PX', wanted)
return wanted
`;

/** The Redis key of an operation's sliding log (`log`) or pause (`pause`). */
export const budgetKey = (operation: UpstreamOperation, what: "log" | "pause") =>
  `tokengate:upstream-budget:${operation}:${what}`;

function redisStore(redis: Redis): BudgetStore {
  return {
    async admit(operation, slot, limit, windowMs) {
      const [admitted, waitMs, left] = (await redis.eval(
        ADMIT,
        2,
        budgetKey(operation, "log"),
        budgetKey(operation, "pause"),
        limit,
        windowMs,
        slot,
      )) as [number, number, number];
      return { admitted: admitted === 1, waitMs, left };
    },
    async answered(operation, slot, windowMs) {
      await redis.eval(ANSWERED, 1, budgetKey(operation, "log"), slot, windowMs);
    },
    async pause(operation, ms) {
      return (await redis.eval(PAUSE, 1, budgetKey(operation, "pause"), ms)) as number;
    },
  };
}

/**
 * The upstream budget, in memory or, given the shared `store`, in Redis
 * shared by every replica. When Redis fails a decision, or is held off
 * after a failure (see shared-store.ts), it is taken from this replica's own
 * log instead (fail open to a per-replica budget, not to none, as the
 * caller limits do), with a throttled warning, a metric, and `/ready` 200
 * `degraded` until Redis is back: with N replicas cut off from Redis at
 * once, up to N times the budget may leave, and an upstream 429 then still
 * pauses each replica.
 */
export function createUpstreamBudget(
  settings: BudgetLimits,
  events: BudgetEvents,
  logger: Logger,
  store: SharedStore | null,
): UpstreamBudget {
  const windowMs = settings.windowSeconds * 1_000;
  const local = memoryStore();
  const shared = store && redisStore(store.redis);
  const replica = randomUUID();
  let sequence = 0;
  const warn = throttledWarning(
    logger,
    "upstream budget store unreachable; budgeting on this replica only",
  );

  function decide<T>(run: (budgetStore: BudgetStore) => Promise<T>): Promise<T> {
    if (!store || !shared) return run(local);
    return store.decide(
      () => run(shared),
      () => run(local),
      (error) => {
        if (error) warn({ error: error.message });
        events.storeFailed();
      },
    );
  }

  return {
    async admit(operation) {
      const limit = settings.limits[operation] ?? 0;
      sequence += 1;
      const slot = `${replica}:${sequence}`;
      const decision = await decide((log) => log.admit(operation, slot, limit, windowMs));
      if (limit > 0) events.remaining(operation, decision.left);
      if (!decision.admitted) {
        events.refused(operation);
        return { retryAfterSeconds: seconds(decision.waitMs) };
      }
      if (limit === 0) return { answered: async () => undefined };
      return { answered: () => decide((log) => log.answered(operation, slot, windowMs)) };
    },
    async pause(operation, retryAfterSeconds) {
      const ms = (retryAfterSeconds ?? settings.windowSeconds) * 1_000;
      // Paused here too, so this replica holds off even if the store misses it.
      const inForce = await decide((log) => log.pause(operation, ms));
      if (shared) await local.pause(operation, inForce);
      return seconds(inForce);
    },
    degradedBecause: () => (store && !store.sharing() ? "upstream_budget_store_unreachable" : null),
    async close() {},
  };
}
