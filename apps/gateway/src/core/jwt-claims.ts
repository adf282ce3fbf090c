/**
 * The claims of a JWT's payload, decoded without verifying its signature.
 * The gateway is not the token's audience and holds no key for it: what it
 * reads here only describes the token to the caller, who gets it untouched.
 * Returns `null` when the token is not three dot-separated parts whose
 * middle one is a base64url JSON object.
 */
export function unverifiedClaims(token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return typeof claims === "object" && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** What `claimsHeldBy` has decoded, by the object holding the token. */
const decoded = new WeakMap<object, Record<string, unknown> | null>();

/**
 * The claims of the token `holder` carries (an upstream answer), decoded on
 * first use and kept with it: a mint's `expiresAt` and `grantedScopes` and
 * its audit event read one decode. Keyed by the holder, never by the token,
 * so no cache is indexed by a credential, and gone when the answer is.
 */
export function claimsHeldBy(holder: object, token: string): Record<string, unknown> | null {
  let claims = decoded.get(holder);
  if (claims === undefined) {
    claims = unverifiedClaims(token);
    decoded.set(holder, claims);
  }
  return claims;
}
