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
  DOCUMENT_NOT_TRUSTED:
    "`TRUSTED_DOCUMENTS=required`: the request sent a document's text, or an id that is not in the gateway's manifest of the typed client's documents (HTTP 400). Send the id of a document in the manifest (`extensions.persistedQuery.sha256Hash`).",
  OPERATION_RESOLUTION_FAILURE:
    "The operation to run cannot be told: an `operationName` the document does not have.",
  BAD_USER_INPUT:
    "Input breaks the contract (the message names the field), or a variable does not coerce; nothing was sent upstream.",
  UNAUTHENTICATED:
    "No usable `Authorization: Bearer` token, or the upstream (passthrough) refused it.",
  FORBIDDEN:
    "The caller may not make this request (broker mode's policy), or the upstream (passthrough) forbade it.",
  AUTH_UNAVAILABLE: "Broker mode: the keys to verify caller tokens could not be fetched.",
  RATE_LIMITED:
    "Broker mode: this caller or this customer has had its calls for this minute; `extensions.retryAfterSeconds` says when to try again. Nothing was sent upstream.",
  UPSTREAM_RATE_LIMITED:
    "The upstream's request budget for this gateway's egress IP is spent (the gateway's own budget refused the call before sending it, or the upstream answered 429); `extensions.retryAfterSeconds` (a whole number, at least 1) says when a request may go again.",
  CUSTOMER_NOT_FOUND: "The upstream does not know the customer.",
  NOT_FOUND: "The upstream has nothing at what the request names (a documented 404).",
  UPSTREAM_TIMEOUT: "The upstream gave no complete answer in time.",
  UPSTREAM_UNAVAILABLE:
    "The upstream could not be reached, failed (5xx), or refused the gateway's own credentials.",
  UPSTREAM_BAD_RESPONSE: "The upstream answered outside its contract.",
  SHUTTING_DOWN:
    "The gateway is stopping and could not finish this request within its drain budget; try another replica.",
  INTERNAL_SERVER_ERROR: "Anything unexpected; masked as `Unexpected error.` and logged.",
} as const satisfies Record<string, string>;

export type GatewayErrorCode = keyof typeof GATEWAY_ERROR_CODES;

/**
 * Every `extensions.reason` of broker mode: which rule refused a caller, with
 * the code it comes with. Nothing is sent upstream for any of them.
 */
export const REFUSAL_REASONS = {
  malformed_token: { code: "UNAUTHENTICATED", meaning: "The app token is not a JWT." },
  token_expired: { code: "UNAUTHENTICATED", meaning: "The app token's `exp` has passed." },
  token_not_yet_valid: {
    code: "UNAUTHENTICATED",
    meaning: "The app token's `nbf` is still ahead.",
  },
  wrong_issuer: { code: "UNAUTHENTICATED", meaning: "The app token's `iss` is not `AUTH_ISSUER`." },
  wrong_audience: {
    code: "UNAUTHENTICATED",
    meaning: "The app token's `aud` does not include `AUTH_AUDIENCE`.",
  },
  no_subject: { code: "UNAUTHENTICATED", meaning: "The app token has no usable `sub`." },
  invalid_claims: { code: "UNAUTHENTICATED", meaning: "Another registered claim is not accepted." },
  algorithm_not_allowed: {
    code: "UNAUTHENTICATED",
    meaning: "The app token is signed with an algorithm outside `AUTH_ALGORITHMS`.",
  },
  unknown_key: {
    code: "UNAUTHENTICATED",
    meaning: "No key of the JWKS has the app token's key id (after one refetch per cooldown).",
  },
  bad_signature: { code: "UNAUTHENTICATED", meaning: "The app token's signature does not verify." },
  token_lifetime_too_long: {
    code: "UNAUTHENTICATED",
    meaning:
      "The app token lives longer than `AUTH_MAX_TOKEN_LIFETIME_SECONDS`, from `iat` (or now) to `exp`.",
  },
  token_issued_in_future: { code: "UNAUTHENTICATED", meaning: "The app token's `iat` is ahead." },
  wrong_token_type: {
    code: "UNAUTHENTICATED",
    meaning: "The app token's header `typ` is neither `JWT` nor `at+jwt` (none is accepted).",
  },
  keys_unavailable: {
    code: "AUTH_UNAVAILABLE",
    meaning: "The JWKS could not be fetched, so no token can be verified.",
  },
  no_customer_claim: {
    code: "FORBIDDEN",
    meaning: "A non-admin app token lacks the `AUTH_CUSTOMER_CLAIM` claim.",
  },
  customer_mismatch: {
    code: "FORBIDDEN",
    meaning: "`customerGuid` is not the caller's own customer (and the caller is no admin).",
  },
  ip_allowlist_required: {
    code: "FORBIDDEN",
    meaning: "A non-admin asked for `inheritIpAllowlist: false`.",
  },
  ip_allowlist_too_long: {
    code: "FORBIDDEN",
    meaning: "A non-admin attached more than `AUTH_MAX_IP_ALLOWLIST_ENTRIES` ranges.",
  },
  ip_allowlist_too_wide: {
    code: "FORBIDDEN",
    meaning: "A non-admin attached a range wider than `AUTH_MIN_IP_ALLOWLIST_PREFIX`.",
  },
  scope_not_allowed: {
    code: "FORBIDDEN",
    meaning: "A scope outside `ALLOWED_SCOPES` was asked for.",
  },
  admin_only: {
    code: "FORBIDDEN",
    meaning:
      "A non-admin called an operation only admins may (`bankApplications`, and any operation without a policy of its own).",
  },
} as const satisfies Record<string, { code: GatewayErrorCode; meaning: string }>;

export type RefusalReason = keyof typeof REFUSAL_REASONS;

/** True for a code in the catalogue (for codes that arrive from outside, e.g. yoga's own). */
export function isGatewayErrorCode(value: unknown): value is GatewayErrorCode {
  return typeof value === "string" && Object.hasOwn(GATEWAY_ERROR_CODES, value);
}

/** True for a reason of the catalogue (read back from an error's `extensions.reason`). */
export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === "string" && Object.hasOwn(REFUSAL_REASONS, value);
}
