import type { CallResult, IdpError } from "@tokengate/idp-client";
import type { Telemetry } from "../ops/telemetry.js";
import type { Principal, TokenReuse } from "../ops/token-reuse.js";
import type { UpstreamBudget } from "../ops/upstream-budget.js";
import type { GatewayOperation, OperationId } from "./operation.js";

/** How an admitted call ended: an answer (`reused` or not), the client's error, or the budget's refusal. */
export type Admitted<Data> =
  | { ok: true; answer: Data; reused: boolean; status: number | undefined }
  | { ok: false; error: IdpError; status: number | undefined }
  | { ok: false; refusedForSeconds: number };

/** Sends the call upstream; `signal` aborts when every caller waiting on it is gone. */
export type Send<Data> = (signal: AbortSignal) => Promise<CallResult<Data>>;

/**
 * What stands between a call that passed policy, validation and the caller
 * limits and the upstream: reuse of a still-valid answer (for an operation
 * with a reuse rule), then the upstream budget, then the call.
 */
export interface Admission {
  admit<Request, Data>(
    operation: GatewayOperation<Request, Data>,
    principal: Principal,
    request: Request,
    signal: AbortSignal,
    send: Send<Data>,
  ): Promise<Admitted<Data>>;
}

/**
 * An upstream rate-limit refusal (a 429 on the call, or on the bank token
 * behind it) pauses that upstream operation for every replica; its
 * `retryAfterSeconds` becomes the pause in force, so a caller is told when a
 * call may go again.
 */
async function settle(
  operationId: OperationId,
  error: IdpError,
  budget: UpstreamBudget,
  telemetry: Telemetry,
): Promise<IdpError> {
  if (error.kind === "rate_limited") {
    telemetry.upstreamRateLimited(operationId, "upstream");
    const retryAfterSeconds = await budget.pause(operationId, error.retryAfterSeconds);
    return { ...error, retryAfterSeconds };
  }
  if (error.kind === "token_provider" && error.rateLimit) {
    // The token endpoint's own 429 paused it where it was seen (auth/bank-token-fetch.ts).
    const retryAfterSeconds =
      error.rateLimit.retryAfterSeconds ?? (await budget.pause("createBankToken", null));
    return { ...error, rateLimit: { retryAfterSeconds } };
  }
  return error;
}

export function createAdmission(
  budget: UpstreamBudget,
  reuse: TokenReuse | null,
  telemetry: Telemetry,
): Admission {
  async function budgeted<Data>(
    operationId: OperationId,
    send: Send<Data>,
    signal: AbortSignal,
  ): Promise<Admitted<Data>> {
    const admission = await budget.admit(operationId);
    if ("retryAfterSeconds" in admission) {
      return { ok: false, refusedForSeconds: admission.retryAfterSeconds };
    }
    let result: CallResult<Data>;
    try {
      result = await send(signal);
    } finally {
      await admission.answered();
    }
    if (result.error) {
      const error = await settle(operationId, result.error, budget, telemetry);
      return { ok: false, error, status: result.status };
    }
    return { ok: true, answer: result.data, reused: false, status: result.status };
  }

  return {
    async admit(operation, principal, request, signal, send) {
      const { operationId } = operation;
      if (!reuse || !operation.reuse) return budgeted(operationId, send, signal);
      const query = { operationId, request, rule: operation.reuse };
      const obtained = await reuse.obtain(principal, query, signal, async (shared) => {
        const outcome = await budgeted(operationId, send, shared);
        return { outcome, token: outcome.ok ? outcome.answer : null };
      });
      if (obtained.from === "cache") {
        return { ok: true, answer: obtained.token, reused: true, status: undefined };
      }
      const { outcome } = obtained.minted;
      return outcome.ok && obtained.shared ? { ...outcome, reused: true } : outcome;
    },
  };
}
