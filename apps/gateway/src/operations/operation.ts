import type {
  CallOptions,
  CallResult,
  IdpClient,
  OPERATIONS,
  ValidationResult,
} from "@tokengate/idp-client";
import type { BrokerAuthSettings } from "../auth/broker-settings.js";
import type { GatewayErrorCode } from "../error-codes.js";
import { refusedError } from "../errors.js";
import type { FieldMap } from "./field-map.js";

/** An upstream operation the gateway exposes, by the spec's operationId. */
export type OperationId = keyof typeof OPERATIONS;

/** A broker-mode caller whose token verified. */
export interface VerifiedCaller {
  /** Its token's `sub`: what rate limits count by. */
  sub: string;
  /** It carries the configured admin scope. */
  admin: boolean;
  /** The customer its token names (the configured claim), if any. */
  customer: string | null;
  settings: BrokerAuthSettings;
}

/**
 * Broker mode's rule for one operation: whether a verified caller may send
 * this request. Throws a refusal (`refusedError`, a reason of the catalogue) to refuse;
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
    throw refusedError("admin_only", "Only an admin caller may use this operation");
  }
  return { customer: null };
};

/** An answered error's GraphQL code, and the code of each documented `message_code` (`x-tokengate-graphql-code`). */
export interface DocumentedErrorCodes {
  readonly code: GatewayErrorCode;
  readonly messageCodes: Readonly<Record<string, GatewayErrorCode>>;
}

/**
 * How an operation's answer may be handed out again for an identical request
 * while it is still valid (token reuse): written by hand in
 * `src/operations/<operationId>/reuse.ts` for an operation whose answer is a
 * credential with a lifetime. Policy, limits and validation still run on
 * every request; only the upstream call is saved.
 */
export interface AnswerReuse<Request, Data> {
  /** The request's inputs that change what the answer grants, in a canonical (order-free) form. */
  inputs(request: Request): unknown;
  /** When the answer stops being valid; `null`: never hand it out again. */
  expiresAt(answer: Data): Date | null;
}

/**
 * One operation as the gateway's pipeline carries it, generated into
 * `src/generated/operations/<operationId>.ts`; only `policy` and `reuse` are
 * written by hand (`src/operations/<operationId>/policy.ts`, `reuse.ts`).
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
  call(idp: IdpClient, request: Request, options: CallOptions): Promise<CallResult<Data>>;
}

/** Types a generated operation (an identity: the generated module names its types). */
export function defineOperation<Request, Data>(
  operation: GatewayOperation<Request, Data>,
): GatewayOperation<Request, Data> {
  return operation;
}
