import { DEFAULT_CONNECTIONS } from "@tokengate/idp-client";
import { type FaultServer, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/index.js";
import {
  BANK_TOKEN,
  GUID,
  MINT,
  mint,
  post,
  startGateway,
  startMintingUpstream,
  type TestGateway,
} from "./support/gateway.js";

let upstream: FaultServer;
beforeAll(async () => {
  upstream = await startMintingUpstream();
});
afterAll(() => upstream.close());

const VALID = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };

function preflight(gateway: TestGateway, origin: string) {
  return fetch(`${gateway.url}/graphql`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type,authorization",
    },
  });
}

describe("CORS", () => {
  it("sends no CORS headers by default, whatever the Origin", async () => {
    const gateway = await startGateway(upstream.url);
    const response = await preflight(gateway, "https://evil.example");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("allows only the CORS_ORIGINS, without credentials", async () => {
    const gateway = await startGateway(upstream.url, { CORS_ORIGINS: "https://app.example" });
    const allowed = await preflight(gateway, "https://app.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    const other = await preflight(gateway, "https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });
});

describe("error answers", () => {
  it("keep enum hints out of production", async () => {
    const input = { customerGuid: GUID, scopes: ["CUSTOMERS_REED"] };
    const development = await startGateway(upstream.url);
    const production = await startGateway(upstream.url, { NODE_ENV: "production" });
    expect((await mint(development, input)).body.errors?.[0]?.message).toMatch(/Did you mean/);
    const { body } = await mint(production, input);
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it("stay small for a 61 KB list of private addresses", async () => {
    const gateway = await startGateway(upstream.url);
    const ipAllowlist = Array.from({ length: 4_700 }, (_, i) => `10.0.${i >> 8}.${i & 255}`);
    const payload = { query: MINT, variables: { input: { ...VALID, ipAllowlist } } };
    expect(JSON.stringify(payload).length).toBeGreaterThan(60_000);
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: BANK_TOKEN },
      body: JSON.stringify(payload),
    });
    const text = await response.text();
    expect(text.length).toBeLessThan(4_096);
    expect(JSON.parse(text).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("readiness", () => {
  it("is 200 while serving and 503 once draining; /health stays liveness", async () => {
    const gateway = await startGateway(upstream.url);
    expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);
    await gateway.stop();
    const ready = await gateway.app.gateway.fetch("http://gateway.test/ready");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, reason: "draining" });
    expect((await gateway.app.gateway.fetch("http://gateway.test/health")).status).toBe(200);
  });
});

describe("a caller that hangs up", () => {
  it("has its mint cancelled while it waits for a socket: it is never sent", async () => {
    const releases: (() => void)[] = [];
    const slow = await startFaultServer(
      (_request, response) =>
        new Promise<void>((resolve) => {
          releases.push(() => {
            response.writeHead(201, { "content-type": "application/json" });
            response.end('{"access_token":"a.b.c"}');
            resolve();
          });
        }),
    );
    try {
      const gateway = await startGateway(slow.url, { IDP_TIMEOUT_MS: "10000" });
      const request = (signal?: AbortSignal) =>
        fetch(`${gateway.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: BANK_TOKEN },
          body: JSON.stringify({ query: MINT, variables: { input: VALID } }),
          signal,
        });
      // Every socket of the client's pool held by a mint awaiting its answer…
      const held = Array.from({ length: DEFAULT_CONNECTIONS }, () => request());
      while (slow.requests.length < DEFAULT_CONNECTIONS) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // …so the next mint queues, and its caller hangs up.
      const controller = new AbortController();
      const queued = request(controller.signal).catch(() => "hung up");
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      expect(await queued).toBe("hung up");
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const release of releases) release();
      expect((await Promise.all(held)).every((response) => response.status === 200)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(slow.requests).toHaveLength(DEFAULT_CONNECTIONS);
    } finally {
      await slow.close();
    }
  });
});

describe("the upstream URL", () => {
  it.each([
    ["plain http on another host", "http://idp.example", false],
    ["https", "https://idp.example", true],
    ["plain http on loopback", "http://127.0.0.1:4010", true],
  ])("%s is %s in passthrough mode too", (_name, url, accepted) => {
    expect(loadConfig({ IDP_BASE_URL: url }).ok).toBe(accepted);
  });
});

it("answers a mint after all of the above", async () => {
  const gateway = await startGateway(upstream.url);
  expect((await post(gateway, { query: MINT, variables: { input: VALID } })).status).toBe(200);
});
