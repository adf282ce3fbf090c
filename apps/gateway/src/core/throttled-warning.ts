import type { Logger } from "pino";
import { LIMITS } from "../config/limits.js";

/**
 * Logs a kind of junk at `warn` at most once per `intervalMs`, with the
 * count of the ones suppressed since, so a flood of bad requests cannot
 * flood the logs.
 */
export function throttledWarning(
  logger: Logger,
  message: string,
  intervalMs = LIMITS.WARNING_INTERVAL_MS.value,
) {
  let last = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (details: Record<string, unknown>): void => {
    const now = Date.now();
    if (now - last < intervalMs) {
      suppressed += 1;
      return;
    }
    logger.warn({ ...details, suppressed }, message);
    last = now;
    suppressed = 0;
  };
}
