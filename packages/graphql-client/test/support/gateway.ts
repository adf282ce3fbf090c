import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const GUID = "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4";

/** The built gateway's package folder (`dist/main.js` is its deployable entry). */
const GATEWAY_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@tokengate/gateway")),
  "..",
);

/**
 * The node arguments of the gateway's own `start` script
 * (`node <flags> dist/main.js`), which its tests keep equal to the
 * deployment command in docs/operations.md.
 */
function deployedArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(GATEWAY_DIR, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const [node, ...args] = scripts.start.split(" ");
  if (node !== "node") throw new Error(`unexpected gateway start script: ${scripts.start}`);
  return args;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:41234/graphql`. */
  url: string;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the built gateway as deployed, in development mode, on a free
 * loopback port in front of `upstream` (`env` adds settings), and resolves
 * once it says it is ready.
 */
export function startGateway(
  upstream: string,
  env: Record<string, string> = {},
): Promise<RunningGateway> {
  const child: ChildProcess = spawn(process.execPath, deployedArgs(), {
    cwd: GATEWAY_DIR,
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: "0",
      IDP_BASE_URL: upstream,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`gateway did not start:\n${output}`));
    }, 10_000);
    let ready = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const url = output.match(/"url":"(http:\/\/[^"]+\/graphql)"/)?.[1];
      if (ready || !url) return;
      ready = true;
      clearTimeout(timer);
      resolve({ url, stop });
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`gateway exited before it was ready:\n${output}`));
    });
  });
}
