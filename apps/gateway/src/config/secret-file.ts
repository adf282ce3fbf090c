import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { SHORTEST_SECRET } from "../secrets.js";
import type { Parsed } from "./parsers.js";

const couldNotRead = (name: string, error: unknown): Parsed<string> => ({
  problem: `${name} could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
});

/**
 * The secret in the file at `path`, without the newlines that end the file
 * (editors and `echo` add them; none belongs to the secret). The file is
 * opened without blocking and must be a regular file: a FIFO or a device
 * would hang start-up or never end.
 */
export function readSecretFile(path: string, name: string): Parsed<string> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return couldNotRead(name, error);
  }
  try {
    if (!fstatSync(fd).isFile()) return { problem: `${name} must name a regular file` };
    return { value: readFileSync(fd, "utf8").replace(/[\r\n]+$/, "") };
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
  return secret.length < SHORTEST_SECRET
    ? `the client secret must be at least ${SHORTEST_SECRET} characters long`
    : null;
}

/** `IDP_CLIENT_SECRET_FILE` read again (a rotation): the file, then the client secret's rule. */
export function readClientSecretFile(path: string, name: string): Parsed<string> {
  const parsed = readSecretFile(path, name);
  if ("problem" in parsed) return parsed;
  const problem = clientSecretProblem(parsed.value);
  return problem ? { problem: `${name}: ${problem}` } : parsed;
}
