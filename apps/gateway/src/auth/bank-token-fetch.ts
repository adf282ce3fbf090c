import { retryAfterSeconds } from "@tokengate/idp-client";
import type { Telemetry } from "../ops/telemetry.js";
import type { UpstreamBudget } from "../ops/upstream-budget.js";

/**
 * The token endpoint's requests, within the budget and observed: `admit`
 * (for `clientCredentials`) takes a slot of the token limit before each
 * request, and `fetch` sends it. Each fetch is one upstream call (a client
 * span whose `traceparent` it sends, a timing) and one refresh, `ok` when the
 * endpoint answered 2xx; its slot counts from its answer. A 429 pauses
 * bank-token requests on every replica until its `Retry-After` (the
 * budget's window when absent), before the provider hands the refusal on.
 */
export function budgetedBankTokenFetch(
  telemetry: Telemetry,
  budget: UpstreamBudget,
): {
  admit(): Promise<number | null>;
  fetch(request: Request): Promise<Response>;
} {
  // The provider fetches one token at a time (single flight): one slot is open at most.
  let open: (() => Promise<void>) | null = null;
  const admit = async () => {
    const admission = await budget.admit("createBankToken");
    if ("retryAfterSeconds" in admission) return admission.retryAfterSeconds;
    open = admission.answered;
    return null;
  };
  const answered = async () => {
    const close = open;
    open = null;
    await close?.();
  };
  const fetchToken = async (request: Request): Promise<Response> => {
    const call = telemetry.upstreamCall("createBankToken");
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(call.headers)) headers.set(name, value);
    let response: Response;
    try {
      response = await fetch(new Request(request, { headers }));
    } catch (error) {
      call.end(undefined);
      telemetry.bankTokenFetched("error");
      throw error;
    } finally {
      await answered();
    }
    call.end(response.status);
    telemetry.bankTokenFetched(response.ok ? "ok" : "error");
    if (response.status === 429) {
      telemetry.upstreamRateLimited("createBankToken", "upstream");
      await budget.pause("createBankToken", retryAfterSeconds(response.headers.get("retry-after")));
    }
    return response;
  };
  return { admit, fetch: fetchToken };
}
