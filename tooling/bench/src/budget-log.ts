import { Redis } from "ioredis";

/**
 * One command Redis ran on the budget's log, as MONITOR saw it: `at` is
 * Redis's clock in milliseconds (fractional), `args` the command's words.
 */
export interface LogCommand {
  at: number;
  args: string[];
}

/** A refusal as the caller saw it: sent and answered on the same clock as Redis's. */
export interface Refusal {
  sent: number;
  received: number;
  seconds: unknown;
}

/**
 * Records every command run on `key` (the budget's scripts run theirs
 * inside Redis, and MONITOR shows them with the scores they wrote), so the
 * log the budget decided from can be rebuilt exactly, on Redis's clock.
 */
export async function recordBudgetLog(redisUrl: string, key: string) {
  const client = new Redis(redisUrl);
  const monitor = await client.monitor();
  const commands: LogCommand[] = [];
  monitor.on("monitor", (time: string, args: string[]) => {
    if (args[1] === key) commands.push({ at: Number(time) * 1_000, args });
  });
  return {
    commands,
    stop() {
      monitor.disconnect();
      client.disconnect();
    },
  };
}

/** The log after each command, in Redis's order, and the score each slot was last counted at. */
export function replay(commands: readonly LogCommand[]) {
  const log = new Map<string, number>();
  const lastCounted = new Map<string, number>();
  const states: { at: number; log: ReadonlyMap<string, number> }[] = [];
  for (const { at, args } of commands) {
    const [name, , ...rest] = args;
    switch (name?.toLowerCase()) {
      case "zadd": {
        // ZADD key score slot, or ZADD key XX CH score slot (moves a slot still in the log).
        const moves = rest[0]?.toLowerCase() === "xx";
        const [score, slot] = moves ? rest.slice(2) : rest;
        if (slot !== undefined && (!moves || log.has(slot))) {
          log.set(slot, Number(score));
          lastCounted.set(slot, Number(score));
        }
        break;
      }
      case "zremrangebyscore": {
        const below = Number(rest[1]);
        for (const [slot, score] of log) if (score <= below) log.delete(slot);
        break;
      }
    }
    states.push({ at, log: new Map(log) });
  }
  return { states, counted: [...lastCounted.values()].sort((a, b) => a - b) };
}

/** Whole seconds (≥ 1) for a wait in milliseconds, as a caller is told it. */
const wholeSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1_000));

/** The wait `log` implies at `now`: until the oldest of `limit` slots of the last window leaves it; `null` with a slot free. */
function waitAt(log: ReadonlyMap<string, number>, now: number, limit: number, windowMs: number) {
  const counted = [...log.values()].filter((score) => score > now - windowMs);
  return counted.length < limit ? null : wholeSeconds(Math.min(...counted) + windowMs - now);
}

/**
 * Whether a refusal's `retryAfterSeconds` is, to the second, the wait the
 * shared log implied at some moment between its send and its answer (the
 * budget decided at one of them). The scripts read the clock in whole
 * milliseconds, so each millisecond is tried against the log as it stood
 * before and after each command of that millisecond. A moment when the log
 * held fewer than `limit` slots admits no refusal. Pauses (upstream 429s)
 * are not modelled: a run with one fails its 429 check first.
 */
export function waitWasRight(
  states: ReturnType<typeof replay>["states"],
  limit: number,
  windowMs: number,
  { sent, received, seconds }: Refusal,
): boolean {
  if (!Number.isInteger(seconds) || (seconds as number) < 1) return false;
  let next = 0;
  let current: ReadonlyMap<string, number> = new Map();
  for (let now = sent; now <= received; now++) {
    while (next < states.length && (states[next]?.at as number) < now) {
      current = states[next]?.log as ReadonlyMap<string, number>;
      next++;
    }
    const candidates = [current];
    for (let i = next; i < states.length && (states[i]?.at as number) < now + 1; i++) {
      candidates.push(states[i]?.log as ReadonlyMap<string, number>);
    }
    if (candidates.some((log) => waitAt(log, now, limit, windowMs) === seconds)) return true;
  }
  return false;
}
