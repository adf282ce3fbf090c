import { type FaultHandler, type FaultServer, startFaultServer } from "@tokengate/testkit";
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from "jose";

export const ISSUER = "https://auth.tokengate.test/";
export const AUDIENCE = "tokengate-gateway";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" },
  };
}

/** A JWKS endpoint on loopback whose published keys a test can rotate. */
export async function startJwksServer(
  keys: SigningKey[],
): Promise<FaultServer & { publish(next: SigningKey[]): void }> {
  let published = keys;
  const serveKeys: FaultHandler = (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
  };
  const server = await startFaultServer(serveKeys);
  return Object.assign(server, {
    /** Serves `next` from now on (and ends any fault a test injected). */
    publish(next: SigningKey[]) {
      published = next;
      server.setHandler(serveKeys);
    },
  });
}

/**
 * Signs an app token for a caller (`sub` defaults to `test-caller`; pass
 * `sub: undefined` for none); claims and times can be overridden to forge bad ones.
 */
export function callerToken(
  key: SigningKey,
  claims: JWTPayload,
  options: {
    issuer?: string;
    audience?: string;
    expiresIn?: string | number;
    notBefore?: string | number;
  } = {},
): Promise<string> {
  const jwt = new SignJWT({ sub: "test-caller", ...claims })
    .setProtectedHeader({ alg: "RS256", kid: key.kid })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "5m");
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.sign(key.privateKey);
}

/**
 * A token's header and payload, base64url-encoded and joined, with the
 * gateway's issuer, audience and a 5-minute lifetime unless `claims` say
 * otherwise: what a forger signs (or leaves unsigned).
 */
export function tokenParts(header: Record<string, unknown>, claims: JWTPayload): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${part(header)}.${part({ iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 300, ...claims })}`;
}

/** An unsigned token (`alg: none`) with the given claims. */
export function unsignedToken(claims: JWTPayload): string {
  return `${tokenParts({ alg: "none", typ: "JWT" }, claims)}.`;
}
