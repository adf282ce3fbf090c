import { spawnSync } from "node:child_process";
import { startFaultServer } from "@tokengate/testkit";
import { describe, expect, it } from "vitest";
import {
  BANK_TOKEN_VALUE,
  brokerSettings,
  CLIENT_SECRET,
  useBrokerFixture,
} from "./support/broker-upstream.js";
import { callerToken } from "./support/caller-tokens.js";
import { BANK_TOKEN, GUID, mint, startGateway, startGatewayOverPrism } from "./support/gateway.js";
import { rawRequest } from "./support/raw-http.js";

const READ = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };

async function scrape(gateway: { metricsUrl?: string }): Promise<string> {
  const response = await fetch(`${gateway.metricsUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one series, e.g. `tokengate_operations_total{operation="createCustomerToken",outcome="ok"}`. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((row) => row.startsWith(`${series} `));
  if (!line) throw new Error(`no series ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}

describe("Prometheus metrics", () => {
  it("count mints by outcome and time the upstream calls after known traffic", async () => {
    const gateway = await startGatewayOverPrism(undefined, { METRICS_PORT: "0" });
    for (let i = 0; i < 3; i++) expect((await mint(gateway, READ)).body.errors).toBeUndefined();
    await mint(gateway, { customerGuid: "short", scopes: ["CUSTOMERS_READ"] });
    await mint(gateway, READ, {});
    const text = await scrape(gateway);
    expect(
      sample(text, 'tokengate_operations_total{operation="createCustomerToken",outcome="ok"}'),
    ).toBe(3);
    expect(
      sample(
        text,
        'tokengate_operations_total{operation="createCustomerToken",outcome="BAD_USER_INPUT"}',
      ),
    ).toBe(1);
    expect(
      sample(
        text,
        'tokengate_operations_total{operation="createCustomerToken",outcome="UNAUTHENTICATED"}',
      ),
    ).toBe(1);
    const mints = 'operation="createCustomerToken",status_class="2xx"';
    expect(sample(text, `tokengate_upstream_request_duration_seconds_count{${mints}}`)).toBe(3);
    expect(
      sample(text, `tokengate_upstream_request_duration_seconds_bucket{le="+Inf",${mints}}`),
    ).toBe(3);
    // Only the three valid mints reached the upstream, and the scrape itself is no request.
    expect(gateway.sent).toHaveLength(3);
    expect(sample(text, "tokengate_http_requests_in_flight")).toBe(0);
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).not.toContain(GUID);
    expect(text).not.toContain(BANK_TOKEN.slice("Bearer ".length));
  });

  it("pass promtool check metrics", async () => {
    const gateway = await startGatewayOverPrism(undefined, { METRICS_PORT: "0" });
    await mint(gateway, READ);
    const check = spawnSync("promtool", ["check", "metrics"], {
      input: await scrape(gateway),
      encoding: "utf8",
    });
    if (check.error)
      throw new Error(
        `promtool could not run (apt-get install prometheus): ${check.error.message}`,
      );
    expect(`${check.stdout}${check.stderr}`).toBe("");
    expect(check.status).toBe(0);
  });

  it("are served on their own loopback port only, never on the GraphQL port", async () => {
    const gateway = await startGatewayOverPrism(undefined, { METRICS_PORT: "0" });
    expect(gateway.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(gateway.metricsUrl).not.toBe(gateway.url);
    expect((await fetch(`${gateway.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${gateway.metricsUrl}/graphql`)).status).toBe(404);
  });

  it("count a request in flight while it is answered, and every kind of answer back to zero", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const upstream = await startFaultServer(async (_request, response) => {
      await held;
      response.writeHead(201, { "content-type": "application/json" });
      response.end('{"access_token":"a.b.c"}');
    });
    const gateway = await startGateway(upstream.url, {
      METRICS_PORT: "0",
      CORS_ORIGINS: "https://app.example",
    });
    const waiting = mint(gateway, READ);
    await expect.poll(() => upstream.requests.length).toBe(1);
    expect(sample(await scrape(gateway), "tokengate_http_requests_in_flight")).toBe(1);
    release();
    await waiting;
    // yoga answers these before any plugin's onRequest runs; the malformed one never reaches yoga.
    for (let i = 0; i < 20; i++) {
      await fetch(`${gateway.url}/health`);
      await fetch(`${gateway.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin: "https://app.example", "access-control-request-method": "POST" },
      });
      await rawRequest(gateway.url, { method: "GET", path: "/health", headers: { host: "a b" } });
    }
    expect(sample(await scrape(gateway), "tokengate_http_requests_in_flight")).toBe(0);
    await upstream.close();
  });

  it("are off without METRICS_PORT", async () => {
    const gateway = await startGatewayOverPrism();
    expect(gateway.metricsUrl).toBeUndefined();
  });
});

describe("Prometheus metrics in broker mode", () => {
  const broker = useBrokerFixture();

  it("count bank-token fetches and rate-limited mints, and carry no secret", async () => {
    const gateway = await startGateway(broker.upstream.url, {
      ...brokerSettings(broker.upstream.url, `${broker.jwks.url}/broker.jwks.json`),
      RATE_LIMIT_MINTS_PER_MINUTE: "2",
      METRICS_PORT: "0",
    });
    const token = await callerToken(broker.key, { sub: "user-metrics", customer_guid: GUID });
    const caller = { authorization: `Bearer ${token}` };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await mint(gateway, READ, caller));
    const text = await scrape(gateway);
    expect(sample(text, 'tokengate_bank_token_refreshes_total{result="ok"}')).toBe(1);
    expect(
      sample(text, 'tokengate_operations_total{operation="createCustomerToken",outcome="ok"}'),
    ).toBe(2);
    expect(
      sample(
        text,
        'tokengate_operations_total{operation="createCustomerToken",outcome="RATE_LIMITED"}',
      ),
    ).toBe(2);
    expect(sample(text, "tokengate_rate_limited_total")).toBe(2);
    expect(
      sample(
        text,
        'tokengate_upstream_request_duration_seconds_count{operation="createBankToken",status_class="2xx"}',
      ),
    ).toBe(1);
    const minted = answers.flatMap((answer) => {
      const accessToken = answer.body.data?.createCustomerToken?.accessToken;
      return typeof accessToken === "string" ? [accessToken] : [];
    });
    expect(minted).toHaveLength(2);
    for (const secret of [CLIENT_SECRET, BANK_TOKEN_VALUE, token, "user-metrics", ...minted]) {
      expect(text).not.toContain(secret);
    }
  });
});
