import type { CreateCustomerTokenRequest } from "@tokengate/idp-client";
import { gatewayError } from "../errors.js";

/**
 * Decides whether a caller may mint a body, and how the upstream call is
 * authenticated. Throws a coded GraphQL error to refuse; nothing is sent then.
 */
export interface Authorizer {
  /** `passthrough` forwards the caller's bank token; `broker` holds its own. */
  readonly mode: "passthrough" | "broker";
  /** Headers for the upstream call (empty when the client's own token provider authenticates). */
  authorize(
    authorization: string | null,
    body: CreateCustomerTokenRequest,
  ): Promise<Record<string, string>>;
}

/** RFC 9110 makes the scheme name case-insensitive; the token must be there. */
const BEARER = /^bearer +(\S+)$/i;

/** The token of a `Bearer` header, or an UNAUTHENTICATED error. */
export function bearerToken(authorization: string | null): string {
  const token = authorization?.match(BEARER)?.[1];
  if (!token)
    throw gatewayError("UNAUTHENTICATED", "Send a token as `Authorization: Bearer <token>`");
  return token;
}

/**
 * The default mode: the caller's `Authorization` is the bank token and is
 * forwarded verbatim; the gateway holds no credentials.
 */
export const passthroughAuthorizer: Authorizer = {
  mode: "passthrough",
  async authorize(authorization) {
    bearerToken(authorization);
    return { authorization: authorization as string };
  },
};
