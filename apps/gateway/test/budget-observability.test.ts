import { type LimitedUpstream, startLimitedUpstream } from "@tokengate/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { post, startGateway } from "./support/gateway.js";
import { attributeOf, type ReceivedSpan, startOtlpReceiver } from "./support/otlp-receiver.js";
import { runGateway } from "./support/process.js";

const MINT = /* GraphQL */ `
  mutation Mint($input: CreateCustomerTokenInput!) {
    createCustomerToken(input: $input) { accessToken reused }
  }
`;
const guid = (n: number) => n.toString(16).padStart(32, "0");
const BANK = { authorization: "Bearer bank-token-observed-1" };
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function upstreamOf(): Promise<LimitedUpstream> {
  const upstream = await startLimitedUpstream({
    mintLimit: 100,
    tokenLimit: 100,
    windowSeconds: 60,
  });
  closers.push(() => upstream.close());
  return upstream;
}

const mintFor = (gateway: { url: string }, n: number) =>
  post(
    gateway,
    { query: MINT, variables: { input: { customerGuid: guid(n), scopes: ["CUSTOMERS_READ"] } } },
    BANK,
  );

/** The value of one series in a Prometheus text exposition. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the budget's and reuse's metrics", () => {
  it("count reuse hits and misses, local and upstream refusals, and the budget left", async () => {
    const upstream = await upstreamOf();
    const gateway = await startGateway(upstream.url, {
      METRICS_PORT: "0",
      TOKEN_REUSE: "on",
      UPSTREAM_MINT_LIMIT: "3",
    });
    const scrape = async () => (await fetch(`${gateway.metricsUrl}/metrics`)).text();
    const left = 'tokengate_upstream_budget_remaining{operation="createCustomerToken"}';
    await mintFor(gateway, 1);
    await mintFor(gateway, 1);
    // One slot of three taken: the reused answer took none.
    expect(sample(await scrape(), left)).toBe(2);
    upstream.refuseNext("/api/customer_tokens", 1, "30");
    const limited = await mintFor(gateway, 2);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_RATE_LIMITED");
    const paused = await mintFor(gateway, 3);
    expect(paused.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_RATE_LIMITED");

    const text = await scrape();
    expect(sample(text, 'tokengate_token_reuse_total{result="miss"}')).toBe(3);
    expect(sample(text, 'tokengate_token_reuse_total{result="hit"}')).toBe(1);
    expect(
      sample(
        text,
        'tokengate_upstream_rate_limited_total{operation="createCustomerToken",source="upstream"}',
      ),
    ).toBe(1);
    expect(
      sample(
        text,
        'tokengate_upstream_rate_limited_total{operation="createCustomerToken",source="local"}',
      ),
    ).toBe(1);
    // Paused by the 429: no call may leave.
    expect(sample(text, left)).toBe(0);
    expect(text).not.toContain(guid(1));
  });
});

describe("the reuse span attribute", () => {
  it("says on the operation's server span whether its mint was reused", async () => {
    const upstream = await upstreamOf();
    const receiver = await startOtlpReceiver();
    const gateway = await runGateway({
      IDP_BASE_URL: upstream.url,
      TOKEN_REUSE: "on",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "50",
    }).ready;
    const first = await mintFor(gateway, 7);
    const second = await mintFor(gateway, 7);
    expect(second.body.data?.createCustomerToken).toEqual(
      first.body.data?.createCustomerToken && {
        ...first.body.data.createCustomerToken,
        reused: true,
      },
    );
    const spans = await receiver.waitFor(
      (received) => received.filter((span) => span.name === "mutation Mint").length >= 2,
    );
    const servers = spans.filter((span) => span.name === "mutation Mint") as ReceivedSpan[];
    expect(servers.map((span) => attributeOf(span, "tokengate.mint.reused")).sort()).toEqual([
      false,
      true,
    ]);
    // The reused mint made no upstream call: one client span in all.
    expect(spans.filter((span) => span.name === "POST /api/customer_tokens")).toHaveLength(1);
  });
});
