import pino, { type Logger } from "pino";

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

export function createLogger(
  level: pino.LevelWithSilent,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level,
      base: { service: "tokengate-gateway" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}
