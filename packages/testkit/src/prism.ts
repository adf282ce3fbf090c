import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";

/** tokengate's one spec, from this package's place in the repository. */
export const SPEC_PATH = fileURLToPath(new URL("../../../spec/openapi.yaml", import.meta.url));

export interface PrismOptions {
  /** The OpenAPI document to mock. Default: tokengate's `spec/openapi.yaml`. */
  spec?: string;
  /** Loopback address to bind. Default `127.0.0.1`. */
  host?: string;
  /** Port to bind; default a free one chosen by the OS. */
  port?: number;
  /** How long to wait for Prism to answer. Default 30 s. */
  startTimeoutMs?: number;
  /** Also receives Prism's own log lines (the last 50 are kept to explain a failed start). */
  onLog?: (line: string) => void;
}

export interface PrismMock {
  /** Base URL of the running mock, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** PID of the Prism process. */
  pid: number;
  /** Stops Prism and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

function prismEntry(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = require(packageJson) as { bin: { prism: string } };
  return join(dirname(packageJson), bin.prism);
}

const running = new Set<ChildProcess>();
// A test run that crashes must not leave Prism behind.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** How long `stop()` waits after SIGTERM before it sends SIGKILL. */
const KILL_AFTER_MS = 5_000;

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
  await exit;
  clearTimeout(timer);
}

/**
 * Ready means: our child is alive and the port answers like Prism (its
 * "no path matched" problem document), not like some other server that
 * won a race for the port.
 */
async function waitUntilServing(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/__tokengate_readiness__`, {
        signal: AbortSignal.timeout(1_000),
      });
      if ((await response.text()).includes("NO_PATH_MATCHED") && child.exitCode === null) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("Prism did not answer in time");
}

function launch(entry: string, options: PrismOptions, host: string, port: number) {
  const args = [entry, "mock", options.spec ?? SPEC_PATH, "--host", host, "--port", String(port)];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const log: string[] = [];
  // Kept even when a caller takes the lines: a taken port shows up here.
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line) continue;
      options.onLog?.(line);
      if (log.push(line) > 50) log.shift();
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return { child, log };
}

/**
 * Starts `prism mock` on a free loopback port and resolves once it serves.
 * Several can run at once (turbo runs packages' tests in parallel); if
 * another process takes the port first, it tries again on a new one.
 */
export async function startPrism(options: PrismOptions = {}): Promise<PrismMock> {
  const host = options.host ?? "127.0.0.1";
  const attempts = options.port === undefined ? 3 : 1;
  const entry = prismEntry();
  let failure = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = options.port ?? (await freePort(host));
    const url = `http://${host}:${port}`;
    const { child, log } = launch(entry, options, host, port);
    try {
      await waitUntilServing(url, child, Date.now() + (options.startTimeoutMs ?? 30_000));
      if (child.pid === undefined) throw new Error("Prism did not start");
      return { url, pid: child.pid, stop: () => stopChild(child) };
    } catch (error) {
      await stopChild(child);
      const portTaken = log.some((line) => line.includes("EADDRINUSE"));
      failure = `${(error as Error).message} (${url})${log.length ? `\n${log.join("\n")}` : ""}`;
      if (!portTaken) break;
    }
  }
  throw new Error(failure);
}
