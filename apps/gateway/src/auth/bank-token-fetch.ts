import type { Telemetry } from "../telemetry.js";

/**
 * The token endpoint's `fetch`, observed: each bank-token fetch is one
 * upstream call (a client span whose `traceparent` it sends, a timing) and
 * one refresh, `ok` when the endpoint answered 2xx.
 */
export function observedBankTokenFetch(
  telemetry: Telemetry,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const call = telemetry.upstreamCall("createBankToken");
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(call.headers)) headers.set(name, value);
    try {
      const response = await fetch(new Request(request, { headers }));
      call.end(response.status);
      telemetry.bankTokenFetched(response.ok ? "ok" : "error");
      return response;
    } catch (error) {
      call.end(undefined);
      telemetry.bankTokenFetched("error");
      throw error;
    }
  };
}
