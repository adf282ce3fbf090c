import {
  type FaultServer,
  freePort,
  reply,
  resetMidBody,
  silence,
  startFaultServer,
} from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUID, mint, startGateway, startGatewayOverPrism } from "./support/gateway.js";

const VALID = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };

let upstream: FaultServer;
beforeAll(async () => {
  upstream = await startFaultServer((_request, response) => response.end());
});
afterAll(() => upstream.close());

const answer = (...args: Parameters<typeof reply>) => upstream.setHandler(reply(...args));

function errorBody(status: number, messageCode: string) {
  return JSON.stringify({
    status,
    error_message: `upstream says ${messageCode}`,
    message_code: messageCode,
  });
}

describe("invalid input is BAD_USER_INPUT, names the field, and never reaches upstream", () => {
  it.each([
    [
      "a short guid",
      { ...VALID, customerGuid: GUID.slice(1) },
      /input\.customerGuid must be exactly 32 characters \(got 31\)/,
    ],
    [
      "a guid with a space (no trimming)",
      { ...VALID, customerGuid: ` ${GUID}` },
      /input\.customerGuid must be exactly 32 characters \(got 33\)/,
    ],
    ["no scopes", { ...VALID, scopes: [] }, /input\.scopes must have at least 1 item/],
    [
      "a repeated scope",
      { ...VALID, scopes: ["CUSTOMERS_READ", "CUSTOMERS_READ"] },
      /input\.scopes must not repeat a value/,
    ],
    [
      "a non-canonical address",
      { ...VALID, ipAllowlist: ["34.120.017.5"] },
      /input\.ipAllowlist\[0\] must be an IPv4 address or CIDR range in canonical form/,
    ],
    ["a CIDR /33", { ...VALID, ipAllowlist: ["52.94.0.0/33"] }, /input\.ipAllowlist\[0\]/],
    ["an IPv6 address", { ...VALID, ipAllowlist: ["::1"] }, /input\.ipAllowlist\[0\]/],
    [
      "host bits in a CIDR",
      { ...VALID, ipAllowlist: ["52.94.0.1/16"] },
      /input\.ipAllowlist\[0\] "52\.94\.0\.1\/16" has host bits set/,
    ],
    [
      "a private address",
      { ...VALID, ipAllowlist: ["34.120.17.5", "192.168.1.10"] },
      /input\.ipAllowlist\[1\] "192\.168\.1\.10" is a private address range; only public addresses are allowed/,
    ],
    ["a loopback range", { ...VALID, ipAllowlist: ["127.0.0.0/8"] }, /loopback/],
  ])("rejects %s", async (_name, input, message) => {
    const { sent, ...gateway } = await startGatewayOverPrism();
    const { status, body } = await mint(gateway, input);
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(sent).toHaveLength(0);
  });

  it("reports every broken field in one error", async () => {
    const gateway = await startGatewayOverPrism();
    const { body } = await mint(gateway, {
      customerGuid: "x",
      scopes: [],
      ipAllowlist: ["10.0.0.1"],
    });
    expect(body.errors?.[0]?.message).toMatch(/customerGuid.*scopes.*ipAllowlist\[0\]/);
  });
});

describe("authentication", () => {
  it.each([
    ["no Authorization header", {}],
    ["an empty Authorization header", { authorization: "" }],
    ["a Basic Authorization header", { authorization: "Basic dXNlcjpwYXNz" }],
    ["a Bearer scheme without a token", { authorization: "Bearer " }],
  ])(
    "refuses %s with UNAUTHENTICATED before validating input or calling upstream",
    async (_name, headers) => {
      const { sent, ...gateway } = await startGatewayOverPrism();
      const { body } = await mint(gateway, { customerGuid: "bad", scopes: [] }, headers);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED" });
      expect(sent).toHaveLength(0);
    },
  );
});

