import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { LIMITS } from "./limits.js";
import type { Parsed } from "./parsed.js";

/** The "others may read" permission bit. */
const WORLD_READABLE = 0o004;

const couldNotRead = (name: string, error: unknown): Parsed<string> => ({
  problem: `${name} could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
});

/**
 * The secret in the file at `path`, without the newlines that end the file
 * (editors and `echo` add them; none belongs to the secret). The file is
 * opened without blocking and must be a regular file: a FIFO or a device
 * would hang start-up or never end. A file every user of the machine may
 * read is accepted with a warning naming the setting and the mode, never
 * the path's contents (docs/security.md says why it is not refused).
 */
export function readSecretFile(path: string, name: string): Parsed<string> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return couldNotRead(name, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: `${name} must name a regular file` };
    const value = readFileSync(fd, "utf8").replace(/[\r\n]+$/, "");
    if ((stat.mode & WORLD_READABLE) === 0) return { value };
    const mode = (stat.mode & 0o777).toString(8).padStart(4, "0");
    return {
      value,
      warning: `${name} names a file every user of this machine can read (mode ${mode}); make it readable by the gateway's user only (0400 or 0440)`,
    };
  } catch (error) {
    return couldNotRead(name, error);
  } finally {
    closeSync(fd);
  }
}

/**
 * The client secret's own rule, at start and on every rotation: a secret
 * this short cannot be told from ordinary words, so logs could not be
 * scrubbed of it.
 */
export function clientSecretProblem(secret: string): string | null {
  const shortest = LIMITS.SHORTEST_SECRET.value;
  return secret.length < shortest
    ? `the client secret must be at least ${shortest} characters long`
    : null;
}

/** `IDP_CLIENT_SECRET_FILE` read again (a rotation): the file, then the client secret's rule. */
export function readClientSecretFile(path: string, name: string): Parsed<string> {
  const parsed = readSecretFile(path, name);
  if ("problem" in parsed) return parsed;
  const problem = clientSecretProblem(parsed.value);
  return problem ? { problem: `${name}: ${problem}` } : parsed;
}
