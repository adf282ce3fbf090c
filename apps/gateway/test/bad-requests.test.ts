import type { FaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isGatewayErrorCode } from "../src/core/error-codes.js";
import {
  BANK_TOKEN,
  GUID,
  MINT,
  startGateway,
  startMintingUpstream,
  type TestGateway,
} from "./support/gateway.js";
import { type RawRequest, rawRequest } from "./support/raw-http.js";

let upstream: FaultServer;
let running: TestGateway;

beforeAll(async () => {
  upstream = await startMintingUpstream();
  running = await startGateway(upstream.url);
});
afterAll(() => upstream.close());

const JSON_HEADERS = { "content-type": "application/json", authorization: BANK_TOKEN };
const VALID = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };

function graphql(payload: unknown, headers: Record<string, string> = JSON_HEADERS): RawRequest {
  return { headers, body: JSON.stringify(payload) };
}
function mintWith(input: unknown): RawRequest {
  return graphql({ query: MINT, variables: { input } });
}
function withInput(extra: Record<string, unknown>): RawRequest {
  return mintWith({ ...VALID, ...extra });
}
const aliases = (count: number) =>
  `mutation { ${Array.from({ length: count }, (_, i) => `m${i}: createCustomerToken(input: { customerGuid: "${GUID}", scopes: [CUSTOMERS_READ] }) { accessToken }`).join(" ")} }`;

