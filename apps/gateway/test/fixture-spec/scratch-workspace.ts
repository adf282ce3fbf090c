import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const repo = fileURLToPath(new URL("../../../../", import.meta.url));

/** What a fresh clone holds of the clients and the gateway: sources, scripts, configs; nothing generated or built. */
const COPIED = {
  "packages/idp-client": ["package.json", "tsconfig.json", "tsconfig.build.json", "scripts", "src"],
  "apps/gateway": [
    "package.json",
    "tsconfig.json",
    "tsconfig.build.json",
    "scripts",
    "src",
    "test/support",
  ],
  "packages/graphql-client": [
    "package.json",
    "tsconfig.json",
    "tsconfig.build.json",
    "scripts",
    "src",
  ],
} as const;
const GENERATED = [
  "packages/idp-client/src/generated",
  "apps/gateway/src/generated",
  "packages/graphql-client/src/generated",
];

export interface ScratchWorkspace {
  root: string;
  /** Runs a package script (`generate`, `build`) in one of the copied packages, as `pnpm <script>` does. */
  runScript(pkg: keyof typeof COPIED, script: string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A scratch copy of the repository's clients and gateway with `spec` in
 * place of `spec/openapi.yaml` and their generated files deleted: the same
 * code a contributor would have after editing the spec, before
 * `pnpm generate`. Dependencies are the repository's own (linked, not
 * installed), except that the gateway's `@tokengate/idp-client` is the
 * scratch client, so the gateway is built against the fixture's client.
 */
export async function scratchWorkspace(spec: string): Promise<ScratchWorkspace> {
  const root = await mkdtemp(join(tmpdir(), "tokengate-fixture-"));
  await mkdir(join(root, "spec"));
  await cp(spec, join(root, "spec/openapi.yaml"));
  await cp(join(repo, "tsconfig.base.json"), join(root, "tsconfig.base.json"));
  for (const [pkg, entries] of Object.entries(COPIED)) {
    for (const entry of entries) {
      await cp(join(repo, pkg, entry), join(root, pkg, entry), { recursive: true });
    }
  }
  for (const dir of GENERATED) {
    await rm(join(root, dir), { recursive: true, force: true });
    await mkdir(join(root, dir));
  }
  for (const pkg of ["packages/idp-client", "packages/graphql-client"]) {
    await symlink(join(repo, pkg, "node_modules"), join(root, pkg, "node_modules"));
  }
  const gatewayModules = join(repo, "apps/gateway/node_modules");
  await mkdir(join(root, "apps/gateway/node_modules/@tokengate"), { recursive: true });
  for (const entry of await readdir(gatewayModules)) {
    if (entry === "@tokengate") continue;
    await symlink(join(gatewayModules, entry), join(root, "apps/gateway/node_modules", entry));
  }
  for (const entry of await readdir(join(gatewayModules, "@tokengate"))) {
    const target =
      entry === "idp-client"
        ? join(root, "packages/idp-client")
        : join(gatewayModules, "@tokengate", entry);
    await symlink(target, join(root, "apps/gateway/node_modules/@tokengate", entry));
  }
  return {
    root,
    async runScript(pkg, script) {
      try {
        await run("pnpm", ["run", "--silent", script], {
          cwd: join(root, pkg),
          env: { ...process.env, CI: "true" },
        });
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        throw new Error(`pnpm ${script} in ${pkg} failed:\n${stdout ?? ""}${stderr ?? ""}`);
      }
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
