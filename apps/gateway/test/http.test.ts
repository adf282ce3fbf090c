import { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { BANK_TOKEN, GUID, MINT, startGatewayOverPrism } from "./support/gateway.js";

let running: Awaited<ReturnType<typeof startGatewayOverPrism>>;

beforeAll(async () => {
  running = await startGatewayOverPrism();
});

describe("the gateway over a real socket", () => {
  it("mints a token for a GraphQL client, sending the scopes upstream as wire values", async () => {
    const client = new GraphQLClient(`${running.url}/graphql`, {
      headers: { authorization: BANK_TOKEN },
    });
    const result = await client.request<{ createCustomerToken: Record<string, unknown> }>(MINT, {
      input: { customerGuid: GUID, scopes: ["CUSTOMERS_PII_READ", "EXTERNAL_BANK_ACCOUNTS_WRITE"] },
    });
    expect(result.createCustomerToken).toMatchObject({
      tokenType: "Bearer",
      customerGuid: GUID,
      scopes: ["CUSTOMERS_PII_READ", "EXTERNAL_BANK_ACCOUNTS_WRITE"],
      expiresAt: "2030-01-01T00:00:00.000Z",
    });
    expect(String(result.createCustomerToken.accessToken)).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(running.sent.at(-1)?.body).toEqual({
      customer_guid: GUID,
      scopes: ["customers:pii:read", "external_bank_accounts:write"],
    });
  });

  it("answers /health", async () => {
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
  });
});
