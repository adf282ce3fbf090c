import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "@tokengate/testkit";
import { describe, expect, it, onTestFinished } from "vitest";
import { EXAMPLE_HEADERS, EXAMPLE_OPERATION } from "../src/graphql/graphiql.js";
import { launchChromium } from "./support/browser.js";

const repositoryRoot = new URL("../../..", import.meta.url).pathname;

/** A browser app's origin, like Vite's `http://localhost:5173` (a free port, so runs do not collide). */
async function serveApp(): Promise<{ origin: string; close(): void }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<!doctype html><title>app</title>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://localhost:${port}`, close: () => server.close() };
}

/** The README's `pnpm dev` from the repository root (through turbo), with `env` added. */
async function startDev(env: Record<string, string>) {
  // turbo's --only: the build it depends on is done (and in use by other suites).
  const { NODE_ENV: _testMode, TURBO_FORCE: _force, ...inherited } = process.env;
  const dev = spawn("pnpm", ["dev", "--only"], {
    cwd: repositoryRoot,
    env: { ...inherited, PORT: "0", PRISM_PORT: String(await freePort("127.0.0.1")), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = dev.pid ?? 0;
  const exit = new Promise<number | string | null>((resolve) =>
    dev.once("exit", (code, signal) => resolve(code ?? signal)),
  );
  onTestFinished(() => {
    if (dev.exitCode === null && dev.signalCode === null) process.kill(-pid, "SIGKILL");
  });
  let output = "";
  for (const stream of [dev.stdout, dev.stderr])
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
  const deadline = Date.now() + 90_000;
  let url: string | undefined;
  while (!url && Date.now() < deadline && dev.exitCode === null) {
    url = output.match(/GraphiQL: (http:\/\/localhost:\d+\/graphql)/)?.[1];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(url, output).toBeDefined();
  return {
    url: url ?? "",
    async stop() {
      process.kill(-pid, "SIGINT");
      return exit;
    },
  };
}

describe("a browser app calling the dev gateway", () => {
  it("mints from the origin CORS_ORIGINS names, and another origin's call is blocked", async () => {
    const app = await serveApp();
    const other = await serveApp();
    onTestFinished(() => {
      app.close();
      other.close();
    });
    const dev = await startDev({ CORS_ORIGINS: app.origin });
    const browser = await launchChromium();
    const page = await browser.newPage();

    // The app's own code: fetch with an Authorization header and JSON, so the browser sends a preflight.
    const callGateway = (url: string) =>
      page.evaluate(
        async ({ url, query, authorization }) => {
          try {
            const response = await fetch(url, {
              method: "POST",
              headers: { "content-type": "application/json", authorization },
              body: JSON.stringify({ query }),
            });
            return { status: response.status, body: await response.json() };
          } catch (error) {
            return { blocked: String(error) };
          }
        },
        { url, query: EXAMPLE_OPERATION, authorization: EXAMPLE_HEADERS.Authorization },
      );

    await page.goto(app.origin);
    const allowed = await callGateway(dev.url);
    expect(allowed).toMatchObject({
      status: 200,
      body: { data: { createCustomerToken: { tokenType: "Bearer" } } },
    });

    await page.goto(other.origin);
    expect(await callGateway(dev.url)).toEqual({
      blocked: expect.stringContaining("Failed to fetch"),
    });

    expect(await dev.stop()).toBe(0);
  }, 150_000);
});
