import {
  type FaultServer,
  freePort,
  redirect,
  reply,
  resetMidBody,
  silence,
  startFaultServer,
} from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdpClient, type IdpClient } from "../../src/index.js";
import { BANK_TOKEN, VALID_REQUEST } from "../support/fixtures.js";

let upstream: FaultServer;
let idp: IdpClient;

beforeAll(async () => {
  upstream = await startFaultServer((_request, response) => response.end());
  idp = createIdpClient({
    baseUrl: upstream.url,
    token: BANK_TOKEN,
    timeoutMs: 300,
    maxResponseBytes: 4096,
  });
});
afterAll(() => upstream.close());

const answer = (...args: Parameters<typeof reply>) => upstream.setHandler(reply(...args));

describe("createCustomerToken when the upstream misbehaves", () => {
  it("accepts any 2xx whose body satisfies the contract", async () => {
    answer(200, JSON.stringify({ access_token: "a.b.c" }));
    expect((await idp.createCustomerToken(VALID_REQUEST)).data).toEqual({ access_token: "a.b.c" });
  });

  it.each([
    ["201 without access_token", 201, "{}", "contract_violation", /without an access_token/],
    [
      "201 with a numeric access_token",
      201,
      JSON.stringify({ access_token: 42 }),
      "contract_violation",
      /breaks the contract/,
    ],
    ["201 that is not JSON", 201, "<html>oops</html>", "not_json", /not JSON/],
    ["201 with an empty body", 201, "", "not_json", /not JSON/],
    [
      "an undocumented 418",
      418,
      JSON.stringify({ status: 418, error_message: "teapot", message_code: "teapot" }),
      "undocumented_status",
      /418, which the contract does not list/,
    ],
    ["an undocumented 404", 404, "not found", "undocumented_status", /404/],
    [
      "a 422 that is not an ErrorResponse",
      422,
      "{}",
      "contract_violation",
      /422 without an ErrorResponse/,
    ],
  ])("reports %s as unexpected_response", async (_name, status, body, reason, message) => {
    answer(status, body);
    const { data, error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ kind: "unexpected_response", reason, status });
    expect(error?.message).toMatch(message);
  });

  it("keeps 401 and 403 apart even when the body is not JSON", async () => {
    answer(401, "denied");
    expect((await idp.createCustomerToken(VALID_REQUEST)).error).toMatchObject({
      kind: "unauthorized",
      messageCode: null,
    });
    answer(403, "<html/>");
    expect((await idp.createCustomerToken(VALID_REQUEST)).error).toMatchObject({
      kind: "forbidden",
      messageCode: null,
    });
  });

  it("reports 5xx as server_error with Retry-After", async () => {
    answer(503, "busy", { "retry-after": "7" });
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({
      kind: "server_error",
      status: 503,
      retryAfter: "7",
      messageCode: null,
    });
  });

  it("times out when the upstream never answers", async () => {
    upstream.setHandler(silence);
    const started = Date.now();
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("times out when the body stalls half way", async () => {
    upstream.setHandler((_request, response) => {
      response.writeHead(201, { "content-type": "application/json" });
      response.write('{"access_token":');
    });
    expect((await idp.createCustomerToken(VALID_REQUEST)).error?.kind).toBe("timeout");
  });

  it("reports aborted, not timeout, when the caller's signal fires", async () => {
    upstream.setHandler(silence);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const { error } = await idp.createCustomerToken(VALID_REQUEST, {
      signal: controller.signal,
      timeoutMs: 5_000,
    });
    expect(error?.kind).toBe("aborted");
  });

  it("reports a connection reset mid-body as a network error", async () => {
    upstream.setHandler(resetMidBody);
    expect((await idp.createCustomerToken(VALID_REQUEST)).error?.kind).toBe("network");
  });

  it("reports a refused connection as a network error with its code", async () => {
    // A free port: nothing listens there.
    const refused = createIdpClient({
      baseUrl: `http://127.0.0.1:${await freePort("127.0.0.1")}`,
      token: BANK_TOKEN,
    });
    const { error } = await refused.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "network", code: "ECONNREFUSED" });
  });

  it.each([
    ["declared in Content-Length", { "content-length": String(1_000_000) }],
    ["streamed without a length", {}],
  ])("refuses to read a body larger than maxResponseBytes (%s)", async (_name, headers) => {
    upstream.setHandler((_request, response) => {
      response.writeHead(201, { "content-type": "application/json", ...headers });
      response.end(`{"access_token":"${"x".repeat(999_950)}"}`.slice(0, 1_000_000));
    });
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "unexpected_response", reason: "too_large", status: 201 });
  });

  it("refuses a redirect without following it, and says so", async () => {
    upstream.setHandler(redirect(308, "https://elsewhere.example/api/customer_tokens"));
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "unexpected_response", reason: "redirect", status: 308 });
    expect(error?.message).toMatch(/308, a redirect; the client never follows one/);
    expect(error?.message).not.toContain("elsewhere");
  });

  it("reports a throwing middleware as internal, naming the error's class but not its message", async () => {
    answer(201, JSON.stringify({ access_token: "a.b.c" }));
    const traced = createIdpClient({
      baseUrl: upstream.url,
      token: BANK_TOKEN,
      middleware: [
        {
          onRequest({ request }) {
            throw new RangeError(`bad span for ${request.headers.get("authorization")}`);
          },
        },
      ],
    });
    const { error } = await traced.createCustomerToken(VALID_REQUEST);
    expect(error).toEqual({ kind: "internal", message: expect.stringContaining("(RangeError)") });
    expect(error?.message).not.toContain(BANK_TOKEN);
    expect(error?.message).not.toContain("bad span");
  });

  it("reports a failing token provider without sending anything", async () => {
    const before = upstream.requests.length;
    const broken = createIdpClient({
      baseUrl: upstream.url,
      getToken: () => Promise.reject(new Error("vault down: secret=s3cr3t")),
    });
    const { error } = await broken.createCustomerToken(VALID_REQUEST);
    expect(error?.kind).toBe("token_provider");
    expect(error?.message).not.toContain("s3cr3t");
    expect(upstream.requests.length).toBe(before);
  });
});
