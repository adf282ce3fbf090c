import type { GatewayErrorCode } from "../core/error-codes.js";
import type { OperationId } from "../core/operation-id.js";

/** Why a new connection was closed at once: every connection busy, or its address had its share. */
export const CONNECTION_REFUSALS = ["capacity", "per_address"] as const;
export type ConnectionRefusal = (typeof CONNECTION_REFUSALS)[number];

/** The upstream calls the gateway makes, by the spec's operationId, as the `operation` label and span attribute. */
export type UpstreamOperation = OperationId | "createBankToken";

/**
 * How one operation ended: `ok`, the `extensions.code` its caller got, or
 * `cancelled` when its caller hung up first (so no one got a code, and a
 * caller cannot make its own hang-ups look like upstream outages).
 */
export type OperationOutcome = "ok" | "cancelled" | GatewayErrorCode;

/** How an upstream call ended: its HTTP status, no answer (`undefined`), or `cancelled` by its caller's hang-up. */
export type UpstreamEnd = number | "cancelled" | undefined;

/** One upstream call being observed. */
export interface UpstreamCall {
  /** Headers to send with the call (`traceparent` while tracing is on). */
  readonly headers: Readonly<Record<string, string>>;
  /** The call ended with this HTTP status, without an answer, or cancelled. */
  end(status: UpstreamEnd): void;
}

/**
 * What the gateway reports about its work, to metrics and traces alike.
 * Every argument is a bounded value (a code, an operation, a status):
 * nothing here can carry a token, a guid or a caller's identity.
 */
export interface Telemetry {
  upstreamCall(operation: UpstreamOperation): UpstreamCall;
  /** A caller's operation ended, with `ok` or the code the caller got. */
  operationDone(operation: OperationId, outcome: OperationOutcome): void;
  /** The token endpoint answered a bank-token fetch (`ok`), or did not give one (`error`). */
  bankTokenFetched(result: "ok" | "error"): void;
  /** A mint was refused with RATE_LIMITED. */
  rateLimited(): void;
  /** The shared rate-limit store failed a check, which fell back to this replica's own counters. */
  rateLimitStoreFailed(): void;
  /** Upstream calls of `operation` the budget still allows in its current window. */
  upstreamBudgetLeft(operation: UpstreamOperation, left: number): void;
  /** A call of `operation` refused for the upstream's rate: by the budget here (`local`), or a 429 (`upstream`). */
  upstreamRateLimited(operation: UpstreamOperation, source: "local" | "upstream"): void;
  /** How a mint's token came: reused from the cache (`hit`), shared with an identical mint in flight (`shared`), or minted (`miss`). */
  tokenReuse(result: "hit" | "shared" | "miss"): void;
  /** Whether the token a mint answered with was reused. */
  answerReused(reused: boolean): void;
  /** A shared store (the upstream budget's, the token cache's) failed; this replica went on without it. */
  sharedStoreFailed(store: "upstream_budget" | "token_cache"): void;
  /** The HTTP server took a request (any route, refused or not); `requestEnded` follows exactly once. */
  requestStarted(): void;
  /** A request's answer was written, or its connection closed before it could be. */
  requestEnded(): void;
  /** A new connection was closed at once: the server was full of busy ones, or its address had its share. */
  connectionRefused(reason: ConnectionRefusal): void;
  /** The tracing SDK failed to export a batch of spans, or ran out of time flushing them at exit. */
  spanExportFailed(): void;
}

const noCall: UpstreamCall = { headers: {}, end: () => undefined };

/** Reports nothing: the gateway without metrics or tracing. */
export const noTelemetry: Telemetry = {
  upstreamCall: () => noCall,
  operationDone: () => undefined,
  bankTokenFetched: () => undefined,
  rateLimited: () => undefined,
  rateLimitStoreFailed: () => undefined,
  upstreamBudgetLeft: () => undefined,
  upstreamRateLimited: () => undefined,
  tokenReuse: () => undefined,
  answerReused: () => undefined,
  sharedStoreFailed: () => undefined,
  requestStarted: () => undefined,
  requestEnded: () => undefined,
  connectionRefused: () => undefined,
  spanExportFailed: () => undefined,
};

/** One `Telemetry` that reports to each of `parts` (none: `noTelemetry`). */
export function combineTelemetry(parts: readonly Telemetry[]): Telemetry {
  if (parts.length === 0) return noTelemetry;
  if (parts.length === 1) return parts[0] as Telemetry;
  return {
    upstreamCall(operation) {
      const calls = parts.map((part) => part.upstreamCall(operation));
      return {
        headers: Object.assign({}, ...calls.map((call) => call.headers)),
        end: (status) => {
          for (const call of calls) call.end(status);
        },
      };
    },
    operationDone: (operation, outcome) => {
      for (const part of parts) part.operationDone(operation, outcome);
    },
    bankTokenFetched: (result) => {
      for (const part of parts) part.bankTokenFetched(result);
    },
    rateLimited: () => {
      for (const part of parts) part.rateLimited();
    },
    rateLimitStoreFailed: () => {
      for (const part of parts) part.rateLimitStoreFailed();
    },
    upstreamBudgetLeft: (operation, left) => {
      for (const part of parts) part.upstreamBudgetLeft(operation, left);
    },
    upstreamRateLimited: (operation, source) => {
      for (const part of parts) part.upstreamRateLimited(operation, source);
    },
    tokenReuse: (result) => {
      for (const part of parts) part.tokenReuse(result);
    },
    answerReused: (reused) => {
      for (const part of parts) part.answerReused(reused);
    },
    sharedStoreFailed: (store) => {
      for (const part of parts) part.sharedStoreFailed(store);
    },
    requestStarted: () => {
      for (const part of parts) part.requestStarted();
    },
    requestEnded: () => {
      for (const part of parts) part.requestEnded();
    },
    connectionRefused: (reason) => {
      for (const part of parts) part.connectionRefused(reason);
    },
    spanExportFailed: () => {
      for (const part of parts) part.spanExportFailed();
    },
  };
}
