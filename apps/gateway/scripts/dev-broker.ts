/**
 * `pnpm dev:broker`'s local identity provider: a signing key, a JWKS server
 * on loopback publishing it, the broker settings that trust it, and a caller
 * token for the example customer to paste into GraphiQL's Authorization
 * header. The bank side (token endpoint, mints) is the Prism mock.
 */
import { type FaultServer, startFaultServer } from "@tokengate/testkit";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

const ISSUER = "https://dev-issuer.tokengate.localhost/";
const AUDIENCE = "tokengate-dev";

export interface DevBroker {
  /** Broker-mode settings for the gateway (the upstream's own come from `IDP_BASE_URL`). */
  env: Record<string, string>;
  /** A caller token for `customerGuid`, valid for 8 hours. */
  callerToken: string;
  jwks: FaultServer;
}

export async function startDevBroker(customerGuid: string): Promise<DevBroker> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const publicJwk = { ...(await exportJWK(publicKey)), kid: "dev-key", alg: "RS256", use: "sig" };
  const jwks = await startFaultServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ keys: [publicJwk] }));
  });
  const callerToken = await new SignJWT({ sub: "dev-caller", customer_guid: customerGuid })
    .setProtectedHeader({ alg: "RS256", kid: "dev-key" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("8h")
    .sign(privateKey);
  return {
    env: {
      // Prism's token endpoint accepts any well-formed client credentials.
      IDP_CLIENT_ID: "dev-bank-client",
      IDP_CLIENT_SECRET: "dev-bank-client-secret",
      AUTH_JWKS_URL: `${jwks.url}/jwks.json`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      // GraphiQL sends the documents typed into it; set `required` to try the typed client's ids.
      TRUSTED_DOCUMENTS: process.env.TRUSTED_DOCUMENTS || "off",
    },
    callerToken,
    jwks,
  };
}
