import { connect, type Socket } from "node:net";
import type { FaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMintingUpstream } from "./support/gateway.js";
import { type GatewayProcess, runGateway } from "./support/process.js";

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

function open(): Promise<Socket> {
  const { hostname, port } = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Writes `text` and collects what comes back until the server closes the socket (or `ms` pass). */
function exchange(
  socket: Socket,
  text: string,
  ms = 3_000,
): Promise<{ reply: string; closedAfterMs: number | null }> {
  const started = Date.now();
  return new Promise((resolve) => {
    let reply = "";
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
    });
    socket.on("error", () => undefined);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closedAfterMs: null });
    }, ms);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve({ reply, closedAfterMs: Date.now() - started });
    });
    socket.write(text);
  });
}

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
