import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BankTokenError, clientCredentials, createIdpClient } from "../../src/index.js";
import { retryAfterSeconds } from "../../src/retry-after.js";
import { BANK_TOKEN, VALID_REQUEST } from "../support/fixtures.js";

/** A real local upstream that answers every request 429, with `retryAfter` when given. */
let upstream: FaultServer;
let retryAfter: string | undefined;
const SECRET = "s3cr3t-client-secret-429";

beforeAll(async () => {
  upstream = await startFaultServer((request, response) => {
    const headers = retryAfter === undefined ? {} : { "retry-after": retryAfter };
    response.writeHead(429, { "content-type": "application/json", ...headers });
    response.end(
      request.url === "/oauth/token"
        ? JSON.stringify({ error: "rate_limited" })
        : JSON.stringify({ status: 429, error_message: "Too many requests", message_code: "x" }),
    );
  });
});
afterAll(() => upstream.close());
beforeEach(() => {
  retryAfter = "12";
  upstream.requests.length = 0;
});

describe("an upstream 429 on POST /api/customer_tokens", () => {
  it.each([
    ["delta-seconds", "12", 12],
    ["no header", undefined, null],
    ["an unreadable header", "soon", null],
  ])("is rate_limited with retryAfterSeconds from %s", async (_name, header, seconds) => {
    retryAfter = header;
    const idp = createIdpClient({ baseUrl: upstream.url, token: BANK_TOKEN });
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterSeconds: seconds });
    await idp.close();
  });

  it("is never retried by the client, even with a short Retry-After", async () => {
    retryAfter = "0";
    const idp = createIdpClient({ baseUrl: upstream.url, token: BANK_TOKEN, retry: true });
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error?.kind).toBe("rate_limited");
    expect(upstream.requests).toHaveLength(1);
    await idp.close();
  });
});

describe("a 429 from the token endpoint", () => {
  it("rejects the provider with a BankTokenError carrying retryAfterSeconds", async () => {
    const getToken = clientCredentials({
      baseUrl: upstream.url,
      clientId: "c",
      clientSecret: SECRET,
    });
    const refusal = await getToken().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BankTokenError);
    expect(refusal).toMatchObject({ status: 429, retryAfterSeconds: 12 });
  });

  it("reaches the mint's caller as token_provider with its rateLimit", async () => {
    const idp = createIdpClient({
      baseUrl: upstream.url,
      getToken: clientCredentials({ baseUrl: upstream.url, clientId: "c", clientSecret: SECRET }),
    });
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "token_provider", rateLimit: { retryAfterSeconds: 12 } });
    expect(upstream.requests.map((request) => request.url)).toEqual(["/oauth/token"]);
    await idp.close();
  });
});

describe("clientCredentials' admit hook", () => {
  it("sends nothing when it refuses, and names the wait", async () => {
    const asked: number[] = [];
    const getToken = clientCredentials({
      baseUrl: upstream.url,
      clientId: "c",
      clientSecret: SECRET,
      admit: async () => {
        asked.push(1);
        return 7;
      },
    });
    const idp = createIdpClient({ baseUrl: upstream.url, getToken });
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "token_provider", rateLimit: { retryAfterSeconds: 7 } });
    expect(upstream.requests).toHaveLength(0);
    expect(asked).toHaveLength(1);
    await idp.close();
  });

  it("is asked once per token request, however many callers wait on it", async () => {
    let admitted = 0;
    const ok = await startFaultServer((_request, response) =>
      sendJson(response, 200, { access_token: "bank", token_type: "Bearer", expires_in: 3600 }),
    );
    try {
      const getToken = clientCredentials({
        baseUrl: ok.url,
        clientId: "c",
        clientSecret: SECRET,
        admit: async () => {
          admitted += 1;
          return null;
        },
      });
      await Promise.all(Array.from({ length: 50 }, () => getToken()));
      expect(admitted).toBe(1);
      expect(ok.requests).toHaveLength(1);
    } finally {
      await ok.close();
    }
  });
});

describe("retryAfterSeconds", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    ["delta-seconds", "30", 30],
    ["zero, rounded up to one", "0", 1],
    ["an HTTP date", "Thu, 01 Jan 2026 00:00:09 GMT", 9],
    ["a past HTTP date", "Wed, 31 Dec 2025 23:00:00 GMT", 1],
    ["absent", null, null],
    ["garbage", "later", null],
  ])("reads %s", (_name, header, want) => {
    expect(retryAfterSeconds(header, now)).toBe(want);
  });
});
