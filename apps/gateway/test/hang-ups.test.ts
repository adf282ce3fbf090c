import { startFaultServer } from "@tokengate/testkit";
import { describe, expect, it } from "vitest";
import { BANK_TOKEN, GUID, MINT, startGateway } from "./support/gateway.js";

/** The value of one series, e.g. `tokengate_operations_total{operation="createCustomerToken",outcome="ok"}`. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((row) => row.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const CALLERS = 20;

describe("callers that hang up while the upstream works on their mint", () => {
  it("are counted as cancelled, not as upstream outages, and log no warning", async () => {
    // The upstream takes its time; every caller leaves before it answers.
    const upstream = await startFaultServer(
      (_request, response) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            response.writeHead(201, { "content-type": "application/json" });
            response.end('{"access_token":"a.b.c"}');
            resolve();
          }, 3_000),
        ),
    );
    try {
      const gateway = await startGateway(upstream.url, {
        METRICS_PORT: "0",
        IDP_TIMEOUT_MS: "10000",
      });
      const controller = new AbortController();
      const callers = Array.from({ length: CALLERS }, () =>
        fetch(`${gateway.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: BANK_TOKEN },
          body: JSON.stringify({
            query: MINT,
            variables: { input: { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] } },
          }),
          signal: controller.signal,
        }).catch(() => "hung up"),
      );
      await expect.poll(() => upstream.requests.length).toBe(CALLERS);
      controller.abort();
      expect(await Promise.all(callers)).toEqual(Array(CALLERS).fill("hung up"));
      const metrics = async () => (await fetch(`${gateway.metricsUrl}/metrics`)).text();
      await expect
        .poll(async () =>
          sample(
            await metrics(),
            'tokengate_operations_total{operation="createCustomerToken",outcome="cancelled"}',
          ),
        )
        .toBe(CALLERS);
      const text = await metrics();
      expect(
        sample(
          text,
          'tokengate_operations_total{operation="createCustomerToken",outcome="UPSTREAM_UNAVAILABLE"}',
        ),
      ).toBe(0);
      const calls =
        'tokengate_upstream_request_duration_seconds_count{operation="createCustomerToken"';
      expect(sample(text, `${calls},status_class="none"}`)).toBe(0);
      expect(sample(text, `${calls},status_class="cancelled"}`)).toBe(CALLERS);
      expect(gateway.logs.filter((line) => line.includes('"level":40'))).toEqual([]);
    } finally {
      await upstream.close();
    }
  });
});
