import { prismUrl } from "@tokengate/testkit/vitest";
import { GraphQLClient } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, listen, type RunningServer } from "../src/index.js";
import { BANK_TOKEN, buildGateway, GUID, MINT, type TestGateway } from "./support/gateway.js";

let testGateway: TestGateway;
let running: RunningServer;

beforeAll(async () => {
  testGateway = buildGateway(prismUrl());
  running = await listen(testGateway.gateway, "127.0.0.1", 0, createLogger("silent"));
});
afterAll(() => running.drain(1_000));

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
    expect(testGateway.sent.at(-1)?.body).toEqual({
      customer_guid: GUID,
      scopes: ["customers:pii:read", "external_bank_accounts:write"],
    });
  });

  it("answers /health", async () => {
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
  });
});
