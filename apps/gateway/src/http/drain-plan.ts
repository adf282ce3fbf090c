import { LIMITS } from "../config/limits.js";

/**
 * How a shutdown shares the drain budget (`DRAIN_GRACE_MS`, from SIGTERM to
 * exit), each step's time counted from the start of the drain, so that the
 * whole of it, the span flush and the last log lines included, ends within
 * the budget however slow the upstream or the collector.
 */
export interface DrainPlan {
  /** Mints still waiting on the upstream are answered `SHUTTING_DOWN`. */
  answerAtMs: number;
  /** Connections still open are cut: the HTTP server's share ends. */
  httpEndsAtMs: number;
  /** The span flush is given up (tracing on): what is left is the exit's. */
  flushEndsAtMs: number;
}

/** The drain plan for a budget of `budgetMs`, with room for a span flush when `tracing`. */
export function planDrain(budgetMs: number, tracing: boolean): DrainPlan {
  const exitMs = Math.min(LIMITS.EXIT_MARGIN_MS.value, budgetMs / 10);
  const flushMs = tracing ? Math.min(LIMITS.SPAN_FLUSH_MS.value, budgetMs / 4) : 0;
  const flushEndsAtMs = budgetMs - exitMs;
  const httpEndsAtMs = flushEndsAtMs - flushMs;
  const answerMarginMs = Math.min(LIMITS.DRAIN_ANSWER_MARGIN_MS.value, httpEndsAtMs / 4);
  return { answerAtMs: httpEndsAtMs - answerMarginMs, httpEndsAtMs, flushEndsAtMs };
}
