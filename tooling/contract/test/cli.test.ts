import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";

const run = promisify(execFile);
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

const SCOPES = ["customers:read", "plans:read"];
const specWith = (scopes: string[], extra: Record<string, unknown> = {}) =>
  stringify({
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/api/customer_tokens": {
        post: {
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { scopes: { type: "array", items: { enum: scopes } }, ...extra },
                },
              },
            },
          },
          responses: { "201": { description: "created" } },
        },
      },
    },
  });
const sdlWith = (values: string[], extra = "") =>
  `enum Scope { ${values.join(" ")} }\ninput MintInput { scopes: [Scope!]! ${extra} }\ntype Query { mint(input: MintInput!): String }\n`;

let repo: string;

async function git(...args: string[]) {
  await run("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo });
}

async function commitContract(spec: string, sdl: string) {
  await writeFile(join(repo, "spec/openapi.yaml"), spec);
  await writeFile(join(repo, "apps/gateway/schema.graphql"), sdl);
  await git("add", "-A");
  await git("commit", "-qm", "contract");
}

/** Runs the CLI in the scratch repository, as `pnpm contract:diff` would. */
async function contractDiff(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [tsx, cli, ...args], { cwd: repo });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), "contract-diff-"));
  await mkdir(join(repo, "spec"));
  await mkdir(dirname(join(repo, "apps/gateway/schema.graphql")), { recursive: true });
  await git("init", "-q");
  await commitContract(specWith(SCOPES), sdlWith(["CUSTOMERS_READ", "PLANS_READ"]));
});
afterAll(() => rm(repo, { recursive: true, force: true }));

describe("pnpm contract:diff", () => {
  it("exits 1 for a removed scope and names it in the spec and in the GraphQL enum", async () => {
    await commitContract(specWith(["customers:read"]), sdlWith(["CUSTOMERS_READ"]));
    const { code, out } = await contractDiff("--base", "HEAD~1");
    expect(code).toBe(1);
    expect(out).toMatch(/BREAKING .*no longer accepts "plans:read"/);
    expect(out).toMatch(/BREAKING .*Enum value 'PLANS_READ' was removed from enum 'Scope'/);
  });

  it("exits 0 with --changelog when the Unreleased section records every breaking change", async () => {
    const changelog =
      "# Changelog\n\n## Unreleased\n\n- Removed `plans:read` (`Scope.PLANS_READ`).\n";
    await writeFile(join(repo, "CHANGELOG.md"), changelog);
    expect((await contractDiff("--base", "HEAD~1", "--changelog", "CHANGELOG.md")).code).toBe(0);
    await writeFile(join(repo, "CHANGELOG.md"), "# Changelog\n\n## Unreleased\n\n- `plans:read`\n");
    const { code, out } = await contractDiff("--base", "HEAD~1", "--changelog", "CHANGELOG.md");
    expect(code).toBe(1);
    expect(out).toMatch(/- `Scope.PLANS_READ`/);
  });

  it("exits 0 for an added optional field, reporting it as safe", async () => {
    await commitContract(
      specWith(["customers:read"], { label: { type: "string" } }),
      sdlWith(["CUSTOMERS_READ"], "label: String"),
    );
    const { code, out } = await contractDiff("--base", "HEAD~1");
    expect(code).toBe(0);
    expect(out).toMatch(/SAFE .*request body label added/);
    expect(out).toMatch(/SAFE .*MintInput.label/);
  });

  it("exits 1 for a trusted document removed from the typed client's manifest, naming it", async () => {
    const manifest = join(repo, "packages/graphql-client/persisted-documents.json");
    await mkdir(dirname(manifest), { recursive: true });
    const mint = "mutation MintCustomerToken { mint }";
    await writeFile(manifest, JSON.stringify({ a1: mint, b2: "query ListBankApplications { x }" }));
    await git("add", "-A");
    await git("commit", "-qm", "manifest");
    await writeFile(manifest, JSON.stringify({ a1: mint }));
    await git("add", "-A");
    await git("commit", "-qm", "a document removed");
    const { code, out } = await contractDiff("--base", "HEAD~1");
    expect(code).toBe(1);
    expect(out).toMatch(
      /BREAKING .*Trusted document ListBankApplications .* was removed.*\[`b2`\]/,
    );
  });

  it("exits 2 for a base that is not a commit", async () => {
    const { code, out } = await contractDiff("--base", "no-such-ref");
    expect(code).toBe(2);
    expect(out).toMatch(/--base no-such-ref is not a commit/);
  });
});
