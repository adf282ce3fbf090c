import { unverifiedClaims } from "./jwt-claims.js";

/**
 * Reads the `exp` claim of a JWT without verifying its signature (see
 * `unverifiedClaims`): `exp` is only a hint of when to mint again.
 * Returns `null` when the token is not a decodable JWT with a numeric `exp`.
 */
export function jwtExpiry(token: string): Date | null {
  return expiryOf(unverifiedClaims(token));
}

/** The `exp` claim of claims already decoded (by `unverifiedClaims`), as a date. */
export function expiryOf(claims: Record<string, unknown> | null): Date | null {
  const exp = claims?.exp;
  if (typeof exp !== "number" || !Number.isFinite(exp)) return null;
  const expiresAt = new Date(exp * 1000);
  return Number.isNaN(expiresAt.getTime()) ? null : expiresAt;
}
