import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";

/**
 * The secret in the file a setting names, without the newlines that end
 * the file. The file is opened without blocking and must be a regular
 * file: a FIFO or a device would hang start-up or never end. A file that
 * every user of the machine may read is accepted with a warning (mounted
 * secrets are often 0644), named by setting, never by content.
 */
export function readSecretFile(
  path: string,
  setting: string,
  problems: string[],
  warnings: string[],
): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    problems.push(
      `${setting} could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      problems.push(`${setting} must name a regular file`);
      return undefined;
    }
    if (stat.mode & 0o004) {
      warnings.push(
        `${setting} is readable by every user of this machine (mode ${(stat.mode & 0o777).toString(8)}); make it readable by the gateway's user only`,
      );
    }
    // Editors and `echo` end a file with newlines; none belongs to the secret.
    return readFileSync(fd, "utf8").replace(/[\r\n]+$/, "");
  } catch (error) {
    problems.push(
      `${setting} could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
    return undefined;
  } finally {
    closeSync(fd);
  }
}
