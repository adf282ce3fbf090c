import { formatPath, type IdpError, type ValidationIssue } from "@tokengate/idp-client";
import type { GraphQLError } from "graphql";
import { createGraphQLError } from "graphql-yoga";
import { LIMITS } from "../config/limits.js";
import type { GatewayErrorCode, RefusalReason } from "../core/error-codes.js";
import type { Refusal } from "../core/refusal.js";
import { type FieldMap, graphqlPath } from "../operations/field-map.js";
import type { DocumentedErrorCodes } from "../operations/operation.js";

/** What this file needs of an operation: how the caller names its fields, and its documented codes. */
interface OperationNames {
  readonly operationId: string;
  readonly fields: FieldMap;
  readonly fieldPath: readonly string[];
  readonly errorCodes: Readonly<Record<string, DocumentedErrorCodes>>;
}

interface UpstreamAnswer {
  status: number;
  messageCode: string | null;
}

/** A coded error; `reason` says which rule refused (broker mode), `upstream` what the upstream said. */
export function gatewayError(
  code: GatewayErrorCode,
  message: string,
  upstream?: UpstreamAnswer,
  reason?: RefusalReason,
): GraphQLError {
  const extensions: Record<string, unknown> = { code };
  if (reason) extensions.reason = reason;
  if (upstream)
    extensions.upstream = { status: upstream.status, messageCode: upstream.messageCode };
  return createGraphQLError(message, { extensions });
}

/** A refusal by the auth mode or a broker policy, with `extensions.reason` when a rule of the catalogue refused. */
export function refusalError(refusal: Refusal): GraphQLError {
  return gatewayError(refusal.code, refusal.message, undefined, refusal.reason ?? undefined);
}

/** RATE_LIMITED, with `extensions.retryAfterSeconds`: when the window that refused ends. */
export function rateLimitedError(retryAfterSeconds: number): GraphQLError {
  const code: GatewayErrorCode = "RATE_LIMITED";
  return createGraphQLError("Too many calls for this caller or customer; try again later", {
    extensions: { code, retryAfterSeconds },
  });
}

/** The one message of UPSTREAM_RATE_LIMITED: nothing the upstream wrote reaches a caller. */
const UPSTREAM_RATE_LIMITED_MESSAGE =
  "The upstream's request budget for this gateway is spent; try again later";

/**
 * UPSTREAM_RATE_LIMITED, with `extensions.retryAfterSeconds` (a whole
 * number, at least 1): refused by the upstream budget before anything was
 * sent, or by the upstream itself (then with `extensions.upstream`).
 */
export function upstreamRateLimitedError(
  retryAfterSeconds: number | null,
  upstream?: UpstreamAnswer,
): GraphQLError {
  const code: GatewayErrorCode = "UPSTREAM_RATE_LIMITED";
  const extensions: Record<string, unknown> = {
    code,
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds ?? 1)),
  };
  if (upstream)
    extensions.upstream = { status: upstream.status, messageCode: upstream.messageCode };
  return createGraphQLError(UPSTREAM_RATE_LIMITED_MESSAGE, { extensions });
}

/** BAD_USER_INPUT naming each broken field as the caller wrote it, through the generated field map: `input.ipAllowlist[1]`, `perPage`. */
export function badUserInput(
  operation: OperationNames,
  issues: readonly ValidationIssue[],
): GraphQLError {
  const described = issues.map(({ path, message }) => {
    const inGraphQL = graphqlPath(operation.fields, path);
    return `${formatPath([...operation.fieldPath, ...inGraphQL])} ${message}`;
  });
  return gatewayError("BAD_USER_INPUT", `Invalid input: ${described.join("; ")}`);
}

type AnsweredKind = Exclude<IdpError["kind"], "invalid_request">;

/**
 * Broker mode's caller is untrusted and the bank token is the gateway's own:
 * no upstream text reaches the caller, only these fixed messages with the
 * status and message code.
 */
const BROKER_MESSAGES: Record<AnsweredKind, string> = {
  unauthorized: "The upstream refused the gateway's credentials",
  forbidden: "The upstream refused the gateway's credentials",
  not_found: "The upstream found nothing at what the request names",
  unprocessable: "The upstream could not process the request",
  rate_limited: UPSTREAM_RATE_LIMITED_MESSAGE,
  server_error: "The upstream failed",
  unexpected_response: "The upstream answered outside its contract",
  timeout: "The upstream did not answer in time",
  aborted: "The call was cancelled",
  token_provider: "The gateway could not authenticate to the upstream",
  network: "The upstream could not be reached",
  internal: "Unexpected error.",
};

const MAX_PASSTHROUGH_MESSAGE = LIMITS.MAX_PASSTHROUGH_MESSAGE_CHARS.value;

