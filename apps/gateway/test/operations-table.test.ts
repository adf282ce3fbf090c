/**
 * Every trust-boundary rule holds for every operation the gateway exposes:
 * the same cases run over each, one row per operation and case, through
 * the gateway as deployed (`buildApp`, a socket) in front of a real local
 * upstream that answers each case's way. Each writes exactly one audit
 * event, of the schema, with the code the caller got and no secret.
 */
import { type FaultHandler, reply, sendJson, silence, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerCaller } from "../src/operations/audit-event.js";
import { auditEventsOf, expectNoSecretIn } from "./support/audit.js";
import { BANK_TOKEN, GUID, MINT, post, startGateway, type TestGateway } from "./support/gateway.js";

/** A secret the upstream answers with: it must never reach a log. */
const MINTED = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0YWJsZSJ9.minted-secret-7f7f";

interface OperationRow {
  operationId: string;
  query: string;
  valid: Record<string, unknown>;
  /** Variables one field of which breaks the spec, and that field as the caller wrote it. */
  invalid: [Record<string, unknown>, string];
  path: string;
  successStatus: number;
  /** A success answer of this operation's upstream call. */
  success: FaultHandler;
}

const OPERATIONS: OperationRow[] = [
  {
    operationId: "createCustomerToken",
    query: MINT,
    valid: { input: { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] } },
    invalid: [
      { input: { customerGuid: "short", scopes: ["CUSTOMERS_READ"] } },
      "input.customerGuid",
    ],
    path: "/api/customer_tokens",
    successStatus: 201,
    success: (_request, response) => sendJson(response, 201, { access_token: MINTED }),
  },
  {
    operationId: "listBankApplications",
    query: /* GraphQL */ `
      query List($perPage: Int) { bankApplications(perPage: $perPage) { total objects { clientId } } }
    `,
    valid: { perPage: 10 },
    invalid: [{ perPage: 0 }, "perPage"],
    path: "/api/bank_applications",
    successStatus: 200,
    success: (_request, response) =>
      sendJson(response, 200, { total: 0, page: 0, per_page: 10, objects: [] }),
  },
];

interface Case {
  name: string;
  /** How the upstream answers; `null`: the case must never reach it. */
  upstream: ((row: OperationRow) => FaultHandler) | null;
  variables: (row: OperationRow) => Record<string, unknown>;
  headers?: Record<string, string>;
  code: string;
  /** More to check on the first error. */
  check?: (
    error: { message: string; extensions?: Record<string, unknown> },
    row: OperationRow,
  ) => void;
}

/** The caller's bank token, as the upstream might echo it. */
const CALLER_SECRET = BANK_TOKEN.slice("Bearer ".length);

const CASES: Case[] = [
  {
    name: "a call without a bearer token is refused before any upstream call",
    upstream: null,
    variables: (row) => row.valid,
    headers: {},
    code: "UNAUTHENTICATED",
  },
  {
    name: "input that breaks the spec is refused naming the field, before any upstream call",
    upstream: null,
    variables: (row) => row.invalid[0],
    code: "BAD_USER_INPUT",
    check: (error, row) => expect(error.message).toContain(`${row.invalid[1]} `),
  },
  {
    name: "an upstream 500 is UPSTREAM_UNAVAILABLE, without a stack or path",
    upstream: () => reply(500, '{"error":"boom at /srv/upstream/app.rb:12"}'),
    variables: (row) => row.valid,
    code: "UPSTREAM_UNAVAILABLE",
    check: (error) => expect(JSON.stringify(error)).not.toMatch(/\/srv\/|at .*:\d+/),
  },
  {
    name: "an upstream error echoing the caller's token leaks it to neither the answer nor a log",
    upstream: () =>
      reply(
        500,
        JSON.stringify({ status: 500, error_message: `bad ${BANK_TOKEN}`, message_code: "echo" }),
      ),
    variables: (row) => row.valid,
    code: "UPSTREAM_UNAVAILABLE",
    check: (error) => {
      expect(JSON.stringify(error)).not.toContain(CALLER_SECRET);
      expect(gateway.logs.join("\n")).toContain("upstream call failed");
      expect(gateway.logs.join("\n")).not.toContain(CALLER_SECRET);
    },
  },
  {
    name: "a success that is not JSON is UPSTREAM_BAD_RESPONSE",
    upstream: (row) => reply(row.successStatus, "<html>not json</html>"),
    variables: (row) => row.valid,
    code: "UPSTREAM_BAD_RESPONSE",
  },
  {
    name: "an upstream that never answers is UPSTREAM_TIMEOUT",
    upstream: () => silence,
    variables: (row) => row.valid,
    code: "UPSTREAM_TIMEOUT",
  },
  {
    name: "the documented 401 is UNAUTHENTICATED with what the upstream said",
    upstream: () =>
      reply(401, '{"status":401,"error_message":"Unauthorized","message_code":"unauthorized"}'),
    variables: (row) => row.valid,
    code: "UNAUTHENTICATED",
    check: (error) =>
      expect(error.extensions?.upstream).toEqual({ status: 401, messageCode: "unauthorized" }),
  },
];

let upstream: Awaited<ReturnType<typeof startFaultServer>>;
let gateway: TestGateway;
beforeAll(async () => {
  upstream = await startFaultServer(silence);
  gateway = await startGateway(upstream.url, { IDP_TIMEOUT_MS: "300" });
});
afterAll(() => upstream.close());

const rows = OPERATIONS.flatMap((row) =>
  CASES.map((each) => [row.operationId, each.name, row, each] as const),
);

describe("the trust boundary, for every operation", () => {
  it.each(rows)("%s: %s", async (_operationId, _name, row, each) => {
    upstream.setHandler(each.upstream ? each.upstream(row) : silence);
    const before = upstream.requests.length;
    const headers = each.headers ?? { authorization: BANK_TOKEN };
    const {
      status,
      body,
      headers: answered,
    } = await post(gateway, { query: row.query, variables: each.variables(row) }, headers);
    expect(status).toBe(200);
    const [error] = body.errors ?? [];
    expect(error?.extensions?.code).toBe(each.code);
    if (error) each.check?.(error, row);
    const reached = upstream.requests.slice(before).map((request) => request.url.split("?")[0]);
    expect(reached).toEqual(each.upstream ? [row.path] : []);
    const events = auditEventsOf(gateway.logs, answered.get("x-request-id"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      mode: "passthrough",
      operation: row.operationId,
      outcome: each.code,
      caller: headers.authorization ? bearerCaller(CALLER_SECRET) : null,
      jti: null,
      reused: null,
    });
    expectNoSecretIn(gateway.logs, [CALLER_SECRET, MINTED]);
  });

  it.each(OPERATIONS)(
    "$operationId: an answer reaches the caller, and no secret reaches a log",
    async (row) => {
      upstream.setHandler(row.success);
      const { body, headers } = await post(gateway, { query: row.query, variables: row.valid });
      expect(body.errors).toBeUndefined();
      const events = auditEventsOf(gateway.logs, headers.get("x-request-id"));
      expect(events).toMatchObject([{ operation: row.operationId, outcome: "ok" }]);
      expectNoSecretIn(gateway.logs, [CALLER_SECRET, MINTED]);
      const logs = gateway.logs.join("\n");
      expect(logs).not.toContain(CALLER_SECRET);
      expect(logs).not.toContain(MINTED);
    },
  );
});
