import type { Logger } from "pino";
import pino from "pino";
import type { AuditEvent } from "./event.js";

/** Where the audit events go: a stream of their own, one JSON line each. */
export interface AuditTrail {
  record(event: AuditEvent): void;
  /** Reopens the audit file at its path (after logrotate moved it away); nothing for stdout. */
  reopen(): void;
  /** Writes what is buffered and closes the file (stdout is left to the logger). */
  close(): Promise<void>;
}

/** `AUDIT_LOG=off`: no events. */
export const noAuditTrail: AuditTrail = {
  record: () => undefined,
  reopen: () => undefined,
  close: async () => undefined,
};

/**
 * Each event as one JSON line, exactly the event: not a pino line, whose
 * level, pid and host fields the schema does not have. A write that throws
 * (a stream already ended at shutdown) goes to `failed`: an answer is never
 * turned into an error by its audit line.
 */
function lineWriter(
  destination: pino.DestinationStream,
  failed: (error: unknown) => void,
): (event: AuditEvent) => void {
  return (event) => {
    try {
      destination.write(`${JSON.stringify(event)}\n`);
    } catch (error) {
      failed(error);
    }
  };
}

/**
 * Audit events on the gateway's log stream (stdout, or a test's sink),
 * among its other lines: `"audit":true` tells them apart.
 */
export function streamAuditTrail(destination: pino.DestinationStream): AuditTrail {
  return {
    // As for the logs themselves: a broken stdout loses lines, not the gateway.
    record: lineWriter(destination, () => undefined),
    reopen: () => undefined,
    close: async () => undefined,
  };
}

/**
 * Audit events appended to the file at `path` (created with its folder),
 * written synchronously: an event is in the file before its caller gets an
 * answer. `reopen` opens the path afresh, the logrotate convention
 * (`postrotate`: send SIGHUP); a write that fails is reported to `logger`,
 * never to a caller.
 */
export function fileAuditTrail(path: string, logger: Logger): AuditTrail {
  const file = pino.destination({ dest: path, append: true, mkdir: true, sync: true });
  const failed = (error: unknown) =>
    logger.error(
      { code: (error as NodeJS.ErrnoException).code ?? "error" },
      "the audit file could not be written",
    );
  file.on("error", failed);
  return {
    record: lineWriter(file, failed),
    reopen: () => file.reopen(),
    // Every event was written synchronously: nothing is buffered to flush,
    // and a file that fails (a full disk) cannot hold up the drain.
    close: async () => file.destroy(),
  };
}
