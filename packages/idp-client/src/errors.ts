import type { ValidationIssue } from "./validate.js";

/** What the upstream's answer said, for the errors that come from one. */
interface AnswerDetails {
  /** The HTTP status the upstream answered with. */
  status: number;
  /** `message_code` of a well-formed `ErrorResponse` body, else `null`. */
  messageCode: string | null;
  /** `error_message` of a well-formed `ErrorResponse` body, else `null`. */
  upstreamMessage: string | null;
}

/**
 * Every way a call can fail, told apart by `kind`; the same union for every
 * operation. Errors are values: the client never throws for an expected
 * outcome. The kinds of answered errors are those the spec documents
 * (`x-tokengate-error-kind`).
 */
export type IdpError =
  /** The request broke the contract; nothing was sent. */
  | { kind: "invalid_request"; message: string; issues: ValidationIssue[] }
  /** 401: the bank token is missing, malformed, expired or not a bank's. */
  | ({ kind: "unauthorized"; message: string } & AnswerDetails)
  /** 403: the bank token lacks the operation's scopes (`customers:write`, `banks:read`, …). */
  | ({ kind: "forbidden"; message: string } & AnswerDetails)
  /** 404 where the spec documents it: what the request names does not exist. */
  | ({ kind: "not_found"; message: string } & AnswerDetails)
  /** 422: the upstream refused the request (`no_customer`: unknown customer). */
  | ({ kind: "unprocessable"; message: string } & AnswerDetails)
  /**
   * 429: the upstream's rate limit for this client IP is spent. Never retried
   * by the client; `retryAfterSeconds` is its `Retry-After` in whole seconds
   * (`null` when absent or unreadable).
   */
  | ({ kind: "rate_limited"; message: string; retryAfterSeconds: number | null } & AnswerDetails)
  /** 5xx: the upstream is failing; `retryAfter` echoes its `Retry-After`. */
  | ({ kind: "server_error"; message: string; retryAfter: string | null } & AnswerDetails)
  /**
   * An answer the contract does not allow: another status, a non-JSON or
   * wrong body, a body over `maxResponseBytes`, or a redirect (never followed).
   */
  | ({
      kind: "unexpected_response";
      message: string;
      reason: UnexpectedResponseReason;
    } & AnswerDetails)
  /** No answer within `timeoutMs`. */
  | { kind: "timeout"; message: string; timeoutMs: number }
  /** The caller's `AbortSignal` fired. */
  | { kind: "aborted"; message: string }
  /**
   * The `getToken` provider failed, so no request was sent. `rateLimit` is
   * set when it failed for a rate limit (a `BankTokenError` with
   * `retryAfterSeconds`: the token endpoint's 429, or a refused admission).
   */
  | {
      kind: "token_provider";
      message: string;
      rateLimit: { retryAfterSeconds: number | null } | null;
    }
  /** The upstream could not be reached or dropped the connection. */
  | { kind: "network"; message: string; code: string | null }
  /**
   * Something threw that is no network failure: a middleware, a caller's
   * `fetch`, or a bug. Never retried; the thrown message is not kept, since
   * it may hold a secret.
   */
  | { kind: "internal"; message: string };

export type IdpErrorKind = IdpError["kind"];

/** Why an answer was `unexpected_response`. */
export type UnexpectedResponseReason =
  | "undocumented_status"
  | "not_json"
  | "contract_violation"
  | "too_large"
  | "redirect";

export function invalidRequest(issues: ValidationIssue[]): IdpError {
  const list = issues.map((issue) => `${issue.field} ${issue.message}`).join("; ");
  return { kind: "invalid_request", message: `Invalid request: ${list}`, issues };
}
