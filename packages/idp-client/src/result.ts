import type { IdpError } from "./errors.js";
import { type ParsedBody, readCustomerTokenAnswer } from "./response.js";
import type { CustomerToken } from "./types.js";

/** `{ data }` on success, `{ error }` otherwise; `response` when an answer was read. */
export type CreateCustomerTokenResult =
  | { data: CustomerToken; error?: never; response: Response }
  | { data?: never; error: IdpError; response?: Response };

/**
 * The result of an answer, checked against the contract. `response` is made
 * on first read: most callers never read it, and a `Response` per call is
 * what the default transport exists to avoid.
 */
export function resultOf(
  status: number,
  parsed: ParsedBody,
  retryAfter: string | null,
  makeResponse: () => Response,
): CreateCustomerTokenResult {
  let response: Response | undefined;
  const outcome = readCustomerTokenAnswer(status, parsed, retryAfter);
  if (outcome.ok) {
    return {
      data: outcome.token,
      get response() {
        response ??= makeResponse();
        return response;
      },
    };
  }
  return {
    error: outcome.error,
    get response() {
      response ??= makeResponse();
      return response;
    },
  };
}
