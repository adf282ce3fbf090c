import { BankTokenError } from "./bank-token-error.js";
import type { Deadline } from "./deadline.js";
import type { IdpError } from "./errors.js";
import {
  BrokenAnswerError,
  NoAnswerError,
  OtherOriginError,
  RefusedStatusError,
  ResponseTooLargeError,
} from "./transport/index.js";

/** The error for a token provider that threw; only a `BankTokenError`'s (safe) message is kept. */
export function tokenProviderError(error: unknown): IdpError {
  // A slow token endpoint is a timeout, whichever of the two clocks ran out first.
  if (error instanceof BankTokenError && error.timeoutMs !== null) {
    return {
      kind: "timeout",
      message: `The token endpoint did not answer within ${error.timeoutMs} ms`,
      timeoutMs: error.timeoutMs,
    };
  }
  // A BankTokenError's message is built to be safe; anything else may hold a secret.
  const bankTokenError = error instanceof BankTokenError ? error : null;
  const detail = bankTokenError ? `: ${bankTokenError.message}` : "";
  return {
    kind: "token_provider",
    message: `Could not obtain a bank token from the token provider${detail}`,
    rateLimit:
      bankTokenError && bankTokenError.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: bankTokenError.retryAfterSeconds }
        : null,
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

/** Error names safe to show: the language's own, never one a thrower made up. */
const BUILT_IN_ERROR_NAMES = new Set([
  "Error",
  "TypeError",
  "RangeError",
  "SyntaxError",
  "ReferenceError",
  "AggregateError",
]);

/** An unrecognised throw: named by its built-in class at most, since its message may hold a secret. */
function internalError(thrown: unknown): IdpError {
  const name =
    thrown instanceof Error && BUILT_IN_ERROR_NAMES.has(thrown.name) ? thrown.name : "non-Error";
  return {
    kind: "internal",
    message: `A middleware, the fetch or the client itself threw (${name}); its message is withheld, since it may hold a secret`,
  };
}

const noDetails = { messageCode: null, upstreamMessage: null };

/**
 * Turns what an attempt threw into an `IdpError`: the deadline first, then
 * the transport's failures; anything else is `internal`.
 */
export function thrownToError(thrown: unknown, deadline: Deadline): IdpError {
  const { timeoutMs } = deadline;
  if (deadline.timedOut) {
    return {
      kind: "timeout",
      message: `Upstream did not answer within ${timeoutMs} ms`,
      timeoutMs,
    };
  }
  if (deadline.aborted) return { kind: "aborted", message: "The call was aborted by the caller" };
  if (thrown instanceof NoAnswerError) {
    return {
      kind: "network",
      message: `Could not reach the upstream (${thrown.code})`,
      code: thrown.code,
    };
  }
  if (thrown instanceof BrokenAnswerError) {
    const { status, code } = thrown;
    const what =
      status === null ? "answer could not be read as HTTP" : `${status} answer broke off`;
    return {
      kind: "network",
      message: `The upstream's ${what}${code ? ` (${code})` : ""}`,
      code,
    };
  }
  if (thrown instanceof ResponseTooLargeError) {
    return {
      kind: "unexpected_response",
      reason: "too_large",
      message: `Upstream answered ${thrown.status} with a body larger than ${thrown.limitBytes} bytes`,
      status: thrown.status,
      ...noDetails,
    };
  }
  if (thrown instanceof RefusedStatusError) {
    const { status } = thrown;
    return thrown.reason === "redirect"
      ? {
          kind: "unexpected_response",
          reason: "redirect",
          message: `Upstream answered ${status}, a redirect; the client never follows one`,
          status,
          ...noDetails,
        }
      : {
          kind: "unexpected_response",
          reason: "undocumented_status",
          message: `Upstream answered ${status}, which the contract does not list`,
          status,
          ...noDetails,
        };
  }
  if (thrown instanceof OtherOriginError) {
    return {
      kind: "internal",
      message:
        "A middleware sent the request to another origin; the client sends only to its baseUrl",
    };
  }
  return internalError(thrown);
}
