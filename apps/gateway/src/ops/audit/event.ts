import type { CustomerTokenScope } from "@tokengate/idp-client";
import type { RefusalReason } from "../../core/error-codes.js";
import type { OperationId } from "../../core/operation-id.js";
import type { OperationOutcome } from "../telemetry.js";

/**
 * The audit event's schema version: `audit-event.schema.json`'s `$id` ends
 * with it. A field added, removed or changed in meaning is a new version.
 */
export const AUDIT_SCHEMA_VERSION = 1;

/**
 * Who asked: broker mode's verified `sub`, or passthrough's bearer as its
 * SHA-256 (hex): a bearer is never written, not even in part.
 */
export type AuditedCaller = { sub: string } | { bearerSha256: string };

/** What the audit trail records of a request: who it is for and what it asks for. */
export interface AuditedRequest {
  customer: string | null;
  scopes: CustomerTokenScope[] | null;
  inheritIpAllowlist: boolean | null;
  ipAllowlist: string[] | null;
}

/**
 * One operation's outcome, as one line of the audit stream. Every field is
 * always present (`null` when it does not apply or is not known), so a
 * reader never has to tell a missing field from an empty one. Nothing here is
 * a credential or the upstream's free text; see `audit-event.schema.json`.
 */
export interface AuditEvent {
  /** Tells an audit line from the gateway's other log lines on a shared stream. */
  audit: true;
  schemaVersion: typeof AUDIT_SCHEMA_VERSION;
  /** When the operation ended (ISO 8601, UTC). */
  time: string;
  requestId: string;
  mode: "passthrough" | "broker";
  operation: OperationId;
  /** `null`: the caller was not authenticated (no bearer, or a caller token that did not verify). */
  caller: AuditedCaller | null;
  /** The customer the request names. */
  customer: string | null;
  /** The scopes the request asked for (wire values). */
  scopes: CustomerTokenScope[] | null;
  /** The scopes the issued or reused token grants (its `scope` claim, read without verification). */
  grantedScopes: CustomerTokenScope[] | null;
  /** The request's `inherit_ip_allowlist` as sent; `null`: not sent (the upstream's default). */
  inheritIpAllowlist: boolean | null;
  /** The request's `ip_allowlist` as sent; `null`: not sent. */
  ipAllowlist: string[] | null;
  /** The issued or reused token's `jti` claim, read without verification. */
  jti: string | null;
  /** The issued or reused token's `exp` claim (ISO 8601). */
  expiresAt: string | null;
  /** The token was handed out again (token reuse) rather than issued for this request; `null`: no token. */
  reused: boolean | null;
  /** `ok`, `cancelled` (the caller hung up first), or the `extensions.code` the caller got. */
  outcome: OperationOutcome;
  /** Broker mode's refusal reason (`extensions.reason`), when a rule refused the caller. */
  reason: RefusalReason | null;
}
