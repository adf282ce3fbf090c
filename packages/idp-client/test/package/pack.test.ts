import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = new URL("../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "tokengate-pack-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("the published package", () => {
  it("installs from its tarball and works in an outside ESM + TypeScript project", () => {
    run("pnpm", ["pack", "--pack-destination", work], packageDir);
    const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
    expect(tarball).toBeDefined();

    const project = join(work, "consumer");
    run("mkdir", ["-p", project], work);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "consumer", type: "module", private: true }),
    );
    run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", join(work, tarball ?? "")],
      project,
    );

    writeFileSync(
      join(project, "check.ts"),
      [
        'import { createIdpClient, CUSTOMER_TOKEN_SCOPES, type CreateCustomerTokenRequest } from "@tokengate/idp-client";',
        'const body: CreateCustomerTokenRequest = { customer_guid: "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4", scopes: ["customers:read"] };',
        'const idp = createIdpClient({ baseUrl: "sandbox" });',
        "const result = await idp.createCustomerToken({ ...body, scopes: [] });",
        "console.log(JSON.stringify({ scopes: CUSTOMER_TOKEN_SCOPES.length, kind: result.error?.kind, base: idp.baseUrl }));",
      ].join("\n"),
    );
    const tsc = join(packageDir, "node_modules/.bin/tsc");
    // Type-checks against the tarball's declarations, then runs the output.
    run(
      tsc,
      [
        "--strict",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "--types",
        "node",
        "--typeRoots",
        join(packageDir, "node_modules/@types"),
        "--outDir",
        "out",
        "check.ts",
      ],
      project,
    );
    const output = JSON.parse(run(process.execPath, ["out/check.js"], project));
    expect(output).toEqual({
      scopes: 47,
      kind: "invalid_request",
      base: "https://id.sandbox.cybrid.app",
    });
  }, 120_000);
});
