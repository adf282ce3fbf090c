import { formatPath, type IdpError, type ValidationIssue } from "@tokengate/idp-client";
import { createGraphQLError } from "graphql-yoga";
import { CREATE_CUSTOMER_TOKEN_ERROR_CODES } from "./generated/error-codes.js";
import { CREATE_CUSTOMER_TOKEN_INPUT_FIELDS } from "./generated/field-maps.js";
import { graphqlPath } from "./schema/field-map.js";

/** Every `extensions.code` this gateway raises on purpose. */
export type GatewayErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CUSTOMER_NOT_FOUND"
  | "UPSTREAM_TIMEOUT"
  | "UPSTREAM_UNAVAILABLE"
  | "UPSTREAM_BAD_RESPONSE"
  | "AUTH_UNAVAILABLE";

interface UpstreamAnswer {
  status: number;
  messageCode: string | null;
}

/** A coded error; `reason` says which rule refused (broker mode), `upstream` what the upstream said. */
export function gatewayError(
  code: GatewayErrorCode,
  message: string,
  upstream?: UpstreamAnswer,
  reason?: string,
) {
  const extensions: Record<string, unknown> = { code };
  if (reason) extensions.reason = reason;
  if (upstream)
    extensions.upstream = { status: upstream.status, messageCode: upstream.messageCode };
  return createGraphQLError(message, { extensions });
}

/** Names each broken field as the caller wrote it, through the generated field map: `input.ipAllowlist[1]`. */
function badUserInput(issues: readonly ValidationIssue[]) {
  const described = issues.map(({ path, message }) => {
    const inGraphQL = graphqlPath(CREATE_CUSTOMER_TOKEN_INPUT_FIELDS, path);
    return `${formatPath(["input", ...inGraphQL])} ${message}`;
  });
  return gatewayError("BAD_USER_INPUT", `Invalid input: ${described.join("; ")}`);
}

type AnsweredError = Extract<IdpError, { status: number }>;

/**
 * The spec's code for an answer (`x-tokengate-graphql-code`): its documented
 * message code's, else its documented status's, else `fallback`.
 */
function documentedCode(error: AnsweredError, fallback: GatewayErrorCode): GatewayErrorCode {
  const status = String(error.status);
  const documented:
    | { code: GatewayErrorCode; messageCodes: Record<string, GatewayErrorCode> }
    | undefined = Object.hasOwn(CREATE_CUSTOMER_TOKEN_ERROR_CODES, status)
    ? CREATE_CUSTOMER_TOKEN_ERROR_CODES[status as keyof typeof CREATE_CUSTOMER_TOKEN_ERROR_CODES]
    : undefined;
  if (!documented) return fallback;
  const byMessage =
    error.messageCode === null ? undefined : documented.messageCodes[error.messageCode];
  return byMessage ?? documented.code;
}

/**
 * One place that decides which GraphQL code each client outcome becomes.
 * In broker mode the bank token is the gateway's own: an upstream 401/403 or
 * a failed token request is the gateway's problem, not the caller's, and its
 * details (client id, required scopes) are not the caller's business.
 */
export function idpErrorToGraphQL(error: IdpError, mode: "passthrough" | "broker") {
  const ownCredentials = mode === "broker";
  switch (error.kind) {
    case "invalid_request":
      return badUserInput(error.issues);
    case "unauthorized":
    case "forbidden":
      if (ownCredentials) {
        return gatewayError(
          "UPSTREAM_UNAVAILABLE",
          "The upstream refused the gateway's credentials",
          error,
        );
      }
      // The client gives these kinds only to documented statuses.
      return gatewayError(documentedCode(error, "UPSTREAM_BAD_RESPONSE"), error.message, error);
    case "unprocessable":
      return gatewayError(documentedCode(error, "UPSTREAM_BAD_RESPONSE"), error.message, error);
    case "server_error":
      return gatewayError(documentedCode(error, "UPSTREAM_UNAVAILABLE"), error.message, error);
    case "unexpected_response":
      return gatewayError("UPSTREAM_BAD_RESPONSE", error.message, error);
    case "timeout":
      return gatewayError("UPSTREAM_TIMEOUT", error.message);
    case "token_provider":
      return gatewayError(
        "UPSTREAM_UNAVAILABLE",
        "The gateway could not authenticate to the upstream",
      );
    case "aborted":
    case "network":
      return gatewayError("UPSTREAM_UNAVAILABLE", error.message);
  }
}
