import type {
  CreateCustomerTokenRequest,
  CreateCustomerTokenResult,
  CustomerToken,
  IdpError,
} from "@tokengate/idp-client";
import type { Telemetry } from "../telemetry.js";
import type { Principal, TokenReuse } from "./token-reuse.js";
import type { UpstreamBudget } from "./upstream-budget.js";

/** How an admitted mint ended: a token (`reused` or not), the client's error, or the budget's refusal. */
export type Admitted =
  | { ok: true; token: CustomerToken; reused: boolean; status: number | undefined }
  | { ok: false; error: IdpError; status: number | undefined }
  | { ok: false; refusedForSeconds: number };

/** Sends the mint upstream; `signal` aborts when every caller waiting on it is gone. */
export type Send = (signal: AbortSignal) => Promise<CreateCustomerTokenResult>;

/**
 * What stands between a mint that passed policy, validation and the caller
 * limits and the upstream: reuse of a still-valid token, then the upstream
 * budget, then the call. The one seam of the mint path for both.
 */
export interface MintAdmission {
  admit(
    principal: Principal,
    request: CreateCustomerTokenRequest,
    signal: AbortSignal,
    send: Send,
  ): Promise<Admitted>;
}

/**
 * An upstream rate-limit refusal (a 429 on the mint, or on the bank token
 * behind it) pauses the operation for every replica; its `retryAfterSeconds`
 * becomes the pause in force, so a caller is told when a call may go again.
 */
async function settle(error: IdpError, budget: UpstreamBudget, telemetry: Telemetry) {
  if (error.kind === "rate_limited") {
    telemetry.upstreamRateLimited("create_customer_token", "upstream");
    const retryAfterSeconds = await budget.pause("create_customer_token", error.retryAfterSeconds);
    return { ...error, retryAfterSeconds };
  }
  if (error.kind === "token_provider" && error.rateLimit) {
    // The token endpoint's own 429 paused it where it was seen (bank-token-fetch.ts).
    const retryAfterSeconds =
      error.rateLimit.retryAfterSeconds ?? (await budget.pause("bank_token", null));
    return { ...error, rateLimit: { retryAfterSeconds } };
  }
  return error;
}

export function createMintAdmission(
  budget: UpstreamBudget,
  reuse: TokenReuse | null,
  telemetry: Telemetry,
): MintAdmission {
  async function budgeted(send: Send, signal: AbortSignal): Promise<Admitted> {
    const admission = await budget.admit("create_customer_token");
    if ("retryAfterSeconds" in admission) {
      return { ok: false, refusedForSeconds: admission.retryAfterSeconds };
    }
    let result: CreateCustomerTokenResult;
    try {
      result = await send(signal);
    } finally {
      await admission.answered();
    }
    const { data, error, response } = result;
    const status = response?.status;
    if (error) return { ok: false, error: await settle(error, budget, telemetry), status };
    return { ok: true, token: data, reused: false, status };
  }

  return {
    async admit(principal, request, signal, send) {
      if (!reuse) return budgeted(send, signal);
      const obtained = await reuse.obtain(principal, request, signal, async (shared) => {
        const outcome = await budgeted(send, shared);
        return { outcome, token: outcome.ok ? outcome.token : null };
      });
      if (obtained.from === "cache") {
        return { ok: true, token: obtained.token, reused: true, status: undefined };
      }
      const { outcome } = obtained.minted;
      return outcome.ok && obtained.shared ? { ...outcome, reused: true } : outcome;
    },
  };
}
