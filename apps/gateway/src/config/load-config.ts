/**
 * The gateway's configuration, assembled from the settings table
 * (`config/settings.ts`): the shape the rest of the gateway is built from,
 * and the rules that tie settings to each other.
 */
import type pino from "pino";
import type { BrokerAuthSettings } from "./broker-settings.js";
import { networkExposureProblem } from "./network-exposure.js";
import { installed } from "./optional-dependency.js";
import { readSettings } from "./read-settings.js";
import { clientSecretProblem } from "./secret-file.js";
import type { SettingValues } from "./settings.js";
import { type UpstreamConfig, upstreamFrom } from "./upstream.js";

export interface GatewayConfig {
  port: number;
  host: string;
  /** The upstream origin; `sandbox`/`production` resolved to their URLs. */
  idpBaseUrl: string;
  idpTimeoutMs: number;
  /** Sockets kept open to the upstream. */
  idpConnections: number;
  /** `NODE_ENV=production`: GraphiQL and introspection off. */
  production: boolean;
  logLevel: pino.LevelWithSilent;
  /** Token-broker settings, or `null` for passthrough mode. */
  broker: BrokerConfig | null;
  /** Bounds on what one client can hold open on the HTTP server. */
  server: ServerLimits;
  /** Time from SIGTERM to exit; requests still waiting near its end get `SHUTTING_DOWN`. */
  drainGraceMs: number;
  /** Origins allowed to call from a browser (CORS); none by default, never with credentials. */
  corsOrigins: string[];
  /** Where `GET /metrics` is served (`METRICS_PORT`, `METRICS_HOST`); `null`: no metrics. */
  metrics: { host: string; port: number } | null;
  /**
   * OpenTelemetry tracing is on: `OTEL_EXPORTER_OTLP_ENDPOINT`,
   * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_TRACES_EXPORTER` is set (and
   * not `none`, and `OTEL_SDK_DISABLED` is not `true`). The SDK reads the
   * `OTEL_*` variables themselves from the process environment.
   */
  tracing: boolean;
  /** `REDIS_URL`: where replicas share rate-limit counts, the upstream budget and reused tokens; `null`: each replica alone. */
  redisUrl: string | null;
  /** The upstream budget and token reuse. */
  upstream: UpstreamConfig;
  /** `TRUSTED_DOCUMENTS=required`: only the typed client's documents run, named by id. */
  trustedDocuments: boolean;
  /** Where audit events go (`AUDIT_LOG`, `AUDIT_LOG_FILE`); `null`: nowhere. */
  audit: AuditDestination | null;
}

/** The audit trail's stream: the log stream (stdout), or a file of its own. */
export type AuditDestination = { to: "stdout" } | { to: "file"; path: string };

/** `AUDIT_LOG` and `AUDIT_LOG_FILE` together: a file for a trail that is off is a mistake. */
function auditFrom(values: SettingValues, problems: string[]): AuditDestination | null {
  const path = values.AUDIT_LOG_FILE;
  if (values.AUDIT_LOG === "off") {
    if (path !== null) problems.push("AUDIT_LOG_FILE is set, but AUDIT_LOG=off writes no events");
    return null;
  }
  return path === null ? { to: "stdout" } : { to: "file", path };
}

export interface ServerLimits {
  /** A client must send its request headers within this time (slow-header clients). */
  headersTimeoutMs: number;
  /** A client must send its whole request within this time (slow-body clients). */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this time. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this many are refused (idle ones are closed first to make room). */
  maxConnections: number;
  /** Connections from one remote address beyond this many are refused. */
  maxConnectionsPerAddress: number;
}

export interface BrokerConfig {
  clientId: string;
  /** The client secret as read at start. */
  clientSecret: string;
  /** `IDP_CLIENT_SECRET_FILE`'s path, watched for a rotated secret; `null` with `IDP_CLIENT_SECRET`. */
  clientSecretFile: string | null;
  /** Scopes of the bank token the gateway requests. */
  tokenScopes: string[];
  auth: BrokerAuthSettings;
  rateLimit: RateLimitSettings;
}

/** How many mints a verified caller, and a customer, may have per minute. */
export interface RateLimitSettings {
  /** `RATE_LIMIT_MINTS_PER_MINUTE`: per caller `sub` and per customer guid; 0 turns limiting off. */
  mintsPerMinute: number;
}

export type ConfigResult =
  /** `warnings`: accepted settings the operator should fix, logged at start. */
  { ok: true; config: GatewayConfig; warnings: string[] } | { ok: false; problems: string[] };

