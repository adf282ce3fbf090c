import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type GatewayCommand, gatewayCommand } from "./gateway-command.js";
import { scopeWireValues } from "./scopes.js";

const FLOOR_ENTRY = fileURLToPath(new URL("./floor-proxy.ts", import.meta.url));
const NAIVE_YOGA_ENTRY = fileURLToPath(new URL("./naive-yoga.ts", import.meta.url));
const YOGA_FLOOR_ENTRY = fileURLToPath(new URL("./yoga-floor.ts", import.meta.url));

export interface Target {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 from /health. */
  coldStartMs: number;
  stop(): Promise<number | null>;
}

async function waitHealthy(
  url: string,
  child: ChildProcess,
  started: number,
  stderr: () => string,
  failedToRun: () => Error | null,
): Promise<number> {
  for (;;) {
    const failure = failedToRun();
    if (failure) throw new Error(`could not be run: ${failure.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      const said = stderr().trim().split("\n").slice(-3).join(" / ");
      throw new Error(
        `exited (${child.exitCode ?? child.signalCode}) before serving${said ? `: ${said}` : ""}`,
      );
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** How to run one target: a program (node unless named), its arguments, its settings. */
export interface TargetCommand {
  program?: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
}

/**
 * Spawns a target that serves `/health` and `/graphql` on `port` and
 * resolves once `/health` answers 200; rejects, quoting the end of its
 * stderr, when it exits first. Its stderr passes through.
 */
export async function startTarget(
  name: string,
  command: TargetCommand,
  port: number,
): Promise<Target> {
  const started = performance.now();
  const child = spawn(command.program ?? process.execPath, command.args, {
    cwd: command.cwd,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port), ...command.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  // A program that cannot be run at all (missing, not executable) is an
  // 'error' event, not an exit: kept as the reason the target did not serve.
  let failedToRun: Error | null = null;
  child.once("error", (error) => {
    failedToRun = error;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    stderr = (stderr + chunk.toString("utf8")).slice(-2_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const coldStartMs = await waitHealthy(
    url,
    child,
    started,
    () => stderr,
    () => failedToRun,
  ).catch((error: Error) => {
    child.kill("SIGKILL");
    throw new Error(`${name} ${error.message}`);
  });
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
 * The gateway as deployed (its package's start command, `node <V8 flags>
 * dist/main.js`), production mode, warn-level logs; `nodeArgs` go before
 * it (the profiler's flags), `env` adds settings (broker mode, metrics,
 * tracing, Redis, token reuse), `name` labels the figures, and `command`
 * is another checkout's build (`--baseline`) instead of this workspace's.
 */
export function startGateway(
  upstreamUrl: string,
  port: number,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
  name = "gateway",
  command: GatewayCommand = gatewayCommand(),
): Promise<Target> {
  return startTarget(
    name,
    {
      args: [...nodeArgs, ...command.args],
      cwd: command.cwd,
      env: {
        IDP_BASE_URL: upstreamUrl,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        // The bench measures each mint's way through the gateway, not the upstream
        // budget or token reuse (the reused-token row and budget-load.ts set them).
        UPSTREAM_MINT_LIMIT: "0",
        TOKEN_REUSE: "off",
        ...env,
      },
    },
    port,
  );
}

/** The floor: a bare node:http server forwarding with undici.request, no GraphQL. */
export function startFloor(upstreamUrl: string, port: number): Promise<Target> {
  return startTarget(
    "floor",
    {
      args: ["--import", "tsx", FLOOR_ENTRY],
      env: { UPSTREAM: upstreamUrl, SCOPES: JSON.stringify(scopeWireValues()) },
    },
    port,
  );
}

/**
 * The least a graphql-yoga server costs for the mutation: the floor's undici
 * request in yoga's one resolver, nothing else; with the gateway's
 * semi-space flag, so that it differs from the gateway only in what runs.
 */
export function startYogaFloor(upstreamUrl: string, port: number): Promise<Target> {
  return startTarget(
    "yoga floor",
    {
      args: ["--max-semi-space-size=8", "--import", "tsx", YOGA_FLOOR_ENTRY],
      env: {
        UPSTREAM: upstreamUrl,
        SCOPES: JSON.stringify(scopeWireValues()),
        NODE_ENV: "production",
      },
    },
    port,
  );
}

/** What a first GraphQL server looks like: graphql-yoga's defaults, an SDL schema, fetch upstream. */
export function startNaiveYoga(upstreamUrl: string, port: number): Promise<Target> {
  return startTarget(
    "naive yoga",
    {
      args: ["--import", "tsx", NAIVE_YOGA_ENTRY],
      env: {
        UPSTREAM: upstreamUrl,
        SCOPES: JSON.stringify(scopeWireValues()),
        NODE_ENV: "production",
      },
    },
    port,
  );
}
