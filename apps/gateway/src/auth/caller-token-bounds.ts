import type { JWTHeaderParameters, JWTPayload } from "jose";
import type { RefusalReason } from "../core/error-codes.js";

/** `typ` values a caller token may carry (case-insensitive, `application/` optional); none is accepted too. */
export const ACCEPTED_TOKEN_TYPES = ["jwt", "at+jwt"];

/** Why a verified caller token is still refused. */
export interface BoundRefusal {
  reason: Extract<
    RefusalReason,
    "wrong_token_type" | "token_lifetime_too_long" | "token_issued_in_future"
  >;
  message: string;
}

/**
 * What signature and standard claim checks leave open: a token of another
 * type (an ID token, a logout token) signed by the same keys, a token that
 * stays valid for years, or one issued in the future. `null` when none applies.
 */
export function refuseOutOfBounds(
  header: JWTHeaderParameters,
  claims: JWTPayload,
  bounds: { maxTokenLifetimeSeconds: number; clockToleranceSeconds: number },
  nowSeconds = Math.floor(Date.now() / 1000),
): BoundRefusal | null {
  const typ = header.typ?.toLowerCase().replace(/^application\//, "");
  if (typ !== undefined && !ACCEPTED_TOKEN_TYPES.includes(typ)) {
    return {
      reason: "wrong_token_type",
      message: `The token's typ is not accepted; accepted: ${ACCEPTED_TOKEN_TYPES.join(", ")} or none`,
    };
  }
  const { maxTokenLifetimeSeconds: max, clockToleranceSeconds: tolerance } = bounds;
  if (typeof claims.iat === "number" && claims.iat > nowSeconds + tolerance) {
    return {
      reason: "token_issued_in_future",
      message: "The token's iat claim is in the future",
    };
  }
  // jwtVerify required `exp`; a lifetime counts from `iat`, or from now without one.
  const exp = claims.exp ?? Number.POSITIVE_INFINITY;
  const issued = typeof claims.iat === "number" ? claims.iat : nowSeconds;
  if (exp - issued > max + tolerance || exp - nowSeconds > max + tolerance) {
    return {
      reason: "token_lifetime_too_long",
      message: `The token may live at most ${max} seconds`,
    };
  }
  return null;
}
