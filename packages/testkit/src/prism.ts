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
  /** Receives Prism's own log lines (default: kept only to explain a failed start). */
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

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  deadline: number,
): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited with code ${child.exitCode}`);
    try {
      // Any HTTP answer (Prism says 404/405 for this) means it is serving.
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("Prism did not answer in time");
}

/**
 * Starts `prism mock` on a free loopback port and resolves once it answers
 * HTTP. Several can run at once (turbo runs packages' tests in parallel).
 */
export async function startPrism(options: PrismOptions = {}): Promise<PrismMock> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort(host));
  const url = `http://${host}:${port}`;
  const args = [
    prismEntry(),
    "mock",
    options.spec ?? SPEC_PATH,
    "--host",
    host,
    "--port",
    String(port),
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));

  const log: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line) continue;
      if (options.onLog) options.onLog(line);
      else if (log.push(line) > 50) log.shift();
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited(child);
  };

  try {
    await waitUntilAnswering(url, child, Date.now() + (options.startTimeoutMs ?? 30_000));
  } catch (error) {
    await stop();
    const detail = log.length ? `\n${log.join("\n")}` : "";
    throw new Error(`${(error as Error).message} (${url})${detail}`);
  }
  if (child.pid === undefined) throw new Error("Prism did not start");
  return { url, pid: child.pid, stop };
}
