import { clientCredentials } from "@tokengate/idp-client";
import { errors, type JWTHeaderParameters, type JWTPayload, jwtVerify } from "jose";
import type { Logger } from "pino";
import type { BrokerConfig } from "../config/load-config.js";
import type { RefusalReason } from "../core/error-codes.js";
import { Refusal } from "../core/refusal.js";
import type { Telemetry } from "../ops/telemetry.js";
import type { UpstreamBudget } from "../ops/upstream-budget.js";
import { type Authorizer, bearerToken } from "./authorizer.js";
import { budgetedBankTokenFetch } from "./bank-token-fetch.js";
import { createCallerKeys } from "./caller-keys.js";
import { refuseOutOfBounds } from "./caller-token-bounds.js";

/** Why a caller token was refused, as `extensions.reason`. */
function refusal(error: unknown): { reason: RefusalReason; message: string } {
  if (error instanceof errors.JWTExpired)
    return { reason: "token_expired", message: "The token has expired" };
  if (error instanceof errors.JWTClaimValidationFailed) {
    const reasons: Record<string, RefusalReason> = {
      nbf: "token_not_yet_valid",
      iss: "wrong_issuer",
      aud: "wrong_audience",
      sub: "no_subject",
    };
    const reason = reasons[error.claim] ?? "invalid_claims";
    return {
      reason,
      message: `The token's ${error.claim} claim is not accepted`,
    };
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return {
      reason: "algorithm_not_allowed",
      message: "The token's signing algorithm is not accepted",
    };
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return {
      reason: "unknown_key",
      message: "The token is signed with an unknown key",
    };
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return {
      reason: "bad_signature",
      message: "The token's signature does not verify",
    };
  }
  // An unreachable or broken key endpoint is not the caller's fault.
  const generic = error instanceof errors.JOSEError && error.code === "ERR_JOSE_GENERIC";
  if (
    generic ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error instanceof TypeError
  ) {
    return {
      reason: "keys_unavailable",
      message: "The keys to verify tokens could not be fetched",
    };
  }
  return {
    reason: "malformed_token",
    message: "The token is not a valid JWT",
  };
}

function scopesOf(claims: JWTPayload): string[] {
  const { scope, scp } = claims as { scope?: unknown; scp?: unknown };
  if (typeof scope === "string") return scope.split(" ");
  if (Array.isArray(scope)) return scope.map(String);
  if (Array.isArray(scp)) return scp.map(String);
  return [];
}

/** Where the broker's bank token comes from: the upstream's token endpoint. */
export interface BankTokenSource {
  idpBaseUrl: string;
  idpTimeoutMs: number;
}

/**
 * Token-broker mode: the caller's `Authorization` is its own app token, never
 * forwarded. It must be a JWT signed by a key of `jwksUrl`, from `issuer` for
 * `audience`, current, with a `sub`; what it may then do is each operation's
 * broker policy (`src/operations/<operationId>/policy.ts`), told whether it
 * carries `adminScope` and which customer its `customerClaim` names. The
 * upstream call carries the gateway's own bank token, from the bank's client
 * credentials, fetched within the upstream budget's token limit.
 */
export function createBrokerAuthorizer(
  broker: BrokerConfig,
  upstream: BankTokenSource,
  logger: Logger,
  telemetry: Telemetry,
  budget: UpstreamBudget,
  /** The client secret now: read for each bank-token request, so a rotated one is used from the next. */
  clientSecret: () => string,
): Authorizer {
  const settings = broker.auth;
  const keys = createCallerKeys(settings.jwksUrl, settings.jwksCooldownMs, logger);
  const tokenRequests = budgetedBankTokenFetch(telemetry, budget);
  return {
    mode: "broker",
    getToken: clientCredentials({
      baseUrl: upstream.idpBaseUrl,
      clientId: broker.clientId,
      clientSecret,
      scopes: broker.tokenScopes,
      timeoutMs: upstream.idpTimeoutMs,
      // Refreshes (expiry, a 401) and a refresh storm's one request all count here.
      admit: tokenRequests.admit,
      fetch: tokenRequests.fetch,
    }),
    async authorize(authorization) {
      const token = bearerToken(authorization);
      let claims: JWTPayload;
      let header: JWTHeaderParameters;
      try {
        ({ payload: claims, protectedHeader: header } = await jwtVerify(token, keys, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: [...settings.algorithms],
          clockTolerance: settings.clockToleranceSeconds,
          // `sub` names the caller that rate limits count by.
          requiredClaims: ["exp", "sub"],
        }));
      } catch (error) {
        const { reason, message } = refusal(error);
        throw Refusal.because(reason, message);
      }
      const outOfBounds = refuseOutOfBounds(header, claims, settings);
      if (outOfBounds) {
        throw Refusal.because(outOfBounds.reason, outOfBounds.message);
      }
      if (typeof claims.sub !== "string" || claims.sub === "") {
        throw Refusal.because("no_subject", "The token's sub claim is not accepted");
      }
      const admin = settings.adminScope !== null && scopesOf(claims).includes(settings.adminScope);
      const customer = claims[settings.customerClaim];
      return {
        headers: {},
        caller: {
          sub: claims.sub,
          admin,
          customer: typeof customer === "string" ? customer : null,
          settings,
        },
      };
    },
  };
}
