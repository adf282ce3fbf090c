import { CUSTOMER_TOKEN_SCOPES, OPERATIONS } from "@tokengate/idp-client";
import { GATEWAY_ERROR_CODES, REFUSAL_REASONS } from "../../core/error-codes.js";
import { AUDIT_SCHEMA_VERSION } from "./event.js";

/** Longest `jti` written; a longer one (the upstream's to choose) is written as `null`. */
export const LONGEST_JTI = 256;

const nullable = (schema: Record<string, unknown>, description: string) => ({
  description,
  anyOf: [schema, { type: "null" }],
});

const scopeList = { type: "array", items: { enum: [...CUSTOMER_TOKEN_SCOPES] } };

/**
 * The audit event as a JSON Schema (draft 2020-12): `pnpm generate` writes
 * it to `apps/gateway/audit-event.schema.json`, the file a log pipeline
 * validates against. Its enums come from the code's own lists (operations,
 * codes, reasons, scopes), so they cannot drift; the tests validate every
 * event the gateway writes against it.
 */
export const AUDIT_EVENT_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `urn:tokengate:schema:audit-event:v${AUDIT_SCHEMA_VERSION}`,
  title: "tokengate audit event",
  description:
    "One upstream operation's outcome at the tokengate gateway: one JSON line per operation that reached its pipeline. It never holds a token, a bearer, a secret or the upstream's free text.",
  type: "object",
  additionalProperties: false,
  required: [
    "audit",
    "schemaVersion",
    "time",
    "requestId",
    "mode",
    "operation",
    "caller",
    "customer",
    "scopes",
    "grantedScopes",
    "inheritIpAllowlist",
    "ipAllowlist",
    "jti",
    "expiresAt",
    "reused",
    "outcome",
    "reason",
  ],
  properties: {
    audit: {
      const: true,
      description: "Marks an audit line on a stream shared with the gateway's other logs.",
    },
    schemaVersion: { const: AUDIT_SCHEMA_VERSION },
    time: { type: "string", format: "date-time", description: "When the operation ended (UTC)." },
    requestId: {
      type: "string",
      description:
        "The request's id (`x-request-id`), as in the gateway's logs and the upstream call.",
    },
    mode: { enum: ["passthrough", "broker"] },
    operation: { enum: Object.keys(OPERATIONS), description: "The spec's operationId." },
    caller: nullable(
      {
        oneOf: [
          {
            type: "object",
            additionalProperties: false,
            required: ["sub"],
            properties: {
              sub: {
                type: "string",
                description: "Broker mode: the verified caller token's `sub`.",
              },
            },
          },
          {
            type: "object",
            additionalProperties: false,
            required: ["bearerSha256"],
            properties: {
              bearerSha256: {
                type: "string",
                pattern: "^[0-9a-f]{64}$",
                description: "Passthrough: SHA-256 (hex) of the caller's bearer token.",
              },
            },
          },
        ],
      },
      "Who asked; null when the caller was not authenticated.",
    ),
    customer: nullable({ type: "string" }, "The customer the request names."),
    scopes: nullable(scopeList, "The scopes the request asked for."),
    grantedScopes: nullable(
      scopeList,
      "The scopes the issued or reused token grants (its `scope` claim, read without verification).",
    ),
    inheritIpAllowlist: nullable(
      { type: "boolean" },
      "The request's `inherit_ip_allowlist` as sent; null when not sent (the upstream's default).",
    ),
    ipAllowlist: nullable(
      { type: "array", items: { type: "string" } },
      "The request's `ip_allowlist` as sent; null when not sent.",
    ),
    jti: nullable(
      { type: "string", maxLength: LONGEST_JTI },
      "The issued or reused token's `jti` claim, read without verification.",
    ),
    expiresAt: nullable(
      { type: "string", format: "date-time" },
      "The issued or reused token's `exp` claim.",
    ),
    reused: nullable(
      { type: "boolean" },
      "True when the token was handed out again (token reuse); null when no token was issued or reused.",
    ),
    outcome: {
      enum: ["ok", "cancelled", ...Object.keys(GATEWAY_ERROR_CODES)],
      description:
        "`ok`, `cancelled` (the caller hung up first), or the `extensions.code` the caller got.",
    },
    reason: nullable(
      { enum: Object.keys(REFUSAL_REASONS) },
      "Broker mode's refusal reason (`extensions.reason`), when one of its rules refused the caller.",
    ),
  },
} as const;
