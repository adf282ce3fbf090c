import { reply, startFaultServer } from "@tokengate/testkit";
import { prismUrl } from "@tokengate/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUID, post, startGateway } from "./support/gateway.js";

const MINT_WITH_GRANTS = /* GraphQL */ `
  mutation Mint($input: CreateCustomerTokenInput!) {
    createCustomerToken(input: $input) { scopes grantedScopes expiresAt }
  }
`;
const input = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };

/** An unsigned JWT with these claims: the gateway reads them without verifying. */
function jwt(claims: unknown): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none" })}.${part(claims)}.`;
}

describe("grantedScopes: what the minted token grants, from its scope claim", () => {
  it("differs from the requested scopes when the upstream grants others (Prism's example token)", async () => {
    const gateway = await startGateway(prismUrl());
    const { body } = await post(gateway, { query: MINT_WITH_GRANTS, variables: { input } });
    expect(body.errors).toBeUndefined();
    expect(body.data?.createCustomerToken).toEqual({
      scopes: ["CUSTOMERS_READ"],
      grantedScopes: ["CUSTOMERS_READ", "ACCOUNTS_READ"],
      expiresAt: "2030-01-01T00:00:00.000Z",
    });
  });

  describe("from a local upstream's token", () => {
    let upstream: Awaited<ReturnType<typeof startFaultServer>>;
    beforeAll(async () => {
      upstream = await startFaultServer(reply(201, "{}"));
    });
    afterAll(() => upstream.close());

    it.each([
      [
        "a list of strings",
        jwt({ scope: ["accounts:read", "trades:execute"] }),
        ["ACCOUNTS_READ", "TRADES_EXECUTE"],
      ],
      [
        "an OAuth space-separated string",
        jwt({ scope: "customers:read customers:write" }),
        ["CUSTOMERS_READ", "CUSTOMERS_WRITE"],
      ],
      ["an empty list", jwt({ scope: [] }), []],
      [
        "values the contract does not list, left out",
        jwt({ scope: ["customers:read", "admin:all", 7] }),
        ["CUSTOMERS_READ"],
      ],
      ["no scope claim", jwt({ sub: "x" }), null],
      ["a scope claim of another shape", jwt({ scope: { customers: "read" } }), null],
      ["a token that is not a JWT", "opaque-token", null],
      ["a payload that is not JSON", "a.bm90IGpzb24.c", null],
    ])("%s", async (_name, accessToken, grantedScopes) => {
      upstream.setHandler(reply(201, JSON.stringify({ access_token: accessToken })));
      const gateway = await startGateway(upstream.url);
      const { body } = await post(gateway, { query: MINT_WITH_GRANTS, variables: { input } });
      expect(body.errors).toBeUndefined();
      expect(body.data?.createCustomerToken).toMatchObject({
        scopes: ["CUSTOMERS_READ"],
        grantedScopes,
      });
    });
  });
});