/** The standard switches of the OpenTelemetry SDK's environment configuration. */
function tracingOn(values: SettingValues): boolean {
  if (values.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  if (values.OTEL_TRACES_EXPORTER?.trim() === "none") return false;
  return Boolean(
    values.OTEL_EXPORTER_OTLP_ENDPOINT ||
      values.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
      values.OTEL_TRACES_EXPORTER,
  );
}

/**
 * Broker mode: the bank's client credentials and the caller-authentication
 * settings (the table requires those; without them the gateway would mint
 * for anyone, so it refuses to start instead).
 */
function brokerFrom(
  env: NodeJS.ProcessEnv,
  values: SettingValues,
  problems: string[],
): BrokerConfig {
  if (env.IDP_CLIENT_SECRET && env.IDP_CLIENT_SECRET_FILE)
    problems.push("IDP_CLIENT_SECRET and IDP_CLIENT_SECRET_FILE are both set; set one");
  const clientSecret = values.IDP_CLIENT_SECRET ?? values.IDP_CLIENT_SECRET_FILE;
  if (!clientSecret)
    problems.push("IDP_CLIENT_SECRET or IDP_CLIENT_SECRET_FILE is required in broker mode");
  else {
    const problem = clientSecretProblem(clientSecret);
    if (problem) problems.push(problem);
  }
  return {
    clientId: values.IDP_CLIENT_ID ?? "",
    clientSecret: clientSecret ?? "",
    clientSecretFile: env.IDP_CLIENT_SECRET_FILE || null,
    tokenScopes: values.IDP_TOKEN_SCOPES,
    auth: {
      jwksUrl: values.AUTH_JWKS_URL ?? "",
      issuer: values.AUTH_ISSUER ?? "",
      audience: values.AUTH_AUDIENCE ?? "",
      customerClaim: values.AUTH_CUSTOMER_CLAIM,
      allowedScopes: values.ALLOWED_SCOPES,
      adminScope: values.AUTH_ADMIN_SCOPE,
      algorithms: values.AUTH_ALGORITHMS,
      clockToleranceSeconds: values.AUTH_CLOCK_TOLERANCE_SECONDS,
      maxTokenLifetimeSeconds: values.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
      maxIpAllowlistEntries: values.AUTH_MAX_IP_ALLOWLIST_ENTRIES,
      minIpAllowlistPrefix: values.AUTH_MIN_IP_ALLOWLIST_PREFIX,
      jwksCooldownMs: values.AUTH_JWKS_COOLDOWN_MS,
    },
    rateLimit: {
      mintsPerMinute: values.RATE_LIMIT_MINTS_PER_MINUTE,
    },
  };
}

/**
 * Reads the gateway's settings from the environment and reports every
 * problem at once. `IDP_BASE_URL` has no default, so the gateway never
 * points at a mock (or at production) unless told to.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const { values, broker, problems, warnings } = readSettings(env);
  if (values.SERVER_HEADERS_TIMEOUT_MS > values.SERVER_REQUEST_TIMEOUT_MS)
    problems.push("SERVER_HEADERS_TIMEOUT_MS must not exceed SERVER_REQUEST_TIMEOUT_MS");
  if (
    values.METRICS_PORT !== null &&
    values.METRICS_PORT !== 0 &&
    values.METRICS_PORT === values.PORT
  )
    problems.push("METRICS_PORT must differ from PORT: metrics are never served to callers");
  const brokerConfig = broker ? brokerFrom(env, values, problems) : null;
  const upstream = upstreamFrom(values, broker, problems, warnings);
  const audit = auditFrom(values, problems);
  // `Production` or ` production ` must not turn GraphiQL and introspection on.
  const production = values.NODE_ENV?.trim().toLowerCase() === "production";
  const exposure = networkExposureProblem(
    values.HOST,
    production,
    values.ALLOW_DEVELOPMENT_ON_NETWORK === "true",
  );
  if (exposure) problems.push(exposure);
  const tracing = tracingOn(values);
  if (tracing && !installed("@opentelemetry/sdk-node"))
    problems.push(
      "OTEL_* settings turn tracing on, but the OpenTelemetry SDK is not installed: deploy with it (pnpm deploy:gateway --with-tracing <dir>)",
    );

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    warnings,
    config: {
      port: values.PORT,
      host: values.HOST,
      idpBaseUrl: values.IDP_BASE_URL ?? "",
      idpTimeoutMs: values.IDP_TIMEOUT_MS,
      idpConnections: values.IDP_CONNECTIONS,
      production,
      logLevel: values.LOG_LEVEL,
      broker: brokerConfig,
      server: {
        headersTimeoutMs: values.SERVER_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: values.SERVER_REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: values.SERVER_KEEP_ALIVE_TIMEOUT_MS,
        maxConnections: values.SERVER_MAX_CONNECTIONS,
        maxConnectionsPerAddress: values.SERVER_MAX_CONNECTIONS_PER_ADDRESS,
      },
      drainGraceMs: values.DRAIN_GRACE_MS,
      corsOrigins: values.CORS_ORIGINS,
      metrics:
        values.METRICS_PORT === null
          ? null
          : { host: values.METRICS_HOST, port: values.METRICS_PORT },
      tracing,
      redisUrl: values.REDIS_URL,
      upstream,
      audit,
      // A broker-mode caller is an end user's app session: it may run what
      // the bank's apps run, nothing else. A passthrough caller holds the
      // bank's own token, which reaches the upstream without the gateway.
      trustedDocuments: (values.TRUSTED_DOCUMENTS ?? (broker ? "required" : "off")) === "required",
    },
  };
}
