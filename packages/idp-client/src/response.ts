import { Ajv } from "ajv";
import type { IdpError } from "./errors.js";
import { CUSTOMER_TOKEN_SCHEMA, ERROR_RESPONSE_SCHEMA } from "./generated/contract.js";
import type { CustomerToken, ErrorResponse } from "./types.js";

/** The client's Ajv for the upstream's answers (the request validator keeps its own: it collects every error). */
export const ajv = new Ajv({ strict: true });
const isCustomerTokenBody = ajv.compile<{ access_token?: string }>(CUSTOMER_TOKEN_SCHEMA);
const isErrorResponse = ajv.compile<ErrorResponse>(ERROR_RESPONSE_SCHEMA);

type ReadOutcome = { ok: true; token: CustomerToken } | { ok: false; error: IdpError };

/** A body as read off the wire: parsed JSON, or not JSON at all. */
export type ParsedBody = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string): ParsedBody {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function successOutcome(status: number, parsed: ParsedBody): ReadOutcome {
  const answered = { status, messageCode: null, upstreamMessage: null };
  if (!parsed.ok) {
    return {
      ok: false,
      error: {
        kind: "unexpected_response",
        reason: "not_json",
        message: `Upstream answered ${status} with a body that is not JSON`,
        ...answered,
      },
    };
  }
  if (!isCustomerTokenBody(parsed.value)) {
    const why = ajv.errorsText(isCustomerTokenBody.errors, { dataVar: "body" });
    return {
      ok: false,
      error: {
        kind: "unexpected_response",
        reason: "contract_violation",
        message: `Upstream answered ${status} with a body that breaks the contract: ${why}`,
        ...answered,
      },
    };
  }
  const accessToken = parsed.value.access_token;
  if (typeof accessToken !== "string" || accessToken.length === 0) {
    // The spec marks access_token optional, but a token response without a
    // token is useless to every caller: report it instead of a hollow success.
    return {
      ok: false,
      error: {
        kind: "unexpected_response",
        reason: "contract_violation",
        message: `Upstream answered ${status} without an access_token`,
        ...answered,
      },
    };
  }
  return { ok: true, token: { access_token: accessToken } };
}

function errorOutcome(status: number, parsed: ParsedBody, retryAfter: string | null): IdpError {
  const body = parsed.ok && isErrorResponse(parsed.value) ? parsed.value : null;
  const answered = {
    status,
    messageCode: body?.message_code ?? null,
    upstreamMessage: body?.error_message ?? null,
  };
  const detail = body ? `: ${body.error_message} (${body.message_code})` : "";
  switch (status) {
    case 401:
      return {
        kind: "unauthorized",
        message: `Upstream refused the bank token (401)${detail}`,
        ...answered,
      };
    case 403:
      return {
        kind: "forbidden",
        message: `Upstream forbade the request (403)${detail}`,
        ...answered,
      };
    case 422:
      if (!body) {
        return {
          kind: "unexpected_response",
          reason: parsed.ok ? "contract_violation" : "not_json",
          message: "Upstream answered 422 without an ErrorResponse body",
          ...answered,
        };
      }
      return {
        kind: "unprocessable",
        message: `Upstream could not process the request (422)${detail}`,
        ...answered,
      };
  }
  if (status >= 500) {
    return {
      kind: "server_error",
      message: `Upstream failed (${status})${detail}`,
      retryAfter,
      ...answered,
    };
  }
  return {
    kind: "unexpected_response",
    reason: "undocumented_status",
    message: `Upstream answered ${status}, which the contract does not list`,
    ...answered,
  };
}

/**
 * Turns the upstream's answer into a token or a typed error, checking the
 * body against the spec's schemas: any 2xx whose body carries an
 * `access_token` string is a success, every other answer is an `IdpError`.
 */
export function readCustomerTokenAnswer(
  status: number,
  body: ParsedBody,
  retryAfter: string | null,
): ReadOutcome {
  if (status >= 200 && status < 300) return successOutcome(status, body);
  return { ok: false, error: errorOutcome(status, body, retryAfter) };
}
