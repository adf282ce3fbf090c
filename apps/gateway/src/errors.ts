import { formatPath, type IdpError, type ValidationIssue } from "@tokengate/idp-client";
import type { GraphQLError } from "graphql";
import { createGraphQLError } from "graphql-yoga";
import type { GatewayErrorCode } from "./error-codes.js";

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
): GraphQLError {
  const extensions: Record<string, unknown> = { code };
  if (reason) extensions.reason = reason;
  if (upstream)
    extensions.upstream = { status: upstream.status, messageCode: upstream.messageCode };
  return createGraphQLError(message, { extensions });
}

/** `customer_guid` → `customerGuid`: the GraphQL name of a wire field. */
function graphqlFieldName(wireName: string): string {
  return wireName.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Names each broken field as the caller wrote it: `input.ipAllowlist[1]`. */
function badUserInput(issues: readonly ValidationIssue[]): GraphQLError {
  const described = issues.map(({ path, message }) => {
    const [first, ...rest] = path;
    const graphqlPath = typeof first === "string" ? [graphqlFieldName(first), ...rest] : path;
    return `${formatPath(["input", ...graphqlPath])} ${message}`;
  });
  return gatewayError("BAD_USER_INPUT", `Invalid input: ${described.join("; ")}`);
}

/**
 * One place that decides which GraphQL code each client outcome becomes.
 * In broker mode the bank token is the gateway's own: an upstream 401/403 or
 * a failed token request is the gateway's problem, not the caller's, and its
 * details (client id, required scopes) are not the caller's business.
 */
export function idpErrorToGraphQL(error: IdpError, mode: "passthrough" | "broker"): GraphQLError {
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
      return error.kind === "unauthorized"
        ? gatewayError("UNAUTHENTICATED", error.message, error)
        : gatewayError("FORBIDDEN", error.message, error);
    case "unprocessable":
      return error.messageCode === "no_customer"
        ? gatewayError("CUSTOMER_NOT_FOUND", error.message, error)
        : gatewayError("BAD_USER_INPUT", error.message, error);
    case "server_error":
      return gatewayError("UPSTREAM_UNAVAILABLE", error.message, error);
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
    default:
      return unmapped(error);
  }
}

/** Fails `pnpm typecheck` when the client gains an error kind this file does not map. */
function unmapped(error: never): never {
  throw new TypeError(`unmapped client error kind ${JSON.stringify((error as IdpError).kind)}`);
}
