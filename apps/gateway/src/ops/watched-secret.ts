import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";
import type { Logger } from "pino";
import type { Parsed } from "../config/parsed.js";

/** Events of one change (Kubernetes writes a folder, then swaps a link) settle within this time. */
const SETTLE_MS = 100;

/** A secret setting read from a file, and read again when the file changes. */
export interface WatchedSecret<T> {
  /** The newest value that passed its check. */
  current(): T;
  /** Reads the file again now (SIGHUP), as a change of the file would. */
  reread(): void;
  close(): void;
}

export interface WatchedSecretOptions<T> {
  /** The setting, e.g. `IDP_CLIENT_SECRET_FILE`: named in logs, never its value. */
  name: string;
  path: string;
  /** The value read at start. */
  initial: T;
  /** The setting's own reading and check, as at start; a problem never quotes the file. */
  read(path: string, name: string): Parsed<T>;
  same(a: T, b: T): boolean;
  /** Called with each new value that passed its check, before it is current. */
  changed(value: T): void;
  logger: Logger;
}

/**
 * A secret file picked up without a restart. The file's folder is watched,
 * not the file: a Kubernetes secret volume changes by swapping the `..data`
 * link in the folder, which a watch on the old file never sees, and a
 * rename over the file replaces the file that a watch would be on. After a
 * change settles the file is read with the setting's own check; a value the
 * check refuses (empty, too short, unreadable) keeps the old one, with an
 * error naming the setting and the problem, never the value.
 */
export function watchSecretFile<T>(options: WatchedSecretOptions<T>): WatchedSecret<T> {
  const { name, path, logger } = options;
  let value = options.initial;
  let settle: NodeJS.Timeout | undefined;
  const reread = () => {
    clearTimeout(settle);
    settle = undefined;
    const parsed = options.read(path, name);
    if ("problem" in parsed) {
      logger.error(
        { setting: name, problem: parsed.problem },
        "secret file not used; keeping the last good value",
      );
      return;
    }
    if (options.same(parsed.value, value)) return;
    // As at start: a file others may read is used, and named in a warning.
    if (parsed.warning) logger.warn({ setting: name }, parsed.warning);
    options.changed(parsed.value);
    value = parsed.value;
    logger.info({ setting: name }, "secret file changed; new value in use");
  };
  const file = basename(path);
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
      // Kubernetes' swap names `..data`, not the file; any other file of the folder is not ours.
      if (changed !== null && changed !== file && !changed.startsWith("..")) return;
      clearTimeout(settle);
      settle = setTimeout(reread, SETTLE_MS);
      settle.unref();
    });
    watcher.on("error", (error: NodeJS.ErrnoException) =>
      logger.error({ setting: name, code: error.code ?? "error" }, "secret file no longer watched"),
    );
  } catch (error) {
    logger.error(
      { setting: name, code: (error as NodeJS.ErrnoException).code ?? "error" },
      "secret file not watched; SIGHUP reads it again",
    );
  }
  return {
    current: () => value,
    reread,
    close: () => {
      clearTimeout(settle);
      watcher?.close();
    },
  };
}