/** Anything that looks like a credential: a scheme and its token, a JWT, a long opaque run. */
const CREDENTIAL_LIKE =
  /\b(?:bearer|basic)\s+[^\s"',;()]+|eyJ[\w-]*\.[\w-]*\.?[\w-]*|[A-Za-z0-9+/_=-]{32,}/gi;

/** An upstream message for the caller who owns the bank token: credentials stripped, length bounded. */
function passthroughMessage(message: string): string {
  const text = message.replace(CREDENTIAL_LIKE, "[redacted]");
  return text.length > MAX_PASSTHROUGH_MESSAGE
    ? `${text.slice(0, MAX_PASSTHROUGH_MESSAGE - 1)}…`
    : text;
}

/** A message code is a short identifier (`no_customer`); anything else from the upstream is dropped. */
function safeMessageCode(messageCode: string | null): string | null {
  return messageCode !== null && /^[A-Za-z0-9_.:-]{1,64}$/.test(messageCode) ? messageCode : null;
}

/**
 * The message code the gateway passes on, in logs and `extensions.upstream`:
 * in broker mode only one the spec documents for the answer's status (any
 * other is upstream free text, which may echo the bank token); in
 * passthrough mode any well-formed one.
 */
function messageCodeFor(
  error: AnsweredError,
  mode: Mode,
  operation: OperationNames,
): string | null {
  return mode === "broker"
    ? documentedMessageCode(error, operation)
    : safeMessageCode(error.messageCode);
}

type AnsweredError = Extract<IdpError, { status: number }>;

/** The spec's entry for an answer's status (`x-tokengate-graphql-code`, generated), if it documents that status. */
function documentedAnswer(
  error: AnsweredError,
  operation: OperationNames,
): DocumentedErrorCodes | undefined {
  const status = String(error.status);
  return Object.hasOwn(operation.errorCodes, status) ? operation.errorCodes[status] : undefined;
}

/** The answer's message code if the spec documents it for that status, else `null`. */
function documentedMessageCode(error: AnsweredError, operation: OperationNames): string | null {
  const messageCodes = documentedAnswer(error, operation)?.messageCodes;
  return messageCodes &&
    error.messageCode !== null &&
    Object.hasOwn(messageCodes, error.messageCode)
    ? error.messageCode
    : null;
}

/**
 * The spec's code for an answer: its documented message code's, else its
 * documented status's, else `fallback`.
 */
function documentedCode(
  error: AnsweredError,
  operation: OperationNames,
  fallback: GatewayErrorCode,
): GatewayErrorCode {
  const documented = documentedAnswer(error, operation);
  if (!documented) return fallback;
  const messageCode = documentedMessageCode(error, operation);
  return messageCode === null
    ? documented.code
    : (documented.messageCodes[messageCode] ?? documented.code);
}

/**
 * Which GraphQL code each client outcome becomes. In broker mode the bank
 * token is the gateway's own: an upstream 401/403 or a failed token request
 * is the gateway's problem, not the caller's.
 */
function codeFor(
  error: Exclude<IdpError, { kind: "invalid_request" }>,
  mode: Mode,
  operation: OperationNames,
): GatewayErrorCode {
  switch (error.kind) {
    case "unauthorized":
    case "forbidden":
      // The client gives these kinds only to statuses the spec documents.
      return mode === "broker"
        ? "UPSTREAM_UNAVAILABLE"
        : documentedCode(error, operation, "UPSTREAM_BAD_RESPONSE");
    case "not_found":
    case "unprocessable":
      return documentedCode(error, operation, "UPSTREAM_BAD_RESPONSE");
    case "server_error":
      return documentedCode(error, operation, "UPSTREAM_UNAVAILABLE");
    case "rate_limited":
      return documentedCode(error, operation, "UPSTREAM_RATE_LIMITED");
    case "token_provider":
      return error.rateLimit ? "UPSTREAM_RATE_LIMITED" : "UPSTREAM_UNAVAILABLE";
    case "aborted":
    case "network":
      return "UPSTREAM_UNAVAILABLE";
    case "unexpected_response":
      return "UPSTREAM_BAD_RESPONSE";
    case "timeout":
      return "UPSTREAM_TIMEOUT";
    case "internal":
      return "INTERNAL_SERVER_ERROR";
    default:
      return unmapped(error);
  }
}

type Mode = "passthrough" | "broker";

/** The seconds a rate-limited outcome says to wait, if it says. */
function waitOf(error: IdpError): number | null {
  if (error.kind === "rate_limited") return error.retryAfterSeconds;
  if (error.kind === "token_provider") return error.rateLimit?.retryAfterSeconds ?? null;
  return null;
}

/**
 * What the gateway logs about a failed upstream call: its kind, status,
 * message code and network error code, never the upstream's free text,
 * which may echo a credential in any form (split, encoded) that no
 * scrubbing by value could find.
 */
export function upstreamFailureLog(
  error: Exclude<IdpError, { kind: "invalid_request" }>,
  mode: Mode,
  operation: OperationNames,
): Record<string, unknown> {
  return {
    operation: operation.operationId,
    kind: error.kind,
    ...("status" in error && {
      status: error.status,
      messageCode: messageCodeFor(error, mode, operation),
    }),
    ...(error.kind === "network" && { code: error.code }),
  };
}

/**
 * One place that turns a client error into the caller's GraphQL error: the
 * code, `extensions.upstream` when the upstream answered, and a message that
 * is safe for the caller (fixed in broker mode; the upstream's words,
 * stripped of credentials and bounded, in passthrough mode). A token
 * provider's details (client id, OAuth error) are never the caller's business.
 */
export function idpErrorToGraphQL(
  error: IdpError,
  mode: Mode,
  operation: OperationNames,
): GraphQLError {
  if (error.kind === "invalid_request") return badUserInput(operation, error.issues);
  const code = codeFor(error, mode, operation);
  const upstream =
    "status" in error
      ? { status: error.status, messageCode: messageCodeFor(error, mode, operation) }
      : undefined;
  if (code === "UPSTREAM_RATE_LIMITED") return upstreamRateLimitedError(waitOf(error), upstream);
  const message =
    mode === "broker" || error.kind === "token_provider" || error.kind === "internal"
      ? BROKER_MESSAGES[error.kind]
      : passthroughMessage(error.message);
  return gatewayError(code, message, upstream);
}

/** Fails `pnpm typecheck` when the client gains an error kind this file does not map. */
function unmapped(error: never): never {
  throw new TypeError(`unmapped client error kind ${JSON.stringify((error as IdpError).kind)}`);
}
