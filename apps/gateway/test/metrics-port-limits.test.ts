import type { Socket } from "node:net";
import type { FaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../src/config/limits.js";
import { startGateway, startMintingUpstream, type TestGateway } from "./support/gateway.js";
import { exchange, openSocket } from "./support/raw-socket.js";

let upstream: FaultServer;
let gateway: TestGateway;
beforeAll(async () => {
  upstream = await startMintingUpstream();
  gateway = await startGateway(upstream.url, {
    METRICS_PORT: "0",
    SERVER_HEADERS_TIMEOUT_MS: "300",
    SERVER_REQUEST_TIMEOUT_MS: "600",
  });
});
afterAll(() => upstream.close());

describe("the metrics port", () => {
  it("cuts half-sent requests at the server's timeouts and refuses connections beyond its cap", async () => {
    const metricsUrl = gateway.metricsUrl ?? "";
    const held: Socket[] = [];
    const outcomes = [];
    for (let i = 0; i < LIMITS.MAX_METRICS_CONNECTIONS.value + 10; i++) {
      const socket = await openSocket(metricsUrl);
      held.push(socket);
      // Headers begun, never finished.
      outcomes.push(exchange(socket, "GET /metrics HTTP/1.1\r\nHost: metrics.test\r\n", 3_000));
    }
    // Meanwhile the GraphQL port is served.
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    const results = await Promise.all(outcomes);
    // Every one was closed by the server, none held until the client gave up.
    expect(results.filter((result) => result.closedAfterMs === null)).toEqual([]);
    // The ones beyond the cap at once, with nothing read.
    const atOnce = results.filter((result) => (result.closedAfterMs ?? Infinity) < 150);
    expect(atOnce.length).toBeGreaterThanOrEqual(10);
    for (const socket of held) socket.destroy();
    expect((await fetch(`${metricsUrl}/metrics`)).status).toBe(200);
  });
});
