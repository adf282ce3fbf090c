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
 * level, pid and host fields the schema does not have.
 */
function lineWriter(destination: pino.DestinationStream): (event: AuditEvent) => void {
  return (event) => destination.write(`${JSON.stringify(event)}\n`);
}

/**
 * Audit events on the gateway's log stream (stdout, or a test's sink),
 * among its other lines: `"audit":true` tells them apart.
 */
export function streamAuditTrail(destination: pino.DestinationStream): AuditTrail {
  return {
    record: lineWriter(destination),
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
  file.on("error", (error: NodeJS.ErrnoException) =>
    logger.error({ code: error.code ?? "error" }, "the audit file could not be written"),
  );
  return {
    record: lineWriter(file),
    reopen: () => file.reopen(),
    close: () =>
      new Promise((resolve) => {
        file.once("close", () => resolve());
        file.end();
      }),
  };
}
