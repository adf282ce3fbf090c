import type { ServerResponse } from "node:http";
import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINT } from "./support/gateway.js";
import { runGateway } from "./support/process.js";

const BANK_SECRET = "bank-secret-7d1f0c2e9a";
const MINTED = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE4OTM0NTYwMDB9.minted-secret-signature";

/** One upstream behaviour per customer guid, so one gateway run can meet every fault. */
const FAULTS: Record<string, (response: ServerResponse) => void> = {
  happy: (response) => sendJson(response, 201, { access_token: MINTED }),
  unauthorized: (response) =>
    sendJson(response, 401, {
      status: 401,
      error_message: "Unauthorized",
      message_code: "unauthorized",
    }),
  forbidden: (response) =>
    sendJson(response, 403, { status: 403, error_message: "Forbidden", message_code: "forbidden" }),
  nocustomer: (response) =>
    sendJson(response, 422, {
      status: 422,
      error_message: "Unknown customer",
      message_code: "no_customer",
    }),
  servererror: (response) => sendJson(response, 500, { error: MINTED }),
  unavailable: (response) => sendJson(response, 503, {}),
  notjson: (response) => response.end(`<html>${MINTED}</html>`),
  teapot: (response) => sendJson(response, 418, { access_token: MINTED }),
  notoken: (response) => sendJson(response, 201, { token: MINTED }),
  huge: (response) => sendJson(response, 201, { access_token: `${MINTED}${"x".repeat(100_000)}` }),
  reset: (response) => {
    response.writeHead(201, { "content-length": "500" });
    response.write(`{"access_token":"${MINTED}`);
    setTimeout(() => response.socket?.destroy(), 5);
  },
  silent: () => undefined,
};

/** A guid naming the fault: the name's bytes in hexadecimal, padded. */
const guidFor = (name: string) => Buffer.from(name).toString("hex").padEnd(32, "0");

let upstream: FaultServer;
beforeAll(async () => {
  upstream = await startFaultServer((_request, response, body) => {
    const guid = String(JSON.parse(body).customer_guid);
    const name = Object.keys(FAULTS).find((candidate) => guidFor(candidate) === guid) ?? "happy";
    FAULTS[name]?.(response);
  });
});
afterAll(() => upstream.close());

describe("secrets in logs", () => {
  it("never prints the bank token or a minted token, at debug level, over the happy path and every fault", async () => {
    const gateway = await runGateway({
      IDP_BASE_URL: upstream.url,
      LOG_LEVEL: "debug",
      IDP_TIMEOUT_MS: "500",
    }).ready;
    const codes: Record<string, string | undefined> = {};
    for (const name of Object.keys(FAULTS)) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${BANK_SECRET}` },
        body: JSON.stringify({
          query: MINT,
          variables: { input: { customerGuid: guidFor(name), scopes: ["CUSTOMERS_READ"] } },
        }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      codes[name] = body.errors?.[0]?.extensions?.code ?? "OK";
    }
    gateway.child.kill("SIGTERM");
    expect(await gateway.exit).toBe(0);

    expect(codes).toEqual({
      happy: "OK",
      unauthorized: "UNAUTHENTICATED",
      forbidden: "FORBIDDEN",
      nocustomer: "CUSTOMER_NOT_FOUND",
      servererror: "UPSTREAM_UNAVAILABLE",
      unavailable: "UPSTREAM_UNAVAILABLE",
      notjson: "UPSTREAM_BAD_RESPONSE",
      teapot: "UPSTREAM_BAD_RESPONSE",
      notoken: "UPSTREAM_BAD_RESPONSE",
      huge: "UPSTREAM_BAD_RESPONSE",
      reset: "UPSTREAM_UNAVAILABLE",
      silent: "UPSTREAM_TIMEOUT",
    });
    const output = gateway.output();
    expect(output).toContain('"level":20');
    expect(output.split("\n").length).toBeGreaterThan(20);
    expect(output).not.toContain(BANK_SECRET);
    expect(output).not.toContain("minted-secret-signature");
  });
});
