import type { IdpClient } from "@tokengate/idp-client";
import { getIntrospectionQuery } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { passthroughAuthorizer } from "../src/auth/authorizer.js";
import { createYogaServer } from "../src/graphql/yoga.js";
import { createAdmission } from "../src/operations/admission.js";
import { streamAuditTrail } from "../src/ops/audit/trail.js";
import { createLogger } from "../src/ops/logger.js";
import { noTelemetry } from "../src/ops/telemetry.js";
import { createUpstreamBudget } from "../src/ops/upstream-budget.js";
import {
  type GraphQLResponse,
  GUID,
  MINT,
  post,
  startGateway,
  type TestGateway,
} from "./support/gateway.js";
import { captureLogs } from "./support/logs.js";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway("http://127.0.0.1:9");
});

describe("errors raised by the GraphQL engine carry a code", () => {
  it.each([
    ["a syntax error", { query: "mutation {" }, "GRAPHQL_PARSE_FAILED"],
    ["an unknown field", { query: "{ nope }" }, "GRAPHQL_VALIDATION_FAILED"],
    ["a missing input variable", { query: MINT }, "BAD_USER_INPUT"],
    [
      "null where not allowed",
      { query: MINT, variables: { input: { customerGuid: null, scopes: ["CUSTOMERS_READ"] } } },
      "BAD_USER_INPUT",
    ],
    [
      "an unknown enum value",
      { query: MINT, variables: { input: { customerGuid: GUID, scopes: ["BANKS_WRITE"] } } },
      "BAD_USER_INPUT",
    ],
    [
      "a wrong variable type",
      {
        query: MINT,
        variables: {
          input: { customerGuid: GUID, scopes: ["CUSTOMERS_READ"], inheritIpAllowlist: "yes" },
        },
      },
      "BAD_USER_INPUT",
    ],
  ])("%s → %s, never a 5xx", async (_name, payload, code) => {
    const { status, body } = await post(gateway, payload);
    expect(status).toBeLessThan(500);
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) expect(error.extensions?.code).toBe(code);
  });
});

describe("document limits", () => {
  it("let GraphiQL's full introspection query through in development", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      inputValueDeprecation: true,
      specifiedByUrl: true,
    });
    const { status, body } = await post(gateway, { query });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(JSON.stringify(body.data)).toContain("CustomerTokenScope");
  });
});

describe("unexpected errors", () => {
  // Nothing on the shipping path throws unexpectedly (the client returns every
  // failure as a value), so this builds yoga with a client that does.
  it("are masked for the caller and logged", async () => {
    const boom = () => {
      throw new TypeError("boom at /srv/app/node_modules/secret-internals.js:12");
    };
    const broken: IdpClient = {
      baseUrl: "http://127.0.0.1:9",
      createCustomerToken: boom,
      listBankApplications: boom,
      close: async () => {},
    };
    const { sink, lines: logs } = captureLogs();
    const failing = createYogaServer({
      idp: broken,
      authorizer: passthroughAuthorizer,
      logger: createLogger("debug", sink),
      production: false,
      readiness: { notReadyBecause: () => null, degradedBecause: () => null },
      shuttingDown: new AbortController().signal,
      corsOrigins: [],
      limiter: null,
      trustedDocuments: false,
      // Nothing counted, nothing reused: the call itself throws.
      admission: createAdmission(
        createUpstreamBudget(
          {
            limits: { createCustomerToken: 0, createBankToken: 0 },
            windowSeconds: 1,
          },
          { remaining: () => undefined, refused: () => undefined, storeFailed: () => undefined },
          createLogger("silent"),
          null,
        ),
        null,
        noTelemetry,
      ),
      telemetry: noTelemetry,
      audit: streamAuditTrail(sink),
      telemetryPlugins: [],
    });
    const payload = JSON.stringify({
      query: MINT,
      variables: { input: { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] } },
    });
    const response = await failing.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(payload)),
        authorization: "Bearer t",
      },
      body: payload,
    });
    const { status } = response;
    const body = (await response.json()) as GraphQLResponse["body"];
    expect(status).toBe(200);
    expect(body.errors?.[0]?.message).toBe("Unexpected error.");
    expect(body.errors?.[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expect(JSON.stringify(body)).not.toMatch(/secret-internals|\/srv\/app|at .*:\d+/);
    expect(logs.join("\n")).toContain("secret-internals");
    // Logged once, with its stack, though yoga reports it twice.
    expect(logs.filter((line) => line.includes("secret-internals"))).toHaveLength(1);
    expect(logs.find((line) => line.includes("secret-internals"))).toContain('"stack"');
    const audited = logs.filter((line) => line.includes('"audit":true'));
    expect(audited.map((line) => JSON.parse(line).outcome)).toEqual(["INTERNAL_SERVER_ERROR"]);
  });
});