/** [name, request, expected code, expected words in the message] */
const catalogue: [string, RawRequest, string, RegExp][] = [
  // HTTP framing and transport
  ["malformed JSON", { headers: JSON_HEADERS, body: '{"query":' }, "BAD_REQUEST", /invalid JSON/],
  ["a JSON number body", { headers: JSON_HEADERS, body: "42" }, "BAD_REQUEST", /./],
  ["an empty JSON body", { headers: JSON_HEADERS, body: "" }, "BAD_REQUEST", /./],
  [
    "a batch (array) of operations",
    { headers: JSON_HEADERS, body: JSON.stringify([{ query: MINT }, { query: MINT }]) },
    "BAD_REQUEST",
    /./,
  ],
  [
    "Content-Type text/plain",
    {
      headers: { ...JSON_HEADERS, "content-type": "text/plain" },
      body: JSON.stringify({ query: MINT }),
    },
    "UNSUPPORTED_MEDIA_TYPE",
    /application\/json/,
  ],
  [
    "a form-encoded body",
    {
      headers: { ...JSON_HEADERS, "content-type": "application/x-www-form-urlencoded" },
      body: "query=%7B__typename%7D",
    },
    "UNSUPPORTED_MEDIA_TYPE",
    /application\/json/,
  ],
  [
    "no Content-Type",
    { headers: { authorization: BANK_TOKEN }, body: JSON.stringify({ query: MINT }) },
    "UNSUPPORTED_MEDIA_TYPE",
    /application\/json/,
  ],
  [
    "a chunked body without Content-Length",
    { headers: JSON_HEADERS, body: JSON.stringify({ query: MINT }), chunked: true },
    "LENGTH_REQUIRED",
    /Content-Length/,
  ],
  [
    "a 1 MB body",
    withInput({ customerGuid: "g".repeat(1_000_000) }),
    "PAYLOAD_TOO_LARGE",
    /larger than 65536 bytes/,
  ],
  [
    "a mutation over GET",
    {
      method: "GET",
      path: `/graphql?query=${encodeURIComponent(aliases(1))}`,
      headers: { authorization: BANK_TOKEN, "x-graphql-csrf": "1" },
    },
    "BAD_REQUEST",
    /mutation operation from a POST request/,
  ],
  [
    "a GET query without a CSRF header",
    {
      method: "GET",
      path: "/graphql?query=%7B__typename%7D",
      headers: { accept: "application/json" },
    },
    "BAD_REQUEST",
    /CSRF|header/i,
  ],
  // GraphQL document
  ["no query", graphql({ variables: {} }), "BAD_REQUEST", /query/],
  ["a query that is not a string", graphql({ query: 42 }), "BAD_REQUEST", /query/],
  [
    "variables that are not an object",
    graphql({ query: MINT, variables: "x" }),
    "BAD_REQUEST",
    /variables/,
  ],
  [
    "a syntax error",
    graphql({ query: "mutation { createCustomerToken(" }),
    "GRAPHQL_PARSE_FAILED",
    /Syntax Error/,
  ],
  ["an unknown field", graphql({ query: "{ tokens }" }), "GRAPHQL_VALIDATION_FAILED", /tokens/],
  [
    "an unknown operation name",
    graphql({ query: MINT, operationName: "Other", variables: { input: VALID } }),
    "OPERATION_RESOLUTION_FAILURE",
    /operation/,
  ],
  [
    "1,000 aliased mutations",
    graphql({ query: aliases(1_000) }),
    "PAYLOAD_TOO_LARGE",
    /larger than/,
  ],
  [
    "200 aliased mutations",
    graphql({ query: aliases(200) }),
    "GRAPHQL_PARSE_FAILED",
    /Token limit/,
  ],
  ["6 aliased mutations", graphql({ query: aliases(6) }), "GRAPHQL_VALIDATION_FAILED", /aliases/i],
  [
    "5 aliased mutations (one more than 4)",
    graphql({ query: aliases(5) }),
    "GRAPHQL_VALIDATION_FAILED",
    /aliases/i,
  ],
  [
    "a deeply nested selection",
    graphql({ query: `{ ${"a { ".repeat(20)}b${" }".repeat(20)} }` }),
    "GRAPHQL_VALIDATION_FAILED",
    /depth|cost/i,
  ],
  [
    "2,000 tokens",
    graphql({ query: `{ ${"__typename ".repeat(2_000)}}` }),
    "GRAPHQL_PARSE_FAILED",
    /token limit/i,
  ],
  [
    "50 directives",
    graphql({ query: `{ __typename ${"@skip(if: false) ".repeat(50)}}` }),
    "GRAPHQL_VALIDATION_FAILED",
    /directives/i,
  ],
  // Variables
  ["a missing input variable", graphql({ query: MINT }), "BAD_USER_INPUT", /\$input/],
  ["a null input", mintWith(null), "BAD_USER_INPUT", /\$input/],
  ["a null customerGuid", withInput({ customerGuid: null }), "BAD_USER_INPUT", /customerGuid/],
  ["a numeric customerGuid", withInput({ customerGuid: 12 }), "BAD_USER_INPUT", /customerGuid/],
  ["a missing scopes", mintWith({ customerGuid: GUID }), "BAD_USER_INPUT", /scopes/],
  ["null scopes", withInput({ scopes: null }), "BAD_USER_INPUT", /scopes/],
  ["an unknown scope", withInput({ scopes: ["BANKS_WRITE"] }), "BAD_USER_INPUT", /BANKS_WRITE/],
  [
    "a wire value instead of the enum name",
    withInput({ scopes: ["customers:read"] }),
    "BAD_USER_INPUT",
    /customers:read/,
  ],
  ["a null scope in the list", withInput({ scopes: [null] }), "BAD_USER_INPUT", /scopes/],
  ["an unknown input field", withInput({ customer_guid: GUID }), "BAD_USER_INPUT", /customer_guid/],
  [
    "a string inheritIpAllowlist",
    withInput({ inheritIpAllowlist: "yes" }),
    "BAD_USER_INPUT",
    /inheritIpAllowlist/,
  ],
  ["a number in ipAllowlist", withInput({ ipAllowlist: [1] }), "BAD_USER_INPUT", /ipAllowlist/],
  // Contract rules
  [
    "an empty scope list",
    withInput({ scopes: [] }),
    "BAD_USER_INPUT",
    /input\.scopes must have at least 1 item/,
  ],
  [
    "a repeated scope",
    withInput({ scopes: ["CUSTOMERS_READ", "CUSTOMERS_READ"] }),
    "BAD_USER_INPUT",
    /input\.scopes must not repeat/,
  ],
  [
    "a 31-character guid",
    withInput({ customerGuid: GUID.slice(1) }),
    "BAD_USER_INPUT",
    /input\.customerGuid must be exactly 32/,
  ],
  [
    "a 33-character guid",
    withInput({ customerGuid: `${GUID}0` }),
    "BAD_USER_INPUT",
    /input\.customerGuid must be exactly 32/,
  ],
  [
    "a 60,000-character guid",
    withInput({ customerGuid: "g".repeat(60_000) }),
    "BAD_USER_INPUT",
    /input\.customerGuid must be exactly 32 characters \(got 60000\)/,
  ],
  ["an empty guid", withInput({ customerGuid: "" }), "BAD_USER_INPUT", /input\.customerGuid/],
  [
    "a private address",
    withInput({ ipAllowlist: ["10.0.0.1"] }),
    "BAD_USER_INPUT",
    /input\.ipAllowlist\[0\].*private/,
  ],
  ["a loopback address", withInput({ ipAllowlist: ["127.0.0.1"] }), "BAD_USER_INPUT", /loopback/],
  [
    "a link-local address",
    withInput({ ipAllowlist: ["169.254.1.1"] }),
    "BAD_USER_INPUT",
    /link-local/,
  ],
  [
    "a carrier-grade NAT address",
    withInput({ ipAllowlist: ["100.64.0.1"] }),
    "BAD_USER_INPUT",
    /carrier-grade NAT/,
  ],
  ["a multicast address", withInput({ ipAllowlist: ["224.0.0.1"] }), "BAD_USER_INPUT", /multicast/],
  [
    "an IPv6 address",
    withInput({ ipAllowlist: ["2001:4860:4860::8888"] }),
    "BAD_USER_INPUT",
    /input\.ipAllowlist\[0\] must be an IPv4 address/,
  ],
  [
    "an IPv6 range",
    withInput({ ipAllowlist: ["2001:db8::/32"] }),
    "BAD_USER_INPUT",
    /IPv4 address or CIDR/,
  ],
  ["a CIDR /33", withInput({ ipAllowlist: ["52.94.0.0/33"] }), "BAD_USER_INPUT", /canonical form/],
  [
    "an octet over 255",
    withInput({ ipAllowlist: ["52.94.0.256"] }),
    "BAD_USER_INPUT",
    /canonical form/,
  ],
  ["leading zeros", withInput({ ipAllowlist: ["052.94.0.1"] }), "BAD_USER_INPUT", /canonical form/],
  [
    "host bits in a range",
    withInput({ ipAllowlist: ["52.94.0.1/16"] }),
    "BAD_USER_INPUT",
    /host bits set/,
  ],
  [
    "a hostname",
    withInput({ ipAllowlist: ["id.sandbox.cybrid.app"] }),
    "BAD_USER_INPUT",
    /IPv4 address/,
  ],
  [
    "a space-padded address",
    withInput({ ipAllowlist: [" 34.120.17.5"] }),
    "BAD_USER_INPUT",
    /canonical form/,
  ],
  [
    "the whole address space",
    withInput({ ipAllowlist: ["0.0.0.0/0"] }),
    "BAD_USER_INPUT",
    /overlaps/,
  ],
  // Authentication
  [
    "no Authorization header",
    graphql({ query: MINT, variables: { input: VALID } }, { "content-type": "application/json" }),
    "UNAUTHENTICATED",
    /Authorization: Bearer/,
  ],
  [
    "a Basic Authorization header",
    graphql(
      { query: MINT, variables: { input: VALID } },
      { "content-type": "application/json", authorization: "Basic Zm9vOmJhcg==" },
    ),
    "UNAUTHENTICATED",
    /Bearer/,
  ],
];

