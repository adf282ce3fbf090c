import type { IdpError } from "./errors.js";

/** Smallest and largest pause before the one retry; the spread avoids herds. */
const BACKOFF_MIN_MS = 50;
const BACKOFF_SPREAD_MS = 100;

/**
 * Minting is not idempotent on the wire, but a second token is harmless, so
 * a call is retried at most once, and only when the caller got nothing from
 * the first attempt: no answer arrived at all (refused, reset before the
 * answer; the upstream may still have minted, which costs one unused token),
 * or the upstream said 502/503. Returns the pause before the retry,
 * or `null` for no retry (also when, after the pause, the call would have
 * too little time left to send it: `sendableMs`, from `Deadline.sendableMs`).
 */
export function retryDelayMs(
  error: IdpError,
  noAnswer: boolean,
  sendableMs: number,
): number | null {
  const retryable =
    (error.kind === "network" && noAnswer) ||
    (error.kind === "server_error" && (error.status === 502 || error.status === 503));
  if (!retryable) return null;
  let delay = BACKOFF_MIN_MS + Math.random() * BACKOFF_SPREAD_MS;
  if (error.kind === "server_error" && error.retryAfter) {
    const seconds = Number(error.retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) delay = Math.max(delay, seconds * 1000);
  }
  return delay < sendableMs ? delay : null;
}
