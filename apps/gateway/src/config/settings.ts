/**
 * Every setting the gateway reads, one row each: the loader, the check that
 * refuses broker settings outside broker mode, the defaults and the docs'
 * settings table (docs/configuration.md) all come from this table.
 *
 * Adding a setting: add a row here (in the section of its mode), read its
 * value in `../config.ts`, run `pnpm generate` to refresh the docs table.
 * The tests derive each row's mode, example and secrecy from the row.
 */
import {
  CUSTOMER_TOKEN_SCOPES,
  DEFAULT_BANK_TOKEN_SCOPES,
  DEFAULT_CONNECTIONS,
  DEFAULT_TIMEOUT_MS,
  PUBLISHED_RATE_LIMITS,
} from "@tokengate/idp-client";
import type pino from "pino";
import { ASYMMETRIC_ALGORITHMS, READ_ONLY_SCOPES } from "./broker-settings.js";
import {
  fileContents,
  integer,
  listOf,
  oneOf,
  origins,
  type Parser,
  redisUrl,
  secureUrl,
  text,
  upstreamUrl,
  words,
} from "./parsers.js";

/**
 * `both`: read in passthrough and broker mode. `broker`: read only in broker
 * mode; set without client credentials it is refused, since it would
 * otherwise silently mean passthrough.
 */
export type Mode = "both" | "broker";

export interface Setting<T> {
  parser: Parser<T>;
  /** The value when unset (or empty); without one, an unset setting has no value. */
  default?: T | null;
  /** How the docs show the default, when printing the value would not help. */
  shownDefault?: string;
  /** Unset is a problem (in broker mode only, for a broker setting). */
  required?: true;
  mode: Mode;
  /** Setting it turns broker mode on (the bank's client credentials). */
  turnsOnBroker?: true;
  /** Holds a credential: its value is never quoted in a problem (a test checks each such row). */
  secret?: true;
  /** Another setting this one is meaningless without. */
  needs?: string;
  /** A valid value: shown in the docs, and set by the tests that check the row. */
  example: string;
  /** What it does, in Markdown, for the docs. */
  description: string;
}

const MS_LIMIT = 600_000;

/**
 * The upstream's published per-IP limits (the spec's `x-tokengate-rate-limit`),
 * the upstream budget's defaults. A spec without one leaves that budget
 * uncounted (0), and the window then does not matter.
 */
const PUBLISHED: Partial<Record<string, { requests: number; windowSeconds: number }>> =
  PUBLISHED_RATE_LIMITS;
const MINT_LIMIT = PUBLISHED.createCustomerToken;
const TOKEN_LIMIT = PUBLISHED.createBankToken;
const PORT = integer(0, 65_535);

const LOG_LEVELS = [
  "trace",
  "debug",
  "info",
  "warn",
  "error",
  "fatal",
  "silent",
] as const satisfies readonly pino.LevelWithSilent[];

