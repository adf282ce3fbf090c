import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll } from "vitest";
import {
  AUDIENCE,
  ISSUER,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./caller-tokens.js";

export const BANK_TOKEN_VALUE = "bank-token-from-the-endpoint-9f8e";
export const CLIENT_SECRET = "replica-client-secret-3c2b";

/** Broker mode's two upstream calls on one local server: the token endpoint, and mints that each answer a new token. */
export async function startBrokerUpstream(): Promise<FaultServer & { minted: () => string[] }> {
  const minted: string[] = [];
  const server = await startFaultServer((request, response) => {
    if (request.url === "/oauth/token") {
      sendJson(response, 200, {
        access_token: BANK_TOKEN_VALUE,
        token_type: "Bearer",
        expires_in: 3600,
      });
      return;
    }
    const token = `minted.customer-token.${minted.length + 1}-a1b2c3`;
    minted.push(token);
    sendJson(response, 201, { access_token: token });
  });
  return Object.assign(server, { minted: () => [...minted] });
}

/** The settings of a broker-mode gateway over `upstream`, trusting `jwksUrl`'s keys. */
export function brokerSettings(upstreamUrl: string, jwksUrl: string): Record<string, string> {
  return {
    IDP_BASE_URL: upstreamUrl,
    IDP_CLIENT_ID: "bank-client",
    IDP_CLIENT_SECRET: CLIENT_SECRET,
    AUTH_JWKS_URL: jwksUrl,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_ADMIN_SCOPE: "tokengate:admin",
    // The tests over these settings send documents of their own;
    // trusted-documents.test.ts proves broker mode's default, `required`.
    TRUSTED_DOCUMENTS: "off",
  };
}

export interface BrokerFixture {
  key: SigningKey;
  jwks: Awaited<ReturnType<typeof startJwksServer>>;
  upstream: Awaited<ReturnType<typeof startBrokerUpstream>>;
}

/**
 * A signing key, its JWKS server and a broker upstream, started before the
 * tests of the calling file or `describe` and closed after them.
 */
export function useBrokerFixture(): BrokerFixture {
  const fixture = {} as BrokerFixture;
  beforeAll(async () => {
    fixture.key = await newSigningKey("key-1");
    fixture.jwks = await startJwksServer([fixture.key]);
    fixture.upstream = await startBrokerUpstream();
  });
  afterAll(async () => {
    await fixture.jwks.close();
    await fixture.upstream.close();
  });
  return fixture;
}
