/**
 * The `exp` claim of claims decoded without verification (`unverifiedClaims`,
 * `claimsHeldBy`), as a date: `exp` is only a hint of when to mint again.
 * `null` when there are no claims or no numeric `exp`.
 */
export function expiryOf(claims: Record<string, unknown> | null): Date | null {
  const exp = claims?.exp;
  if (typeof exp !== "number" || !Number.isFinite(exp)) return null;
  const expiresAt = new Date(exp * 1000);
  return Number.isNaN(expiresAt.getTime()) ? null : expiresAt;
}
