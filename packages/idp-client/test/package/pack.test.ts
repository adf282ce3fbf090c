import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  packedContents,
  run,
  tsBlocks,
  typecheckLikeAConsumer,
} from "@tokengate/testkit/package-checks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = new URL("../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "tokengate-pack-"));
const project = join(work, "consumer");
let tarball = "";

beforeAll(() => {
  // turbo built the package before its tests; prepack would build it again
  // under the feet of the gateway's tests, which load it meanwhile (CI's
  // package step packs with prepack, and publint fails there on an empty tarball).
  run("pnpm", ["pack", "--config.ignore-scripts=true", "--pack-destination", work], packageDir);
  const name = readdirSync(work).find((file) => file.endsWith(".tgz"));
  if (!name) throw new Error("pnpm pack made no tarball");
  tarball = join(work, name);
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", type: "module", private: true }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], project);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the published package", () => {
  it("ships its build, its sources (the source maps point at them), its licence and real versions", () => {
    const { files, manifest } = packedContents(tarball, work);
    expect(files).toEqual(
      expect.arrayContaining([
        "dist/index.js",
        "dist/index.d.ts",
        "dist/index.js.map",
        "src/client.ts",
        "LICENSE",
        "README.md",
      ]),
    );
    expect(files.some((file) => file.startsWith("test/"))).toBe(false);
    expect(manifest).not.toMatch(/"(catalog|workspace):/);
  });

  it("installs from its tarball and works in an outside ESM + TypeScript project", () => {
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
    // Type-checks against the tarball's declarations, then runs the output.
    typecheckLikeAConsumer(project, ["check.ts"], "node", "out");
    const output = JSON.parse(run(process.execPath, ["out/check.js"], project));
    expect(output).toEqual({
      scopes: 47,
      kind: "invalid_request",
      base: "https://id.sandbox.cybrid.app",
    });
  }, 60_000);

  it("compiles the README's examples strictly against the tarball", () => {
    const files = tsBlocks(join(packageDir, "README.md")).map((code, index) => {
      const file = `readme-${index}.ts`;
      // Each block is a module of its own, as a reader would paste it.
      writeFileSync(join(project, file), `${code}\nexport {};\n`);
      return file;
    });
    expect(files.length).toBeGreaterThan(1);
    typecheckLikeAConsumer(project, files, "node");
  }, 60_000);
});
