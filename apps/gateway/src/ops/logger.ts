import pino, { type Logger } from "pino";
import sonicBoom from "sonic-boom";
import type { SecretRegistry } from "../core/secrets.js";

// sonic-boom is CommonJS: its class is a property of the module's export.
const { SonicBoom } = sonicBoom;

/**
 * Paths censored in every log line. The gateway never logs these on purpose;
 * this catches the day someone logs a header bag or an upstream body.
 */
export const REDACTED_PATHS = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "accessToken",
  "*.accessToken",
  "access_token",
  "*.access_token",
  "clientSecret",
  "*.clientSecret",
  "client_secret",
  "*.client_secret",
];

/** Each request logger's own secrets (its caller's token, its minted token). */
const requestSecrets = new WeakMap<Logger, SecretRegistry>();

/**
 * The logger for one request's lines, bound to its id: its lines are
 * scrubbed of `secrets` too, and no other line is, so a caller's token can
 * never redact (or break) another request's lines.
 */
export function requestLogger(
  logger: Logger,
  bindings: Record<string, string>,
  secrets: SecretRegistry,
): Logger {
  const child = logger.child(bindings);
  requestSecrets.set(child, secrets);
  return child;
}

/**
 * The gateway's logger. Known paths are censored; with `secrets`, every
 * value logged is also scrubbed of each of the gateway's own secrets in
 * play, by value and in every encoded form, before the line is serialized
 * (an upstream that echoes a credential into its error text). A request
 * logger's lines are scrubbed of that request's secrets too.
 */
export function createLogger(
  level: pino.LevelWithSilent,
  destination?: pino.DestinationStream,
  secrets?: SecretRegistry,
): Logger {
  return pino(
    {
      level,
      base: { service: "tokengate-gateway" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      ...(secrets && {
        hooks: {
          logMethod(this: Logger, args: Parameters<pino.LogFn>, method: pino.LogFn) {
            const own = requestSecrets.get(this);
            const scrub = (value: unknown) => {
              const global = secrets.scrubValue(value);
              return own ? own.scrubValue(global) : global;
            };
            return method.apply(this, args.map(scrub) as Parameters<pino.LogFn>);
          },
        },
      }),
    },
    destination,
  );
}

/**
 * Where the deployed gateway logs: stdout, written asynchronously. pino's
 * default stdout stream flushes synchronously at exit and, once the log
 * reader has gone (EPIPE), retries that flush forever: a gateway whose
 * reader had died never exited on SIGTERM. This stream is ended, not
 * flushed, before exit: written lines go out, and after `ms` the rest is
 * given up.
 */
export function stdoutLogs(): {
  stream: InstanceType<typeof SonicBoom>;
  endBeforeExit(ms: number): Promise<void>;
} {
  const stream = new SonicBoom({
    fd: 1,
    sync: false,
    // Lines beyond this while the reader is stuck are dropped, not buffered.
    maxLength: 16 * 1024 * 1024,
  });
  // A broken pipe loses the logs, not the gateway.
  stream.on("error", () => undefined);
  return {
    stream,
    endBeforeExit: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        stream.once("close", () => {
          clearTimeout(timer);
          resolve();
        });
        stream.end();
      }),
  };
}
