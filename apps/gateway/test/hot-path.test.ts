import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { preferResponse, prismUrl } from "@tokengate/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, listen, type RunningServer } from "../src/index.js";
import { BANK_TOKEN, buildGateway, GUID, MINT, type TestGateway } from "./support/gateway.js";
import { type RawRequest, type RawResponse, rawRequest } from "./support/raw-http.js";

/**
 * listen() serves `POST /graphql` on a hot path that skips
 * @whatwg-node/server's Request/Response conversion. Its answers must be
 * yoga's own: each request here goes to listen()'s server and to a plain
 * `http.createServer(gateway)` (yoga's own Node adapter), and the two
 * answers must match, status, headers and body.
 */

const mint = (input: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ query: MINT, variables: { input }, ...extra });
const VALID = { customerGuid: GUID, scopes: ["CUSTOMERS_READ", "ACCOUNTS_READ"] };
const json = { "content-type": "application/json", authorization: BANK_TOKEN };

const CASES: [string, RawRequest][] = [
  ["a mint", { headers: json, body: mint(VALID) }],
  [
    "a mint asking for application/graphql-response+json",
    { headers: { ...json, accept: "application/graphql-response+json" }, body: mint(VALID) },
  ],
  [
    "a mint asking for application/json",
    { headers: { ...json, accept: "application/json" }, body: mint(VALID) },
  ],
  [
    "a mint asking for text/html only",
    { headers: { ...json, accept: "text/html" }, body: mint(VALID) },
  ],
  [
    "a mint asking for an event stream",
    { headers: { ...json, accept: "text/event-stream" }, body: mint(VALID) },
  ],
  [
    "a mint with its operation name",
    { headers: json, body: mint(VALID, { operationName: "Mint" }) },
  ],
  ["an unknown operation name", { headers: json, body: mint(VALID, { operationName: "Nope" }) }],
  ["a mint with extensions", { headers: json, body: mint(VALID, { extensions: { trace: true } }) }],
  [
    "a mint from a browser origin",
    { headers: { ...json, origin: "https://bank.example" }, body: mint(VALID) },
  ],
  [
    "a mint with a caller's request id",
    { headers: { ...json, "x-request-id": "req-42" }, body: mint(VALID) },
  ],
  [
    "no Authorization header",
    { headers: { "content-type": "application/json" }, body: mint(VALID) },
  ],
  [
    "a guid of the wrong length",
    { headers: json, body: mint({ ...VALID, customerGuid: "short" }) },
  ],
  ["an unknown scope", { headers: json, body: mint({ ...VALID, scopes: ["NOPE"] }) }],
  [
    "variables of the wrong type",
    { headers: json, body: mint({ ...VALID, scopes: "CUSTOMERS_READ" }) },
  ],
  ["no variables", { headers: json, body: JSON.stringify({ query: MINT }) }],
  ["a syntax error", { headers: json, body: JSON.stringify({ query: "mutation {" }) }],
  ["an unknown field", { headers: json, body: JSON.stringify({ query: "{ nope }" }) }],
  [
    "too many aliases",
    {
      headers: json,
      body: JSON.stringify({
        query: `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: customerTokenScopes { scope }`).join(" ")} }`,
      }),
    },
  ],
  [
    "a query",
    { headers: json, body: JSON.stringify({ query: "{ customerTokenScopes { scope } }" }) },
  ],
  [
    "an introspection query",
    { headers: json, body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }) },
  ],
  ["invalid JSON", { headers: json, body: "{not json" }],
  ["a JSON array (batching is off)", { headers: json, body: JSON.stringify([{ query: MINT }]) }],
  ["a JSON string", { headers: json, body: JSON.stringify("query") }],
  ["no query", { headers: json, body: JSON.stringify({ variables: {} }) }],
  ["a query that is not a string", { headers: json, body: JSON.stringify({ query: 42 }) }],
  [
    "variables that are not an object",
    { headers: json, body: JSON.stringify({ query: MINT, variables: [1] }) },
  ],
  ["an unexpected parameter", { headers: json, body: JSON.stringify({ query: MINT, foo: 1 }) }],
];

/**
 * Headers that differ between any two answers, whoever sends them, and the
 * framing: the hot path sends every (whole, small) body with its length
 * where yoga's adapter sometimes streams it chunked; the bodies are compared.
 */
const PER_CONNECTION = new Set([
  "date",
  "connection",
  "keep-alive",
  "x-request-id",
  "content-length",
  "transfer-encoding",
]);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  requestId: string | null;
}

function comparable({ status, headers, text }: RawResponse): Answer {
  const kept: Record<string, string> = {};
  let requestId: string | null = null;
  for (const [name, value] of Object.entries(headers)) {
    if (name === "x-request-id") requestId = String(value);
    if (!PER_CONNECTION.has(name)) kept[name] = String(value);
  }
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // compared as text
  }
  return { status, headers: kept, body, requestId };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each([
  ["development, the upstream minting", {}],
  ["production, the upstream minting", { production: true }],
  ["development, the upstream answering 422", { middleware: [preferResponse(422)] }],
  ["development, the upstream answering 401", { middleware: [preferResponse(401)] }],
])("the hot path (%s)", (_name, options) => {
  let testGateway: TestGateway;
  let running: RunningServer;
  let yogaAlone: Server;
  let yogaAloneUrl: string;
  beforeAll(async () => {
    testGateway = buildGateway(prismUrl(), options);
    running = await listen(testGateway.gateway, "127.0.0.1", 0, createLogger("silent"));
    yogaAlone = createServer(testGateway.gateway);
    await new Promise<void>((resolve) => yogaAlone.listen(0, "127.0.0.1", resolve));
    yogaAloneUrl = `http://127.0.0.1:${(yogaAlone.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    yogaAlone.closeAllConnections();
    await new Promise((resolve) => yogaAlone.close(resolve));
    await running.drain(1_000);
  });

  it.each(CASES)("answers %s exactly as yoga does", async (_case, request) => {
    const answer = async (url: string) => comparable(await rawRequest(url, request));
    const hot = await answer(running.url);
    const whole = await answer(yogaAloneUrl);

    expect({ ...hot, requestId: undefined }).toEqual({ ...whole, requestId: undefined });
    const given = request.headers?.["x-request-id"];
    if (given) {
      expect(hot.requestId).toBe(given);
      expect(whole.requestId).toBe(given);
    } else {
      expect(hot.requestId).toMatch(UUID);
      expect(whole.requestId).toMatch(UUID);
    }
  });
});
