import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
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
