/**
 * Every `extensions.code` the gateway can answer with, HTTP-level refusals
 * included, each with what it means for a caller. The keys are the one
 * list: `GatewayErrorCode` is derived from them, the schema prints them as
 * the `GatewayErrorCode` enum (so GraphQL clients' codegen sees the union),
 * and every place that writes a code takes this type.
 */
export const GATEWAY_ERROR_CODES = {
  BAD_REQUEST:
    "The HTTP request is not one this gateway serves: a GET without the CSRF header, a mutation over GET, a batch, bad params, a malformed Host.",
  UNSUPPORTED_MEDIA_TYPE: "A POST body that is not `Content-Type: application/json` (HTTP 415).",
  LENGTH_REQUIRED: "A POST body without a `Content-Length` (HTTP 411).",
  PAYLOAD_TOO_LARGE: "A POST body over the size limit (HTTP 413).",
  GRAPHQL_PARSE_FAILED: "The document does not parse, or has too many tokens.",
  GRAPHQL_VALIDATION_FAILED:
    "The document is not valid against the schema, or exceeds a depth, alias, directive or cost limit.",
  OPERATION_RESOLUTION_FAILURE:
    "The operation to run cannot be told: an `operationName` the document does not have.",
  BAD_USER_INPUT:
    "Input breaks the contract (the message names the field), or a variable does not coerce; nothing was sent upstream.",
  UNAUTHENTICATED:
    "No usable `Authorization: Bearer` token, or the upstream (passthrough) refused it.",
  FORBIDDEN: "The caller may not mint this token, or the upstream (passthrough) forbade it.",
  AUTH_UNAVAILABLE: "Broker mode: the keys to verify caller tokens could not be fetched.",
  RATE_LIMITED:
    "Broker mode: this caller or this customer has had its mints for this minute; `extensions.retryAfterSeconds` says when to try again. Nothing was sent upstream.",
  UPSTREAM_RATE_LIMITED:
    "The upstream's request budget for this gateway's egress IP is spent (the gateway's own budget refused the mint before sending it, or the upstream answered 429); `extensions.retryAfterSeconds` (a whole number, at least 1) says when a request may go again.",
  CUSTOMER_NOT_FOUND: "The upstream does not know the customer.",
  UPSTREAM_TIMEOUT: "The upstream gave no complete answer in time.",
  UPSTREAM_UNAVAILABLE:
    "The upstream could not be reached, failed (5xx), or refused the gateway's own credentials.",
  UPSTREAM_BAD_RESPONSE: "The upstream answered outside its contract.",
  SHUTTING_DOWN:
    "The gateway is stopping and could not finish this mint within its drain budget; try another replica.",
  INTERNAL_SERVER_ERROR: "Anything unexpected; masked as `Unexpected error.` and logged.",
} as const satisfies Record<string, string>;

export type GatewayErrorCode = keyof typeof GATEWAY_ERROR_CODES;

/** True for a code in the catalogue (for codes that arrive from outside, e.g. yoga's own). */
export function isGatewayErrorCode(value: unknown): value is GatewayErrorCode {
  return typeof value === "string" && Object.hasOwn(GATEWAY_ERROR_CODES, value);
}
