import { hash } from "node:crypto";
import type { Authorizer } from "../auth/authorizer.js";
import type { RefusalReason } from "../core/error-codes.js";
import { claimsHeldBy, unverifiedClaims } from "../core/jwt-claims.js";
import { expiryOf } from "../core/jwt-expiry.js";
import { grantedScopesOf } from "../core/jwt-scopes.js";
import {
  AUDIT_SCHEMA_VERSION,
  type AuditEvent,
  type AuditedCaller,
  type AuditedRequest,
} from "../ops/audit/event.js";
import { LONGEST_JTI } from "../ops/audit/schema.js";
import type { OperationOutcome } from "../ops/telemetry.js";
import type { GatewayOperation } from "./operation.js";

/** What the pipeline learned about one operation before it ended. */
export interface Seen<Request, Data> {
  /** Set once the auth mode accepted the caller. */
  caller: AuditedCaller | null;
  /** Set once the request passed the spec's check. */
  request: Request | null;
  /** Set once an answer came (issued or reused). */
  answered: { answer: Data; reused: boolean } | null;
}

/**
 * A passthrough caller, as its bearer's SHA-256. A bearer is a high-entropy
 * credential, so an unkeyed digest cannot be reversed or guessed; being
 * unkeyed, it is the same on every replica and after every restart, and a
 * security team holding a leaked token finds its events by hashing it.
 */
export function bearerCaller(token: string): AuditedCaller {
  return { bearerSha256: hash("sha256", token, "hex") };
}

const NOTHING_REQUESTED: AuditedRequest = {
  customer: null,
  scopes: null,
  inheritIpAllowlist: null,
  ipAllowlist: null,
};

/**
 * What the request asked for, read only from a request that satisfies the
 * spec: input the caller wrote outside it (a BAD_USER_INPUT) is unbounded
 * text, never written. A request refused before the pipeline's own check (a
 * broker policy's refusal) is checked here.
 */
function requested<Request, Data>(
  operation: GatewayOperation<Request, Data>,
  raw: Request,
  seen: Seen<Request, Data>,
): AuditedRequest {
  if (!operation.audit) return NOTHING_REQUESTED;
  if (seen.request) return operation.audit(seen.request);
  const checked = operation.validateRequest(raw);
  return checked.ok ? operation.audit(checked.value) : NOTHING_REQUESTED;
}

/** The credential an answer carries (its first field the spec marks secret), if any. */
function credentialOf<Request, Data>(
  operation: GatewayOperation<Request, Data>,
  answer: Data,
): string | null {
  for (const field of operation.secretFields) {
    const value: unknown = answer[field];
    if (typeof value === "string") return value;
  }
  return null;
}

/** The token's `jti`, `exp` and granted scopes, read without verification; never the token. */
function describedToken(answer: unknown, token: string | null) {
  if (token === null) return { jti: null, expiresAt: null, grantedScopes: null };
  // The decode the answer's GraphQL fields made, when the answer is an object.
  const claims =
    typeof answer === "object" && answer !== null
      ? claimsHeldBy(answer, token)
      : unverifiedClaims(token);
  const jti = claims?.jti;
  return {
    jti: typeof jti === "string" && jti.length <= LONGEST_JTI ? jti : null,
    expiresAt: expiryOf(claims)?.toISOString() ?? null,
    grantedScopes: grantedScopesOf(claims),
  };
}

/** The one audit event of an operation that ended with `outcome`. */
export function auditEventOf<Request, Data>(
  operation: GatewayOperation<Request, Data>,
  raw: Request,
  seen: Seen<Request, Data>,
  ended: {
    requestId: string;
    mode: Authorizer["mode"];
    outcome: OperationOutcome;
    reason: RefusalReason | null;
  },
): AuditEvent {
  const { answered } = seen;
  const token = answered ? credentialOf(operation, answered.answer) : null;
  const request = requested(operation, raw, seen);
  const described = describedToken(answered?.answer, token);
  // One literal of a fixed shape (no spreads): this runs for every operation.
  return {
    audit: true,
    schemaVersion: AUDIT_SCHEMA_VERSION,
    time: new Date().toISOString(),
    requestId: ended.requestId,
    mode: ended.mode,
    operation: operation.operationId,
    caller: seen.caller,
    customer: request.customer,
    scopes: request.scopes,
    inheritIpAllowlist: request.inheritIpAllowlist,
    ipAllowlist: request.ipAllowlist,
    jti: described.jti,
    expiresAt: described.expiresAt,
    grantedScopes: described.grantedScopes,
    reused: token === null || !answered ? null : answered.reused,
    outcome: ended.outcome,
    reason: ended.reason,
  };
}
