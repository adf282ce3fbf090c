/**
 * `pnpm dev`: starts the Prism mock of the spec, waits until it serves, then
 * starts the gateway in watch mode in front of it, so that no mutation can
 * reach the gateway before its upstream is up. Ctrl-C stops both and exits 0.
 * `PORT` (default 4000) and `PRISM_PORT` (default 4010) move them.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { startPrism } from "@tokengate/testkit";

const prismPort = Number(process.env.PRISM_PORT ?? "4010");
if (!Number.isInteger(prismPort) || prismPort < 1 || prismPort > 65_535) {
  console.error(`PRISM_PORT must be a port number; got ${process.env.PRISM_PORT}`);
  process.exit(1);
}
console.log(`Starting the Prism mock of spec/openapi.yaml on 127.0.0.1:${prismPort}…`);
const mock = await startPrism({ port: prismPort });
console.log(`Prism is serving at ${mock.url}; starting the gateway in front of it…`);

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const gateway = spawn(process.execPath, [tsx, "watch", "--clear-screen=false", "src/main.ts"], {
  env: { ...process.env, IDP_BASE_URL: mock.url },
  stdio: ["ignore", "pipe", "inherit"],
  // Its own process group: Ctrl-C reaches it once, from here, and not also
  // from the terminal (tsx takes a second signal as "force kill").
  detached: true,
});
process.once("exit", () => {
  if (gateway.exitCode === null) gateway.kill("SIGKILL");
});
gateway.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  const port = chunk.toString("utf8").match(/"url":"http:\/\/[^:]+:(\d+)\/graphql"/)?.[1];
  if (port) {
    console.log(
      `\nGraphiQL: http://localhost:${port}/graphql (a ready mutation with its header; Ctrl-C stops everything)\n`,
    );
  }
});

let stopping = false;
/** Stops the gateway, then Prism; exits with `code` (0 after Ctrl-C). */
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (gateway.exitCode === null && gateway.signalCode === null) {
    const exited = new Promise((resolve) => gateway.once("exit", resolve));
    gateway.kill("SIGINT");
    await exited;
  }
  await mock.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
// The watcher ends by itself only when something is wrong.
gateway.once("exit", (code) => void stop(code || 1));
