import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { NODE_FLAGS } from "../src/core/node-flags.js";

const GATEWAY_ENTRY = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const FLOOR_ENTRY = fileURLToPath(new URL("./floor-proxy.ts", import.meta.url));

export interface Target {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 from /health. */
  coldStartMs: number;
  stop(): Promise<number | null>;
}

async function waitHealthy(url: string, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`target exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function startTarget(
  name: string,
  args: string[],
  env: Record<string, string>,
  port: number,
): Promise<Target> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const coldStartMs = await waitHealthy(url, child, started);
  if (child.pid === undefined) throw new Error(`${name} has no pid`);
  return {
    name,
    url,
    pid: child.pid,
    coldStartMs,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

/**
 * The gateway as deployed: `node <NODE_FLAGS> dist/main.js`, production
 * mode, warn-level logs; `nodeArgs` go before it (the profiler's flags),
 * `env` adds settings (broker mode, metrics, tracing, Redis) and `name`
 * labels the figures.
 */
export function startGateway(
  upstreamUrl: string,
  port: number,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
  name = "gateway",
): Promise<Target> {
  return startTarget(
    name,
    [...nodeArgs, ...NODE_FLAGS, GATEWAY_ENTRY],
    {
      IDP_BASE_URL: upstreamUrl,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      // The bench measures each mint's way through the gateway, not the upstream
      // budget or token reuse (budget-load.ts sets both).
      UPSTREAM_MINT_LIMIT: "0",
      TOKEN_REUSE: "off",
      ...env,
    },
    port,
  );
}

/** The floor: a bare node:http server forwarding with undici.request, no GraphQL. */
export function startFloor(upstreamUrl: string, port: number): Promise<Target> {
  return startTarget("floor", ["--import", "tsx", FLOOR_ENTRY], { UPSTREAM: upstreamUrl }, port);
}
