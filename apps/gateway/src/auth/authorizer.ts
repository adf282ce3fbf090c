import type { TokenProvider } from "@tokengate/idp-client";
import type { BrokerAuthSettings } from "../config/broker-settings.js";
import { Refusal } from "../core/refusal.js";

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

/** What an auth mode decided about one caller. */
export interface Authorization {
  /** Headers for the upstream call (empty when the client's own token provider authenticates). */
  headers: Record<string, string>;
  /** The verified caller (broker mode), for each operation's broker policy and the rate limits. */
  caller?: VerifiedCaller;
}

/**
 * An auth mode: who the caller is, and how the upstream call is
 * authenticated, in one value, so a broker policy can never sit over a
 * client that forwards callers' tokens (or the reverse). Throws a `Refusal`
 * to refuse; nothing is sent then.
 */
export interface Authorizer {
  /** `passthrough` forwards the caller's bank token; `broker` holds its own. */
  readonly mode: "passthrough" | "broker";
  /** The gateway's own bank token for the client (broker mode); absent when callers bring theirs. */
  readonly getToken?: TokenProvider;
  /** Decides who the caller is (broker: a verified caller), and how the upstream call is authenticated. */
  authorize(authorization: string | null): Promise<Authorization>;
}

/** RFC 9110 makes the scheme name case-insensitive; the token must be there. */
const BEARER = /^bearer +(\S+)$/i;

/** The token of a `Bearer` header, or an UNAUTHENTICATED refusal. */
export function bearerToken(authorization: string | null): string {
  const token = authorization?.match(BEARER)?.[1];
  if (!token)
    throw new Refusal("UNAUTHENTICATED", "Send a token as `Authorization: Bearer <token>`");
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
    return { headers: { authorization: authorization as string } };
  },
};
