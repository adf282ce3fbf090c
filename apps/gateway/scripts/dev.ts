/**
 * `pnpm dev`: starts the Prism mock of the spec, waits until it serves, then
 * starts the gateway in watch mode in front of it, so that no mutation can
 * reach the gateway before its upstream is up. Ctrl-C stops everything and
 * exits 0. `PORT` (default 4000) and `PRISM_PORT` (default 4010) move them;
 * every other gateway setting (`CORS_ORIGINS`, `LOG_LEVEL`, …) applies too.
 *
 * `--broker` (`pnpm dev:broker`): broker mode, with a local JWKS server and
 * Prism as the bank's token endpoint; prints a caller token to paste.
 * `--mock` (`pnpm mock`): Prism alone.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { startPrism } from "@tokengate/testkit";
import { EXAMPLE_CUSTOMER_GUID } from "../src/graphql/graphiql.js";
import { startDevBroker } from "./dev-broker.js";
import { startErrorPicker } from "./dev-error-picker.js";

const broker = process.argv.includes("--broker");
const mockOnly = process.argv.includes("--mock");

const prismPort = Number(process.env.PRISM_PORT ?? "4010");
if (!Number.isInteger(prismPort) || prismPort < 1 || prismPort > 65_535) {
  console.error(`PRISM_PORT must be a port number; got ${process.env.PRISM_PORT}`);
  process.exit(1);
}
console.log(`Starting the Prism mock of spec/openapi.yaml on 127.0.0.1:${prismPort}…`);
const mock = await startPrism({ port: prismPort });
if (mockOnly) {
  console.log(`Prism is serving at ${mock.url} (Ctrl-C stops it)`);
  const stopMock = () => void mock.stop().then(() => process.exit(0));
  process.once("SIGINT", stopMock);
  process.once("SIGTERM", stopMock);
} else {
  await startGateway();
}

async function startGateway(): Promise<void> {
  const upstream = await startErrorPicker(mock.url);
  const local = broker ? await startDevBroker(EXAMPLE_CUSTOMER_GUID) : null;
  console.log(`Prism is serving at ${mock.url}; starting the gateway in front of it…`);

  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const gateway = spawn(process.execPath, [tsx, "watch", "--clear-screen=false", "src/main.ts"], {
    env: { ...process.env, ...local?.env, IDP_BASE_URL: upstream.url },
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
    if (!port) return;
    console.log(
      `\nGraphiQL: http://localhost:${port}/graphql (a ready mutation with its header; Ctrl-C stops everything)\n`,
    );
    if (local) {
      console.log(
        `Broker mode. A caller token for customer ${EXAMPLE_CUSTOMER_GUID} (8 hours); in GraphiQL's Headers put\n{"Authorization": "Bearer ${local.callerToken}"}\n`,
      );
    }
  });

  let stopping = false;
  /** Stops the gateway, then the local servers and Prism; exits with `code` (0 after Ctrl-C). */
  async function stop(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    if (gateway.exitCode === null && gateway.signalCode === null) {
      const exited = new Promise((resolve) => gateway.once("exit", resolve));
      gateway.kill("SIGINT");
      await exited;
    }
    await Promise.all([upstream.close(), local?.jwks.close()]);
    await mock.stop();
    process.exit(code);
  }
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  // The watcher ends by itself only when something is wrong.
  gateway.once("exit", (code) => void stop(code || 1));
}
