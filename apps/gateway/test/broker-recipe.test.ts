import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@tokengate/testkit";
import { codeBlocks, section } from "@tokengate/testkit/package-checks";
import { prismUrl } from "@tokengate/testkit/vitest";
import { describe, expect, it, onTestFinished } from "vitest";
import { runGateway } from "./support/process.js";

const page = fileURLToPath(new URL("../../../docs/broker-mode.md", import.meta.url));
const RECIPE_IDENTITY = "127.0.0.1:4020";

/** The docs' stand-in identity provider (`demo-identity`), on a free port. */
async function startDemoIdentity(): Promise<string> {
  const port = await freePort("127.0.0.1");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo-identity.ts"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { PATH: process.env.PATH ?? "", DEMO_IDENTITY_PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  onTestFinished(() => {
    child.kill("SIGTERM");
  });
  await new Promise<void>((resolve) =>
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString("utf8").includes("demo identity provider")) resolve();
    }),
  );
  return `127.0.0.1:${port}`;
}

describe("the broker-mode recipe", () => {
  it("mints for the caller's own customer and refuses another, as the docs' commands are written", async () => {
    const [identityCommand, gatewayCommand = "", mints = ""] = codeBlocks(
      section(page, "Try it on one machine"),
      "sh",
    );
    expect(identityCommand?.trim()).toBe("pnpm --filter @tokengate/gateway demo-identity");
    const identity = await startDemoIdentity();
    const env = Object.fromEntries(
      [...gatewayCommand.matchAll(/\b([A-Z][A-Z_]+)=(\S+)/g)].map(([, name = "", value = ""]) => [
        name,
        value.replaceAll(RECIPE_IDENTITY, identity),
      ]),
    );
    expect(Object.keys(env)).toContain("AUTH_JWKS_URL");
    const gateway = await runGateway({ ...env, IDP_BASE_URL: prismUrl() }).ready;

    const answers = mints
      .split(/\n(?=curl )/)
      .map((command) =>
        command
          .replaceAll("http://localhost:4000", gateway.url)
          .replaceAll(RECIPE_IDENTITY, identity),
      )
      .map((command) => JSON.parse(execFileSync("bash", ["-c", command], { encoding: "utf8" })));
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatchObject({
      data: { createCustomerToken: { scopes: ["CUSTOMERS_READ"] } },
    });
    expect(answers[0].data.createCustomerToken.accessToken.split(".")).toHaveLength(3);
    expect(answers[1]).toMatchObject({
      data: null,
      errors: [{ extensions: { code: "FORBIDDEN", reason: "customer_mismatch" } }],
    });
  }, 60_000);
});
