import { describe, expect, it } from "vitest";
import { BANK_TOKEN, GUID, mint, startGatewayOverPrism } from "./support/gateway.js";

describe("createCustomerToken against the Prism mock", () => {
  it("returns the token Prism minted, echoing the customer and scopes", async () => {
    const { sent, ...gateway } = await startGatewayOverPrism();
    const { status, body } = await mint(gateway, {
      customerGuid: GUID,
      scopes: ["CUSTOMERS_READ", "CUSTOMERS_PII_READ"],
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const token = body.data?.createCustomerToken;
    expect(token).toMatchObject({
      tokenType: "Bearer",
      customerGuid: GUID,
      scopes: ["CUSTOMERS_READ", "CUSTOMERS_PII_READ"],
    });
    expect(String(token?.accessToken).split(".")).toHaveLength(3);
    // The spec's example JWT carries exp = 1893456000.
    expect(token?.expiresAt).toBe("2030-01-01T00:00:00.000Z");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({
      customer_guid: GUID,
      scopes: ["customers:read", "customers:pii:read"],
    });
  });

  it("forwards the caller's Authorization header verbatim and a request id", async () => {
    const { sent, ...gateway } = await startGatewayOverPrism();
    const response = await mint(
      gateway,
      { customerGuid: GUID, scopes: ["ACCOUNTS_READ"] },
      {
        authorization: "Bearer MiXeD-case.Token_42",
        "x-request-id": "req-42",
      },
    );
    expect(response.body.errors).toBeUndefined();
    expect(sent[0]?.headers.get("authorization")).toBe("Bearer MiXeD-case.Token_42");
    expect(sent[0]?.headers.get("x-request-id")).toBe("req-42");
    expect(response.headers.get("x-request-id")).toBe("req-42");
  });

  it.each([
    ["false is kept", { inheritIpAllowlist: false }, { inherit_ip_allowlist: false }],
    ["true is sent", { inheritIpAllowlist: true }, { inherit_ip_allowlist: true }],
    ["null is not sent", { inheritIpAllowlist: null, ipAllowlist: null }, {}],
    ["an empty allowlist is sent", { ipAllowlist: [] }, { ip_allowlist: [] }],
    [
      "a public allowlist is sent",
      { ipAllowlist: ["34.120.17.5", "52.94.0.0/16"] },
      { ip_allowlist: ["34.120.17.5", "52.94.0.0/16"] },
    ],
  ])("sends optional fields only when given: %s", async (_name, extra, wire) => {
    const { sent, ...gateway } = await startGatewayOverPrism();
    const { body } = await mint(gateway, {
      customerGuid: GUID,
      scopes: ["CUSTOMERS_READ"],
      ...extra,
    });
    expect(body.errors).toBeUndefined();
    expect(sent[0]?.body).toEqual({ customer_guid: GUID, scopes: ["customers:read"], ...wire });
  });

  it("generates a request id when the caller's is missing or unsafe", async () => {
    const { sent, ...gateway } = await startGatewayOverPrism();
    const response = await mint(
      gateway,
      { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] },
      {
        authorization: BANK_TOKEN,
        "x-request-id": "evil id\tforged=1",
      },
    );
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]?.headers.get("x-request-id")).toBe(id);
  });
});
