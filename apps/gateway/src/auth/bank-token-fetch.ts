import { retryAfterSeconds } from "@tokengate/idp-client";
import type { UpstreamBudget } from "../ops/upstream-budget.js";
import type { Telemetry } from "../telemetry.js";

/**
 * The token endpoint's `fetch`, observed: each bank-token fetch is one
 * upstream call (a client span whose `traceparent` it sends, a timing) and
 * one refresh, `ok` when the endpoint answered 2xx. A 429 pauses bank-token
 * requests on every replica until its `Retry-After` (the budget's window
 * when absent), before the provider hands the refusal on.
 */
export function observedBankTokenFetch(
  telemetry: Telemetry,
  budget: UpstreamBudget,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const call = telemetry.upstreamCall("bank_token");
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(call.headers)) headers.set(name, value);
    let response: Response;
    try {
      response = await fetch(new Request(request, { headers }));
    } catch (error) {
      call.end(undefined);
      telemetry.bankTokenFetched("error");
      throw error;
    }
    call.end(response.status);
    telemetry.bankTokenFetched(response.ok ? "ok" : "error");
    if (response.status === 429) {
      telemetry.upstreamRateLimited("bank_token", "upstream");
      await budget.pause("bank_token", retryAfterSeconds(response.headers.get("retry-after")));
    }
    return response;
  };
}
