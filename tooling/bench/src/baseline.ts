import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GatewayCommand, gatewayCommand } from "./gateway-command.js";

/** Another commit's gateway, built in a worktree of its own, to compare with in the same run. */
export interface Baseline {
  /** The ref as given, e.g. `main` or `c41f024`, with its commit. */
  label: string;
  command: GatewayCommand;
  /** Removes the worktree. */
  remove(): void;
}

const HERE = fileURLToPath(new URL(".", import.meta.url));

function run(program: string, args: string[], cwd: string): string {
  // Progress goes to stderr: stdout is the bench's report.
  return execFileSync(program, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", 2] });
}

/**
 * Checks `ref` out into a temporary git worktree, installs it from its own
 * lockfile (from the store when it can) and builds its gateway with the
 * workspace's own task (`turbo run build` for the gateway and what it
 * depends on): the baseline row then starts that build by its package's own
 * start command, as the current gateway is. A difference between the two
 * rows is the commits between them, not a difference of set-up.
 */
export function prepareBaseline(ref: string): Baseline {
  const root = run("git", ["rev-parse", "--show-toplevel"], HERE).trim();
  const commit = run("git", ["rev-parse", "--short", `${ref}^{commit}`], root).trim();
  const dir = mkdtempSync(join(tmpdir(), "tokengate-baseline-"));
  const remove = () => {
    try {
      run("git", ["worktree", "remove", "--force", dir], root);
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run("git", ["worktree", "add", "--detach", dir, commit], root);
    console.error(`bench: building the baseline ${ref} (${commit}) in ${dir}`);
    run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], dir);
    run("pnpm", ["exec", "turbo", "run", "build", "--filter=@tokengate/gateway..."], dir);
    return {
      label: ref === commit ? commit : `${ref} (${commit})`,
      command: gatewayCommand(join(dir, "apps/gateway/package.json")),
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}
