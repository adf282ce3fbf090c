import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { prismUrl } from "@tokengate/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerSettings, useBrokerFixture } from "./support/broker-upstream.js";
import { callerToken } from "./support/caller-tokens.js";
import { GUID, mint } from "./support/gateway.js";
import { runGateway } from "./support/process.js";

/** What the deploy folder may weigh (file bytes; entries, symlinks included): 17.7 MB in 5,325 when set, with room for patch releases. */
const BUDGET = { bytes: 22 * 1024 * 1024, files: 6_000 };

const DEPLOY_SCRIPT = fileURLToPath(
  new URL("../../../scripts/deploy-gateway.mjs", import.meta.url),
);

let scratch: string;
let folder: string;

/** Every file and symlink under `dir`, with the bytes regular files hold. */
function walk(dir: string, found: { path: string; bytes: number }[] = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, found);
    else found.push({ path, bytes: entry.isFile() ? lstatSync(path).size : 0 });
  }
  return found;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "tokengate-deploy-"));
  const built = join(scratch, "built");
  // The documented command; turbo built the gateway before this suite, so --built.
  const deploy = spawnSync(process.execPath, [DEPLOY_SCRIPT, built, "--built"], {
    encoding: "utf8",
  });
  expect(deploy.status, `${deploy.stdout}\n${deploy.stderr}`).toBe(0);
  // Relocatable: it runs from wherever it is moved, away from the path it was built at.
  mkdirSync(join(scratch, "elsewhere"));
  folder = join(scratch, "elsewhere", "gateway");
  renameSync(built, folder);
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the deploy folder (pnpm deploy:gateway)", () => {
  it("holds only what production loads, within its size budget", () => {
    const files = walk(folder);
    const own = files.map((file) => file.path.slice(folder.length + 1));
    const gatewayOwn = own.filter((path) => !path.startsWith("node_modules/"));
    expect(
      gatewayOwn.every(
        (path) =>
          path === "package.json" || path === "pnpm-lock.yaml" || /^dist\/.*\.js$/.test(path),
      ),
      gatewayOwn.join("\n"),
    ).toBe(true);
    const packages = readdirSync(join(folder, "node_modules", ".pnpm"));
    for (const left of [
      "@graphql-yoga+render-graphiql",
      "@opentelemetry+sdk-node",
      "typescript",
      "vitest",
    ])
      expect(packages.filter((name) => name.startsWith(`${left}@`))).toEqual([]);
    const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
    console.log(`deploy folder: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${files.length} files`);
    expect(bytes).toBeLessThanOrEqual(BUDGET.bytes);
    expect(files.length).toBeLessThanOrEqual(BUDGET.files);
  });

  it("mints in passthrough mode against the Prism mock", async () => {
    const { ready } = runGateway(
      { IDP_BASE_URL: prismUrl(), NODE_ENV: "production" },
      join(folder, "dist", "main.js"),
    );
    const gateway = await ready;
    expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);
    const minted = await mint(gateway, { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] });
    expect(minted.body.data?.createCustomerToken?.accessToken).toEqual(expect.any(String));
    // Production serves no GraphiQL, and the folder does not hold it.
    const page = await fetch(`${gateway.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type") ?? "").not.toContain("text/html");
    gateway.child.kill("SIGTERM");
    expect(await gateway.exit).toBe(0);
  });

  it("refuses tracing settings it cannot honour, naming the deploy option that adds the SDK", () => {
    const started = spawnSync(process.execPath, [join(folder, "dist", "main.js")], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", IDP_BASE_URL: prismUrl(), OTEL_TRACES_EXPORTER: "otlp" },
      timeout: 20_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain("the OpenTelemetry SDK is not installed");
    expect(started.stderr).toContain("--with-tracing");
  });

  const broker = useBrokerFixture();
  it("mints in broker mode with a local JWKS and token endpoint", async () => {
    const { ready } = runGateway(
      {
        ...brokerSettings(broker.upstream.url, `${broker.jwks.url}/jwks.json`),
        NODE_ENV: "production",
      },
      join(folder, "dist", "main.js"),
    );
    const gateway = await ready;
    await gateway.waitFor(/"mode":"broker"/);
    let readiness = await fetch(`${gateway.url}/ready`);
    while (readiness.status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      readiness = await fetch(`${gateway.url}/ready`);
    }
    const token = await callerToken(broker.key, { sub: "user-1", customer_guid: GUID });
    const minted = await mint(
      gateway,
      { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] },
      { authorization: `Bearer ${token}` },
    );
    expect(minted.body.data?.createCustomerToken?.accessToken).toBe(
      broker.upstream.minted().at(-1),
    );
    gateway.child.kill("SIGTERM");
    expect(await gateway.exit).toBe(0);
  });
});
