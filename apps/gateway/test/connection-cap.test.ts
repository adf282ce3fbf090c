import { connect, type Socket } from "node:net";
import type { FaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { startGateway, startMintingUpstream, type TestGateway } from "./support/gateway.js";
import { rawRequest } from "./support/raw-http.js";

let upstream: FaultServer;
beforeAll(async () => {
  upstream = await startMintingUpstream();
});
afterAll(() => upstream.close());

/** A gateway capped at 20 connections, 10 per address, keeping idle connections for a minute. */
function cappedGateway(): Promise<TestGateway> {
  return startGateway(upstream.url, {
    SERVER_MAX_CONNECTIONS: "20",
    SERVER_MAX_CONNECTIONS_PER_ADDRESS: "10",
    SERVER_KEEP_ALIVE_TIMEOUT_MS: "60000",
    METRICS_PORT: "0",
  });
}

const sockets: Socket[] = [];
function closeAll() {
  for (const socket of sockets.splice(0)) socket.destroy();
}

/** A connection from `localAddress` (any of 127.0.0.0/8 reaches loopback on Linux). */
function openFrom(gateway: TestGateway, localAddress: string): Promise<Socket> {
  const { hostname, port } = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), localAddress }, () =>
      resolve(socket),
    );
    socket.once("error", reject);
    sockets.push(socket);
  });
}

/** Sends `GET /health` and resolves with the first answer's status line, or `closed` if the server hangs up first. */
function ping(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let reply = "";
    socket.on("error", () => undefined);
    const onData = (chunk: Buffer) => {
      reply += chunk.toString("utf8");
      if (reply.includes("\r\n\r\n")) {
        socket.off("data", onData);
        resolve(reply.split("\r\n")[0] ?? "");
      }
    };
    socket.on("data", onData);
    socket.once("close", () => resolve("closed"));
    socket.write("GET /health HTTP/1.1\r\nHost: gateway.test\r\n\r\n");
  });
}

/** `count` kept-alive connections from `localAddress`, each having been answered once, now idle. */
async function idleConnections(gateway: TestGateway, localAddress: string, count: number) {
  const answers = [];
  for (let i = 0; i < count; i++) answers.push(await ping(await openFrom(gateway, localAddress)));
  return answers;
}

async function refusals(gateway: TestGateway, reason: string): Promise<number> {
  const text = await (await fetch(`${gateway.metricsUrl}/metrics`)).text();
  const series = `tokengate_connections_refused_total{reason="${reason}"} `;
  const line = text.split("\n").find((row) => row.startsWith(series));
  return Number(line?.slice(series.length));
}

describe("the connection cap", () => {
  it("refuses an address more than its share of connections, and counts and logs the refusals", async () => {
    onTestFinished(closeAll);
    const gateway = await cappedGateway();
    const answers = await idleConnections(gateway, "127.0.0.2", 15);
    expect(answers.filter((answer) => answer === "HTTP/1.1 200 OK")).toHaveLength(10);
    expect(answers.filter((answer) => answer === "closed")).toHaveLength(5);
    expect(await refusals(gateway, "per_address")).toBe(5);
    const warnings = gateway.logs.filter((line) => line.includes("refused connections"));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]).toContain('"level":40');
    expect(warnings[0]).toContain('"reason":"per_address"');
  });

  it("makes room for a new caller at the cap by closing connections that sit idle", async () => {
    onTestFinished(closeAll);
    const gateway = await cappedGateway();
    // Two clients hold every slot with kept-alive connections, idle between pings.
    await idleConnections(gateway, "127.0.0.2", 10);
    await idleConnections(gateway, "127.0.0.3", 10);
    for (let i = 0; i < 5; i++) {
      const { status } = await rawRequest(gateway.url, { method: "GET", path: "/health" });
      expect(status).toBe(200);
    }
    expect(await refusals(gateway, "capacity")).toBe(0);
  });

  it("refuses a new connection when every one is busy, and counts it", async () => {
    onTestFinished(closeAll);
    const gateway = await cappedGateway();
    // Twenty requests under way: headers sent, body still to come.
    for (const address of ["127.0.0.2", "127.0.0.3"]) {
      for (let i = 0; i < 10; i++) {
        const socket = await openFrom(gateway, address);
        socket.on("error", () => undefined);
        socket.write(
          "POST /graphql HTTP/1.1\r\nHost: gateway.test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await ping(await openFrom(gateway, "127.0.0.4"))).toBe("closed");
    expect(await refusals(gateway, "capacity")).toBe(1);
  });
});
