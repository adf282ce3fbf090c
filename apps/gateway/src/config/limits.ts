/**
 * The fixed limits: bounds that protect the gateway and that a deployment
 * has no reason to change (those that it might are settings, in
 * `settings.ts`). Each is named once here with why it has its value; the
 * docs' limits table (docs/configuration.md) is generated from this list.
 */
export interface Limit {
  value: number;
  /** What it bounds and why, in Markdown, for the docs. */
  description: string;
}

export const LIMITS = {
  SHORTEST_SECRET: {
    value: 8,
    description:
      "Fewest characters of a secret (the client secret, the token-cache key, a Redis password): shorter values would scrub ordinary words from the logs, so they cannot be registered for scrubbing, and a configured secret this short is refused.",
  },
  MAX_BODY_BYTES: {
    value: 64 * 1024,
    description:
      "Largest POST body, in bytes; a larger one is refused `PAYLOAD_TOO_LARGE` (HTTP 413) before it is parsed.",
  },
  MAX_DOCUMENT_DEPTH: {
    value: 6,
    description: "Deepest selection in a GraphQL document (the schema is 3 deep).",
  },
  MAX_DOCUMENT_ALIASES: {
    value: 4,
    description:
      "Aliases in a document: each `createCustomerToken` is one upstream mint, so at most 5 mints per request.",
  },
  MAX_DOCUMENT_TOKENS: {
    value: 800,
    description: "Tokens in a document; beyond it `GRAPHQL_PARSE_FAILED` before parsing finishes.",
  },
  MAX_DOCUMENT_DIRECTIVES: { value: 10, description: "Directives in a document." },
  MAX_DOCUMENT_COST: { value: 500, description: "graphql-armor's cost of a document." },
  MAX_ERRORS: {
    value: 20,
    description: "Errors in one answer: a hostile document cannot make a large error answer.",
  },
  MAX_ERROR_MESSAGE_CHARS: {
    value: 1_000,
    description:
      "Characters of one error message: graphql-js quotes a whole refused value into it.",
  },
  MAX_PASSTHROUGH_MESSAGE_CHARS: {
    value: 300,
    description:
      "Characters of the upstream's own words a passthrough caller sees (credential-like runs redacted).",
  },
  MAX_JWKS_BYTES: {
    value: 64 * 1024,
    description: "Largest JWKS answer read (broker mode); a larger one is a failed fetch.",
  },
  JWKS_TIMEOUT_MS: { value: 5_000, description: "Time for one JWKS fetch (broker mode)." },
  BANK_TOKEN_RETRY_MS: {
    value: 2_000,
    description:
      "Broker mode: while the replica has no bank token (before the first, or after a refresh failed), it is requested again this often.",
  },
  RATE_LIMIT_WINDOW_SECONDS: {
    value: 60,
    description: "The window `RATE_LIMIT_MINTS_PER_MINUTE` counts mints in.",
  },
  REDIS_CONNECT_TIMEOUT_MS: {
    value: 2_000,
    description:
      "Time to connect to Redis; while it is unreachable each replica counts on its own and `/ready` says `degraded`.",
  },
  REDIS_HOLD_OFF_MS: {
    value: 5_000,
    description:
      "After a connected Redis fails a command (a count, a budget decision, a cache read), the replica's caller limits, budget and token cache all skip it for this long (a hanging Redis slows one mint per period, not every mint).",
  },
  REDIS_COMMAND_TIMEOUT_MS: {
    value: 1_000,
    description:
      "Time for one Redis command (a count, a budget decision, a cache read or write); a slower one is answered on this replica instead.",
  },
  DRAIN_ANSWER_MARGIN_MS: {
    value: 1_000,
    description:
      "How long before the HTTP server's share of `DRAIN_GRACE_MS` ends waiting mints are answered `SHUTTING_DOWN` (a quarter of the share, when shorter).",
  },
  SPAN_FLUSH_MS: {
    value: 2_000,
    description:
      "With tracing on, the end of `DRAIN_GRACE_MS` kept for buffered spans to reach the collector (a quarter of it, when shorter); a collector that hangs or is down is given up on then, so the exit stays within the budget.",
  },
  EXIT_MARGIN_MS: {
    value: 250,
    description:
      "The last part of `DRAIN_GRACE_MS`, kept for the last log lines to be written before exit (a tenth of it, when shorter).",
  },
  WARNING_INTERVAL_MS: {
    value: 10_000,
    description:
      "A repeated warning (malformed requests, Redis down) is logged at most this often, with a count.",
  },
  METRICS_KEEP_ALIVE_TIMEOUT_MS: {
    value: 5_000,
    description: "Idle time before the metrics port closes a scraper's connection.",
  },
  MAX_METRICS_CONNECTIONS: {
    value: 32,
    description:
      "Connections the metrics port holds (a scraper or two needs a few); it has the GraphQL port's header and request timeouts too, so half-sent requests cannot pile up there.",
  },
  MAX_DISCARDED_BODY_BYTES: {
    value: 16 * 1024 * 1024,
    description:
      "A refused POST body (411, 413, 415) up to this size is read and discarded before the answer, so a client that writes its whole body first reads the refusal instead of a reset; a larger one is refused unread.",
  },
  MAX_TRACED_NAME_CHARS: {
    value: 128,
    description: "Characters of a caller's operation name a span carries (name and attribute).",
  },
  MAX_SPAN_ATTRIBUTE_CHARS: {
    value: 256,
    description: "Characters of any span attribute value, whatever sets it.",
  },
  MAX_SPAN_ATTRIBUTES: { value: 32, description: "Attributes on one span." },
} as const satisfies Record<string, Limit>;