const LEAKS = /\n\s+at |node_modules|\/work\/|\.ts:\d|\.js:\d|stack/;

describe(`a catalogue of ${catalogue.length} bad requests`, () => {
  it.each(catalogue)("rejects %s", async (_name, request, code, message) => {
    const response = await rawRequest(running.url, request);
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(500);
    const body = JSON.parse(response.text) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    expect(body.errors?.length, response.text.slice(0, 300)).toBeGreaterThan(0);
    // Every code is one of the catalogue's, whoever raised it (yoga, armor, the gateway).
    for (const error of body.errors ?? [])
      expect(isGatewayErrorCode(error.extensions?.code)).toBe(true);
    // Refusals made before the body is read pass through the same response hooks.
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.errors?.map((error) => error.extensions?.code)).toContain(code);
    expect(body.errors?.map((error) => error.message).join("\n")).toMatch(message);
    expect(response.text).not.toMatch(LEAKS);
  });

  it("sent nothing upstream for any of them", () => {
    expect(upstream.requests).toHaveLength(0);
  });

  it("still mints right after", async () => {
    const response = await rawRequest(running.url, mintWith(VALID));
    expect(JSON.parse(response.text).data.createCustomerToken.accessToken).toBe("a.b.c");
    expect(upstream.requests).toHaveLength(1);
  });
});
