import { BankTokenError } from "./bank-token-error.js";
import type { Deadline } from "./deadline.js";
import type { IdpError } from "./errors.js";
import { ResponseBodyError, ResponseTooLargeError } from "./transport/errors.js";

/** The error for a token provider that threw; only a `BankTokenError`'s (safe) message is kept. */
export function tokenProviderError(error: unknown): IdpError {
  // A BankTokenError's message is built to be safe; anything else may hold a secret.
  const detail = error instanceof BankTokenError ? `: ${error.message}` : "";
  return {
    kind: "token_provider",
    message: `Could not obtain a bank token from the token provider${detail}`,
  };
}

/** The `code` of an error or of its `cause` (`ECONNREFUSED`, …). */
export function errorCode(error: unknown): string | null {
  const candidates = [error, (error as { cause?: unknown } | null)?.cause];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === "string") return code;
  }
  return null;
}

/** Turns what an attempt threw into an `IdpError`: timeout, abort, a broken or oversized answer, or a network failure. */
export function thrownToError(error: unknown, deadline: Deadline): IdpError {
  const { timeoutMs } = deadline;
  if (deadline.timedOut) {
    return {
      kind: "timeout",
      message: `Upstream did not answer within ${timeoutMs} ms`,
      timeoutMs,
    };
  }
  if (deadline.aborted) return { kind: "aborted", message: "The call was aborted by the caller" };
  if (error instanceof ResponseBodyError) {
    const code = errorCode(error.cause);
    return {
      kind: "network",
      message: `The upstream's ${error.status} answer broke off${code ? ` (${code})` : ""}`,
      code,
    };
  }
  if (error instanceof ResponseTooLargeError) {
    return {
      kind: "unexpected_response",
      reason: "too_large",
      message: `Upstream answered ${error.status} with a body larger than ${error.limitBytes} bytes`,
      status: error.status,
      messageCode: null,
      upstreamMessage: null,
    };
  }
  const code = errorCode(error);
  return {
    kind: "network",
    message: `Could not reach the upstream${code ? ` (${code})` : ""}`,
    code,
  };
}
