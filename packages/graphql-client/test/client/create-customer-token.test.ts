import { freePort, reply, sendJson, startFaultServer } from "@tokengate/testkit";
import { prismUrl } from "@tokengate/testkit/vitest";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  type CustomerToken,
  createGatewayClient,
  type GatewayClientError,
  type GatewayErrorCode,
} from "../../src/index.js";
import { GUID, type RunningGateway, startGateway } from "../support/gateway.js";

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(prismUrl());
});
afterAll(() => gateway?.stop());

const input = { customerGuid: GUID, scopes: ["CUSTOMERS_READ" as const] };

/** A fetch that records each request and sends it on unchanged. */
function observingFetch() {
  const sent: { headers: Headers; body: unknown }[] = [];
  const observed: typeof fetch = async (url, init) => {
    sent.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
    return fetch(url, init);
  };
  return { sent, fetch: observed };
}

describe("createCustomerToken through the built gateway and Prism", () => {
  it("returns the minted token, typed, with requested and granted scopes", async () => {
    const client = createGatewayClient({ url: gateway.url, token: "demo-bank-token" });
    const { data, error } = await client.createCustomerToken(input);
    expect(error).toBeUndefined();
    expect(data).toMatchObject({
      tokenType: "Bearer",
      customerGuid: GUID,
      expiresAt: "2030-01-01T00:00:00.000Z",
      scopes: ["CUSTOMERS_READ"],
      grantedScopes: ["CUSTOMERS_READ", "ACCOUNTS_READ"],
      reused: false,
    });
    expect(data?.accessToken.split(".")).toHaveLength(3);
    expectTypeOf(data).toEqualTypeOf<CustomerToken | undefined>();
    expectTypeOf<CustomerToken["expiresAt"]>().toEqualTypeOf<string | null>();
  });

  it("keeps mintCustomerToken, deprecated, as the very same method", () => {
    const client = createGatewayClient({ url: gateway.url });
    expect(client.mintCustomerToken).toBe(client.createCustomerToken);
  });

  it("sends the bearer token, JSON and the CSRF header; getToken wins over token; call headers win", async () => {
    const { sent, fetch } = observingFetch();
    const client = createGatewayClient({
      url: gateway.url,
      token: "static",
      getToken: async () => "from-provider",
      fetch,
      headers: { "x-request-id": "client-id" },
    });
    const { error } = await client.createCustomerToken(input, {
      headers: { "x-request-id": "call-id" },
    });
    expect(error).toBeUndefined();
    const [request] = sent;
    expect(request?.headers.get("authorization")).toBe("Bearer from-provider");
    expect(request?.headers.get("content-type")).toBe("application/json");
    expect(request?.headers.get("x-graphql-csrf")).toBe("1");
    expect(request?.headers.get("x-request-id")).toBe("call-id");
    expect(request?.body).toMatchObject({
      operationName: "CreateCustomerToken",
      variables: { input },
    });
  });

  it("comes back UNAUTHENTICATED, typed, without a bearer token", async () => {
    const { data, error } = await createGatewayClient({ url: gateway.url }).createCustomerToken(
      input,
    );
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", field: null, upstream: null });
    expect(error?.message).toMatch(/Authorization/);
    if (error?.code === "UNAUTHENTICATED") {
      expectTypeOf(error.code).toEqualTypeOf<"UNAUTHENTICATED">();
    }
    expectTypeOf<GatewayClientError["code"]>().toExtend<string>();
    expectTypeOf<"UNAUTHENTICATED">().toExtend<GatewayErrorCode>();
  });

  it.each([
    [
      "a guid of the wrong length",
      { customerGuid: "short", scopes: ["CUSTOMERS_READ"] },
      "input.customerGuid",
    ],
    [
      "a private address",
      { ...input, ipAllowlist: ["34.120.17.5", "10.0.0.1"] },
      "input.ipAllowlist[1]",
    ],
    [
      "a scope the enum does not know",
      { customerGuid: GUID, scopes: ["CUSTOMERS_READS"] },
      "input.scopes[0]",
    ],
  ])("names the offending field of BAD_USER_INPUT: %s", async (_name, badInput, field) => {
    const client = createGatewayClient({ url: gateway.url, token: "demo-bank-token" });
    // @ts-expect-error the scope case is not a CustomerTokenScope; the others are valid types
    const { error } = await client.createCustomerToken(badInput);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

describe("answers that are not a CustomerToken", () => {
  let upstream: Awaited<ReturnType<typeof startFaultServer>>;
  let faultyGateway: RunningGateway;
  beforeAll(async () => {
    upstream = await startFaultServer(reply(201, "{}"));
    faultyGateway = await startGateway(upstream.url);
  });
  afterAll(async () => {
    await faultyGateway?.stop();
    await upstream?.close();
  });

  it("carries the upstream's status and message code", async () => {
    upstream.setHandler((_request, response) =>
      sendJson(response, 422, {
        status: 422,
        error_message: "Customer not found",
        message_code: "no_customer",
      }),
    );
    const client = createGatewayClient({ url: faultyGateway.url, token: "bank" });
    const { error } = await client.createCustomerToken(input);
    expect(error).toMatchObject({
      code: "CUSTOMER_NOT_FOUND",
      upstream: { status: 422, messageCode: "no_customer" },
      status: 200,
    });
  });

  it.each([
    [
      "HTML from a proxy",
      reply(502, "<html>Bad gateway</html>", { "content-type": "text/html" }),
      502,
    ],
    [
      "a code this client does not know",
      reply(
        200,
        JSON.stringify({
          errors: [{ message: "later", extensions: { code: "NOT_A_GATEWAY_CODE" } }],
        }),
      ),
      200,
    ],
    ["JSON that is not a GraphQL response", reply(200, "[1, 2]"), 200],
    [
      "a response without the token",
      reply(200, JSON.stringify({ data: { createCustomerToken: null } })),
      200,
    ],
  ])("is UNEXPECTED_RESPONSE for %s", async (_name, handler, status) => {
    upstream.setHandler(handler);
    // The fault server stands in for the gateway itself here.
    const client = createGatewayClient({ url: `${upstream.url}/graphql`, token: "t" });
    const { error } = await client.createCustomerToken(input);
    expect(error).toMatchObject({ code: "UNEXPECTED_RESPONSE", status });
  });

  it("is NETWORK_ERROR when nothing listens", async () => {
    const client = createGatewayClient({
      url: `http://127.0.0.1:${await freePort("127.0.0.1")}/graphql`,
    });
    const { error } = await client.createCustomerToken(input);
    expect(error).toMatchObject({ code: "NETWORK_ERROR", status: null });
  });

  it("is ABORTED when the caller's signal fires", async () => {
    const client = createGatewayClient({ url: gateway.url, token: "t" });
    const { error } = await client.createCustomerToken(input, { signal: AbortSignal.abort() });
    expect(error).toMatchObject({ code: "ABORTED" });
  });

  it("is TOKEN_PROVIDER_FAILED, with nothing sent, when getToken throws", async () => {
    const { sent, fetch } = observingFetch();
    const client = createGatewayClient({
      url: gateway.url,
      fetch,
      getToken: () => Promise.reject(new Error("vault sealed")),
    });
    const { error } = await client.createCustomerToken(input);
    expect(error).toMatchObject({
      code: "TOKEN_PROVIDER_FAILED",
      message: "getToken failed: vault sealed",
    });
    expect(sent).toEqual([]);
  });
});
