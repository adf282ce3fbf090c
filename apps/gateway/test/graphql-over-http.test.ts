import type { FaultServer } from "@tokengate/testkit";
import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BANK_TOKEN,
  GUID,
  MINT,
  post,
  startGateway,
  startMintingUpstream,
  type TestGateway,
} from "./support/gateway.js";

let upstream: FaultServer;
let gateway: TestGateway;
beforeAll(async () => {
  upstream = await startMintingUpstream();
  gateway = await startGateway(upstream.url);
});
afterAll(() => upstream.close());

const GRAPHQL_RESPONSE = {
  authorization: BANK_TOKEN,
  accept: "application/graphql-response+json",
};

describe("GraphQL over HTTP", () => {
  it("passes graphql-http's server audits: no error, no warning", async () => {
    const results = await auditServer({ url: `${gateway.url}/graphql` });
    expect(results.length).toBeGreaterThan(40);
    const notOk = results.filter((result) => result.status !== "ok");
    expect(notOk.filter((result) => result.status !== "notice")).toEqual([]);
    // The only notices: optional GET forms, refused without the CSRF prevention header.
    for (const result of notOk) expect(result.name).toMatch(/^MAY .*GET/);
  });

  it.each([
    ["a missing variable", { query: MINT }],
    [
      "a variable that does not coerce",
      { query: MINT, variables: { input: { customerGuid: 42, scopes: ["CUSTOMERS_READ"] } } },
    ],
    [
      "an unknown enum value",
      { query: MINT, variables: { input: { customerGuid: GUID, scopes: ["BANKS_WRITE"] } } },
    ],
  ])(
    "answers %s with 400 and BAD_USER_INPUT under application/graphql-response+json",
    async (_name, payload) => {
      const { status, headers, body } = await post(gateway, payload, GRAPHQL_RESPONSE);
      expect(status).toBe(400);
      expect(headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    },
  );

  it("answers a mint under application/graphql-response+json with 200 and data", async () => {
    const { status, body } = await post(
      gateway,
      { query: MINT, variables: { input: { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] } } },
      GRAPHQL_RESPONSE,
    );
    expect(status).toBe(200);
    expect(body.data?.createCustomerToken?.accessToken).toBe("a.b.c");
  });
});
