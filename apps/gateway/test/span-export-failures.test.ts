import { freePort, startFaultServer } from "@tokengate/testkit";
import { describe, expect, it } from "vitest";
import { BANK_TOKEN, GUID, mint, startMintingUpstream } from "./support/gateway.js";
import { runGateway } from "./support/process.js";

const READ = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };
/** A collector credential, as deployments pass one: it must not reach a log line. */
const COLLECTOR_SECRET = "collector-secret-5f2e9a";
const FAILED = /^tokengate_span_exports_failed_total (\d+)$/m;

/** A real OTLP/HTTP endpoint that refuses every export, quoting the request's headers back. */
async function refusingReceiver() {
  const server = await startFaultServer((request, response) => {
    response.writeHead(400, { "content-type": "application/json" });
    response.end(JSON.stringify({ message: "refused", headers: request.headers }));
  });
  return { url: server.url, close: () => server.close() };
}

/** A port nothing listens on: a collector that is down. */
async function downReceiver() {
  return { url: `http://127.0.0.1:${await freePort("127.0.0.1")}`, close: async () => undefined };
}

const CASES: [string, () => Promise<{ url: string; close(): Promise<void> }>, object][] = [
  ["refuses every export (HTTP 400)", refusingReceiver, { status: 400 }],
  ["is down", downReceiver, { code: "ECONNREFUSED" }],
];

describe("failed span exports (the built process, a real OTLP/HTTP endpoint)", () => {
  it.each(CASES)(
    "are counted and logged, throttled and without a secret, when the collector %s",
    async (_name, receiverOf, reason) => {
      const receiver = await receiverOf();
      const upstream = await startMintingUpstream();
      try {
        const gateway = await runGateway({
          IDP_BASE_URL: upstream.url,
          METRICS_PORT: "0",
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
          OTEL_EXPORTER_OTLP_HEADERS: `authorization=Bearer ${COLLECTOR_SECRET}`,
          // Retries of an unreachable collector end within this.
          OTEL_EXPORTER_OTLP_TIMEOUT: "300",
          OTEL_BSP_SCHEDULE_DELAY: "20",
        }).ready;
        const metricsUrl = gateway.output().match(/"metrics":"(http:\/\/[^"]+)"/)?.[1];
        const failed = async () =>
          Number((await (await fetch(metricsUrl ?? "")).text()).match(FAILED)?.[1]);
        expect(await failed()).toBe(0);

        // One export per mint: each is its own batch.
        let mints = 0;
        while ((await failed()) < 3) {
          expect(mints).toBeLessThan(30);
          await mint(gateway, READ, { authorization: BANK_TOKEN });
          mints += 1;
          await new Promise((resolve) => setTimeout(resolve, 400));
        }
        const warnings = gateway
          .output()
          .split("\n")
          .filter((line) => line.includes("span export failed"))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        // Three failures or more within the warning interval: one line, the rest counted.
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatchObject({ level: 40, suppressed: 0, ...reason });
        expect(gateway.output()).not.toContain(COLLECTOR_SECRET);
      } finally {
        await receiver.close();
        await upstream.close();
      }
    },
  );
});
