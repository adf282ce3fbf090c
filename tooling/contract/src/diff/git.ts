import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The commit a ref names, or an error that says the ref is unknown. */
export async function resolveCommit(ref: string, cwd: string): Promise<string> {
  try {
    const { stdout } = await run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
      cwd,
    });
    return stdout.trim();
  } catch {
    throw new Error(`--base ${ref} is not a commit of this repository`);
  }
}

/** A file's text at a commit, or `null` when it did not exist there. */
export async function readAtCommit(
  commit: string,
  path: string,
  cwd: string,
): Promise<string | null> {
  try {
    const { stdout } = await run("git", ["show", `${commit}:${path}`], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch {
    return null;
  }
}

/** The repository's top directory. */
export async function repositoryRoot(cwd: string): Promise<string> {
  const { stdout } = await run("git", ["rev-parse", "--show-toplevel"], { cwd });
  return stdout.trim();
}
