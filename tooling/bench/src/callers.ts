import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

export const ISSUER = "https://auth.bench.tokengate/";
export const AUDIENCE = "tokengate-gateway";

export interface CallerIdentity {
  /** A JWKS endpoint on loopback publishing the callers' signing key. */
  jwksUrl: string;
  /** A caller token (`sub`, `customer_guid`) valid for 10 minutes. */
  token(sub: string, customerGuid: string): Promise<string>;
  close(): Promise<void>;
}

/** Broker mode's caller side for the bench: one RS256 key, its JWKS, tokens signed with it. */
export async function startCallerIdentity(): Promise<CallerIdentity> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid: "bench", alg: "RS256", use: "sig" }],
  });
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    token: (sub, customerGuid) =>
      new SignJWT({ sub, customer_guid: customerGuid })
        .setProtectedHeader({ alg: "RS256", kid: "bench" })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(privateKey),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The settings that put a gateway in broker mode over the bench's upstream and callers. */
export function brokerEnv(jwksUrl: string): Record<string, string> {
  return {
    IDP_CLIENT_ID: "bench-client",
    IDP_CLIENT_SECRET: "bench-client-secret",
    AUTH_JWKS_URL: jwksUrl,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    // The load runs send documents of their own.
    TRUSTED_DOCUMENTS: "off",
  };
}
