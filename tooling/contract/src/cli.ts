/**
 * `pnpm contract:diff --base <git ref> [--changelog CHANGELOG.md]` (paths
 * from the repository root): compares
 * the spec and the printed SDL with the same files at the base and prints
 * each change as breaking, dangerous or safe. Exits 1 when a change is
 * breaking (with `--changelog`: when a breaking change is not recorded in
 * its `## Unreleased` section), 2 when it cannot compare.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { recordedKeys } from "./diff/changelog.js";
import { compareContract } from "./diff/compare.js";
import { repositoryRoot, resolveCommit } from "./diff/git.js";
import { report } from "./diff/report.js";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { base: { type: "string" }, changelog: { type: "string" } },
    strict: true,
  });
  if (!values.base) {
    console.error("usage: pnpm contract:diff --base <git ref> [--changelog CHANGELOG.md]");
    return 2;
  }
  // pnpm runs this from the package directory: paths are the repository root's.
  const root = await repositoryRoot(process.cwd());
  const commit = await resolveCommit(values.base, root);
  const { changes, newFiles } = await compareContract(root, commit);
  const recorded = values.changelog
    ? recordedKeys(await readFile(join(root, values.changelog), "utf8"))
    : null;
  const { text, unrecorded } = report(
    changes,
    newFiles,
    `${values.base} (${commit.slice(0, 12)})`,
    recorded,
  );
  console.log(text);
  return unrecorded.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`contract:diff: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