export const SETTINGS = {
  // Both modes.
  IDP_BASE_URL: {
    parser: upstreamUrl,
    required: true,
    mode: "both",
    example: "sandbox",
    description:
      "The upstream: `sandbox`, `production`, or its URL. There is no default, so the gateway never points at a mock or at production unless told to.",
  },
  IDP_TIMEOUT_MS: {
    parser: integer(1, MS_LIMIT),
    default: DEFAULT_TIMEOUT_MS,
    mode: "both",
    example: "2500",
    description: "Time for one upstream call, retry included, connect to last byte.",
  },
  IDP_CONNECTIONS: {
    parser: integer(1, 10_000),
    default: DEFAULT_CONNECTIONS,
    mode: "both",
    example: "128",
    description:
      "Sockets kept open to the upstream; a mint waits for a free one. Raise it with the gateway's concurrency.",
  },
  PORT: {
    parser: PORT,
    default: 4000,
    mode: "both",
    example: "8080",
    description: "Port of the GraphQL server; `0` picks a free port.",
  },
  HOST: {
    parser: text,
    default: "127.0.0.1",
    mode: "both",
    example: "0.0.0.0",
    description:
      "Interface to listen on; `0.0.0.0` accepts connections from other hosts (containers).",
  },
  NODE_ENV: {
    parser: text,
    default: null,
    mode: "both",
    example: "production",
    description:
      "`production` (in any case) turns GraphiQL and introspection off; anything else behaves as development.",
  },
  ALLOW_DEVELOPMENT_ON_NETWORK: {
    parser: oneOf(["true", "false"] as const),
    default: "false" as const,
    mode: "both",
    example: "true",
    description:
      "Outside production the gateway serves GraphiQL and introspection, so on a `HOST` that is not loopback it refuses to start (naming both fixes) unless this is `true`: a development gateway in a container, on purpose.",
  },
  LOG_LEVEL: {
    parser: oneOf(LOG_LEVELS),
    default: "info" as const,
    mode: "both",
    example: "debug",
    description: "pino's level: JSON log lines on stdout at this level and above.",
  },
  DRAIN_GRACE_MS: {
    parser: integer(100, MS_LIMIT),
    default: 9_000,
    mode: "both",
    example: "25000",
    description:
      "Time from SIGTERM to exit, whatever `IDP_TIMEOUT_MS` is and however slow the span collector; mints still waiting 1 s before the HTTP server's share of it ends (all of it but the span flush's and the exit's, see the fixed limits) are answered `SHUTTING_DOWN`.",
  },
  CORS_ORIGINS: {
    parser: origins,
    default: [],
    shownDefault: "none",
    mode: "both",
    example: "https://app.example",
    description:
      "Browser origins allowed to call the gateway. None: no CORS headers. Another origin, `null` included, gets no CORS header. Credentials are never allowed.",
  },
  SERVER_HEADERS_TIMEOUT_MS: {
    parser: integer(1, MS_LIMIT),
    default: 10_000,
    mode: "both",
    example: "5000",
    description:
      "A client must send its request headers within this time (at most `SERVER_REQUEST_TIMEOUT_MS`).",
  },
  SERVER_REQUEST_TIMEOUT_MS: {
    parser: integer(1, MS_LIMIT),
    default: 15_000,
    mode: "both",
    example: "20000",
    description: "A client must send its whole request within this time.",
  },
  SERVER_KEEP_ALIVE_TIMEOUT_MS: {
    parser: integer(1, MS_LIMIT),
    default: 5_000,
    mode: "both",
    example: "65000",
    description:
      "An idle kept-alive connection is closed after this time (behind a load balancer: longer than its idle timeout).",
  },
  SERVER_MAX_CONNECTIONS: {
    parser: integer(1, 1_000_000),
    default: 1_000,
    mode: "both",
    example: "5000",
    description:
      "At this many connections, the idle kept-alive ones are closed to make room; a new one is dropped at once only if every one is busy.",
  },
  SERVER_MAX_CONNECTIONS_PER_ADDRESS: {
    parser: integer(1, 1_000_000),
    default: 256,
    mode: "both",
    example: "1000",
    description:
      "Connections from one remote address beyond this many are dropped at once. Behind a proxy or load balancer that connects from few addresses, raise it to SERVER_MAX_CONNECTIONS.",
  },
  METRICS_PORT: {
    parser: PORT,
    default: null,
    mode: "both",
    example: "9464",
    description:
      "Serves Prometheus metrics at `GET /metrics` on this port (`0`: a free one), never on `PORT`. Unset: no metrics, prom-client not loaded.",
  },
  METRICS_HOST: {
    parser: text,
    default: "127.0.0.1",
    mode: "both",
    needs: "METRICS_PORT",
    example: "10.0.0.5",
    description:
      "Interface of the metrics port; an internal address for a scraper on another host.",
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    parser: text,
    default: null,
    mode: "both",
    example: "http://127.0.0.1:4318",
    description:
      "Turns OpenTelemetry tracing on, exporting to this OTLP endpoint. Every other standard `OTEL_*` variable applies too (see [Operations](operations.md#tracing)).",
  },
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: {
    parser: text,
    default: null,
    mode: "both",
    example: "http://127.0.0.1:4318/v1/traces",
    description: "Turns tracing on, exporting spans to this OTLP traces endpoint.",
  },
  OTEL_TRACES_EXPORTER: {
    parser: text,
    default: null,
    mode: "both",
    example: "console",
    description: "Turns tracing on with this exporter (`otlp`, `console`); `none` keeps it off.",
  },
  REDIS_URL: {
    parser: redisUrl,
    default: null,
    mode: "both",
    secret: true,
    example: "rediss://:password@redis.internal:6380/0",
    description:
      "Redis that every replica shares the rate-limit counts (broker mode), the upstream budget and the token cache through; unset: each replica on its own.",
  },
  UPSTREAM_MINT_LIMIT: {
    parser: integer(0, 1_000_000),
    default: MINT_LIMIT?.requests ?? 0,
    mode: "both",
    example: "100",
    description:
      "Mints that may leave the gateway (every replica sharing `REDIS_URL`) per `UPSTREAM_LIMIT_WINDOW_S`; beyond it `UPSTREAM_RATE_LIMITED`, nothing sent. The default is the upstream's published per-IP limit (the spec's `x-tokengate-rate-limit`); `0`: not counted. See [Operations](operations.md#the-upstreams-budget).",
  },
  UPSTREAM_TOKEN_LIMIT: {
    parser: integer(0, 1_000_000),
    default: TOKEN_LIMIT?.requests ?? 0,
    mode: "both",
    example: "10",
    description:
      "Bank-token requests (`/oauth/token`, broker mode: the first, refreshes, after a 401) per window; `0`: not counted.",
  },
  UPSTREAM_LIMIT_WINDOW_S: {
    parser: integer(1, 86_400),
    default: MINT_LIMIT?.windowSeconds ?? TOKEN_LIMIT?.windowSeconds ?? 60,
    mode: "both",
    example: "60",
    description: "The upstream budget's sliding window, in seconds.",
  },
  TOKEN_REUSE: {
    parser: oneOf(["on", "off"]),
    default: null,
    shownDefault: "`on` in broker mode, `off` in passthrough",
    mode: "both",
    example: "off",
    description:
      "Answer a mint identical to an earlier one (caller, customer, scope set, IP-allowlist inputs) with that token while it has `TOKEN_REUSE_MIN_REMAINING_S` left (`CustomerToken.reused`).",
  },
  TOKEN_REUSE_MIN_REMAINING_S: {
    parser: integer(0, 86_400),
    default: 1_200,
    mode: "both",
    example: "600",
    description:
      "A token is handed out again only while it has this long left: 20 of production's 30 minutes, so every identical mint in the first 10 (two upstream windows) costs no upstream call.",
  },
  TOKEN_CACHE_KEY_FILE: {
    parser: text,
    default: null,
    mode: "both",
    example: "/run/secrets/token-cache-key",
    description:
      "A file holding the 32-byte AES-256-GCM key (64 hex digits or base64) reused tokens are encrypted with in Redis; required when reuse is on and `REDIS_URL` is set. Watched like `IDP_CLIENT_SECRET_FILE`: tokens stored from then on use the new key.",
  },
  AUDIT_LOG: {
    parser: oneOf(["on", "off"] as const),
    default: "on" as const,
    mode: "both",
    example: "off",
    description:
      'Each operation that reaches the pipeline writes one audit event (a JSON line of `audit-event.schema.json`): on stdout among the logs, marked `"audit":true`, or in `AUDIT_LOG_FILE`. `off`: none. See [Security](security.md#audit-trail).',
  },
  AUDIT_LOG_FILE: {
    parser: text,
    default: null,
    mode: "both",
    example: "/var/log/tokengate/audit.log",
    description:
      "Writes the audit events to this file instead of stdout: created with its folder, appended to, each event written before its caller gets an answer; reopened on SIGHUP (logrotate's `postrotate`). See [Operations](operations.md#the-audit-stream).",
  },
  TRUSTED_DOCUMENTS: {
    parser: oneOf(["required", "off"]),
    default: null,
    shownDefault: "`required` in broker mode, `off` in passthrough",
    mode: "both",
    example: "off",
    description:
      "`required`: run only the typed client's documents, sent by id (`extensions.persistedQuery.sha256Hash`, the ids in `@tokengate/graphql-client/persisted-documents.json`); any other document gets `DOCUMENT_NOT_TRUSTED`. See [Security](security.md#trusted-documents).",
  },
  OTEL_SDK_DISABLED: {
    parser: text,
    default: null,
    mode: "both",
    example: "true",
    description: "`true` keeps tracing off whatever else is set.",
  },

  // Broker mode: on when the bank's client credentials are set.
  IDP_CLIENT_ID: {
    parser: text,
    required: true,
    mode: "broker",
    turnsOnBroker: true,
    example: "bank-client-id",
    description: "The bank's OAuth client id. With a client secret, it turns broker mode on.",
  },
  IDP_CLIENT_SECRET: {
    parser: text,
    mode: "broker",
    turnsOnBroker: true,
    secret: true,
    example: "bank-client-secret",
    description:
      "The bank's OAuth client secret (or use `IDP_CLIENT_SECRET_FILE`). Never logged, never in an error.",
  },
  IDP_CLIENT_SECRET_FILE: {
    parser: fileContents,
    mode: "broker",
    turnsOnBroker: true,
    example: "/run/secrets/idp-client-secret",
    description:
      "A file holding the client secret (a mounted secret), instead of `IDP_CLIENT_SECRET`. Watched: a new secret is used from the next bank-token request on, without a restart; a file that is unreadable, empty or too short keeps the last good one. See [Operations](operations.md#rotating-secrets).",
  },
  IDP_TOKEN_SCOPES: {
    parser: words,
    default: [...DEFAULT_BANK_TOKEN_SCOPES],
    mode: "broker",
    example: "customers:read customers:write",
    description: "Scopes of the bank token the gateway requests.",
  },
  AUTH_JWKS_URL: {
    parser: secureUrl,
    required: true,
    mode: "broker",
    example: "https://auth.example/.well-known/jwks.json",
    description:
      "Where the app tokens' public keys are published; keys are cached and a new key id triggers a refetch (rotation).",
  },
  AUTH_ISSUER: {
    parser: text,
    required: true,
    mode: "broker",
    example: "https://auth.example/",
    description: "The `iss` an app token must carry.",
  },
  AUTH_AUDIENCE: {
    parser: text,
    required: true,
    mode: "broker",
    example: "tokengate",
    description: "The `aud` an app token must carry.",
  },
  AUTH_CUSTOMER_CLAIM: {
    parser: text,
    default: "customer_guid",
    mode: "broker",
    example: "https://app.example/customer",
    description: "The claim holding the customer a caller may mint for.",
  },
  ALLOWED_SCOPES: {
    parser: listOf(
      CUSTOMER_TOKEN_SCOPES,
      "customer token scopes (wire values), comma or space separated",
      (unknown) => `has values that are not customer token scopes: ${unknown}`,
    ),
    default: READ_ONLY_SCOPES,
    shownDefault: `every \`…:read\` scope except the \`pii\` ones (${READ_ONLY_SCOPES.length} scopes)`,
    mode: "broker",
    example: "customers:read accounts:read",
    description: "Scopes a minted token may carry.",
  },
  AUTH_ADMIN_SCOPE: {
    parser: text,
    default: null,
    mode: "broker",
    example: "tokengate:admin",
    description:
      "A `scope`/`scp` value that lets a caller mint for any customer (still within `ALLOWED_SCOPES`).",
  },
  AUTH_ALGORITHMS: {
    parser: listOf(
      ASYMMETRIC_ALGORITHMS,
      `some of ${ASYMMETRIC_ALGORITHMS.join(", ")}`,
      (unknown) => `may list only ${ASYMMETRIC_ALGORITHMS.join(", ")}; got ${unknown}`,
    ),
    default: ["RS256", "ES256"],
    mode: "broker",
    example: "RS256",
    description:
      "Accepted signature algorithms; only asymmetric ones may be listed (never `none` or `HS*`).",
  },
  AUTH_CLOCK_TOLERANCE_SECONDS: {
    parser: integer(0, 300),
    default: 5,
    mode: "broker",
    example: "30",
    description: "Clock skew allowed when checking an app token's `exp` and `nbf`.",
  },
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: {
    parser: integer(60, 31_536_000),
    default: 86_400,
    mode: "broker",
    example: "3600",
    description:
      "Longest an app token may live, from `iat` (or now) to `exp` (`token_lifetime_too_long`); an `iat` ahead is refused too.",
  },
  AUTH_JWKS_COOLDOWN_MS: {
    parser: integer(0, 3_600_000),
    default: 30_000,
    mode: "broker",
    example: "60000",
    description:
      "Least time between two JWKS fetches: for an unknown key id (rotation) and after a failed fetch.",
  },
  AUTH_MAX_IP_ALLOWLIST_ENTRIES: {
    parser: integer(0, 1_000),
    default: 4,
    mode: "broker",
    example: "8",
    description:
      "Most `ipAllowlist` entries a non-admin caller may attach (`ip_allowlist_too_long`).",
  },
  AUTH_MIN_IP_ALLOWLIST_PREFIX: {
    parser: integer(0, 32),
    default: 24,
    mode: "broker",
    example: "28",
    description:
      "Widest range a non-admin caller may attach, as a CIDR prefix (`ip_allowlist_too_wide`); an admin is not bounded.",
  },
  RATE_LIMIT_MINTS_PER_MINUTE: {
    parser: integer(0, 1_000_000),
    default: 60,
    mode: "broker",
    example: "600",
    description:
      "Mints per minute per verified caller (`sub`) and, separately, per customer guid; `0` turns limiting off.",
  },
} satisfies Record<string, Setting<unknown>>;

export type SettingName = keyof typeof SETTINGS;

/** A setting's value: its parser's type, `null` when that is its default, `undefined` when it has none. */
export type SettingValue<S> = S extends { parser: Parser<infer T> }
  ? T | (S extends { default: infer D } ? (null extends D ? null : never) : undefined)
  : never;

export type SettingValues = { [N in SettingName]: SettingValue<(typeof SETTINGS)[N]> };

/** A row whose default is not a value its parser could give (or `null`); `pnpm typecheck` checks every row against it. */
export type MisfitDefault<S> = S extends { parser: Parser<infer T>; default: infer D }
  ? [D] extends [T | null]
    ? never
    : S
  : never;
