import type { CallOptions, CallResult, IdpClient, ValidationResult } from "@tokengate/idp-client";
import type { VerifiedCaller } from "../auth/authorizer.js";
import type { GatewayErrorCode } from "../core/error-codes.js";
import type { OperationId } from "../core/operation-id.js";
import { Refusal } from "../core/refusal.js";
import type { AuditedRequest } from "../ops/audit/event.js";
import type { AnswerReuse } from "../ops/token-reuse.js";
import type { FieldMap } from "./field-map.js";

export type { AnswerReuse, OperationId, VerifiedCaller };

/**
 * Broker mode's rule for one operation: whether a verified caller may send
 * this request. Throws a `Refusal` (a reason of the catalogue) to refuse;
 * returns the customer the request is for when limits should count it per
 * customer too.
 */
export type BrokerPolicy<Request> = (
  request: Request,
  caller: VerifiedCaller,
) => { customer: string | null };

/** The default policy of an operation without one of its own: admins only. */
export const adminOnly: BrokerPolicy<unknown> = (_request, caller) => {
  if (!caller.admin) {
    throw Refusal.because("admin_only", "Only an admin caller may use this operation");
  }
  return { customer: null };
};

/** An answered error's GraphQL code, and the code of each documented `message_code` (`x-tokengate-graphql-code`). */
export interface DocumentedErrorCodes {
  readonly code: GatewayErrorCode;
  readonly messageCodes: Readonly<Record<string, GatewayErrorCode>>;
}

/**
/**
 * The audit trail's reading of an operation's request (one that satisfies
 * the spec), written by hand in `src/operations/<operationId>/audit.ts` for
 * an operation whose request names a customer, scopes or an IP allowlist.
 */
export type RequestAudit<Request> = (request: Request) => AuditedRequest;

/**
 * One operation as the gateway's pipeline carries it, generated into
 * `src/generated/operations/<operationId>.ts`; only `policy`, `reuse` and
 * `audit` are written by hand (`src/operations/<operationId>/policy.ts`,
 * `reuse.ts`, `audit.ts`).
 */
export interface GatewayOperation<Request, Data> {
  readonly operationId: OperationId;
  /** The client's (precompiled) check of the request. */
  readonly validateRequest: (input: unknown) => ValidationResult<Request>;
  /** GraphQL name → wire name of the fields the caller writes. */
  readonly fields: FieldMap;
  /** Where those fields sit in the caller's GraphQL: `["input"]`, or `[]` for arguments. */
  readonly fieldPath: readonly string[];
  /** The GraphQL code of each documented error status. */
  readonly errorCodes: Readonly<Record<string, DocumentedErrorCodes>>;
  /** Answer fields that are credentials (`x-tokengate-secret`). */
  readonly secretFields: readonly (keyof Data & string)[];
  readonly policy: BrokerPolicy<Request>;
  /** Reuse of a still-valid answer, or `null`: every request goes upstream. */
  readonly reuse: AnswerReuse<Request, Data> | null;
  /** What the audit trail records of a request, or `null`: nothing beyond the operation. */
  readonly audit: RequestAudit<Request> | null;
  call(idp: IdpClient, request: Request, options: CallOptions): Promise<CallResult<Data>>;
}

/** Types a generated operation (an identity: the generated module names its types). */
export function defineOperation<Request, Data>(
  operation: GatewayOperation<Request, Data>,
): GatewayOperation<Request, Data> {
  return operation;
}
