/**
 * Reads the `exp` claim of a JWT without verifying its signature. The gateway
 * is not the token's audience and holds no key for it: the token is passed
 * on to the caller untouched, and `exp` is only a hint of when to mint again.
 * Returns `null` when the token is not a decodable JWT with a numeric `exp`.
 */
export function jwtExpiry(token: string): Date | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const exp = (claims as { exp?: unknown } | null)?.exp;
    if (typeof exp !== "number" || !Number.isFinite(exp)) return null;
    const expiresAt = new Date(exp * 1000);
    return Number.isNaN(expiresAt.getTime()) ? null : expiresAt;
  } catch {
    return null;
  }
}
