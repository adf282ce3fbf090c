import { once } from "node:events";
import {
  budgetKey,
  connectSharedStore,
  createUpstreamBudget,
  type SharedStore,
} from "@tokengate/gateway";
import { type RedisServer, startRedis } from "@tokengate/testkit";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LogCommand, recordBudgetLog, replay, waitWasRight } from "../src/budget-log.js";

/**
 * The load run's check of every refusal's retryAfterSeconds (src/budget-log.ts):
 * the wait the shared log implied when the budget decided, rebuilt from
 * Redis's MONITOR, to the second.
 */
const KEY = budgetKey("createCustomerToken", "log");
const WINDOW_MS = 5_000;
const LIMIT = 3;

/** The scripts' commands as MONITOR shows them: a slot counted at `score`, moved (answered), or the log trimmed. */
const counted = (at: number, slot: string): LogCommand => ({
  at,
  args: ["ZADD", KEY, String(Math.floor(at)), slot],
});
const answered = (at: number, slot: string): LogCommand => ({
  at,
  args: ["ZADD", KEY, "XX", "CH", String(Math.floor(at)), slot],
});
const trimmed = (at: number): LogCommand => ({
  at,
  args: ["ZREMRANGEBYSCORE", KEY, "-inf", String(Math.floor(at) - WINDOW_MS)],
});

// A window's edge as a load run met it (limit 3, window 5 s). Slot `old` was
// admitted at 0 and answered at 40: the upstream received it in between,
// but the budget counts it from its answer, so it holds its slot until
// 5 040. `a` and `b` were counted in the new window; `c` took the slot `old`
// freed. A refusal at 5 020 is rightly told 1 s; from 5 041 one is told
// 5 s (`a` frees at 9 985). The upstream's arrivals alone (`old` at ~20)
// say 5 s at 5 020: the check from arrivals failed this right answer.
const boundary = [
  counted(0, "old"),
  answered(40.3, "old"),
  counted(4_980, "a"),
  answered(4_985.2, "a"),
  counted(5_000.4, "b"),
  answered(5_010.7, "b"),
  trimmed(5_041.4),
  counted(5_041.5, "c"),
  answered(5_060.2, "c"),
];

describe("the load run's retryAfterSeconds check", () => {
  it.each([
    ["the old slot's last second, counted from its answer", 5_018, 5_023, 1, true],
    ["the next slot's wait once the old slot left", 5_045, 5_052, 5, true],
    [
      "either, for a refusal whose span holds the moment the old slot leaves",
      5_035,
      5_045,
      1,
      true,
    ],
    [
      "either, for a refusal whose span holds the moment the old slot leaves",
      5_035,
      5_045,
      5,
      true,
    ],
    ["a wait the log never implied during the refusal", 5_018, 5_023, 5, false],
    ["a stale wait, from before the refusal was sent", 5_045, 5_052, 1, false],
    ["a refusal while the log had a free slot", 4_990, 4_995, 1, false],
    ["a wait that is not a whole number of seconds ≥ 1", 5_018, 5_023, 0, false],
  ])("%s (sent %i, answered %i, told %i s): right = %s", (_, sent, received, seconds, right) => {
    const { states } = replay(boundary);
    expect(waitWasRight(states, LIMIT, WINDOW_MS, { sent, received, seconds })).toBe(right);
  });

  it("checks every millisecond of a short refusal, its answer's too", () => {
    // The slot `old` leaves at 5 040: a refusal decided at its answer (5 041) was rightly told 5 s.
    const { states } = replay(boundary);
    expect(
      waitWasRight(states, LIMIT, WINDOW_MS, { sent: 5_030, received: 5_041, seconds: 5 }),
    ).toBe(true);
  });

  it("keeps each slot's last count, for holding the log to the upstream's arrivals", () => {
    expect(replay(boundary).counted).toEqual([40, 4_985, 5_010, 5_060]);
  });
});

describe("the log recorded from a real budget in real Redis", () => {
  const logger = pino({ level: "silent" });
  let server: RedisServer;
  let store: SharedStore;
  beforeAll(async () => {
    server = await startRedis();
    store = connectSharedStore(server.url, logger);
    // Until it connects, the budget decides alone and Redis sees nothing.
    await once(store.redis, "ready");
  });
  afterAll(async () => {
    store.close();
    await server.stop();
  });

  it("rebuilds the wait the budget told a refusal, and rejects any other", async () => {
    const recording = await recordBudgetLog(server.url, KEY);
    const budget = createUpstreamBudget(
      { limits: { createCustomerToken: 2 }, windowSeconds: 3 },
      { remaining: () => {}, refused: () => {}, storeFailed: () => {} },
      logger,
      store,
    );
    for (let i = 0; i < 2; i++) {
      const admission = await budget.admit("createCustomerToken");
      if (!("answered" in admission)) throw new Error("admitted within the limit");
      await admission.answered();
    }
    const sent = Date.now();
    const refused = await budget.admit("createCustomerToken");
    const received = Date.now();
    if (!("retryAfterSeconds" in refused)) throw new Error("refused beyond the limit");
    // MONITOR's stream arrives on its own connection: wait for the last command to show.
    const refusalSeen = () => recording.commands.some(({ args }) => args[0] === "ZRANGE");
    await expect.poll(refusalSeen).toBe(true);
    recording.stop();
    const { states, counted } = replay(recording.commands);
    const told = refused.retryAfterSeconds;
    expect(told).toBe(3);
    expect(counted).toHaveLength(2);
    for (const [seconds, right] of [
      [told, true],
      [told - 1, false],
      [told + 1, false],
    ] as const) {
      expect(waitWasRight(states, 2, 3_000, { sent, received, seconds })).toBe(right);
    }
  });
});
