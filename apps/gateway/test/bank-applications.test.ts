import { startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerSettings } from "./support/broker-upstream.js";
import {
  callerToken,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./support/caller-tokens.js";
import {
  BANK_TOKEN,
  post,
  type SentRequest,
  startGateway,
  startGatewayOverPrism,
  startRecordingPrism,
} from "./support/gateway.js";

export const LIST = /* GraphQL */ `
  query List($page: Int, $perPage: Int, $bankGuid: String) {
    bankApplications(page: $page, perPage: $perPage, bankGuid: $bankGuid) {
      total page perPage objects { name clientId scopes createdAt updatedAt }
    }
  }
`;

const listing = (
  gateway: { url: string },
  variables: Record<string, unknown> = {},
  headers?: Record<string, string>,
) => post(gateway, { query: LIST, variables }, headers);

const applications = (sent: SentRequest[]) =>
  sent.filter((request) => request.url.startsWith("/api/bank_applications"));

describe("Query.bankApplications in passthrough mode, against the Prism mock", () => {
  it("lists the applications with the caller's bank token, scopes as enum values and dates as DateTime", async () => {
    const { sent, ...gateway } = await startGatewayOverPrism();
    const { status, body } = await listing(gateway, { page: 0, perPage: 10, bankGuid: "b-1" });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      bankApplications: {
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
      },
    });
    expect(sent.map((request) => request.url)).toEqual([
      "/api/bank_applications?page=0&per_page=10&bank_guid=b-1",
    ]);
    expect(sent[0]?.headers.get("authorization")).toBe(BANK_TOKEN);
    expect(sent[0]?.body).toBeUndefined();
  });

  it("sends no parameter the caller left out", async () => {
    const { sent, ...gateway } = await startGatewayOverPrism();
    const { body } = await listing(gateway, { perPage: null });
    expect(body.errors).toBeUndefined();
    expect(sent.map((request) => request.url)).toEqual(["/api/bank_applications"]);
  });

  it("maps its documented 403 to FORBIDDEN with what the upstream said", async () => {
    const { ...gateway } = await startGatewayOverPrism("code=403, example=invalid_scope");
    const { body } = await listing(gateway);
    expect(body.errors?.[0]?.extensions).toEqual({
      code: "FORBIDDEN",
      upstream: { status: 403, messageCode: "invalid_scopes" },
    });
    expect(body.errors?.[0]?.message).toContain("banks:read");
  });
});

describe("Query.bankApplications within the upstream's rate", () => {
  it("answers the upstream's 429 with UPSTREAM_RATE_LIMITED and its Retry-After, and sends nothing more until it passes", async () => {
    let calls = 0;
    const upstream = await startFaultServer((_request, response) => {
      calls += 1;
      response.writeHead(429, { "content-type": "application/json", "retry-after": "7" });
      response.end(
        JSON.stringify({
          status: 429,
          error_message: "Too many requests",
          message_code: "rate_limited",
        }),
      );
    });
    try {
      const gateway = await startGateway(upstream.url);
      const first = await listing(gateway, {}, { authorization: BANK_TOKEN });
      expect(first.body.errors?.[0]?.extensions).toEqual({
        code: "UPSTREAM_RATE_LIMITED",
        retryAfterSeconds: 7,
        upstream: { status: 429, messageCode: "rate_limited" },
      });
      // The pause holds for this operation: refused here, not sent.
      const second = await listing(gateway, {}, { authorization: BANK_TOKEN });
      expect(second.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_RATE_LIMITED");
      expect(second.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(6);
      expect(calls).toBe(1);
    } finally {
      await upstream.close();
    }
  });
});

describe("Query.bankApplications in broker mode", () => {
  let key: SigningKey;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  beforeAll(async () => {
    key = await newSigningKey("key-1");
    jwks = await startJwksServer([key]);
  });
  afterAll(() => jwks.close());

  async function brokerGateway() {
    const upstream = await startRecordingPrism();
    const env = brokerSettings(upstream.url, `${jwks.url}/jwks.json`);
    const gateway = await startGateway(upstream.url, {
      ...env,
      IDP_TOKEN_SCOPES: "customers:read customers:write banks:read",
    });
    return { gateway, sent: upstream.sent };
  }

  it("lists for an admin caller with the gateway's own bank token", async () => {
    const { gateway, sent } = await brokerGateway();
    const token = await callerToken(key, { sub: "ops", scope: "tokengate:admin" });
    const { body } = await listing(gateway, {}, { authorization: `Bearer ${token}` });
    expect(body.errors).toBeUndefined();
    expect(body.data?.bankApplications).toMatchObject({ total: 1 });
    const [call] = applications(sent);
    expect(call?.headers.get("authorization")).toMatch(/^Bearer eyJ/);
    expect(call?.headers.get("authorization")).not.toContain(token);
    const tokenRequest = sent.find((request) => request.url === "/oauth/token");
    expect(tokenRequest?.body).toMatchObject({
      scope: "customers:read customers:write banks:read",
    });
  });

  it("refuses a caller without the admin scope, sending nothing", async () => {
    const { gateway, sent } = await brokerGateway();
    const token = await callerToken(key, { sub: "user-1", customer_guid: "c".repeat(32) });
    const { body } = await listing(gateway, {}, { authorization: `Bearer ${token}` });
    expect(body.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", reason: "admin_only" });
    expect(applications(sent)).toHaveLength(0);
  });
});
