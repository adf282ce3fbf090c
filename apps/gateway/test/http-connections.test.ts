import type { FaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LIMITS } from "../src/config/limits.js";
import {
  BANK_TOKEN,
  GUID,
  MINT,
  startGateway,
  startMintingUpstream,
  type TestGateway,
} from "./support/gateway.js";
import { exchange, openSocket, statusLines, writeThenRead } from "./support/raw-socket.js";

let upstream: FaultServer;
let gateway: TestGateway;
beforeAll(async () => {
  upstream = await startMintingUpstream();
  gateway = await startGateway(upstream.url, { METRICS_PORT: "0" });
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
});

const MINT_BODY = JSON.stringify({
  query: MINT,
  variables: { input: { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] } },
});

/** A complete, valid mint as raw HTTP/1.1. */
const VALID_MINT = [
  "POST /graphql HTTP/1.1",
  "Host: gateway.test",
  "Content-Type: application/json",
  `Authorization: ${BANK_TOKEN}`,
  `Content-Length: ${Buffer.byteLength(MINT_BODY)}`,
  "",
  MINT_BODY,
].join("\r\n");

async function inFlight(): Promise<number> {
  const text = await (await fetch(`${gateway.metricsUrl}/metrics`)).text();
  return Number(/^tokengate_http_requests_in_flight (\S+)$/m.exec(text)?.[1]);
}

describe("pipelined requests", () => {
  it("a mint pipelined behind an answered one is served on the same connection", async () => {
    const { reply } = await exchange(await openSocket(gateway.url), VALID_MINT + VALID_MINT, 1_500);
    expect(statusLines(reply)).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 200 OK"]);
    expect(upstream.requests).toHaveLength(2);
  });

  it.each([
    [
      "415 (a text/plain body)",
      "POST /graphql HTTP/1.1\r\nHost: gateway.test\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}",
      415,
    ],
    [
      "411 (a chunked body)",
      "POST /graphql HTTP/1.1\r\nHost: gateway.test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
      411,
    ],
    ["400 (Host: a b)", "GET /health HTTP/1.1\r\nHost: a b\r\n\r\n", 400],
  ])(
    "a mint pipelined behind a %s refusal that closes the connection never runs",
    async (_name, refused, status) => {
      const { reply, closedAfterMs } = await exchange(
        await openSocket(gateway.url),
        refused + VALID_MINT,
      );
      expect(statusLines(reply)).toEqual([
        expect.stringMatching(new RegExp(`^HTTP/1\\.1 ${status} `)),
      ]);
      expect(reply.toLowerCase()).toContain("connection: close");
      expect(closedAfterMs).not.toBeNull();
      // Give a mint that wrongly started the time to reach the upstream.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(upstream.requests).toHaveLength(0);
      // The request that never ran is not left counted as being answered.
      expect(await inFlight()).toBe(0);
    },
  );
});

describe("the request target and Host", () => {
  const CSRF = "X-GraphQL-CSRF: 1";
  it.each([
    [
      "a Host with # (target /graphql would serve /ready)",
      "GET /graphql HTTP/1.1",
      "gateway.test/ready#",
    ],
    [
      "a Host with ? (target /ready would run a query)",
      `GET /ready HTTP/1.1\r\n${CSRF}`,
      "gateway.test/graphql?query=%7B__typename%7D&x=",
    ],
    ["a Host with /", "GET /health HTTP/1.1", "gateway.test/ready"],
    ["a Host with userinfo", "GET /health HTTP/1.1", "user@gateway.test"],
    ["a Host with a bad port", "GET /health HTTP/1.1", "gateway.test:80x"],
    ["an absolute-form target", "GET http://gateway.test/ready HTTP/1.1", "gateway.test"],
    ["an asterisk-form target", "OPTIONS * HTTP/1.1", "gateway.test"],
  ])("%s is a 400 BAD_REQUEST", async (_name, head, host) => {
    const { reply } = await exchange(
      await openSocket(gateway.url),
      `${head}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusLines(reply)).toEqual(["HTTP/1.1 400 Bad Request"]);
    expect(reply).toContain('"code":"BAD_REQUEST"');
  });

  it.each([
    ["a name", "gateway.test"],
    ["a name and port", "gateway.test:4000"],
    ["an internal name with _", "token_gate:4000"],
    ["an IPv4 address", "127.0.0.1:4000"],
    ["an IPv6 address", "[::1]:4000"],
  ])("a Host of %s is served", async (_name, host) => {
    const { reply } = await exchange(
      await openSocket(gateway.url),
      `GET /health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusLines(reply)).toEqual(["HTTP/1.1 200 OK"]);
  });
});

describe("a body over the limit", () => {
  it("is answered 413 to a client that writes all of it before reading, never reset", async () => {
    const body = JSON.stringify({ query: "{ __typename }", padding: "x".repeat(10 * 1024 * 1024) });
    const request = [
      "POST /graphql HTTP/1.1",
      "Host: gateway.test",
      "Content-Type: application/json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "",
      body,
    ].join("\r\n");
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { reply, errorCode } = await writeThenRead(await openSocket(gateway.url), request);
      outcomes.push(`${statusLines(reply).join()} ${errorCode ?? "no error"}`);
    }
    expect(outcomes).toEqual(Array(5).fill("HTTP/1.1 413 Payload Too Large no error"));
  });

  it("declared over the discard bound is refused at once, without waiting for its bytes", async () => {
    const { reply, closedAfterMs } = await exchange(
      await openSocket(gateway.url),
      `POST /graphql HTTP/1.1\r\nHost: gateway.test\r\nContent-Type: application/json\r\nContent-Length: ${LIMITS.MAX_DISCARDED_BODY_BYTES.value + 1}\r\n\r\n{`,
    );
    expect(statusLines(reply)).toEqual(["HTTP/1.1 413 Payload Too Large"]);
    expect(closedAfterMs).toBeLessThan(1_000);
  });
});
