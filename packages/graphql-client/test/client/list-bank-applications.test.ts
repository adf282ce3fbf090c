import { prismUrl } from "@tokengate/testkit/vitest";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type BankApplicationList, createGatewayClient } from "../../src/index.js";
import { type RunningGateway, startGateway } from "../support/gateway.js";

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(prismUrl());
});
afterAll(() => gateway?.stop());

describe("listBankApplications through the built gateway and Prism", () => {
  it("returns the page of applications, typed, scopes as enum values", async () => {
    const client = createGatewayClient({ url: gateway.url, token: "demo-bank-token" });
    const { data, error } = await client.listBankApplications({ perPage: 10 });
    expect(error).toBeUndefined();
    expect(data).toEqual({
      total: 1,
      page: 0,
      perPage: 10,
      objects: [
        {
          name: "Back office",
          clientId: "4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e",
          scopes: ["CUSTOMERS_READ", "CUSTOMERS_WRITE", "BANKS_READ"],
          createdAt: "2026-01-23T04:56:07.000Z",
          updatedAt: "2026-02-01T10:00:00.000Z",
        },
      ],
    });
    expectTypeOf(data).toEqualTypeOf<BankApplicationList | undefined>();
    expectTypeOf<BankApplicationList["objects"][number]["updatedAt"]>().toEqualTypeOf<
      string | null
    >();
  });

  it("names the argument a bad value broke, with BAD_USER_INPUT", async () => {
    const client = createGatewayClient({ url: gateway.url, token: "demo-bank-token" });
    const { error } = await client.listBankApplications({ perPage: 500 });
    expect(error).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(error?.message).toMatch(/perPage must be from 1 to 100 \(got 500\)/);
  });
});
