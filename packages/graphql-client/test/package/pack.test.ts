import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  packedContents,
  run,
  tsBlocks,
  typecheckLikeAConsumer,
} from "@tokengate/testkit/package-checks";
import { prismUrl } from "@tokengate/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGateway, startGateway } from "../support/gateway.js";

const packageDir = new URL("../..", import.meta.url).pathname;
const repoDir = new URL("../../../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "tokengate-graphql-client-"));
const project = join(work, "consumer");

let gateway: RunningGateway;
let tarball = "";
/** What an app's install of the tarball alone brings (before its development dependencies). */
let runtimePackages: string[] = [];
beforeAll(async () => {
  // turbo built the package before its tests; prepack would build it again
  // under the feet of the test files that read it (CI's package step packs
  // with prepack, and publint fails there on an empty tarball).
  run("pnpm", ["pack", "--config.ignore-scripts=true", "--pack-destination", work], packageDir);
  const name = readdirSync(work).find((file) => file.endsWith(".tgz"));
  if (!name) throw new Error("pnpm pack made no tarball");
  tarball = join(work, name);
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", type: "module", private: true }),
  );
  // pnpm's store already holds the dependencies the workspace installed.
  run("pnpm", ["add", "--prefer-offline", "--ignore-workspace", tarball], project);
  runtimePackages = readdirSync(join(project, "node_modules", ".pnpm"));
  // gql.tada is for types only: a TypeScript app adds it as a development dependency.
  const { peerDependencies } = JSON.parse(
    readFileSync(
      join(project, "node_modules", "@tokengate", "graphql-client", "package.json"),
      "utf8",
    ),
  ) as { peerDependencies: Record<string, string> };
  run(
    "pnpm",
    [
      "add",
      "--prefer-offline",
      "--ignore-workspace",
      "-D",
      `gql.tada@${peerDependencies["gql.tada"]}`,
    ],
    project,
  );
  gateway = await startGateway(prismUrl());
}, 180_000);
afterAll(async () => {
  await gateway?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("the published @tokengate/graphql-client", () => {
  it("ships its build, its sources (the source maps point at them), its manifest, its licence and real versions", () => {
    const { files, manifest } = packedContents(tarball, work);
    expect(files).toEqual(
      expect.arrayContaining([
        "dist/index.js",
        "dist/index.d.ts",
        "dist/index.js.map",
        "src/client.ts",
        // The trusted-documents manifest, for a gateway that serves this client's ids.
        "persisted-documents.json",
        "LICENSE",
        "README.md",
      ]),
    );
    expect(files.some((file) => file.startsWith("test/"))).toBe(false);
    expect(manifest).not.toMatch(/"(catalog|workspace):/);
  });

  it("brings only @0no-co/graphql.web at run time: gql.tada and TypeScript stay out", () => {
    const installed = runtimePackages.filter((name) => name.includes("@")).sort();
    expect(installed).toEqual([
      expect.stringMatching(/^@0no-co\+graphql\.web@/),
      expect.stringMatching(/^@tokengate\+graphql-client@/),
    ]);
  });

  it("type-checks strictly in outside Node and browser projects and mints through the built gateway", () => {
    const consumer = new URL("./consumer/", import.meta.url).pathname;
    copyFileSync(join(consumer, "check.ts"), join(project, "check.ts"));
    copyFileSync(join(consumer, "browser.ts"), join(project, "browser.ts"));
    typecheckLikeAConsumer(project, ["check.ts"], "node", "out");
    typecheckLikeAConsumer(project, ["browser.ts"], "browser");

    const output = JSON.parse(run(process.execPath, ["out/check.js", gateway.url], project));
    expect(output).toEqual({
      jwtParts: 3,
      expiresAt: "2030-01-01T00:00:00.000Z",
      granted: ["CUSTOMERS_READ", "ACCOUNTS_READ"],
      wireScope: "customers:read",
      refusal: { code: "UNAUTHENTICATED", kind: "auth" },
    });
  }, 120_000);

  it.each([
    ["the package README", join(packageDir, "README.md")],
    ["the repository README's Try it", join(repoDir, "README.md")],
  ])(
    "compiles the examples of %s strictly against the tarball",
    (name, readme) => {
      const blocks = tsBlocks(readme);
      expect(blocks.length, `${name} has no ts example`).toBeGreaterThan(0);
      const files = blocks.map((code, index) => {
        const file = `readme-${name.replace(/\W+/g, "-")}-${index}.ts`;
        // Each block is a module of its own, as a reader would paste it.
        writeFileSync(join(project, file), `${code}\nexport {};\n`);
        return file;
      });
      typecheckLikeAConsumer(project, files, "node");
    },
    60_000,
  );
});
