import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, onTestFinished } from "vitest";
import { NODE_FLAGS } from "../../src/core/node-flags.js";

/** The built entry in this checkout. */
const BUILT_ENTRY = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/** The node arguments the gateway is deployed with: its V8 flags, then the built entry. */
export const GATEWAY_ARGS = [...NODE_FLAGS, BUILT_ENTRY];

export interface GatewayProcess {
  child: ChildProcess;
  /** Base URL once the gateway logged that it is ready. */
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves once the output matches `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Resolves with the exit code (or signal) once the process ends. */
  exit: Promise<number | NodeJS.Signals | null>;
}

const running = new Set<() => void>();
afterAll(() => {
  for (const kill of running) kill();
  running.clear();
});

/**
 * Runs the built gateway exactly as deployed: `node <NODE_FLAGS> dist/main.js`
 * (this checkout's, or `entry`, e.g. a deploy folder's), configured by env;
 * killed when the test ends.
 */
export function runGateway(
  env: Record<string, string>,
  entry = BUILT_ENTRY,
): {
  ready: Promise<GatewayProcess>;
  child: ChildProcess;
  output(): string;
} {
  const child = spawn(process.execPath, [...NODE_FLAGS, entry], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // A test that fails before it stops its gateway must not leave it running:
  // killed when the test ends, or (started from a hook) when the file's tests end.
  const killIfRunning = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  running.add(killIfRunning);
  try {
    onTestFinished(killIfRunning);
  } catch {
    // Not inside a test: the afterAll below ends it.
  }
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal)),
  );
  const output = () => text;
  const waitFor = async (pattern: RegExp) => {
    while (!pattern.test(text)) {
      if (child.exitCode !== null) throw new Error(`gateway exited before printing ${pattern}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const ready = new Promise<GatewayProcess>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${text}`)), 10_000);
    const onData = () => {
      const match = text.match(/"url":"(http:\/\/[^"]+)\/graphql"/);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve({ child, url: match[1], output, exit, waitFor });
    };
    child.stdout?.on("data", onData);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code}) before it was ready:\n${text}`));
    });
  });
  ready.catch(() => undefined);
  return { ready, child, output };
}
