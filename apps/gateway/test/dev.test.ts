import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { freePort } from "@tokengate/testkit";
import { describe, expect, it, onTestFinished } from "vitest";
import { guidForStatus } from "../scripts/dev-error-picker.js";
import {
  EXAMPLE_CUSTOMER_GUID,
  EXAMPLE_HEADERS,
  EXAMPLE_OPERATION,
} from "../src/graphql/graphiql.js";

const gatewayDir = new URL("..", import.meta.url).pathname;

describe("pnpm dev, as a newcomer runs it", () => {
  it("starts Prism, then the gateway, mints with GraphiQL's example, and Ctrl-C exits 0 quietly", async () => {
    const prismPort = await freePort("127.0.0.1");
    const { NODE_ENV: _testMode, ...env } = process.env;
    // Its own process group, like a terminal's foreground job, so Ctrl-C can reach all of it.
    const dev = spawn("pnpm", ["run", "dev"], {
      cwd: gatewayDir,
      env: { ...env, PORT: "0", PRISM_PORT: String(prismPort) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const pid = dev.pid ?? 0;
    onTestFinished(() => {
      if (dev.exitCode === null && dev.signalCode === null) process.kill(-pid, "SIGKILL");
    });
    let output = "";
    dev.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    dev.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    const exit = new Promise<number | string | null>((resolve) =>
      dev.once("exit", (code, signal) => resolve(code ?? signal)),
    );

    const deadline = Date.now() + 90_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline && dev.exitCode === null) {
      url = output.match(/GraphiQL: (http:\/\/localhost:\d+\/graphql)/)?.[1];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(url, output).toBeDefined();
    // The gateway is started only once Prism serves.
    expect(output.indexOf("Prism is serving")).toBeLessThan(
      output.indexOf("tokengate gateway ready"),
    );

    const minted = await fetch(url ?? "", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: EXAMPLE_HEADERS.Authorization },
      body: JSON.stringify({ query: EXAMPLE_OPERATION }),
    }).then((response) => response.json() as Promise<{ data?: { createCustomerToken?: unknown } }>);
    expect(minted.data?.createCustomerToken).toMatchObject({ tokenType: "Bearer" });

    // A customer GUID of zeros ending in a status reaches that documented upstream answer.
    const codes: Record<string, unknown> = {};
    for (const status of [401, 403, 422]) {
      const refused = await fetch(url ?? "", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: EXAMPLE_HEADERS.Authorization,
        },
        body: JSON.stringify({
          query: EXAMPLE_OPERATION.replace(EXAMPLE_CUSTOMER_GUID, guidForStatus(status)),
        }),
      }).then(
        (response) => response.json() as Promise<{ errors?: { extensions?: { code?: string } }[] }>,
      );
      codes[status] = refused.errors?.[0]?.extensions?.code;
    }
    expect(codes).toEqual({
      401: "UNAUTHENTICATED",
      403: "FORBIDDEN",
      422: "CUSTOMER_NOT_FOUND",
    });

    process.kill(-pid, "SIGINT");
    expect(await exit).toBe(0);
    expect(output).not.toMatch(/ELIFECYCLE|Force killing|Error/);
    // Prism went with it.
    await expect(fetch(`http://127.0.0.1:${prismPort}/`)).rejects.toThrow();
  }, 150_000);

  it("runs the root script through exec, so pnpm's shell cannot turn Ctrl-C into ELIFECYCLE", () => {
    const root = JSON.parse(
      readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
    );
    const own = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(root.scripts.dev).toBe("exec turbo run dev");
    expect(own.scripts.dev).toMatch(/^exec node /);
  });
});
