import pino, { type Logger } from "pino";
import sonicBoom from "sonic-boom";
import type { SecretRegistry } from "./secrets.js";

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

/**
 * The gateway's logger. Known paths are censored; with `secrets`, every
 * line is also scrubbed of each secret in play, by value, wherever it
 * appears (an upstream that echoes a token into its error text).
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
      ...(secrets && { hooks: { streamWrite: (line: string) => secrets.scrub(line) } }),
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
