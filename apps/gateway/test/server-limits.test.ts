import type { FaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMintingUpstream } from "./support/gateway.js";
import { type GatewayProcess, runGateway } from "./support/process.js";
import { exchange, openSocket } from "./support/raw-socket.js";

let upstream: FaultServer;
let gateway: GatewayProcess;

beforeAll(async () => {
  upstream = await startMintingUpstream();
  gateway = await runGateway({
    IDP_BASE_URL: upstream.url,
    NODE_ENV: "production",
    SERVER_HEADERS_TIMEOUT_MS: "300",
    SERVER_REQUEST_TIMEOUT_MS: "600",
    SERVER_KEEP_ALIVE_TIMEOUT_MS: "300",
    SERVER_MAX_CONNECTIONS: "5",
  }).ready;
});
afterAll(async () => {
  gateway.child.kill("SIGTERM");
  await gateway.exit;
  await upstream.close();
});

const open = () => openSocket(gateway.url);

const STACK_OR_PATH = /\n\s+at |node_modules|\/work\/|\.js:\d/;

describe("malformed requests", () => {
  it.each([
    ["GET /health", "GET /health HTTP/1.1"],
    ["GET /graphql", "GET /graphql?query=%7B__typename%7D HTTP/1.1"],
    ["OPTIONS /graphql", "OPTIONS /graphql HTTP/1.1"],
    [
      "POST /graphql",
      "POST /graphql HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2",
    ],
  ])("%s with Host: a b is a 400 with a code and no stack", async (_name, head) => {
    const { reply } = await exchange(await open(), `${head}\r\nHost: a b\r\n\r\n{}`);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('"code":"BAD_REQUEST"');
    expect(reply).not.toMatch(STACK_OR_PATH);
  });

  it("a flood of them is logged at warn, a line at most per interval", async () => {
    const before = gateway.output().split("\n").length;
    for (let i = 0; i < 50; i += 1) {
      await exchange(await open(), "GET /health HTTP/1.1\r\nHost: a b\r\n\r\n");
    }
    const lines = gateway
      .output()
      .split("\n")
      .slice(before - 1)
      .filter((line) => line.includes("malformed"));
    expect(lines.length).toBeLessThanOrEqual(1);
    for (const line of lines) expect(line).toContain('"level":40');
  });
});

describe("bounded resources", () => {
  it("cuts a client that sends its headers too slowly", async () => {
    const { closedAfterMs } = await exchange(await open(), "POST /graphql HTTP/1.1\r\nHost: x\r\n");
    expect(closedAfterMs).not.toBeNull();
  });

  it("cuts a client that sends its body too slowly", async () => {
    const { reply, closedAfterMs } = await exchange(
      await open(),
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
    );
    expect(closedAfterMs).not.toBeNull();
    expect(reply).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it("refuses connections beyond the cap and serves again once they leave", async () => {
    const held = await Promise.all(Array.from({ length: 5 }, open));
    const extra = await exchange(await open(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 1_000);
    expect(extra.reply).toBe("");
    expect(extra.closedAfterMs).not.toBeNull();
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });
});