describe("upstream answers from the Prism mock map to codes", () => {
  it.each([
    [401, "expired_signature", "UNAUTHENTICATED", "authentication_failed"],
    [401, "invalid_subject", "UNAUTHENTICATED", "invalid_subject"],
    [403, "invalid_scope", "FORBIDDEN", "invalid_scopes"],
    [403, "forbidden", "FORBIDDEN", "forbidden"],
    [422, "no_customer", "CUSTOMER_NOT_FOUND", "no_customer"],
  ] as const)("%i %s → %s with extensions.upstream", async (status, example, code, messageCode) => {
    const { sent, ...gateway } = await startGatewayOverPrism(`code=${status}, example=${example}`);
    const { status: httpStatus, body } = await mint(gateway, VALID);
    expect(httpStatus).toBe(200);
    expect(sent).toHaveLength(1);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({ code, upstream: { status, messageCode } });
  });
});

describe("upstream faults from a local server map to codes", () => {
  it.each([
    [
      "another 422",
      () => answer(422, errorBody(422, "invalid_ip")),
      "BAD_USER_INPUT",
      { status: 422, messageCode: "invalid_ip" },
    ],
    [
      "401 with a non-JSON body",
      () => answer(401, "nope"),
      "UNAUTHENTICATED",
      { status: 401, messageCode: null },
    ],
    [
      "403 with a non-JSON body",
      () => answer(403, "<html/>"),
      "FORBIDDEN",
      { status: 403, messageCode: null },
    ],
    [
      "500",
      () => answer(500, errorBody(500, "internal")),
      "UPSTREAM_UNAVAILABLE",
      { status: 500, messageCode: "internal" },
    ],
    [
      "502",
      () => answer(502, "bad gateway"),
      "UPSTREAM_UNAVAILABLE",
      { status: 502, messageCode: null },
    ],
    [
      "503 with Retry-After",
      () => answer(503, "", { "retry-after": "3" }),
      "UPSTREAM_UNAVAILABLE",
      { status: 503, messageCode: null },
    ],
    [
      "201 without access_token",
      () => answer(201, "{}"),
      "UPSTREAM_BAD_RESPONSE",
      { status: 201, messageCode: null },
    ],
    [
      "201 with a numeric access_token",
      () => answer(201, '{"access_token":7}'),
      "UPSTREAM_BAD_RESPONSE",
      { status: 201, messageCode: null },
    ],
    [
      "201 that is not JSON",
      () => answer(201, "<html>"),
      "UPSTREAM_BAD_RESPONSE",
      { status: 201, messageCode: null },
    ],
    [
      "an undocumented 418",
      () => answer(418, errorBody(418, "teapot")),
      "UPSTREAM_BAD_RESPONSE",
      { status: 418, messageCode: "teapot" },
    ],
    [
      "an undocumented 400",
      () => answer(400, "{}"),
      "UPSTREAM_BAD_RESPONSE",
      { status: 400, messageCode: null },
    ],
    [
      "an undocumented 404",
      () => answer(404, "not found"),
      "UPSTREAM_BAD_RESPONSE",
      { status: 404, messageCode: null },
    ],
  ])("%s → %s", async (_name, arrange, code, upstreamInfo) => {
    arrange();
    const gateway = await startGateway(upstream.url);
    const { status, body } = await mint(gateway, VALID);
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toEqual({ code, upstream: upstreamInfo });
  });

  it.each([
    ["no answer in time", "UPSTREAM_TIMEOUT", () => upstream.setHandler(silence)],
    ["a reset mid-body", "UPSTREAM_UNAVAILABLE", () => upstream.setHandler(resetMidBody)],
  ])("%s → %s without extensions.upstream", async (_name, code, arrange) => {
    arrange();
    const gateway = await startGateway(upstream.url, { IDP_TIMEOUT_MS: "300" });
    const { status, body } = await mint(gateway, VALID);
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toEqual({ code });
  });

  it("a refused connection → UPSTREAM_UNAVAILABLE without extensions.upstream", async () => {
    // A free port: nothing listens there.
    const gateway = await startGateway(`http://127.0.0.1:${await freePort("127.0.0.1")}`);
    const { body } = await mint(gateway, VALID);
    expect(body.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
    expect(body.errors?.[0]?.message).toMatch(/ECONNREFUSED/);
  });
});
